"""Demo medical reviews (``content/reviews.yaml``), dated back from today, and the demo
clinician's login. Safe to re-run: an article that has a review is left alone."""

from datetime import timedelta

from django.utils import timezone

from articles.models import Article, Author
from articles.revisions import save_article
from reviews.feedback import reader_hash
from reviews.models import MedicalReview, ReaderFeedback

from . import loader as demo_content
from .articles import aware

DEMO_CLINICIAN = "maya-okafor"  # signs in as the demo user "reviewer"


def seed_reviews(users):
    Author.objects.filter(slug=DEMO_CLINICIAN, user=None).update(user=users["reviewer"])
    today, created = timezone.localdate(), 0
    for data in demo_content.REVIEWS:
        article = Article.objects.get(slug=data["article"])
        if MedicalReview.objects.filter(article=article).exists():
            continue
        reviewed_on = today - timedelta(days=data["days_ago"])
        MedicalReview.objects.create(
            article=article,
            reviewer=Author.objects.get(slug=data["reviewer"]),
            reviewed_on=reviewed_on,
            outcome=data["outcome"],
            notes=data["notes"],
            revision=article.revisions.order_by("-number").first(),
            recorded_by=users["editor"],
            recorded_at=aware(reviewed_on.isoformat(), 16),
        )
        created += 1
        if edit := data["edited_after"]:
            article.body += edit["append"]
            when = aware((today - timedelta(days=edit["days_ago"])).isoformat(), 11)
            save_article(article, editor=users["editor"], change_note=edit["note"], at=when)
    return created


def seed_feedback(users):
    """Private reader feedback (``content/feedback.yaml``), dated back from today; once."""
    if ReaderFeedback.objects.exists():
        return 0
    now = timezone.now()
    for number, data in enumerate(demo_content.FEEDBACK):
        created = now - timedelta(days=data["days_ago"])
        feedback = ReaderFeedback(
            article=Article.objects.get(slug=data["article"]),
            kind=data["kind"],
            message=data["message"],
            reader_hash=reader_hash(f"demo-reader-{number}", created.date()),
            created_at=created,
        )
        if handled := data["handled"]:
            feedback.handled_by = users[handled["by"]]
            feedback.resolution = handled["resolution"]
            feedback.handling_note = handled["note"]
            feedback.handled_at = created + timedelta(days=1)
        feedback.save()
    return len(demo_content.FEEDBACK)
