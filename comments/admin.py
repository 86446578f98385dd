"""Comments in the admin. Status changes go through the moderation workflow (admin actions call
``comments.moderation.moderate``, which logs them); the log itself is read-only."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import Truncator

from core.admin import ReadOnlyAdminMixin

from .models import Comment, Flag, ModerationLog, ModerationSettings, Sanction
from .moderation import lift_sanction, moderate, sanction
from .moderation.decisions import check_sanction
from .moderation.forms import SANCTION_DAYS, SanctionForm

ADMIN_REJECT_REASON = "Rejected in the admin."
WORKFLOW_FIELDS = (
    "status", "hidden_by_flags", "decided_by", "decided_at", "decision_reason", "body_html",
    "thread", "depth", "created_at", "edited_at",
)  # fmt: skip


def _moderate_selected(modeladmin, request, queryset, action, done, reason=""):
    comments = list(queryset.select_related("article", "author", "parent__author"))
    try:
        with transaction.atomic():
            for comment in comments:
                moderate(comment, action, request.user, reason)
    except ValidationError as error:
        modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
        return
    count = len(comments)
    noun = "comment" if count == 1 else "comments"
    modeladmin.message_user(request, done.format(n=f"{count} {noun}"), messages.SUCCESS)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("author", "article", "status", "created_at", "excerpt")
    list_filter = ("status",)
    list_select_related = ("author", "article")
    search_fields = ("body",)
    date_hierarchy = "created_at"
    raw_id_fields = ("article", "parent", "author")
    actions = ("approve", "reject", "mark_spam", "remove", "restore")
    fields = (
        "article", "parent", "author", "legacy_author_name", "body", "body_html", "status",
        "hidden_by_flags", "decision_reason", "decided_by", "decided_at", "created_at",
        "edited_at", "thread", "depth",
    )  # fmt: skip

    @admin.display(description="Comment")
    def excerpt(self, obj):
        return Truncator(obj.body).chars(80)

    def get_readonly_fields(self, request, obj=None):
        # Nothing here is edited by hand: status changes go through the workflow (the actions),
        # and a comment's words are its author's, so nobody rewrites them silently.
        return self.fields

    def has_add_permission(self, request):
        return False  # comments are posted on the site, through the policy

    def has_moderate_permission(self, request):
        return request.user.has_perm("comments.moderate_comment")

    @admin.action(description="Approve the selected comments", permissions=["moderate"])
    def approve(self, request, queryset):
        _moderate_selected(self, request, queryset, "approve", "Approved {n}.")

    @admin.action(description="Reject the selected comments", permissions=["moderate"])
    def reject(self, request, queryset):
        _moderate_selected(
            self, request, queryset, "reject", "Rejected {n}.", reason=ADMIN_REJECT_REASON
        )

    @admin.action(description="Mark the selected comments as spam", permissions=["moderate"])
    def mark_spam(self, request, queryset):
        _moderate_selected(self, request, queryset, "spam", "Marked {n} as spam.")

    @admin.action(description="Remove the selected comments", permissions=["moderate"])
    def remove(self, request, queryset):
        _moderate_selected(self, request, queryset, "remove", "Removed {n}.")

    @admin.action(description="Restore the selected comments", permissions=["moderate"])
    def restore(self, request, queryset):
        _moderate_selected(self, request, queryset, "restore", "Restored {n}.")


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Readers' flags as they were raised; moderators answer them from the queue."""

    list_display = ("comment", "reason", "user", "note", "created_at", "dismissed_at")
    list_filter = ("reason",)
    list_select_related = ("comment__author", "comment__article", "user")
    search_fields = ("note", "comment__body")
    raw_id_fields = ("comment", "user")


@admin.register(ModerationLog)
class ModerationLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("created_at", "action", "decided_by", "subject", "from_status", "to_status",
                    "reason")  # fmt: skip
    list_filter = ("action",)
    list_select_related = ("actor", "subject")
    search_fields = ("reason",)
    date_hierarchy = "created_at"


class SanctionAdminForm(forms.ModelForm):
    """A new ban or suspension from the admin, checked like one from the queue."""

    duration = forms.ChoiceField(choices=SanctionForm.base_fields["duration"].choices)

    class Meta:
        model = Sanction
        fields = ["user", "duration", "reason"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("user") and "duration" in cleaned:
            try:
                check_sanction(cleaned["user"], self.actor, days=self.days,
                               reason=cleaned.get("reason", ""))  # fmt: skip
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from None
        return cleaned

    @property
    def days(self):
        return SANCTION_DAYS[self.cleaned_data["duration"]]


@admin.register(Sanction)
class SanctionAdmin(admin.ModelAdmin):
    """Bans and suspensions are added through the workflow's checks and log, never edited or
    deleted: lifting one (the action below) is the way back, and is logged too."""

    form = SanctionAdminForm
    list_display = ("user", "kind", "until", "reason", "created_by", "created_at", "lifted_at")
    list_select_related = ("user", "created_by")
    search_fields = ("user__username", "user__email", "reason")
    raw_id_fields = ("user",)
    actions = ("lift",)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.actor = request.user
        return form

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("user", "duration", "reason")
        return ("user", "until", "reason", "created_by", "created_at", "lifted_at", "lifted_by")

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.get_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if not change:
            created = sanction(form.cleaned_data["user"], request.user, days=form.days,
                               reason=form.cleaned_data["reason"])  # fmt: skip
            obj.pk = created.pk

    @admin.action(description="Lift the selected bans and suspensions", permissions=["change"])
    def lift(self, request, queryset):
        rows = list(queryset.filter(lifted_at__isnull=True).select_related("user"))
        with transaction.atomic():
            for row in rows:
                lift_sanction(row, request.user)
        noun = "ban or suspension" if len(rows) == 1 else "bans or suspensions"
        self.message_user(request, f"Lifted {len(rows)} {noun}.", messages.SUCCESS)


@admin.register(ModerationSettings)
class ModerationSettingsAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return not ModerationSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # One row: go straight to it.
        row = ModerationSettings.objects.first()
        if row is not None and self.has_view_or_change_permission(request, row):
            return redirect(reverse("admin:comments_moderationsettings_change", args=[row.pk]))
        return super().changelist_view(request, extra_context)
