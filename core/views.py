"""Site-wide views: robots.txt and the friendly error pages."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from .site import absolute_url

RETRY_AFTER_SECONDS = 30


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /moderation/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
    ]
    return render(request, "robots.txt", {"lines": lines}, content_type="text/plain")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the real icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def permission_denied(request, exception):
    # The reason is ours (PermissionDenied messages are written for the reader), never a trace.
    message = str(exception) if exception and exception.args else ""
    return render(request, "403.html", {"exception": message}, status=403)


def server_error(request):
    """The 500 handler. A database outage is not our bug but a pause: readers get "503 Service
    Unavailable" with ``Retry-After``, and the next request after recovery works as usual.
    Plain renders without context processors: the error may be the database itself."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.get_template("503.html").render({}), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render({}))
