"""Revisions: every save is recorded, dates are honest, restores only ever append."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Revision, StaleArticleError
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db


def test_it_records_a_full_snapshot_on_every_save(article, editor):
    assert article.revisions.count() == 1
    article.title = "Why do we yawn so much?"
    article.save(editor=editor, change_note="Sharper title.")
    article.dek = "New dek."
    article.save(editor=editor, change_note="New dek.", minor=True)

    revisions = list(article.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2, 3]
    latest = revisions[-1]
    assert latest.editor == editor
    assert latest.is_minor
    snapshot = latest.snapshot
    assert snapshot["title"] == "Why do we yawn so much?"
    assert snapshot["dek"] == "New dek."
    assert snapshot["tags"] == [{"id": article.tags.get().pk, "name": "Sleep"}]
    editable = {f.name for f in Article._meta.get_fields() if getattr(f, "editable", False)}
    editable -= {"id", "created_at", "modified_at"}
    assert editable <= set(snapshot)


def test_tag_changes_in_the_same_transaction_join_that_saves_revision(author):
    article = make_article(author, tags=[make_tag("Heart")])
    assert article.revisions.count() == 1
    assert [t["name"] for t in article.revisions.get().snapshot["tags"]] == ["Heart"]


def test_a_substantive_revision_moves_the_public_date(article, editor):
    before = article.updated_at
    article.body += "<p>New guidance from 2026.</p>"
    article.save(editor=editor, change_note="Added 2026 guidance.")
    article.refresh_from_db()
    assert article.updated_at > before
    assert article.last_updated == article.updated_at


def public_html(client, article):
    """The article page as a reader gets it, minus the per-request CSRF token."""
    html = client.get(article.get_absolute_url()).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_a_minor_revision_leaves_every_public_date_alone(client, article, editor):
    before = article.updated_at
    html_before = public_html(client, article)
    article.body = article.body.replace("First paragraph", "Frist paragraph")
    article.save(editor=editor, change_note="Typo", minor=True)
    article.body = article.body.replace("Frist paragraph", "First paragraph")
    article.save(editor=editor, change_note="Typo", minor=True)
    article.refresh_from_db()
    assert article.updated_at == before
    assert article.modified_at > before
    html_after = public_html(client, article)
    assert html_after == html_before  # dates, JSON-LD and update history unchanged


def test_restore_appends_a_new_revision_and_loses_nothing(article, editor):
    original_body = article.body
    first = article.revisions.get()
    article.body = "<p>Completely rewritten.</p>"
    article.tags.clear()
    article.save(editor=editor, change_note="Rewrite.")

    new_revision = article.restore(first, editor=editor)

    article.refresh_from_db()
    assert article.body == original_body
    assert [t.name for t in article.tags.all()] == ["Sleep"]
    assert article.revisions.count() == 4  # create, tags cleared, rewrite, restore
    assert new_revision.number == 4
    assert new_revision.restored_from == first
    assert new_revision.change_note == "Restored revision #1."
    assert Revision.objects.filter(snapshot__body="<p>Completely rewritten.</p>").exists()


def test_a_stale_copy_cannot_overwrite_a_newer_save(article, editor):
    first_copy = Article.objects.get(pk=article.pk)
    second_copy = Article.objects.get(pk=article.pk)
    first_copy.body = "<p>First editor's text.</p>"
    first_copy.save(editor=editor, change_note="First")
    second_copy.body = "<p>Second editor's text.</p>"
    with pytest.raises(StaleArticleError):
        second_copy.save(editor=editor, change_note="Second")
    article.refresh_from_db()
    assert article.body == "<p>First editor's text.</p>"
    assert article.revisions.count() == 2


def test_publishing_a_draft_sets_its_dates(author):
    draft = make_article(author, status=Article.Status.DRAFT)
    assert draft.published_at is None
    draft.status = Article.Status.PUBLISHED
    draft.save(change_note="Published.")
    assert draft.published_at is not None
    assert draft.last_updated is None  # no update line on the day of publication


def test_scheduled_articles_are_not_published_yet(author):
    scheduled = make_article(author, published_at=timezone.now() + timedelta(days=2))
    assert not Article.objects.published().filter(pk=scheduled.pk).exists()
