"""The site's own Prometheus gauges, read from the database when a scraper asks (nothing is
counted in the web processes, so every app server reports the same figures).

``PURGE_QUEUE`` is the queue of the edge cache's purge tasks: the age of its oldest task due
is the cache purge lag (zero while the queue is empty or absent).
"""

from django.conf import settings
from django.db.models import Count, Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max
from prometheus_client.core import GaugeMetricFamily

from articles.models import Article
from comments.models import Comment
from reviews.freshness import add_months, with_review_state

from .models import WorkerHeartbeat

PURGE_QUEUE = "purge"
EMAIL_TASK = "core.mail.deliver_email"


def _due_tasks():
    """Tasks waiting for a worker: ready, and due (not scheduled for later)."""
    return DBTaskResult.objects.ready()


def _oldest_due_age(tasks, now):
    """Seconds the longest-waiting task has been due: since it was queued, or since the
    minute it was scheduled for."""
    never = get_date_max()
    oldest = tasks.filter(run_after=never).aggregate(at=Min("enqueued_at"))["at"]
    scheduled = tasks.exclude(run_after=never).aggregate(at=Min("run_after"))["at"]
    times = [at for at in (oldest, scheduled) if at is not None]
    return max((now - min(times)).total_seconds(), 0.0) if times else 0.0


def articles_overdue_for_review(today):
    published = with_review_state(Article.objects.filter(status=Article.Status.PUBLISHED))
    return sum(
        1
        for reviewed_on, interval in published.values_list("last_reviewed_on", "review_interval")
        if reviewed_on and add_months(reviewed_on, interval) < today
    )


class SiteCollector:
    """Gauges named ``healthnews_*``."""

    def collect(self):
        now = timezone.now()
        due = _due_tasks()

        depth = GaugeMetricFamily(
            "healthnews_task_queue_depth", "Tasks due and waiting for a worker", labels=["queue"]
        )
        for queue, count in due.order_by().values_list("queue_name").annotate(n=Count("id")):
            depth.add_metric([queue], count)
        yield depth

        age = GaugeMetricFamily(
            "healthnews_task_oldest_age_seconds",
            "Seconds the longest-waiting due task has waited",
            labels=["queue"],
        )
        for queue in settings.TASKS["default"].get("QUEUES", ["default"]):
            age.add_metric([queue], _oldest_due_age(due.filter(queue_name=queue), now))
        yield age

        yield GaugeMetricFamily(
            "healthnews_emails_waiting",
            "Emails queued and not yet delivered (including retries scheduled for later)",
            value=DBTaskResult.objects.filter(status="READY", task_path=EMAIL_TASK).count(),
        )
        yield GaugeMetricFamily(
            "healthnews_cache_purge_lag_seconds",
            f"Seconds the oldest due task of the {PURGE_QUEUE!r} queue has waited",
            value=_oldest_due_age(due.filter(queue_name=PURGE_QUEUE), now),
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
