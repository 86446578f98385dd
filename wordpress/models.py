import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone


def validate_zip(value):
    if not zipfile.is_zipfile(getattr(value, "file", value)):
        raise ValidationError("This file is not a readable zip archive.")


class ImportedItem(models.Model):
    """What a WordPress id became here, so importing the same export again changes nothing and a
    newer export updates what it finds. Keeps what our models have no field for (a legacy
    commenter's email)."""

    class Kind(models.TextChoices):
        AUTHOR = "author"
        TERM = "term"
        POST = "post"
        PAGE = "page"
        COMMENT = "comment"

    source = models.CharField(max_length=200, help_text="The exported site's address.")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    wp_id = models.CharField(max_length=64)
    object_id = models.PositiveBigIntegerField()
    email = models.EmailField(blank=True)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "wp_id"], name="one_import_per_id")
        ]

    def __str__(self):
        return f"WordPress {self.kind} {self.wp_id} from {self.source}"


class ImportJob(models.Model):
    """An export uploaded in the admin: the task worker first checks it (a dry run whose report
    says what would be created, updated and skipped), an editor picks the public topics and
    confirms, and the worker imports it."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued for a dry run"
        CHECKED = "checked", "Checked: waiting for confirmation"
        CONFIRMED = "confirmed", "Confirmed: queued for import"
        RUNNING = "running", "Running"
        DONE = "done", "Imported"
        FAILED = "failed", "Failed: nothing was changed"

    export = models.FileField(upload_to="wordpress-imports/")
    media = models.FileField(
        "media (zip)",
        upload_to="wordpress-imports/",
        blank=True,
        validators=[FileExtensionValidator(["zip"]), validate_zip],
        help_text="A zip of the old site's wp-content/uploads folder, if you have one.",
    )
    fetch_media = models.BooleanField(
        "fetch attachments from the old site",
        default=False,
        help_text="Download the images and other attachments the zip does not have from the "
        "addresses in the export.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.CharField(max_length=200, blank=True)
    report = models.TextField(blank=True)
    terms = models.JSONField(
        default=list, blank=True, help_text="The export's categories and tags, from the dry run."
    )
    topics = models.JSONField(
        default=list, blank=True, help_text="The terms the editor made public topics."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"WordPress import of {self.created_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"
