"""What the comment policy reads: its rules, and the facts about the person posting.

The rules are the settings row and every claim and crisis pattern. A post reads them kept
(``kept_rules``, core/fragments.py) under the generations of the tags a change of them bumps
(``comments.caching``), so it loads them again only after such a change. The facts about a
commenter come in three queries, the first of which locks their row when they post. Whether the
comment form is offered to a member (their verified email and sanction) is kept for the pages
they read, under their ``standing-<id>`` tag, bumped when one of those rows changes.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
)
from django.utils import timezone

from accounts.models import EDITORS_GROUP
from core import cache_tags, fragments

from .. import caching
from ..models import Comment, HealthPattern, ModerationSettings, Sanction
from ..policy import Commenter, Rules, gate
from .access import can_moderate

Status = Comment.Status
DECIDED = (Status.APPROVED, Status.REJECTED, Status.SPAM)


def current_rules(*, health=False):
    """The policy's rules from the settings row; with ``health``, also the claim and crisis
    patterns (one more query: only posting, editing and explaining need them)."""
    patterns = HealthPattern.objects.for_policy() if health else ()
    return Rules.from_settings(ModerationSettings.current(), health_patterns=patterns)


def kept_rules(request):
    """``current_rules(health=True)``, read once per change of the settings or the patterns;
    for a member, the generation of their standing is read with theirs (``commenter_facts``).
    Only for reads made before the request changes anything."""
    tags = [caching.SETTINGS, caching.HEALTH_PATTERNS]
    if request.user.is_authenticated:
        standing = caching.standing_tag(request.user.pk)
        fragments.prefetch(request, [*tags, standing], before_changes=True)
    return fragments.cached_here(
        request, "moderation-rules:health", tags, lambda: current_rules(health=True)
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
    return fragments.cached(
        request,
        caching.standing_name(user.pk),
        [caching.standing_tag(user.pk)],
        lambda: _gate_facts(user, request),
    )


def _gate_facts(user, request=None):
    standing = _standing(user, lock=False)
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


def _standing(user, *, lock):
    """Whether ``user`` has a verified email, and their sanction's end if they have one (None
    for a ban), in one query. With ``lock`` their row stays locked until the transaction ends:
    one user's posts wait for each other, so the rate limit and the duplicate check cannot be
    raced (their comments are read after it, never in it)."""
    users = get_user_model().objects.filter(pk=user.pk)
    if lock:
        users = users.select_for_update()
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


def commenter_facts(user, rules, *, now=None, lock=False, request=None):
    """Everything ``decide`` needs to know about ``user``, in three queries (with ``lock``,
    the first locks their row), and three more for a commenter who is not staff (their
    groups and permissions). With ``request``, their verified email and sanction are read as
    their pages read them (``gate_facts``: kept until one of those rows changes, bumped in the
    change's own transaction) and only their row is locked."""
    if not user.is_authenticated:
        return Commenter(is_authenticated=False)
    if request is not None:
        gate = gate_facts(user, request)
        if lock:
            get_user_model().objects.select_for_update().filter(pk=user.pk).values("pk").get()
        standing = {"verified": gate.has_verified_email, "sanction": gate.sanction}
    else:
        standing = _standing(user, lock=lock)
        standing = {"verified": standing["verified"], "sanction": _sanction_text(standing)}
    now = now or timezone.now()
    rate_window = now - timedelta(minutes=rules.rate_limit_minutes)
    duplicate_window = now - timedelta(hours=rules.duplicate_window_hours)
    own = Comment.objects.filter(author=user)
    counts = own.aggregate(
        approved=Count("pk", filter=Q(status=Status.APPROVED)),
        recent=Count("pk", filter=Q(created_at__gte=rate_window)),
    )
    # Their latest decided comments and those of the duplicate window, newest first, in one
    # query: the first decided ones of these are the latest decided ones.
    newest_first = ("-created_at", "-pk")
    latest_decided = own.filter(status__in=DECIDED).order_by(*newest_first).values("pk")
    latest_decided = latest_decided[: rules.rejection_rate_window]
    in_window = Q(created_at__gte=duplicate_window) & ~Q(status=Status.REMOVED)
    history = own.filter(Q(pk__in=latest_decided) | Q(created_at__gte=duplicate_window))
    history = history.annotate(in_window=ExpressionWrapper(in_window, BooleanField()))
    history = list(history.order_by(*newest_first).values_list("status", "body", "in_window"))
    return Commenter(
        is_authenticated=True,
        has_verified_email=standing["verified"],
        is_trusted_role=is_trusted_role(user),  # no query for staff
        sanction=standing["sanction"],
        approved_count=counts["approved"],
        recent_decisions=tuple(status for status, _, _ in history if status in DECIDED)[
            : rules.rejection_rate_window
        ],
        recent_bodies=tuple(body for _, body, in_window in history if in_window),
        recent_count=counts["recent"],
    )
