"""Where each article stands with medical review, for the dashboard, the reminders and the
article page: last reviewed, next due, and whether it changed since the review."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery
from django.utils import timezone

from articles.models import Article, Revision, Source
from articles.models.article import LIVE_STATUSES

from .models import MedicalReview, ReaderFeedback


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
    retracted = Source.objects.filter(
        article=OuterRef("pk"), standing=Source.Standing.RETRACTED
    ).order_by("standing_found_at")
    return articles.annotate(
        retraction_found_at=Subquery(retracted.values("standing_found_at")[:1]),
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
    cites_retracted: bool = False  # a source was retracted after the last review

    @property
    def never_reviewed(self):
        return self.last_reviewed_on is None


def review_state(article, today=None):
    """The state of an article annotated by ``with_review_state``."""
    today = today or timezone.localdate()
    reviewed = article.last_reviewed_on
    stale_before = today - timedelta(days=365 * settings.FRESHNESS_STALE_YEARS)
    updated = timezone.localdate(article.updated_at) if article.updated_at else None
    next_due_on = add_months(reviewed, article.review_interval) if reviewed else None
    # An article citing a retracted source is due for review the day the retraction was found.
    found = getattr(article, "retraction_found_at", None)
    found_on = timezone.localdate(found) if found else None
    cites_retracted = bool(found_on and (reviewed is None or found_on >= reviewed))
    if cites_retracted and reviewed:
        next_due_on = min(next_due_on, found_on)
    return ReviewState(
        article=article,
        last_reviewed_on=reviewed,
        next_due_on=next_due_on,
        cites_retracted=cites_retracted,
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
    if state.cites_retracted or (state.next_due_on and state.next_due_on < today):
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


def _filtered(articles, *, author=None, reviewer=None, tag=None):
    if author:
        articles = articles.filter(author__slug=author)
    if reviewer:
        articles = articles.filter(reviewer__slug=reviewer)
    if tag:
        articles = articles.filter(tags__slug=tag)
    return articles


def reader_reports(user, *, author=None, reviewer=None, tag=None):
    """Articles readers gave feedback on that ``user`` may see, with counts, open reports
    first: one query."""
    visible = ReaderFeedback.objects.visible_to(user)
    report = Q(reader_feedback__kind=ReaderFeedback.Kind.REPORT)
    articles = _filtered(
        Article.objects.filter(reader_feedback__in=visible), author=author, reviewer=reviewer,
        tag=tag,
    ).distinct()  # fmt: skip
    in_visible = Q(reader_feedback__in=visible)
    return list(
        Article.objects.filter(pk__in=articles.values("pk"))
        .annotate(
            open_reports=Count("reader_feedback", filter=in_visible & report
                               & Q(reader_feedback__handled_at=None)),
            reports=Count("reader_feedback", filter=in_visible & report),
            helpful=Count("reader_feedback", filter=in_visible
                          & Q(reader_feedback__kind=ReaderFeedback.Kind.HELPFUL)),
            not_helpful=Count("reader_feedback", filter=in_visible
                              & Q(reader_feedback__kind=ReaderFeedback.Kind.NOT_HELPFUL)),
        )
        .only("id", "title", "slug")
        .order_by("-open_reports", "-reports", "-not_helpful", "title")
    )  # fmt: skip


@dataclass
class SourceProblem:
    problem: str  # "Retracted", "Corrected" or "Broken link"
    source: Source  # one of the citing rows, for its title, link and what the check found
    articles: list


def sources_needing_attention(*, author=None, reviewer=None, tag=None):
    """Broken links, retractions and corrections, each once with the articles citing it:
    one query."""
    articles = _filtered(Article.objects.all(), author=author, reviewer=reviewer, tag=tag)
    rows = (
        Source.objects.filter(Q(link_status=Source.LinkStatus.BROKEN) | ~Q(standing=""),
                              article__in=articles.values("pk"))
        .select_related("article")
        .order_by("standing", "title", "article__title")
    )  # fmt: skip
    found = {}
    for source in rows:
        problems = []
        if source.standing:
            problems.append((source.get_standing_display(), source.doi.lower()))
        if source.link_status == Source.LinkStatus.BROKEN:
            problems.append(("Broken link", source.url))
        for problem, identity in problems:
            entry = found.setdefault((problem, identity), SourceProblem(problem, source, []))
            if source.article not in entry.articles:
                entry.articles.append(source.article)
    order = {"Retracted": 0, "Broken link": 1, "Corrected": 2}
    return sorted(found.values(), key=lambda entry: (order[entry.problem], entry.source.title))
