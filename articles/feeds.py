"""RSS 2.0 and Atom feeds for the site, each tag and each author, and an Atom feed of each
article's own public updates.

Dates are the honest ones: an item's date is its publication, its "updated" date the last
substantive update, so a typo fix changes nothing in any feed. Links are absolute on the
configured site (the synced ``Site`` row). ``FEEDS_FULL_TEXT`` chooses the whole article or
its dek.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from core.cache_tags import add

from .caching import FEEDS
from .models import Article, Author, Revision, Tag

FEED_ITEMS = 20


class LatestArticlesFeed(Feed):
    description = "Careful, regularly updated answers to everyday health questions."

    def __call__(self, request, *args, **kwargs):
        # Any change to a public article may change a feed (core/cache_tags.py).
        add(request, FEEDS)
        return super().__call__(request, *args, **kwargs)

    def title(self, obj=None):
        return settings.SITE_NAME

    def link(self, obj=None):
        return "/"

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return self.articles(obj).for_listing().order_by("-published_at", "-id")[:FEED_ITEMS]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.body if settings.FEEDS_FULL_TEXT else article.dek

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.date_modified

    def item_author_name(self, article):
        return ", ".join(author.byline for author in article.authors)

    def item_categories(self, article):
        return [tag.name for tag in article.topics]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class TagFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        tag = get_object_or_404(Tag.objects.topics(), slug=slug)
        add(request, tag)
        return tag

    def title(self, tag=None):
        return f"{tag.name} · {settings.SITE_NAME}"

    def link(self, tag=None):
        return tag.get_absolute_url()

    def description(self, tag=None):
        return tag.description or f"Articles tagged “{tag.name}”."

    def articles(self, tag):
        return Article.objects.published().filter(tags=tag)


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed

    def subtitle(self, tag=None):
        return self.description(tag)


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        author = get_object_or_404(Author, slug=slug)
        add(request, author)
        return author

    def title(self, author=None):
        return f"{author.byline} · {settings.SITE_NAME}"

    def link(self, author=None):
        return author.get_absolute_url()

    def description(self, author=None):
        return author.short_bio

    def articles(self, author):
        return Article.objects.published().by(author)


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed

    def subtitle(self, author=None):
        return self.description(author)


class ArticleUpdatesFeed(Feed):
    """An article's public updates (Atom): one entry per substantive update, with its note for
    readers and a link to what it changed, and one for the first publication. Minor edits
    never appear."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        article = get_object_or_404(Article.objects.published().select_related("author"),
                                    slug=slug)  # fmt: skip
        add(request, article)
        return article

    def title(self, article):
        return f"Updates to “{article.title}” · {settings.SITE_NAME}"

    def subtitle(self, article):
        return "Every substantive change to this article, with the editors' note."

    def link(self, article):
        return article.get_absolute_url()

    def author_name(self, article):
        return settings.SITE_NAME

    def items(self, article):
        published = Revision(article=article, number=0, change_note="First published.",
                             created_at=article.published_at)  # fmt: skip
        return [*article.public_update_history[:FEED_ITEMS], published]

    def item_title(self, revision):
        if revision.number == 0:
            return f"Published: {revision.article.title}"
        return f"Updated: {revision.change_note}"

    def item_description(self, revision):
        return revision.change_note

    def item_link(self, revision):
        if revision.number == 0:
            return revision.article.get_absolute_url()
        return reverse("articles:article_update", args=[revision.article.slug, revision.number])

    def item_pubdate(self, revision):
        return revision.created_at

    def item_updateddate(self, revision):
        return revision.created_at
