"""Telling followers: a notice per substantive public update or new article, fanned out to a
delivery row per follower, then sent in batches through the task queue.

At most one email per subscriber per notice, even across crashes: the delivery row is unique per
(subscriber, notice) and created idempotently; a delivery is claimed (marked sent, only if it
was not) in the same transaction that queues its email (core/mail.py), so a worker killed
mid-batch leaves each delivery either sent and queued, or neither. ``resume()`` (from the
``enqueue_subscription_emails`` command, run by cron) picks up whatever a dead worker left.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from core.site import absolute_url

from . import links
from .models import Delivery, Notice, Subscriber, Subscription

logger = logging.getLogger(__name__)


def followers_of(notice):
    """Confirmed subscribers following the notice's article (its updates), its topics or its
    author (new articles and updates)."""
    article = notice.article
    follows = Q(tag__in=list(article.tags.values_list("pk", flat=True))) | Q(
        author_id=article.author_id
    )
    if notice.kind == Notice.Kind.UPDATED:
        follows |= Q(article_id=article.pk)
    following = Subscription.objects.confirmed().filter(follows).values("subscriber_id")
    return Subscriber.objects.filter(pk__in=following)


@task()
def fan_out(notice_id):
    """Create the delivery rows of a notice (again, harmlessly, after a crash), then send."""
    notice = Notice.objects.select_related("article").filter(pk=notice_id).first()
    if notice is None:
        return 0
    follower_ids = list(followers_of(notice).values_list("pk", flat=True))
    Delivery.objects.bulk_create(
        [Delivery(subscriber_id=pk, notice=notice) for pk in follower_ids],
        ignore_conflicts=True, batch_size=500,
    )  # fmt: skip
    Notice.objects.filter(pk=notice.pk).update(fanned_out_at=timezone.now())
    send_immediate.enqueue()
    return len(follower_ids)


def _claim(delivery_ids, now):
    """Mark these deliveries sent, each only if nobody did already; returns the claimed ids."""
    return [
        pk for pk in delivery_ids
        if Delivery.objects.filter(pk=pk, sent_at__isnull=True).update(sent_at=now)
    ]  # fmt: skip


def _headers(subscriber):
    """RFC 8058 one-click unsubscribe: mail programs POST to the link without asking."""
    return {
        "List-Unsubscribe": f"<{links.unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def notice_context(notice):
    article, revision = notice.article, notice.revision
    changes_url = None
    if notice.kind == Notice.Kind.UPDATED:
        changes_url = absolute_url(
            reverse("articles:article_update", args=[article.slug, revision.number])
        )
    return {"notice": notice, "article": article, "revision": revision,
            "article_url": absolute_url(article.get_absolute_url()),
            "changes_url": changes_url}  # fmt: skip


def _send(subscriber, template, subject, context):
    context = {**context, "subscriber": subscriber, "SITE_NAME": settings.SITE_NAME,
               "manage_url": links.manage_url(subscriber),
               "unsubscribe_url": links.unsubscribe_url(subscriber)}  # fmt: skip
    EmailMessage(
        subject=subject,
        body=render_to_string(template, context),
        to=[subscriber.email],
        headers=_headers(subscriber),
    ).send()  # queued by core.mail in the current transaction


@task()
def send_immediate():
    """One batch of deliveries to subscribers who want each update at once; queues the next
    batch while there may be more."""
    pending = (
        Delivery.objects.filter(sent_at__isnull=True,
                                subscriber__frequency=Subscriber.Frequency.IMMEDIATELY)
        .order_by("id").values_list("pk", flat=True)
    )  # fmt: skip
    batch = list(pending[: settings.SUBSCRIPTION_BATCH_SIZE])
    sent = 0
    for delivery in (
        Delivery.objects.filter(pk__in=batch)
        .order_by("id")
        .select_related("subscriber", "notice__article", "notice__revision")
    ):
        with transaction.atomic():
            if not _claim([delivery.pk], timezone.now()):
                continue  # another worker sent it meanwhile
            notice = delivery.notice
            if not notice.article.is_public:
                continue  # archived or unpublished since: settled, with nothing to tell
            verb = "Updated" if notice.kind == Notice.Kind.UPDATED else "New article"
            _send(delivery.subscriber, "subscriptions/email/notice.txt",
                  f"[{settings.SITE_NAME}] {verb}: {notice.article.title}",
                  notice_context(notice))  # fmt: skip
            sent += 1
    if len(batch) == settings.SUBSCRIPTION_BATCH_SIZE:
        send_immediate.enqueue()
    return sent


@task()
def send_weekly_digests():
    """One email per weekly subscriber with everything not sent yet, a batch of subscribers at
    a time; queues the next batch while there may be more."""
    waiting = (
        Subscriber.objects.filter(frequency=Subscriber.Frequency.WEEKLY,
                                  deliveries__sent_at__isnull=True)
        .distinct().order_by("pk").values_list("pk", flat=True)
    )  # fmt: skip
    batch = list(waiting[: settings.SUBSCRIPTION_BATCH_SIZE])
    sent = 0
    for subscriber in Subscriber.objects.filter(pk__in=batch).order_by("pk"):
        with transaction.atomic():
            deliveries = Delivery.objects.filter(subscriber=subscriber, sent_at__isnull=True)
            claimed = _claim(list(deliveries.values_list("pk", flat=True)), timezone.now())
            if not claimed:
                continue
            notices = (
                Notice.objects.filter(deliveries__pk__in=claimed)
                .select_related("article", "revision").order_by("created_at", "id")
            )  # fmt: skip
            items = [notice_context(notice) for notice in notices if notice.article.is_public]
            if not items:
                continue
            _send(subscriber, "subscriptions/email/digest.txt",
                  f"[{settings.SITE_NAME}] This week: {len(items)} "
                  f"update{'s' if len(items) != 1 else ''} you follow",
                  {"items": items})  # fmt: skip
            sent += 1
    if len(batch) == settings.SUBSCRIPTION_BATCH_SIZE:
        send_weekly_digests.enqueue()
    return sent


def resume():
    """Pick up what a crashed worker left: notices not fanned out, deliveries not sent."""
    for notice_id in Notice.objects.filter(fanned_out_at__isnull=True).values_list("pk", flat=True):
        fan_out.enqueue(notice_id)
    send_immediate.enqueue()


def announce(article, revision, kind):
    """Record that followers should hear about ``revision`` of ``article`` and queue the
    fan-out, in the caller's transaction (a save that rolls back announces nothing)."""
    if kind == Notice.Kind.PUBLISHED:
        notice, created = Notice.objects.get_or_create(article=article, kind=kind)
    else:
        notice, created = Notice.objects.get_or_create(
            revision=revision, kind=kind, defaults={"article": article}
        )
    if created:
        fan_out.enqueue(notice.pk)  # stored with the change (django-tasks' database backend)
    return notice
