"""No 500 from bad input: NUL bytes, control characters and Unicode digits walked through the
query strings and form fields of the public pages, the queue and the admin lists."""

import pytest
from django.contrib import admin
from django.urls import reverse

from articles.models import Article, Tag

pytestmark = pytest.mark.django_db

NASTY = ["\x00", "a\x00b", "\x01\x02", "\u200b", "²", "٣", "1²", "-1", "9" * 30, "'; --", "%00"]


def public_urls(article):
    return [
        "/",
        article.get_absolute_url(),
        "/tags/",
        article.tags.get().get_absolute_url(),
        article.author.get_absolute_url(),
        "/pages/about/",
        "/sitemap.xml",
    ]


def admin_lists():
    return [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
    ]


def query_variants(value):
    return [
        {"page": value},
        {"q": value},
        {"comments-page": value},
        {"replyto": value},
        {"status__exact": value},
        {"o": value},
        {"p": value},
        {value: "x"},
    ]


def test_public_pages_never_answer_500(client, article):
    for url in public_urls(article):
        for value in NASTY:
            for query in query_variants(value):
                response = client.get(url, query)
                assert response.status_code in (200, 400, 404), (url, query)


def test_admin_lists_never_answer_500(client, superuser, article):
    client.force_login(superuser)
    for url in admin_lists():
        for value in NASTY:
            for query in query_variants(value):
                response = client.get(url, query)
                assert response.status_code in (200, 302, 400, 404), (url, query)


def test_a_nul_byte_in_an_admin_filter_is_a_clear_400(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("admin:articles_article_changelist"), {"status__exact": "\x00"})
    assert response.status_code == 400
    assert "not allowed" in response.content.decode()


@pytest.mark.parametrize("value", ["\x01", "\x00", "\x01\x02\x03", " \x7f "])
def test_a_tag_of_control_characters_is_a_form_error(client, editor, value):
    client.force_login(editor)
    response = client.post(reverse("admin:articles_tag_add"), {"name": value, "slug": "ctl"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Tag.objects.filter(slug="ctl").exists()


@pytest.mark.parametrize("value", ["\x01", "\x00", "\x7f\x7f"])
def test_an_article_title_or_author_name_of_control_characters_is_refused(
    client, editor, author, value
):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add"),
        {"title": value, "slug": "ctl", "body": "<p>x</p>", "author": author.pk,
         "status": "draft", "change_note": "x"},
    )  # fmt: skip
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not Article.objects.filter(slug="ctl").exists()
    response = client.post(
        reverse("admin:articles_author_add"), {"name": value, "slug": "ctl", "short_bio": "x"}
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not author.__class__.objects.filter(slug="ctl").exists()


def test_the_queue_and_comment_forms_never_answer_500(client, moderator, article, reader):
    from comments.models import Comment

    comment = Comment.objects.create(article=article, author=reader, body="Hi.", status="approved")
    client.force_login(moderator)
    for value in NASTY:
        for url in ["/moderation/", "/moderation/queue/flagged/", f"/moderation/users/{reader.pk}/",
                    f"/moderation/comments/{comment.pk}/"]:  # fmt: skip
            for query in query_variants(value):
                assert client.get(url, query).status_code in (200, 400, 404), (url, query)
        posts = [
            ("/moderation/act/", {"selected": [value], "action": value, "reason": value}),
            ("/moderation/act/", {"single": f"{value}:approve", f"reason-{value}": value}),
            (f"/moderation/users/{reader.pk}/sanction/", {"duration": value, "reason": value}),
            (f"/articles/{article.slug}/comments/", {"body": value, "parent": value}),
            (f"/comments/{comment.pk}/flag/", {"reason": value, "note": value}),
        ]
        for url, data in posts:
            response = client.post(url, data)
            assert response.status_code in (200, 302, 400, 403, 404), (url, data)
    comment.refresh_from_db()
    assert comment.status == "approved"
