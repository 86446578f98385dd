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

from .feedback import mark_handled
from .freshness import SECTIONS, freshness_report, reader_reports, sources_needing_attention
from .models import MedicalReview, ReaderFeedback, ReviewNote, ReviewReminder, clinician_of


class MedicalReviewForm(forms.ModelForm):
    """The reviewer is never chosen: it is the clinician logged in (``clinician`` is set by the
    admin for each request). The field is disabled, so whatever a request posts for it is
    ignored and the form's own value is used."""

    clinician = None

    class Meta:
        model = MedicalReview
        fields = ["article", "reviewer", "reviewed_on", "outcome", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reviewer = self.fields.get("reviewer")
        if reviewer is None:  # a recorded review's page is read-only: no form fields
            return
        reviewer.queryset = Author.objects.filter(pk=getattr(self.clinician, "pk", None))
        reviewer.initial = self.clinician
        reviewer.disabled = True
        reviewer.empty_label = None
        reviewer.help_text = (
            "You: a review is always recorded by the clinician it names, logged in as "
            "themselves. Editors add an internal review note instead."
        )

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

    def has_add_permission(self, request):
        # Only a clinician records a review, and only their own.
        return super().has_add_permission(request) and clinician_of(request.user) is not None

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"clinician": clinician_of(request.user)})

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.pop("reviewer", None)  # never pre-filled from a link: it is always you
        return initial

    def save_model(self, request, obj, form, change):
        # The review covers the article as it is now: its latest revision, read by the
        # clinician who is logged in.
        obj.reviewer = clinician_of(request.user)
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
            "reader_reports": reader_reports(request.user, **filters),
            "source_problems": sources_needing_attention(**filters),
            "filters": filters,
            "authors": Author.objects.order_by("name"),
            "reviewers": Author.objects.exclude(credentials="").order_by("name"),
            "tags": Tag.objects.order_by("name"),
            "today": timezone.localdate(),
            "clinician": clinician_of(request.user),
            "can_note": request.user.has_perm("reviews.add_reviewnote"),
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


class HandleFeedbackForm(forms.ModelForm):
    class Meta:
        model = ReaderFeedback
        fields = ["resolution", "handling_note"]

    def clean_resolution(self):
        resolution = self.cleaned_data.get("resolution")
        if not resolution:
            raise forms.ValidationError("Choose what was done about it to mark it handled.")
        return resolution


class HandledFilter(admin.SimpleListFilter):
    title = "handled"
    parameter_name = "handled"

    def lookups(self, request, model_admin):
        return [("no", "Not yet"), ("yes", "Handled")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(handled_at__isnull=self.value() == "no")
        return queryset


@admin.register(ReaderFeedback)
class ReaderFeedbackAdmin(admin.ModelAdmin):
    """What readers told the newsroom, per article (never public). Editors see all of it, a
    medical reviewer that of their own articles; handling it records who did what."""

    form = HandleFeedbackForm
    list_display = ("article", "kind", "created_at", "handled")
    list_filter = ("kind", HandledFilter, "resolution")
    list_select_related = ("article", "handled_by")
    search_fields = ("article__title", "message")
    date_hierarchy = "created_at"
    fields = ("article", "kind", "message", "created_at", "resolution", "handling_note",
              "handled_by", "handled_at")  # fmt: skip
    readonly_fields = ("article", "kind", "message", "created_at", "handled_by", "handled_at")

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    @admin.display(description="Handled")
    def handled(self, obj):
        if not obj.is_handled:
            return "Not yet" if obj.kind == ReaderFeedback.Kind.REPORT else "—"
        who = obj.handled_by.display_name if obj.handled_by else "someone"
        return f"{obj.get_resolution_display()} ({who}, {timezone.localdate(obj.handled_at)})"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        mark_handled(obj, by=request.user, resolution=form.cleaned_data["resolution"],
                     note=form.cleaned_data.get("handling_note", ""))  # fmt: skip


@admin.register(ReviewNote)
class ReviewNoteAdmin(admin.ModelAdmin):
    """Internal notes about reviews, for editors; append-only like the reviews themselves."""

    list_display = ("article", "text", "written_by", "written_at")
    list_select_related = ("article", "written_by")
    search_fields = ("article__title", "text")
    autocomplete_fields = ("article",)
    fields = ("article", "text")

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.written_by = request.user
        super().save_model(request, obj, form, change)


from . import admin_signoff  # noqa: E402, F401 (sign-off and the desk register themselves)
