from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.http import HttpResponsePermanentRedirect


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
            if target:
                return HttpResponsePermanentRedirect(target)
        return self.get_response(request)
