"""Whole pages for anonymous readers, served from the page cache (core/page_cache.py).

``PageCacheMiddleware`` keeps every public page whose view declared what it shows, and serves
kept pages to requests that come through Django (the test client, the development server);
``KeptPages``, in front of Django in config/wsgi.py, serves them to everything else without
Django's request handling. Both decide alike, with the same functions.
"""

import hashlib
import time

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.utils.cache import get_conditional_response

from .page_cache import fetch, keep, shared_cache_available


class PageCacheMiddleware:
    """Serves anonymous readers a page kept by an earlier request, before sessions, users or
    views are touched; keeps every public page whose view declared what it shows. The first
    middleware, so a kept page carries every header the others add (all the same for every
    anonymous reader); ``KeptPages`` serves it in front of Django itself.

    Only requests without a session or messages cookie are served from here (anyone else may
    see something personal), only for query strings made of ``settings.PAGE_CACHE_QUERY_PARAMS``
    (so made-up parameters cannot fill the cache), and only responses that the site marked
    ``public`` (``core.middleware.PrivatePagesMiddleware``) and that set no cookie are kept.
    ``X-Page-Cache`` says ``hit`` or ``miss``.
    """

    PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Before anything is read for this request: fragments kept while it renders use it too.
        request.page_started = time.time()
        if not self.applies(request):
            return self.get_response(request)
        key = self.page_key(request)
        # Looked up already by KeptPages in front of Django, and not kept: not a second time.
        if request.META.get(LOOKED_UP) != key:
            response = self.kept_response(request, key)
            if response is not None:
                return response
        request.page_dependencies = set()
        response = self.get_response(request)
        if request.page_dependencies and self.keepable(request, response):
            kept = (response.status_code, dict(response.items()), response.content)
            until = getattr(request, "page_valid_until", None)
            keep(key, kept, request.page_dependencies, request.page_started, until)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def kept_response(request, key):
        """The page kept under ``key`` (``304 Not Modified`` when the browser has it), or None."""
        kept = fetch(key)
        if kept is None:
            return None
        status, headers, content = kept
        response = HttpResponse(content, status=status, headers=headers)
        response["X-Page-Cache"] = "hit"
        if request.method == "GET":  # as ConditionalGetMiddleware answers
            response = get_conditional_response(request, etag=response.get("ETag"),
                                                response=response)  # fmt: skip
        return response

    @classmethod
    def applies(cls, request):
        return (
            settings.PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path_info.startswith(NOT_PAGES)
            # SecurityMiddleware sends such a request to https first.
            and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)
            and not any(name in request.COOKIES for name in cls.PERSONAL_COOKIES)
            and set(request.GET) <= set(settings.PAGE_CACHE_QUERY_PARAMS)
            and shared_cache_available()
        )

    @staticmethod
    def page_key(request):
        """Raises DisallowedHost for a host the site does not serve."""
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        return "page:" + hashlib.sha256(address.encode()).hexdigest()

    @staticmethod
    def keepable(request, response):
        user = getattr(request, "user", None)
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "public" in response.get("Cache-Control", "")
            and (user is None or not user.is_authenticated)
        )


NOT_PAGES = (settings.STATIC_URL, settings.MEDIA_URL)  # files: served, never looked up here
# In the WSGI environ: the key under which KeptPages, in front of Django, found no page.
LOOKED_UP = "core.kept_pages.looked_up"


class KeptPages:
    """In front of the Django application (config/wsgi.py): a kept page is answered from here,
    without Django's request handling, middleware or signals: on a kept page they would all
    do what they did when it was kept. Anything else goes to Django, which keeps pages through
    ``PageCacheMiddleware``; both decide alike, with the same functions."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        request = WSGIRequest(environ)
        response = None
        if PageCacheMiddleware.applies(request):
            try:
                key = PageCacheMiddleware.page_key(request)
            except DisallowedHost:
                key = None  # Django answers it (400)
            if key is not None:
                response = PageCacheMiddleware.kept_response(request, key)
                environ[LOOKED_UP] = key
        if response is None:
            return self.application(environ, start_response)
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [response.content]  # the server sends no body for HEAD, as for Django's
