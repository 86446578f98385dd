"""The weekly source check and the safe fetch it (and the WordPress media import) relies on."""

import socket
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Source
from articles.revisions import save_article
from core import fetch as fetch_module
from core.fetch import FetchError, RefusedAddress, fetch
from reviews.freshness import freshness_report
from tests.factories import make_article, make_review
from tests.fake_services import fake_web

pytestmark = pytest.mark.django_db

RETRACTED_DOI = "10.1056/NEJMoa2007621"
GOOD_DOI = "10.1136/bmj.j5326"


@pytest.fixture
def web(settings):
    with fake_web() as web:
        settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
        settings.CROSSREF_API_URL = web.url
        settings.SOURCE_FETCH_TIMEOUT = 5
        yield web


def cite(article, *sources):
    article.body = "<p>" + " ".join(f"[{n}]" for n in range(1, len(sources) + 1)) + "</p>"
    save_article(article, change_note="Sources.", sources=[
        {"kind": "trial", "title": title, "url": url, "doi": doi} for title, url, doi in sources
    ])  # fmt: skip


def test_check_sources_finds_a_broken_link_and_a_retraction_and_lists_the_citing_articles(
    client, web, author, clinician, editor
):
    web.page("/guideline")
    web.redirect("/moved", "/guideline")
    web.json(f"/works/{RETRACTED_DOI}", {"message": {"DOI": RETRACTED_DOI, "updated-by": [
        {"DOI": "10.1056/NEJMc2021225", "type": "retraction",
         "updated": {"date-parts": [[2020, 6, 4]]}}]}})  # fmt: skip
    web.json(f"/works/{GOOD_DOI}", {"message": {"DOI": GOOD_DOI}})
    first = make_article(author, title="Blood pressure at home")
    second = make_article(author, title="Rain and knees")
    make_review(first, clinician)
    cite(
        first,
        ("A guideline", f"{web.url}/guideline", ""),
        ("A registry study", "", RETRACTED_DOI),
        ("Gone", f"{web.url}/gone", ""),
    )
    cite(second, ("Gone", f"{web.url}/gone", ""), ("Rain study", f"{web.url}/moved", GOOD_DOI))

    out = StringIO()
    call_command("check_sources", stdout=out)
    report = out.getvalue()
    assert f"Broken link: {web.url}/gone (HTTP 404)" in report
    assert (
        f"Retracted: {RETRACTED_DOI} (Retraction notice 10.1056/NEJMc2021225 (2020-06-04))"
        in report
    )
    assert "Checked 3 links (1 broken) and 2 DOIs (1 retracted, 0 corrected)." in report
    assert ("HEAD", "/gone") in web.requests and ("GET", "/gone") in web.requests
    moved = Source.objects.get(title="Rain study")
    assert moved.link_status == "ok" and moved.link_final_url == f"{web.url}/guideline"
    assert "redirected 1×" in moved.link_detail

    client.force_login(editor)
    html = client.get(reverse("admin:reviews_freshness")).content.decode()
    assert "Sources need attention (2)" in html
    problems = client.get(reverse("admin:reviews_freshness")).context["source_problems"]
    assert [(p.problem, sorted(a.title for a in p.articles)) for p in problems] == [
        ("Retracted", ["Blood pressure at home"]),
        ("Broken link", ["Blood pressure at home", "Rain and knees"]),
    ]
    # Reviewed today, yet due again at once: it cites a retracted paper.
    assert [state.article for state in freshness_report()["overdue"]] == [first]


def test_a_retraction_found_through_crossrefs_update_to_notices_counts_too(web, author):
    web.json(f"/works/{RETRACTED_DOI}", {"message": {"DOI": RETRACTED_DOI}})
    web.json(f"/works?filter=updates%3A{RETRACTED_DOI.replace('/', '%2F')}&rows=20",
             {"message": {"items": [{"DOI": "10.1/notice", "update-to": [
                 {"DOI": RETRACTED_DOI.lower(), "type": "correction"}]}]}})  # fmt: skip
    article = make_article(author)
    cite(article, ("Study", "", RETRACTED_DOI))
    call_command("check_sources", stdout=StringIO())
    source = article.sources.get()
    assert (source.standing, source.standing_notice) == (
        "corrected",
        "Correction notice 10.1/notice",
    )


def test_crossref_unreachable_leaves_the_standing_alone(settings, author):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    settings.CROSSREF_API_URL = "http://127.0.0.1:9"
    article = make_article(author)
    cite(article, ("Study", "", RETRACTED_DOI))
    Source.objects.update(standing="retracted")
    out = StringIO()
    call_command("check_sources", stdout=out)
    assert "1 not answered by Crossref" in out.getvalue()
    assert article.sources.get().standing == "retracted"


def test_check_sources_can_be_queued_for_the_worker(author):
    out = StringIO()
    call_command("check_sources", "--enqueue", stdout=out)
    assert out.getvalue().startswith("Queued the source check")


# -- the safe fetch ------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost/", "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.5/", "http://[::1]/", "http://192.168.1.1/", "http://0.0.0.0/",
])  # fmt: skip
def test_private_loopback_and_link_local_addresses_are_refused(settings, url):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(RefusedAddress, match="not a public address"):
        fetch(url, max_bytes=100, timeout=2)


def test_a_name_resolving_to_a_private_address_is_refused(settings, monkeypatch):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", 80)),
    ])  # fmt: skip
    with pytest.raises(RefusedAddress, match="10.1.2.3"):
        fetch("http://example.org/", max_bytes=100, timeout=2)


def test_a_redirect_to_a_private_address_is_refused(web, settings, monkeypatch):
    """The first hop is allowed (standing in for a public server); the redirect is checked."""
    web.redirect("/hop", "http://169.254.169.254/latest/meta-data/")
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    real = fetch_module.is_public_address
    monkeypatch.setattr(fetch_module, "is_public_address",
                        lambda address: address == "127.0.0.1" or real(address))  # fmt: skip
    with pytest.raises(RefusedAddress, match="169.254.169.254"):
        fetch(f"{web.url}/hop", max_bytes=100, timeout=2)


def test_fetch_limits_size_and_content_type_and_records_redirects(web):
    web.page("/big", "x" * 5000)
    web.page("/image", b"\x89PNG", content_type="image/png")
    web.redirect("/a", "/b")
    web.redirect("/b", "/image", status=302)
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetch(f"{web.url}/big", max_bytes=1000, timeout=2)
    with pytest.raises(FetchError, match="text/html, not image/png"):
        fetch(f"{web.url}/big", max_bytes=10000, timeout=2, allowed_content_types=["image/png"])
    response = fetch(f"{web.url}/a", max_bytes=100, timeout=2, allowed_content_types=["image/png"])
    assert response.content == b"\x89PNG"
    assert response.redirects == [f"{web.url}/b", f"{web.url}/image"]
    with pytest.raises(FetchError, match="Only http and https"):
        fetch("file:///etc/passwd", max_bytes=100, timeout=2)
