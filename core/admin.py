"""Admin pieces every app shares."""

from django.conf import settings

from .middleware import merge_csp


class ReadOnlyAdminMixin:
    """For append-only records (revisions, the moderation log): visible, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RichTextAdminMixin:
    """CKEditor 4 starts its editing frame with a small inline script, so this admin's add and
    change pages (and only those) allow inline scripts and a frame from the site itself
    (``settings.CKEDITOR_CSP_UPDATE`` and ``CKEDITOR_CSP_REPLACE``).
    Whatever an editor's browser runs, the server sanitizes every rich text field on save."""

    def changeform_view(self, *args, **kwargs):
        response = super().changeform_view(*args, **kwargs)
        response._csp_update = merge_csp(
            getattr(response, "_csp_update", None), settings.CKEDITOR_CSP_UPDATE
        )
        response._csp_replace = {
            **(getattr(response, "_csp_replace", None) or {}),
            **settings.CKEDITOR_CSP_REPLACE,
        }
        return response
