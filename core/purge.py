"""Purging the edge by cache tag, durably, through the task queue.

Every change queues, for when it commits, one purge of exactly the tags it touched for each
backend in ``settings.CACHE_PURGE`` (Varnish with xkey, Fastly, Cloudflare; none by default); once
the edge has taken it, the worker queues the same purge again ``CACHE_PURGE_REPEAT_SECONDS``
later: a page that was being rendered from the old rows while the change committed may have
reached the edge after the first purge. A purge the edge refuses or cannot take (down, a
timeout, an error) is retried with growing pauses until it succeeds, by the worker
(``db_worker``), so no change stays stale because the process that made it exited. Backends are
independent: one edge being down delays only its own purges.

A busy discussion queues a purge of the same few tags with every comment. The worker sends one
request for all the purges of an edge that are due when it starts one (``purge_tags``), and
marks them done only once the edge has taken it: the edge sees a handful of purges a second
whatever the rate of changes (CDNs limit purge calls), and the worker keeps up.
"""

import json
import logging
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

QUEUE = "purge"


class PurgeFailed(Exception):
    pass


def _send(method, url, *, headers, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=settings.CACHE_PURGE_TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        raise PurgeFailed(f"{method} {url} answered {error.code}") from error
    except (OSError, ValueError) as error:
        raise PurgeFailed(f"{method} {url} failed: {error}") from error


def _chunks(tags, size):
    tags = sorted(tags)
    return [tags[start : start + size] for start in range(0, len(tags), size)]


class Varnish:
    """``PURGE`` with an ``xkey-purge`` (or, with ``VARNISH_SOFT_PURGE``, ``xkey-softpurge``)
    header to every address in ``VARNISH_PURGE_URL`` (comma-separated: one per Varnish server);
    deploy/varnish/default.vcl answers it from the app servers only."""

    def purge(self, tags):
        urls = settings.VARNISH_PURGE_URL
        if not urls:
            raise ImproperlyConfigured("CACHE_PURGE names varnish but VARNISH_PURGE_URL is empty.")
        header = "xkey-softpurge" if settings.VARNISH_SOFT_PURGE else "xkey-purge"
        for url in urls:
            for chunk in _chunks(tags, 100):  # Varnish limits a header to 8 KB
                _send("PURGE", url.rstrip("/") + "/", headers={header: " ".join(chunk)})


class Fastly:
    """Fastly's purge by surrogate key (``POST /service/<id>/purge``, 256 keys a request)."""

    def purge(self, tags):
        url = f"{settings.FASTLY_API_URL.rstrip('/')}/service/{settings.FASTLY_SERVICE_ID}/purge"
        headers = {"Fastly-Key": settings.FASTLY_API_TOKEN, "Accept": "application/json"}
        if settings.FASTLY_SOFT_PURGE:
            headers["Fastly-Soft-Purge"] = "1"
        for chunk in _chunks(tags, 256):
            _send("POST", url, headers=headers, body={"surrogate_keys": chunk})


class Cloudflare:
    """Cloudflare's purge by cache tag (``POST /zones/<id>/purge_cache``, 30 tags a request)."""

    def purge(self, tags):
        url = (
            f"{settings.CLOUDFLARE_API_URL.rstrip('/')}/zones/{settings.CLOUDFLARE_ZONE_ID}"
            "/purge_cache"
        )
        headers = {"Authorization": f"Bearer {settings.CLOUDFLARE_API_TOKEN}"}
        for chunk in _chunks(tags, 30):
            _status, body = _send("POST", url, headers=headers, body={"tags": chunk})
            try:
                success = json.loads(body).get("success")
            except (ValueError, AttributeError):
                success = False
            if not success:
                raise PurgeFailed(f"Cloudflare refused the purge: {body[:200]!r}")


BACKENDS = {"varnish": Varnish, "fastly": Fastly, "cloudflare": Cloudflare}


def retry_delay(attempt):
    """1, 2, 4 … seconds, at most a minute, between attempts at one purge."""
    return timedelta(seconds=min(2 ** (attempt - 1), 60))


# The most queued purges one request takes along (their tags are sent in chunks the edge accepts).
MERGED_AT_MOST = 500


@task(queue_name=QUEUE)
def purge_tags(backend, tags, attempt=1, repeat=False):
    """Purge ``tags`` at one edge, with every other purge for that edge that is due, then queue
    the repeat of those that ask for one; on failure the next attempt of this one is queued
    before it fails, and the others stay queued."""
    try:
        with transaction.atomic():
            merged = _due_purges(backend)  # locked until the edge has answered
            everything = set(tags).union(*(other for other, _ in merged.values()))
            BACKENDS[backend]().purge(sorted(everything))
            _mark_done(merged)
            again = set(tags) if repeat else set()
            again.update(*(other for other, repeats in merged.values() if repeats))
            if again:
                _enqueue(backend, sorted(again), after=repeat_delay())
    except Exception:
        logger.warning("Purge of %d tags at %s failed (attempt %s); will retry.", len(tags),
                       backend, attempt, exc_info=True)  # fmt: skip
        _enqueue(backend, tags, after=retry_delay(attempt), attempt=attempt + 1, repeat=repeat)
        raise
    return {"tags": len(everything), "merged": len(merged), "repeated": len(again)}


def repeat_delay():
    return timedelta(seconds=settings.CACHE_PURGE_REPEAT_SECONDS)


def _due_purges(backend):
    """{task id: (tags, whether it asks for a repeat)} of the purges queued for ``backend`` that
    are due and that no other worker holds; nothing when the task queue is not the database."""
    if not isinstance(purge_tags.get_backend(), DatabaseBackend):
        return {}
    due = (
        DBTaskResult.objects.ready()
        .filter(task_path=purge_tags.module_path, args_kwargs__args__0=backend)
        .select_for_update(skip_locked=True)
        .values_list("pk", "args_kwargs")[:MERGED_AT_MOST]
    )
    return {pk: _tags_and_repeat(*arguments["args"]) for pk, arguments in due}


def _tags_and_repeat(backend, tags, attempt=1, repeat=False):
    """A queued purge's arguments (those queued before repeats were the worker's have three)."""
    return set(tags), repeat


def _mark_done(merged):
    now = timezone.now()
    DBTaskResult.objects.filter(pk__in=merged).update(
        status=TaskResultStatus.SUCCESSFUL, started_at=now, finished_at=now,
        return_value={"merged": True},
    )  # fmt: skip


def _enqueue(backend, tags, *, after=None, attempt=1, repeat=False):
    run = purge_tags
    if after is not None:
        if not run.get_backend().supports_defer:
            return  # this task backend cannot wait (the tests' immediate one)
        run = run.using(run_after=timezone.now() + after)
    run.enqueue(backend, tags, attempt, repeat)


def queue(tags):
    """One purge of ``tags`` at every configured edge now (one task each, stored together: one
    commit), each to be repeated a little later once the edge has taken it."""
    tags = sorted(tags)
    repeat = bool(settings.CACHE_PURGE_REPEAT_SECONDS)
    with transaction.atomic(savepoint=False):
        for backend in settings.CACHE_PURGE:
            if backend not in BACKENDS:
                raise ImproperlyConfigured(f"Unknown CACHE_PURGE backend {backend!r}.")
            _enqueue(backend, tags, repeat=repeat)


def queue_on_commit(tags):
    """Purge ``tags`` once the current transaction commits. With the task queue in the database
    (django-tasks' database backend, as in production) the purges are stored in that very
    transaction: the worker sees them exactly when the change commits, never without it, and
    the change needs no second commit. Any other task backend (the tests' immediate one) is
    handed them once the change has committed."""
    if not settings.CACHE_PURGE:
        return
    if isinstance(purge_tags.get_backend(), DatabaseBackend):
        queue(tags)
    else:
        transaction.on_commit(lambda: queue(tags))
