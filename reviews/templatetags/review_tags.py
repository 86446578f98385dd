"""How medical review plugs into the article and author pages (the articles app knows nothing
of it): ``{% review_line article %}`` and ``{% reviewed_by author %}``."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from articles.caching import AUTHORS, HEADLINES, LISTING, next_publication
from core import fragments
from core.cache_tags import add, expires, tag_for
from reviews.public import dependency, overdue_from, reviewed_articles
from reviews.public import review_line as line_for

register = template.Library()


@register.inclusion_tag("reviews/review_line.html", takes_context=True)
def review_line(context, article):
    add(context["request"], dependency(article.pk))  # the line and the JSON-LD
    line = line_for(article)
    expires(context["request"], overdue_from(line))
    return {"line": line}


@register.simple_tag(takes_context=True)
def reviewed_by(context, author, limit=20):
    """The articles ``author`` reviewed, on their page: kept rendered until they record a review
    (their own tag), or a listed article's headline, publication or byline changes."""
    request = context["request"]

    def render():
        # What the list shows: not the bodies (the query is DISTINCT, over every column it reads).
        shown = ("title", "slug", "published_at", "author__name", "author__credentials")
        articles = list(reviewed_articles(author).only(*shown)[: limit + 1])
        add(request, *articles, *(article.author for article in articles))
        expires(request, next_publication(request))  # a scheduled one goes live by itself
        return render_to_string("reviews/reviewed_by.html", {
            "author": author, "articles": articles[:limit], "more": len(articles) > limit,
        })  # fmt: skip

    return mark_safe(fragments.cached(request, *reviewed_by_fragment(author, limit), render))


def reviewed_by_fragment(author, limit=20):
    """What ``reviewed_by`` is kept as: ``(name, tags)`` (the author page reads it with its
    own fragments: reviews/apps.py)."""
    return f"reviewed-by:{author.pk}:{limit}", [tag_for(author), HEADLINES, LISTING, AUTHORS]


@register.inclusion_tag("reviews/feedback_box.html")
def reader_feedback(article):
    """ "Was this page helpful?" and the way to report out-of-date information: the same for
    every reader, so it is kept with the rest of the article page."""
    return {"article": article}
