"""Emails about comments: a reply to your comment was published; a comment reached the flag
threshold. Queued in the same transaction as the change (``core.mail``): a change that rolls back
sends nothing, and a mail-server outage delays the email instead of losing it."""

from django.conf import settings
from django.core.mail import send_mail, send_mass_mail
from django.urls import reverse

from core.site import absolute_url

from .moderation.access import moderators


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
        f"Read the conversation: {absolute_url(reply.get_absolute_url())}\n\n"
        "You get this email because you commented. To stop these emails, untick "
        f"“email me when someone replies” here: {absolute_url(reverse('comments:preferences'))}\n"
    )
    send_mail(f"[{settings.SITE_NAME}] New reply to your comment", body, None, [recipient.email])


def flag_threshold_reached(comment, flag_count):
    """Tell every moderator that readers hid a comment for review."""
    team = moderators().exclude(email="")
    queue = absolute_url(reverse("moderation:queue", args=["flagged"]))
    subject = f"[{settings.SITE_NAME}] Comment hidden after {flag_count} flags"
    body = (
        f"A comment by {comment.author_name} on “{comment.article.title}” was flagged "
        f"{flag_count} times and is hidden until a moderator reviews it.\n\n"
        f"{comment.body}\n\nReview it in the queue: {queue}\n"
    )
    messages = [(subject, body, None, [moderator.email]) for moderator in team]
    if messages:
        send_mass_mail(messages)


def crisis_comment(comment, team):
    """Tell the on-call moderators at once that a comment reads like a crisis: the person may
    need the resources now, and the comment waits, urgent, at the top of the queue."""
    link = absolute_url(comment.moderation_url())
    subject = f"[{settings.SITE_NAME}] Urgent: a comment may be from someone in crisis"
    body = (
        f"{comment.author_name} posted a comment on “{comment.article.title}” that reads like "
        "a crisis (suicidal thoughts, self-harm, an overdose or emergency symptoms). It is not "
        "published; the commenter was shown the helplines at once.\n\n"
        f"{comment.body}\n\n"
        f"Please look at it now: {link}\n"
        "From there you can send them a private message with the resources.\n"
    )
    messages = [(subject, body, None, [moderator.email]) for moderator in team]
    if messages:
        send_mass_mail(messages)


def claim_for_reviewer(comment):
    """Bring a held treatment claim to the attention of the clinician who reviewed the article:
    they know its evidence best, and may answer it with an editor's note once it is published."""
    reviewer = comment.article.reviewer
    user = reviewer.user if reviewer is not None and reviewer.user_id else None
    if user is None or not user.email:
        return
    note = absolute_url(reverse("moderation:note", args=[comment.pk]))
    body = (
        f"Hello {reviewer.name},\n\n"
        f"A comment on “{comment.article.title}”, which you reviewed, makes a claim about a "
        f"treatment and is held for a moderator:\n\n{comment.body}\n\n"
        f"Matched: {', '.join(comment.matched_phrases)}\n\n"
        "If it is published, you can add an editor's note under it (why the claim is wrong or "
        f"unproven, with a link to the evidence): {note}\n"
    )
    send_mail(
        f"[{settings.SITE_NAME}] A treatment claim on an article you reviewed",
        body,
        None,
        [user.email],
    )
