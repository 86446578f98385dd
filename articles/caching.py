"""The cache tags of the articles app (core/cache_tags.py): what each public page shows, and
the receivers that name what a change touched.

A page is tagged with every article, author, tag and page it shows; a list page also with the
list itself (``LISTING``: which articles are published, in which order, which are featured),
which changes only when an article is published, unpublished, rescheduled, featured or deleted,
not when one is edited. So a typo fixed in an old article purges its own page and the pages
whose cards show it, and nothing else.

Three names serve fragments (core/fragments.py), whose tags must be known before they are read:
``AUTHORS`` and ``TOPICS`` change with any author or topic, ``HEADLINES`` with what a link to a
public article shows (its title, address, author or place in the lists).
"""

from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_delete

from core.cache_tags import add, changed, expires, tag_for

from .models import Article, Author, Byline, Page, Tag
from .models.article import LIVE_STATUSES
from .publishing import article_went_live

LISTING = "listing"  # which articles are public, their order, which are featured
TOPICS = "topics"  # the topics page (every tag and its number of articles), and any tag
AUTHORS = "authors"  # any author
HEADLINES = "headlines"  # what links to public articles show
CARDS = "cards"  # what any article's card shows (lists keep their cards together under it)
FEEDS = "feeds"  # feeds and the sitemap: any change to a public article


def page_key(slug):
    return f"page:{slug}"


def extras_tag(article_id):
    """What other apps add to the article page (the review line): they tag it and change it."""
    return f"article-extras-{article_id}"


def next_publication(request):
    """When the next scheduled article goes live: lists change by themselves then. Looked up
    once per request (the page and its list count both ask)."""
    if not hasattr(request, "next_publication"):
        request.next_publication = (
            Article.objects.scheduled()
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
    return request.next_publication


# What other apps' parts of the article page are read by (comment threads), so that the page
# reads every fragment's generations at once: functions ``article -> [tag, …]``.
ARTICLE_PAGE_PARTS = []
# The fragments those parts will read by name for a request, read with the page's own in one
# cache read (core.fragments.prefetch): functions ``(request, article) -> [(name, tags), …]``.
ARTICLE_PAGE_FRAGMENTS = []
# What other apps show on an author's page, read with its own fragments: functions of (request,
# author) returning [(name, tags)] (reviews: the articles they reviewed).
AUTHOR_PAGE_FRAGMENTS = []


def article_content_tags(article):
    """What the article page's own fragment (all but the comments) is read by: the article,
    what other apps add to it, the disclaimer, and any author, topic or headline."""
    return [tag_for(article), extras_tag(article.pk), page_key("disclaimer"), AUTHORS, TOPICS,
            HEADLINES]  # fmt: skip


def article_page_tags(article):
    """The tags of every fragment on the article page (core.fragments.prefetch)."""
    return article_content_tags(article) + [
        tag for part in ARTICLE_PAGE_PARTS for tag in part(article)
    ]


def card_tags(article):
    """What an article's card shows: the article, its author and its tags."""
    return [article, *(Author(pk=author.pk) for author in article.authors), *article.tags.all()]


def shows_article(request, article, related):
    """The article page: the article, its people and tags, the related articles (links with
    their authors' bylines, drawn from the article's tags), and the disclaimer."""
    add(request, article, page_key("disclaimer"))
    add(request, *(Author(pk=author.pk) for author in article.authors))
    if article.reviewer_id:
        add(request, Author(pk=article.reviewer_id))
    add(request, *article.tags.all())
    for other in related:
        add(request, other, Author(pk=other.author_id))
    expires(request, next_publication(request))


# Receivers: what a change purges.

LISTING_FACTS = ("status", "published_at", "featured", "author_id")
HEADLINE_FACTS = ("title", "slug")
_UNKNOWN = object()


def _facts(article, names):
    values = tuple(article.__dict__.get(name, _UNKNOWN) for name in names)
    return None if article.pk is None or _UNKNOWN in values else values


def listing_facts(article):
    """The fields that decide where an article appears in lists, as loaded (None if unknown)."""
    return _facts(article, LISTING_FACTS)


def article_loaded(sender, instance, **kwargs):
    instance._listing_facts = listing_facts(instance)
    instance._headline_facts = _facts(instance, HEADLINE_FACTS)


def page_loaded(sender, instance, **kwargs):
    instance._loaded_slug = instance.__dict__.get("slug")


def article_saved(sender, instance, created, update_fields=None, **kwargs):
    before = getattr(instance, "_listing_facts", None)
    after = listing_facts(instance)
    headline_before = getattr(instance, "_headline_facts", None)
    headline_after = _facts(instance, HEADLINE_FACTS)
    instance._listing_facts, instance._headline_facts = after, headline_after
    if update_fields is not None and set(update_fields) <= {"went_live_at", "search_vector"}:
        return  # bookkeeping that no page shows (going live is announced below)
    things = [instance]
    was_listed = not created and (before is None or before[0] in LIVE_STATUSES)
    is_listed = instance.status in LIVE_STATUSES
    if was_listed or is_listed:
        things.append(FEEDS)
        if created or before != after:
            # It entered, left or moved in the lists: they change, and so do its tags' and its
            # authors' pages (the old author's too).
            things += [LISTING, TOPICS, HEADLINES, Author(pk=instance.author_id),
                       *instance.tags.all()]  # fmt: skip
            if before is not None:
                things.append(Author(pk=before[-1]))
        elif headline_before != headline_after:
            things.append(HEADLINES)
    # A listed article's card changed (a draft is on no list): so did the lists' kept cards.
    changed(*things, fragments_only=[CARDS] if was_listed or is_listed else ())


def article_deleting(sender, instance, **kwargs):
    changed(instance, LISTING, TOPICS, HEADLINES, FEEDS, Author(pk=instance.author_id),
            *instance.tags.all(), fragments_only=[CARDS])  # fmt: skip


def tags_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action == "pre_clear":
        related = instance.articles if reverse else instance.tags
        pk_set = set(related.values_list("pk", flat=True))
    elif action not in ("post_add", "post_remove"):
        return
    if reverse:  # tag.articles.add(...): one tag, some articles
        changed(
            instance,
            TOPICS,
            FEEDS,
            *(Article(pk=pk) for pk in pk_set or ()),
            fragments_only=[CARDS],
        )
    elif instance.status not in LIVE_STATUSES:
        changed(instance)  # a draft's topics show nowhere
    else:
        changed(
            instance, TOPICS, FEEDS, *(Tag(pk=pk) for pk in pk_set or ()), fragments_only=[CARDS]
        )


def related_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        changed(instance)  # no card shows related articles


def went_live(sender, article, **kwargs):
    changed(article, LISTING, TOPICS, HEADLINES, FEEDS, Author(pk=article.author_id),
            *article.tags.all(), fragments_only=[CARDS])  # fmt: skip


def tag_changed(sender, instance, **kwargs):
    changed(instance, TOPICS)


def author_changed(sender, instance, **kwargs):
    changed(instance, AUTHORS, FEEDS)


def byline_changed(sender, instance, **kwargs):
    """A further author added or removed: the article, its cards and both authors' pages."""
    changed(Article(pk=instance.article_id), Author(pk=instance.author_id), fragments_only=[CARDS])


def page_changed(sender, instance, **kwargs):
    old_slug = getattr(instance, "_loaded_slug", None)
    changed(page_key(instance.slug), page_key(old_slug) if old_slug else None, FEEDS)
    instance._loaded_slug = instance.slug


def connect():
    post_init.connect(article_loaded, sender=Article, dispatch_uid="articles.cache.loaded")
    post_init.connect(page_loaded, sender=Page, dispatch_uid="articles.cache.page_loaded")
    post_save.connect(article_saved, sender=Article, dispatch_uid="articles.cache.saved")
    pre_delete.connect(article_deleting, sender=Article, dispatch_uid="articles.cache.delete")
    for relation, receiver in ((Article.tags, tags_changed), (Article.related, related_changed)):
        m2m_changed.connect(receiver, sender=relation.through,
                            dispatch_uid=f"articles.cache.{receiver.__name__}")  # fmt: skip
    article_went_live.connect(went_live, dispatch_uid="articles.cache.live")
    for model, receiver in ((Tag, tag_changed), (Author, author_changed), (Page, page_changed),
                            (Byline, byline_changed)):  # fmt: skip
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, dispatch_uid=f"articles.cache.{model.__name__}")
