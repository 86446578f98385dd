"""Every URL pattern answers with the strict Content-Security-Policy, and every page that can
show private data says ``Cache-Control: private, no-store``."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from core.admin import RichTextAdminMixin

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


DIRECTIVES = {
    "default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "object-src",
    "frame-src", "child-src", "worker-src", "media-src", "manifest-src", "base-uri",
    "form-action", "frame-ancestors", "upgrade-insecure-requests", "report-uri", "report-to",
}  # fmt: skip
KEYWORDS = {"'self'", "'none'", "'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'",
            "'report-sample'"}  # fmt: skip
SOURCE = re.compile(r"'(nonce|sha256|sha384|sha512)-[A-Za-z0-9+/=_-]+'|[a-z][a-z0-9+.-]*:|"
                    r"(https?://)?(\*\.)?[a-z0-9.-]+(:\d+)?(/\S*)?")  # fmt: skip


def parsed_policy(header):
    """``{directive: [sources]}``; fails on anything a browser would complain about."""
    policy = {}
    for part in header.split(";"):
        name, *sources = part.split()
        assert name in DIRECTIVES, f"unknown directive {name!r} in {header}"
        assert name not in policy, f"{name} twice in {header}"
        assert len(set(sources)) == len(sources), f"a source repeated in {part}"
        assert "'none'" not in sources or sources == ["'none'"], f"'none' not alone in {part}"
        for source in sources:
            assert source in KEYWORDS or SOURCE.fullmatch(source), f"{source!r} in {part}"
        policy[name] = sources
    return policy


def object_pages():
    """The admin's add and change pages, and those where CKEditor runs."""
    pages, rich_text = {}, set()
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        obj = model._default_manager.order_by("pk").first()
        pages[f"{opts.label} add"] = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        if obj is not None:
            pages[f"{opts.label} change"] = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
            )
        if isinstance(model_admin, RichTextAdminMixin):
            rich_text |= {f"{opts.label} add", f"{opts.label} change"}
    return pages, rich_text


@pytest.mark.parametrize("persona", [None, "reader", "moderator", "superuser"])
def test_every_policy_the_site_sends_is_well_formed(client, request, every_url, persona):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    urls, rich_text = dict(every_url), set()
    if persona == "superuser":
        pages, rich_text = object_pages()
        urls.update(pages)
    for name, url in urls.items():
        response = client.get(url)
        header = response.get("Content-Security-Policy")
        assert header, (name, url)
        policy = parsed_policy(header)
        expected = ["'self'"] if name in rich_text and response.status_code == 200 else ["'none'"]
        assert policy["frame-src"] == expected, (name, url, header)
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
