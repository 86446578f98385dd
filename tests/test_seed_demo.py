"""``manage.py seed_demo``: a realistic, original demo that is safe to load twice."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db.models import Count

from accounts.models import User
from articles.models import Article, Author, Revision, Tag
from comments.models import Comment, Flag, Sanction

pytestmark = pytest.mark.django_db

COUNTED = (User, Author, Tag, Article, Revision, Comment, Flag, Sanction)


def seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_seed_demo_loads_a_realistic_newsroom_and_is_idempotent(settings, client):
    output = seed()
    first = counts()
    assert "Demo users (password: healthdemo-2026)" in output
    assert seed() and counts() == first  # a second run creates nothing

    published = Article.objects.published()
    assert published.count() >= 8
    assert Tag.objects.filter(articles__in=published).distinct().count() >= 6
    authors = Author.objects.filter(articles__in=published).distinct()
    assert authors.count() >= 3
    assert all(a.credentials and a.short_bio and a.full_bio and a.photo for a in authors)
    assert all(article.hero_image and article.hero_alt for article in published)

    old = published.filter(regularly_updated=True, published_at__year__lte=2018)
    assert old.exists()
    history = Revision.objects.filter(article=old.first())
    assert history.filter(is_minor=True).exists() and history.filter(is_minor=False).count() >= 2
    article = old.first()
    assert article.updated_at > article.published_at  # substantive updates moved the date
    html = client.get(article.get_absolute_url()).content.decode()
    assert f"Originally published in {article.published_at.year}" in html
    assert "Update history" in html

    for username in ("reader", "editor", "moderator", "admin"):
        user = authenticate(username=username, password=settings.DEMO_PASSWORD)
        assert user is not None, username
        assert user.emailaddress_set.get().verified
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="editor").groups.filter(name="Editors").exists()

    assert Comment.objects.filter(status="pending").count() >= 3
    assert Comment.objects.filter(status="approved", replies__isnull=False).exists()
    assert (
        Flag.objects.filter(reason="misinformation")
        .values("comment")
        .annotate(n=Count("pk"))
        .filter(n__gte=2)
        .exists()
    )
    assert Sanction.objects.active().filter(until__isnull=True).exists()


def test_seed_demo_adds_synthetic_volume(settings):
    seed()
    before = counts()
    seed("--articles", "7", "--comments", "12")
    after = counts()
    assert after["Article"] == before["Article"] + 7
    assert after["Comment"] == before["Comment"] + 12
    assert after["Revision"] == before["Revision"] + 7
    seed("--articles", "2")
    assert Article.objects.filter(slug="load-test-article-9").exists()


def test_seed_demo_refuses_negative_numbers():
    with pytest.raises(CommandError, match="--articles must be zero or a positive number."):
        seed("--articles", "-1")
    assert not Article.objects.exists()
