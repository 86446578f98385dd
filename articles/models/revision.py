from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.fields import PlainCharField


class Revision(models.Model):
    """A full snapshot of an article at one save. Append-only: never edited, never deleted."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="article_revisions",
    )
    change_note = PlainCharField(max_length=300, blank=True)
    is_minor = models.BooleanField(default=False)
    restored_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="revision_number_unique"),
        ]
        # (article, number) unique index also serves "revisions of an article, newest first".

    def __str__(self):
        return f"Revision #{self.number} of “{self.snapshot.get('title', '')}”"

    def get_absolute_url(self):
        return reverse("admin:articles_article_revision", args=[self.article_id, self.pk])

    @property
    def kind(self):
        return "minor" if self.is_minor else "substantive"
