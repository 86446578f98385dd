"""Settings for a real task worker in a subprocess (tests/test_subscription_crash.py): the test
settings with the database task backend, on the database ``DATABASE_URL`` names (a file)."""

from config.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                     "QUEUES": ["default", "email", "purge"]}}  # fmt: skip
EMAIL_BACKEND = "tests.slow_mail.SlowQueuedEmailBackend"
