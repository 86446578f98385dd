"""The moderation policy's settings, bans and suspensions, and the log of every decision."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone


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
    on_call = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name="on-call moderators",
        help_text="Emailed at once when a comment reads like a crisis. When empty, every "
        "moderator is.",
    )

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


class SanctionQuerySet(models.QuerySet):
    def active(self):
        """In SQL, what ``Sanction.is_active`` says in Python."""
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
    def is_active(self):
        """Not lifted, and either a ban or a suspension that has not ended."""
        return self.lifted_at is None and (self.until is None or self.until > timezone.now())

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
        NOTE = "note", "Editor's note added"
        NOTE_EDIT = "note_edit", "Editor's note changed"
        NOTE_REMOVE = "note_remove", "Editor's note removed"
        RESOURCES = "resources", "Support resources sent privately"

    created_at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=20, choices=Action.choices)
    comment = models.ForeignKey(
        "Comment", null=True, blank=True, on_delete=models.SET_NULL, related_name="log"
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
    clause = models.CharField(
        max_length=200, blank=True, help_text="The Comments Policy clause the decision rests on."
    )
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


# Decisions that limit what a person can say: each is a statement of reasons the person sees
# on their account page, keeps after a reversal, and may appeal once.
LIMITING_ACTIONS = ("hold", "reject", "spam", "remove", "auto_hide", "suspend", "ban")


class Appeal(models.Model):
    """A commenter's one appeal against one limiting decision, and the moderators' answer."""

    decision = models.OneToOneField(ModerationLog, on_delete=models.CASCADE, related_name="appeal")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appeals"
    )
    text = models.TextField(max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(blank=True, help_text="Sent to the commenter and shown to them.")
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Appeal by {self.user} against decision {self.decision_id}"
