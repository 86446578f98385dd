"""Site search: published articles ranked title above dek above body, tags and author names
matched, with highlighted snippets.

On PostgreSQL (production) each article keeps a weighted ``tsvector`` (GIN-indexed) that
``save_article`` refreshes; queries are parsed by ``websearch_to_tsquery``, which accepts any
text — quotes, operators, SQL — without error. SQLite (the first-run database) has no such index,
so there the same ranking is done with plain ``LIKE`` matches: fine for a demo, not for 20,000
articles.
"""

import re
from html import escape, unescape

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Case,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.safestring import mark_safe

from .models import Article, Author, Tag

CONFIG = "english"
MAX_QUERY = 200  # characters of a query that count; the rest is ignored
MAX_TERMS = 8


def clean_query(text):
    text = re.sub(r"[\x00-\x1f\x7f]", " ", text or "")
    return " ".join(text.split())[:MAX_QUERY]


def terms_of(query):
    return [term for term in re.findall(r"\w{2,}", query.lower())][:MAX_TERMS]


def is_postgresql():
    return connection.vendor == "postgresql"


def refresh_index(articles):
    """Recompute the stored search vector of ``articles`` (a queryset) in one UPDATE."""
    if not is_postgresql():
        return
    from django.contrib.postgres.aggregates import StringAgg

    tag_names = (
        Tag.objects.filter(articles=OuterRef("pk"))
        .order_by()
        .values("articles")
        .annotate(names=StringAgg("name", " "))
        .values("names")
    )
    author_name = Author.objects.filter(pk=OuterRef("author_id")).values("name")
    articles.update(
        search_vector=SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("dek", weight="B", config=CONFIG)
        + SearchVector(
            Coalesce(Subquery(tag_names), Value(""), output_field=TextField()),
            weight="B",
            config=CONFIG,
        )
        + SearchVector(
            Coalesce(Subquery(author_name), Value(""), output_field=TextField()),
            weight="B",
            config=CONFIG,
        )
        + SearchVector("body", weight="C", config=CONFIG)
    )


def matching(articles, query):
    """``articles`` that match ``query``, best first (an annotated, ordered queryset)."""
    if is_postgresql():
        search = SearchQuery(query, search_type="websearch", config=CONFIG)
        return (
            articles.filter(search_vector=search)
            .annotate(rank=SearchRank(F("search_vector"), search))
            .order_by("-rank", "-published_at", "-id")
        )
    terms = terms_of(query)
    if not terms:
        return articles.none()
    for term in terms:
        articles = articles.filter(
            Q(title__icontains=term) | Q(dek__icontains=term) | Q(body__icontains=term)
            | Q(tags__name__icontains=term) | Q(author__name__icontains=term)
        )  # fmt: skip
    score = sum(
        (
            Case(When(title__icontains=term, then=Value(4)), default=Value(0))
            + Case(When(dek__icontains=term, then=Value(2)), default=Value(0))
            + Case(When(body__icontains=term, then=Value(1)), default=Value(0))
            for term in terms
        ),
        Value(0),
    )
    return (
        articles.annotate(rank=Coalesce(score, Value(0), output_field=IntegerField()))
        .distinct()
        .order_by("-rank", "-published_at", "-id")
    )


def search_articles(query):
    """Published articles matching ``query`` (never drafts, archived or scheduled ones)."""
    return matching(Article.objects.published(), query)


_TAG_RE = re.compile(r"<[^>]+>")


def snippet(article, query, width=220):
    """A short passage of the article around the first matching word, with matches marked.
    Everything is escaped first; only our own <mark> tags are added."""
    text = " ".join(unescape(_TAG_RE.sub(" ", f"{article.dek} {article.body}")).split())
    terms = terms_of(query)
    lowered = text.lower()
    starts = [lowered.find(term) for term in terms if lowered.find(term) >= 0]
    start = max(min(starts) - width // 3, 0) if starts else 0
    passage = text[start : start + width]
    html = escape(("… " if start else "") + passage + (" …" if start + width < len(text) else ""))
    if terms:
        pattern = re.compile("(" + "|".join(re.escape(escape(t)) for t in terms) + ")", re.I)
        html = pattern.sub(r"<mark>\1</mark>", html)
    return mark_safe(html)  # escaped above; <mark> is ours
