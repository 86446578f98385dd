from django import forms
from django.contrib import admin

from .models import ImportedItem, ImportJob
from .reader import WXRError, check_start
from .tasks import run_import


class ImportJobForm(forms.ModelForm):
    class Meta:
        model = ImportJob
        fields = ["export"]

    def clean_export(self):
        """A hostile or foreign file is refused here, with the reason, and no job is queued."""
        export = self.cleaned_data["export"]
        try:
            check_start(export)
        except WXRError as error:
            raise forms.ValidationError(f"This file cannot be imported: {error}") from None
        finally:
            export.seek(0)
        return export


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Editors upload a WordPress export; the task worker imports it and writes the report."""

    form = ImportJobForm
    list_display = ("created_at", "status", "progress", "created_by", "finished_at")
    fields = ("export", "status", "progress", "report", "created_by", "created_at", "finished_at")
    readonly_fields = ("status", "progress", "report", "created_by", "created_at", "finished_at")

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields + (("export",) if obj else ())

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if not change:
            run_import.enqueue(obj.pk)


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    list_display = ("source", "kind", "wp_id", "object_id", "imported_at")
    list_filter = ("kind", "source")
    search_fields = ("wp_id", "email")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
