from functools import lru_cache

from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse

# The addresses every page's header, footer and <head> link to: (name, view, arguments).
FRAME_LINKS = [
    ("home", "articles:home", ()),
    ("search", "articles:search", ()),
    ("topics", "articles:tag_list", ()),
    ("feed", "articles:feed", ()),
    ("feed_atom", "articles:feed_atom", ()),
    ("opensearch", "articles:opensearch", ()),
    ("about", "articles:page_detail", ("about",)),
    ("disclaimer", "articles:page_detail", ("disclaimer",)),
    ("comments_policy", "articles:page_detail", ("comments-policy",)),
    ("privacy", "articles:page_detail", ("privacy",)),
    ("login", "account_login", ()),
    ("signup", "account_signup", ()),
    ("logout", "account_logout", ()),
    ("account", "comments:preferences", ()),
    ("moderation", "moderation:home", ()),
    ("newsroom", "admin:index", ()),
]


# The static files every page's <head> links to: name, path.
FRAME_FILES = [
    ("icon", "favicon.svg"),
    ("touch_icon", "apple-touch-icon.png"),
    ("css", "css/site.css"),
    ("print_css", "css/print.css"),
]


def site(request):
    links = frame_links(get_urlconf(settings.ROOT_URLCONF), get_script_prefix())
    return {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, "frame_links": links,
            "frame_files": frame_files(settings.STATIC_URL)}  # fmt: skip


@lru_cache(maxsize=8)
def frame_links(urlconf, prefix):
    """The frame's addresses, reversed once per URLconf and script prefix rather than on every
    page: they cannot change while the process runs."""
    return {name: reverse(view, args=args) for name, view, args in FRAME_LINKS}


@lru_cache(maxsize=8)
def frame_files(static_url):
    """The frame's static files' addresses (their hashed names, from the manifest in
    production), looked up once per process and ``STATIC_URL``, not on every page."""
    return {name: static(path) for name, path in FRAME_FILES}
