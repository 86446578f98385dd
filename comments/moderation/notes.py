"""Editor's notes: who may write one, and the changes, each logged."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .. import caching
from ..models import Comment, ContextNote, ModerationLog
from .access import can_moderate
from .workflow import log

Action = ModerationLog.Action


def can_write_note(user, comment):
    """Moderators, and the clinician who medically reviewed the comment's article."""
    if not user.is_authenticated:
        return False
    if can_moderate(user):
        return True
    reviewer = comment.article.reviewer
    return reviewer is not None and reviewer.user_id is not None and reviewer.user_id == user.pk


def _check(user, comment):
    if not can_write_note(user, comment):
        raise PermissionDenied("Only moderators and the article's medical reviewer write notes.")
    if comment.status != Comment.Status.APPROVED:
        raise PermissionDenied("Editor's notes go on published comments only.")


@transaction.atomic
def save_note(comment, user, body, link=""):
    """Add or change the note under ``comment``; the log keeps every version's text."""
    _check(user, comment)
    note = ContextNote.objects.filter(comment=comment).first()
    action = Action.NOTE_EDIT if note else Action.NOTE
    if note is None:
        note = ContextNote(comment=comment, created_at=timezone.now())
    note.body, note.link, note.written_by = body.strip(), link.strip(), user
    note.updated_at = timezone.now()
    note.save()
    caching.changed(comment.article_id)  # the comment section shows the note
    log(action, comment=comment, actor=user, reason=f"{note.body} {note.link}".strip())
    return note


@transaction.atomic
def remove_note(comment, user):
    _check(user, comment)
    note = ContextNote.objects.filter(comment=comment).first()
    if note is None:
        return False
    note.delete()
    caching.changed(comment.article_id)
    log(Action.NOTE_REMOVE, comment=comment, actor=user, reason=f"Was: {note.body}")
    return True
