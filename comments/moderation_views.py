"""The moderation queue: moderators review pending and flagged comments, decide one at a time or
in bulk, read a commenter's history, and suspend or ban commenters.

Every change goes through ``comments.moderation`` (which logs it); these views only gather what a
moderator needs to decide, in a number of queries that does not grow with the queue.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.expressions import Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from core.pagination import paginate

from .models import Comment, Flag, ModerationLog, Sanction
from .moderation import MODERATOR_ACTIONS, lift_sanction, moderate, sanction

Status = Comment.Status
MODERATE_PERMISSION = "comments.moderate_comment"
PER_PAGE = 50
USER_COMMENTS_PER_PAGE = 20
RECENT_OTHER_COMMENTS = 3
USER_PAGE_LIMIT = 50  # flags received and log entries shown on a commenter's page

QUEUE_VIEWS = {
    "pending": "Pending",
    "flagged": "Flagged",
    "rejected": "Rejected and spam",
    "all": "All comments",
}
ACTIONS = {  # value: (label in the action menu, success message for n comments)
    "approve": ("Approve", "Approved {n}."),
    "reject": ("Reject (give a reason)", "Rejected {n}."),
    "spam": ("Mark as spam", "Marked {n} as spam."),
    "remove": ("Remove", "Removed {n}."),
    "restore": ("Restore the previous status", "Restored {n}."),
    "dismiss_flags": ("Dismiss flags", "Dismissed the flags on {n}."),
}
assert set(ACTIONS) == set(MODERATOR_ACTIONS), "every workflow action needs a label"
AUTHOR_ACTIONS = {  # bulk actions on the authors of the ticked comments: (label, days, message)
    "suspend_authors": ("Suspend their authors for 7 days (give a reason)", 7,
                        "Suspended {n} for 7 days."),
    "ban_authors": ("Ban their authors (give a reason)", None, "Banned {n}."),
}  # fmt: skip
SANCTION_DAYS = {"1": 1, "7": 7, "30": 30, "ban": None}  # None: banned for good


def can_moderate(user):
    return user.has_perm(MODERATE_PERMISSION)


def moderator_required(view):
    """The one access rule of this section: moderators (and superusers) only; everybody else,
    anonymous or not, gets the friendly 403 page (with a login link for anonymous visitors)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied("Only moderators can use the moderation queue.")
        return view(request, *args, **kwargs)

    return wrapper


# -- queries ---------------------------------------------------------------------------------


def _open_flags():
    return Flag.objects.filter(comment=OuterRef("pk"), dismissed_at__isnull=True)


def queue_filters():
    """Which comments each view shows. Flagged: open flags on a comment readers can see or that
    readers' flags hid; once rejected, spam or removed the flags no longer need a decision."""
    return {
        "pending": Q(status=Status.PENDING),
        "flagged": Q(has_open_flags=True, status__in=[Status.PENDING, Status.APPROVED]),
        "rejected": Q(status__in=[Status.REJECTED, Status.SPAM]),
        "all": Q(),
    }


def annotated_comments():
    return Comment.objects.annotate(
        has_open_flags=Exists(_open_flags()),
        has_misinformation=Exists(_open_flags().filter(reason=Flag.Reason.MISINFORMATION)),
    )


def queue_counts():
    """The number of comments in every view, in one query."""
    filters = queue_filters()
    return annotated_comments().aggregate(
        **{
            name: Count("pk", filter=rule) if rule else Count("pk")
            for name, rule in filters.items()
        }
    )


def queue_comments(view):
    """The comments of one view, misinformation flags first, ready for the item template."""
    comments = annotated_comments().filter(queue_filters()[view])
    ordering = [F("has_misinformation").desc()]
    if view == "flagged":
        open_count = _open_flags().order_by().values("comment").annotate(n=Count("pk")).values("n")
        comments = comments.annotate(
            open_flag_count=Coalesce(Subquery(open_count, output_field=IntegerField()), 0)
        )
        ordering.append(F("open_flag_count").desc())
    return (
        comments.select_related("article", "author", "parent__author")
        .defer("article__body")
        .prefetch_related(
            Prefetch(
                "flags",
                queryset=Flag.objects.filter(dismissed_at__isnull=True)
                .select_related("user")
                .order_by("created_at", "id"),
                to_attr="open_flags",
            )
        )
        .order_by(*ordering, "created_at", "id")
    )


@dataclass
class History:
    """What a moderator needs to judge a commenter."""

    approved: int = 0
    rejected: int = 0
    spam: int = 0
    pending: int = 0
    removed: int = 0
    flags_received: int = 0
    recent: list = field(default_factory=list)  # newest first, one more than shown per item
    sanctions: list = field(default_factory=list)  # active bans first, then suspensions

    @property
    def total(self):
        return self.approved + self.rejected + self.spam + self.pending + self.removed


def status_counts(author_ids):
    """Comment counts per status for many authors: one grouped query."""
    rows = (
        Comment.objects.filter(author_id__in=author_ids)
        .order_by()
        .values("author_id")
        .annotate(**{status: Count("pk", filter=Q(status=status)) for status in Status.values})
    )
    return {row.pop("author_id"): row for row in rows}


def flags_received(author_ids):
    """Flags (open or dismissed) on each author's comments: one grouped query."""
    rows = (
        Flag.objects.filter(comment__author_id__in=author_ids)
        .order_by()
        .values("comment__author_id")
        .annotate(n=Count("pk"))
    )
    return {row["comment__author_id"]: row["n"] for row in rows}


def recent_comments(author_ids, per_author):
    """Each author's ``per_author`` newest comments, in one query (a window function)."""
    rows = (
        Comment.objects.filter(author_id__in=author_ids)
        .annotate(
            row=Window(
                RowNumber(),
                partition_by=[F("author_id")],
                order_by=[F("created_at").desc(), F("id").desc()],
            )
        )
        .filter(row__lte=per_author)
        .only("id", "author_id", "article_id", "body", "status", "created_at")
        .order_by("author_id", "-created_at", "-id")
    )
    recent = {}
    for comment in rows:
        recent.setdefault(comment.author_id, []).append(comment)
    return recent


def active_sanctions(user_ids):
    """Active bans and suspensions of many users, bans first: one query."""
    rows = (
        Sanction.objects.active()
        .filter(user_id__in=user_ids)
        .order_by(F("until").desc(nulls_first=True), "-id")
    )
    sanctions = {}
    for row in rows:
        sanctions.setdefault(row.user_id, []).append(row)
    return sanctions


def author_histories(author_ids):
    """A ``History`` for every author, in four queries whatever their number."""
    author_ids = sorted(set(author_ids) - {None})
    if not author_ids:
        return {}
    counts = status_counts(author_ids)
    flags = flags_received(author_ids)
    # One more than shown, so that "other comments" can leave out the one being reviewed.
    recent = recent_comments(author_ids, RECENT_OTHER_COMMENTS + 1)
    sanctions = active_sanctions(author_ids)
    return {
        author_id: History(
            **counts.get(author_id, {}),
            flags_received=flags.get(author_id, 0),
            recent=recent.get(author_id, []),
            sanctions=sanctions.get(author_id, []),
        )
        for author_id in author_ids
    }


def prepare_items(comments):
    """Attach flag summaries and the authors' histories to comments whose ``open_flags`` are
    loaded. A fixed number of queries for any number of comments."""
    histories = author_histories(comment.author_id for comment in comments)
    for comment in comments:
        counts = Counter(flag.reason for flag in comment.open_flags)
        comment.flag_summary = [
            {"label": Flag.Reason(reason).label, "count": number, "reason": reason}
            for reason, number in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]
        comment.flag_notes = [flag for flag in comment.open_flags if flag.note]
        comment.has_misinformation = Flag.Reason.MISINFORMATION in counts
        comment.history = histories.get(comment.author_id)
        comment.recent_other = (
            [other for other in comment.history.recent if other.pk != comment.pk][
                :RECENT_OTHER_COMMENTS
            ]
            if comment.history
            else []
        )
    return comments


def actions_menu():
    return [(value, label) for value, (label, _) in ACTIONS.items()] + [
        (value, label) for value, (label, _, _) in AUTHOR_ACTIONS.items()
    ]


def commenters_phrase(number):
    return f"{number} commenter" if number == 1 else f"{number} commenters"


def comments_phrase(number):
    return f"{number} comment" if number == 1 else f"{number} comments"


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


# -- views -----------------------------------------------------------------------------------


def _queue_page(request, view):
    counts = queue_counts()
    page = paginate(request, queue_comments(view), PER_PAGE)
    prepare_items(page.object_list)
    tabs = [
        {
            "name": name,
            "label": label,
            "count": counts[name],
            "url": reverse("moderation:queue", args=[name]),
            "current": name == view,
        }
        for name, label in QUEUE_VIEWS.items()
    ]
    return render(
        request,
        "moderation/queue.html",
        {
            "view": view,
            "view_label": QUEUE_VIEWS[view],
            "tabs": tabs,
            "page": page,
            "actions": actions_menu(),
        },
    )


@require_GET
@moderator_required
def home(request):
    return _queue_page(request, "pending")


@require_GET
@moderator_required
def queue(request, view):
    if view not in QUEUE_VIEWS:
        raise Http404("No such queue.")
    return _queue_page(request, view)


@require_POST
@moderator_required
def act(request):
    """Apply one action to one comment (a per-item button, ``single=<id>:<action>`` with its own
    ``reason-<id>``) or to the ticked comments (``selected``, ``action``, ``reason``)."""
    back = safe_next(request, reverse("moderation:home"))
    single = request.POST.get("single", "")
    if single:
        raw_id, _, action = single.partition(":")
        raw_ids = [raw_id]
        reason = request.POST.get(f"reason-{raw_id}", "")
    else:
        raw_ids = request.POST.getlist("selected")
        action = request.POST.get("action", "")
        reason = request.POST.get("reason", "")
    if action not in ACTIONS and action not in AUTHOR_ACTIONS:
        messages.error(request, "Choose an action to apply. Nothing was changed.")
        return redirect(back)
    ids = {int(raw) for raw in raw_ids if raw.strip().isdigit()}
    if not ids:
        messages.error(request, "Select at least one comment. Nothing was changed.")
        return redirect(back)
    try:
        with transaction.atomic():
            comments = list(
                Comment.objects.select_for_update(of=("self",))
                .filter(pk__in=ids)
                .select_related("article", "author", "parent__author")
                .order_by("created_at", "id")
            )
            if action in AUTHOR_ACTIONS:
                _, days, done = AUTHOR_ACTIONS[action]
                authors = {comment.author_id: comment.author for comment in comments}
                authors.pop(None, None)  # imported comments without an account
                for author in authors.values():
                    sanction(author, request.user, days=days, reason=reason)
            else:
                for comment in comments:
                    moderate(comment, action, request.user, reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages) + " Nothing was changed.")
        return redirect(back)
    if not comments:
        messages.error(request, "Those comments no longer exist. Nothing was changed.")
        return redirect(back)
    if action in AUTHOR_ACTIONS:
        messages.success(request, done.format(n=commenters_phrase(len(authors))))
    else:
        messages.success(request, ACTIONS[action][1].format(n=comments_phrase(len(comments))))
    return redirect(back)


def _thread_in_order(comments, root_id):
    """A thread's comments depth-first (each reply under its parent), oldest first."""
    children = {}
    for comment in comments:
        children.setdefault(comment.parent_id, []).append(comment)
    ordered = []
    stack = [comment for comment in comments if comment.pk == root_id]
    while stack:
        comment = stack.pop()
        ordered.append(comment)
        stack.extend(reversed(children.get(comment.pk, [])))
    return ordered


@require_GET
@moderator_required
def comment_detail(request, pk):
    comment = get_object_or_404(
        Comment.objects.select_related("article", "author", "parent__author", "decided_by"), pk=pk
    )
    flags = list(comment.flags.select_related("user").order_by("created_at", "id"))
    comment.open_flags = [flag for flag in flags if flag.dismissed_at is None]
    prepare_items([comment])
    root_id = comment.thread_id or comment.pk
    thread = _thread_in_order(
        list(
            Comment.objects.in_threads([root_id])
            .select_related("author")
            .order_by("created_at", "id")
        ),
        root_id,
    )
    log = comment.log.select_related("actor")
    return render(
        request,
        "moderation/comment.html",
        {
            "comment": comment,
            "thread": thread,
            "flags": flags,
            "log": log,
            "actions": actions_menu(),
        },
    )


@require_GET
@moderator_required
def user_detail(request, pk):
    person = get_object_or_404(get_user_model(), pk=pk)
    counts = status_counts([person.pk]).get(person.pk, {})
    history = History(**counts, flags_received=flags_received([person.pk]).get(person.pk, 0))
    page = paginate(
        request,
        Comment.objects.filter(author=person)
        .select_related("article")
        .defer("article__body")
        .order_by("-created_at", "-id"),
        USER_COMMENTS_PER_PAGE,
    )
    now = timezone.now()
    sanctions = list(person.sanctions.select_related("created_by", "lifted_by"))
    for row in sanctions:
        row.is_active = row.lifted_at is None and (row.until is None or row.until > now)
    flags = (
        Flag.objects.filter(comment__author=person)
        .select_related("user")
        .order_by("-created_at", "-id")[:USER_PAGE_LIMIT]
    )
    log = ModerationLog.objects.filter(subject=person).select_related("actor")[:USER_PAGE_LIMIT]
    return render(
        request,
        "moderation/user.html",
        {
            "person": person,
            "history": history,
            "page": page,
            "sanctions": sanctions,
            "active_sanctions": [row for row in sanctions if row.is_active],
            "flags": flags,
            "log": log,
            "durations": [("1", "1 day"), ("7", "7 days"), ("30", "30 days"), ("ban", "Ban")],
            "is_self": person.pk == request.user.pk,
        },
    )


@require_POST
@moderator_required
def sanction_user(request, pk):
    person = get_object_or_404(get_user_model(), pk=pk)
    duration = request.POST.get("duration", "")
    if duration not in SANCTION_DAYS:
        messages.error(request, "Choose a suspension of 1, 7 or 30 days, or a ban.")
        return redirect("moderation:user", pk=person.pk)
    days = SANCTION_DAYS[duration]
    try:
        sanction(person, request.user, days=days, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if days is None:
            messages.success(request, f"Banned {person.display_name} from commenting.")
        else:
            span = "1 day" if days == 1 else f"{days} days"
            messages.success(request, f"Suspended {person.display_name} for {span}.")
    return redirect("moderation:user", pk=person.pk)


@require_POST
@moderator_required
def lift(request, pk):
    with transaction.atomic():
        row = get_object_or_404(Sanction.objects.select_for_update(), pk=pk)
        if row.lifted_at is not None:
            messages.error(request, f"This {row.kind} was already lifted.")
        else:
            lift_sanction(row, request.user)
            messages.success(request, f"Lifted the {row.kind} of {row.user.display_name}.")
    return redirect("moderation:user", pk=row.user_id)
