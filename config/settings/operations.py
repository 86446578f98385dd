"""Settings for running the site on several machines (ops/): structured logs, the task
worker's heartbeat and who may scrape /metrics."""

import ipaddress

from django.core.exceptions import ImproperlyConfigured

from .env import env_choice, env_int, env_list, env_str


def logging_settings(log_format, level):
    """One line a record on standard output: ``json`` (production: ops/logs.py adds the request
    or task id to every line) or ``plain`` text (development)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": "ops.logs.ContextFilter"}},
        "formatters": {
            "json": {"()": "ops.logs.JsonFormatter"},
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["context"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {"django.db.backends": {"level": "INFO"}},
    }


LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOG_FORMAT = env_choice("LOG_FORMAT", ["plain", "json"], "plain")
LOGGING = logging_settings(LOG_FORMAT, LOG_LEVEL)

# Operations (ops/): /readyz fails when no task worker has beaten its heartbeat for this long;
# /metrics answers a bearer METRICS_TOKEN or a connection from METRICS_ALLOWED_IPS (addresses or
# networks), and is a 404 for everyone else.
WORKER_HEARTBEAT_MAX_AGE = env_int("WORKER_HEARTBEAT_MAX_AGE", 120)
WORKER_HEARTBEAT_INTERVAL = env_int("WORKER_HEARTBEAT_INTERVAL", 15)
METRICS_TOKEN = env_str("METRICS_TOKEN", "")
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS", [])
try:
    METRICS_ALLOWED_NETWORKS = [
        ipaddress.ip_network(item, strict=False) for item in METRICS_ALLOWED_IPS
    ]
except ValueError as error:
    raise ImproperlyConfigured(f"METRICS_ALLOWED_IPS: {error}") from None
PROMETHEUS_EXPORT_MIGRATIONS = False  # /readyz says whether migrations are applied
