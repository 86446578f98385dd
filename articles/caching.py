"""What each public page of the articles app shows, for the page cache (core/page_cache.py),
and the receivers that stamp it when it changes.

A page depends on every article, author, tag and page it shows; a list page also on the list
itself (``LISTING``: which articles are published, in which order, which are featured), which
changes only when an article is published, unpublished, rescheduled, featured or deleted, not
when one is edited. So a typo fixed in an old article purges its own page and the pages whose
cards show it, and nothing else.
"""

from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_delete
from django.utils import timezone

from core.page_cache import changed, depends_on, is_collecting, valid_until

from .models import Article, Author, Byline, Page, Tag
from .publishing import article_went_live

LISTING = "articles:listing"  # which articles are public, their order, which are featured
TAGS = "articles:tags"  # the topics page: every tag and its number of articles


def page_key(slug):
    return f"articles.page:{slug}"


def next_publication(request):
    """When the next scheduled article goes live: lists change by themselves then. Looked up
    once per request (the page and its list count both ask)."""
    if not hasattr(request, "next_publication"):
        request.next_publication = (
            Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
    return request.next_publication


def card_dependencies(article):
    """What an article's card shows: the article, its author and its tags."""
    return [article, *(Author(pk=author.pk) for author in article.authors), *article.tags.all()]


def shows_article(request, article, related):
    """The article page: the article, its people and tags, the related articles (links with
    their authors' bylines, drawn from the article's tags), and the disclaimer."""
    if not is_collecting(request):
        return
    depends_on(request, article, page_key("disclaimer"))
    depends_on(request, *(Author(pk=author.pk) for author in article.authors))
    if article.reviewer_id:
        depends_on(request, Author(pk=article.reviewer_id))
    depends_on(request, *article.tags.all())
    for other in related:
        depends_on(request, other, Author(pk=other.author_id))
    valid_until(request, next_publication(request))


# Receivers: what a change purges.

LISTING_FACTS = ("status", "published_at", "featured", "author_id")
_UNKNOWN = object()


def listing_facts(article):
    """The fields that decide where an article appears in lists, as loaded (None if unknown)."""
    values = tuple(article.__dict__.get(name, _UNKNOWN) for name in LISTING_FACTS)
    return None if article.pk is None or _UNKNOWN in values else values


def article_loaded(sender, instance, **kwargs):
    instance._listing_facts = listing_facts(instance)


def page_loaded(sender, instance, **kwargs):
    instance._loaded_slug = instance.__dict__.get("slug")


def article_saved(sender, instance, created, update_fields=None, **kwargs):
    before = getattr(instance, "_listing_facts", None)
    after = listing_facts(instance)
    instance._listing_facts = after
    if update_fields is not None and set(update_fields) <= {"went_live_at", "search_vector"}:
        return  # bookkeeping that no page shows (going live is announced below)
    things = [instance]
    was_listed = not created and (before is None or before[0] == Article.Status.PUBLISHED)
    is_listed = instance.status == Article.Status.PUBLISHED
    if (was_listed or is_listed) and (created or before != after):
        # It entered, left or moved in the lists: they change, and so do its tags' and its
        # authors' pages (the old author's too).
        things += [LISTING, TAGS, Author(pk=instance.author_id), *instance.tags.all()]
        if before is not None:
            things.append(Author(pk=before[-1]))
    changed(*things)


def article_deleting(sender, instance, **kwargs):
    changed(instance, LISTING, TAGS, Author(pk=instance.author_id), *instance.tags.all())


def tags_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action == "pre_clear":
        related = instance.articles if reverse else instance.tags
        pk_set = set(related.values_list("pk", flat=True))
    elif action not in ("post_add", "post_remove"):
        return
    if reverse:  # tag.articles.add(...): one tag, some articles
        changed(instance, TAGS, *(Article(pk=pk) for pk in pk_set or ()))
    elif instance.status != Article.Status.PUBLISHED:
        changed(instance)  # a draft's topics show nowhere
    else:
        changed(instance, TAGS, *(Tag(pk=pk) for pk in pk_set or ()))


def related_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        changed(instance)


def went_live(sender, article, **kwargs):
    changed(article, LISTING, TAGS, Author(pk=article.author_id), *article.tags.all())


def tag_changed(sender, instance, **kwargs):
    changed(instance, TAGS)


def author_changed(sender, instance, **kwargs):
    changed(instance)


def byline_changed(sender, instance, **kwargs):
    """A further author added or removed: the article, its cards and both authors' pages."""
    changed(Article(pk=instance.article_id), Author(pk=instance.author_id))


def page_changed(sender, instance, **kwargs):
    old_slug = getattr(instance, "_loaded_slug", None)
    changed(page_key(instance.slug), page_key(old_slug) if old_slug else None)
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
