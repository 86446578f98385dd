"""Readers' side of comments: post, reply, edit, delete, flag, notification preferences.

Every change is a POST behind login; the policy and workflow live in comments/policy.py and
comments/moderation/workflow.py. Refused comments re-render the article with the text kept.
"""

import math
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from articles.caching import page_key
from articles.fragments import public_article
from articles.models import Article, Author, Page
from articles.views import render_article
from core.cache_tags import add
from core.pagination import paginate

from . import caching, moderation, notifications
from .forms import AppealForm, CommentForm, EditCommentForm, FlagForm, PreferencesForm
from .models import LIMITING_ACTIONS, Appeal, Comment, ModerationLog, helplines
from .policy import MAX_DEPTH, Outcome

POLICY_PAGE_SLUG = "comments-policy"


def own_comment(request, pk):
    """404 for a comment the user cannot see; 403 for one they can see but do not own."""
    comment = get_object_or_404(
        Comment.objects.visible_to(request.user).select_related("article", "author"), pk=pk
    )
    if not comment.is_authored_by(request.user):
        raise PermissionDenied("That comment belongs to someone else.")
    return comment


def _refused(request, article, form):
    """The article page again, with the refused comment's text and errors in the form."""
    return render_article(request, article, status=400, extra_context={"comment_form": form})


@require_POST
def post_comment(request, slug):
    # The article as its page reads it, so a re-rendered page (status 400) shows all of it;
    # read with what the post reads before it changes anything.
    article = public_article(request, slug, before_changes=moderation.read_before_posting(request))
    if article is None:
        raise Http404("No such article.")
    if not request.user.is_authenticated:
        messages.error(request, "You must be logged in to post a comment.")
        return redirect(f"{article.get_absolute_url()}#comments")
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _refused(request, article, form)
    parent = None
    if form.cleaned_data["parent"]:
        parent = (
            Comment.objects.approved()
            .filter(article=article, pk=form.cleaned_data["parent"])
            .first()
        )
        if parent is None:
            form.add_error(None, "The comment you replied to is no longer available.")
            return _refused(request, article, form)
    result = moderation.submit(request.user, article, form.cleaned_data["body"], parent,
                               rules=moderation.kept_rules(request), request=request)  # fmt: skip
    if not result.decision.stored:
        form.add_error("body", result.decision.message)
        return _refused(request, article, form)
    if result.decision.urgent:
        return redirect("comments:support", result.comment.pk)
    level = messages.SUCCESS if result.decision.outcome is Outcome.APPROVE else messages.INFO
    if result.decision.outcome is Outcome.SPAM:
        level = messages.ERROR
    messages.add_message(request, level, result.decision.message)
    return redirect(result.comment.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def edit_comment(request, pk):
    comment = own_comment(request, pk)
    rules = moderation.kept_rules(request)
    try:
        moderation.check_editable(comment, request.user, rules)
    except PermissionDenied as refusal:
        messages.error(request, str(refusal))
        return redirect(comment.get_absolute_url())
    form = EditCommentForm(
        request.POST if request.method == "POST" else None, initial={"body": comment.body}
    )
    if request.method == "POST" and form.is_valid():
        result = moderation.edit(comment, request.user, form.cleaned_data["body"], rules=rules)
        if result.decision.urgent:
            return redirect("comments:support", comment.pk)
        if result.decision.stored:
            messages.info(request, result.decision.message)
            return redirect(comment.get_absolute_url())
        form.add_error("body", result.decision.message)
    status = 400 if request.method == "POST" else 200
    ends = comment.created_at + timedelta(minutes=rules.edit_window_minutes)
    minutes_left = max(1, math.ceil((ends - timezone.now()).total_seconds() / 60))
    context = {"comment": comment, "form": form, "window": rules.edit_window_minutes,
               "minutes_left": minutes_left}  # fmt: skip
    return render(request, "comments/edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def delete_comment(request, pk):
    """GET asks "Delete your comment?"; only the POST from that page deletes."""
    comment = own_comment(request, pk)
    if request.method == "GET":
        return render(request, "comments/delete.html", {"comment": comment})
    moderation.delete_own(comment, request.user)
    messages.success(request, "Your comment was deleted.")
    return redirect(comment.get_absolute_url())


@login_required
@require_safe
def support(request, pk):
    """Shown at once to the author of a comment that reads like a crisis: a calm message, the
    site's helplines and the emergency number, before anything else (safe-messaging practice:
    warmth, no judgement, help that is available now)."""
    comment = own_comment(request, pk)
    context = {"comment": comment, "helplines": helplines()}
    return render(request, "comments/support.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def flag_comment(request, pk):
    # Only published comments on articles readers can see: nothing else can be flagged.
    comment = get_object_or_404(
        Comment.objects.approved()
        .filter(article__in=Article.objects.published())
        .select_related("article", "author"),
        pk=pk,
    )
    if request.method == "GET" and comment.flags.filter(user=request.user).exists():
        messages.info(request, "You have already flagged this comment; moderators will see it.")
        return redirect(comment.get_absolute_url())
    form = FlagForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.flag(comment, request.user, **form.cleaned_data)
        except moderation.FlagRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, "Thank you. Moderators will review the comment you flagged.")
        return redirect(comment.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(request, "comments/flag.html", {"comment": comment, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    user = request.user
    form = PreferencesForm(
        request.POST if request.method == "POST" else None,
        initial={"notify_on_reply": user.notify_on_reply,
                 "notify_on_decision": user.notify_on_decision,
                 "notify_on_review_due": user.notify_on_review_due},
        reviewer=Author.objects.filter(user=user).exists(),
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        for name, value in form.cleaned_data.items():
            setattr(user, name, value)
        user.save(update_fields=list(form.cleaned_data))
        messages.success(request, "Your email preferences are saved.")
        return redirect("comments:preferences")
    return render(request, "comments/preferences.html", {"form": form})


@require_safe
def comments_policy(request):
    """The editors' Comments Policy page, followed by the rules in numbers read from the live
    moderation settings, so the page never states a limit the site no longer applies."""
    page = get_object_or_404(Page, slug=POLICY_PAGE_SLUG)
    add(request, page_key(page.slug), caching.SETTINGS)
    context = {"page": page, "rules": moderation.current_rules(), "max_depth": MAX_DEPTH}
    return render(request, "comments/policy_page.html", context)


STATEMENTS_PER_PAGE = 20


def statements_of(user):
    """Every decision that limited ``user``'s comments or commenting, newest first, with its
    reversal (a later approval, restore or lifted sanction) and their appeal, if any. The
    records stay after a reversal: the page says it was reversed."""
    later = ModerationLog.objects.filter(created_at__gte=OuterRef("created_at")).exclude(
        pk=OuterRef("pk")
    )
    comment_reversed = later.filter(
        comment_id=OuterRef("comment_id"), action__in=["approve", "restore", "dismiss_flags"]
    )
    sanction_lifted = later.filter(subject_id=OuterRef("subject_id"), action="lift")
    return (
        ModerationLog.objects.filter(subject=user, action__in=LIMITING_ACTIONS)
        .select_related("comment__article", "appeal")
        .annotate(
            comment_reversed_at=Subquery(
                comment_reversed.order_by("created_at").values("created_at")[:1]
            ),
            sanction_lifted_at=Subquery(
                sanction_lifted.order_by("created_at").values("created_at")[:1]
            ),
        )
        .order_by("-created_at", "-id")
    )


@login_required
@require_safe
def decisions(request):
    """The commenter's statements of reasons: what was decided, why, under which clause of
    the Comments Policy, whether it was reversed, and their one appeal."""
    page = paginate(request, statements_of(request.user), STATEMENTS_PER_PAGE)
    return render(request, "comments/decisions.html", {"page": page, "form": AppealForm()})


@login_required
@require_POST
def appeal(request, pk):
    """Appeal one decision, once; moderators are emailed and answer in the admin."""
    decision = get_object_or_404(
        ModerationLog, pk=pk, subject=request.user, action__in=LIMITING_ACTIONS
    )
    if Appeal.objects.filter(decision=decision).exists():
        messages.error(request, "You have already appealed this decision.")
        return redirect("comments:decisions")
    form = AppealForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write why we should look again (up to 1,000 characters).")
        return redirect("comments:decisions")
    created = Appeal.objects.create(decision=decision, user=request.user,
                                    text=form.cleaned_data["text"].strip())  # fmt: skip
    notifications.appeal_filed(created)
    messages.success(request, "Thank you. A moderator will read your appeal and answer you.")
    return redirect("comments:decisions")
