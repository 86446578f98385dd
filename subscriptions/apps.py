from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    """Follow by email, no account needed: an article's updates, or a topic's or an author's
    new articles and updates."""

    name = "subscriptions"
    verbose_name = "Email alerts"

    def ready(self):
        from . import receivers

        receivers.connect()
