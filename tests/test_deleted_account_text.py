"""After "Delete your account", nothing the person wrote survives but what the privacy page says
is kept: every table is searched for their words, and every model that points at a user or holds
text next to such a pointer is listed here with what happens to it."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse

from comments import moderation
from comments.models import Comment, ModerationLog
from tests.factories import PASSWORD, make_comment, make_user

MARK = "zebrafinch"

# (model, field) -> what happens to it when its person deletes their account.
HANDLED = {
    ("admin.LogEntry", "user"): "deleted with the user (their admin history goes)",
    ("admin.LogEntry", "object_id"): "deleted with the user",
    ("admin.LogEntry", "object_repr"): "deleted with the user",
    ("admin.LogEntry", "change_message"): "deleted with the user",
    ("account.EmailAddress", "user"): "deleted with the user",
    ("account.EmailAddress", "email"): "deleted with the user",
    ("articles.Author", "user"): "nulled: the byline is the newsroom's, kept",
    ("articles.Author", "name"): "kept: a public byline written by the newsroom",
    ("articles.Author", "slug"): "kept: a public byline written by the newsroom",
    ("articles.Author", "credentials"): "kept: a public byline written by the newsroom",
    ("articles.Author", "short_bio"): "kept: a public byline written by the newsroom",
    ("articles.Author", "full_bio"): "kept: a public byline written by the newsroom",
    ("articles.Revision", "editor"): "nulled: the editorial record is kept",
    ("articles.Revision", "change_note"): "kept: the newsroom's editorial record",
    ("articles.Revision", "snapshot"): "kept: the newsroom's editorial record",
    ("comments.Flag", "user"): "deleted with the user",
    ("comments.Flag", "note"): "deleted with the user (and erased from the log)",
    ("comments.Comment", "author"): "nulled: signed 'Former member'",
    ("comments.Comment", "legacy_author_name"): "imported names only, never a member's",
    ("comments.Comment", "body"): "published: kept or removed by setting; all else erased",
    ("comments.Comment", "body_html"): "as body",
    ("comments.Comment", "body_fingerprint"): "as body (a digest of it)",
    ("comments.Comment", "decided_by"): "nulled: the decision is kept",
    ("comments.Comment", "decision_reason"): "kept: written by moderators or the policy",
    ("comments.Sanction", "user"): "deleted with the user",
    ("comments.Sanction", "reason"): "deleted with the user",
    ("comments.Sanction", "created_by"): "nulled: the sanction is kept",
    ("comments.Sanction", "lifted_by"): "nulled: the sanction is kept",
    ("comments.ModerationLog", "subject"): "nulled",
    ("comments.ModerationLog", "actor"): "nulled",
    ("comments.ModerationLog", "rule"): "kept: a rule's name",
    ("comments.ModerationLog", "reason"): "their flag notes erased; moderators' words kept",
    ("comments.ModerationLog", "from_status"): "kept: a status",
    ("comments.ModerationLog", "to_status"): "kept: a status",
    ("reviews.MedicalReview", "recorded_by"): "nulled: the clinical record is kept",
    ("reviews.MedicalReview", "notes"): "kept: the newsroom's clinical record",
    ("articles.Draft", "editor"): "nulled: the newsroom's draft is kept",
    ("articles.Draft", "change_note"): "kept: the newsroom's draft",
    ("articles.Draft", "snapshot"): "kept: the newsroom's draft",
    ("articles.Draft", "share_token"): "kept: the draft's share link (revocable)",
    ("articles.Autosave", "editor"): "deleted with the user",
    ("articles.Autosave", "data"): "deleted with the user (their unsaved work)",
    ("reviews.ReviewNote", "written_by"): "nulled: the newsroom's note is kept",
    ("reviews.ReviewNote", "text"): "kept: the newsroom's clinical record",
    ("reviews.SignOff", "requested_by"): "nulled: the sign-off is kept",
    ("reviews.SignOff", "snapshot"): "kept: the clinical record of what was approved",
    ("reviews.SignOff", "note"): "kept: the clinician's note, the clinical record",
    ("library.Asset", "uploaded_by"): "nulled: the library is the newsroom's",
    ("library.Asset", "title"): "kept: the newsroom's library",
    ("library.Asset", "alt"): "kept: the newsroom's library",
    ("library.Asset", "caption"): "kept: the newsroom's library",
    ("library.Asset", "credit"): "kept: the newsroom's library",
    ("library.Asset", "licence"): "kept: the newsroom's library",
    ("library.Asset", "description"): "kept: the newsroom's library",
    ("library.Asset", "source_url"): "kept: where an import found it",
    ("library.Asset", "sha256"): "kept: a checksum",
    ("comments.Comment", "signals"): "kept: the policy's codes, no words of theirs",
    ("comments.Comment", "matched_phrases"): "their words: erased with the comment's text",
    ("comments.ContextNote", "written_by"): "nulled: the newsroom's note is kept",
    ("comments.ContextNote", "body"): "kept: written by moderators or clinicians",
    ("comments.ContextNote", "link"): "kept: written by moderators or clinicians",
    ("comments.Appeal", "user"): "deleted with the user",
    ("comments.Appeal", "text"): "deleted with the user (their own words)",
    ("comments.Appeal", "answer"): "deleted with the appeal",
    ("comments.Appeal", "answered_by"): "nulled: the answer goes with the appeal anyway",
    ("comments.ModerationLog", "clause"): "kept: a policy clause",
    ("wordpress.ImportJob", "terms"): "kept: written by the importer",
    ("wordpress.ImportJob", "topics"): "kept: chosen by an editor",
    ("reviews.ReaderFeedback", "message"): "anonymous: never linked to an account",
    ("reviews.ReaderFeedback", "reader_hash"): "anonymous: a keyed hash of address and day",
    ("reviews.ReaderFeedback", "handled_by"): "nulled: the handling is kept",
    ("reviews.ReaderFeedback", "handling_note"): "kept: the newsroom's note",
    ("wordpress.ImportJob", "created_by"): "nulled: the import record is kept",
    ("wordpress.ImportJob", "progress"): "kept: written by the importer",
    ("wordpress.ImportJob", "report"): "kept: written by the importer",
}


def text_fields(model):
    return [field for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField, models.JSONField))
            and not field.choices]  # fmt: skip


def personal_fields():
    """Every link to a user, and every free-text field of a model with such a link."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    found = set()
    for model in apps.get_models():
        links = [field for field in model._meta.concrete_fields
                 if field.is_relation and field.related_model is user_model]  # fmt: skip
        if links:
            found |= {(model._meta.label, field.name) for field in links + text_fields(model)}
    return found


def test_every_link_to_a_person_and_their_text_is_handled():
    assert personal_fields() == set(HANDLED), (
        "Say in HANDLED what happens to these when an account is deleted (and make it so): "
        f"{personal_fields() ^ set(HANDLED)}"
    )


def where_the_mark_is():
    """Every (model, field, value) in the database that holds MARK, whatever the table."""
    found = []
    for model in apps.get_models():
        fields = text_fields(model)
        for row in model._default_manager.all():
            for field in fields:
                value = str(field.value_from_object(row))
                if MARK in value.lower():
                    found.append((model._meta.label, field.name, value))
    return found


@pytest.mark.parametrize("keeping", ["keep", "remove"])
def test_a_deleted_account_leaves_none_of_its_words(
    client, settings, queued_email, article, editor, keeping
):
    settings.DELETED_ACCOUNT_COMMENTS = keeping
    leaver = make_user(f"{MARK}99")
    other = make_user("other")
    published = make_comment(article, leaver, f"Published {MARK} words.", status="approved")
    make_comment(article, leaver, f"Waiting {MARK} words.")
    make_comment(article, leaver, f"Refused {MARK} words.", status="rejected")
    deleted = make_comment(article, leaver, f"Regretted {MARK} words.", status="approved")
    moderation.delete_own(deleted, leaver)
    theirs = make_comment(article, other, "Someone else's comment.", status="approved")
    moderation.flag(theirs, leaver, "misinformation", f"Medical misinformation, says {MARK}.")
    client.force_login(editor)  # a staff reply is published at once and emails them
    client.post(reverse("comments:post", args=[article.slug]),
                {"body": "A staff reply.", "parent": published.pk})  # fmt: skip
    assert {label for label, _, _ in where_the_mark_is()} >= {
        "comments.Comment", "comments.Flag", "comments.ModerationLog", "accounts.User",
        "account.EmailAddress", "django_tasks_database.DBTaskResult"}  # fmt: skip

    client.force_login(leaver)
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302

    left = where_the_mark_is()
    erased = Comment.objects.filter(body="")
    assert erased.exists() and not erased.exclude(body_fingerprint="").exists()
    if keeping == "keep":
        assert {(label, field) for label, field, _ in left} == {
            ("comments.Comment", "body"), ("comments.Comment", "body_html")}  # fmt: skip
        assert {value for _, _, value in left} == {
            published.body, Comment.objects.get(pk=published.pk).body_html}  # fmt: skip
    else:
        assert left == []
    log = ModerationLog.objects.get(action="flag")
    assert log.reason == "Medical misinformation." and log.actor is None
