"""What readers see of medical review: the review line, JSON-LD, and a reviewer's articles."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from articles.caching import extras_tag
from core.site import absolute_url

from .freshness import add_months
from .models import MedicalReview


def dependency(article_id):
    """The cache tag of what readers see of an article's reviews (the review line, JSON-LD):
    part of the article page's own fragment (articles.caching.extras_tag)."""
    return extras_tag(article_id)


def latest_review(article):
    """The article's latest review (with its reviewer), looked up once per article object."""
    if not hasattr(article, "_latest_review"):
        article._latest_review = (
            MedicalReview.objects.filter(article=article)
            .select_related("reviewer")
            .order_by("-reviewed_on", "-id")
            .first()
        )
    return article._latest_review


def review_line(article):
    """For "Medically reviewed by … on … · Next review due …"; None when never reviewed. The
    line keeps the true date of the latest review even when the article changed since, and
    once the next review date has passed it says the review is overdue rather than upcoming."""
    review = latest_review(article)
    if review is None:
        return None
    next_due_on = add_months(review.reviewed_on, article.review_interval)
    return {
        "review": review,
        "reviewer": review.reviewer,
        "reviewed_on": review.reviewed_on,
        "next_due_on": next_due_on,
        "overdue": next_due_on < timezone.localdate(),
    }


def overdue_from(line):
    """The moment a review line that is not overdue yet becomes overdue (the day after it was
    due, in the site's time zone): a kept page showing it changes by itself then."""
    if line is None or line["overdue"]:
        return None
    day_after = line["next_due_on"] + timedelta(days=1)
    return timezone.make_aware(datetime.combine(day_after, time.min))


def add_review_to_json_ld(article, data):
    """schema.org ``reviewedBy``/``lastReviewed`` from the latest review; absent if none."""
    review = latest_review(article)
    if review is None:
        return
    reviewer = review.reviewer
    person = {
        "@type": "Person",
        "name": reviewer.name,
        "url": absolute_url(reviewer.get_absolute_url()),
    }
    if reviewer.credentials:
        person["honorificSuffix"] = reviewer.credentials
    data["reviewedBy"] = person
    data["lastReviewed"] = review.reviewed_on.isoformat()


def reviewed_articles(author):
    """Published articles ``author`` has reviewed, most recently reviewed first."""
    from articles.models import Article

    return (
        Article.objects.published()
        .filter(medical_reviews__reviewer=author)
        .select_related("author")
        .distinct()
        .order_by("-published_at")
    )
