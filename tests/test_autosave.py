"""Autosave keeps an editor's unsaved work privately, per editor and article: never published,
never a revision, offered back on the change form, removed when the work is saved."""

import pytest
from django.urls import reverse

from articles.models import Autosave
from tests.factories import make_user
from tests.test_admin_articles import change_url, form_data

pytestmark = pytest.mark.django_db


def autosave_url(article):
    return reverse("admin:articles_article_autosave", args=[article.pk])


def test_autosave_keeps_work_privately_and_changes_nothing_public(client, editor, article):
    client.force_login(editor)
    data = form_data(article, body="<p>Half a thought</p>", change_note="")
    response = client.post(autosave_url(article), data)
    assert response.status_code == 200 and response.json() == {"saved": True}
    kept = Autosave.objects.get(article=article, editor=editor)
    assert kept.data["body"] == ["<p>Half a thought</p>"]
    article.refresh_from_db()
    assert "Half a thought" not in article.body and article.revisions.count() == 1
    client.logout()
    assert "Half a thought" not in client.get(article.get_absolute_url()).content.decode()


def test_the_change_form_offers_it_back_to_its_editor_only(client, editor, article):
    client.force_login(editor)
    client.post(autosave_url(article), form_data(article, body="<p>Half a thought</p>"))
    html = client.get(change_url(article)).content.decode()
    assert "Restore your unsaved changes from" in html and "Half a thought" in html
    other = make_user("other-editor", groups=["Editors"], staff=True)
    client.force_login(other)
    html = client.get(change_url(article)).content.decode()
    assert "Restore your unsaved changes" not in html and "Half a thought" not in html


def test_saving_or_discarding_removes_it(client, editor, article):
    client.force_login(editor)
    client.post(autosave_url(article), form_data(article, body="<p>Half a thought</p>"))
    client.post(reverse("admin:articles_article_autosave_discard", args=[article.pk]))
    assert not Autosave.objects.exists()
    client.post(autosave_url(article), form_data(article, body="<p>Half a thought</p>"))
    client.post(change_url(article), form_data(article, body="<p>Whole thought.</p>"))
    assert not Autosave.objects.exists()


def test_others_cannot_autosave_and_it_needs_post(client, moderator, reader, article):
    for user in (moderator, reader):
        client.force_login(user)
        response = client.post(autosave_url(article), form_data(article))
        assert response.status_code in (302, 404)
    assert not Autosave.objects.exists()
    assert client.get(autosave_url(article)).status_code in (302, 405)
