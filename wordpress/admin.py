from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods

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
    """Editors upload a WordPress export; the task worker checks it (a dry run), the editor reads
    the report, picks the public topics and confirms, and the worker imports it."""

    form = ImportJobForm
    list_display = ("created_at", "status", "progress", "created_by", "finished_at")
    fields = ("export", "media", "fetch_media", "status", "next_step", "progress", "report",
              "created_by", "created_at", "finished_at")  # fmt: skip
    readonly_fields = ("status", "next_step", "progress", "report", "created_by", "created_at",
                       "finished_at")  # fmt: skip

    @admin.display(description="Next step")
    def next_step(self, job):
        if job.status != ImportJob.Status.CHECKED:
            return "—"
        url = reverse("admin:wordpress_importjob_confirm", args=[job.pk])
        return format_html('<a href="{}">Read the dry run and choose the public topics</a>', url)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields + (("export", "media", "fetch_media") if obj else ())

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if not change:
            run_import.enqueue(obj.pk)

    def response_add(self, request, obj, post_url_continue=None):
        return redirect("admin:wordpress_importjob_confirm", obj.pk)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:job_id>/confirm/", view(self.confirm_view),
                 name="wordpress_importjob_confirm"),
        ] + super().get_urls()  # fmt: skip

    @method_decorator(require_http_methods(["GET", "HEAD", "POST"]))
    def confirm_view(self, request, job_id):
        """The dry run's report and the export's terms: the editor ticks the ones that become
        public topics and confirms the import."""
        job = get_object_or_404(ImportJob, pk=job_id)
        if not self.has_view_permission(request, job):
            raise Http404
        if request.method == "POST":
            return self.confirm(request, job)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": job,
            "job": job,
            "title": "Check and confirm the WordPress import",
            "can_confirm": job.status == ImportJob.Status.CHECKED
            and self.has_add_permission(request),
        }
        return TemplateResponse(request, "admin/wordpress/importjob/confirm.html", context)

    @staticmethod
    def _chosen(job, request):
        known = {term["key"] for term in job.terms}
        return sorted(set(request.POST.getlist("topics")) & known)

    def confirm(self, request, job):
        if not self.has_add_permission(request):
            raise PermissionDenied
        chosen = self._chosen(job, request)
        updated = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.CHECKED).update(
            status=ImportJob.Status.CONFIRMED, topics=chosen
        )
        if not updated:
            messages.error(request, "This import is not waiting for confirmation: nothing was "
                           "changed.")  # fmt: skip
            return redirect("admin:wordpress_importjob_confirm", job.pk)
        run_import.enqueue(job.pk)
        plural = "" if len(chosen) == 1 else "s"
        messages.success(request, f"Import confirmed with {len(chosen)} public topic{plural}; "
                         "the rest stay private keywords.")  # fmt: skip
        return redirect(reverse("admin:wordpress_importjob_change", args=[job.pk]))


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    list_display = ("source", "kind", "wp_id", "object_id", "imported_at")
    list_filter = ("kind", "source")
    search_fields = ("wp_id", "email")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
