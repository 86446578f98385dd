from .comment import QUEUE_FILTERS, Comment, CommentQuerySet
from .flag import Flag
from .health import HealthPattern, Helpline, helplines
from .moderation import ModerationLog, ModerationSettings, Sanction, SanctionQuerySet

__all__ = [
    "QUEUE_FILTERS", "Comment", "CommentQuerySet", "Flag", "HealthPattern", "Helpline",
    "ModerationLog", "ModerationSettings", "Sanction", "SanctionQuerySet", "helplines",
]  # fmt: skip
