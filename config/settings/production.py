"""Production: refuses to start without a real SECRET_KEY; HTTPS, secure cookies and HSTS on."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_choice, env_int, env_list, env_str
from .operations import LOG_LEVEL, logging_settings

SECRET_KEY = env_str("SECRET_KEY")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be a long random value (50+ characters) in production. Generate one with: "
        "python -c 'import secrets; print(secrets.token_urlsafe(64))'"
    )
DEBUG = False
IS_PRODUCTION = True
SITE_DOMAIN = env_str("SITE_DOMAIN")  # required: the public domain, e.g. news.example.org
# Required: sessions' rate limits (allauth) and rendered fragments (core/fragments.py) are
# shared by every app server and worker through it. (base.py builds CACHES from it.)
env_str("REDIS_URL")
SITE_SCHEME = env_str("SITE_SCHEME", "https")
SITE_URL = f"{SITE_SCHEME}://{SITE_DOMAIN}"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [SITE_DOMAIN.split(":")[0]])
if env_bool("DEBUG", False):
    raise ImproperlyConfigured("DEBUG must not be on with production settings.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "same-origin"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
EMAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# One JSON object a line, with the request or task id, for the log collector.
LOG_FORMAT = env_choice("LOG_FORMAT", ["plain", "json"], "json")
LOGGING = logging_settings(LOG_FORMAT, LOG_LEVEL)
