from django.apps import AppConfig


class WordpressConfig(AppConfig):
    """Moving a WordPress site here: ``manage.py import_wxr`` and its admin upload."""

    name = "wordpress"
    verbose_name = "WordPress import"
