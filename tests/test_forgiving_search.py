"""Search that forgives: synonyms from an editable list, "Did you mean …?" for misspellings
(pg_trgm on PostgreSQL, difflib on SQLite), and snippets cut at word boundaries with the
matching words marked, escaped piece by piece."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse

from articles.models import Synonym
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db


def search(client, query):
    response = client.get(reverse("articles:search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_the_demo_forgives_hedache_migrane(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    html = search(client, "hedache migrane")
    assert 'Did you mean <a href="/search/?q=headache%20migraine">headache migraine</a>?' in html
    assert '<a href="/articles/when-is-a-headache-worth-worrying-about/">' in html
    assert re.search(r"<mark>[Hh]eadaches?</mark>", html)


def test_a_misspelt_word_is_corrected_from_titles_and_topics(client, author):
    make_article(author, title="Is vitamin D worth taking in winter?", tags=[make_tag("Nutrition")])
    html = search(client, "vitamn nutriton")
    assert "Did you mean" in html and ">vitamin nutrition</a>?" in html
    assert "Is vitamin D worth taking in winter?" in html
    html = search(client, "vitamin")  # found as typed: nothing to suggest
    assert "Did you mean" not in html
    html = search(client, "zzqxv")
    assert "Did you mean" not in html and "No articles match" in html


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("sleep apnea", "Snoring and sleep apnoea"),
        ("heart attack", "After a myocardial infarction"),
        ("acetaminophen", "How much paracetamol is too much?"),
    ],
)
def test_synonyms_find_what_the_other_name_finds(client, author, query, title):
    make_article(author, title=title)
    make_article(author, title="Something else entirely")
    html = search(client, query)
    assert title in html and "Something else entirely" not in html


def test_editors_add_synonyms_in_the_admin(client, editor, author):
    make_article(author, title="Living with tinnitus")
    assert "tinnitus" not in search(client, "ringing ears")
    client.force_login(editor)
    response = client.post(reverse("admin:articles_synonym_add"),
                           {"terms": "Tinnitus, ringing ears"})  # fmt: skip
    assert response.status_code == 302
    assert "Living with tinnitus" in search(client, "ringing ears")
    response = client.post(reverse("admin:articles_synonym_add"), {"terms": "only one"})
    assert response.status_code == 200 and "at least two terms" in response.content.decode()
    assert not Synonym.objects.filter(terms="only one").exists()


def test_snippets_start_and_end_on_whole_words_with_matches_marked(client, author):
    filler = " ".join(f"word{number}" for number in range(120))
    body = f"<p>{filler} quickly the hydration advice changed {filler}.</p>"
    make_article(author, title="Long read", dek="", body=body)
    html = search(client, "hydration")
    snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', html, re.S).group(1)
    assert snippet.startswith("… word") and snippet.endswith(" …")
    words = snippet.removeprefix("… ").removesuffix(" …").split()
    assert all(re.fullmatch(r"word\d+|quickly|the|<mark>hydration</mark>|advice|changed", w)
               for w in words), words  # fmt: skip


def test_snippet_marks_never_break_escaping(client, author):
    make_article(author, title="Salt & pepper", dek="",
                 body="<p>Tom &amp; Jerry eat salt &lt;b&gt; with amp.</p>")  # fmt: skip
    html = search(client, "amp salt")
    snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', html, re.S).group(1)
    assert "&amp;" in snippet and "&<mark>" not in snippet
    assert "<mark>amp</mark>" in snippet and "&lt;b&gt;" in snippet and "<b>" not in snippet
    assert "<mark>salt</mark>" in snippet


def test_the_search_page_form_is_styled_like_the_header_box(client, article):
    html = search(client, "yawn")
    assert 'class="form search-form"' in html
    css = Path(finders.find("css/site.css")).read_text()
    assert ".search-form input[type=search]" in css
