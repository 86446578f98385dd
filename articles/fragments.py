"""Parts of pages rendered once per change and shared by every request that shows them, the
logged-in ones included: article cards, and the article page without its comments. Each is kept
in the page cache (core/page_cache.py) with exactly what it shows as dependencies.

An article card, the teaser every list shows, is a pure function of its article, the
article's author and tags, and the card template; an edit, a renamed tag or an author's new byline
makes it stale on every server at once. A list then needs only the ids of its articles, in
order. The article page reads its article and people, and renders its body, related articles,
update history and structured data only after one of them changed.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core import page_cache

from .caching import card_dependencies, shows_article
from .models import Article, Page
from .structured_data import article_json_ld, breadcrumbs_json_ld

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
            shown = frozenset(page_cache.key_for(thing) for thing in dependencies)
            kept[key] = page_cache.Kept(html, shown, None)
    cards = []
    for key in keys:
        if key in kept:  # not when the article was deleted since the list was read
            page_cache.shows(request, kept[key])
            cards.append(mark_safe(kept[key].value))  # rendered by our own template
    return cards


def article_content(request, article):
    """The article page's own parts, ``{"head": …, "content": …}``: all but the comments.
    ``article`` comes from ``for_detail_page()``; the rest is read only when rendering. A preview
    of an article that is not public is never kept."""

    def render():
        article.load_page_content()
        related = article.related_articles()
        shows_article(request, article, related)
        context = {
            "article": article,
            "related_articles": related,
            "disclaimer": Page.disclaimer(),
            "structured_data": article_json_ld(article, request),
            "breadcrumbs": breadcrumbs_json_ld(article),
        }
        return {
            part: mark_safe(render_to_string(f"articles/article_{part}.html", context, request))
            for part in ("head", "content")
        }

    if not article.is_public:
        return render()
    return page_cache.fragment(request, f"article-page:{article.pk}", render)
