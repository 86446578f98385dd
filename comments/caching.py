"""The cache tags of the comments app (core/cache_tags.py), and who sees an article's comment
threads alike, so they are rendered once per change and shared (core/fragments.py).

Rendering hundreds of threaded comments is most of an article page's cost. Two kinds of reader
see the same threads: every anonymous reader (who also sees the same whole comment section), and
every logged-in reader who has neither commented on the article nor flagged one of its comments
(their threads show Reply and Flag links, and no pending comment of their own). Anyone else, the
commenters of this article, get threads built for them alone, in which only their own comments
and the ones they flagged are rendered for them: every other comment is kept rendered as members
see it (``comments.threads.as_members_see_them``), under the same tags as the shared threads.
"""

from django.db.models import Q

from core import cache_tags

ANONYMOUS, MEMBER = "anonymous", "member"
SETTINGS = "comment-settings"  # the moderation settings, edited by staff in the admin
# The claim and crisis patterns (staff edit them in the admin): no page shows them, but posting
# keeps the rules it reads under this tag's generation too (comments.moderation.kept_rules).
HEALTH_PATTERNS = "health-patterns"


def thread_tag(article_id):
    """The tag of every page and fragment showing this article's comments."""
    return f"comments-{article_id}"


def changed(article_id):
    """Call when a change to this article's comments is saved."""
    cache_tags.changed(thread_tag(article_id))


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


def audience_for(request, user, article):
    """``audience``, asked once per request."""
    asked = request.__dict__.setdefault("comment_audiences", {})
    if (user.pk, article.pk) not in asked:
        asked[user.pk, article.pk] = audience(user, article)
    return asked[user.pk, article.pk]


RULES = "moderation-rules"  # the moderation settings, kept as the policy's rules


def standing_tag(user_id):
    """What the comment form says to a member depends on: their verified email and sanctions
    (bumped when one of those rows is saved or deleted; no page carries it)."""
    return f"standing-{user_id}"


def standing_name(user_id):
    return f"comment-standing:{user_id}"


def section_name(audience, article, page):
    """The comment section of an anonymous reader, or the threads of a member (``audience``)."""
    return f"comment-section:{audience}:{article.pk}:{page}"


def members_view_name(article, page):
    """The comments as members see them, for readers who take part (``comments.threads``)."""
    return f"comments-as-members-see-them:{article.pk}:{page}"


def page_fragments(request, article):
    """The fragments the comment section will read by name for ``request``, so that the article
    page reads them with its own at once (articles.caching.ARTICLE_PAGE_FRAGMENTS)."""
    from core.pagination import page_number

    page, tags = page_number(request, "comments-page"), fragment_tags(article)
    shown = audience_for(request, request.user, article)
    if shown == ANONYMOUS and not request.GET.get("replyto"):
        return [(section_name(shown, article, page), tags)]
    threads = (
        members_view_name(article, page) if shown is None else section_name(shown, article, page)
    )
    wanted = [(RULES, [SETTINGS]), (threads, tags)]
    if request.user.is_authenticated:  # whether the form is offered to them (moderation.facts)
        user_id = request.user.pk
        wanted.append((standing_name(user_id), [standing_tag(user_id)]))
    return wanted


def fragment_tags(article):
    """What shared threads are read by: the comments, the moderation settings, the article and
    its author (the "author" badge)."""
    return [thread_tag(article.pk), SETTINGS, cache_tags.tag_for(article),
            f"author-{article.author_id}"]  # fmt: skip
