from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from core.admin import ReadOnlyAdminMixin, RichTextAdminMixin

from .diff import diff_snapshots
from .models import Article, Author, Page, Revision, Tag
from .revisions import has_changes, restore_revision, save_article, snapshot


class ArticleAdminForm(forms.ModelForm):
    change_note = forms.CharField(
        label="Change note (public)",
        max_length=300,
        required=False,
        help_text="Written for readers: a substantive change's note appears in the article's "
        "public update history, next to the new “last updated” date. Required unless the "
        "change is minor.",
    )
    is_minor = forms.BooleanField(
        label="Minor edit",
        required=False,
        help_text="Tick for a typo, formatting or link fix that does not change what the article "
        "tells readers. Minor edits keep the public “last updated” date and need no public note. "
        "Leave it unticked when advice, facts or sources changed.",
    )
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "title", "slug", "dek", "body", "hero_image", "hero_alt", "hero_caption",
            "hero_credit", "author", "reviewer", "tags", "related", "status", "published_at",
            "featured", "regularly_updated", "comments_open",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version
        if "related" in self.fields and self.instance.pk:
            self.fields["related"].queryset = Article.objects.exclude(pk=self.instance.pk)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            loaded = cleaned.get("loaded_version")
            # Lock the row until the admin's transaction ends, so check and save are one step.
            current = Article.objects.select_for_update().filter(pk=self.instance.pk).first()
            if current is not None and loaded != current.version:
                last = current.revisions.select_related("editor").order_by("-number").first()
                who = last.editor.display_name if last and last.editor else "someone else"
                when = last.created_at.strftime("%Y-%m-%d %H:%M UTC") if last else "just now"
                raise ValidationError(
                    f"Not saved: {who} saved this article at {when}, after you opened it. "
                    "Your text is still in the form below. Copy your changes, open the article "
                    "again to see the latest version, and apply them there.",
                    code="stale",
                )
        if cleaned.get("is_minor") and not self.instance.pk:
            self.add_error("is_minor", "The first version of an article cannot be a minor edit.")
        return cleaned

    def _post_clean(self):
        # The instance holds the cleaned, sanitized values only after the model's own
        # validation, so this is where "would this save change anything?" can be answered.
        super()._post_clean()
        self.nothing_to_save = False
        if not self.instance.pk or self.errors:
            return
        tags, related = self.cleaned_data.get("tags"), self.cleaned_data.get("related")
        if not has_changes(self.instance, tags=tags, related=related):
            self.nothing_to_save = True
        elif not self.cleaned_data.get("is_minor") and not self.cleaned_data.get("change_note"):
            self.add_error(
                "change_note",
                "Write a note for readers: a substantive change appears in the public update "
                "history with a new “last updated” date. For a typo or formatting fix, tick "
                "“Minor edit” instead.",
            )


@admin.register(Article)
class ArticleAdmin(RichTextAdminMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ("title", "status", "author", "published_at", "updated_at", "modified_at")
    actions = ("archive", "unarchive")
    delete_confirmation_template = "admin/articles/article/delete_confirmation.html"
    list_filter = ("status", "featured", "regularly_updated", "tags", "author")
    list_select_related = ("author",)
    search_fields = ("title", "dek", "body")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("tags", "related")
    date_hierarchy = "published_at"
    readonly_fields = ("updated_at", "modified_at", "revisions_link")
    fieldsets = (
        (None, {"fields": ("title", "slug", "dek", "body")}),
        ("Hero image", {"fields": ("hero_image", "hero_alt", "hero_caption", "hero_credit")}),
        ("People and topics", {"fields": ("author", "reviewer", "tags", "related")}),
        (
            "Publishing",
            {
                "fields": (
                    "status",
                    "published_at",
                    "featured",
                    "regularly_updated",
                    "comments_open",
                    "updated_at",
                    "modified_at",
                    "revisions_link",
                )
            },
        ),
        ("This change", {"fields": ("change_note", "is_minor", "loaded_version")}),
    )

    @admin.display(description="Revision history")
    def revisions_link(self, obj):
        if not obj.pk:
            return "—"
        url = reverse("admin:articles_article_revisions", args=[obj.pk])
        return format_html('<a href="{}">See, compare and restore revisions</a>', url)

    def save_model(self, request, obj, form, change):
        # One revision for the row, its tags and its related articles: the service writes
        # them all, so the admin's later save_m2m finds nothing left to change.
        request.article_unchanged = False  # read by log_change and response_change
        revision = save_article(
            obj,
            editor=request.user,
            change_note=form.cleaned_data.get("change_note", ""),
            minor=form.cleaned_data.get("is_minor", False),
            tags=form.cleaned_data.get("tags"),
            related=form.cleaned_data.get("related"),
            expected_version=form.cleaned_data["loaded_version"] if change else None,
        )
        request.article_unchanged = change and revision is None

    def has_delete_permission(self, request, obj=None):
        # History is never lost by accident: editors archive; only superusers can delete.
        return request.user.is_active and request.user.is_superuser

    def delete_view(self, request, object_id, extra_context=None):
        revisions = Revision.objects.filter(article_id=object_id)
        extra_context = {**(extra_context or {}), "revision_count": revisions.count()}
        return super().delete_view(request, object_id, extra_context)

    @admin.action(description="Archive: withdraw from readers, keep the history",
                  permissions=["change"])  # fmt: skip
    def archive(self, request, queryset):
        self._set_status(request, queryset, Article.Status.ARCHIVED, "Archived.")

    @admin.action(description="Publish again (undo archiving)", permissions=["change"])
    def unarchive(self, request, queryset):
        self._set_status(
            request, queryset.filter(status=Article.Status.ARCHIVED), Article.Status.PUBLISHED,
            "Published again after archiving.",
        )  # fmt: skip

    def _set_status(self, request, queryset, status, note):
        """A status change is an edit like any other: one minor revision, no public date."""
        changed = 0
        with transaction.atomic():
            for article in queryset.select_related("author", "reviewer"):
                article.status = status
                if save_article(article, editor=request.user, change_note=note, minor=True):
                    changed += 1
        label = Article.Status(status).label.lower()
        self.message_user(request, f"{changed} article{'s' if changed != 1 else ''} {label}.")

    def log_change(self, request, obj, message):
        if not getattr(request, "article_unchanged", False):
            return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if getattr(request, "article_unchanged", False):
            self.message_user(
                request, "No changes to save: the article and its dates are as they were."
            )
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:article_id>/revisions/", view(self.revisions_view),
                 name="articles_article_revisions"),
            path("<int:article_id>/revisions/compare/", view(self.compare_view),
                 name="articles_article_compare"),
            path("<int:article_id>/revisions/<int:revision_id>/", view(self.revision_view),
                 name="articles_article_revision"),
            path("<int:article_id>/revisions/<int:revision_id>/restore/",
                 view(require_POST(self.restore_view)), name="articles_article_restore"),
        ] + super().get_urls()  # fmt: skip

    # -- revision views ----------------------------------------------------------------------

    def _article_for(self, request, article_id, *, change=False):
        """404 for what the user may not see, 403 for what they may see but not change."""
        article = get_object_or_404(Article, pk=article_id)
        if not self.has_view_permission(request, article):
            raise Http404
        if change and not self.has_change_permission(request, article):
            raise PermissionDenied
        return article

    def _context(self, request, article, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "article": article,
            "title": title,
            "has_change_permission": self.has_change_permission(request, article),
            **extra,
        }

    def revisions_view(self, request, article_id):
        article = self._article_for(request, article_id)
        revisions = article.revisions.select_related("editor", "restored_from").defer("snapshot")
        context = self._context(
            request, article, f"Revisions of “{article.title}”", revisions=revisions
        )
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def revision_view(self, request, article_id, revision_id):
        article = self._article_for(request, article_id)
        revision = get_object_or_404(article.revisions.select_related("editor"), pk=revision_id)
        context = self._context(
            request,
            article,
            f"Revision #{revision.number} of “{article.title}”",
            revision=revision,
            # From the current version to the revision: what a restore would remove and bring back.
            changes_from_current=diff_snapshots(snapshot(article), revision.snapshot),
        )
        return TemplateResponse(request, "admin/articles/article/revision.html", context)

    def compare_view(self, request, article_id):
        article = self._article_for(request, article_id)
        revisions = article.revisions.all()
        old = self._pick(revisions, request.GET.get("from"))
        new = self._pick(revisions, request.GET.get("to", "current"))
        if old is None or new is None:
            messages.error(request, "Choose two revisions of this article to compare.")
            return redirect("admin:articles_article_revisions", article.pk)
        old_label, old_snapshot = self._describe(old, article)
        new_label, new_snapshot = self._describe(new, article)
        context = self._context(
            request,
            article,
            f"Compare revisions of “{article.title}”",
            old_label=old_label,
            new_label=new_label,
            old_revision=old if isinstance(old, Revision) else None,
            changes=diff_snapshots(old_snapshot, new_snapshot),
        )
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    @staticmethod
    def _pick(revisions, value):
        if value == "current":
            return "current"
        try:
            return revisions.get(pk=int(value))
        except (TypeError, ValueError, Revision.DoesNotExist):
            return None

    @staticmethod
    def _describe(choice, article):
        if choice == "current":
            return "the current version", snapshot(article)
        return f"revision #{choice.number} ({choice.created_at:%Y-%m-%d %H:%M})", choice.snapshot

    def restore_view(self, request, article_id, revision_id):
        article = self._article_for(request, article_id, change=True)
        revision = get_object_or_404(article.revisions, pk=revision_id)
        try:
            with transaction.atomic():
                new_revision = restore_revision(
                    article,
                    revision,
                    editor=request.user,
                    change_note=request.POST.get("change_note", "").strip(),
                    minor=request.POST.get("is_minor") == "on",
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("admin:articles_article_revision", article.pk, revision.pk)
        if new_revision is None:
            messages.info(
                request,
                f"Revision #{revision.number} has the same content as the current version: "
                "nothing to restore.",
            )
            return redirect("admin:articles_article_revisions", article.pk)
        messages.success(
            request,
            f"Restored revision #{revision.number} as the new revision #{new_revision.number}. "
            "The earlier versions are all still in the history.",
        )
        return redirect("admin:articles_article_revisions", article.pk)


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """History is append-only. Editors browse it from each article."""

    list_display = ("article", "number", "created_at", "editor", "is_minor", "change_note")
    list_filter = ("is_minor",)
    list_select_related = ("article", "editor")
    search_fields = ("article__title", "change_note")


@admin.register(Author)
class AuthorAdmin(RichTextAdminMixin, admin.ModelAdmin):
    list_display = ("name", "credentials", "user")
    search_fields = ("name", "credentials")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("user",)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Page)
class PageAdmin(RichTextAdminMixin, admin.ModelAdmin):
    list_display = ("title", "slug", "modified_at")
    prepopulated_fields = {"slug": ("title",)}
