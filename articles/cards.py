"""Article cards, the teaser every list shows, rendered once per change and shared by every list.

A card is a pure function of its article, the article's author and tags, and the card template,
so each one is kept in the page cache (core/page_cache.py) with exactly those dependencies: an
edit, a renamed tag or an author's new byline makes it stale on every server at once. A list
then needs only the ids of its articles, in order; what a reader would otherwise wait for, a
template rendered per card with its picture, dates and tags, happens once per change.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core import page_cache

from .caching import card_dependencies
from .models import Article

TEMPLATE = "includes/article_card.html"


def _variant(heading_level, large):
    # The first card of a list that leads with a large one loads its picture at once.
    return {"heading_level": heading_level, "large": large, "loading": "eager" if large else "lazy"}


def _key(article_id, variant):
    return f"card:{article_id}:{variant['heading_level']}:{int(variant['large'])}"


def render_cards(request, article_ids, *, heading_level=2, lead=False):
    """The HTML of the cards of these articles, in order: the kept ones as they are, the rest
    rendered now and kept. With ``lead``, the first card is the large one. The page being
    rendered for ``request`` shows every card's dependencies."""
    variants = [_variant(heading_level, lead and index == 0) for index in range(len(article_ids))]
    keys = [_key(pk, variant) for pk, variant in zip(article_ids, variants, strict=True)]
    kept = page_cache.fetch_many(keys)
    missing = {
        pk: (key, variant)
        for pk, key, variant in zip(article_ids, keys, variants, strict=True)
        if key not in kept
    }
    if missing:
        started = page_cache.started(request)
        for article in Article.objects.for_listing().filter(pk__in=missing):
            key, variant = missing[article.pk]
            html = render_to_string(TEMPLATE, {"article": article, **variant})
            dependencies = card_dependencies(article)
            page_cache.keep(key, html, dependencies, started)
            kept[key] = (html, [page_cache.key_for(thing) for thing in dependencies])
    cards = []
    for key in keys:
        if key in kept:  # not when the article was deleted since the list was read
            html, dependencies = kept[key]
            page_cache.depends_on(request, *dependencies)
            cards.append(mark_safe(html))  # rendered by our own template, escaped there
    return cards
