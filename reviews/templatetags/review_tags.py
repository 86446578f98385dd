"""How medical review plugs into the article and author pages (the articles app knows nothing
of it): ``{% review_line article %}`` and ``{% reviewed_by author %}``."""

from django import template

from core.page_cache import depends_on, valid_until
from reviews.public import dependency, overdue_from, reviewed_articles
from reviews.public import review_line as line_for

register = template.Library()


@register.inclusion_tag("reviews/review_line.html", takes_context=True)
def review_line(context, article):
    depends_on(context["request"], dependency(article.pk))  # the line and the JSON-LD
    line = line_for(article)
    valid_until(context["request"], overdue_from(line))
    return {"line": line}


@register.inclusion_tag("reviews/reviewed_by.html", takes_context=True)
def reviewed_by(context, author, limit=20):
    articles = list(reviewed_articles(author)[: limit + 1])
    depends_on(context["request"], *articles, *(article.author for article in articles))
    return {"author": author, "articles": articles[:limit], "more": len(articles) > limit}
