from django.conf import settings
from django.contrib.sitemaps import Sitemap

from .models import Article, Author, Tag


class SiteSitemap(Sitemap):
    """URLs on the configured site (the domain comes from the synced ``Site`` row)."""

    @property
    def protocol(self):
        return settings.SITE_SCHEME


class ArticleSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().order_by("-published_at")

    def lastmod(self, article):
        # The public date: a typo fix does not make an article look fresh to search engines.
        return article.date_modified


class TagSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Tag.objects.topics().filter(articles__in=Article.objects.published()).distinct()


class AuthorSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Author.objects.filter(articles__in=Article.objects.published()).distinct()


SITEMAPS = {"articles": ArticleSitemap, "tags": TagSitemap, "authors": AuthorSitemap}
