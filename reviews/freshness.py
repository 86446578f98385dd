"""Where each article stands with medical review, for the dashboard, the reminders and the
article page: last reviewed, next due, and whether it changed since the review."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import IntegerField, Max, OuterRef, Q, Subquery
from django.utils import timezone

from articles.models import Article, Revision
from articles.models.article import LIVE_STATUSES

from .models import MedicalReview


def add_months(day, months):
    """``day`` moved by whole months, kept inside the month (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def with_review_state(articles):
    """Annotate the latest review (date, reviewer, reviewed revision) and the latest
    substantive revision: one query whatever the number of articles."""
    latest = MedicalReview.objects.filter(article=OuterRef("pk")).order_by("-reviewed_on", "-id")
    last_substantive = (
        Revision.objects.filter(article=OuterRef("pk"), is_minor=False)
        .order_by()
        .values("article")
        .annotate(number=Max("number"))
        .values("number")
    )
    return articles.annotate(
        last_review_id=Subquery(latest.values("pk")[:1]),
        last_reviewed_on=Subquery(latest.values("reviewed_on")[:1]),
        last_reviewer_id=Subquery(latest.values("reviewer_id")[:1]),
        reviewed_revision_number=Subquery(latest.values("revision__number")[:1]),
        reviewed_revision_id=Subquery(latest.values("revision_id")[:1]),
        last_substantive_number=Subquery(last_substantive, output_field=IntegerField()),
    )


@dataclass
class ReviewState:
    article: Article
    last_reviewed_on: date | None
    next_due_on: date | None
    changed_since_review: bool
    stale: bool

    @property
    def never_reviewed(self):
        return self.last_reviewed_on is None


def review_state(article, today=None):
    """The state of an article annotated by ``with_review_state``."""
    today = today or timezone.localdate()
    reviewed = article.last_reviewed_on
    stale_before = today - timedelta(days=365 * settings.FRESHNESS_STALE_YEARS)
    updated = timezone.localdate(article.updated_at) if article.updated_at else None
    return ReviewState(
        article=article,
        last_reviewed_on=reviewed,
        next_due_on=add_months(reviewed, article.review_interval) if reviewed else None,
        changed_since_review=bool(
            reviewed and (article.last_substantive_number or 0) > article.reviewed_revision_number
        ),
        stale=bool(updated and updated < stale_before),
    )


SECTIONS = {
    "overdue": "Review overdue",
    "due_soon": "Review due within 30 days",
    "changed": "Changed since review",
    "never": "Never reviewed",
    "stale": "Not substantively updated for years",
}


def sections_of(state, today):
    soon = today + timedelta(days=settings.REVIEW_REMINDER_DAYS_BEFORE)
    found = []
    if state.next_due_on and state.next_due_on < today:
        found.append("overdue")
    elif state.next_due_on and state.next_due_on <= soon:
        found.append("due_soon")
    if state.changed_since_review:
        found.append("changed")
    if state.never_reviewed:
        found.append("never")
    if state.stale:
        found.append("stale")
    return found


def freshness_report(*, author=None, reviewer=None, tag=None, today=None):
    """Published articles grouped by what needs doing, in a fixed number of queries."""
    today = today or timezone.localdate()
    articles = Article.objects.filter(status__in=LIVE_STATUSES)
    if author:
        articles = articles.filter(author__slug=author)
    if reviewer:
        articles = articles.filter(
            Q(reviewer__slug=reviewer) | Q(medical_reviews__reviewer__slug=reviewer)
        ).distinct()
    if tag:
        articles = articles.filter(tags__slug=tag)
    articles = with_review_state(articles.select_related("author", "reviewer"))
    report = {name: [] for name in SECTIONS}
    for article in articles.order_by("published_at", "id"):
        state = review_state(article, today)
        for name in sections_of(state, today):
            report[name].append(state)
    return report
