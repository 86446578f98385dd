"""One site identity: SITE_DOMAIN and SITE_NAME name the site in pages, emails and sitemaps."""

import re

import pytest
from django.contrib.sites.models import Site
from django.core import mail
from django.urls import reverse

from core.site import sync_site

pytestmark = pytest.mark.django_db


def sign_up(client, email="newreader@healthy.test"):
    return client.post(
        reverse("account_signup"),
        {"email": email, "username": "newreader",
         "password1": "a-long-unusual-passphrase", "password2": "a-long-unusual-passphrase"},
    )  # fmt: skip


def test_migrate_leaves_the_site_row_in_step_with_the_settings(settings):
    site = Site.objects.get(pk=settings.SITE_ID)
    assert (site.domain, site.name) == (settings.SITE_DOMAIN, settings.SITE_NAME)


def test_no_page_email_or_sitemap_says_example_com(client, article):
    pages = ["/", article.get_absolute_url(), "/sitemap.xml", "/robots.txt", "/tags/",
             article.author.get_absolute_url()]  # fmt: skip
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "example.com" not in response.content.decode(), url
    sign_up(client)
    message = mail.outbox[-1]
    assert "example.com" not in message.subject + message.body
    assert "Healthy Questions" in message.subject + message.body


def test_a_configured_domain_names_the_site_everywhere(client, settings, article):
    settings.SITE_DOMAIN = "news.healthy.test"
    settings.SITE_SCHEME = "https"
    settings.SITE_URL = "https://news.healthy.test"
    settings.SITE_NAME = "Healthy Questions Daily"
    sync_site()

    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"https://news.healthy.test{article.get_absolute_url()}" in sitemap
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        f'<link rel="canonical" href="https://news.healthy.test{article.get_absolute_url()}">'
        in html
    )
    assert f'"url": "https://news.healthy.test{article.get_absolute_url()}"' in html
    assert (
        "Sitemap: https://news.healthy.test/sitemap.xml"
        in client.get("/robots.txt").content.decode()
    )

    sign_up(client)
    message = mail.outbox[-1]
    assert "Healthy Questions Daily" in message.subject + message.body
    assert "example.com" not in message.body


def test_view_on_site_in_the_admin_uses_the_configured_domain(client, settings, editor, article):
    settings.SITE_DOMAIN = "news.healthy.test"
    sync_site()
    client.force_login(editor)
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(article)
    response = client.get(f"/admin/r/{content_type.pk}/{article.pk}/")
    assert response.status_code == 302
    assert re.match(r"https?://news\.healthy\.test/articles/", response["Location"])
