"""Reader feedback: recorded privately, limited per reader, and a report of out-of-date or
wrong information emailed to the article's reviewer (through the task queue, core/mail.py)."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.site import absolute_url

from .models import ReaderFeedback


class TooMuchFeedback(Exception):
    """This reader sent the most feedback allowed in an hour."""


def reader_hash(address, day=None):
    """A keyed, daily hash of a network address: one reader today, no one tomorrow."""
    day = day or timezone.localdate()
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{day.isoformat()}|{address}".encode(), hashlib.sha256).hexdigest()


def record_feedback(article, *, kind, address, message=""):
    """Store one piece of feedback; a report is emailed to the article's reviewer."""
    digest = reader_hash(address)
    since = timezone.now() - timedelta(hours=1)
    with transaction.atomic():
        recent = ReaderFeedback.objects.filter(reader_hash=digest, created_at__gte=since)
        if recent.count() >= settings.FEEDBACK_RATE_LIMIT:
            raise TooMuchFeedback
        feedback = ReaderFeedback.objects.create(
            article=article, kind=kind, message=message, reader_hash=digest
        )
        if kind == ReaderFeedback.Kind.REPORT:
            notify_reviewer(feedback)
    return feedback


def notify_reviewer(feedback):
    """Email the article's reviewer (queued with the transaction: a rollback sends nothing)."""
    reviewer = feedback.article.reviewer
    user = getattr(reviewer, "user", None) if reviewer else None
    if user is None or not user.email:
        return False
    article = feedback.article
    body = "\n".join([
        f"A reader reported out-of-date or wrong information in “{article.title}”:",
        "",
        feedback.message,
        "",
        f"The article: {absolute_url(article.get_absolute_url())}",
        "Read it and mark it handled: "
        + absolute_url(reverse("admin:reviews_readerfeedback_change", args=[feedback.pk])),
    ])  # fmt: skip
    send_mail(f"Reader report: {article.title}"[:200], body, None, [user.email])
    return True


def mark_handled(feedback, *, by, resolution, note=""):
    feedback.resolution = resolution
    feedback.handling_note = note
    feedback.handled_by = by
    feedback.handled_at = timezone.now()
    feedback.save(update_fields=["resolution", "handling_note", "handled_by", "handled_at"])
