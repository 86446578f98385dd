"""Readers who follow an article, a topic or an author by email, and what they were sent.

An address (``Subscriber``) follows things (``Subscription``), each confirmed by a link sent to
the address (double opt-in). Each substantive public update or new article is a ``Notice``; a
``Delivery`` row per (subscriber, notice), created idempotently and marked sent in the same
transaction as its queued email, is what makes sending resumable after a crash with nobody
emailed twice.
"""

import secrets

from django.db import models
from django.db.models import Q

from articles.models import Article, Author, Revision, Tag


def new_key():
    return secrets.token_urlsafe(24)


class Subscriber(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATELY = "immediately", "Immediately, one email per update"
        WEEKLY = "weekly", "A weekly digest"

    email = models.EmailField(unique=True, help_text="Stored lower-case.")
    # The secret behind every link we email (signed on top): confirm, manage, unsubscribe.
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    frequency = models.CharField(max_length=12, choices=Frequency.choices,
                                 default=Frequency.IMMEDIATELY)  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.email


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Subscription(models.Model):
    """One thing an address follows: exactly one of an article, a tag or an author."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE,
                                   related_name="subscriptions")  # fmt: skip
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="subscriptions")  # fmt: skip
    tag = models.ForeignKey(Tag, null=True, blank=True, on_delete=models.CASCADE,
                            related_name="subscriptions")  # fmt: skip
    author = models.ForeignKey(Author, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="subscriptions")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="subscription_follows_one_thing",
                condition=(
                    Q(article__isnull=False, tag__isnull=True, author__isnull=True)
                    | Q(article__isnull=True, tag__isnull=False, author__isnull=True)
                    | Q(article__isnull=True, tag__isnull=True, author__isnull=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["subscriber", "article"],
                name="subscription_article",
                condition=Q(article__isnull=False),
            ),  # fmt: skip
            models.UniqueConstraint(
                fields=["subscriber", "tag"],
                name="subscription_tag",
                condition=Q(tag__isnull=False),
            ),  # fmt: skip
            models.UniqueConstraint(
                fields=["subscriber", "author"],
                name="subscription_author",
                condition=Q(author__isnull=False),
            ),  # fmt: skip
        ]

    def __str__(self):
        return f"{self.subscriber} follows {self.followed}"

    @property
    def followed(self):
        return self.article or self.tag or self.author

    @property
    def description(self):
        if self.article_id:
            return f"Updates to “{self.article.title}”"
        if self.tag_id:
            return f"New articles and updates on {self.tag.name}"
        return f"New articles and updates by {self.author.name}"


class Notice(models.Model):
    """Something followers hear about: a substantive public update, or a new article."""

    class Kind(models.TextChoices):
        UPDATED = "updated", "Update"
        PUBLISHED = "published", "New article"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="notices")
    # The update (None for a new article: it is announced as it is when readers open it).
    revision = models.ForeignKey(Revision, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="notices")  # fmt: skip
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    # When every follower's delivery row was created (None: still to do, or interrupted).
    fanned_out_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision"], name="notice_once_per_update", condition=Q(kind="updated")
            ),  # fmt: skip
            models.UniqueConstraint(
                fields=["article"], name="notice_once_per_article", condition=Q(kind="published")
            ),  # fmt: skip
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article}"


class Delivery(models.Model):
    """One subscriber told about one notice: created once, marked sent with its queued email."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE,
                                   related_name="deliveries")  # fmt: skip
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="deliveries")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "notice"], name="delivery_once"),
        ]
        indexes = [
            # The sender's "deliveries still to send", oldest first.
            models.Index(
                fields=["id"], name="delivery_unsent_idx", condition=Q(sent_at__isnull=True)
            ),  # fmt: skip
        ]

    def __str__(self):
        return f"{self.notice} → {self.subscriber}"
