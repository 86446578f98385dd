"""The comment workflow: posting, editing, deleting, flagging and moderating.

Gathers the facts the policy needs, asks ``comments.policy``, stores the outcome and logs every
decision — automatic or human — in ``ModerationLog``. Views and the admin call these functions;
nothing else changes a comment's status or sanctions a user.
"""

from dataclasses import dataclass, replace

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.sanitizer import normalize_comment_text

from .. import caching, notifications
from ..models import LIMITING_ACTIONS, Comment, Flag, ModerationLog, ModerationSettings
from ..policy import CLAUSES, Commenter, Decision, Outcome, Submission, decide, edit_window_message
from .access import moderators
from .facts import active_sanction, commenter_facts, current_rules

Status = Comment.Status
Action = ModerationLog.Action
LIMITING = set(LIMITING_ACTIONS)


def on_call_moderators():
    """Who is emailed at once about a crisis: the on-call moderators, or every moderator when
    nobody is on call."""
    on_call = ModerationSettings.current().on_call.filter(is_active=True).exclude(email="")
    return list(on_call) or list(moderators().exclude(email=""))


def log(action, *, comment=None, subject=None, actor=None, rule="", reason="", from_status="",
        to_status=""):  # fmt: skip
    return ModerationLog.objects.create(
        clause=CLAUSES.get(rule) or CLAUSES.get(str(action), "") if str(action) in LIMITING else "",
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


@transaction.atomic
def submit(user, article, body, parent=None, *, rules=None, request=None):
    """Post a comment (or reply) by ``user``; returns the policy's decision and the comment.
    ``rules`` are ``current_rules(health=True)`` (a view passes them kept: ``kept_rules``, and
    its ``request``: the poster's standing is read kept too, ``commenter_facts``)."""
    body = normalize_comment_text(body)  # what is checked is exactly what is stored and shown
    rules = rules or current_rules(health=True)
    decision = decide(
        Submission(
            body=body,
            comments_open=article.comments_open,
            parent_depth=parent.depth if parent else 0,
        ),
        # One user's posts wait for each other.
        commenter_facts(user, rules, body=body, lock=True, request=request),
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
        decision_reason=decision.reason[:300],
        signals=list(decision.signals),
        matched_phrases=list(decision.phrases),
        urgent=decision.urgent,
    )
    log(OUTCOME_ACTIONS[decision.outcome], comment=comment, rule=decision.rule,
        reason=decision.reason or decision.message, to_status=comment.status)  # fmt: skip
    if comment.status == Status.APPROVED:
        notifications.reply_published(comment)
    if comment.urgent:
        notifications.crisis_comment(comment, on_call_moderators())
    elif decision.rule == "medical_claim":
        notifications.claim_for_reviewer(comment)
    return Result(decision, comment)


def check_editable(comment, user, rules):
    """Raise PermissionDenied, with the policy's words, unless ``user`` may edit it now."""
    if not comment.is_editable_by(user, rules):
        raise PermissionDenied(edit_window_message(rules))


@transaction.atomic
def edit(comment, user, body, *, rules=None):
    """The author edits their own comment within the edit window; the policy checks it again."""
    rules = rules or current_rules(health=True)
    check_editable(comment, user, rules)
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
    comment.decision_reason = decision.reason[:300]
    comment.signals, comment.matched_phrases = list(decision.signals), list(decision.phrases)
    became_urgent = decision.urgent and not comment.urgent
    comment.urgent = comment.urgent or decision.urgent
    comment.save(update_fields=["body", "body_html", "status", "edited_at", "decision_reason",
                                "signals", "matched_phrases", "urgent"])  # fmt: skip
    log(Action.EDIT, comment=comment, actor=user, rule=decision.rule,
        reason=decision.reason or "Edited by the author.", from_status=before,
        to_status=comment.status)  # fmt: skip
    if became_urgent:
        notifications.crisis_comment(comment, on_call_moderators())
    if before == Status.APPROVED and comment.status == Status.APPROVED:
        return Result(
            Decision(Outcome.APPROVE, decision.rule, "Your comment was updated."), comment
        )
    return Result(decision, comment)


@transaction.atomic
def delete_own(comment, user):
    """The author deletes their comment; a placeholder keeps any replies readable."""
    if not comment.is_authored_by(user):
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
    if comment.is_authored_by(user):
        raise FlagRefused("You cannot flag your own comment.")
    if comment.status != Status.APPROVED or not comment.article.is_public:
        raise FlagRefused("Only published comments can be flagged.")
    if sanction_row := active_sanction(user):
        raise FlagRefused(f"{sanction_row.describe()}, so you cannot flag comments.")
    if reason not in Flag.Reason.values:
        raise FlagRefused("Choose a reason for flagging this comment.")
    try:
        with transaction.atomic():
            Flag.objects.create(comment=comment, user=user, reason=reason, note=note.strip()[:300])
            # They take part in the discussion now (comments.caching.participants).
            caching.changed(comment.article_id, shown=False)
    except IntegrityError:
        raise FlagRefused("You have already flagged this comment.") from None
    log(
        Action.FLAG,
        comment=comment,
        actor=user,
        reason=f"{Flag.Reason(reason).label}. {note}".strip(),
    )
    threshold = current_rules().flag_threshold
    open_flags = comment.flags.filter(dismissed_at__isnull=True).count()
    if open_flags >= threshold:
        Comment.objects.filter(pk=comment.pk).update(status=Status.PENDING, hidden_by_flags=True)
        caching.changed(comment.article_id)
        comment.status, comment.hidden_by_flags = Status.PENDING, True
        log(Action.AUTO_HIDE, comment=comment, rule="flag_threshold",
            reason=f"{open_flags} reader flags.", from_status=Status.APPROVED,
            to_status=Status.PENDING)  # fmt: skip
        notifications.flag_threshold_reached(comment, open_flags)
    return comment


# What explain_comment and the admin's "try a comment" box print for each outcome.
EXPLAINED_OUTCOMES = {
    Outcome.APPROVE: "publish",
    Outcome.HOLD: "hold",
    Outcome.SPAM: "reject",
    Outcome.REFUSE: "reject",
}
# Who explain_comment judges without --as: a verified commenter with approved comments and
# no rejections, so only what the text itself says decides.
ESTABLISHED_COMMENTER = Commenter(approved_count=10, recent_decisions=("approved",) * 10)


def explain(body, user=None, rules=None):
    """What the policy would do with ``body`` from ``user`` (or an established commenter),
    and every signal it sees, saving nothing. Timing rules (rate limit, duplicates) are left
    out: they depend on when a comment is sent, not on what it says."""
    rules = rules or current_rules(health=True)
    body = normalize_comment_text(body)
    commenter = ESTABLISHED_COMMENTER
    if user is not None:
        commenter = replace(commenter_facts(user, rules), recent_count=0)
    decision = decide(Submission(body=body), commenter, rules)
    return {
        "comment": body,
        "outcome": EXPLAINED_OUTCOMES[decision.outcome],
        "signals": list(decision.signals),
        "rule": decision.rule,
        "phrases": list(decision.phrases),
        "message": decision.message,
    }
