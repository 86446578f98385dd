from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        # Connects the receiver that records tag changes made outside ``save_article``.
        from . import caching, media_uses, revisions  # noqa: F401

        caching.connect()  # what each change purges from the page cache
