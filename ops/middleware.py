from django.http import HttpResponseNotAllowed

from .views import ENDPOINTS, may_scrape


class OpsEndpointsMiddleware:
    """Answers /healthz, /readyz and /metrics before host checks, the HTTPS redirect,
    sessions and the page cache (see ops/views.py). Every other request goes on, and so does
    /metrics from anyone who may not scrape it: it gets the site's ordinary 404 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = ENDPOINTS.get(request.path_info)
        if view is None or (view is ENDPOINTS["/metrics"] and not may_scrape(request)):
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return view(request)
