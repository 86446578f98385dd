"""The shipped Varnish configuration (deploy/varnish/default.vcl) in front of the site: what it
keeps, what it passes, how many entries odd spellings of one address make, and purges by tag."""

import pytest
from django.conf import settings

pytestmark = [pytest.mark.varnish, pytest.mark.django_db(transaction=True)]


def test_the_second_anonymous_request_for_an_article_is_a_hit(varnish, article):
    first = varnish.get(article.get_absolute_url())
    second = varnish.get(article.get_absolute_url())

    assert first.status == second.status == 200
    assert "Why do we yawn?" in second.text
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("MISS", "HIT")
    assert len(second.headers["X-Varnish"].split()) == 2  # this request and the one it reused
    assert second.body == first.body
    assert "xkey" not in second.headers  # Varnish's index stays internal


def test_a_logged_in_reader_is_never_served_from_the_cache(varnish, article, client, reader):
    varnish.get(article.get_absolute_url())  # kept for anonymous readers
    client.force_login(reader)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    for _ in range(2):
        page = varnish.get(article.get_absolute_url(), {"Cookie": f"_ga=1; {cookie}"})
        assert page.headers["X-Cache"] == "PASS"
        assert reader.username in page.text
        assert "no-store" in page.headers["Cache-Control"]
    assert reader.username not in varnish.get(article.get_absolute_url()).text


def test_other_cookies_are_dropped_and_the_page_is_shared(varnish, article):
    varnish.get(article.get_absolute_url())

    page = varnish.get(article.get_absolute_url(), {"Cookie": "_ga=GA1.2.3; csrftoken=x"})

    assert page.headers["X-Cache"] == "HIT"


def test_spellings_of_one_page_share_one_cache_entry(varnish, article):
    varnish.get("/", host="localhost")
    varnish.get("/")
    varnish.get(article.get_absolute_url())
    kept = varnish.objects()
    fetched = varnish.backend_requests()

    for address in (
        "/?page=1",
        "/?page=01",
        "/?page=001",
        "/?page=%31",
        "/?page=1&page=1",
        "/?page=1&page=01",
        "/?utm_source=news&utm_medium=email&fbclid=abc&gclid=x",
        "/?page=1&utm_campaign=spring",
        "/?whatever=1",
        article.get_absolute_url() + "?comments-page=1",
        article.get_absolute_url() + "?comments-page=0001&utm_source=x",
    ):
        page = varnish.get(address)
        assert (address, page.status, page.headers["X-Cache"]) == (address, 200, "HIT")
    for host in ("LOCALHOST", "localhost:1", "localhost:65000", "localhost."):
        page = varnish.get("/", host=host)
        assert (host, page.status, page.headers["X-Cache"]) == (host, 200, "HIT")

    assert varnish.objects() == kept
    assert varnish.backend_requests() == fetched


def test_page_numbers_that_are_not_numbers_go_through_and_are_never_kept(varnish, article):
    varnish.get("/")
    kept = varnish.objects()

    for address in (
        "/?page=x",
        "/?page=",
        "/?page=1x",
        "/?page=%32%",
        "/?page=-1",
        "/?page=2&page=3",
    ):
        page = varnish.get(address)
        assert (address, page.headers["X-Cache"]) == (address, "PASS")
        assert page.status == 404
    for number in range(2, 12):  # past the last page: the app's 404, not kept
        assert varnish.get(f"/?page={number}").status == 404

    assert varnish.objects() == kept


def test_searches_and_reply_forms_go_through_uncached(varnish, article):
    for address in ("/search/?q=yawn", article.get_absolute_url() + "?replyto=1"):
        varnish.get(address)
        page = varnish.get(address)
        assert (address, page.status, page.headers["X-Cache"]) == (address, 200, "PASS")


def test_private_areas_and_changes_go_through(varnish, article):
    login = varnish.get("/accounts/login/?next=/")
    assert login.headers["X-Cache"] == "PASS"
    assert "csrftoken" in login.headers.get("Set-Cookie", "")
    assert varnish.get("/accounts/login/?next=/").headers["X-Cache"] == "PASS"


def test_purge_needs_a_purger_and_names_tags(varnish, article):
    assert varnish.request("PURGE", "/").status == 400
    assert varnish.purge("no-such-tag").status == 200
