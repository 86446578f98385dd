"""/metrics: Prometheus text for scrapers with the token or from an allowed address, 404 for
everyone else."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families

from tests.factories import make_article, make_comment, make_review

pytestmark = pytest.mark.django_db

TOKEN = "scrape-me-0123456789"


@task
def purge_for_test(tags):
    """Stands in for the edge cache's purge task."""


@pytest.fixture
def metrics_settings(settings, queued_email):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_NETWORKS = []
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "email", "purge"],
        }
    }
    return settings


def scrape(client, **headers):
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}", **headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    samples = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def test_metrics_are_a_404_without_the_token(client, metrics_settings):
    response = client.get("/metrics")
    assert response.status_code == 404
    assert b"healthnews" not in response.content
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION=TOKEN).status_code == 404


def test_metrics_are_a_404_when_no_token_is_configured(client, metrics_settings):
    metrics_settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


def test_an_allowed_address_scrapes_without_the_token(client, metrics_settings):
    import ipaddress

    metrics_settings.METRICS_ALLOWED_NETWORKS = [ipaddress.ip_network("10.0.0.0/8")]
    assert client.get("/metrics", REMOTE_ADDR="10.9.8.7").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="192.168.1.1").status_code == 404


def test_requests_and_the_site_gauges_are_reported(client, metrics_settings, author, reader):
    client.get("/")
    mail.send_mail("One", "Body", "from@example.org", ["a@example.org"])
    mail.send_mail("Two", "Body", "from@example.org", ["b@example.org"])
    DBTaskResult.objects.filter(task_path="core.mail.deliver_email").update(
        enqueued_at=timezone.now() - timedelta(seconds=90)
    )
    purge_for_test.using(queue_name="purge").enqueue(["article:1"])
    DBTaskResult.objects.filter(queue_name="purge").update(
        enqueued_at=timezone.now() - timedelta(seconds=42)
    )
    article = make_article(author)
    make_comment(article, reader, "Is this still true?", status="pending")
    make_comment(article, reader, "Thanks for this.", status="approved")
    overdue = make_article(author, review_interval_months=12)
    make_review(overdue, author, on=date.today() - timedelta(days=400))
    make_review(make_article(author), author, on=date.today() - timedelta(days=30))

    samples = scrape(client)

    home = [
        value
        for (name, labels), value in samples.items()
        if name == "django_http_requests_total_by_view_transport_method_total"
        and ("view", "articles:home") in labels
    ]
    assert home and home[0] >= 1
    assert samples[("healthnews_task_queue_depth", (("queue", "email"),))] == 2
    assert samples[("healthnews_task_queue_depth", (("queue", "purge"),))] == 1
    assert samples[("healthnews_task_oldest_age_seconds", (("queue", "email"),))] >= 90
    assert samples[("healthnews_emails_waiting", ())] == 2
    assert 42 <= samples[("healthnews_cache_purge_lag_seconds", ())] < 60
    assert samples[("healthnews_comments_awaiting_moderation", ())] == 1
    assert samples[("healthnews_articles_overdue_for_review", ())] == 1


def test_an_empty_queue_has_no_lag(client, metrics_settings):
    samples = scrape(client)
    assert samples[("healthnews_cache_purge_lag_seconds", ())] == 0
    assert samples[("healthnews_task_oldest_age_seconds", (("queue", "email"),))] == 0
    assert samples[("healthnews_emails_waiting", ())] == 0


def test_metrics_are_never_cached_and_cost_a_fixed_number_of_queries(
    client, metrics_settings, author, django_assert_max_num_queries
):
    for _ in range(5):
        make_article(author)
    with django_assert_max_num_queries(5):
        response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert "no-store" in response["Cache-Control"]
