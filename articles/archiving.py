"""Archiving withdraws an article (readers get 410 Gone), so the editor is asked first and told
which published articles link to it: their readers would follow those links into a 410."""

from django.db.models import Q

from .models import Article


def linking_articles(article):
    """Published articles that link to ``article``: in their body, or as a chosen related
    article. Other articles only: a page linking to itself is archived with it."""
    return (
        Article.objects.published()
        .filter(Q(body__contains=article.get_absolute_url()) | Q(related=article))
        .exclude(pk=article.pk)
        .only("id", "title", "slug")
        .distinct()
        .order_by("title")
    )
