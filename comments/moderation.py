"""The comment workflow: posting, editing, deleting, flagging and moderating.

Gathers the facts the policy needs, asks ``comments.policy.decide``, stores the outcome and logs
every decision — automatic or human — in ``ModerationLog``. Views call these functions; nothing
else changes a comment's status.
"""

from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import EDITORS_GROUP, MODERATORS_GROUP
from core.sanitizer import normalize_comment_text

from . import notifications
from .models import Comment, Flag, ModerationLog, ModerationSettings, Sanction
from .policy import Commenter, Decision, Outcome, Rules, Submission, decide

Status = Comment.Status
Action = ModerationLog.Action


def current_rules():
    return Rules.from_settings(ModerationSettings.current())


def is_trusted_role(user):
    return (
        user.is_staff
        or user.is_superuser
        or user.in_group(EDITORS_GROUP)
        or user.in_group(MODERATORS_GROUP)
    )


def active_sanction(user):
    return (
        # A ban (no end date) outranks any suspension, on every database.
        Sanction.objects.active()
        .filter(user=user)
        .order_by(F("until").desc(nulls_first=True))
        .first()
        if user.pk
        else None
    )


def commenter_facts(user, rules, *, now=None):
    """Everything ``decide`` needs to know about ``user``, in a handful of queries."""
    if not user.is_authenticated:
        return Commenter(is_authenticated=False)
    now = now or timezone.now()
    sanction = active_sanction(user)
    own = Comment.objects.filter(author=user)
    decided = list(
        own.filter(status__in=[Status.APPROVED, Status.REJECTED, Status.SPAM])
        .order_by("-created_at")
        .values_list("status", flat=True)[: rules.rejection_rate_window]
    )
    return Commenter(
        is_authenticated=True,
        has_verified_email=EmailAddress.objects.filter(user=user, verified=True).exists(),
        is_trusted_role=is_trusted_role(user),
        sanction=sanction.describe() if sanction else "",
        approved_count=own.filter(status=Status.APPROVED).count(),
        recent_decisions=tuple(decided),
        recent_bodies=tuple(
            own.filter(created_at__gte=now - timedelta(hours=rules.duplicate_window_hours))
            .exclude(status=Status.REMOVED)
            .values_list("body", flat=True)
        ),
        recent_count=own.filter(
            created_at__gte=now - timedelta(minutes=rules.rate_limit_minutes)
        ).count(),
    )


def log(action, *, comment=None, subject=None, actor=None, rule="", reason="", from_status="",
        to_status=""):  # fmt: skip
    return ModerationLog.objects.create(
        action=action,
        comment=comment,
        subject=subject if subject is not None else (comment.author if comment else None),
        actor=actor,
        rule=rule,
        reason=reason[:500],
        from_status=from_status,
        to_status=to_status,
    )


OUTCOME_ACTIONS = {
    Outcome.APPROVE: Action.APPROVE,
    Outcome.HOLD: Action.HOLD,
    Outcome.SPAM: Action.SPAM,
}


@dataclass
class Result:
    decision: Decision
    comment: Comment | None = None


def _lock(user):
    """Serialize one user's posts so the rate limit and duplicate check cannot be raced."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


@transaction.atomic
def submit(user, article, body, parent=None):
    """Post a comment (or reply) by ``user``; returns the policy's decision and the comment."""
    body = normalize_comment_text(body)  # what is checked is exactly what is stored and shown
    rules = current_rules()
    if user.is_authenticated:
        _lock(user)
    decision = decide(
        Submission(
            body=body,
            comments_open=article.comments_open,
            parent_depth=parent.depth if parent else 0,
        ),
        commenter_facts(user, rules),
        rules,
    )
    if not decision.stored:
        if user.is_authenticated:
            log(Action.REFUSE, subject=user, rule=decision.rule, reason=decision.reason)
        return Result(decision)
    now = timezone.now()
    comment = Comment.objects.create(
        article=article,
        parent=parent,
        author=user,
        body=body.strip(),
        status=decision.outcome.value,
        created_at=now,
        decided_at=now if decision.outcome is not Outcome.HOLD else None,
        decision_reason=decision.reason,
    )
    log(OUTCOME_ACTIONS[decision.outcome], comment=comment, rule=decision.rule,
        reason=decision.reason or decision.message, to_status=comment.status)  # fmt: skip
    if comment.status == Status.APPROVED:
        notifications.reply_published(comment)
    return Result(decision, comment)


@transaction.atomic
def edit(comment, user, body):
    """The author edits their own comment within the edit window; the policy checks it again."""
    rules_row = ModerationSettings.current()
    if not comment.is_editable_by(user, window_minutes=rules_row.edit_window_minutes):
        raise PermissionDenied(
            f"Comments can be edited for {rules_row.edit_window_minutes} minutes after posting."
        )
    rules = Rules.from_settings(rules_row)
    body = normalize_comment_text(body)
    decision = decide(
        Submission(body=body, comments_open=comment.article.comments_open,
                   parent_depth=comment.depth - 1, is_edit=True),
        commenter_facts(user, rules),
        rules,
    )  # fmt: skip
    if not decision.stored:
        return Result(decision, comment)
    before = comment.status
    if decision.outcome is Outcome.SPAM:
        comment.status = Status.SPAM
    elif decision.outcome is Outcome.HOLD:
        comment.status = Status.PENDING
    comment.body = body.strip()
    comment.edited_at = timezone.now()
    comment.decision_reason = decision.reason
    comment.save(update_fields=["body", "body_html", "status", "edited_at", "decision_reason"])
    log(Action.EDIT, comment=comment, actor=user, rule=decision.rule,
        reason=decision.reason or "Edited by the author.", from_status=before,
        to_status=comment.status)  # fmt: skip
    if before == Status.APPROVED and comment.status == Status.APPROVED:
        return Result(
            Decision(Outcome.APPROVE, decision.rule, "Your comment was updated."), comment
        )
    return Result(decision, comment)


@transaction.atomic
def delete_own(comment, user):
    """The author deletes their comment; a placeholder keeps any replies readable."""
    if comment.author_id != user.pk:
        raise PermissionDenied("You can only delete your own comments.")
    before = comment.status
    comment.status = Status.REMOVED
    comment.decided_by, comment.decided_at = user, timezone.now()
    comment.decision_reason = "Deleted by its author."
    comment.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    log(Action.DELETE, comment=comment, actor=user, reason="Deleted by its author.",
        from_status=before, to_status=comment.status)  # fmt: skip


class FlagRefused(Exception):
    pass


@transaction.atomic
def flag(comment, user, reason, note=""):
    """A reader flags a comment once; at the threshold it is hidden until a moderator looks."""
    if comment.author_id == user.pk:
        raise FlagRefused("You cannot flag your own comment.")
    if comment.status != Status.APPROVED:
        raise FlagRefused("Only published comments can be flagged.")
    if reason not in Flag.Reason.values:
        raise FlagRefused("Choose a reason for flagging this comment.")
    try:
        with transaction.atomic():
            Flag.objects.create(comment=comment, user=user, reason=reason, note=note.strip()[:300])
    except IntegrityError:
        raise FlagRefused("You have already flagged this comment.") from None
    log(
        Action.FLAG,
        comment=comment,
        actor=user,
        reason=f"{Flag.Reason(reason).label}. {note}".strip(),
    )
    threshold = ModerationSettings.current().flag_threshold
    open_flags = comment.flags.filter(dismissed_at__isnull=True).count()
    if open_flags >= threshold:
        Comment.objects.filter(pk=comment.pk).update(status=Status.PENDING, hidden_by_flags=True)
        comment.status, comment.hidden_by_flags = Status.PENDING, True
        log(Action.AUTO_HIDE, comment=comment, rule="flag_threshold",
            reason=f"{open_flags} reader flags.", from_status=Status.APPROVED,
            to_status=Status.PENDING)  # fmt: skip
        notifications.flag_threshold_reached(comment, open_flags)
    return comment


# -- moderators ------------------------------------------------------------------------------

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
    log(log_action, comment=comment, actor=actor, reason=reason.strip(), from_status=before,
        to_status=comment.status)  # fmt: skip
    if comment.status == Status.APPROVED and not was_published_before:
        notifications.reply_published(comment)  # once per comment, not on every restore
    return comment


@transaction.atomic
def sanction(user, actor, *, days=None, reason):
    """Suspend ``user`` for ``days`` days, or ban them for good when ``days`` is None."""
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
    until = timezone.now() + timedelta(days=days) if days else None
    created = Sanction.objects.create(
        user=user, until=until, reason=reason.strip(), created_by=actor
    )
    ends = f" (until {until:%Y-%m-%d %H:%M})" if until else ""
    kind = Action.BAN if until is None else Action.SUSPEND
    log(kind, subject=user, actor=actor, reason=f"{reason.strip()}{ends}")
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
