"""Kept pages answered in front of Django (core.kept_pages.KeptPages), as gunicorn calls the
site: the same answer Django gave, without Django's request handling."""

import pytest
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import RequestFactory

from core import kept_pages
from tests.test_page_cache import page_cache_on  # noqa: F401 (autouse: local memory and Redis)


class Django:
    """Django's WSGI application, counting the requests that reach it."""

    def __init__(self):
        self.handler, self.calls = WSGIHandler(), 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


@pytest.fixture(autouse=True)
def test_database_kept_open():
    """As the test client does: Django's handler would close the test's database connection."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def make_site():
    django = Django()  # its middleware reads the settings now
    return kept_pages.KeptPages(django), django


@pytest.fixture
def site():
    return make_site()


def get(application, path, **headers):
    """(status, headers, body) of a GET sent straight to the WSGI application."""
    environ = RequestFactory().get(path, headers=headers).environ
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(response_headers)

    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


def without_cache_state(headers):
    return {name: value for name, value in headers.items() if name != "X-Page-Cache"}


def test_a_kept_page_is_answered_in_front_of_django_as_django_answered_it(site, article):
    application, django = site
    url = article.get_absolute_url()
    first = get(application, url)
    assert first[0] == "200 OK" and first[1]["X-Page-Cache"] == "miss"
    second = get(application, url)
    assert second[1]["X-Page-Cache"] == "hit" and django.calls == 1
    assert second[0] == first[0] and second[2] == first[2]
    assert without_cache_state(second[1]) == without_cache_state(first[1])
    # Every header the middleware adds came along: security headers, the policy, the ETag.
    for name in ("X-Content-Type-Options", "Content-Security-Policy", "ETag", "Cache-Control"):
        assert second[1][name]


def test_a_page_not_kept_yet_is_looked_up_once_not_again_inside_django(site, article, monkeypatch):
    application, _ = site
    looked_up = []
    fetch = kept_pages.fetch
    monkeypatch.setattr(kept_pages, "fetch", lambda key: looked_up.append(key) or fetch(key))
    assert get(application, article.get_absolute_url())[1]["X-Page-Cache"] == "miss"
    assert len(looked_up) == 1


def test_a_browser_that_has_the_kept_page_gets_304(site, article):
    application, django = site
    url = article.get_absolute_url()
    etag = get(application, url)[1]["ETag"]
    status, headers, body = get(application, url, if_none_match=etag)
    assert (status, body, headers["ETag"]) == ("304 Not Modified", b"", etag)
    assert django.calls == 1


def test_readers_with_a_session_and_files_go_to_django(site, article, monkeypatch):
    application, django = site
    url = article.get_absolute_url()
    get(application, url), get(application, url)
    assert get(application, url, cookie="sessionid=someone")[1].get("X-Page-Cache") is None
    monkeypatch.setattr(kept_pages, "fetch", lambda key: pytest.fail("files are not pages"))
    get(application, "/static/css/site.css")
    assert django.calls == 3


def test_an_unknown_host_is_refused_by_django_not_looked_up(site, article):
    application, django = site
    status, _, _ = get(application, article.get_absolute_url(), host="evil.example")
    assert status.startswith("400") and django.calls == 1


def test_plain_http_is_sent_to_https_even_when_the_page_is_kept(article, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    application, django = make_site()
    url = article.get_absolute_url()
    secure = {"x_forwarded_proto": "https"}
    get(application, url, **secure)
    assert get(application, url, **secure)[1]["X-Page-Cache"] == "hit"
    status, headers, _ = get(application, url)
    assert status.startswith("301") and headers["Location"].startswith("https://")
