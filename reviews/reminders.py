"""The daily reminder digest: each reviewer hears about their reviews coming due (30 days
before) and falling due (on the day), once each, in one email.

Run by a task (``send_review_reminders``) that a daily cron line enqueues with
``manage.py enqueue_review_reminders``. Every reminder is recorded (``ReviewReminder``, unique
per article, kind and due date) in the same transaction as its queued email, so running the job
twice, or two at once, sends nothing twice.
"""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from articles.models import Article, Author
from articles.models.article import LIVE_STATUSES
from core.site import absolute_url

from .freshness import review_state, with_review_state
from .models import ReviewReminder

Kind = ReviewReminder.Kind


def due_items(today):
    """(reviewer, article, kind, due date) for every published, reviewed article whose next
    review is due within the reminder window or already due. The reminder goes to the
    article's assigned reviewer, else to whoever reviewed it last."""
    window = timedelta(days=settings.REVIEW_REMINDER_DAYS_BEFORE)
    articles = with_review_state(
        Article.objects.filter(status__in=LIVE_STATUSES).select_related("reviewer")
    ).exclude(last_reviewed_on=None)
    for article in articles:
        state = review_state(article, today)
        kind = Kind.DUE if state.next_due_on <= today else None
        if kind is None and state.next_due_on - window <= today:
            kind = Kind.DUE_SOON
        if kind is None:
            continue
        yield article.reviewer_id or article.last_reviewer_id, article, kind, state.next_due_on


def _claim(article, reviewer_id, kind, due_on):
    """Record the reminder; False when it was already sent."""
    try:
        with transaction.atomic():
            ReviewReminder.objects.create(
                article=article, reviewer_id=reviewer_id, kind=kind, due_on=due_on
            )
    except IntegrityError:
        return False
    return True


def _digest(reviewer, items):
    record = absolute_url(reverse("admin:reviews_medicalreview_add"))
    lines = [f"Hello {reviewer.name},", "", "These medical reviews need you:", ""]
    for article, kind, due_on in items:
        when = "was due" if due_on < timezone.localdate() else "is due"
        label = "Due now" if kind == Kind.DUE else "Coming up"
        lines.append(f"- {label}: “{article.title}” {when} on {due_on:%-d %B %Y}")
        lines.append(f"  Read it and record your review: {record}?article={article.pk}")
    lines += ["", "To stop these emails, ask an editor to untick “email me when my medical "
              "reviews are due” on your account.", ""]  # fmt: skip
    return "\n".join(lines)


@transaction.atomic
def send_digests(today=None):
    """Queue one digest per reviewer with the reminders not sent yet; returns how many."""
    today = today or timezone.localdate()
    pending = defaultdict(list)
    for reviewer_id, article, kind, due_on in due_items(today):
        pending[reviewer_id].append((article, kind, due_on))
    authors = Author.objects.select_related("user").in_bulk(list(pending))
    sent = 0
    for reviewer_id, items in pending.items():
        reviewer = authors[reviewer_id]
        user = reviewer.user
        if user is None or not user.email or not user.notify_on_review_due:
            continue
        new = [item for item in items if _claim(item[0], reviewer_id, item[1], item[2])]
        if not new:
            continue
        send_mail(
            f"[{settings.SITE_NAME}] Medical reviews due: {len(new)}",
            _digest(reviewer, new),
            None,
            [user.email],
        )
        sent += 1
    return sent


@task()
def send_review_reminders():
    return send_digests()
