"""Settings shared by every environment. Every deploy-specific value comes from the environment."""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from .env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
# The site's one identity: its name and public domain name every absolute link, email, sitemap
# and JSON-LD block, and the Sites framework's row is kept in step (core/site.py). Production
# requires SITE_DOMAIN.
SITE_NAME = env_str("SITE_NAME", "Healthy Questions")
SITE_DOMAIN = env_str("SITE_DOMAIN", "127.0.0.1:8000")
SITE_SCHEME = env_str("SITE_SCHEME", "http")
SITE_URL = f"{SITE_SCHEME}://{SITE_DOMAIN}"
SITE_ID = 1
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", SITE_DOMAIN.split(":")[0]])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.redirects",
    "allauth",
    "allauth.account",
    "ckeditor",
    "csp",
    "django_prometheus",
    # Before django_tasks_db: its `db_worker` (the same worker, beating a heartbeat) is the one
    # manage.py runs.
    "ops",
    "django_tasks",
    "django_tasks_db",
    "accounts",
    "core",
    "library",
    "articles",
    "comments",
    "reviews",
    "subscriptions",
    "wordpress",
    "demo",
]

MIDDLEWARE = [
    # /healthz, /readyz and /metrics, before host checks and the HTTPS redirect: load balancers
    # and scrapers call each app server by its address (ops/middleware.py).
    "ops.middleware.OpsEndpointsMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # A request id for every log line of the request, echoed in X-Request-ID (ops/logs.py).
    "ops.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # ETag on every page, and 304 Not Modified when the browser already has it.
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.middleware.SiteCSPMiddleware",
    "core.middleware.PrivatePagesMiddleware",
    "core.middleware.RejectNulBytesMiddleware",
    # Old WordPress addresses: ?p=ID on the home page, then any 404 in the redirect table.
    "wordpress.middleware.OldAddressMiddleware",
    "wordpress.middleware.OldAddressFallbackMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

# A strict Content-Security-Policy: no inline scripts or styles, no plugins, no framing. The
# templates have no inline <script>, style attribute or on…= handler, so nothing needs a nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The admin only: Django's admin widgets and CKEditor 4 set inline styles, and CKEditor previews
# pasted images as data:/blob: URLs. Scripts stay 'self' only: no inline script and no eval.
ADMIN_URL_PREFIX = "/admin/"
ADMIN_CSP_UPDATE = {
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
}
# Admin add/change pages with CKEditor only (core.admin.RichTextAdminMixin): CKEditor 4 edits in
# a frame of its own and activates it with an inline script it writes itself. frame-src is
# replaced, not added to: 'none' must stand alone or browsers ignore it.
CKEDITOR_CSP_UPDATE = {"script-src": [UNSAFE_INLINE]}
CKEDITOR_CSP_REPLACE = {"frame-src": [SELF]}
# Cache headers, the edge's purges and fragments (config/settings/caching.py).
from .caching import *  # noqa: E402, F403

# Pages that show private data to whoever asks for them (forms with personal details, the queue).
PRIVATE_URL_PREFIXES = [
    "/accounts/", "/account/", "/admin/", "/moderation/", "/comments/", "/feedback/", "/preview/",
    "/subscriptions/",
]  # fmt: skip

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["core.templatetags.dates"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

# SQLite file by default so a first run needs nothing; PostgreSQL in production and CI.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The task worker writes beside the web server. A transaction takes SQLite's write lock when
    # it begins, waiting for it up to 20 s: begun as a read, it would fail at once ("database is
    # locked") when it came to write while the worker held the lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
# The same database backends, counting queries and their errors for /metrics (django-prometheus).
DATABASES["default"]["ENGINE"] = DATABASES["default"]["ENGINE"].replace(
    "django.db.backends.", "django_prometheus.db.backends."
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is the shared cache when REDIS_URL is set. During a Redis outage each process falls back
# to a local-memory cache (config/cache.py), so a failure never takes pages or logins down.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache.FailoverRedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": 300,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
# Django's and allauth's backends, loading a signed-in reader's row cheaply (accounts/backends.py).
AUTHENTICATION_BACKENDS = [
    "accounts.backends.ModelBackend",
    "accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"

# django-allauth: sign up with email and username, verify the email before commenting.
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# None = ask: the login form shows "Remember me"; unticked, the session ends with the browser.
ACCOUNT_SESSION_REMEMBER = None
# Sessions are read from the shared cache, written through to the database (which stays the
# record: a cache outage or eviction only costs a query).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm", "signup": "accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Rate limits are keyed on the client's address. Behind a load balancer that address is in
# X-Forwarded-For: set TRUSTED_PROXY_COUNT to the number of proxies in front of the app (1 for
# one load balancer), or TRUSTED_CLIENT_IP_HEADER to a header the proxy sets (e.g. X-Real-IP).
# Left at 0, every visitor behind a proxy would share one limit.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER", "") or None
# allauth's limits, plus the "Follow by email" form's (subscriptions/views.py): confirmation
# emails to one address, and requests from one client.
ACCOUNT_RATE_LIMITS = {"subscribe": "10/h/ip,3/h/key"}

# Email alerts (subscriptions/): deliveries sent per task; each batch queues the next.
SUBSCRIPTION_BATCH_SIZE = env_int("SUBSCRIPTION_BATCH_SIZE", 100)
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30  # "remember me" keeps a reader signed in for 30 days

# Every email is queued (core/mail.py) and delivered by the worker (manage.py db_worker) through
# EMAIL_DELIVERY_BACKEND, with retries: a mail-server outage delays email, never loses it.
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 8)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)

# Background tasks (django-tasks with its database backend): stored in the site's own
# database, run by `manage.py db_worker` beside the web server. No other server needed.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "email", "purge"],
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded media (every FileField and ImageField, renditions, imported WordPress files) on a
# folder (default) or on S3-compatible object storage shared by every app server, read with
# django-storages' own AWS_* settings and served from the bucket's or the CDN's address.
MEDIA_STORAGE = env_choice("MEDIA_STORAGE", ["filesystem", "s3"], "filesystem")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
    # Unset: boto3 finds them itself (an instance role, ~/.aws).
    AWS_ACCESS_KEY_ID = env_str("AWS_ACCESS_KEY_ID", "") or None
    AWS_SECRET_ACCESS_KEY = env_str("AWS_SECRET_ACCESS_KEY", "") or None
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL", "") or None  # MinIO, R2, Spaces …
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME", "") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN", "") or None  # a CDN in front
    AWS_S3_ADDRESSING_STYLE = env_str("AWS_S3_ADDRESSING_STYLE", "") or None
    # Media is public and its addresses are stable (cacheable by browsers and the CDN), and an
    # upload with a taken name gets a new name, as on a folder.
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_URL = f"https://{AWS_S3_CUSTOM_DOMAIN}/"
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_URL = f"{AWS_S3_ENDPOINT_URL.rstrip('/')}/{AWS_STORAGE_BUCKET_NAME}/"
    else:
        MEDIA_URL = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com/"
# Images come from the media host when it is not this site (object storage, a CDN).
if urlsplit(MEDIA_URL).netloc:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        "{0.scheme}://{0.netloc}".format(urlsplit(MEDIA_URL))
    )
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Uploaded images (core/validators.py): at most this many bytes and pixels (width × height).
IMAGE_MAX_BYTES = env_int("IMAGE_MAX_BYTES", 10 * 1024 * 1024)
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_PIXELS", 40_000_000)
# The media library's audio and video files, and anything fetched from another site.
MEDIA_MAX_BYTES = env_int("MEDIA_MAX_BYTES", 50 * 1024 * 1024)
# Fetching a WordPress site's attachments (core/fetch.py) refuses private, loopback and
# link-local addresses: a URL in an export must not reach into our own network. Tests and
# imports from a site on the same private network turn this on.
FETCH_ALLOW_PRIVATE_ADDRESSES = env_bool("FETCH_ALLOW_PRIVATE_ADDRESSES", False)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# CKEditor 4 (bundled by django-ckeditor) for rich text in the admin. The configuration keeps
# the editor out of reach of its known advisories: no full-page mode, no script or style content,
# no inline styles or event handlers. The server sanitizes again on save (core/sanitizer.py).
CKEDITOR_CONFIGS = {
    "default": {
        "toolbar": "Custom",
        "toolbar_Custom": [
            ["Format", "Bold", "Italic", "Strike", "Subscript", "Superscript"],
            ["NumberedList", "BulletedList", "Blockquote", "HorizontalRule"],
            ["Link", "Unlink", "Image", "Table"],
            ["Undo", "Redo", "RemoveFormat", "Source"],
            ["Citation"],  # inserts a [1] source marker (static/articles/ckeditor/citation)
        ],
        "extra_plugins": ["citation"],
        "external_plugin_resources": [
            ("citation", f"{STATIC_URL}articles/ckeditor/citation/", "plugin.js")
        ],
        "format_tags": "p;h2;h3;h4",
        "fullPage": False,
        "allowedContent": (
            "p h2 h3 h4 blockquote ul ol li strong em b i s sub sup hr br code pre"
            " figure figcaption caption thead tbody tfoot;"
            " a[!href,title]; img[!src,alt,width,height,title];"
            " table; tr; th[colspan,rowspan,scope]; td[colspan,rowspan]; abbr[title]"
        ),
        "disallowedContent": "script; style; iframe; object; embed; *[on*]; *{*}",
        "removePlugins": "exportpdf,iframe,flash,forms,stylesheetparser",
        "height": 420,
        "width": "100%",
        # The image dialog's "Browse Server" picks from the media library and uploads into it
        # (library/views.py); a path, because settings are read before URLs can be reversed.
        "filebrowserImageBrowseUrl": "/admin/library/asset/browse/",
    },
}
# ckeditor.W001 warns that CKEditor 4.22.1 has later advisories. The configuration above avoids
# every one of them and the server sanitizes anyway: see "Security note: django-ckeditor" in README.
SILENCED_SYSTEM_CHECKS = ["ckeditor.W001"]


# Operations: logs, the worker's heartbeat, metrics (config/settings/operations.py).
# The newsroom's own rules: lists, feeds, medical review, drafts, sources, reader feedback,
# deleted accounts, the demo, crisis helplines (config/settings/newsroom.py).
from .newsroom import *  # noqa: E402, F403
from .operations import *  # noqa: E402, F403
