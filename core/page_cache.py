"""Whole pages (and fragments) for anonymous readers, kept in the shared cache and purged exactly.

Every cached entry records what it shows as *dependencies*: keys such as
``articles.article:12``, ``articles.tag:3`` or ``comments:12``, declared by the view that renders
it (``depends_on``). A change stamps its keys with the time (``changed``): at once, and again
when its transaction commits. An entry is kept only if no dependency was stamped after it began
rendering, and served only while its dependencies' stamps are still the ones it was kept with.
So a save purges exactly the pages that show what it changed, on every app server at once (the
stamps live in the shared cache), and a page rendered while a change was being committed is
never kept: it began before the commit's stamp.

Stamps come from each server's clock; ``settings.PAGE_CACHE_CLOCK_SKEW`` absorbs the difference
between servers (NTP keeps it to milliseconds). While Redis is unreachable each process only has
a local stand-in that cannot hear another server's changes, so nothing is read from or kept in
this cache until Redis is back: pages are rendered fresh, never served stale. What a process
changes meanwhile is stamped in Redis as soon as it reaches Redis again, before it reads or
keeps anything there.
"""

import random
import time
from contextlib import contextmanager
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model

from . import kept_entries
from .kept_entries import STAMP_PREFIX

SITE = "site"  # every entry depends on it: stamped after migrate and by `purge_page_cache`


def key_for(thing):
    """The dependency key of a model instance (``app.model:pk``), or a string as it is."""
    if isinstance(thing, Model):
        return f"{thing._meta.label_lower}:{thing.pk}"
    return str(thing)


def shared_cache_available():
    """False while the Redis cache is down and each process only has a local stand-in."""
    return not getattr(cache, "redis_is_down", False)


def _now():
    """A stamp: microseconds since the epoch, an integer (stored as digits, never pickled)."""
    return int(time.time() * 1_000_000)


# Keys this process changed while Redis was unreachable: their stamps went to the local stand-in,
# so other servers (and this one, once Redis is back) would still trust entries showing them.
_unstamped = set()


def _stamp(keys):
    if shared_cache_available():
        cache.set_many({STAMP_PREFIX + key: _now() for key in keys}, None)
        if shared_cache_available():  # not when Redis failed just now
            return
    _unstamped.update(keys)


def stamp_missed_changes():
    """Once Redis is reachable again, stamp there what this process changed without it. Called
    before anything is read from or kept in this cache."""
    if _unstamped and shared_cache_available():
        keys = set(_unstamped)
        _unstamped.difference_update(keys)
        _stamp(keys)


def changed(*things):
    """What these things show has changed: every entry depending on one of them is stale.

    Stamped now, so no server serves the old entry from here on, and again when the
    transaction commits, so a page rendered from the old rows in between is not trusted.
    """
    keys = {key_for(thing) for thing in things if thing is not None}
    if keys:
        _stamp(keys)
        transaction.on_commit(lambda: _stamp(keys))


class Kept(NamedTuple):
    """A value found fresh in the cache, with what it shows."""

    value: object
    dependencies: frozenset  # keys, as given to ``depends_on``
    valid_until: float | None  # a timestamp, or None


def fetch(key):
    """The value kept under ``key``, or None when there is none or it is stale."""
    found = fetch_many([key]).get(key)
    return None if found is None else found.value


def fetch_many(keys):
    """The values kept under ``keys`` that are still fresh: ``{key: Kept}``. One round trip to
    Redis (core/kept_entries.py)."""
    stamp_missed_changes()
    if not shared_cache_available() or not keys:
        return {}
    now = time.time()
    return {
        key: Kept(value, frozenset(stamps), valid_until)
        for key, (value, stamps, valid_until) in kept_entries.read(keys).items()
        if valid_until is None or now < valid_until
    }


def keep(key, value, dependencies, started, valid_until=None):
    """Keep ``value``, rendered from data read after ``started`` (a ``time.time()``), for as long
    as none of ``dependencies`` changes and, if given, until ``valid_until`` (a timestamp).
    Returns whether it was kept: not when something it depends on changed while it rendered."""
    stamp_missed_changes()
    if not shared_cache_available():
        return False
    dependencies = {SITE, *(key_for(thing) for thing in dependencies if thing is not None)}
    stamps = kept_entries.read_stamps(dependencies)
    if missing := dependencies - stamps.keys():
        # Never changed (or evicted): a stamp from the dawn of time, unique so that entries
        # kept before an eviction never match it.
        for dependency in missing:
            cache.add(STAMP_PREFIX + dependency, random.randrange(10**12), None)
        stamps = kept_entries.read_stamps(dependencies)
    limit = int((started - settings.PAGE_CACHE_CLOCK_SKEW) * 1_000_000)
    if len(stamps) < len(dependencies) or any(stamp >= limit for stamp in stamps.values()):
        return False  # changed while this was rendering: it may show the old state
    timeout = settings.PAGE_CACHE_SECONDS
    if valid_until is not None:
        timeout = min(timeout, valid_until - time.time())
        if timeout <= 0:
            return False
    kept_entries.write(key, value, stamps, valid_until, timeout)
    return True


# Declaring what a page shows, from views and template tags.


def depends_on(request, *things):
    """The page being rendered for ``request`` shows these things (models or keys)."""
    dependencies = getattr(request, "page_dependencies", None)
    if dependencies is not None:
        dependencies.update(key_for(thing) for thing in things if thing is not None)


def valid_until(request, moment):
    """The page being rendered for ``request`` changes by itself at ``moment`` (a datetime):
    a scheduled article goes live then."""
    if moment is not None:
        _expires(request, moment.timestamp())


def _expires(request, timestamp):
    if timestamp is not None and hasattr(request, "page_dependencies"):
        current = getattr(request, "page_valid_until", None)
        request.page_valid_until = timestamp if current is None else min(current, timestamp)


def shows(request, kept):
    """The page being rendered for ``request`` includes ``kept`` (a ``Kept`` fragment)."""
    depends_on(request, *kept.dependencies)
    _expires(request, kept.valid_until)


_COLLECTED = ("page_dependencies", "page_valid_until")


class _Shown:
    dependencies, valid_until = frozenset(), None


@contextmanager
def collecting(request):
    """What is declared inside (``depends_on``, ``valid_until``) is gathered apart, as a
    fragment's, then added to the page's: ``with collecting(request) as shown: …`` gives
    ``shown.dependencies`` and ``shown.valid_until``. Works whether the page is kept or not."""
    outer = {name: getattr(request, name) for name in _COLLECTED if hasattr(request, name)}
    request.page_dependencies, request.page_valid_until = set(), None
    shown = _Shown()
    try:
        yield shown
    finally:
        shown.dependencies = frozenset(request.page_dependencies)
        shown.valid_until = request.page_valid_until
        for name in _COLLECTED:
            delattr(request, name)
        for name, value in outer.items():
            setattr(request, name, value)
        shows(request, shown)


def fragment(request, key, render):
    """``render()``, kept under ``key`` and rendered again only once something it declared (with
    ``depends_on`` or ``valid_until``) has changed; the page for ``request`` shows all that too.
    For parts of pages that many requests share, the logged-in ones included."""
    kept = fetch_many([key]).get(key)
    if kept is not None:
        shows(request, kept)
        return kept.value
    with collecting(request) as shown:
        value = render()
    keep(key, value, shown.dependencies, started(request), shown.valid_until)
    return value


def started(request):
    """When this request began reading data (what a fragment kept while it renders is as old as)."""
    return getattr(request, "page_started", None) or time.time()


def is_collecting(request):
    """Whether this request's page may be cached, so declaring dependencies is worth its cost."""
    return hasattr(request, "page_dependencies")


def purge_all():
    """Every kept page and fragment is stale from now on (a deploy, a settings change)."""
    changed(SITE)
