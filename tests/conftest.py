"""Personas and small factories shared by every test."""

import itertools
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import EDITORS_GROUP, MODERATORS_GROUP, User
from articles.models import Article, Author, Tag

PASSWORD = "correct-horse-battery"
_numbers = itertools.count(1)


def make_user(username, *, groups=(), staff=False, superuser=False, verified=True):
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.com",
        password=PASSWORD,
        is_staff=staff,
        is_superuser=superuser,
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    return user


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


def make_tag(name=None):
    number = next(_numbers)
    name = name or f"Topic {number}"
    return Tag.objects.create(name=name, slug=f"topic-{number}")


def make_article(author, *, title=None, tags=(), status=Article.Status.PUBLISHED, **fields):
    number = next(_numbers)
    defaults = {
        "title": title or f"Does topic {number} matter?",
        "slug": f"article-{number}",
        "dek": "A short summary of the piece.",
        "body": "<p>First paragraph of the body.</p><h2>A section</h2><p>More text.</p>",
        "author": author,
        "status": status,
        "published_at": timezone.now() - timedelta(days=30)
        if status == Article.Status.PUBLISHED
        else None,
    }
    defaults.update(fields)
    article = Article(**defaults)
    with article.one_revision():
        article.save(change_note="First published.")
        article.tags.set(tags)
    return article


@pytest.fixture
def article(author):
    return make_article(author, title="Why do we yawn?", tags=[make_tag("Sleep")])


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and cached values never leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
