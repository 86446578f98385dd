from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from allauth.account.models import EmailAddress
        from django.db.models.signals import post_save

        from articles.caching import ARTICLE_PAGE_FRAGMENTS, ARTICLE_PAGE_PARTS
        from core.cache_tags import changed

        from . import account_deletion  # noqa: F401  (connects its receiver)
        from .caching import HEALTH_PATTERNS, SETTINGS, fragment_tags, page_fragments
        from .models import HealthPattern, ModerationSettings, Sanction
        from .moderation.facts import standing_changed

        ARTICLE_PAGE_PARTS.append(fragment_tags)
        ARTICLE_PAGE_FRAGMENTS.append(page_fragments)

        # The numbers on the Comments Policy page and under the comment form, and the rules the
        # comment section reads once per change of them.
        post_save.connect(
            lambda sender, instance, **kwargs: changed(SETTINGS),
            sender=ModerationSettings,
            weak=False,
            dispatch_uid="comments.settings_saved",
        )
        # The rules posting keeps (comments.moderation.kept_rules) are read again after a claim
        # or crisis pattern is added, changed or deleted.
        on_save_or_delete(
            lambda sender, instance, **kwargs: changed(HEALTH_PATTERNS),
            [HealthPattern],
            "comments.health_pattern_changed",
        )
        # Whether the comment form is offered to a member is kept until they verify or remove an
        # email address, or a sanction of theirs is given, lifted or deleted.
        on_save_or_delete(standing_changed, [EmailAddress, Sanction], "comments.standing_changed")


def on_save_or_delete(receiver, models, dispatch_uid):
    from django.db.models.signals import post_delete, post_save

    for signal in (post_save, post_delete):
        for model in models:
            signal.connect(receiver, sender=model, weak=False, dispatch_uid=dispatch_uid)
