"""Sources as records: entered on the article form (filled from a DOI), cited with [1] markers,
listed under the article and in its JSON-LD, kept in every revision."""

import json
import re

import pytest
from django.urls import reverse

from articles.models import Source
from articles.revisions import restore_revision, save_article
from tests.factories import make_article
from tests.fake_services import fake_web
from tests.test_admin_articles import change_url, form_data

pytestmark = pytest.mark.django_db

DOI = "10.1136/bmj.j5326"
CROSSREF_WORK = {
    "status": "ok",
    "message": {
        "DOI": DOI,
        "title": ["Association between rainfall and diagnoses of joint or back pain"],
        "author": [
            {"given": "Anupam B", "family": "Jena"},
            {"given": "Andrew R", "family": "Olenski"},
        ],
        "container-title": ["BMJ"],
        "published-print": {"date-parts": [[2017, 12, 13]]},
    },
}


@pytest.fixture
def web(settings):
    with fake_web() as web:
        settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
        settings.CROSSREF_API_URL = web.url
        settings.PUBMED_API_URL = f"{web.url}/eutils"
        yield web


def with_sources(article, *sources, **overrides):
    """The change form posting ``sources`` (dicts of fields) as the Sources inline."""
    data = form_data(article, **overrides)
    data["sources-TOTAL_FORMS"] = len(sources)
    data["sources-INITIAL_FORMS"] = 0
    for index, source in enumerate(sources):
        for name, value in source.items():
            data[f"sources-{index}-{name}"] = value
    return data


def public_html(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return next(data for data in map(json.loads, blocks) if "headline" in data)


def test_an_editor_adds_a_source_by_doi_cites_it_and_readers_see_it(client, editor, article, web):
    web.json(f"/works/{DOI}", CROSSREF_WORK)
    client.force_login(editor)
    body = "<p>Rain made no difference to joint pain visits [1].</p>"
    response = client.post(change_url(article), with_sources(
        article, {"kind": "observational", "doi": f"https://doi.org/{DOI}"}, body=body,
        change_note="Added the evidence.",
    ))  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    source = article.sources.get()
    assert (source.position, source.doi, source.publisher, source.year) == (1, DOI, "BMJ", 2017)
    assert source.title.startswith("Association between rainfall")
    assert source.authors == "Jena AB, Olenski AR"

    client.logout()
    html = public_html(client, article)
    hidden = '<span class="visually-hidden">Source </span>'
    assert f'<sup class="citation"><a href="#source-1">{hidden}1</a></sup>' in html
    assert '<h2 id="sources-heading">Sources</h2>' in html
    assert '<li id="source-1">' in html and "Observational study:" in html
    assert f'href="https://doi.org/{DOI}"' in html
    citation = json_ld(html)["citation"]
    assert citation == [{
        "@type": "ScholarlyArticle", "name": source.title, "url": f"https://doi.org/{DOI}",
        "identifier": f"https://doi.org/{DOI}", "author": "Jena AB, Olenski AR",
        "publisher": "BMJ", "datePublished": "2017",
    }]  # fmt: skip


@pytest.mark.parametrize(
    "body, message",
    [
        (
            "<p>Cited twice [1] and a missing one [2].</p>",
            "The body cites [2], but there is no source 2",
        ),
        ("<p>Nothing is cited here.</p>", "Source 1 (The guideline) is never cited"),
    ],
)
def test_a_dangling_marker_or_an_uncited_source_is_refused_with_the_text_kept(
    client, editor, article, body, message
):
    client.force_login(editor)
    before = (article.body, article.revisions.count())
    response = client.post(change_url(article), with_sources(
        article, {"kind": "guideline", "title": "The guideline", "url": "https://example.org/g"},
        body=body,
    ))  # fmt: skip
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Cited twice" in html or "Nothing is cited here" in html  # the editor's text is kept
    article.refresh_from_db()
    assert (article.body, article.revisions.count()) == before
    assert not Source.objects.exists()


def test_sources_are_numbered_in_order_and_gaps_are_refused(client, editor, article):
    client.force_login(editor)
    body = "<p>One [1], two [2].</p>"
    response = client.post(change_url(article), with_sources(
        article,
        {"kind": "trial", "title": "Second", "position": 2},
        {"kind": "guideline", "title": "First"},  # no number: after the others … 3, a gap
        body=body,
    ))  # fmt: skip
    assert "Number the sources 1, 2, 3" in response.content.decode()
    response = client.post(change_url(article), with_sources(
        article,
        {"kind": "trial", "title": "Second", "position": 2},
        {"kind": "guideline", "title": "First", "position": 1},
        body=body,
    ))  # fmt: skip
    assert response.status_code == 302
    assert list(article.sources.values_list("position", "title")) == [(1, "First"), (2, "Second")]


def test_an_unreachable_crossref_is_a_clear_message_and_typed_fields_still_save(
    client, editor, article, settings
):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    settings.CROSSREF_API_URL = "http://127.0.0.1:9"  # discard port: nothing listens
    settings.SOURCE_FETCH_TIMEOUT = 2
    client.force_login(editor)
    body = "<p>Rain [1].</p>"
    response = client.post(change_url(article), with_sources(
        article, {"kind": "observational", "doi": DOI}, body=body))  # fmt: skip
    assert response.status_code == 200
    assert "Crossref could not be reached" in response.content.decode()
    assert not Source.objects.exists()
    typed = {"kind": "observational", "doi": DOI, "title": "Rain and pain"}
    response = client.post(change_url(article), with_sources(article, typed, body=body))
    assert response.status_code == 302
    assert article.sources.get().title == "Rain and pain"


def test_the_lookup_endpoint_fills_fields_as_the_editor_types(client, editor, web):
    web.json(f"/works/{DOI}", CROSSREF_WORK)
    web.json("/eutils/esummary.fcgi?db=pubmed&id=29208686&retmode=json", {"result": {
        "uids": ["29208686"],
        "29208686": {"title": "Association between rainfall and diagnoses of joint or back pain.",
                     "authors": [{"name": "Jena AB"}, {"name": "Olenski AR"}],
                     "fulljournalname": "BMJ (Clinical research ed.)", "pubdate": "2017 Dec 13",
                     "articleids": [{"idtype": "doi", "value": DOI}]},
    }})  # fmt: skip
    url = reverse("admin:articles_article_source_metadata")
    client.force_login(editor)
    by_doi = client.get(url, {"doi": DOI}).json()["fields"]
    assert by_doi["publisher"] == "BMJ" and by_doi["year"] == 2017
    by_pmid = client.get(url, {"pmid": "29208686"}).json()["fields"]
    assert by_pmid["doi"] == DOI and by_pmid["authors"] == "Jena AB, Olenski AR"
    unknown = client.get(url, {"doi": "10.1000/nothing"})
    assert unknown.status_code == 502 and "does not know" in unknown.json()["error"]
    assert client.get(url, {"doi": "not a doi"}).status_code == 400
    client.logout()
    assert client.get(url, {"doi": DOI}).status_code == 302  # to the login page


def test_the_lookup_endpoint_refuses_private_addresses_by_default(client, editor, settings):
    settings.CROSSREF_API_URL = "http://127.0.0.1:9"
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_source_metadata"), {"doi": DOI})
    assert response.status_code == 502
    assert "not a public address" in response.json()["error"]


def test_revisions_keep_sources_and_restores_bring_them_back(article, editor):
    article.body = "<p>Claim [1].</p>"
    first = {"kind": "guideline", "title": "Old guideline", "url": "https://example.org/old"}
    save_article(article, editor=editor, change_note="Cited.", sources=[first])
    with_source = article.revisions.order_by("-number").first()
    assert with_source.snapshot["sources"][0]["title"] == "Old guideline"
    new = {**first, "title": "New guideline", "year": 2024}
    save_article(article, editor=editor, change_note="Newer guideline.", sources=[new])
    assert article.sources.get().title == "New guideline"
    restore_revision(article, with_source, editor=editor, change_note="Back to the old one.")
    assert article.sources.get().title == "Old guideline"
    assert article.revisions.count() == 4


def test_the_diff_shows_a_changed_source(client, editor, article):
    article.body = "<p>Claim [1].</p>"
    source = {"kind": "trial", "title": "A trial", "doi": DOI}
    save_article(article, editor=editor, change_note="Cited.", sources=[source])
    save_article(article, editor=editor, change_note="Year.", sources=[{**source, "year": 2017}])
    old, new = article.revisions.order_by("-number")[1], article.revisions.order_by("-number")[0]
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_compare", args=[article.pk]),
                      {"from": old.pk, "to": new.pk})  # fmt: skip
    html = page.content.decode()
    assert "<h3>Sources</h3>" in html and "<ins> · 2017</ins>" in html


def test_a_marker_inside_a_link_or_with_no_source_is_left_as_typed(client, author):
    article = make_article(author, body='<p>See <a href="https://example.org">[1]</a> and [4].</p>')
    save_article(article, change_note="x", sources=[{"kind": "other", "title": "T"}])
    html = public_html(client, article)
    assert ">[1]</a> and [4].</p>" in html


def test_the_change_form_shows_the_sources_in_order_and_resaving_keeps_them(
    client, editor, article
):
    article.body = "<p>One [1], two [2].</p>"
    sources = [
        {"kind": "guideline", "title": "First guideline"},
        {"kind": "trial", "title": "A trial"},
    ]
    save_article(article, change_note="Cited.", sources=sources)
    client.force_login(editor)
    html = client.get(change_url(article)).content.decode()
    assert html.index('value="First guideline"') < html.index('value="A trial"')
    response = client.post(change_url(article), form_data(article, change_note="Nothing new."))
    assert response.status_code == 302
    assert list(article.sources.values_list("title", flat=True)) == ["First guideline", "A trial"]
    assert article.revisions.count() == 2  # nothing changed: no revision


def test_changed_sources_need_a_change_note_like_any_substantive_edit(client, editor, article):
    article.body = "<p>One [1].</p>"
    save_article(article, change_note="Cited.", sources=[{"kind": "guideline", "title": "Old"}])
    client.force_login(editor)
    data = form_data(article, change_note="")
    data["sources-0-title"] = "Newer guideline"
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "The sources changed: write a change note" in response.content.decode()
    assert article.sources.get().title == "Old"
    data["change_note"] = "Cited the newer guideline."
    assert client.post(change_url(article), data).status_code == 302
    assert article.sources.get().title == "Newer guideline"
    assert article.revisions.order_by("-number").first().change_note == "Cited the newer guideline."
