"""The moderation queue: moderators review pending and flagged comments, decide one at a time or
in bulk, read a commenter's history, and suspend or ban commenters.

Every change goes through the workflow (which checks and logs it); these views only gather
what a moderator needs, in a number of queries that does not grow with the queue.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.pagination import paginate

from .. import notifications
from ..models import Comment, ContextNote, Flag, ModerationLog, Sanction, helplines
from .access import can_moderate
from .decisions import lift_sanction, moderate, sanction
from .facts import current_rules
from .forms import (
    ACTIONS,
    AUTHOR_ACTIONS,
    ContextNoteForm,
    ModerationActionForm,
    SanctionForm,
    action_choices,
)
from .history import History, flags_received, prepare_items, status_counts, thread_of
from .notes import can_write_note, remove_note, save_note
from .workflow import log

PER_PAGE = 50
USER_COMMENTS_PER_PAGE = 20
USER_PAGE_LIMIT = 50  # flags received and log entries shown on a commenter's page
QUEUE_VIEWS = {
    "pending": "Pending",
    "flagged": "Flagged",
    "rejected": "Rejected and spam",
    "all": "All comments",
}


def moderator_required(view):
    """The one access rule of this section: moderators (and superusers) only; everybody else,
    anonymous or not, gets the friendly 403 page (with a login link for anonymous visitors)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied("Only moderators can use the moderation queue.")
        return view(request, *args, **kwargs)

    return wrapper


def plural(number, noun):
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@require_GET
@moderator_required
def queue(request, view="pending"):
    if view not in QUEUE_VIEWS:
        raise Http404("No such queue.")
    counts = Comment.objects.queue_counts()
    page = paginate(request, Comment.objects.in_queue(view, request.user), PER_PAGE)
    prepare_items(page.object_list)
    tabs = [
        {"name": name, "label": label, "count": counts[name], "current": name == view,
         "url": reverse("moderation:queue", args=[name])}
        for name, label in QUEUE_VIEWS.items()
    ]  # fmt: skip
    context = {"view": view, "view_label": QUEUE_VIEWS[view], "tabs": tabs, "page": page,
               "actions": action_choices(), "pending_and_flagged": counts["pending_and_flagged"],
               "flag_threshold": current_rules().flag_threshold}  # fmt: skip
    return render(request, "moderation/queue.html", context)


@require_POST
@moderator_required
def act(request):
    """Apply one action to one comment or to the ticked comments (``ModerationActionForm``)."""
    back = safe_next(request, reverse("moderation:home"))
    form = ModerationActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.non_field_errors()))
        return redirect(back)
    action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
    try:
        with transaction.atomic():
            comments = list(
                Comment.objects.select_for_update(of=("self",))
                .filter(pk__in=form.cleaned_data["ids"])
                .select_related("article", "author", "parent__author")
                .order_by("created_at", "id")
            )
            authors = {c.author_id: c.author for c in comments if c.author_id}
            for target in authors.values() if form.is_author_action else comments:
                if form.is_author_action:
                    sanction(target, request.user, days=AUTHOR_ACTIONS[action][1], reason=reason)
                else:
                    moderate(target, action, request.user, reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages) + form.NOTHING_CHANGED)
        return redirect(back)
    if not comments:
        messages.error(request, "Those comments no longer exist." + form.NOTHING_CHANGED)
    elif form.is_author_action:
        done = AUTHOR_ACTIONS[action][2]
        messages.success(request, done.format(n=plural(len(authors), "commenter")))
    else:
        messages.success(request, ACTIONS[action][1].format(n=plural(len(comments), "comment")))
    return redirect(back)


@require_GET
@moderator_required
def comment_detail(request, pk):
    comment = get_object_or_404(
        Comment.objects.select_related("article", "author", "parent__author", "decided_by"), pk=pk
    )
    flags = list(comment.flags.select_related("user").order_by("created_at", "id"))
    comment.open_flags = [flag for flag in flags if flag.dismissed_at is None]
    prepare_items([comment])
    context = {"comment": comment, "thread": thread_of(comment), "flags": flags,
               "log": comment.log.select_related("actor"), "actions": action_choices()}  # fmt: skip
    return render(request, "moderation/comment.html", context)


@require_GET
@moderator_required
def user_detail(request, pk):
    person = get_object_or_404(get_user_model(), pk=pk)
    history = History(
        **status_counts([person.pk]).get(person.pk, {}),
        flags_received=flags_received([person.pk]).get(person.pk, 0),
    )
    comments = (
        Comment.objects.filter(author=person)
        .select_related("article")
        .defer("article__body")
        .order_by("-created_at", "-id")
    )
    sanctions = list(person.sanctions.select_related("created_by", "lifted_by"))
    context = {
        "person": person,
        "history": history,
        "page": paginate(request, comments, USER_COMMENTS_PER_PAGE),
        "sanctions": sanctions,
        "active_sanctions": [row for row in sanctions if row.is_active],
        "flags": Flag.objects.filter(comment__author=person)
        .select_related("user")
        .order_by("-created_at", "-id")[:USER_PAGE_LIMIT],
        "log": ModerationLog.objects.filter(subject=person).select_related("actor")[
            :USER_PAGE_LIMIT
        ],
        "durations": SanctionForm.base_fields["duration"].choices,
        "is_self": person.pk == request.user.pk,
    }
    return render(request, "moderation/user.html", context)


@require_POST
@moderator_required
def sanction_user(request, pk):
    person = get_object_or_404(get_user_model(), pk=pk)
    form = SanctionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["duration"]))
        return redirect("moderation:user", pk=person.pk)
    try:
        sanction(person, request.user, days=form.days, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        done = "Banned {} from commenting." if form.days is None else "Suspended {} for {}."
        messages.success(request, done.format(person.display_name, plural(form.days or 0, "day")))
    return redirect("moderation:user", pk=person.pk)


@require_POST
@moderator_required
def lift(request, pk):
    with transaction.atomic():
        row = get_object_or_404(Sanction.objects.select_for_update(), pk=pk)
        if row.lifted_at is not None:
            messages.error(request, f"This {row.kind} was already lifted.")
        elif request.POST.get("confirm") != "yes":
            messages.error(request, f"Tick “Yes, lift it” to confirm lifting the {row.kind}.")
        else:
            lift_sanction(row, request.user)
            messages.success(request, f"Lifted the {row.kind} of {row.user.display_name}.")
    return redirect("moderation:user", pk=row.user_id)


def _noted_comment(request, pk):
    """A published comment the user may annotate: 404 for what is not published, 403 for
    readers who are neither moderators nor the article's medical reviewer."""
    if not request.user.is_authenticated:
        raise PermissionDenied("Log in as a moderator or the article's medical reviewer.")
    comment = get_object_or_404(
        Comment.objects.approved().select_related("article__reviewer", "author", "context_note"),
        pk=pk,
    )
    if not can_write_note(request.user, comment):
        raise PermissionDenied("Only moderators and the article's medical reviewer write notes.")
    return comment


@require_http_methods(["GET", "POST"])
def context_note(request, pk):
    """Add or change the editor's note under a published comment."""
    comment = _noted_comment(request, pk)
    note = ContextNote.objects.filter(comment=comment).first()
    initial = {"body": note.body, "link": note.link} if note else None
    form = ContextNoteForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        save_note(comment, request.user, form.cleaned_data["body"], form.cleaned_data["link"])
        messages.success(request, "The editor's note is published under the comment.")
        return redirect(comment.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    context = {"comment": comment, "form": form, "note": note}
    return render(request, "moderation/context_note.html", context, status=status)


@require_POST
def delete_context_note(request, pk):
    comment = _noted_comment(request, pk)
    if remove_note(comment, request.user):
        messages.success(request, "The editor's note is removed; the log keeps what it said.")
    return redirect(comment.get_absolute_url())


@require_POST
@moderator_required
def send_resources(request, pk):
    """Send the commenter of a comment that reads like a crisis a private, calm message with
    the helplines; logged."""
    comment = get_object_or_404(Comment.objects.select_related("article", "author"), pk=pk)
    if notifications.resources(comment, helplines(), request.user):
        log(ModerationLog.Action.RESOURCES, comment=comment, actor=request.user,
            reason="Helplines and the emergency number, by email.")  # fmt: skip
        messages.success(request, f"Sent the resources privately to {comment.author_name}.")
    else:
        messages.error(request, f"{comment.author_name} has no email address to write to.")
    return redirect(safe_next(request, comment.moderation_url()))
