"""Revisions: every save is recorded, dates are honest, restores only ever append."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article, Revision
from articles.revisions import StaleArticleError, restore_revision, save_article
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db


def test_it_records_a_full_snapshot_on_every_save(article, editor):
    assert article.revisions.count() == 1
    article.title = "Why do we yawn so much?"
    save_article(article, editor=editor, change_note="Sharper title.")
    article.dek = "New dek."
    save_article(article, editor=editor, change_note="New dek.", minor=True)

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
    save_article(article, editor=editor, change_note="Added 2026 guidance.")
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
    save_article(article, editor=editor, change_note="Typo", minor=True)
    article.body = article.body.replace("Frist paragraph", "First paragraph")
    save_article(article, editor=editor, change_note="Typo", minor=True)
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
    save_article(article, editor=editor, change_note="Rewrite.")

    new_revision = restore_revision(article, first, editor=editor)

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
    save_article(first_copy, editor=editor, change_note="First")
    second_copy.body = "<p>Second editor's text.</p>"
    with pytest.raises(StaleArticleError):
        save_article(second_copy, editor=editor, change_note="Second")
    article.refresh_from_db()
    assert article.body == "<p>First editor's text.</p>"
    assert article.revisions.count() == 2


def test_publishing_a_draft_sets_its_dates(author):
    draft = make_article(author, status=Article.Status.DRAFT)
    assert draft.published_at is None
    draft.status = Article.Status.PUBLISHED
    save_article(draft, change_note="Published.")
    assert draft.published_at is not None
    assert draft.last_updated is None  # no update line on the day of publication


def test_scheduled_articles_are_not_published_yet(author):
    scheduled = make_article(author, published_at=timezone.now() + timedelta(days=2))
    assert not Article.objects.published().filter(pk=scheduled.pk).exists()


def test_a_plain_model_save_records_nothing(article):
    """Only ``save_article`` records history; ``save(update_fields=…)`` stays a plain write."""
    article.featured = True
    article.save(update_fields=["featured"])
    assert article.revisions.count() == 1


def test_one_call_saves_the_row_its_relations_and_one_revision(article, editor, author):
    other = make_article(author, title="Is yawning contagious?")
    tag = make_tag("Brain")
    article.title = "Why do we yawn, really?"
    revision = save_article(
        article, editor=editor, change_note="Retitled.", tags=[tag], related=[other]
    )
    assert article.revisions.count() == 2
    assert revision.snapshot["title"] == "Why do we yawn, really?"
    assert revision.snapshot["tags"] == [{"id": tag.pk, "name": "Brain"}]
    assert revision.snapshot["related"] == [other.pk]
    assert list(article.related.all()) == [other]


def test_tag_changes_outside_the_service_get_a_revision_of_their_own(article):
    article.tags.add(make_tag("Evolution"))
    latest = article.revisions.order_by("-number").first()
    assert latest.number == 2
    assert latest.is_minor
    assert {tag["name"] for tag in latest.snapshot["tags"]} == {"Sleep", "Evolution"}


def test_history_can_be_replayed_with_its_real_dates(author, editor):
    published = timezone.now() - timedelta(days=900)
    updated = timezone.now() - timedelta(days=100)
    article = Article(title="Old post", slug="old-post", body="<p>Old.</p>", author=author,
                      status=Article.Status.PUBLISHED, published_at=published)  # fmt: skip
    first = save_article(article, editor=editor, change_note="First published.", at=published)
    article.body = "<p>Newer.</p>"
    second = save_article(article, editor=editor, change_note="Rewritten.", at=updated)
    article.refresh_from_db()
    assert (first.created_at, second.created_at) == (published, updated)
    assert article.updated_at == updated
    assert article.modified_at == updated


def test_text_fields_clean_themselves_whatever_saves_them(author):
    article = Article(
        title="Hiccups\x07 explained ",
        slug="hiccups",
        body='<p onclick="x()">Safe</p><script>alert(1)</script>',
        hero_caption="\x00A caption",
        author=author,
    )
    article.save()  # a plain save, not the service: the fields still clean
    article.refresh_from_db()
    assert article.title == "Hiccups explained"
    assert article.body == "<p>Safe</p>"
    assert article.hero_caption == "A caption"


def test_a_first_version_cannot_be_minor(author):
    article = Article(title="New", slug="new", body="<p>x</p>", author=author)
    with pytest.raises(ValidationError):
        save_article(article, minor=True)
    assert not Article.objects.exists()


def test_diffs_read_like_the_page_not_like_markup():
    from articles.diff import diff_snapshots

    old = {"body": '<h2>Causes</h2><ul><li>Heat</li></ul><p>See <a href="/a/">our guide</a>.</p>'}
    new = {"body": '<h2>Common causes</h2><ul><li>Heat</li><li>Stress</li></ul>'
                   '<p>See <a href="/a/">our new guide</a>.</p>'}  # fmt: skip
    [body] = diff_snapshots(old, new)
    lines = [(line.kind, line.tag, str(line.html)) for line in body.lines]
    assert ("changed", "h2", "<ins>Common </ins>Causes") in lines or any(
        kind == "changed" and tag == "h2" for kind, tag, _ in lines
    )
    assert ("added", "li", "Stress") in lines
    text = " ".join(html for _, _, html in lines)
    assert "##" not in text and "/a/" not in text and "•" not in text
