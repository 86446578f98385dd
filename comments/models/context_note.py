"""Context notes: a public "Editor's note" under an approved comment, instead of deleting it."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ContextNote(models.Model):
    """Why a claim is wrong or unproven, with a link to the evidence or to one of our articles,
    written by a moderator or the article's medical reviewer. Every change is in the
    moderation log; removing a note deletes it (the log keeps what it said)."""

    comment = models.OneToOneField("Comment", on_delete=models.CASCADE, related_name="context_note")
    body = models.TextField(max_length=600)
    link = models.URLField(blank=True, max_length=500)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Editor's note on comment {self.comment_id}"
