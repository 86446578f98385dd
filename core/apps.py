from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares: sanitizing, pagination, admin mixins, site-wide views."""

    name = "core"
