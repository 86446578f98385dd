"""Feeds (RSS and Atom for the site, each tag, each author) with honest dates, and the SEO
pieces: canonical links, noindex where pages duplicate, breadcrumbs and Person JSON-LD."""

import json
import re

import feedparser
import pytest
from django.urls import reverse

from articles.revisions import save_article
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db


def feed_urls(article):
    tag, author = article.tags.get(), article.author
    return [
        reverse("articles:feed"),
        reverse("articles:feed_atom"),
        reverse("articles:tag_feed", args=[tag.slug]),
        reverse("articles:tag_feed_atom", args=[tag.slug]),
        reverse("articles:author_feed", args=[author.slug]),
        reverse("articles:author_feed_atom", args=[author.slug]),
    ]


def test_every_feed_is_valid_with_absolute_links_and_honest_dates(client, article):
    for url in feed_urls(article):
        response = client.get(url)
        assert response.status_code == 200, url
        parsed = feedparser.parse(response.content)
        assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
        [entry] = parsed.entries
        assert entry.title == article.title
        assert entry.link == f"http://testserver{article.get_absolute_url()}"
        assert entry.published_parsed[:3] == article.published_at.utctimetuple()[:3]


def test_a_minor_edit_changes_nothing_in_any_feed(client, article, editor):
    before = {url: client.get(url).content for url in feed_urls(article)}
    article.body = article.body.replace("First", "Frist")
    save_article(article, editor=editor, change_note="Typo.", minor=True)
    after = {url: client.get(url).content for url in feed_urls(article)}
    assert after == before


def test_a_substantive_edit_moves_the_atom_updated_date(client, author, editor):
    from datetime import timedelta

    from django.utils import timezone

    article = make_article(
        author, tags=[make_tag()], published_at=timezone.now() - timedelta(days=9)
    )
    article.body += "<p>New advice.</p>"
    save_article(article, editor=editor, change_note="New advice.")
    entry = feedparser.parse(client.get(reverse("articles:feed_atom")).content).entries[0]
    assert entry.updated_parsed[:3] == timezone.now().utctimetuple()[:3]
    assert entry.published_parsed[:3] != entry.updated_parsed[:3]


def test_feeds_carry_the_dek_or_the_full_text_by_setting(client, article, settings):
    summary = feedparser.parse(client.get(reverse("articles:feed")).content).entries[0]
    assert "A short summary of the piece." in summary.summary
    settings.FEEDS_FULL_TEXT = True
    full = feedparser.parse(client.get(reverse("articles:feed")).content).entries[0]
    assert "First paragraph of the body." in full.summary


def test_drafts_and_scheduled_articles_stay_out_of_feeds(client, author):
    from datetime import timedelta

    from django.utils import timezone

    make_article(author, title="Draft piece", status="draft")
    make_article(author, title="Tomorrow piece", published_at=timezone.now() + timedelta(days=1))
    assert not feedparser.parse(client.get(reverse("articles:feed")).content).entries


def test_feed_query_counts_do_not_grow(client, author, django_assert_max_num_queries):
    tag = make_tag("Shared")

    def counts():
        sizes = []
        for url in (reverse("articles:feed"), reverse("articles:tag_feed", args=[tag.slug]),
                    reverse("articles:author_feed", args=[author.slug])):  # fmt: skip
            client.get(url)  # the site's domain is cached after the first request
            with django_assert_max_num_queries(5) as captured:
                assert client.get(url).status_code == 200
            sizes.append(len(captured))
        return sizes

    for _ in range(3):
        make_article(author, tags=[tag, make_tag()])
    few = counts()
    for _ in range(27):
        make_article(author, tags=[tag, make_tag(), make_tag()])
    assert counts() == few


def test_pages_link_their_feeds(client, article):
    home = client.get("/").content.decode()
    assert 'type="application/rss+xml"' in home and 'href="/feed/"' in home
    tag = client.get(article.tags.get().get_absolute_url()).content.decode()
    assert f'href="/tags/{article.tags.get().slug}/feed/"' in tag
    author = client.get(article.author.get_absolute_url()).content.decode()
    assert f'href="/authors/{article.author.slug}/feed/atom/"' in author


def canonical(html):
    return re.findall(r'<link rel="canonical" href="([^"]+)">', html)


def test_every_public_page_has_one_canonical_link(client, article):
    for url in ["/", "/tags/", article.get_absolute_url(), article.tags.get().get_absolute_url(),
                article.author.get_absolute_url(), "/pages/about/"]:  # fmt: skip
        assert canonical(client.get(url).content.decode()) == [f"http://testserver{url}"], url
    assert canonical(client.get(article.get_absolute_url() + "?replyto=1").content.decode()) == [
        f"http://testserver{article.get_absolute_url()}"
    ]


def test_paginated_duplicates_are_noindex(client, author, settings):
    settings.ARTICLES_PER_PAGE = 2
    for _ in range(5):
        make_article(author)
    assert "noindex" not in client.get("/").content.decode()
    second = client.get("/?page=2").content.decode()
    assert '<meta name="robots" content="noindex, follow">' in second
    assert canonical(second) == ["http://testserver/?page=2"]


def ld_blocks(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in found]


def test_articles_have_breadcrumbs_and_authors_a_person(client, article):
    blocks = ld_blocks(client.get(article.get_absolute_url()).content.decode())
    [crumbs] = [b for b in blocks if b["@type"] == "BreadcrumbList"]
    assert [item["name"] for item in crumbs["itemListElement"]] == ["Home", "Sleep", article.title]
    [person] = ld_blocks(client.get(article.author.get_absolute_url()).content.decode())
    assert person["@type"] == "Person" and person["honorificSuffix"] == "PhD"
    assert person["url"] == f"http://testserver{article.author.get_absolute_url()}"


def test_a_print_stylesheet_keeps_dates_and_link_addresses(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/static/css/print.css" media="print"' in html
    css = (settings_static_root() / "css" / "print.css").read_text()
    assert "attr(href)" in css and ".site-header" in css and ".update-line" in css


def settings_static_root():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "static"
