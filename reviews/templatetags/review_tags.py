"""How medical review plugs into the article and author pages (the articles app knows nothing
of it): ``{% review_line article %}`` and ``{% reviewed_by author %}``."""

from django import template

from reviews.public import review_line as line_for
from reviews.public import reviewed_articles

register = template.Library()


@register.inclusion_tag("reviews/review_line.html")
def review_line(article):
    return {"line": line_for(article)}


@register.inclusion_tag("reviews/reviewed_by.html")
def reviewed_by(author, limit=20):
    articles = list(reviewed_articles(author)[: limit + 1])
    return {"author": author, "articles": articles[:limit], "more": len(articles) > limit}
