"""Builders for test data: users with a verified email, tags and articles with a revision."""

import itertools
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from articles.models import Article, Tag
from articles.revisions import save_article
from comments.models import Comment, Flag, Sanction
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


# -- comments and moderation -----------------------------------------------------------------

_people = itertools.count(1)


def make_comment(article, author, body, status="pending", *, parent=None, minutes_ago=0):
    return Comment.objects.create(
        article=article,
        author=author,
        body=body,
        status=status,
        parent=parent,
        created_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


def someone(prefix="someone"):
    """A fresh commenter, so no item's "recent other comments" repeat another item's body."""
    return make_user(f"{prefix}{next(_people)}")


def flag_it(comment, reason="spam", note="", *, by=None, dismissed=False):
    """A flag made directly (setup): the workflow only accepts approved comments."""
    return Flag.objects.create(
        comment=comment,
        user=by or someone("flagger"),
        reason=reason,
        note=note,
        dismissed_at=timezone.now() if dismissed else None,
    )


def fill_queue(article, count, moderator):
    """``count`` pending replies and ``count`` flagged approved comments (one misinformation),
    each by a different author with a history, an active suspension for some, and a rejected
    comment each, so every queue view has ``count`` or more items."""
    flaggers = [someone("qflagger") for _ in range(2)]
    for number in range(count):
        author = someone("qauthor")
        parent = make_comment(article, someone("qparent"), "A parent.", status="approved")
        make_comment(article, author, "Earlier, approved.", status="approved", minutes_ago=60)
        rejected = make_comment(article, author, "Earlier, rejected.", status="rejected",
                                minutes_ago=50)  # fmt: skip
        Comment.objects.filter(pk=rejected.pk).update(decided_by=moderator,
                                                      decided_at=timezone.now())  # fmt: skip
        make_comment(article, author, "A pending reply.", parent=parent, minutes_ago=10)
        flagged = make_comment(article, author, "A flagged comment.", status="approved",
                               minutes_ago=5)  # fmt: skip
        flag_it(flagged, "misinformation", "Unproven.", by=flaggers[0])
        flag_it(flagged, "spam", by=flaggers[1])
        if number % 3 == 0:
            Sanction.objects.create(user=author, reason="Insults.", created_by=moderator)


def hide_by_flags(comment, reasons=("abuse", "abuse", "abuse")):
    """Three readers flag an approved comment through the workflow: it is hidden for review."""
    from comments import moderation

    for reason in reasons:
        moderation.flag(comment, someone("reader"), reason, "")
    comment.refresh_from_db()
    assert comment.status == "pending" and comment.hidden_by_flags
    return comment


def article_html(client, article):
    """The public article page as an anonymous reader sees it."""
    client.logout()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def order_in(html, *texts):
    return sorted(texts, key=html.index)


def last_log(comment):
    return comment.log.order_by("-id").first()
