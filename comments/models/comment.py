"""Comments: threads of replies on an article, and the queries the page and the queue use."""

from django.conf import settings
from django.db import models
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from core.sanitizer import render_comment

from .. import caching
from ..policy import MAX_DEPTH, in_edit_window, text_fingerprint
from .flag import Flag


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def visible_to(self, user):
        """What ``user`` may read in full: approved comments and their own, whatever the status."""
        visible = Q(status=Comment.Status.APPROVED)
        if user.is_authenticated:
            visible |= Q(author=user)
        return self.filter(visible)

    def in_threads(self, root_ids):
        """Whole threads: the top-level comments and every reply under them."""
        return self.filter(Q(pk__in=root_ids) | Q(thread_id__in=root_ids))

    # -- the moderation queue ------------------------------------------------------------------

    def with_flag_state(self):
        open_flags = Flag.objects.filter(comment=OuterRef("pk"), dismissed_at__isnull=True)
        return self.annotate(
            has_open_flags=Exists(open_flags),
            has_misinformation=Exists(open_flags.filter(reason=Flag.Reason.MISINFORMATION)),
            open_flag_count=Coalesce(
                Subquery(
                    open_flags.order_by().values("comment").annotate(n=Count("pk")).values("n"),
                    output_field=IntegerField(),
                ),
                0,
            ),
        )

    def queue_counts(self):
        """The number of comments in every queue view, in one query."""
        return self.with_flag_state().aggregate(
            **{name: Count("pk", filter=rule) for name, rule in QUEUE_FILTERS.items()},
            pending_and_flagged=Count(
                "pk", filter=QUEUE_FILTERS["pending"] & Q(has_open_flags=True)
            ),
        )

    def in_queue(self, view, viewer=None):
        """One queue view, with everything an item shows loaded in a fixed number of queries.
        First a crisis waiting for a moderator, then (for a clinician who moderates) held
        treatment claims on the articles they reviewed, then misinformation flags."""
        pending = Q(status=Comment.Status.PENDING)
        urgent_first = Case(When(pending & Q(urgent=True), then=0), default=1)
        ordering = [urgent_first]
        if viewer is not None and viewer.is_authenticated:
            for_viewer = pending & Q(
                signals__icontains="medical_claim", article__reviewer__user_id=viewer.pk
            )
            ordering.append(Case(When(for_viewer, then=0), default=1))
        ordering.append(F("has_misinformation").desc())
        if view == "flagged":
            ordering.append(F("open_flag_count").desc())
        open_flags = Flag.objects.filter(dismissed_at__isnull=True).select_related("user")
        return (
            self.with_flag_state()
            .filter(QUEUE_FILTERS[view])
            .select_related("article__reviewer", "author", "parent__author", "decided_by")
            .defer("article__body")
            .prefetch_related(
                Prefetch(
                    "flags", queryset=open_flags.order_by("created_at", "id"), to_attr="open_flags"
                )
            )  # fmt: skip
            .order_by(*ordering, "created_at", "id")
        )

    def thread_starters_for(self, user):
        """Top-level comments worth showing to ``user``: readable ones, and any other whose
        thread has a published reply (shown as a placeholder that keeps the replies readable)."""
        published_reply = Comment.objects.filter(
            thread_id=OuterRef("pk"), status=Comment.Status.APPROVED
        )
        return self.filter(parent__isnull=True).filter(
            Q(pk__in=self.visible_to(user).values("pk")) | Q(Exists(published_reply))
        )


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SPAM = "spam", "Spam"
        REMOVED = "removed", "Removed"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # The top-level comment of the thread (None for a top-level comment): loads whole threads in
    # one query.
    thread = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(default=1)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    legacy_author_name = models.CharField(
        max_length=120, blank=True, help_text="For imported comments with no user account."
    )
    body = models.TextField()
    body_html = models.TextField(editable=False)
    # The duplicate rule's digest of the text (policy.text_fingerprint), set with body_html.
    body_fingerprint = models.CharField(
        max_length=32, blank=True, default="", db_default="", editable=False
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.CharField(max_length=300, blank=True)
    hidden_by_flags = models.BooleanField(
        default=False, help_text="Held for review after reaching the flag threshold."
    )
    # What the policy noticed when the comment was last posted or edited: stable codes
    # ("medical_claim", "crisis", "link" …) and the words that matched, shown in the queue.
    signals = models.JSONField(default=list, blank=True)
    matched_phrases = models.JSONField(default=list, blank=True)
    urgent = models.BooleanField(
        default=False, help_text="Reads like a crisis: first in the queue until decided."
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        permissions = [("moderate_comment", "Can work the moderation queue")]
        indexes = [
            # The article page: approved top-level comments of an article, oldest first.
            models.Index(fields=["article", "status", "created_at"], name="comment_article_idx"),
            # The moderation queue: pending comments, oldest first.
            models.Index(
                fields=["created_at"],
                name="comment_pending_idx",
                condition=Q(status="pending"),
            ),
            # The policy: a user's recent comments (rate limit, duplicates, trust ladder).
            models.Index(fields=["author", "-created_at", "-id"], name="comment_author_recent_idx"),
            # The duplicate rule: a user's comments with the same text.
            models.Index(fields=["author", "body_fingerprint"], name="comment_author_text_idx"),
        ]

    def __str__(self):
        return f"{self.author_name} on “{self.article}” ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        self.body_html = render_comment(self.body)
        self.body_fingerprint = text_fingerprint(self.body) if self.body else ""
        if (fields := kwargs.get("update_fields")) is not None and "body" in fields:
            kwargs["update_fields"] = {*fields, "body_html", "body_fingerprint"}
        caching.changed(self.article_id)
        if self.parent_id and self.parent:
            self.thread_id = self.parent.thread_id or self.parent_id
            self.depth = self.parent.depth + 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def author_name(self):
        if self.author_id:
            return self.author.display_name
        return self.legacy_author_name or "Former member"

    @property
    def anchor(self):
        return f"comment-{self.pk}"

    @property
    def can_have_replies(self):
        return self.depth < MAX_DEPTH

    def is_authored_by(self, user):
        """Whether ``user`` wrote this comment: never for an anonymous reader, nor for a comment
        with no account behind it (deleted or imported), since two missing ids are no one."""
        return self.author_id is not None and user.is_authenticated and self.author_id == user.pk

    def is_readable_by(self, user):
        return self.status == self.Status.APPROVED or self.is_authored_by(user)

    def is_editable_by(self, user, rules):
        """The author, within the policy's edit window, on a comment not yet decided against."""
        return (
            self.is_authored_by(user)
            and self.status in (self.Status.APPROVED, self.Status.PENDING)
            and in_edit_window(self.created_at, timezone.now(), rules)
        )

    def moderation_url(self):
        return reverse("moderation:comment", args=[self.pk])


# What each moderation queue view shows. Flagged: open flags on a comment readers can see, or
# that their flags hid; once rejected, spam or removed, its flags need no decision.
QUEUE_FILTERS = {
    "pending": Q(status="pending"),
    "flagged": Q(has_open_flags=True, status__in=["pending", "approved"]),
    "rejected": Q(status__in=["rejected", "spam"]),
    "all": Q(pk__isnull=False),
}
