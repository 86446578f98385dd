"""Parts of pages rendered once per change and shared by every request that shows them, the
logged-in ones included: article cards, and the article page without its comments
(core/fragments.py keeps them under versioned keys).

A fragment's key is made of the tags it is read by, known before it is read: an article card by
its article, and by any author or topic (a renamed topic or a new byline is rare, and then every
card is rendered once more); the cards of a list, kept together, by any card (``CARDS``: a
change to one article's card renders the lists showing cards again from the kept cards); the
article page by its article, what other apps add to it (the review line), the disclaimer, and
any author, topic or headline (what a related-article link shows). While it renders, each one
declares the exact tags the edge needs (articles.caching).
"""

import hashlib

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core import cache_tags, fragments

from .caching import (
    ARTICLE_PAGE_FRAGMENTS,
    AUTHORS,
    CARDS,
    TOPICS,
    article_content_tags,
    article_page_tags,
    card_tags,
    shows_article,
)
from .models import Article, Page
from .structured_data import article_json_ld, breadcrumbs_json_ld, person_json_ld

TEMPLATE = "includes/article_card.html"


def _variant(heading_level, large):
    # The first card of a list that leads with a large one loads its picture at once.
    return {"heading_level": heading_level, "large": large, "loading": "eager" if large else "lazy"}


def _card_read_by(pk):
    return [f"article-{pk}", AUTHORS, TOPICS]


CARDS_READ_BY = [CARDS, AUTHORS, TOPICS]  # a list's cards, kept together


def _cards(article_ids, heading_level, lead):
    """``{pk: (name, variant)}`` of the cards of these articles; with ``lead``, the first is the
    large one."""
    cards = {}
    for index, pk in enumerate(article_ids):
        variant = _variant(heading_level, lead and index == 0)
        cards[pk] = (f"card:{pk}:{heading_level}:{int(variant['large'])}", variant)
    return cards


def _block(article_ids, heading_level, lead):
    """The name of the cards of these articles, kept together as a list shows them."""
    ids = hashlib.blake2b(",".join(map(str, article_ids)).encode(), digest_size=12).hexdigest()
    return f"cards:{ids}:{heading_level}:{int(lead)}"


def prefetch_cards(request, *lists):
    """For a page that shows lists of cards (``(article_ids, heading_level, lead)`` each, as
    ``render_cards`` is called): their kept values in one cache read."""
    fragments.prefetch(request, CARDS_READ_BY, [(_block(*each), CARDS_READ_BY) for each in lists])


def render_cards(request, article_ids, *, heading_level=2, lead=False):
    """The HTML of the cards of these articles, in order; with ``lead``, the first card is the
    large one. Kept as a whole until any card changes (``CARDS``), and each card on its own
    (only the changed ones are rendered again). The page being rendered for ``request`` shows
    every card's tags."""
    cards = _cards(article_ids, heading_level, lead)

    def render():
        return "".join(_each_card(request, article_ids, cards))

    return mark_safe(fragments.cached(request, _block(article_ids, heading_level, lead),
                                      CARDS_READ_BY, render))  # fmt: skip


def _each_card(request, article_ids, cards):
    wanted = [(name, _card_read_by(pk)) for pk, (name, _) in cards.items()]
    by_name = {name: pk for pk, (name, _) in cards.items()}

    def render(missing):
        articles = Article.objects.for_listing().filter(pk__in=[by_name[name] for name in missing])
        return {cards[article.pk][0]: _card(request, article, cards[article.pk][1])
                for article in articles}  # fmt: skip

    found = fragments.cached_many(request, wanted, render)
    # Not when the article was deleted since the list was read.
    return [found[cards[pk][0]] for pk in article_ids if cards[pk][0] in found]


def _card(request, article, variant):
    def render():
        cache_tags.add(request, *card_tags(article))
        return render_to_string(TEMPLATE, {"article": article, **variant})

    return render


def article_content(request, page_article):
    """The article page's own parts, ``{"head": …, "content": …}``: all but the comments.
    ``page_article`` comes from ``for_detail_page()``; the rest is read only when rendering. A
    preview of an article that is not public is never kept."""

    def render():
        article = Article.objects.for_rendering().get(pk=page_article.pk)
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

    if not page_article.is_public:
        return render()
    name, tags = _content(page_article)
    prefetch_article_page(request, page_article)  # nothing more when public_article() did
    return fragments.cached(request, name, tags, render)


def author_content(request, author):
    """The author page's own parts, ``{"head": …, "header": …}``: their structured data, and
    their portrait (its renditions looked up), name and biography, kept until the author
    changes (``author_page_fragment``)."""

    def render():
        cache_tags.add(request, author)
        context = {"author": author, "structured_data": person_json_ld(author)}
        return {
            part: mark_safe(render_to_string(f"articles/author_{part}.html", context))
            for part in ("head", "header")
        }

    return fragments.cached(request, *author_page_fragment(author), render)


def author_page_fragment(author):
    return f"author-page:{author.pk}", [cache_tags.tag_for(author)]


def _content(article):
    return f"article-page:{article.pk}", article_content_tags(article)


def prefetch_article_page(request, article, also=()):
    """Every fragment's generations on the article page, the comment threads' too, in one
    query, and their kept values (and those named in ``also``) in one cache read."""
    others = [part for parts in ARTICLE_PAGE_FRAGMENTS for part in parts(request, article)]
    fragments.prefetch(request, article_page_tags(article), [_content(article), *others, *also])


def public_article(request, slug, *, before_changes=None):
    """The public article at ``slug`` as its page reads it (``for_detail_page()``), or None.

    Its row is kept as a fragment of its own (``article-row:<id>``, read by the article's tag),
    found through the id this process last saw at this slug, so that a page whose fragments are
    all kept asks the database only for their generations: the row is read with them, in the
    same query and cache read. The id is only a hint: the kept row must still have this slug
    and be public now, else the database is asked, as it is for an article not seen yet.

    A request that changes something (a comment posted) names what else it reads before its
    changes, ``(tags, named)`` as ``fragments.prefetch`` takes them, instead of the page's.
    """
    hint = SEEN_AT.get(slug)
    if hint is not None:
        pk, author_id = hint
        # What the page's fragments are named by (an author changed since costs one query).
        seen = Article(pk=pk, author_id=author_id)
        row = (f"article-row:{pk}", [cache_tags.tag_for(seen)])
        if before_changes is None:
            prefetch_article_page(request, seen, also=[row])
        else:
            tags, named = before_changes
            fragments.prefetch(request, tags, [row, *named], before_changes=True)
        article = fragments.cached(
            request, *row, lambda: Article.objects.for_detail_page().filter(pk=pk).first()
        )  # fmt: skip
        if article is not None and article.slug == slug and article.is_public:
            return article
    try:  # unordered: the slug is unique (first() would sort)
        article = Article.objects.for_detail_page().published().get(slug=slug)
    except Article.DoesNotExist:
        return None
    SEEN_AT.set(slug, (article.pk, article.author_id))
    return article


SEEN_AT = fragments.InProcess(at_most=10_000)  # slug: (article id, author id)
