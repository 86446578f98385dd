from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from django.db.models.signals import post_save

        from articles.models import Article

        from . import (
            account_deletion,  # noqa: F401  (connects its receiver)
            section_cache,
        )

        # Closing comments or changing the author changes what the section shows.
        post_save.connect(
            lambda sender, instance, **kwargs: section_cache.changed(instance.pk),
            sender=Article,
            weak=False,
            dispatch_uid="comments.article_saved",
        )
