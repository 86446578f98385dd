"""Synthetic published articles for load tests (``seed_demo --articles N``), inserted in bulk so
that 100,000 take minutes, each with the revision, topics and search vector an editor's save
would have given it."""

from datetime import timedelta

from django.utils import timezone

from articles.caching import FEEDS, HEADLINES, LISTING, TOPICS
from articles.models import Article, Revision
from articles.revisions import snapshot
from articles.search import refresh_index
from core.cache_tags import changed

from . import loader as demo_content

BATCH = 2000


def load_test_articles(count, *, authors, tags, editor):
    """Add ``count`` articles; numbering continues on re-runs. Returns how many were added."""
    author_list, tag_list = list(authors.values()), list(tags.values())
    start = Article.objects.filter(slug__startswith="load-test-article-").count()
    base = timezone.now() - timedelta(days=1)
    for first in range(start + 1, start + count + 1, BATCH):
        numbers = range(first, min(first + BATCH, start + count + 1))
        _insert(numbers, author_list, tag_list, editor, base)
    if count:
        # Bulk inserts send no signals: every list and topic page shows the new articles.
        changed(LISTING, TOPICS, HEADLINES, FEEDS, *author_list, *tag_list)
    return count


def _insert(numbers, authors, tags, editor, base):
    now = timezone.now()
    articles, topics = [], {}
    for number in numbers:
        published_at = base - timedelta(minutes=number)
        article = Article(
            slug=f"load-test-article-{number}",
            title=f"Load-test article {number}: what does a busy page cost?",
            dek="A synthetic article for load testing.",
            body=demo_content.SYNTHETIC_BODY,
            author=authors[number % len(authors)],
            status=Article.Status.PUBLISHED,
            published_at=published_at,
            updated_at=published_at,
            went_live_at=published_at,  # nothing left to announce
            version=1,
        )
        articles.append(article)
        topics[article.slug] = {tags[number % len(tags)], tags[(number * 7) % len(tags)]}
    Article.objects.bulk_create(articles)
    if articles[0].pk is None:  # a database that does not return new keys
        ids = dict(Article.objects.filter(slug__in=topics).values_list("slug", "pk"))
        for article in articles:
            article.pk = ids[article.slug]
    Article.tags.through.objects.bulk_create(
        Article.tags.through(article_id=article.pk, tag_id=tag.pk)
        for article in articles
        for tag in topics[article.slug]
    )
    Revision.objects.bulk_create(
        Revision(
            article=article,
            number=1,
            created_at=now,
            editor=editor,
            change_note="Generated for load testing.",
            snapshot=snapshot(article, tags=topics[article.slug], related=[]),
        )  # fmt: skip
        for article in articles
    )
    refresh_index(Article.objects.filter(pk__in=[article.pk for article in articles]))
