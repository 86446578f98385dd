"""One login with one rate limit, limits per client behind a proxy, and database outages that
answer 503 and lock nobody out."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username, password, **headers):
    return client.post(
        reverse("account_login"), {"login": username, "password": password}, **headers
    )


def test_the_admin_login_is_the_sites_login(client, editor):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    # Password guesses posted to the old admin form are never checked at all.
    for _ in range(40):
        guess = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert guess.status_code == 302
        assert "_auth_user_id" not in client.session
    guess = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_the_eleventh_wrong_guess_in_a_minute_is_refused(client, editor):
    for number in range(10):
        response = login(client, f"someone{number}", "wrong")
        assert response.status_code == 200  # the form again, with an error
    refused = login(client, "editor", PASSWORD)
    assert "Too many failed login attempts" in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_log_in_through_the_site_and_reach_the_admin(client, editor):
    response = login(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_clients_behind_the_load_balancer_have_their_own_limits(client, settings, editor):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    for number in range(10):
        login(client, f"someone{number}", "wrong", **attacker)
    refused = login(client, "someone", "wrong", **attacker)
    assert "Too many failed login attempts" in refused.content.decode()
    # Another reader behind the same load balancer is not locked out.
    response = login(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.23")
    assert response.status_code == 302


def test_a_database_outage_is_a_friendly_503_and_recovers(client, article, database_down):
    for url in ["/", article.get_absolute_url(), "/tags/", "/sitemap.xml"]:
        response = client.get(url)
        assert response.status_code == 503, url
        assert response["Retry-After"] == "30"
        assert "back in a moment" in response.content.decode()
    database_down.undo()
    assert client.get("/").status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 200


def test_logins_during_an_outage_do_not_lock_anyone_out(client, editor, database_down):
    for _ in range(8):
        assert login(client, "editor", "whatever").status_code == 503
    database_down.undo()
    response = login(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
