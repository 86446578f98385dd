"""Going live. A scheduled article (a future ``published_at``) needs no process to appear:
every public query asks ``published()`` whether its minute has come. What must *happen* at
publication (marking it published, purging cached pages, notifications) listens to
``article_went_live``, sent once per article by a task queued for that minute.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django_tasks import task

from .models import Article

logger = logging.getLogger(__name__)
ANNOUNCE_WITHIN = timedelta(days=1)

# Sent once, when an article first becomes public: sender=Article, article=<the article>.
article_went_live = Signal()


@task()
def announce_publication(article_id):
    """Run at (or just after) publication time; does nothing early, late twice, or for a draft."""
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None or not article.is_public or article.went_live_at is not None:
            return False
        article.went_live_at = timezone.now()
        if article.status == Article.Status.SCHEDULED:
            # Its minute has come: "scheduled" no more. Not an edit, so no revision.
            article.status = Article.Status.PUBLISHED
            article.save(update_fields=["went_live_at", "status"])
        else:
            article.save(update_fields=["went_live_at"])
        article_went_live.send(sender=Article, article=article)
    logger.info("Article %s went live: %s", article.pk, article.title)
    return True


def schedule_announcement(article):
    """Queue ``announce_publication`` for the article's publication minute (now, if just past).
    An article that went public long ago (history replayed by an import or the demo) is only
    marked as live: there is nothing left to announce."""
    if not article.is_live or article.went_live_at is not None:
        return
    if article.published_at and article.published_at < timezone.now() - ANNOUNCE_WITHIN:
        article.went_live_at = article.published_at
        Article.objects.filter(pk=article.pk).update(went_live_at=article.went_live_at)
        return
    announce = announce_publication
    if article.is_scheduled:
        if not announce.get_backend().supports_defer:
            return  # this backend cannot wait (the tests' immediate one): nothing to queue
        announce = announce.using(run_after=article.published_at)
    announce.enqueue(article.pk)
