"""Loading the demo newsroom: users, authors, tags and articles with dated revision histories.
Used by ``manage.py seed_demo``; every step looks up what exists first, so reruns add nothing.
"""

from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.models import EDITORS_GROUP, MODERATORS_GROUP
from articles.models import Article, Author, Tag
from articles.revisions import save_article

from . import images as demo_images
from . import loader as demo_content
from .sources import cite_sources
from .synthetic import load_test_articles

DEMO_USERS = [
    # username, first name, last name, is_staff, is_superuser, groups
    ("reader", "Riley", "Reader", False, False, []),
    ("editor", "Eden", "Editor", True, False, [EDITORS_GROUP]),
    ("moderator", "Morgan", "Moderator", True, False, [MODERATORS_GROUP]),
    ("reviewer", "Maya", "Okafor", True, False, ["Medical reviewers"]),
    ("admin", "Ada", "Admin", True, True, []),
]


def aware(day, hour=9):
    """A date ("YYYY-MM-DD", or "tomorrow" for a scheduled article) in the site's time zone."""
    when = (
        timezone.localdate() + timedelta(days=1) if day == "tomorrow" else date.fromisoformat(day)
    )
    return timezone.make_aware(datetime.combine(when, time(hour)))


def ensure_user(username, password, *, first_name="", last_name="", is_staff=False,
                is_superuser=False, groups=()):  # fmt: skip
    """Create a user with a verified email address, or leave an existing one as it is."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@example.com",
            "first_name": first_name,
            "last_name": last_name,
            "is_staff": is_staff,
            "is_superuser": is_superuser,
        },
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
        user.groups.set(Group.objects.filter(name__in=groups))
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user, created


def seed_users(password):
    users = {}
    for username, first, last, staff, superuser, groups in DEMO_USERS:
        users[username], _ = ensure_user(
            username, password, first_name=first, last_name=last, is_staff=staff,
            is_superuser=superuser, groups=groups,
        )  # fmt: skip
    return users


def seed_authors():
    authors = {}
    for data in demo_content.AUTHORS:
        author, created = Author.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "credentials": data["credentials"],
                "short_bio": data["short_bio"],
                "full_bio": data["full_bio"],
            },
        )
        if created or not author.photo:
            initials = "".join(part[0] for part in data["name"].split()[:2]).upper()
            author.photo.save(
                f"{data['slug']}.jpg",
                demo_images.portrait(f"{data['slug']}.jpg", initials, data["photo_color"]),
            )
        authors[data["slug"]] = author
    return authors


def seed_tags():
    tags = {}
    for data in demo_content.TAGS:
        tags[data["slug"]], _ = Tag.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"], "description": data["description"]}
        )
    return tags


def seed_article(data, *, authors, tags, editor):
    """Create one demo article and replay its revision history, unless it already exists."""
    if Article.objects.filter(slug=data["slug"]).exists():
        return None
    published = aware(data["published"])
    article = Article(
        slug=data["slug"],
        title=data["title"],
        dek=data["dek"],
        body=data["body"],
        author=authors[data["author"]],
        reviewer=authors[data["reviewer"]] if data.get("reviewer") else None,
        status=Article.Status.PUBLISHED,
        published_at=published,
        featured=data.get("featured", False),
        regularly_updated=data.get("regularly_updated", False),
        hero_alt=data["hero_alt"],
        hero_caption=data["hero_caption"],
        hero_credit=data["hero_credit"],
    )
    article.hero_image.save(
        f"{data['slug']}.jpg",
        demo_images.hero_image(f"{data['slug']}.jpg", data["hero_colors"], data["slug"]),
        save=False,
    )
    save_article(
        article,
        editor=editor,
        change_note="First published.",
        tags=[tags[slug] for slug in data["tags"]],
        at=min(published, timezone.now()),
    )

    for step in data.get("revisions", []):
        for old, new in step.get("replace", []):
            if article.body.count(old) != 1:
                raise ValueError(f"{data['slug']}: revision text {old[:40]!r} is not unique.")
            article.body = article.body.replace(old, new)
        article.title = step.get("title", article.title)
        article.dek = step.get("dek", article.dek)
        save_article(
            article,
            editor=editor,
            change_note=step["note"],
            minor=step["minor"],
            at=aware(step["date"], 15),
        )
    if data.get("sources"):
        cite_sources(article, data, editor=editor)
    return article


def seed_articles(*, authors, tags, editor):
    return [
        article
        for data in demo_content.ARTICLES
        if (article := seed_article(data, authors=authors, tags=tags, editor=editor))
    ]


@transaction.atomic
def seed(*, password=None, synthetic_articles=0):
    """Load the whole demo; returns counts of what was created this time."""
    password = password or settings.DEMO_PASSWORD
    users = seed_users(password)
    authors = seed_authors()
    tags = seed_tags()
    articles = seed_articles(authors=authors, tags=tags, editor=users["editor"])
    synthetic = load_test_articles(
        synthetic_articles, authors=authors, tags=tags, editor=users["editor"]
    )
    return {"users": users, "articles": len(articles), "synthetic_articles": synthetic}
