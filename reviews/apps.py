from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    """Medical review: who checked an article, when, and when it is due again."""

    name = "reviews"
    verbose_name = "Medical review"

    def ready(self):
        from articles import structured_data

        from .public import add_review_to_json_ld

        structured_data.CONTRIBUTORS.append(add_review_to_json_ld)
