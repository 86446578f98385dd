from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from core.sanitizer import render_comment

from .policy import MAX_DEPTH


class ModerationSettings(models.Model):
    """The comment policy's knobs, edited by staff in the admin; one row (pk=1)."""

    require_verified_email = models.BooleanField(default=True)
    approvals_before_trusted = models.PositiveSmallIntegerField(
        default=1,
        help_text="A user's comments are held until this many of theirs have been approved.",
    )
    rejection_rate_limit = models.PositiveSmallIntegerField(
        default=50,
        validators=[MaxValueValidator(100)],
        help_text="Hold again when at least this percentage of the user's recent decided "
        "comments were rejected or spam.",
    )
    rejection_rate_window = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(1)],
        help_text="How many of the user's most recent decided comments count for that rate.",
    )  # fmt: skip
    hold_at_links = models.PositiveSmallIntegerField(
        default=2, validators=[MinValueValidator(1)],
        help_text="Hold a comment with this many links or more.",
    )  # fmt: skip
    suspect_words = models.TextField(
        blank=True,
        help_text="One word or phrase per line. A comment containing one is held for review.",
    )
    blocked_words = models.TextField(
        blank=True,
        help_text="One word or phrase per line. A comment containing one is rejected as spam.",
    )
    duplicate_window_hours = models.PositiveSmallIntegerField(
        default=24, help_text="Refuse a copy of the user's own comment from this many hours."
    )
    rate_limit_count = models.PositiveSmallIntegerField(
        default=5, validators=[MinValueValidator(1)]
    )
    rate_limit_minutes = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(1)]
    )
    min_length = models.PositiveSmallIntegerField(default=2, validators=[MinValueValidator(1)])
    max_length = models.PositiveIntegerField(default=5000, validators=[MaxValueValidator(20000)])
    flag_threshold = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1)],
        help_text="Hide a comment for review when this many readers have flagged it.",
    )  # fmt: skip
    edit_window_minutes = models.PositiveSmallIntegerField(default=15)

    class Meta:
        verbose_name = "moderation settings"
        verbose_name_plural = "moderation settings"

    def __str__(self):
        return "Comment moderation settings"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        settings_row, _ = cls.objects.get_or_create(pk=1)
        return settings_row

    @staticmethod
    def _lines(text):
        return [line.strip().lower() for line in text.splitlines() if line.strip()]

    @property
    def suspect_word_list(self):
        return self._lines(self.suspect_words)

    @property
    def blocked_word_list(self):
        return self._lines(self.blocked_words)


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
            models.Index(fields=["author", "-created_at"], name="comment_author_recent_idx"),
        ]

    def __str__(self):
        return f"{self.author_name} on “{self.article}” ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        self.body_html = render_comment(self.body)
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

    def is_readable_by(self, user):
        return self.status == self.Status.APPROVED or (
            user.is_authenticated and self.author_id == user.pk
        )

    def is_editable_by(self, user, *, window_minutes):
        return (
            user.is_authenticated
            and self.author_id == user.pk
            and self.status in (self.Status.APPROVED, self.Status.PENDING)
            and timezone.now() - self.created_at <= timedelta(minutes=window_minutes)
        )

    def moderation_url(self):
        return reverse("moderation:comment", args=[self.pk])


class Flag(models.Model):
    class Reason(models.TextChoices):
        MISINFORMATION = "misinformation", "Medical misinformation"
        ABUSE = "abuse", "Abuse or harassment"
        SPAM = "spam", "Spam"
        OFF_TOPIC = "off_topic", "Off-topic"
        OTHER = "other", "Other"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="one_flag_per_user"),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} flag on comment {self.comment_id}"


class SanctionQuerySet(models.QuerySet):
    def active(self):
        now = timezone.now()
        return self.filter(lifted_at__isnull=True).filter(Q(until__isnull=True) | Q(until__gt=now))


class Sanction(models.Model):
    """A ban (no end) or suspension (until a time) from commenting."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions"
    )
    until = models.DateTimeField(null=True, blank=True, help_text="Empty means banned for good.")
    reason = models.CharField(max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SanctionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} of {self.user}"

    @property
    def kind(self):
        return "ban" if self.until is None else "suspension"

    def describe(self):
        if self.until is None:
            return "You are banned from commenting"
        ends = timezone.localtime(self.until)
        return f"You are suspended from commenting until {ends:%B %-d, %Y %H:%M}"


class ModerationLog(models.Model):
    """Every automatic and human moderation decision, with who or which rule, and why."""

    class Action(models.TextChoices):
        APPROVE = "approve", "Approved"
        HOLD = "hold", "Held for review"
        REJECT = "reject", "Rejected"
        SPAM = "spam", "Marked as spam"
        REMOVE = "remove", "Removed"
        RESTORE = "restore", "Restored"
        REFUSE = "refuse", "Refused (not stored)"
        FLAG = "flag", "Flagged"
        AUTO_HIDE = "auto_hide", "Hidden by flags"
        DISMISS_FLAGS = "dismiss_flags", "Flags dismissed"
        SUSPEND = "suspend", "User suspended"
        BAN = "ban", "User banned"
        LIFT = "lift", "Ban or suspension lifted"
        EDIT = "edit", "Edited by author"
        DELETE = "delete", "Deleted by author"

    created_at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=20, choices=Action.choices)
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.SET_NULL, related_name="log"
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_log",
        help_text="The commenter the decision is about.",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the policy decided automatically.",
    )
    rule = models.CharField(max_length=40, blank=True, help_text="The policy rule, if automatic.")
    reason = models.CharField(max_length=500, blank=True)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_action_display()} by {self.decided_by}"

    @property
    def decided_by(self):
        if self.actor_id:
            return self.actor.display_name
        return f"policy ({self.rule})" if self.rule else "system"
