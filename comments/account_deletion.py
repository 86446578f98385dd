"""What happens to a commenter's comments when they delete their account (the
``DELETED_ACCOUNT_COMMENTS`` setting): kept and signed "Former member", or removed through the
workflow, which logs each one."""

from django.conf import settings
from django.dispatch import receiver

from accounts.signals import account_deleting

from . import moderation, section_cache
from .models import Appeal, Comment


@receiver(account_deleting, dispatch_uid="comments.account_deleting")
def settle_comments_of_deleted_account(sender, user, **kwargs):
    Appeal.objects.filter(user=user).delete()  # their own words, gone with their account
    comments = Comment.objects.filter(author=user).select_related("article")
    count = comments.count()
    for article_id in set(comments.values_list("article_id", flat=True)):
        section_cache.changed(article_id)  # their name on these pages becomes "Former member"
    if not count:
        return ""
    noun = "comment" if count == 1 else "comments"
    if settings.DELETED_ACCOUNT_COMMENTS == "remove":
        for comment in comments.exclude(status=Comment.Status.REMOVED):
            moderation.delete_own(comment, user)
        return f"{count} {noun} removed"
    return f"{count} {noun} kept, signed “Former member”"
