from .comment import QUEUE_FILTERS, Comment, CommentQuerySet
from .flag import Flag
from .moderation import ModerationLog, ModerationSettings, Sanction, SanctionQuerySet

__all__ = [
    "QUEUE_FILTERS", "Comment", "CommentQuerySet", "Flag", "ModerationLog", "ModerationSettings",
    "Sanction", "SanctionQuerySet",
]  # fmt: skip
