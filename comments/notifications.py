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


def _statements_url():
    return absolute_url(reverse("comments:decisions"))


def decision_made(comment, action, reason, clause):
    """Tell the author what a moderator decided about their comment, with the reason and the
    policy clause: an approval of a held comment (if they want such emails) and every
    rejection, spam or removal (a statement of reasons: always)."""
    author = comment.author
    if author is None or not author.email:
        return
    if action == "approve" and not author.notify_on_decision:
        return
    title = comment.article.title
    if action == "approve":
        subject = f"[{settings.SITE_NAME}] Your comment is published"
        body = f"Hello {author.display_name},\n\nA moderator approved your comment on “{title}”"
        body += f": {absolute_url(comment.get_absolute_url())}\n"
    else:
        verb = {"reject": "was not published", "spam": "was classed as spam",
                "remove": "was removed"}[action]  # fmt: skip
        subject = f"[{settings.SITE_NAME}] Your comment {verb}"
        body = (
            f"Hello {author.display_name},\n\nYour comment on “{title}” {verb}.\n\n"
            f"Reason: {reason or 'it breaks our Comments Policy.'}\n"
            f"Policy: {clause}\n\n{comment.body}\n\n"
            f"You can read every decision about your comments, and appeal this one once, on "
            f"your account page: {_statements_url()}\n"
        )
    body += (
        "\nTo stop emails about approvals, untick the box on your account page: "
        f"{absolute_url(reverse('comments:preferences'))}\n"
    )
    send_mail(subject, body, None, [author.email])


def sanctioned(user, sanction_row, clause):
    """A statement of reasons for a ban or suspension."""
    if not user.email:
        return
    body = (
        f"Hello {user.display_name},\n\n{sanction_row.describe()}.\n\n"
        f"Reason: {sanction_row.reason}\nPolicy: {clause}\n\n"
        f"You can appeal once on your account page: {_statements_url()}\n"
    )
    send_mail(f"[{settings.SITE_NAME}] About your comments", body, None, [user.email])


def appeal_filed(appeal):
    """Every moderator hears of a new appeal; it waits in the admin for an answer."""
    team = moderators().exclude(email="")
    link = absolute_url(reverse("admin:comments_appeal_change", args=[appeal.pk]))
    subject = f"[{settings.SITE_NAME}] A commenter appealed a decision"
    body = (
        f"{appeal.user.display_name} appealed: {appeal.decision.get_action_display()} — "
        f"{appeal.decision.reason}\n\nTheir appeal:\n{appeal.text}\n\nAnswer it here: {link}\n"
    )
    messages = [(subject, body, None, [moderator.email]) for moderator in team]
    if messages:
        send_mass_mail(messages)


def resources(comment, lines, moderator):
    """A moderator's private message to a commenter who may be in crisis: the helplines and the
    emergency number, calmly, without judgement."""
    author = comment.author
    if author is None or not author.email:
        return False
    listed = "\n".join(
        f"- {line.name} ({line.serves}): "
        + " · ".join(
            part
            for part in (line.phone and f"call {line.phone}", line.text, line.hours, line.url)
            if part
        )  # fmt: skip
        for line in lines
    )
    body = (
        f"Hello {author.display_name},\n\n"
        f"I'm {moderator.display_name}, one of the moderators at {settings.SITE_NAME}. I read "
        f"what you wrote on “{comment.article.title}” and wanted to check in with you.\n\n"
        "If you are in danger now, please call your local emergency number or go to the nearest "
        "emergency department.\n\n"
        "If you are struggling, you do not have to face it alone. These services are free and "
        f"confidential, and there to listen:\n{listed}\n\n"
        "Talking to someone you trust, or to your doctor, can help too. Take care of yourself.\n"
    )
    send_mail(f"[{settings.SITE_NAME}] Checking in with you", body, None, [author.email])
    return True
