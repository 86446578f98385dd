"""Sign-up, email verification, login with an honest "Remember me", and the role groups."""

import re
from html import unescape
from urllib.parse import unquote

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_login_form_explains_remember_me(client):
    html = client.get(reverse("account_login")).content.decode()
    assert "Remember me" in html
    assert "Only on a personal computer" in html
    assert "signed out when the browser closes" in html


def test_without_remember_me_the_session_ends_with_the_browser(client, reader):
    response = client.post(reverse("account_login"), {"login": "reader", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close()


def test_with_remember_me_the_session_outlives_the_browser(client, reader):
    client.post(
        reverse("account_login"), {"login": "reader", "password": PASSWORD, "remember": "on"}
    )
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() >= 29 * 24 * 3600


def test_a_wrong_password_says_so_and_logs_nobody_in(client, reader):
    response = client.post(reverse("account_login"), {"login": "reader", "password": "nope"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_up_requires_email_verification(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.com",
            "username": "newbie",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(username="newbie")
    assert not user.emailaddress_set.get().verified
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/confirm-email/[^/\s]+/)", mail.outbox[0].body)
    confirm_page = client.get(link.group(1))
    assert confirm_page.status_code == 200  # GET only shows the confirmation button
    assert not user.emailaddress_set.get().verified
    client.post(link.group(1))
    assert user.emailaddress_set.get().verified


def test_logout_needs_post(client, reader):
    client.force_login(reader)
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_the_roles_exist_with_the_right_permissions():
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    moderators = set(
        Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True)
    )
    assert {"add_article", "change_article", "view_revision", "change_tag"} <= editors
    assert "change_article" not in moderators and "view_article" in moderators


def test_sign_up_and_log_in_speak_plainly_without_placeholder_labels(client):
    signup = client.get(reverse("account_signup")).content.decode()
    login = client.get(reverse("account_login")).content.decode()
    assert "<h1>Sign up</h1>" in signup and "<h1>Log in</h1>" in login
    assert "<title>Sign up" in signup or "Sign up ·" in signup
    assert "placeholder=" not in signup.split("<main")[1]
    assert "placeholder=" not in login.split("<main")[1]
    assert "it is public" in signup


def test_a_new_commenter_returns_to_the_article_logged_in_after_verifying(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    signup_link = re.search(r'href="(/accounts/signup/\?next=[^"]+)"', page).group(1)
    next_url = unescape(signup_link).split("next=")[1]
    client.post(
        unescape(signup_link),
        {"email": "newbie@healthy.test", "username": "newbie", "next": unquote(next_url),
         "password1": "a-long-unusual-passphrase", "password2": "a-long-unusual-passphrase"},
    )  # fmt: skip
    link = re.search(r"http://testserver(/accounts/confirm-email/[^/\s]+/)", mail.outbox[-1].body)
    response = client.post(link.group(1))
    assert response["Location"].startswith(article.get_absolute_url())
    assert User.objects.get(username="newbie").pk == int(client.session["_auth_user_id"])
