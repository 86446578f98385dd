"""Liveness and readiness for load balancers and orchestrators.

``/healthz`` says the process answers (nothing else is touched, so a database outage never
gets app servers restarted). ``/readyz`` checks what a request needs: the database, the cache,
media storage, a task worker that has shown a sign of life recently, and every migration
applied. Each check is one round trip at most, so a load balancer may ask every second.
"""

import logging
import os
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

logger = logging.getLogger(__name__)

STORAGE_CHECK_SECONDS = 10  # object storage is asked at most this often per process
_storage_checked = {"at": float("-inf"), "result": None}
_migrations_checked = {}


class NotReady(Exception):
    """A component is not ready, for a reason that may be shown to whoever asks."""


def check_database():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def check_cache():
    """A Redis round trip. The failover cache (config/cache.py) never raises, so ask Redis
    itself when the cache is Redis."""
    client = getattr(cache, "client", None)
    if client is not None and hasattr(client, "get_client"):
        client.get_client(write=True).ping()
    else:
        cache.set("readyz", "1", 5)
        if cache.get("readyz") != "1":
            raise NotReady("the cache did not keep a value")
    return "ok"


def check_media_storage():
    """The media storage answers (a folder that is writable; a bucket that answers a HEAD)."""
    now = time.monotonic()
    if now - _storage_checked["at"] < STORAGE_CHECK_SECONDS:
        result = _storage_checked["result"]
        if isinstance(result, Exception):
            raise result
        return result
    try:
        location = getattr(default_storage, "location", None)
        if location is not None and not hasattr(default_storage, "bucket_name"):
            if not os.access(location, os.W_OK):
                raise NotReady("the media folder is not writable")
        else:
            default_storage.exists(".readyz")
        result = "ok"
    except Exception as error:
        result = error
    _storage_checked.update(at=now, result=result)
    if isinstance(result, Exception):
        raise result
    return result


def check_worker():
    """The newest heartbeat of any task worker is recent enough (manage.py db_worker writes
    one every WORKER_HEARTBEAT_INTERVAL seconds: ops/worker.py)."""
    from .models import WorkerHeartbeat

    newest = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True)[:1]
    newest = next(iter(newest), None)
    if newest is None:
        raise NotReady("no task worker has ever reported")
    age = timezone.now() - newest
    if age > timedelta(seconds=settings.WORKER_HEARTBEAT_MAX_AGE):
        raise NotReady(f"last heartbeat {int(age.total_seconds())} s ago")
    return f"last heartbeat {int(age.total_seconds())} s ago"


def check_migrations():
    """Every migration this code ships is applied (a deploy that forgot ``migrate``). Django's
    own plan is worked out again only when the table of applied migrations changes."""
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*), MAX(id) FROM django_migrations")
        state = tuple(cursor.fetchone())
    if _migrations_checked.get("state") != state:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        _migrations_checked.update(state=state, missing=len(plan))
    if _migrations_checked["missing"]:
        raise NotReady(f"{_migrations_checked['missing']} not applied")
    return "ok"


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "media_storage": check_media_storage,
    "worker": check_worker,
    "migrations": check_migrations,
}


def readiness():
    """``(ready, {component: {"ok": bool, "detail": str}})``; never raises."""
    components = {}
    for name, check in CHECKS.items():
        if name in components:
            continue
        try:
            components[name] = {"ok": True, "detail": check()}
        except Exception as error:
            logger.warning("Not ready: %s: %r", name, error)
            # Anyone may ask: a server's error (host names, paths) stays in the log.
            detail = str(error) if isinstance(error, NotReady) else type(error).__name__
            components[name] = {"ok": False, "detail": detail}
            if name == "database":
                # Everything after this reads the database too: say so once.
                for later in ("worker", "migrations"):
                    components[later] = {"ok": False, "detail": "the database is unreachable"}
    ready = all(component["ok"] for component in components.values())
    return ready, components
