import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

# Django, the apps and every view module (loaded with the URLconf) live as long as the process.
# Frozen, the garbage collector stops walking them: a full collection otherwise walks them all on
# some request's time, many times a minute under load (Python's gc.freeze documentation; the
# same is done for long-lived servers with large heaps elsewhere).
get_resolver().url_patterns  # noqa: B018 (imports the views)
gc.freeze()
