"""Where the articles app uses library assets: as a hero, an author's photo, or inside a body
or a page. Registered with the library (media.usage) so that an asset in use is never deleted."""

from django.db.models import Q
from django.urls import reverse

from library import usage

from .models import Article, Author, Page


@usage.register
def article_uses(asset):
    name, url = asset.file.name, asset.file.url
    uses = []
    for article in Article.objects.filter(Q(hero_image=name) | Q(body__contains=url)).only(
        "pk", "title"
    ):
        uses.append((f"Article “{article.title}”",
                     reverse("admin:articles_article_change", args=[article.pk])))  # fmt: skip
    for author in Author.objects.filter(photo=name).only("pk", "name"):
        uses.append((f"Photo of {author.name}",
                     reverse("admin:articles_author_change", args=[author.pk])))  # fmt: skip
    for page in Page.objects.filter(body__contains=url).only("pk", "title"):
        uses.append((f"Page “{page.title}”",
                     reverse("admin:articles_page_change", args=[page.pk])))  # fmt: skip
    return uses
