"""The floors of a signed-in reader's requests for `make bench`: the least any site can do for
them on this machine, served exactly like the site (same gunicorn, same database, Redis and
sessions), so that a logged-in page and a comment POST are reported beside what they cannot go
below, as well as beside the one-view framework floor.

- ``GET /articles/<slug>/``: the session and the reader's row read, then the bytes the site
  served that reader for that article (``FLOOR_PAGE``, written by the bench) sent as they are.
- ``POST /articles/<slug>/comments/``: the session and the reader's row read, the CSRF token
  checked, one row inserted and committed, a redirect to it: a comment with no rules at all.

Run it with the site's environment (``DATABASE_URL``, ``REDIS_URL``, ``SECRET_KEY``).
"""

import os
from functools import cache
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ["SECRET_KEY"],
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    DATABASES={
        "default": {**dj_database_url.parse(os.environ["DATABASE_URL"]), "CONN_MAX_AGE": 600}
    },  # fmt: skip
    CACHES={
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
    },  # fmt: skip
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.sessions"],
    SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
    USE_TZ=True,
)

PAGE = Path(os.environ.get("FLOOR_PAGE", "/dev/null"))
TABLE = "bench_floor_comment"


def reader(request):
    user_id = request.session.get("_auth_user_id")
    if user_id is None:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM accounts_user WHERE id = %s AND is_active", [user_id])
        row = cursor.fetchone()
    return row[0] if row else None


@cache
def page():
    return PAGE.read_bytes()


@require_GET
def article(request, slug):
    if reader(request) is None:
        return HttpResponseForbidden()
    form = f'<input type="hidden" name="csrfmiddlewaretoken" value="{get_token(request)}">'
    return HttpResponse(form.encode() + page())


@require_POST
def comment(request, slug):
    user_id = reader(request)
    if user_id is None:
        return HttpResponseForbidden()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (user_id, slug, body) VALUES (%s, %s, %s) RETURNING id",
            [user_id, slug, request.POST.get("body", "")],
        )
        (pk,) = cursor.fetchone()
    return HttpResponseRedirect(f"/articles/{slug}/#comment-{pk}")


def create_table():
    # Both workers boot at once: "IF NOT EXISTS" alone races in PostgreSQL's catalogue.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [TABLE])
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} (id bigserial PRIMARY KEY,"
            " user_id bigint NOT NULL, slug text NOT NULL, body text NOT NULL,"
            " created_at timestamptz DEFAULT now())"
        )


urlpatterns = [
    path("articles/<slug:slug>/", article),
    path("articles/<slug:slug>/comments/", comment),
]
application = get_wsgi_application()
create_table()
