"""The signed-in reader's row, loaded on each of their requests by the accounts' backends
(accounts/backends.py): the same user the ORM would give, still signed out when deactivated or
when their password changed, and sessions from before the backends moved over by migration."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, get_user
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from accounts.backends import user_by_id
from accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def signed_in_as(client):
    html = client.get(reverse("articles:home")).content.decode()
    if "Log out" not in html:
        return None
    return html.split("Log out ", 1)[1].split("<", 1)[0].strip()


def test_the_row_is_the_one_the_orm_gives(reader):
    reader.first_name, reader.notify_on_reply = "Ada", False
    reader.save()
    loaded, expected = user_by_id(reader.pk), User.objects.get(pk=reader.pk)
    for field in User._meta.concrete_fields:
        assert getattr(loaded, field.attname) == getattr(expected, field.attname), field.name
    assert loaded._state.adding is False and loaded._state.db == "default"
    assert user_by_id(str(reader.pk)) == reader  # as a session stores it
    assert user_by_id(reader.pk + 1000) is None
    assert user_by_id("not-a-number") is None


@pytest.mark.parametrize("login", ["reader", "reader@example.com"])
def test_signing_in_by_username_or_email_keeps_the_reader_signed_in(client, reader, login):
    response = client.post(reverse("account_login"), {"login": login, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session[BACKEND_SESSION_KEY].startswith("accounts.backends.")
    assert signed_in_as(client) == "reader"


def test_one_query_loads_the_reader(client, reader, django_assert_num_queries):
    client.force_login(reader)
    request = RequestFactory().get("/")
    request.session = client.session
    request.session.items()  # the session read first: only the reader's row is counted
    with django_assert_num_queries(1):
        assert get_user(request) == reader


def test_a_deactivated_reader_is_signed_out(client, reader):
    client.force_login(reader)
    assert signed_in_as(client) == "reader"
    User.objects.filter(pk=reader.pk).update(is_active=False)
    assert signed_in_as(client) is None


def test_a_password_changed_elsewhere_signs_the_session_out(client, reader):
    client.force_login(reader)
    reader.set_password("another-long-passphrase-2026")
    reader.save()
    assert signed_in_as(client) is None


def test_a_session_of_a_deleted_account_is_a_visitor(client, reader):
    client.force_login(reader)
    session = client.session
    session[SESSION_KEY] = str(reader.pk + 1000)
    session.save()
    response = client.get(reverse("articles:home"))
    assert response.status_code == 200
    assert "Log in" in response.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("login", ["reader", "reader@example.com"], ids=["by-username", "by-email"])
def test_sessions_from_before_the_backends_stay_signed_in(client, reader, login):
    client.post(reverse("account_login"), {"login": login, "password": PASSWORD})
    ours = client.session[BACKEND_SESSION_KEY]
    call_command("migrate", "accounts", "0006", verbosity=0)  # as sessions were stored before
    before = client.session[BACKEND_SESSION_KEY]
    assert before.startswith(("django.", "allauth.")), before
    assert signed_in_as(client) is None  # what the new backends alone would do to them
    call_command("migrate", "accounts", verbosity=0)
    assert client.session[BACKEND_SESSION_KEY] == ours
    assert signed_in_as(client) == "reader"
