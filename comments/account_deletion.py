"""What happens to what a commenter wrote when they delete their account.

Published comments follow the ``DELETED_ACCOUNT_COMMENTS`` setting: kept and signed "Former
member", or removed through the workflow, which logs each one. Every other text they typed goes:
the words of comments not published (waiting, refused, or deleted by them) are erased, and so
are the notes of their flags in the moderation log (the flags themselves go with the account).
The log keeps what happened and the reason they chose, without them."""

from django.conf import settings
from django.dispatch import receiver

from accounts.signals import account_deleting

from . import caching, moderation
from .models import Appeal, Comment, Flag, ModerationLog


@receiver(account_deleting, dispatch_uid="comments.account_deleting")
def settle_comments_of_deleted_account(sender, user, **kwargs):
    forget_flag_notes(user)
    Appeal.objects.filter(user=user).delete()  # their own words, gone with their account
    comments = Comment.objects.filter(author=user).select_related("article")
    for article_id in set(comments.values_list("article_id", flat=True)):
        caching.changed(article_id)  # their name on these pages becomes "Former member"
    keep = settings.DELETED_ACCOUNT_COMMENTS == "keep"
    total = comments.count()
    published = comments.filter(status=Comment.Status.APPROVED).count()
    # A waiting comment would be published later without them: it goes like a removed one.
    goes = comments.filter(status=Comment.Status.PENDING) if keep else comments
    for comment in goes.exclude(status=Comment.Status.REMOVED):
        moderation.delete_own(comment, user)
    comments.exclude(status=Comment.Status.APPROVED).update(
        body="", body_html="", body_fingerprint="", matched_phrases=[]
    )
    if not keep:
        return f"{_count(total)} removed" if total else ""
    parts = [f"{_count(published)} kept, signed “Former member”"] if published else []
    if total - published:
        parts.append(f"{_count(total - published, 'unpublished ')} erased")
    return "; ".join(parts)


def _count(number, kind=""):
    return f"{number} {kind}{'comment' if number == 1 else 'comments'}"


def forget_flag_notes(user):
    """The log line of each of their flags keeps the reason they chose, not the note they typed."""
    for flag in Flag.objects.filter(user=user):
        ModerationLog.objects.filter(
            action=ModerationLog.Action.FLAG, actor=user, comment_id=flag.comment_id
        ).update(reason=f"{flag.get_reason_display()}.")
