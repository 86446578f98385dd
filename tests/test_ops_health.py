"""/healthz and /readyz, as a load balancer and an orchestrator call them."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from ops.models import WorkerHeartbeat

# The worker commits and closes its connection as it does in production.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def storage_asked_afresh():
    """Media storage is asked at most every few seconds per process; each test asks anew."""
    from ops import health

    health._storage_checked["at"] = float("-inf")
    yield
    health._storage_checked["at"] = float("-inf")


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)


@pytest.fixture
def worker_ran(queued_email):
    run_worker()
    return WorkerHeartbeat.objects.get()


def assert_never_cached(response):
    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_healthz_answers_without_the_database(client, database_down):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert_never_cached(response)


def test_health_checks_answer_a_balancer_that_calls_by_address_over_plain_http(
    client, settings, worker_ran
):
    settings.SECURE_SSL_REDIRECT = True
    for path in ("/healthz", "/readyz"):
        response = client.get(path, HTTP_HOST="10.1.2.3:8000")
        assert response.status_code == 200, path
    # Everything else still insists on the site's own name and HTTPS.
    assert client.get("/", HTTP_HOST="10.1.2.3:8000").status_code == 400


def test_the_worker_records_a_heartbeat_with_who_it_is(worker_ran):
    assert worker_ran.queues == "*"
    assert worker_ran.pid > 0
    assert timezone.now() - worker_ran.beat_at < timedelta(seconds=5)


def test_a_starting_worker_forgets_workers_stopped_long_ago(worker_ran):
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(days=8))
    run_worker()
    assert WorkerHeartbeat.objects.get().worker_id != worker_ran.worker_id


def test_readyz_names_each_component_when_ready(client, worker_ran, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert set(body["components"]) == {"database", "cache", "media_storage", "worker", "migrations"}
    assert all(component["ok"] for component in body["components"].values())
    assert_never_cached(response)


def test_readyz_names_the_worker_once_its_heartbeat_is_too_old(client, settings, worker_ran):
    settings.WORKER_HEARTBEAT_MAX_AGE = 120
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(seconds=119))
    assert client.get("/readyz").status_code == 200

    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(seconds=150))
    response = client.get("/readyz")
    assert response.status_code == 503
    components = response.json()["components"]
    assert components["worker"]["ok"] is False
    assert "150 s ago" in components["worker"]["detail"]
    assert components["database"]["ok"] is True


def test_readyz_is_not_ready_before_any_worker_has_run(client, caplog):
    response = client.get("/readyz")
    # One warning naming the component, not an error line for every call.
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "worker" in caplog.records[0].getMessage()
    assert response.status_code == 503
    assert response.json()["components"]["worker"] == {
        "ok": False,
        "detail": "no task worker has ever reported",
    }


def test_readyz_names_the_database_when_it_is_unreachable(client, worker_ran, database_down):
    response = client.get("/readyz")
    assert response.status_code == 503
    components = response.json()["components"]
    assert components["database"]["ok"] is False
    # Named, without the server's own words (host names stay in the log).
    assert components["database"]["detail"] == "OperationalError"
    assert components["worker"]["detail"] == "the database is unreachable"
    assert components["cache"]["ok"] is True
    assert_never_cached(response)


def test_readyz_names_migrations_not_applied(client, worker_ran):
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM django_migrations WHERE app = 'ops'")
        response = client.get("/readyz")
        transaction.set_rollback(True)
    assert response.status_code == 503
    assert response.json()["components"]["migrations"] == {"ok": False, "detail": "1 not applied"}


def test_readyz_names_the_cache_when_redis_is_unreachable(client, worker_ran, dead_redis):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["components"]["cache"]["ok"] is False


def test_readyz_names_media_storage_that_cannot_be_written(client, settings, worker_ran, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "missing")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["components"]["media_storage"] == {
        "ok": False,
        "detail": "the media folder is not writable",
    }
