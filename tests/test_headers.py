"""Every URL pattern answers with the strict Content-Security-Policy, and every page that can
show private data says ``Cache-Control: private, no-store``."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

STRICT_CSP = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
)


def is_private(url):
    return re.match(r"^/(accounts|account|admin|moderation|comments)/", url)


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.mark.parametrize("persona", [None, "moderator", "reader"])
def test_every_url_has_the_csp_and_private_pages_are_never_stored(
    client, request, every_url, persona
):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    for name, url in every_url.items():
        response = client.get(url)
        assert response.status_code < 500, (name, url, response.status_code)
        policy = response.get("Content-Security-Policy", "")
        for directive in STRICT_CSP[2:]:
            assert directive in policy, (name, url, policy)
        if not url.startswith("/admin/"):
            for directive in STRICT_CSP:
                assert directive in policy, (name, url, policy)
        if persona or is_private(url):
            assert {"private", "no-store"} <= cache_control(response), (name, url)


def test_the_admin_widens_the_policy_only_where_ckeditor_needs_it(client, superuser, article):
    client.force_login(superuser)
    change = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "script-src 'self' 'unsafe-inline'" in change["Content-Security-Policy"]
    changelist = client.get(reverse("admin:articles_article_changelist"))
    assert "script-src 'self';" in changelist["Content-Security-Policy"] + ";"
    assert "'unsafe-inline'" not in changelist["Content-Security-Policy"].split("style-src")[0]


def test_public_pages_for_anonymous_readers_are_not_marked_private(client, article):
    response = client.get(article.get_absolute_url())
    assert "private" not in cache_control(response)


def test_anonymous_pages_are_cdn_ready(client, article):
    """Tagged for the edge, which keeps them a day (purged on change: test_cache_tags.py)."""
    response = client.get(article.get_absolute_url())
    assert not response.cookies
    control = cache_control(response)
    assert "public" in control and "s-maxage=86400" in control and "max-age=0" in control
    assert f"article-{article.pk}" in response["Surrogate-Key"].split()
    etag = response["ETag"]
    again = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and not again.content


def test_logged_in_pages_are_never_shared(client, article, reader):
    client.force_login(reader)
    control = cache_control(client.get(article.get_absolute_url()))
    assert "private" in control and "no-store" in control and "public" not in control
