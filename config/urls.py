from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.caching import FEEDS
from articles.sitemaps import SITEMAPS
from core import views as core_views
from core.cache_tags import tagged

# One login for everyone: the admin's own login form would skip allauth's rate limits and
# "remember me", so /admin/login/ sends people to the site's login page instead.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = f"{settings.SITE_NAME} newsroom"
admin.site.site_title = f"{settings.SITE_NAME} newsroom"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("account/", include("accounts.urls")),
    path("sitemap.xml", tagged(FEEDS)(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon),
    path("", include("comments.urls")),
    path("moderation/", include("comments.moderation.urls")),
    path("", include("reviews.urls")),
    path("subscriptions/", include("subscriptions.urls")),
    path("", include("articles.urls")),
]

handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
