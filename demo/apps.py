from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo newsroom (``manage.py seed_demo``): top of the graph, nothing imports it."""

    name = "demo"
