from django.contrib import admin, messages
from django.urls import path
from django.utils.html import format_html, format_html_join

from . import views
from .models import Asset
from .usage import uses_of


@admin.register(Asset)
class AssetAdmin(admin.ModelAdmin):
    """The media library: search by title, alt text, caption, credit or licence; filter by kind,
    licence and whether an image is decorative. An asset in use cannot be deleted."""

    list_display = ("preview", "title", "kind", "alt", "credit", "licence", "uploaded_at")
    list_display_links = ("preview", "title")
    list_filter = ("kind", "decorative", "licence", "uploaded_at")
    search_fields = ("title", "alt", "caption", "credit", "licence", "description", "file")
    readonly_fields = ("preview", "kind", "width", "height", "used_in", "uploaded_at",
                       "uploaded_by", "sha256")  # fmt: skip
    fieldsets = (
        (None, {"fields": ("file", "preview", "title", "alt", "decorative", "caption")}),
        ("Rights", {"fields": ("credit", "licence", "source_url")}),
        (
            "About the file",
            {
                "fields": (
                    "description",
                    "kind",
                    "width",
                    "height",
                    "sha256",
                    "uploaded_at",
                    "uploaded_by",
                    "used_in",
                )
            },
        ),  # fmt: skip
    )

    @admin.display(description="Preview")
    def preview(self, asset):
        if not asset.pk or asset.kind != Asset.Kind.IMAGE:
            return "—"
        return format_html('<img src="{}" alt="" width="96" class="asset-preview">', asset.url)

    @admin.display(description="Used in")
    def used_in(self, asset):
        uses = uses_of(asset) if asset.pk else []
        if not uses:
            return "Not used anywhere: it can be deleted."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "", '<li><a href="{}">{}</a></li>', ((url, text) for text, url in uses)
            ),
        )

    def get_urls(self):
        browse = self.admin_site.admin_view(lambda request: views.browse(request, self.admin_site))
        return [path("browse/", browse, name="library_asset_browse")] + super().get_urls()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or not uses_of(obj))

    def delete_queryset(self, request, queryset):
        """Bulk deletion skips the assets in use and says which."""
        in_use = [asset for asset in queryset if uses_of(asset)]
        if in_use:
            names = ", ".join(f"“{asset}”" for asset in in_use)
            messages.warning(request, f"Not deleted, because they are in use: {names}.")
        queryset.exclude(pk__in=[asset.pk for asset in in_use]).delete()
