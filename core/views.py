"""Site-wide views: robots.txt and the friendly error pages."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_GET

from .site import absolute_url


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /moderation/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
    ]
    return render(request, "robots.txt", {"lines": lines}, content_type="text/plain")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def permission_denied(request, exception):
    # The reason is ours (PermissionDenied messages are written for the reader), never a trace.
    message = str(exception) if exception and exception.args else ""
    return render(request, "403.html", {"exception": message}, status=403)


def server_error(request):
    # A plain render without context processors: the error may be the database itself.
    return HttpResponseServerError(loader.get_template("500.html").render({}))
