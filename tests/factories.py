"""Builders for test data: users with a verified email, tags and articles with a revision."""

import itertools
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from articles.models import Article, Tag
from articles.revisions import save_article
from reviews.models import MedicalReview

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
    save_article(article, change_note="First published.", tags=tags)
    return article


def make_review(article, reviewer, *, on=None, outcome="no_changes", notes=""):
    """A medical review of the article's latest revision."""
    return MedicalReview.objects.create(
        article=article,
        reviewer=reviewer,
        reviewed_on=on or timezone.localdate(),
        outcome=outcome,
        notes=notes,
        revision=article.revisions.order_by("-number").first(),
    )
