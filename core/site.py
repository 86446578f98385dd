"""The site's identity, from settings: absolute URLs, and the Sites framework's row in step.

Django's sitemaps, the admin's "View on site" and allauth's emails read the ``Site`` row; this
module makes that row say what ``SITE_DOMAIN`` and ``SITE_NAME`` say, after every ``migrate``
(every deploy runs it), so the site never calls itself example.com.
"""

from django.conf import settings


def absolute_url(path):
    """``path`` on the public site; URLs that are already absolute (a CDN) stay as they are."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def sync_site(**kwargs):
    """``post_migrate`` receiver: make the ``Site`` row match the settings."""
    from django.contrib.sites.models import Site

    Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME},
    )
    Site.objects.clear_cache()
