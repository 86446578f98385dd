"""Medical review in the admin: record a review (append-only), and the freshness dashboard."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from articles.models import Author, Tag
from core.admin import ReadOnlyAdminMixin
from core.spreadsheets import csv_response

from .freshness import SECTIONS, freshness_report
from .models import MedicalReview, ReviewReminder


class MedicalReviewForm(forms.ModelForm):
    class Meta:
        model = MedicalReview
        fields = ["article", "reviewer", "reviewed_on", "outcome", "notes"]

    def clean_reviewed_on(self):
        reviewed_on = self.cleaned_data["reviewed_on"]
        if reviewed_on > timezone.localdate():
            raise forms.ValidationError("A review cannot be dated in the future.")
        return reviewed_on


@admin.register(MedicalReview)
class MedicalReviewAdmin(admin.ModelAdmin):
    """Reviews are added, never edited or deleted: the record of who checked what is kept."""

    form = MedicalReviewForm
    list_display = ("article", "reviewer", "reviewed_on", "outcome", "recorded_by")
    list_filter = ("outcome", "reviewer")
    list_select_related = ("article", "reviewer", "recorded_by")
    search_fields = ("article__title", "notes")
    autocomplete_fields = ("article",)
    date_hierarchy = "reviewed_on"

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Here, not in the form: a recorded review's page is read-only and has no form fields.
        if db_field.name == "reviewer":
            kwargs["queryset"] = Author.objects.exclude(credentials="")
            kwargs["help_text"] = "Authors with credentials: the clinicians."
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        # The review covers the article as it is now: its latest revision.
        obj.revision = obj.article.revisions.order_by("-number").first()
        obj.recorded_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        view = self.admin_site.admin_view(self.freshness_view)
        return [path("freshness/", view, name="reviews_freshness")] + super().get_urls()

    def freshness_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        filters = {key: request.GET.get(key) or None for key in ("author", "reviewer", "tag")}
        report = freshness_report(**filters)
        if request.GET.get("format") == "csv":
            return freshness_csv(report)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Freshness dashboard",
            "sections": [(name, SECTIONS[name], report[name]) for name in SECTIONS],
            "filters": filters,
            "authors": Author.objects.order_by("name"),
            "reviewers": Author.objects.exclude(credentials="").order_by("name"),
            "tags": Tag.objects.order_by("name"),
            "today": timezone.localdate(),
        }
        return TemplateResponse(request, "admin/reviews/freshness.html", context)


def freshness_csv(report):
    header = ["section", "title", "author", "assigned reviewer", "last reviewed",
              "next review due", "last substantive update", "changed since review",
              "admin link"]  # fmt: skip
    rows = (
        [
            SECTIONS[name], state.article.title, state.article.author.byline,
            state.article.reviewer.byline if state.article.reviewer else "",
            state.last_reviewed_on or "", state.next_due_on or "",
            timezone.localdate(state.article.updated_at) if state.article.updated_at else "",
            "yes" if state.changed_since_review else "no",
            reverse("admin:articles_article_change", args=[state.article.pk]),
        ]
        for name, states in report.items()
        for state in states
    )  # fmt: skip
    return csv_response("freshness.csv", header, rows)


@admin.register(ReviewReminder)
class ReviewReminderAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("article", "reviewer", "kind", "due_on", "sent_at")
    list_filter = ("kind",)
    list_select_related = ("article", "reviewer")
