"""Emails about comments: a reply to your comment was published; a comment reached the flag
threshold. Sent after the transaction commits, so nobody hears about a change that rolled back."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail, send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from accounts.models import MODERATORS_GROUP


def _absolute(path):
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def reply_published(reply):
    """Tell the parent comment's author, unless they opted out or replied to themselves."""
    parent = reply.parent
    if parent is None or parent.author is None or parent.author_id == reply.author_id:
        return
    recipient = parent.author
    if not recipient.notify_on_reply or not recipient.email:
        return
    body = (
        f"Hello {recipient.display_name},\n\n"
        f"{reply.author_name} replied to your comment on “{reply.article.title}”:\n\n"
        f"{reply.body}\n\n"
        f"Read the conversation: {_absolute(reply.get_absolute_url())}\n\n"
        "You get this email because you commented. To stop these emails, untick "
        f"“email me when someone replies” here: {_absolute(reverse('comments:preferences'))}\n"
    )
    transaction.on_commit(
        lambda: send_mail(
            f"[{settings.SITE_NAME}] New reply to your comment",
            body,
            None,
            [recipient.email],
            fail_silently=True,
        )
    )


def flag_threshold_reached(comment, flag_count):
    """Tell every moderator that readers hid a comment for review."""
    moderators = (
        get_user_model()
        .objects.filter(Q(groups__name=MODERATORS_GROUP) | Q(is_superuser=True), is_active=True)
        .exclude(email="")
        .distinct()
    )
    queue = _absolute(reverse("moderation:queue", args=["flagged"]))
    subject = f"[{settings.SITE_NAME}] Comment hidden after {flag_count} flags"
    body = (
        f"A comment by {comment.author_name} on “{comment.article.title}” was flagged "
        f"{flag_count} times and is hidden until a moderator reviews it.\n\n"
        f"{comment.body}\n\nReview it in the queue: {queue}\n"
    )
    messages = [(subject, body, None, [moderator.email]) for moderator in moderators]
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))
