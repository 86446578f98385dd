"""The comment section as anonymous readers see it, rendered once per change.

Rendering hundreds of threaded comments is most of an article page's cost, and every anonymous
reader sees the same section. It is cached under a per-article version that any change to one
of the article's comments bumps (``bump``), in the shared cache, so every app server stops
serving the old section at once. Logged-in readers always get a fresh one (it shows their own
pending comments and their edit links).
"""

from django.core.cache import cache
from django.db import transaction

TIMEOUT = 60 * 60


def _version_key(article_id):
    return f"comments-version:{article_id}"


def version(article_id):
    return cache.get_or_set(_version_key(article_id), 1, None)


def bump(article_id):
    """Something in this article's comments changed: no cached section is valid any more."""
    try:
        cache.incr(_version_key(article_id))
    except ValueError:  # no version yet, so nothing cached either
        cache.set(_version_key(article_id), 2, None)


def changed(article_id):
    """Call when a change to this article's comments is saved: bumped now, and again when the
    transaction commits, so a reader who renders the old state in between cannot leave it in
    the cache."""
    bump(article_id)
    transaction.on_commit(lambda: bump(article_id))


def key(article_id, page):
    return f"comment-section:{article_id}:{page}:{version(article_id)}"


def get(article_id, page):
    return cache.get(key(article_id, page))


def put(article_id, page, html):
    cache.set(key(article_id, page), html, TIMEOUT)
