"""A pending change to a live article, kept apart from the live row (see articles/drafts.py)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.fields import PlainCharField

from .article import Article


def new_share_token():
    return secrets.token_urlsafe(16)


class Draft(models.Model):
    """The next version of a live article, not yet published: one per article. Readers, feeds,
    search, the sitemap and the cache only ever read the ``Article`` row, so nothing here
    reaches them. Publishing goes through ``save_article`` like any edit (one revision, the
    honest-date rules), and removes the draft."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="draft")
    snapshot = models.JSONField(help_text="The draft's content, as a revision stores it.")
    change_note = PlainCharField(max_length=300, blank=True)
    is_minor = models.BooleanField(default=False)
    based_on_version = models.PositiveIntegerField(
        help_text="The live article's version this draft was written against."
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(default=timezone.now)
    # Part of every share link's signed value: a new token revokes every link given out.
    share_token = models.CharField(max_length=40, default=new_share_token, editable=False)

    def __str__(self):
        return f"Draft of “{self.article}”"


class Autosave(models.Model):
    """An editor's unsaved work on an article's change form, saved by the browser every few
    seconds (static/js/autosave.js). Private to that editor, never published and never a
    revision; removed when they save. One per editor and article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(help_text="The form's fields as the editor left them.")
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "editor"], name="one_autosave_per_editor")
        ]

    def __str__(self):
        return f"Unsaved changes to “{self.article}”"
