"""What the comment policy reads: its rules, and the facts about the person posting.

The rules are the settings row and every claim and crisis pattern. A post reads them kept
(``kept_rules``, core/fragments.py) under the generations of the tags a change of them bumps
(``comments.caching``), so it loads them again only after such a change. What the policy
reads of a commenter's comments comes in one statement, after one that locks their row when
they post. Whether the comment form is offered to a member (their verified email and
sanction) is kept for the pages they read, under their ``standing-<id>`` tag, bumped when one
of those rows changes.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Exists, F, OuterRef, Subquery
from django.utils import timezone

from accounts.models import EDITORS_GROUP
from core import cache_tags, fragments

from .. import caching
from ..models import Comment, HealthPattern, ModerationSettings, Sanction
from ..policy import Commenter, Rules, gate, text_fingerprint
from .access import can_moderate

Status = Comment.Status
DECIDED = (Status.APPROVED, Status.REJECTED, Status.SPAM)


def current_rules(*, health=False):
    """The policy's rules from the settings row; with ``health``, also the claim and crisis
    patterns (one more query: only posting, editing and explaining need them)."""
    patterns = HealthPattern.objects.for_policy() if health else ()
    return Rules.from_settings(ModerationSettings.current(), health_patterns=patterns)


RULES_TAGS = [caching.SETTINGS, caching.HEALTH_PATTERNS]


def read_before_posting(request):
    """What a post reads before it changes anything, as ``fragments.prefetch`` takes it
    (``(tags, named)``): the generations of the rules' tags and, for a member, their kept
    standing (``gate_facts``). The article's row is read with them (``public_article``)."""
    if not request.user.is_authenticated:
        return RULES_TAGS, []
    return RULES_TAGS, [_standing_fragment(request.user)]


def kept_rules(request):
    """``current_rules(health=True)``, read once per change of the settings or the patterns;
    for a member, their standing is read with them (``read_before_posting``). Only for reads
    made before the request changes anything."""
    fragments.prefetch(request, *read_before_posting(request), before_changes=True)
    return fragments.cached_here(
        request, "moderation-rules:health", RULES_TAGS, lambda: current_rules(health=True)
    )


def is_trusted_role(user):
    """Staff, editors and moderators: their comments are published at once, and they cannot
    be banned from the queue."""
    return user.is_staff or user.is_superuser or user.in_group(EDITORS_GROUP) or can_moderate(user)


def active_sanction(user):
    return (
        # A ban (no end date) outranks any suspension, on every database.
        _active_sanctions(user).first() if user.pk else None
    )


def _active_sanctions(user):
    return Sanction.objects.active().filter(user=user).order_by(F("until").desc(nulls_first=True))


def gate_facts(user, request=None):
    """What ``policy.gate`` needs: who may comment at all (one query). With ``request``, kept
    per member until their email addresses or sanctions change, or their suspension ends."""
    if not user.is_authenticated:
        return Commenter(is_authenticated=False)
    if request is None:
        return _gate_facts(user)
    return fragments.cached(request, *_standing_fragment(user), lambda: _gate_facts(user, request))


def _standing_fragment(user):
    return caching.standing_name(user.pk), [caching.standing_tag(user.pk)]


def _gate_facts(user, request=None):
    standing = _standing(user)
    if standing["sanctioned"]:
        cache_tags.expires(request, standing["sanction_until"])  # a suspension ends by itself
    return Commenter(
        is_authenticated=True,
        has_verified_email=standing["verified"],
        sanction=_sanction_text(standing),
    )


def comment_gate(user, rules, request=None):
    """Why ``user`` is not offered the comment form ("" when they are), with their sanction."""
    facts = gate_facts(user, request)
    return gate(facts, rules), facts


def standing_changed(sender, instance, **kwargs):
    """An email address or a sanction of a member was saved or deleted (comments/apps.py)."""
    fragments.bump([caching.standing_tag(instance.user_id)])


def _standing(user):
    """Whether ``user`` has a verified email, and their sanction's end if they have one (None
    for a ban), in one query."""
    users = get_user_model().objects.filter(pk=user.pk)
    active = _active_sanctions(OuterRef("pk"))
    return users.values(
        verified=Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)),
        sanctioned=Exists(active),
        sanction_until=Subquery(active.values("until")[:1]),
    ).get()


def _sanction_text(standing):
    if not standing["sanctioned"]:
        return ""
    return Sanction(until=standing["sanction_until"]).describe()


def commenter_facts(user, rules, *, body=None, now=None, lock=False, request=None):
    """Everything ``decide`` needs to know about ``user`` posting ``body``: their comments in
    one query (``_comment_history``; with ``lock`` it locks their row first), their verified
    email and sanction in another, and three more for a commenter who is not staff (their
    groups and permissions). With ``request``, the email and sanction are read as their pages
    read them (``gate_facts``: kept until one of those rows changes, bumped in the change's own
    transaction)."""
    if not user.is_authenticated:
        return Commenter(is_authenticated=False)
    gate = gate_facts(user, request)
    history = _comment_history(user, rules, body, now or timezone.now(), lock=lock)
    return Commenter(
        is_authenticated=True,
        has_verified_email=gate.has_verified_email,
        is_trusted_role=is_trusted_role(user),  # no query for staff
        sanction=gate.sanction,
        **history,
    )


def _comment_history(user, rules, body, now, *, lock):
    """What the policy reads of ``user``'s comments: how many are approved and how many fall
    in the rate-limit window (each counted only as far as the policy compares), the statuses
    of their latest decided ones, and those in the duplicate window with the text of ``body``
    (none without it: an edit or an explanation checks no duplicates), in one query. With
    ``lock``, their row is locked first, until the transaction ends: one user's posts wait for
    each other, so the rate limit and the duplicate check cannot be raced (their comments are
    read after the lock is granted, in a statement of their own, which sees the last post).

    Every post runs it, and building it with the ORM cost several times what the database
    takes to answer it: it is written once in SQL, for PostgreSQL and SQLite alike."""
    comments = connection.ops.quote_name(Comment._meta.db_table)
    as_time = connection.ops.adapt_datetimefield_value
    duplicate = [
        as_time(now - timedelta(hours=rules.duplicate_window_hours)),
        text_fingerprint(body) if body is not None else None,
        Status.REMOVED,
    ]
    in_window = "created_at >= %s AND body_fingerprint = %s AND status <> %s"
    decided = ", ".join(["%s"] * len(DECIDED))
    history = f"""
        SELECT
          (SELECT COUNT(*) FROM (SELECT 1 FROM {comments} WHERE author_id = %s AND status = %s
                                 LIMIT %s) approved),
          (SELECT COUNT(*) FROM (SELECT 1 FROM {comments} WHERE author_id = %s
                                 AND created_at >= %s LIMIT %s) recent),
          h.status, h.body, h.in_window
        FROM (SELECT 1 AS one) k LEFT JOIN (
          SELECT id, created_at, status, body,
                 CASE WHEN {in_window} THEN 1 ELSE 0 END AS in_window
          FROM {comments} WHERE id IN (
            SELECT id FROM {comments} WHERE author_id = %s AND status IN ({decided})
            ORDER BY created_at DESC, id DESC LIMIT %s)
          UNION
          SELECT id, created_at, status, body, 1
          FROM {comments} WHERE author_id = %s AND {in_window}
        ) h ON 1 = 1
        ORDER BY h.created_at DESC, h.id DESC
    """
    params = [
        user.pk, Status.APPROVED, rules.approvals_before_trusted,
        user.pk, as_time(now - timedelta(minutes=rules.rate_limit_minutes)),
        rules.rate_limit_count,
        *duplicate, user.pk, *DECIDED, rules.rejection_rate_window,
        user.pk, *duplicate,
    ]  # fmt: skip
    with connection.cursor() as cursor:
        if lock:
            users = connection.ops.quote_name(get_user_model()._meta.db_table)
            cursor.execute(f"SELECT id FROM {users} WHERE id = %s"
                           f"{' FOR UPDATE' if connection.features.has_select_for_update else ''}",
                           [user.pk])  # fmt: skip
        cursor.execute(history, params)
        rows = cursor.fetchall()
    statuses = [status for _, _, status, _, _ in rows if status in DECIDED]
    return {
        "approved_count": rows[0][0],
        "recent_count": rows[0][1],
        "recent_decisions": tuple(statuses[: rules.rejection_rate_window]),
        "recent_bodies": tuple(text for *_, text, in_window in rows if in_window),
    }
