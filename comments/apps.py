from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from django.db.models.signals import post_save

        from core.page_cache import changed

        from . import account_deletion  # noqa: F401  (connects its receiver)
        from .models import ModerationSettings
        from .section_cache import SETTINGS

        # The numbers on the Comments Policy page and under the comment form.
        post_save.connect(
            lambda sender, instance, **kwargs: changed(SETTINGS),
            sender=ModerationSettings,
            weak=False,
            dispatch_uid="comments.settings_saved",
        )
