"""Honest dates in the admin: a save with no change changes nothing, substantive changes carry a
public note, articles are archived rather than deleted, and a restore's preview tells the truth."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from articles.models import Article
from articles.revisions import restore_revision, save_article
from tests.factories import make_article, make_tag, make_user
from tests.test_admin_articles import change_url, form_data

pytestmark = pytest.mark.django_db


def public_html(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_saving_in_the_admin_without_a_change_changes_nothing(client, editor, article):
    before_html = public_html(client, article)
    before = Article.objects.get(pk=article.pk)
    client.force_login(editor)

    response = client.post(change_url(article), form_data(article, change_note=""), follow=True)

    assert "No changes to save" in response.content.decode()
    after = Article.objects.get(pk=article.pk)
    assert (after.version, after.updated_at, after.modified_at) == (
        before.version,
        before.updated_at,
        before.modified_at,
    )
    assert article.revisions.count() == 1
    client.logout()
    assert public_html(client, article) == before_html


def test_reordering_tags_is_not_a_change(client, editor, author):
    first, second = make_tag("Alpha"), make_tag("Beta")
    article = Article.objects.create(title="T", slug="t", body="<p>x</p>", author=author)
    save_article(article, change_note="First.", tags=[first, second])
    assert save_article(article, tags=[second, first], change_note="Same tags") is None
    assert article.revisions.count() == 1


def test_the_service_answers_none_for_a_save_that_changes_nothing(article, editor):
    version, updated = article.version, article.updated_at
    assert save_article(article, editor=editor, change_note="Nothing really") is None
    article.refresh_from_db()
    assert (article.version, article.updated_at) == (version, updated)
    assert article.revisions.count() == 1


def test_a_substantive_save_needs_a_public_note_and_keeps_the_text(client, editor, article):
    client.force_login(editor)
    new_body = "<p>New advice on sleep and yawning.</p>"
    response = client.post(change_url(article), form_data(article, body=new_body, change_note=""))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Write a note for readers" in html
    assert "New advice on sleep and yawning." in html  # the editor's text is still in the form
    assert "appears in the article&#x27;s public update history" in html or "public update" in html
    article.refresh_from_db()
    assert article.body != new_body
    assert article.revisions.count() == 1


def test_a_minor_save_needs_no_note(client, editor, article):
    client.force_login(editor)
    response = client.post(
        change_url(article),
        form_data(article, body="<p>Fixed a typo.</p>", change_note="", is_minor="on"),
    )
    assert response.status_code == 302
    assert article.revisions.count() == 2


@pytest.mark.parametrize("persona", ["editor", "moderator"])
def test_no_role_below_superuser_can_delete_an_article(client, request, article, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    delete_url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.get(delete_url).status_code == 403
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    changelist = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "delete_selected" not in changelist
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302)
    assert Article.objects.filter(pk=article.pk).exists()
    assert article.revisions.count() == 1


def test_even_an_explicit_delete_permission_does_not_let_staff_delete(client, article):
    staff = make_user("staffer", staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_article", "delete_article"])
    )
    client.force_login(staff)
    delete_url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_a_superuser_delete_names_what_is_lost(client, superuser, article):
    client.force_login(superuser)
    response = client.get(reverse("admin:articles_article_delete", args=[article.pk]))
    html = response.content.decode()
    assert "removes it for good, with its whole revision history (1 revision)" in html
    assert "Archived" in html


def test_archiving_answers_410_and_publishing_again_brings_it_back(client, editor, article):
    client.force_login(editor)
    changelist = reverse("admin:articles_article_changelist")
    client.post(changelist, {"action": "archive", "_selected_action": [article.pk], "post": "yes"})
    article.refresh_from_db()
    assert article.status == "archived"
    client.logout()

    gone = client.get(article.get_absolute_url())
    assert gone.status_code == 410
    assert "This article has been withdrawn" in gone.content.decode()
    assert article.title not in client.get("/").content.decode()
    assert article.get_absolute_url() not in client.get("/sitemap.xml").content.decode()
    assert article.revisions.count() == 2  # the history is kept, and grows

    client.force_login(editor)
    client.post(changelist, {"action": "unarchive", "_selected_action": [article.pk]})
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 200
    article.refresh_from_db()
    assert article.revisions.count() == 3
    assert not article.revisions.filter(is_minor=False, number__gt=1).exists()


def test_an_unknown_slug_is_still_a_404(client, db):
    assert client.get("/articles/never-was/").status_code == 404


def test_the_restore_preview_shows_removed_text_as_removed(client, editor, article):
    first = article.revisions.get()
    article.body += "<p>A paragraph added later.</p>"
    save_article(article, editor=editor, change_note="Added a paragraph.")
    client.force_login(editor)
    html = client.get(
        reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    ).content.decode()
    preview = html.split("What restoring it would change")[1].split("Restore this revision")[0]
    assert re.search(r'diff-line--removed[^"]*">.*A paragraph added later\.', preview)
    assert "diff-line--added" not in preview.split("diff-legend")[-1].split("</p>", 1)[1]
    assert "would remove" in preview


def test_restoring_the_current_content_is_a_no_op(article, editor):
    assert restore_revision(article, article.revisions.get(), editor=editor) is None
    assert article.revisions.count() == 1


def restore(client, article, revision, **data):
    url = reverse("admin:articles_article_restore", args=[article.pk, revision.pk])
    return client.post(url, data, follow=True)


def test_a_restore_asks_minor_or_substantive_and_a_public_note(client, editor, article):
    first = article.revisions.get()
    article.body = "<p>Rewritten.</p>"
    save_article(article, editor=editor, change_note="Rewrite.")
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_revision", args=[article.pk, first.pk]))
    assert "Substantive notes are public" in page.content.decode()
    refusals = [
        ({}, "Choose whether the restore is minor or substantive."),
        ({"kind": "substantive"}, "A substantive restore needs a note"),
    ]
    for data, error in refusals:
        html = restore(client, article, first, **data).content.decode()
        assert error in html and "Nothing was restored." in html
        assert article.revisions.count() == 2
    restore(client, article, first, kind="minor")
    article.refresh_from_db()
    assert article.revisions.count() == 3 and article.body == first.snapshot["body"]
    client.logout()
    assert "Restored revision" not in public_html(client, article)  # never shown to readers


def test_archiving_asks_first_and_names_the_published_articles_that_link_to_it(
    client, editor, article, author
):
    make_article(
        author,
        title="Tired all day?",
        body=f'<p>See <a href="{article.get_absolute_url()}">why we yawn</a>.</p>',
    )
    chooser = make_article(author, title="Night shifts")
    chooser.related.add(article)
    make_article(
        author,
        title="A draft that links",
        status=Article.Status.DRAFT,
        body=f'<p><a href="{article.get_absolute_url()}">x</a></p>',
    )
    unrelated = make_article(author, title="Unrelated")
    client.force_login(editor)
    changelist = reverse("admin:articles_article_changelist")
    response = client.post(changelist, {"action": "archive", "_selected_action": [article.pk]})
    html = response.content.decode()
    assert response.status_code == 200 and "Yes, archive 1 article" in html
    assert "2 published articles link to it" in html
    assert "Tired all day?" in html and "Night shifts" in html
    assert "A draft that links" not in html and unrelated.title not in html
    article.refresh_from_db()
    assert article.status == "published"  # nothing changed until the editor confirms
    assert article.revisions.count() == 1
    client.post(changelist, {"action": "archive", "_selected_action": [article.pk], "post": "yes"})
    article.refresh_from_db()
    assert article.status == "archived"


def test_archiving_from_the_change_form_asks_first_too(client, editor, article, author):
    make_article(author, title="Tired all day?",
                 body=f'<p><a href="{article.get_absolute_url()}">why we yawn</a></p>')  # fmt: skip
    client.force_login(editor)
    url = change_url(article)
    asked = client.post(url, form_data(article, status="archived", is_minor="on"))
    html = asked.content.decode()
    assert asked.status_code == 200 and "1 published article links to it: “Tired all day?”" in html
    article.refresh_from_db()
    assert article.status == "published" and article.revisions.count() == 1
    data = form_data(article, status="archived", is_minor="on", confirm_archive="on")
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.status == "archived"
