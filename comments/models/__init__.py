from .comment import QUEUE_FILTERS, Comment, CommentQuerySet
from .context_note import ContextNote
from .flag import Flag
from .health import HealthPattern, Helpline, helplines
from .moderation import (
    LIMITING_ACTIONS,
    Appeal,
    ModerationLog,
    ModerationSettings,
    Sanction,
    SanctionQuerySet,
)

__all__ = [
    "LIMITING_ACTIONS", "Appeal",
    "QUEUE_FILTERS", "Comment", "CommentQuerySet", "ContextNote", "Flag", "HealthPattern",
    "Helpline",
    "ModerationLog", "ModerationSettings", "Sanction", "SanctionQuerySet", "helplines",
]  # fmt: skip
