"""When followers hear something: a substantive update readers see in the article's public
history, or an article going live. Minor edits, edits on the day of publication and history
replayed by an import or the demo announce nothing."""

from django.db.models.signals import post_save
from django.utils import timezone

from accounts.signals import account_deleting
from articles.models import Revision
from articles.publishing import ANNOUNCE_WITHIN, article_went_live

from .models import Notice, Subscriber
from .sending import announce


def revision_recorded(sender, instance, created, **kwargs):
    revision = instance
    if not created or revision.is_minor or not revision.change_note:
        return
    if revision.created_at < timezone.now() - ANNOUNCE_WITHIN:
        return  # history replayed (an import, the demo): nothing new to tell anyone
    article = revision.article
    if not article.is_public:
        return
    if timezone.localdate(revision.created_at) <= timezone.localdate(article.published_at):
        return  # part of publishing, not an update (Article.public_update_history)
    announce(article, revision, Notice.Kind.UPDATED)


def went_live(sender, article, **kwargs):
    announce(article, None, Notice.Kind.PUBLISHED)


def forget_addresses_of_deleted_account(sender, user, **kwargs):
    from allauth.account.models import EmailAddress

    emails = {address.lower() for address in
              EmailAddress.objects.filter(user=user).values_list("email", flat=True)}  # fmt: skip
    if user.email:
        emails.add(user.email.lower())
    deleted, _ = Subscriber.objects.filter(email__in=emails).delete()
    return "email alerts removed" if deleted else ""


def connect():
    post_save.connect(revision_recorded, sender=Revision, dispatch_uid="subscriptions.revision")
    article_went_live.connect(went_live, dispatch_uid="subscriptions.went_live")
    account_deleting.connect(forget_addresses_of_deleted_account,
                             dispatch_uid="subscriptions.account_deleting")  # fmt: skip
