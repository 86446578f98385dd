"""Personas and shared fixtures; the builders they use live in tests/factories.py."""

import os
from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.sites.models import Site
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.models import EDITORS_GROUP, MODERATORS_GROUP
from articles.models import Author
from articles.revisions import save_article
from comments import moderation
from comments.models import Comment, Sanction
from demo.images import hero_image, portrait
from tests.browser import launched_browser_page
from tests.factories import make_article, make_review, make_tag, make_user


@pytest.fixture
def reader(db):
    return make_user("reader")


@pytest.fixture
def editor(db):
    return make_user("editor", groups=[EDITORS_GROUP], staff=True)


@pytest.fixture
def moderator(db):
    return make_user("moderator", groups=[MODERATORS_GROUP], staff=True)


@pytest.fixture
def superuser(db):
    return make_user("admin", staff=True, superuser=True)


@pytest.fixture
def author(db):
    return Author.objects.create(
        name="Nadia Brooks",
        slug="nadia-brooks",
        credentials="PhD",
        short_bio="Nadia writes about sleep research.",
        full_bio="<p>Nadia spent ten years in a sleep laboratory.</p>",
    )


@pytest.fixture
def article(author):
    return make_article(author, title="Why do we yawn?", tags=[make_tag("Sleep")])


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and cached values never leak from one test into the next."""
    from django.core.cache import cache

    from articles.fragments import SEEN_AT
    from core.fragments import KEPT_HERE

    cache.clear()
    KEPT_HERE.clear()  # a new test database starts every generation again
    SEEN_AT.clear()  # and every article id again
    yield
    cache.clear()


@pytest.fixture
def cache_reads(monkeypatch):
    """Every read of several keys the fragments make (core/fragments.py), in order."""
    from django.core.cache import cache

    from core import fragments

    reads = []

    class Counted:  # the cache, counting its reads of several keys
        def __getattr__(self, name):
            return getattr(cache, name)

        def get_many(self, keys):
            reads.append(keys)
            return cache.get_many(keys)

    monkeypatch.setattr(fragments, "cache", Counted())
    return reads


@pytest.fixture
def commenter(db):
    return make_user("commenter")


@pytest.fixture
def regular(db):
    """A commenter with one approved comment behind them: past the trust ladder."""
    user = make_user("regular")
    other = make_article(Author.objects.create(name="X", slug="x", short_bio="x"))
    Comment.objects.create(
        article=other,
        author=user,
        body="Earlier.",
        status="approved",
        created_at=timezone.now() - timedelta(days=1),
    )
    return user


@pytest.fixture
def hidden_comment(article):
    author = make_user("claimant")
    comment = Comment.objects.create(
        article=article, author=author, body="Cure!", status="approved"
    )
    for name in ("f1", "f2", "f3"):
        moderation.flag(comment, make_user(name), "misinformation")
    comment.refresh_from_db()
    assert (comment.status, comment.hidden_by_flags) == ("pending", True)
    return comment


@pytest.fixture
def full_article(author, editor):
    reviewer = Author.objects.create(
        name="Omar Haddad", slug="omar-haddad", credentials="MD", short_bio="Omar is a GP."
    )
    article = make_article(
        author,
        title="What causes hiccups?",
        dek="Hiccups are a reflex. Here is what sets them off.",
        body="<p>The diaphragm spasms.</p><h2>Common triggers</h2><ul><li>Fizzy drinks</li></ul>"
        '<p>See also our post <a href="/articles/other/">on reflexes</a>.</p>',
        reviewer=reviewer,
        regularly_updated=True,
        hero_alt="A glass of sparkling water",
        hero_caption="Bubbles can set off hiccups.",
        hero_credit="© Ana Lind | Example Pictures",
        published_at=timezone.now() - timedelta(days=3 * 365),
        tags=[make_tag("Digestion"), make_tag("Reflexes")],
    )
    article.body += "<p>New 2026 section on persistent hiccups.</p>"
    save_article(
        article, editor=editor, change_note="Added advice on hiccups lasting over 48 hours."
    )
    make_review(article, reviewer, on=timezone.localdate() - timedelta(days=20))
    return article


@pytest.fixture
def redis_cache(settings):
    """Redis as the shared cache, as in production, under a key prefix of this test's own: test
    runs sharing one Redis never see each other's keys (never FLUSHDB). Skipped without Redis."""
    import uuid

    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip("Redis is not running")
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {"default": {"BACKEND": "config.cache.FailoverRedisCache",
                                   "LOCATION": url, "KEY_PREFIX": prefix}}  # fmt: skip
    yield client
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture
def dead_redis(settings):
    """Redis as the shared cache, pointing at a port where nothing listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.FailoverRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }  # Django's setting_changed handler rebuilds the cache connections for each change.


@pytest.fixture
def a11y_page(monkeypatch):
    """A browser page that lets axe-core be injected despite the site's strict CSP."""
    with launched_browser_page(monkeypatch, bypass_csp=True) as page:
        yield page


@pytest.fixture
def browser_page(monkeypatch):
    """A page in Debian's Chromium, driven by Playwright (skipped locally when it is missing)."""
    with launched_browser_page(monkeypatch) as page:
        yield page


@pytest.fixture
def queued_email(settings, monkeypatch):
    """The production set-up: email queued in the database, delivered by the worker."""
    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "email", "purge"],
        }
    }
    return settings


@pytest.fixture
def database_down(monkeypatch, client):
    """Every new query fails as it does when PostgreSQL is stopped. The test client answers
    with the site's error page instead of re-raising, as a real server would."""
    client.raise_request_exception = False
    Site.objects.get_current()  # cached in every running server before an outage

    def refuse(self, *args, **kwargs):
        raise OperationalError("connection refused: is the server running?")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)
    return monkeypatch


def named_patterns(patterns=None, namespace=None):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue  # the admin is walked model by model below
            yield from named_patterns(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


@pytest.fixture
def every_url(article, reader, moderator):
    comment = Comment.objects.create(article=article, author=reader, body="Hi.", status="approved")
    sanction = Sanction.objects.create(user=reader, reason="Test.", created_by=moderator)
    kwargs = {
        "articles:article_detail": {"slug": article.slug},
        "articles:tag_detail": {"slug": article.tags.get().slug},
        "articles:author_detail": {"slug": article.author.slug},
        "articles:page_detail": {"slug": "about"},
        "articles:tag_feed": {"slug": article.tags.get().slug},
        "articles:tag_feed_atom": {"slug": article.tags.get().slug},
        "articles:author_feed": {"slug": article.author.slug},
        "articles:author_feed_atom": {"slug": article.author.slug},
        "articles:article_update": {"slug": article.slug, "number": 1},
        "articles:article_updates_feed": {"slug": article.slug},
        "subscriptions:confirm": {"token": "not-a-token"},
        "subscriptions:manage": {"token": "not-a-token"},
        "subscriptions:unsubscribe": {"token": "not-a-token"},
        "comments:post": {"slug": article.slug},
        "comments:edit": {"pk": comment.pk},
        "comments:delete": {"pk": comment.pk},
        "comments:flag": {"pk": comment.pk},
        "moderation:queue": {"view": "flagged"},
        "moderation:comment": {"pk": comment.pk},
        "moderation:user": {"pk": reader.pk},
        "moderation:sanction": {"pk": reader.pk},
        "moderation:lift": {"pk": sanction.pk},
        "reviews:feedback_helpful": {"slug": article.slug},
        "reviews:feedback_report": {"slug": article.slug},
        "moderation:note": {"pk": comment.pk},
        "moderation:resources": {"pk": comment.pk},
        "moderation:remove_note": {"pk": comment.pk},
        "comments:support": {"pk": comment.pk},
        "comments:appeal": {"pk": 1},
        "account_confirm_email": {"key": "not-a-key"},
        "account_reset_password_from_key": {"uidb36": "1", "key": "not-a-key"},
        "articles:draft_share": {"token": "not-a-token"},
    }
    urls = {name: reverse(name, kwargs=kwargs.get(name)) for name in named_patterns()}
    for model in admin.site._registry:
        opts = model._meta
        urls[f"admin:{opts.app_label}_{opts.model_name}_changelist"] = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_changelist"
        )
    urls["admin:index"] = reverse("admin:index")
    urls["admin:revisions"] = reverse("admin:articles_article_revisions", args=[article.pk])
    return urls


@pytest.fixture
def illustrated(article, author):
    author.photo.save("nadia.jpg", portrait("nadia.jpg", "NB", "#2f6f6a"))
    article.hero_image.save(
        "hero.jpg", hero_image("hero.jpg", ["#264653", "#e9c46a"], "x"), save=False
    )
    article.hero_alt = "A gradient"
    save_article(article, change_note="Added a picture.")
    return article


@pytest.fixture
def clinician(db):
    user = make_user("drmaya", staff=True, groups=["Medical reviewers"])
    return Author.objects.create(
        name="Maya Okafor", slug="maya-okafor", credentials="MD, MPH",
        short_bio="A family physician.", user=user,
    )  # fmt: skip


@pytest.fixture
def varnish(live_server):
    """The shipped Varnish configuration, run by a real varnishd in front of ``live_server``."""
    from urllib.parse import urlsplit

    from tests.varnish import started_varnish

    address = urlsplit(live_server.url)
    running = started_varnish(address.hostname, address.port)
    yield running
    running.close()
