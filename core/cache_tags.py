"""Cache tags: what a public page shows, and what a change touched.

Views and template tags declare what the response they render shows (``add(request, article,
"listing")``); the response then carries those tags as ``Surrogate-Key`` (Varnish xkey, Fastly)
and ``Cache-Tag`` (Cloudflare), so the edge may keep it for a day (``core.middleware``). A change
names what it touched (``changed(article)``): in its own transaction the tags' fragment
generations move on (core/fragments.py), and once it commits one purge of exactly those tags is
queued for every edge (core/purge.py). Drupal calls this pair cache tags and invalidation.

A tag is ``<model>-<pk>`` for a model instance (``article-12``, ``author-3``, ``tag-5``) or a
plain name for a collection (``listing``, ``topics``). Tags are ASCII without spaces or commas,
as every edge requires.
"""

from contextlib import contextmanager
from functools import wraps
from urllib.parse import quote

from django.db.models import Model

SITE = "site"  # on every tagged response: purged after `migrate` and by `purge_cache`


def tag_for(thing):
    """The tag of a model instance (``article-12``), or a name as it is (made edge-safe)."""
    if isinstance(thing, Model):
        return f"{thing._meta.model_name}-{thing.pk}"
    return quote(str(thing), safe="-_.:/")


def tags_for(things):
    return {tag_for(thing) for thing in things if thing is not None}


def add(request, *things):
    """The response being rendered for ``request`` shows these things (instances or names)."""
    if request is None:
        return
    tags = request.__dict__.setdefault("cache_tags", set())
    tags.update(tags_for(things))


def tagged(*things):
    """A view decorator: its responses show these things (for views we do not write)."""

    def decorator(view):
        @wraps(view)
        def tagged_view(request, *args, **kwargs):
            add(request, *things)
            return view(request, *args, **kwargs)

        return tagged_view

    return decorator


def of(request):
    """The tags declared for ``request``'s response so far (a set; empty if none)."""
    return request.__dict__.get("cache_tags", set())


def expires(request, moment):
    """The page for ``request`` changes by itself at ``moment`` (a datetime or None): a scheduled
    article goes live then. The edge keeps it no longer (the go-live task purges it too)."""
    if moment is None or request is None:
        return
    current = request.__dict__.get("cache_expires")
    request.cache_expires = moment if current is None else min(current, moment)


@contextmanager
def collecting(request):
    """Tags and expiry declared inside, gathered apart (a fragment's) and added to the page's:
    ``with collecting(request) as shown: …`` gives ``shown.tags`` and ``shown.expires``."""
    outer_tags = request.__dict__.pop("cache_tags", None)
    outer_expires = request.__dict__.pop("cache_expires", None)
    shown = _Shown()
    try:
        yield shown
    finally:
        shown.tags = frozenset(request.__dict__.pop("cache_tags", ()))
        shown.expires = request.__dict__.pop("cache_expires", None)
        if outer_tags is not None:
            request.cache_tags = outer_tags
        if outer_expires is not None:
            request.cache_expires = outer_expires
        add(request, *shown.tags)
        expires(request, shown.expires)


class _Shown:
    tags, expires = frozenset(), None


def changed(*things, fragments_only=()):
    """What these things show has changed: fragments showing them are stale from this
    transaction's commit on, and every edge purges pages tagged with them once it commits.
    ``fragments_only``: tags that only fragments are read by (no page carries them): bumped
    with the others, never purged."""
    from . import fragments, purge  # fragments' model needs the app registry

    tags = tags_for(things)
    if tags or fragments_only:
        fragments.bump({*tags, *fragments_only})
    if tags:
        purge.queue_on_commit(tags)


def purge_all():
    """Every cached page and fragment is stale from now on (a deploy, a settings change)."""
    changed(SITE)
