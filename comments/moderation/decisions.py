"""Moderators' decisions: approve, reject, spam, remove, restore, dismiss flags; bans and
suspensions and lifting them. Each is checked, applied and logged here, whether it comes from the
queue or the admin, and each can be reversed."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .. import notifications
from ..models import Comment, ModerationLog, Sanction
from .facts import is_trusted_role
from .workflow import log

Status = Comment.Status
Action = ModerationLog.Action

MODERATOR_ACTIONS = {
    "approve": (Action.APPROVE, Status.APPROVED),
    "reject": (Action.REJECT, Status.REJECTED),
    "spam": (Action.SPAM, Status.SPAM),
    "remove": (Action.REMOVE, Status.REMOVED),
    "restore": (Action.RESTORE, None),  # back to the status before the last decision
    "dismiss_flags": (Action.DISMISS_FLAGS, None),
}


def _status_before_last_change(comment):
    last = (
        comment.log.filter(to_status=comment.status)
        .exclude(from_status="")
        .exclude(from_status=comment.status)
        .first()
    )
    # With no earlier decision to go back to, the comment waits for a fresh decision.
    return last.from_status if last else Status.PENDING


@transaction.atomic
def moderate(comment, action, actor, reason=""):
    """Apply one moderator decision to one comment and log it. Every decision is reversible:
    any status can be changed again, and ``restore`` returns the status before the last one."""
    if action not in MODERATOR_ACTIONS:
        raise ValidationError(f"Unknown moderation action “{action}”.")
    if action == "reject" and not reason.strip():
        raise ValidationError("Give a reason when rejecting: the commenter will see it.")
    log_action, new_status = MODERATOR_ACTIONS[action]
    before = comment.status
    now = timezone.now()
    was_published_before = comment.log.filter(to_status=Status.APPROVED).exists()
    if action != "restore":
        # A moderator's decision answers the readers' flags, whichever way it goes.
        comment.flags.filter(dismissed_at__isnull=True).update(dismissed_at=now)
    if action == "dismiss_flags":
        hidden_pending = comment.hidden_by_flags and comment.status == Status.PENDING
        new_status = Status.APPROVED if hidden_pending else comment.status
    if action == "restore":
        new_status = _status_before_last_change(comment)
    comment.status = new_status
    comment.hidden_by_flags = False
    comment.decided_by, comment.decided_at = actor, now
    comment.decision_reason = reason.strip()[:300]
    comment.save(update_fields=["status", "hidden_by_flags", "decided_by", "decided_at",
                                "decision_reason"])  # fmt: skip
    entry = log(log_action, comment=comment, actor=actor, reason=reason.strip(),
                from_status=before, to_status=comment.status)  # fmt: skip
    if comment.status == Status.APPROVED and not was_published_before:
        notifications.reply_published(comment)  # once per comment, not on every restore
    if action in ("reject", "spam", "remove") and before != comment.status:
        notifications.decision_made(comment, action, reason.strip(), entry.clause)
    elif action == "approve" and before == Status.PENDING:
        notifications.decision_made(comment, action, reason.strip(), entry.clause)
    return comment


def check_sanction(user, actor, *, days=None, reason):
    """Raise ValidationError when ``actor`` may not suspend or ban ``user`` like this: nobody
    bans themselves, staff (superusers, editors, moderators) or without a reason."""
    if not reason.strip():
        raise ValidationError("Give a reason for the ban or suspension.")
    if user.pk == actor.pk:
        raise ValidationError("You cannot ban or suspend yourself.")
    if is_trusted_role(user):
        raise ValidationError(
            f"{user.display_name} is staff. Remove them from the staff roles before a ban."
        )
    if days is not None and days < 1:
        raise ValidationError("A suspension lasts at least one day.")


@transaction.atomic
def sanction(user, actor, *, days=None, reason):
    """Suspend ``user`` for ``days`` days, or ban them for good when ``days`` is None."""
    check_sanction(user, actor, days=days, reason=reason)
    until = timezone.now() + timedelta(days=days) if days else None
    created = Sanction.objects.create(
        user=user, until=until, reason=reason.strip(), created_by=actor
    )
    ends = f" (until {until:%Y-%m-%d %H:%M})" if until else ""
    kind = Action.BAN if until is None else Action.SUSPEND
    entry = log(kind, subject=user, actor=actor, reason=f"{reason.strip()}{ends}")
    notifications.sanctioned(user, created, entry.clause)
    return created


@transaction.atomic
def lift_sanction(sanction_row, actor):
    sanction_row.lifted_at, sanction_row.lifted_by = timezone.now(), actor
    sanction_row.save(update_fields=["lifted_at", "lifted_by"])
    log(
        Action.LIFT,
        subject=sanction_row.user,
        actor=actor,
        reason=f"Lifted the {sanction_row.kind}.",
    )
