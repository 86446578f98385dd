"""Site search: published articles ranked title above dek above body, tags and author names
matched, synonyms understood, misspellings forgiven, with highlighted snippets.

On PostgreSQL (production) each article keeps a weighted ``tsvector`` (GIN-indexed) that
``save_article`` refreshes; queries are parsed by ``websearch_to_tsquery``, which accepts any
text — quotes, operators, SQL — without error. SQLite (the first-run database) has no such index,
so there the same ranking is done with plain ``LIKE`` matches: fine for a demo, not for 20,000
articles.

Readers do not spell like doctors. A query also finds what its synonyms find (``Synonym``,
edited in the admin: "sleep apnea" finds "sleep apnoea"), and a query that finds nothing gets a
"Did you mean …?" from the words of article titles, topic names and synonyms closest to each
unknown word: chosen by PostgreSQL's trigram similarity (``pg_trgm``, GIN-indexed) and, on
SQLite, by difflib over the same words.
"""

import difflib
import re
from html import escape, unescape

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
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

from .models import Article, Author, Synonym, Tag

CONFIG = "english"
MAX_QUERY = 200  # characters of a query that count; the rest is ignored
MAX_TERMS = 8
MAX_ALTERNATIVES = 6  # the query and its synonym variants searched at once
SUGGEST_SIMILARITY = 0.45  # pg_trgm word similarity a title or topic needs to be a candidate
SUGGEST_CUTOFF = 0.75  # how close (difflib ratio) a word must be to be suggested


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


def synonym_sets():
    """Every set of synonyms, lower-case (one query; the list is short)."""
    return [synonym.term_list for synonym in Synonym.objects.all()]


def _words(text):
    return " ".join(re.findall(r"\w+", text.lower()))


def alternatives(query, synonyms):
    """The query, then the query with each synonym it contains replaced by the others."""
    found = [query]
    words = _words(query)
    for terms in synonyms:
        for term in terms:
            pattern = re.compile(rf"\b{re.escape(term)}\b")
            if not pattern.search(words):
                continue
            for other in terms:
                variant = pattern.sub(other, words)
                if other != term and variant not in found:
                    found.append(variant)
    return found[:MAX_ALTERNATIVES]


def matching(articles, query, variants=()):
    """``articles`` that match ``query`` or any of its ``variants``, best first (an annotated,
    ordered queryset)."""
    queries = [query, *(variant for variant in variants if variant != query)]
    if is_postgresql():
        search = SearchQuery(query, search_type="websearch", config=CONFIG)
        for variant in queries[1:]:
            search |= SearchQuery(variant, search_type="websearch", config=CONFIG)
        return (
            articles.filter(search_vector=search)
            .annotate(rank=SearchRank(F("search_vector"), search))
            .order_by("-rank", "-published_at", "-id")
        )
    found = Q()
    all_terms = []
    for text in queries:
        terms = terms_of(text)
        if not terms:
            continue
        all_terms += [term for term in terms if term not in all_terms]
        matches = articles
        for term in terms:
            matches = matches.filter(
                Q(title__icontains=term) | Q(dek__icontains=term) | Q(body__icontains=term)
                | Q(tags__name__icontains=term) | Q(author__name__icontains=term)
            )  # fmt: skip
        found |= Q(pk__in=matches.values("pk"))
    if not all_terms:
        return articles.none()
    score = sum(
        (
            Case(When(title__icontains=term, then=Value(4)), default=Value(0))
            + Case(When(dek__icontains=term, then=Value(2)), default=Value(0))
            + Case(When(body__icontains=term, then=Value(1)), default=Value(0))
            for term in all_terms
        ),
        Value(0),
    )
    return (
        articles.filter(found)
        .annotate(rank=Coalesce(score, Value(0), output_field=IntegerField()))
        .order_by("-rank", "-published_at", "-id")
    )


def _close_titles_and_topics(word):
    """Words of published titles and of topic names that may be ``word`` misspelt."""
    if is_postgresql():
        with transaction.atomic(), connection.cursor() as cursor:
            # Word similarity (``<%``) against the trigram indexes of migration 0010.
            cursor.execute("SET LOCAL pg_trgm.word_similarity_threshold = %s",
                           [SUGGEST_SIMILARITY])  # fmt: skip
            cursor.execute(
                """
                (SELECT lower(title) FROM articles_article
                 WHERE %s <%% lower(title) AND status = 'published' AND published_at <= now()
                 ORDER BY word_similarity(%s, lower(title)) DESC LIMIT 20)
                UNION ALL
                (SELECT lower(name) FROM articles_tag WHERE %s <%% lower(name) LIMIT 20)
                """,
                [word, word, word],
            )
            texts = [row[0] for row in cursor.fetchall()]
    else:
        texts = [
            *Article.objects.published().values_list("title", flat=True),
            *Tag.objects.values_list("name", flat=True),
        ]
    return {found for text in texts for found in re.findall(r"\w{3,}", text.lower())}


def suggestion(query, synonyms):
    """ "Did you mean …?": the query with each word that is no title, topic or synonym word
    replaced by the closest one that is; None when nothing would change."""
    words = re.findall(r"\w+", query.lower())[:MAX_TERMS]
    synonym_words = {word for terms in synonyms for term in terms for word in term.split()}
    suggested = []
    for word in words:
        if len(word) < 4 or word.isdigit() or word in synonym_words:
            suggested.append(word)
            continue
        known = synonym_words | _close_titles_and_topics(word)
        close = [] if word in known else difflib.get_close_matches(word, known, 1, SUGGEST_CUTOFF)
        suggested.append(close[0] if close else word)
    return " ".join(suggested) if suggested != words else None


def search_articles(query, synonyms=()):
    """Published articles matching ``query`` or its synonyms (never drafts, archived or
    scheduled ones)."""
    return matching(Article.objects.published(), query, alternatives(query, synonyms))


_TAG_RE = re.compile(r"<[^>]+>")


def snippet(article, query, width=220):
    """A short passage of the article around the first matching word, cut at word boundaries,
    with the words that match marked. Text and marks are escaped piece by piece, so a query can
    never mark (or break) the markup of an entity."""
    text = " ".join(unescape(_TAG_RE.sub(" ", f"{article.dek} {article.body}")).split())
    terms = terms_of(query)
    pattern = (
        re.compile(r"(?<!\w)(?:" + "|".join(re.escape(term) for term in terms) + r")\w*", re.I)
        if terms else None
    )  # fmt: skip
    first = pattern.search(text) if pattern else None
    start = max(first.start() - width // 3, 0) if first else 0
    if start:
        start = text.find(" ", start - 1) + 1 or start  # the beginning of a word
    end = start + width
    if end < len(text):
        end = text.rfind(" ", start, end + 1)
        end = end if end > start else start + width
    passage = text[start:end]
    parts, last = [], 0
    for match in pattern.finditer(passage) if pattern else ():
        parts += [escape(passage[last : match.start()]), f"<mark>{escape(match.group(0))}</mark>"]
        last = match.end()
    parts.append(escape(passage[last:]))
    html = ("… " if start else "") + "".join(parts) + (" …" if end < len(text) else "")
    return mark_safe(html)  # every piece of text escaped above; <mark> is ours
