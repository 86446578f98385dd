"""RSS 2.0 and Atom feeds for the site, each tag and each author.

Dates are the honest ones: an item's date is its publication, its "updated" date the last
substantive update, so a typo fix changes nothing in any feed. Links are absolute on the
configured site (the synced ``Site`` row). ``FEEDS_FULL_TEXT`` chooses the whole article or
its dek.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from .models import Article, Author, Tag

FEED_ITEMS = 20


class LatestArticlesFeed(Feed):
    description = "Careful, regularly updated answers to everyday health questions."

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
        return get_object_or_404(Tag.objects.topics(), slug=slug)

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
        return get_object_or_404(Author, slug=slug)

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
