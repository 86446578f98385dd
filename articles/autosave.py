"""Autosave: the change form's work in progress, kept privately per editor and article so a
closed tab or an expired session loses nothing. It never publishes, never makes a revision, and
is removed when the editor saves (a draft or the article)."""

import json

from django.utils import timezone

from .models import Autosave

MAX_BYTES = 2 * 1024 * 1024
# What the browser may store: the form's text and choices (uploads and the version the editor
# loaded stay with the form itself).
KEPT_FIELDS = (
    "title", "slug", "dek", "body", "hero_alt", "hero_caption", "hero_credit", "author",
    "reviewer", "tags", "related", "status", "published_at_0", "published_at_1", "featured",
    "regularly_updated", "comments_open", "review_interval_months", "change_note", "is_minor",
)  # fmt: skip


def keep(article, editor, post):
    """Store the posted form (a QueryDict) as ``editor``'s unsaved work; False if too big."""
    data = {name: post.getlist(name) for name in KEPT_FIELDS if name in post}
    if len(json.dumps(data)) > MAX_BYTES:
        return False
    Autosave.objects.update_or_create(
        article=article, editor=editor, defaults={"data": data, "saved_at": timezone.now()}
    )
    return True


def kept(article, editor):
    return Autosave.objects.filter(article=article, editor=editor).first()


def forget(article, editor):
    Autosave.objects.filter(article=article, editor=editor).delete()
