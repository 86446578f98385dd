from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """What every app shares: sanitizing, pagination, admin mixins, site-wide views."""

    name = "core"

    def ready(self):
        from django.apps import apps
        from django.urls import register_converter

        from .converters import UnicodeSlugConverter

        register_converter(UnicodeSlugConverter, "uslug")

        from . import mail  # noqa: F401 (connects its account_deleting receiver)
        from .site import sync_site

        # After django.contrib.sites creates its default row (example.com), correct it.
        sites = apps.get_app_config("sites")
        post_migrate.connect(sync_site, sender=sites, dispatch_uid="core.sync_site")
        # A deploy runs migrate: pages cached from the old code (templates, settings) are stale.
        post_migrate.connect(purge_pages, sender=self, dispatch_uid="core.purge_pages")


def purge_pages(**kwargs):
    from .cache_tags import purge_all

    purge_all()
