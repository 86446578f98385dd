"""/healthz, /readyz and /metrics: answered by ``OpsEndpointsMiddleware`` ahead of every other
middleware, because load balancers and scrapers call app servers by address (no site
``Host``, plain HTTP), and their calls would otherwise be refused or redirected to HTTPS."""

import hmac
import ipaddress
import os

import prometheus_client
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers
from prometheus_client import CollectorRegistry, multiprocess

from .health import readiness
from .metrics import SiteCollector


def _never_cached(response):
    add_never_cache_headers(response)
    return response


def healthz(request):
    """Liveness: the process answers. Touches nothing else."""
    return _never_cached(JsonResponse({"status": "ok"}))


def readyz(request):
    ready, components = readiness()
    response = JsonResponse(
        {"status": "ready" if ready else "not ready", "components": components},
        status=200 if ready else 503,
    )
    # Each failing component is logged once by readiness(); Django would add an error line
    # ("Service Unavailable") for every call, every second, from every balancer.
    response._has_been_logged = True
    return _never_cached(response)


def may_scrape(request):
    """A bearer ``METRICS_TOKEN``, or a direct connection from ``METRICS_ALLOWED_IPS``."""
    token = settings.METRICS_TOKEN
    authorization = request.headers.get("Authorization", "")
    if token and authorization.startswith("Bearer "):
        if hmac.compare_digest(authorization.removeprefix("Bearer ").encode(), token.encode()):
            return True
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in network for network in settings.METRICS_ALLOWED_NETWORKS)


def metrics(request):
    """Prometheus text: django-prometheus' request, latency, database and cache metrics of
    this process (of every gunicorn worker with ``PROMETHEUS_MULTIPROC_DIR``), then the site's
    own gauges. Only for scrapers ``may_scrape`` lets in (ops/middleware.py)."""
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = prometheus_client.REGISTRY
    site = CollectorRegistry()
    site.register(SiteCollector())
    body = prometheus_client.generate_latest(registry) + prometheus_client.generate_latest(site)
    return _never_cached(HttpResponse(body, content_type=prometheus_client.CONTENT_TYPE_LATEST))


ENDPOINTS = {"/healthz": healthz, "/readyz": readyz, "/metrics": metrics}
