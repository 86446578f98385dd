"""Readers follow the truth: each public update links to what it changed, and every article has
an Atom feed of its own updates, linked from its page; the home page links the site's feeds."""

import re
from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.revisions import save_article
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def updated(author, editor):
    """An article published ten days ago, then: a substantive update, a typo fix, and a second
    substantive update that rewrites advice."""
    now = timezone.now()
    article = make_article(
        author, tags=[make_tag()], published_at=now - timedelta(days=10),
        body="<p>Take ibuprofen for the pain.</p><p>Rest for a day.</p><p>See a doctor.</p>",
    )  # fmt: skip
    article.revisions.update(created_at=article.published_at)  # published then, not now
    article.body += "<p>Drink water.</p>"
    save_article(article, editor=editor, change_note="Added advice on water.",
                 at=now - timedelta(days=5))  # fmt: skip
    article.body = article.body.replace("Rest for a day", "Rest for a dya")
    save_article(article, editor=editor, change_note="Typo.", minor=True,
                 at=now - timedelta(days=4))  # fmt: skip
    article.body = article.body.replace(
        "Take ibuprofen for the pain.", "Take paracetamol for the pain."
    ).replace("dya", "day")
    save_article(article, editor=editor, change_note="Corrected the advice on painkillers.",
                 at=now - timedelta(days=2))  # fmt: skip
    return article


def revision_numbered(article, note):
    return article.revisions.get(change_note=note).number


def test_each_public_update_links_to_what_it_changed(client, updated):
    html = client.get(updated.get_absolute_url()).content.decode()
    correction = revision_numbered(updated, "Corrected the advice on painkillers.")
    url = reverse("articles:article_update", args=[updated.slug, correction])
    assert f'href="{url}"' in html
    typo = revision_numbered(updated, "Typo.")
    assert reverse("articles:article_update", args=[updated.slug, typo]) not in html


def test_what_changed_shows_the_note_then_removed_and_added_text_in_words(client, updated):
    number = revision_numbered(updated, "Corrected the advice on painkillers.")
    response = client.get(reverse("articles:article_update", args=[updated.slug, number]))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html
    assert "Corrected the advice on painkillers." in html
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    # Removed and added words are marked up and said in words, not by colour alone.
    assert "<del>" in html and "<ins>" in html
    assert "Changed: Take [removed: ibuprofen][added: paracetamol] for the pain." in text
    # The typo made and fixed meanwhile (minor edits) is not part of what readers are shown.
    assert "dya" not in html and "Rest for a day." in text
    assert "Drink water" not in html and "unchanged paragraph" in text


def test_a_whole_added_paragraph_is_labelled_added(client, updated):
    number = revision_numbered(updated, "Added advice on water.")
    html = client.get(reverse("articles:article_update", args=[updated.slug, number])).content
    assert b"Added:</span> <ins>Drink water.</ins>" in html


def test_minor_edits_unknown_updates_and_unpublished_articles_have_no_page(client, updated,
                                                                            author):  # fmt: skip
    typo = revision_numbered(updated, "Typo.")
    for number in (typo, 999):
        url = reverse("articles:article_update", args=[updated.slug, number])
        assert client.get(url).status_code == 404
    draft = make_article(author, status="draft")
    draft.body += "<p>More.</p>"
    save_article(draft, change_note="More.")
    url = reverse("articles:article_update", args=[draft.slug, 2])
    assert client.get(url).status_code == 404
    feed = reverse("articles:article_updates_feed", args=[draft.slug])
    assert client.get(feed).status_code == 404


def test_what_changed_refuses_changes(client, updated):
    number = revision_numbered(updated, "Added advice on water.")
    url = reverse("articles:article_update", args=[updated.slug, number])
    assert client.post(url).status_code == 405


def test_the_article_updates_feed_is_valid_and_lists_substantive_updates_only(client, updated):
    response = client.get(reverse("articles:article_updates_feed", args=[updated.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    titles = [entry.title for entry in parsed.entries]
    assert titles[:2] == [
        "Updated: Corrected the advice on painkillers.", "Updated: Added advice on water.",
    ]  # fmt: skip
    assert titles[-1] == f"Published: {updated.title}"
    assert not any("Typo" in title for title in titles)
    number = revision_numbered(updated, "Corrected the advice on painkillers.")
    assert parsed.entries[0].link == "http://testserver" + reverse(
        "articles:article_update", args=[updated.slug, number]
    )
    assert len({entry.id for entry in parsed.entries}) == len(parsed.entries)


def test_article_and_home_pages_link_their_feeds(client, updated):
    feed = reverse("articles:article_updates_feed", args=[updated.slug])
    html = client.get(updated.get_absolute_url()).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert html.count(f'href="{feed}"') == 2  # in <head>, and a visible link
    home = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in home
    assert '<a href="/feed/">RSS feed</a>' in home and '<a href="/feed/atom/">Atom feed</a>' in home
