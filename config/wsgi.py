import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
django_application = get_wsgi_application()

from core.kept_pages import KeptPages  # noqa: E402 (needs the settings loaded)

# Kept pages are answered in front of Django (core/kept_pages.py).
application = KeptPages(django_application)
