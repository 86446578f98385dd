from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    """Medical review: who checked an article, when, and when it is due again."""

    name = "reviews"
    verbose_name = "Medical review"

    def ready(self):
        from articles import structured_data

        from .public import add_review_to_json_ld

        structured_data.CONTRIBUTORS.append(add_review_to_json_ld)

        from articles.caching import AUTHOR_PAGE_FRAGMENTS

        from .templatetags.review_tags import reviewed_by_fragment

        AUTHOR_PAGE_FRAGMENTS.append(lambda request, author: [reviewed_by_fragment(author)])

        from django.db.models.signals import post_delete, post_save

        from articles.models import Author
        from core.cache_tags import changed

        from .models import MedicalReview
        from .public import dependency

        def review_recorded(sender, instance, **kwargs):
            # The article's review line and JSON-LD, and the reviewer's page.
            changed(dependency(instance.article_id), Author(pk=instance.reviewer_id))

        from articles.drafts import PUBLISH_CHECKS
        from articles.models import Revision

        from .signoff import publish_check, record_approved_publication

        PUBLISH_CHECKS.append(publish_check)

        def revision_recorded(sender, instance, created, **kwargs):
            if created:
                record_approved_publication(instance)

        post_save.connect(revision_recorded, sender=Revision, weak=False,
                          dispatch_uid="reviews.signoff")  # fmt: skip

        for signal in (post_save, post_delete):
            signal.connect(review_recorded, sender=MedicalReview, weak=False,
                           dispatch_uid="reviews.cache")  # fmt: skip
