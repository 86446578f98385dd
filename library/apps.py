from django.apps import AppConfig


class LibraryConfig(AppConfig):
    """The media library: every image (and imported audio or video) stored once, with its alt
    text, caption, credit and licence, reused wherever it shows."""

    name = "library"
    verbose_name = "Media library"
