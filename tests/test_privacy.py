"""Privacy: a Privacy page linked from every footer and the sign-up form, and a working
"delete my account" that removes personal data and keeps or removes comments by a setting."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import AccountDeletion, User
from comments.models import Comment, Flag, ModerationLog
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_the_privacy_page_says_what_we_store_and_is_linked_from_footer_and_sign_up(client):
    page = client.get("/pages/privacy/").content.decode()
    for stored in ("email address", "network address", "comments", "flags", "Delete your account"):
        assert stored in page
    # What deletion erases and what it keeps, as comments/account_deletion.py does it.
    assert "the notes you typed with them" in page and "What we keep, and why" in page
    assert "text of your comments that are not published" in page
    assert 'href="/pages/privacy/"' in client.get("/").content.decode()
    signup = client.get(reverse("account_signup")).content.decode()
    assert 'href="/pages/privacy/"' in signup
    assert 'href="/pages/comments-policy/"' in signup
    assert "username is public" in signup


def test_delete_account_needs_login_and_post(client, reader):
    url = reverse("accounts:delete")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(reader)
    page = client.get(url)
    assert page.status_code == 200
    assert "Former member" in page.content.decode()
    assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]
    assert User.objects.filter(pk=reader.pk).exists()


def test_a_wrong_password_deletes_nothing(client, reader):
    client.force_login(reader)
    response = client.post(reverse("accounts:delete"), {"password": "not-it"})
    assert response.status_code == 400
    assert "That is not your password. Nothing was deleted." in response.content.decode()
    assert User.objects.filter(pk=reader.pk).exists()
    assert not AccountDeletion.objects.exists()


def test_deleting_keeps_comments_as_former_member(client, article, reader):
    comment = Comment.objects.create(
        article=article, author=reader, body="My experience.", status="approved"
    )
    other = make_user("other")
    flagged = Comment.objects.create(article=article, author=other, body="Hm.", status="approved")
    Flag.objects.create(comment=flagged, user=reader, reason="spam")
    client.force_login(reader)

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD}, follow=True)

    assert "Your account and your personal data were deleted." in response.content.decode()
    assert not User.objects.filter(username="reader").exists()
    assert not EmailAddress.objects.filter(email="reader@example.com").exists()
    assert not Flag.objects.filter(comment=flagged).exists()
    comment.refresh_from_db()
    assert comment.author is None and comment.status == "approved"
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Former member" in html and "My experience." in html
    record = AccountDeletion.objects.get()
    assert record.summary == "1 comment kept, signed “Former member”"
    assert "_auth_user_id" not in client.session


def test_deleting_can_remove_the_comments_instead(client, settings, article, reader):
    settings.DELETED_ACCOUNT_COMMENTS = "remove"
    comment = Comment.objects.create(
        article=article, author=reader, body="Remove me.", status="approved"
    )
    client.force_login(reader)
    client.post(reverse("accounts:delete"), {"password": PASSWORD})
    comment.refresh_from_db()
    assert comment.status == "removed"
    assert ModerationLog.objects.filter(comment=comment, action="delete").exists()
    assert "Remove me." not in client.get(article.get_absolute_url()).content.decode()
    assert AccountDeletion.objects.get().summary == "1 comment removed"
