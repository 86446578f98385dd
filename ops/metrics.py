"""The site's own Prometheus gauges, read from the database when a scraper asks (nothing is
counted in the web processes, so every app server reports the same figures).

``PURGE_QUEUE`` is the queue of the edge cache's purge tasks: the age of its oldest task due
is the cache purge lag (zero while the queue is empty or absent).
"""

from django.conf import settings
from django.db.models import Count, Min, Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max
from prometheus_client.core import GaugeMetricFamily

from articles.models import Article
from comments.models import Comment
from reviews.freshness import review_state, sections_of, with_review_state

from .models import WorkerHeartbeat

PURGE_QUEUE = "purge"
EMAIL_TASK = "core.mail.deliver_email"


def due_tasks_by_queue(now):
    """``{queue: (tasks due, seconds the longest-waiting one has been due)}`` in one query.
    A task is due from when it was queued, or from the minute it was scheduled for."""
    never = get_date_max()
    rows = (
        DBTaskResult.objects.ready()
        .order_by()
        .values("queue_name")
        .annotate(
            count=Count("id"),
            oldest_queued=Min("enqueued_at", filter=Q(run_after=never)),
            oldest_scheduled=Min("run_after", filter=~Q(run_after=never)),
        )
    )
    queues = {}
    for row in rows:
        since = min(at for at in (row["oldest_queued"], row["oldest_scheduled"]) if at)
        queues[row["queue_name"]] = (row["count"], max((now - since).total_seconds(), 0.0))
    return queues


def articles_overdue_for_review(today):
    """Counted by the freshness dashboard's own rule (reviews/freshness.py)."""
    published = Article.objects.filter(status=Article.Status.PUBLISHED).only(
        "id", "updated_at", "review_interval_months"
    )
    return sum(
        "overdue" in sections_of(review_state(article, today), today)
        for article in with_review_state(published)
    )


class SiteCollector:
    """Gauges named ``healthnews_*``."""

    def collect(self):
        now = timezone.now()
        due = due_tasks_by_queue(now)
        depth = GaugeMetricFamily(
            "healthnews_task_queue_depth", "Tasks due and waiting for a worker", labels=["queue"]
        )
        age = GaugeMetricFamily(
            "healthnews_task_oldest_age_seconds",
            "Seconds the longest-waiting due task has waited",
            labels=["queue"],
        )
        for queue in sorted(set(settings.TASKS["default"].get("QUEUES", [])) | set(due)):
            count, seconds = due.get(queue, (0, 0.0))
            depth.add_metric([queue], count)
            age.add_metric([queue], seconds)
        yield depth
        yield age

        yield GaugeMetricFamily(
            "healthnews_emails_waiting",
            "Emails queued and not yet delivered (including retries scheduled for later)",
            value=DBTaskResult.objects.filter(status="READY", task_path=EMAIL_TASK).count(),
        )
        yield GaugeMetricFamily(
            "healthnews_cache_purge_lag_seconds",
            f"Seconds the oldest due task of the {PURGE_QUEUE!r} queue has waited",
            value=due.get(PURGE_QUEUE, (0, 0.0))[1],
        )
        yield GaugeMetricFamily(
            "healthnews_comments_awaiting_moderation",
            "Comments held for a moderator",
            value=Comment.objects.filter(status=Comment.Status.PENDING).count(),
        )
        yield GaugeMetricFamily(
            "healthnews_articles_overdue_for_review",
            "Published articles whose medical review is overdue",
            value=articles_overdue_for_review(timezone.localdate()),
        )
        newest = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True)
        newest = next(iter(newest[:1]), None)
        yield GaugeMetricFamily(
            "healthnews_worker_heartbeat_age_seconds",
            "Seconds since the newest heartbeat of any task worker (absent: never)",
            value=(now - newest).total_seconds() if newest else float("nan"),
        )
