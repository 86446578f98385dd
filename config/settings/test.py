"""Tests: a fast password hasher, in-memory email, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SITE_DOMAIN = "testserver"  # the test client's host, so absolute links resolve in tests
SITE_URL = f"{SITE_SCHEME}://{SITE_DOMAIN}"  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Queued email is delivered at once into mail.outbox; tests of the queue itself switch to the
# database backend and run the worker (tests/test_email_queue.py).
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                     "QUEUES": ["default", "email", "purge"]}}  # fmt: skip
MEDIA_ROOT = tempfile.mkdtemp(prefix="cms-test-media-")
LOGGING = {"version": 1, "disable_existing_loggers": False}
STATIC_ROOT = tempfile.mkdtemp(prefix="cms-test-static-")
WHITENOISE_AUTOREFRESH = True  # serve static files straight from the apps, as runserver does
# Tests never share state through a real cache: each test starts with an empty local one
# (tests/conftest.py clears it). The Redis tests point at Redis explicitly.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Persistent connections would outlive the live server's thread and block dropping the test DB.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Each test runs in one transaction of the in-memory test database, which nothing else writes
# to; taking the write lock at its start would keep `backup` from copying that database.
DATABASES["default"].get("OPTIONS", {}).pop("transaction_mode", None)  # noqa: F405
