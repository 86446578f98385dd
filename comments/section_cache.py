"""The comment threads of an article, rendered once per change and shared by every reader who
sees them alike (core/page_cache.py keeps them and purges them exactly).

Rendering hundreds of threaded comments is most of an article page's cost. Two kinds of reader
see the same threads: every anonymous reader (who also sees the same whole comment section), and
every logged-in reader who has neither commented on the article nor flagged one of its comments
(their threads show Reply and Flag links, and no pending comment of their own). Anyone else, the
commenters of this article, get threads rendered for them alone.
"""

from django.db.models import Q

from core import page_cache

ANONYMOUS, MEMBER = "anonymous", "member"
SETTINGS = "comments:settings"  # the moderation settings, edited by staff in the admin


def dependency(article_id):
    """The page cache key that every page showing this article's comments depends on."""
    return f"comments:{article_id}"


def changed(article_id):
    """Call when a change to this article's comments is saved: every page and fragment
    showing them is stale, on every server (stamped now and at commit)."""
    page_cache.changed(dependency(article_id))


def audience(user, article):
    """Which shared rendering ``user`` sees, or None when their threads are their own."""
    from .models import Comment  # the models module calls changed() above

    if not user.is_authenticated:
        return ANONYMOUS
    takes_part = (
        Comment.objects.filter(article=article)
        .filter(Q(author=user) | Q(flags__user=user))
        .exists()
    )
    return None if takes_part else MEMBER


def _key(article_id, page, kind):
    return f"comment-section:{kind}:{article_id}:{page}"


def get(article, page, kind):
    return page_cache.fetch(_key(article.pk, page, kind))


def put(article, page, kind, html, started):
    """Keep what was rendered from data read after ``started``."""
    dependencies = [dependency(article.pk), SETTINGS, article, article.author]
    page_cache.keep(_key(article.pk, page, kind), html, dependencies, started)
