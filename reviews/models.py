from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Author, Revision
from core.fields import PlainTextField


def clinician_of(user):
    """The clinician (an author with credentials) ``user`` logs in as, or None. A review is
    always recorded by the clinician it names, so this is the only reviewer a user can be."""
    if user is None or not user.is_authenticated:
        return None
    return Author.objects.exclude(credentials="").filter(user=user).first()


class MedicalReview(models.Model):
    """One clinician's review of one revision of an article. Append-only: a later review is a
    new record, so the history of who checked what, and when, is never rewritten. Recorded
    only by the clinician it names, logged in as themselves (``clinician_of``)."""

    class Outcome(models.TextChoices):
        NO_CHANGES = "no_changes", "No changes needed"
        UPDATED = "updated", "Updated after review"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="medical_reviews")
    reviewer = models.ForeignKey(
        Author,
        on_delete=models.PROTECT,
        related_name="medical_reviews",
        help_text="The clinician who reviewed the article (an author with credentials).",
    )
    reviewed_on = models.DateField(default=timezone.localdate)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    notes = PlainTextField(blank=True, help_text="For the newsroom; never shown to readers.")
    revision = models.ForeignKey(
        Revision,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The revision the reviewer read: later substantive edits need a new review.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        indexes = [
            # The latest review of an article (article page, dashboard, reminders).
            models.Index(fields=["article", "-reviewed_on", "-id"], name="review_latest_idx"),
        ]

    def __str__(self):
        return f"Review of “{self.article}” by {self.reviewer.byline} on {self.reviewed_on}"

    def get_absolute_url(self):
        return reverse("admin:reviews_medicalreview_change", args=[self.pk])


class ReviewReminder(models.Model):
    """A reminder sent to a reviewer about one article's due date. Unique per article, kind and
    due date, so running the daily job twice never sends the same reminder twice."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "Due soon"
        DUE = "due", "Due"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    reviewer = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    due_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "kind", "due_on"], name="one_reminder_per_due_date"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} reminder for “{self.article}” ({self.due_on})"


class ReaderFeedbackQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Editors see every article's feedback; a medical reviewer, that of the articles they
        are the assigned reviewer of."""
        if user.has_perm("articles.change_article"):
            return self
        return self.filter(article__reviewer__user=user) if user.pk else self.none()

    def open_reports(self):
        return self.filter(kind=ReaderFeedback.Kind.REPORT, handled_at=None)


class ReaderFeedback(models.Model):
    """What a reader told the newsroom about an article: helpful or not, or a report of
    out-of-date or wrong information. Private: never shown on a public page."""

    class Kind(models.TextChoices):
        HELPFUL = "helpful", "Helpful"
        NOT_HELPFUL = "not_helpful", "Not helpful"
        REPORT = "report", "Out-of-date or wrong information"

    class Resolution(models.TextChoices):
        UPDATED = "updated", "Article updated"
        NO_CHANGE = "no_change", "No change needed"
        NOT_ACTIONABLE = "not_actionable", "Not actionable (unclear or spam)"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="reader_feedback")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    message = PlainTextField(blank=True, max_length=2000)
    # A keyed hash of the reader's network address and the day: enough to limit how often one
    # reader can send feedback, not enough to recognise them tomorrow.
    reader_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    resolution = models.CharField(max_length=16, choices=Resolution.choices, blank=True)
    handling_note = PlainTextField(blank=True, help_text="For the newsroom: what was done.")
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   editable=False)  # fmt: skip
    handled_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ReaderFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = "reader feedback"
        verbose_name_plural = "reader feedback"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["article", "kind", "handled_at"], name="feedback_article_idx"),
            models.Index(fields=["reader_hash", "created_at"], name="feedback_rate_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on “{self.article}”"

    def get_absolute_url(self):
        return reverse("admin:reviews_readerfeedback_change", args=[self.pk])

    @property
    def is_handled(self):
        return self.handled_at is not None


class ReviewNote(models.Model):
    """An editor's internal note about an article's medical review ("Dr Okafor checked this by
    phone on Monday"). For the newsroom only: it never reaches the public "Medically reviewed
    by" line, which only a ``MedicalReview`` recorded by the clinician themselves can change."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="review_notes")
    text = PlainTextField(max_length=1000, help_text="For the newsroom; never shown to readers.")
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-written_at", "-id"]

    def __str__(self):
        return f"Note on “{self.article}”"


class SignOff(models.Model):
    """A clinician's sign-off on a substantive draft of an article they are named on: sent by
    an editor, decided (approved, or changes requested with a note) only by that clinician,
    logged in as themselves. When the approved content is published, a ``MedicalReview`` of
    exactly that revision is recorded in their name (reviews/signoff.py)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        APPROVED = "approved", "Approved"
        CHANGES_REQUESTED = "changes", "Changes requested"
        PUBLISHED = "published", "Approved and published"
        WITHDRAWN = "withdrawn", "Withdrawn (the draft changed or was discarded)"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sign_offs")
    reviewer = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="sign_offs")
    snapshot = models.JSONField(help_text="The draft the clinician was asked to review.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    note = PlainTextField(blank=True, max_length=2000, help_text="The clinician's note.")
    decided_at = models.DateTimeField(null=True, blank=True)
    review = models.ForeignKey(
        MedicalReview, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-requested_at", "-id"]
        indexes = [models.Index(fields=["reviewer", "status"], name="signoff_waiting_idx")]

    def __str__(self):
        return f"Sign-off on “{self.article}” by {self.reviewer.byline}"

    def get_absolute_url(self):
        return reverse("admin:reviews_signoff_change", args=[self.pk])
