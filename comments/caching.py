"""The cache tags of the comments app (core/cache_tags.py), and who sees an article's comment
threads alike, so they are rendered once per change and shared (core/fragments.py).

Rendering hundreds of threaded comments is most of an article page's cost. Two kinds of reader
see the same threads: every anonymous reader (who also sees the same whole comment section), and
every logged-in reader who has neither commented on the article nor flagged one of its comments
(their threads show Reply and Flag links, and no pending comment of their own). Anyone else, the
commenters of this article, get threads built for them alone, in which only their own comments
and the ones they flagged are rendered for them: every other comment is kept rendered as members
see it (``comments.threads.as_members_see_them``), under the same tags as the shared threads.
Who takes part is kept too, under the article's thread tag, which every new comment and flag
bumps: a member's page asks nothing of the database to know which threads they see.
"""

from core import cache_tags, fragments

ANONYMOUS, MEMBER = "anonymous", "member"
SETTINGS = "comment-settings"  # the moderation settings, edited by staff in the admin
# The claim and crisis patterns (staff edit them in the admin): no page shows them, but posting
# keeps the rules it reads under this tag's generation too (comments.moderation.kept_rules).
HEALTH_PATTERNS = "health-patterns"


def thread_tag(article_id):
    """The tag of every page and fragment showing this article's comments."""
    return f"comments-{article_id}"


def changed(article_id, *, shown=True):
    """Call when a change to this article's comments is saved. ``shown=False``: no page shows
    it (a flag below the threshold), only who takes part changed: nothing is purged."""
    if shown:
        cache_tags.changed(thread_tag(article_id))
    else:
        cache_tags.changed(fragments_only=[thread_tag(article_id)])


def audience(request, user, article):
    """Which shared rendering ``user`` sees, or None when their threads are their own."""
    if not user.is_authenticated:
        return ANONYMOUS
    name, tags = participants_name(article), [thread_tag(article.pk)]
    taking_part = fragments.cached(request, name, tags, lambda: participants(article))
    return None if user.pk in taking_part else MEMBER


def participants(article):
    """The ids of everyone whose threads are their own on this article: the authors of its
    comments (whatever their status) and the readers who flagged one (one query). Kept under
    the article's thread tag, which a new comment and a new flag bump."""
    from .models import Comment, Flag  # the models module calls changed() above

    authors = Comment.objects.filter(article=article, author__isnull=False).values_list("author_id")
    flaggers = Flag.objects.filter(comment__article=article).values_list("user_id")
    taking_part = authors.order_by().union(flaggers.order_by())
    return frozenset(user_id for (user_id,) in taking_part)


def participants_name(article):
    return f"comment-participants:{article.pk}"


def audience_for(request, user, article):
    """``audience``, asked once per request."""
    asked = request.__dict__.setdefault("comment_audiences", {})
    if (user.pk, article.pk) not in asked:
        asked[user.pk, article.pk] = audience(request, user, article)
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
    if not request.user.is_authenticated:
        anonymous = (section_name(ANONYMOUS, article, page), tags)
        return [(RULES, [SETTINGS]), anonymous] if request.GET.get("replyto") else [anonymous]
    # Who takes part, and the threads as members see them: most members take no part (those
    # who do read their own threads after this).
    user_id = request.user.pk
    return [
        (RULES, [SETTINGS]),
        (participants_name(article), [thread_tag(article.pk)]),
        (section_name(MEMBER, article, page), tags),
        (standing_name(user_id), [standing_tag(user_id)]),  # is the form offered to them
        comment_box_fragment(article),
    ]


def comment_box_fragment(article):
    """The reply box as members who may comment get it: the article's address and whether it
    takes comments, and the settings' edit window."""
    return f"comment-box:{article.pk}", [cache_tags.tag_for(article), SETTINGS]


def fragment_tags(article):
    """What shared threads are read by: the comments, the moderation settings, the article and
    its author (the "author" badge)."""
    return [thread_tag(article.pk), SETTINGS, cache_tags.tag_for(article),
            f"author-{article.author_id}"]  # fmt: skip
