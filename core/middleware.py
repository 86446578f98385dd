"""What every request and response goes through: no NUL bytes in addresses, a strict
Content-Security-Policy, and no caching of pages that show private data."""

from dataclasses import replace

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag

from . import cache_tags


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy in ``settings.CONTENT_SECURITY_POLICY`` everywhere, widened only on
    the admin by ``settings.ADMIN_CSP_UPDATE`` (what Django's admin and CKEditor need). An
    update only adds sources, so it never names a directive whose base is 'none'."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            parts = replace(parts, update=merge_csp(parts.update, settings.ADMIN_CSP_UPDATE))
        return parts


def merge_csp(*updates):
    """Several ``{directive: [sources]}`` updates as one, sources added up."""
    merged = {}
    for update in updates:
        for directive, sources in (update or {}).items():
            merged.setdefault(directive, [])
            merged[directive] += [source for source in sources if source not in merged[directive]]
    return merged


class PrivatePagesMiddleware:
    """``Cache-Control: private, no-store`` on every response that may show private data: any
    page for a logged-in user (their own pending comments, their name, the moderation queue),
    and the account and moderation areas whatever the visitor. Nothing private is ever kept by
    a browser's back-forward cache, a proxy or a CDN. Public pages that set no cookie get
    ``public``: browsers revalidate them (``ETag``, 304), and those whose cache tags are known
    (core/cache_tags.py) carry them for the edge, which may keep them ``settings.EDGE_MAX_AGE``
    seconds because every change purges them; the rest only ``settings.PUBLIC_CACHE_CONTROL``."""

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def is_shareable(request, response):
        return (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.cookies
            and "Cache-Control" not in response
        )

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        private = (user is not None and user.is_authenticated) or request.path_info.startswith(
            tuple(settings.PRIVATE_URL_PREFIXES)
        )
        if private:
            patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
            response.headers.pop("Expires", None)
            # "public" from a view would contradict the above.
            response["Cache-Control"] = ", ".join(
                part for part in response["Cache-Control"].split(", ") if part != "public"
            )
        elif self.is_shareable(request, response):
            tags = cache_tags.of(request)
            if tags:
                self.tag(request, response, tags)
            else:
                patch_cache_control(response, public=True, **settings.PUBLIC_CACHE_CONTROL)
            if not response.streaming and not response.has_header("ETag"):
                set_response_etag(response)  # for HEAD too (`curl -I`), not only GET
        return response

    @staticmethod
    def tag(request, response, tags):
        """The same page for every anonymous reader, purged by tag: the edge keeps it long."""
        max_age = settings.EDGE_MAX_AGE
        expires = request.__dict__.get("cache_expires")
        if expires is not None:  # a scheduled article goes live then
            max_age = max(0, min(max_age, int((expires - timezone.now()).total_seconds())))
        tags = sorted({cache_tags.SITE, *tags})
        response["Surrogate-Key"] = " ".join(tags)
        response["Cache-Tag"] = ",".join(tags)
        response["Surrogate-Control"] = f"max-age={max_age}"
        patch_cache_control(response, public=True, max_age=0, s_maxage=max_age)


class RejectNulBytesMiddleware:
    """A NUL byte has no meaning in a URL, and PostgreSQL refuses it in any text it is given:
    answer 400 before any view (an admin list filter, a search) passes one to the database.
    Form fields refuse NUL themselves, with a form error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.GET
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in query.getlist(key)) for key in query
        ):
            return HttpResponseBadRequest(
                "This address contains a character that is not allowed (a NUL byte).",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
