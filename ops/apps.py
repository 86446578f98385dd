from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the site on several machines: health and readiness, metrics, structured logs,
    the worker's heartbeat, backups and restores. It sits above every other app because it
    watches all of them (queue depth, comments waiting, reviews overdue)."""

    name = "ops"
    verbose_name = "Operations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import logs

        logs.connect_signals()
