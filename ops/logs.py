"""Structured logs: one JSON object a line, each carrying the request id (or the task id in
the worker), so every line of one request can be found across app servers.

``RequestLogMiddleware`` gives each request its id (the trusted proxy's ``X-Request-ID``, else
a new one), echoes it in the response and writes one line when the request ends: route,
status, duration and the user id (never the email). ``ContextFilter`` adds the current ids to
every record logged meanwhile, by any logger. ``LOG_FORMAT`` chooses JSON or plain text.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from django.conf import settings
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

logger = logging.getLogger("ops.requests")

current_request = ContextVar("current_request", default=None)
current_task_id = ContextVar("current_task_id", default=None)

REQUEST_ID_HEADER = "X-Request-ID"
# What we accept from a proxy as a request id: no spaces, quotes or control characters.
VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:@/+=-]{1,128}$")


def trusts_proxy():
    """A request id sent by a client is only believed from behind our own proxy, the one
    rate limits already trust (``TRUSTED_PROXY_COUNT`` / ``TRUSTED_CLIENT_IP_HEADER``), which
    must set or replace the header on every request."""
    return bool(settings.ALLAUTH_TRUSTED_PROXY_COUNT or settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)


def request_id_of(request):
    sent = request.headers.get(REQUEST_ID_HEADER, "")
    if sent and trusts_proxy() and VALID_REQUEST_ID.match(sent):
        return sent
    return uuid.uuid4().hex


def user_id_of(request):
    """The signed-in user's id, only if this request has already looked the user up (never an
    extra query for a log line)."""
    user = getattr(request, "_cached_user", None)
    if user is not None and user.is_authenticated:
        return user.pk
    return None


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.request_id = request_id_of(request)
        # Left set until the request is finished (``forget_request``): Django logs a 4xx or 5xx
        # response ("Not Found: …") after the last middleware has returned.
        current_request.set(request)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request.request_id
        match = getattr(request, "resolver_match", None)
        route = f"/{match.route}" if match else None
        logger.info(
            "%s %s %s",
            request.method,
            route or request.path,
            response.status_code,
            extra={
                "method": request.method,
                "route": route,
                "view": match.view_name if match else None,
                "path": None if match else request.path[:200],
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response


def forget_request(**kwargs):
    current_request.set(None)


class ContextFilter(logging.Filter):
    """Adds ``request_id`` and ``user_id`` (in a request) or ``task_id`` (in the worker)."""

    def filter(self, record):
        request = current_request.get()
        if request is not None:
            record.request_id = getattr(request, "request_id", None)
            record.user_id = user_id_of(request)
        task_id = current_task_id.get()
        if task_id is not None:
            record.task_id = task_id
        return True


class JsonFormatter(BaseJsonFormatter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", True)
        super().__init__("%(levelname)s %(name)s %(message)s", *args, **kwargs)


def _task_started(sender, task_result, **kwargs):
    current_task_id.set(str(task_result.id))


def _task_finished(sender, task_result, **kwargs):
    current_task_id.set(None)


def connect_signals():
    """A request's id is forgotten when it is finished; the worker's log lines carry the id of
    the task they belong to."""
    from django.core.signals import request_finished
    from django_tasks.signals import task_finished, task_started

    request_finished.connect(forget_request, dispatch_uid="ops.forget_request")

    # Connected before django-tasks' own receivers log "Task id=… started", so that line has it.
    task_started.connect(_task_started, dispatch_uid="ops.task_started")
    task_finished.connect(_task_finished, dispatch_uid="ops.task_finished")
