from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.redirects.middleware import RedirectFallbackMiddleware
from django.contrib.redirects.models import Redirect
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.encoding import escape_uri_path

from articles.models import Article, Page


def old_path_key(path):
    """An old address the way Django spells a request for it: WordPress writes
    ``/%e5%81%a5-caf%c3%a9/`` (or the same in capitals, or raw Unicode), and every spelling
    becomes the one ``request.get_full_path()`` gives, so any of them finds its redirect."""
    path, question, query = path.partition("?")
    return escape_uri_path(unquote(path)) + question + query


def shows_readers(new_path):
    """Whether a redirect's target is something readers may see: an old address of an imported
    draft, private or password-protected post does not lead to it until it is published."""
    try:
        match = resolve(unquote(urlsplit(new_path).path))
    except Resolver404:
        return True
    if match.view_name == "articles:article_detail":
        return (
            Article.objects.filter(slug=match.kwargs["slug"])
            .exclude(status=Article.Status.DRAFT)
            .exclude(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
            .exclude(status=Article.Status.PUBLISHED, published_at=None)
            .exists()
        )
    if match.view_name == "articles:page_detail":
        pages = Page.objects.filter(slug=match.kwargs["slug"])
        return pages.exclude(status=Page.Status.DRAFT).exists()
    return True


class OldAddressMiddleware:
    """WordPress's plain links (``/?p=123``, ``/?page_id=7``) land on our home page, which
    exists, so the redirect table's 404 fallback never sees them: answer them first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and ("p" in request.GET or "page_id" in request.GET):
            target = (
                Redirect.objects.filter(site_id=settings.SITE_ID, old_path=request.get_full_path())
                .values_list("new_path", flat=True)
                .first()
            )
            if target and shows_readers(target):
                return HttpResponsePermanentRedirect(target)
        return self.get_response(request)


class OldAddressFallbackMiddleware(RedirectFallbackMiddleware):
    """Django's redirect table, except that a redirect to a page readers may not see yet stays
    a 404 (the old address of a draft must not reveal where it will live)."""

    def process_response(self, request, response):
        answer = super().process_response(request, response)
        if answer is not response and answer.has_header("Location"):
            if not shows_readers(answer["Location"]):
                return response
        return answer
