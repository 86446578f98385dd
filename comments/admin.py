"""Comments in the admin. Status changes go through the moderation workflow (admin actions call
``comments.moderation.moderate``, which logs them); the log itself is read-only."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import Truncator

from core.admin import ReadOnlyAdminMixin

from .models import (
    Appeal,
    Comment,
    Flag,
    HealthPattern,
    Helpline,
    ModerationLog,
    ModerationSettings,
    Sanction,
)
from .moderation import explain, lift_sanction, moderate, sanction
from .moderation.decisions import check_sanction
from .moderation.forms import SANCTION_DAYS, SanctionForm
from .policy import SIGNALS

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

    duration = forms.ChoiceField(
        choices=[("", "Choose how long…"), *SanctionForm.base_fields["duration"].choices]
    )

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


class TryCommentForm(forms.Form):
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=20000)
    username = forms.CharField(
        required=False,
        label="As user (optional)",
        help_text="Leave empty to judge as an established commenter, so only the text decides.",
    )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise forms.ValidationError(f"There is no user “{username}”.")
        return user


@admin.register(ModerationSettings)
class ModerationSettingsAdmin(admin.ModelAdmin):
    """The policy's page: its numbers and lists, the on-call moderators, and a "try a comment"
    box that shows what the policy would do with any text (nothing is saved)."""

    filter_horizontal = ("on_call",)
    change_form_template = "admin/comments/moderationsettings/change_form.html"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "on_call":
            from .moderation.access import moderators

            kwargs["queryset"] = moderators().order_by("username")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_urls(self):
        view = self.admin_site.admin_view(self.try_view)
        return [path("try/", view, name="comments_moderationsettings_try")] + super().get_urls()

    def try_view(self, request):
        """The same answer as ``manage.py explain_comment``, for one comment."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = TryCommentForm(request.POST if request.method == "POST" else None)
        result = None
        if request.method == "POST" and form.is_valid():
            result = explain(form.cleaned_data["comment"], form.cleaned_data["username"])
            result["signal_labels"] = [SIGNALS[code] for code in result["signals"]]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Try a comment",
            "form": form,
            "result": result,
        }
        return TemplateResponse(request, "admin/comments/try_comment.html", context)

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


@admin.register(HealthPattern)
class HealthPatternAdmin(admin.ModelAdmin):
    """The treatment-claim and crisis phrases the policy looks for; try them on the policy
    page's "try a comment" box."""

    list_display = ("phrase_excerpt", "kind", "weight", "label", "active", "updated_at")
    list_filter = ("kind", "active", "weight")
    search_fields = ("phrase", "label")
    fields = ("kind", "phrase", "weight", "label", "active")

    @admin.display(description="Phrase")
    def phrase_excerpt(self, obj):
        return Truncator(obj.phrase).chars(90)


@admin.register(Helpline)
class HelplineAdmin(admin.ModelAdmin):
    """Shown at once to a commenter whose comment reads like a crisis; when none is entered,
    the CRISIS_HELPLINES setting's are."""

    list_display = ("name", "serves", "phone", "text", "hours", "position")
    list_editable = ("position",)


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    """Commenters' appeals against a statement of reasons. Moderators answer here; reversing
    the decision itself is done from the queue, and both stay on the record."""

    list_display = ("created_at", "user", "decision", "answered_at")
    list_filter = (("answered_at", admin.EmptyFieldListFilter),)
    list_select_related = ("user", "decision")
    readonly_fields = ("decision", "user", "text", "created_at", "answered_at", "answered_by")
    fields = ("decision", "user", "text", "created_at", "answer", "answered_at", "answered_by")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if "answer" in form.changed_data and obj.answer.strip():
            obj.answered_at, obj.answered_by = timezone.now(), request.user
        super().save_model(request, obj, form, change)
