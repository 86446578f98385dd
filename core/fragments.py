"""Parts of pages rendered once per change and shared by every request that shows them (article
cards, the article page without its comments, comment threads, the ids of a list page), kept
with Django's cache API under versioned keys.

A fragment names the cache tags it shows before it is read (``cached("card:12", ["article-12",
"topics"], render)``); its key is made of those tags' current generations, kept in the database
(``core.models.CacheGeneration``) and bumped by ``cache_tags.changed()`` in the same transaction
as the change. So a fragment read after a change committed is always one rendered after it, on
every server: a cache that was unreachable, a process that exited or a local-memory stand-in
(config/cache.py) can never bring an old one back. A fragment rendered from old rows while a
change commits is stored under the old generations it read first, where nobody looks again.

A value that every request of a kind reads and no page shows (the moderation rules each post
reads) is kept in the process's memory too (``cached_here``), under the same versioned key.

The fragment keeps the tags its rendering declared (``cache_tags.add``) and adds them to the page
that shows it, so the page's ``Surrogate-Key`` is exact whether the fragment was rendered or read.
"""

import hashlib
import secrets
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from . import cache_tags
from .models import CacheGeneration

PREFIX = "fragment:"


def generations(tags, request=None):
    """``{tag: generation}`` for these tags and the site's, in one query (none for the tags
    ``prefetch`` already read for ``request``)."""
    tags = {cache_tags.SITE, *tags}
    known = request.__dict__.get("cache_generations", {}) if request is not None else {}
    wanted = tags - known.keys()
    found = _read(wanted) if wanted else {}
    return {tag: known[tag] if tag in known else found.get(tag, "0") for tag in tags}


def _read(tags):
    """The stored generations of ``tags``. Every public page runs this query, and building it
    with the ORM costs more than the database takes to answer it: it is written once in SQL."""
    table = connection.ops.quote_name(CacheGeneration._meta.db_table)
    placeholders = ", ".join(["%s"] * len(tags))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT tag, generation FROM {table} WHERE tag IN ({placeholders})", list(tags)
        )
        return dict(cursor.fetchall())


def prefetch(request, tags, named=(), *, before_changes=False):
    """Read the generations of every fragment a page will show in one query, before its first
    fragment; and the kept values of the fragments in ``named`` (``[(name, tags), …]``, those
    the page will ask for by name) in one cache read. Only for GET and HEAD: a request that
    changes something reads them afresh, unless it says it reads every fragment
    ``before_changes``."""
    if before_changes or request.method in ("GET", "HEAD"):
        tags = {*tags, *(tag for _, fragment_tags in named for tag in fragment_tags)}
        known = request.__dict__.get("cache_generations", {})
        request.cache_generations = current = {**known, **generations(tags, request)}
        read = request.__dict__.get("kept_fragments", {})
        keys = [key(name, fragment_tags, current) for name, fragment_tags in named]
        if unread := [each for each in keys if each not in read]:  # read once a request
            kept = cache.get_many(unread)
            request.kept_fragments = {**read, **{each: kept.get(each) for each in unread}}


def bump(tags):
    """New generations for these tags, in the current transaction (one statement)."""
    rows = [CacheGeneration(tag=tag, generation=secrets.token_hex(8)) for tag in sorted(tags)]
    CacheGeneration.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["tag"], update_fields=["generation"]
    )


def key(name, tags, current):
    versions = "|".join(f"{tag}={current[tag]}" for tag in sorted({cache_tags.SITE, *tags}))
    return f"{PREFIX}{name}:{hashlib.blake2b(versions.encode(), digest_size=12).hexdigest()}"


def cached(request, name, tags, render):
    """``render()``, kept under ``name`` until one of ``tags`` changes; the page for ``request``
    shows what the rendering declared."""
    return cached_many(request, [(name, tags)], lambda names: {name: render})[name]


class InProcess:
    """A bounded map in this process's memory, the least recently used dropped first; safe
    for threaded servers (runserver, gthread workers). For what a request can check or that is
    keyed by generations just read, never for the only copy of anything."""

    def __init__(self, at_most):
        self.at_most, self._kept, self._lock = at_most, OrderedDict(), threading.Lock()

    def get(self, key):
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        return None

    def set(self, key, value):
        with self._lock:
            self._kept[key] = value
            self._kept.move_to_end(key)
            while len(self._kept) > self.at_most:
                self._kept.popitem(last=False)

    def clear(self):
        with self._lock:
            self._kept.clear()


KEPT_HERE = InProcess(at_most=16)  # fragment key: value


def cached_here(request, name, tags, render):
    """``cached``, and kept in this process's memory too, under the same key: for a value every
    request of a kind reads and no page shows (the moderation rules each post reads). As safe
    as the shared cache, and for the same reason: the key is made of generations just read
    from the database. Its rendering must declare no tags and no expiry, nor return None."""
    fragment_key = key(name, tags, generations(tags, request))
    value = KEPT_HERE.get(fragment_key)
    if value is None:
        value = cached(request, name, tags, render)
        KEPT_HERE.set(fragment_key, value)
    return value


def cached_many(request, wanted, render):
    """Several fragments in one query (their generations) and one cache read (their values):
    ``wanted`` is ``[(name, tags), …]``; ``render(names)`` returns ``{name: render_one}`` for
    those not kept, each ``render_one()`` giving the value (names it leaves out, e.g. an article
    deleted meanwhile, are left out of the result too). Returns ``{name: value}``. A fragment
    whose rendering declared an expiry (``cache_tags.expires``) is not used after it."""
    current = generations({tag for _, tags in wanted for tag in tags}, request)
    keys = {name: key(name, tags, current) for name, tags in wanted}
    read = request.__dict__.get("kept_fragments", {})  # by ``prefetch``, once
    kept = {each: read.pop(each) for each in keys.values() if each in read}
    if unread := [each for each in keys.values() if each not in kept]:
        kept.update(cache.get_many(unread))
    now = timezone.now()
    found, missing = {}, []
    for name, fragment_key in keys.items():
        entry = kept.get(fragment_key)
        if isinstance(entry, tuple) and len(entry) == 3 and (entry[2] is None or entry[2] > now):
            value, tags, expires = entry
            cache_tags.add(request, *tags)
            cache_tags.expires(request, expires)
            found[name] = value
        else:
            missing.append(name)
    if missing:
        fresh = {}
        for name, render_one in render(missing).items():
            with cache_tags.collecting(request) as shown:
                value = render_one()
            found[name] = value
            if shown.expires is None:
                fresh[keys[name]] = (value, shown.tags, None)
            elif (timeout := (shown.expires - now).total_seconds()) > 0:
                cache.set(keys[name], (value, shown.tags, shown.expires),
                          min(timeout, settings.FRAGMENT_CACHE_SECONDS))  # fmt: skip
        cache.set_many(fresh, settings.FRAGMENT_CACHE_SECONDS)
    return found
