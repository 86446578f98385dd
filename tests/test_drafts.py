"""Drafts of live articles: saved apart from the live row, shown to editors with who, when and
what changed, previewed privately, and published through the honest-date rules."""

import pytest
from django.urls import reverse

from articles.models import Draft
from tests.test_admin_articles import change_url, form_data

pytestmark = pytest.mark.django_db

NEW_ADVICE = "<p>Yawning may cool the brain.</p>"


def save_draft(client, article, **overrides):
    data = form_data(article, body=article.body + NEW_ADVICE, change_note="", _draft="1")
    data.update(overrides)
    return client.post(change_url(article), data)


def test_a_draft_of_a_live_article_changes_nothing_readers_see(client, editor, article):
    client.force_login(editor)
    before = {url: client.get(url).content for url in ["/feed/", "/sitemap.xml"]}
    response = save_draft(client, article)
    assert response.status_code == 302
    draft = Draft.objects.get(article=article)
    assert draft.editor == editor and "cool the brain" in draft.snapshot["body"]
    article.refresh_from_db()
    assert "cool the brain" not in article.body
    assert article.revisions.count() == 1 and article.version == 1
    client.logout()
    assert "cool the brain" not in client.get(article.get_absolute_url()).content.decode()
    for url, content in before.items():
        assert client.get(url).content == content, url
    assert "cool the brain" not in client.get("/search/?q=brain").content.decode()


def test_the_change_form_shows_the_draft_who_when_and_what_changed(client, editor, article):
    client.force_login(editor)
    save_draft(client, article)
    html = client.get(change_url(article)).content.decode()
    assert "You are editing a draft." in html and "Saved by editor" in html
    assert "cool the brain" in html  # the form holds the draft, not the live text
    changes = reverse("admin:articles_article_draft_changes", args=[article.pk])
    assert changes in html
    diff = client.get(changes).content.decode()
    assert "diff-line--added" in diff and "cool the brain" in diff


def test_publishing_a_draft_follows_the_honest_date_rules(client, editor, article):
    client.force_login(editor)
    save_draft(client, article)
    data = form_data(article, body=article.body + NEW_ADVICE, change_note="", _save="1")
    refused = client.post(change_url(article), data)
    assert refused.status_code == 200 and "Write a note for readers" in refused.content.decode()
    assert Draft.objects.filter(article=article).exists()
    data["change_note"] = "Added what yawning may be for."
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert "cool the brain" in article.body and article.revisions.count() == 2
    assert article.revisions.first().change_note == "Added what yawning may be for."
    assert not Draft.objects.filter(article=article).exists()
    client.logout()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "cool the brain" in page and "Added what yawning may be for." in page


def test_the_preview_shows_the_draft_privately(client, editor, reader, article):
    client.force_login(editor)
    save_draft(client, article, title="Why do we yawn, really?")
    url = reverse("admin:articles_article_draft_preview", args=[article.pk])
    response = client.get(url)
    html = response.content.decode()
    assert "Preview — not published." in html and "Why do we yawn, really?" in html
    assert "cool the brain" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    client.force_login(reader)
    assert "cool the brain" not in client.get(url).content.decode()


def test_discarding_a_draft_leaves_the_live_article(client, editor, article):
    client.force_login(editor)
    save_draft(client, article)
    discard = reverse("admin:articles_article_draft_discard", args=[article.pk])
    assert client.get(discard).status_code == 405
    assert client.post(discard).status_code == 302
    assert not Draft.objects.exists()
    article.refresh_from_db()
    assert article.revisions.count() == 1 and "cool the brain" not in article.body


def test_a_moderator_cannot_discard_a_draft(client, editor, moderator, article):
    client.force_login(editor)
    save_draft(client, article)
    client.force_login(moderator)
    discard = reverse("admin:articles_article_draft_discard", args=[article.pk])
    assert client.post(discard).status_code in (403, 404)
    assert Draft.objects.exists()


def share_link(client, article):
    response = client.post(reverse("admin:articles_article_draft_share", args=[article.pk]),
                           follow=True)  # fmt: skip
    [message] = [str(m) for m in response.context["messages"] if "Share link" in str(m)]
    return message.split('href="http://testserver')[1].split('"')[0]


def test_a_share_link_shows_that_draft_logged_out_until_revoked(client, editor, article, author):
    from tests.factories import make_article

    other = make_article(author, title="Another article")
    client.force_login(editor)
    save_draft(client, article)
    save_draft(client, other, body="<p>Other draft.</p>")
    link = share_link(client, article)
    client.logout()
    response = client.get(link)
    html = response.content.decode()
    assert response.status_code == 200 and "cool the brain" in html
    assert "Preview — not published." in html and "Other draft." not in html
    assert "Approve it or request changes" in html  # for the clinician, after logging in
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "noindex" in html and response["X-Robots-Tag"] == "noindex"
    assert client.post(link).status_code == 405  # read-only
    assert client.get(link[:-3] + "xx/").status_code == 404  # forged

    client.force_login(editor)
    client.post(reverse("admin:articles_article_draft_revoke", args=[article.pk]))
    client.logout()
    assert client.get(link).status_code == 404


def test_a_share_link_expires(client, editor, article, settings):
    from datetime import timedelta

    from django.utils import timezone
    from freezegun import freeze_time

    client.force_login(editor)
    save_draft(client, article)
    link = share_link(client, article)
    client.logout()
    with freeze_time(timezone.now() + timedelta(days=settings.DRAFT_SHARE_LINK_DAYS - 1)):
        assert client.get(link).status_code == 200
    with freeze_time(timezone.now() + timedelta(days=settings.DRAFT_SHARE_LINK_DAYS, hours=1)):
        assert client.get(link).status_code == 404


def test_the_add_form_previews_before_the_first_save(client, editor, author):
    from articles.models import Article

    client.force_login(editor)
    add = reverse("admin:articles_article_add")
    assert "Preview" in client.get(add).content.decode()
    data = {"title": "Can you catch up on sleep?", "slug": "catch-up-on-sleep",
            "body": "<p>Partly, over a few nights.</p>", "author": author.pk,
            "status": "draft", "comments_open": "on"}  # fmt: skip
    response = client.post(reverse("admin:articles_article_preview"), data)
    html = response.content.decode()
    assert response.status_code == 200 and "Preview — not published." in html
    assert "Can you catch up on sleep?" in html and "Partly, over a few nights." in html
    assert "no-store" in response["Cache-Control"]
    assert not Article.objects.filter(slug="catch-up-on-sleep").exists()  # nothing saved
    bad = client.post(reverse("admin:articles_article_preview"), {**data, "title": ""})
    assert bad.status_code == 400 and "nothing to preview yet" in bad.content.decode()


def test_the_change_form_previews_unsaved_edits(client, editor, article):
    client.force_login(editor)
    url = reverse("admin:articles_article_preview", args=[article.pk])
    data = form_data(article, body="<p>Unsaved words.</p>", change_note="")
    html = client.post(url, data).content.decode()
    assert "Unsaved words." in html and "Preview — not published." in html
    article.refresh_from_db()
    assert "Unsaved words." not in article.body and article.revisions.count() == 1
    assert client.get(url).status_code == 405
