class UnicodeSlugConverter:
    """``<uslug:slug>``: slugs with letters from any script (``allow_unicode`` slugs, such as
    ``健康-café``), for every URL that names an article or a page. Registered by core's app
    config, before any app's URLs are read."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
