"""Comment moderation: the workflow that applies the policy and logs every decision
(``workflow``), moderators' decisions (``decisions``), who may moderate (``access``), the
commenter histories moderators read (``history``), and the queue's forms, views and URLs."""

from .access import can_moderate
from .decisions import MODERATOR_ACTIONS, lift_sanction, moderate, sanction
from .facts import (
    active_sanction,
    comment_gate,
    current_rules,
    is_trusted_role,
    kept_rules,
    read_before_posting,
)
from .workflow import (
    Action,
    FlagRefused,
    Result,
    check_editable,
    delete_own,
    edit,
    explain,
    flag,
    log,
    submit,
)

__all__ = [
    "MODERATOR_ACTIONS", "Action", "FlagRefused", "Result", "active_sanction", "can_moderate",
    "check_editable", "comment_gate", "current_rules", "delete_own", "edit", "explain", "flag",
    "is_trusted_role", "kept_rules", "lift_sanction", "log", "moderate", "read_before_posting",
    "sanction", "submit",
]  # fmt: skip
