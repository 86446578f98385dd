from django.contrib import admin
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from core.admin import ReadOnlyAdminMixin, RichTextAdminMixin

from .admin_drafts import DraftAdminMixin
from .admin_revisions import RevisionHistoryAdminMixin
from .admin_sources import SourceInline, SourceLookupAdminMixin
from .archiving import linking_articles
from .forms import ArticleAdminForm
from .models import Article, Author, Byline, Draft, Page, Revision, Synonym, Tag
from .revisions import save_article
from .search import clean_query, matching


class BylineInline(admin.TabularInline):
    """Further authors, after the lead author, in the order the byline names them."""

    model = Byline
    extra = 0
    autocomplete_fields = ("author",)
    verbose_name = "further author"
    verbose_name_plural = "Further authors (the byline names them after the lead author)"


@admin.register(Article)
class ArticleAdmin(DraftAdminMixin, SourceLookupAdminMixin, RevisionHistoryAdminMixin,
                   RichTextAdminMixin, admin.ModelAdmin):  # fmt: skip
    form = ArticleAdminForm
    inlines = [BylineInline, SourceInline]
    list_display = ("title", "publication", "author", "updated_at", "modified_at")
    actions = ("archive", "unarchive")
    delete_confirmation_template = "admin/articles/article/delete_confirmation.html"
    list_filter = ("status", "featured", "regularly_updated", "tags", "author")
    list_select_related = ("author",)
    search_fields = ("title", "dek", "body", "tags__name")  # private keywords too
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("tags", "related")
    autocomplete_fields = ("hero_asset",)
    date_hierarchy = "published_at"
    readonly_fields = ("publication", "updated_at", "modified_at", "revisions_link")
    fieldsets = (
        (None, {"fields": ("title", "slug", "dek", "body")}),
        (
            "Hero image",
            {"fields": ("hero_asset", "hero_image", "hero_alt", "hero_caption", "hero_credit")},
        ),  # fmt: skip
        ("People and topics", {"fields": ("author", "reviewer", "tags", "related")}),
        (
            "Publishing",
            {
                "fields": (
                    "publication",
                    "status",
                    "published_at",
                    "featured",
                    "regularly_updated",
                    "comments_open",
                    "review_interval_months",
                    "updated_at",
                    "modified_at",
                    "revisions_link",
                )
            },
        ),
        (
            "This change",
            {"fields": ("change_note", "is_minor", "confirm_archive", "loaded_version")},
        ),
    )

    def get_search_results(self, request, queryset, search_term):
        """The site's search, over every article editors may see (drafts too)."""
        query = clean_query(search_term)
        if not query:
            return queryset, False
        return matching(queryset, query), True

    @admin.display(description="Publication", ordering="published_at")
    def publication(self, obj):
        """What readers get now, with the time zone of every time shown."""
        if not obj.is_live:
            return obj.get_status_display()
        if obj.published_at is None:
            return "Published on save"
        when = timezone.localtime(obj.published_at)
        stamp = f"{when:%-d %b %Y, %H:%M} ({timezone.get_current_timezone_name()})"
        return f"Scheduled for {stamp}" if obj.is_scheduled else f"Published {stamp}"

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
        if self.keeps_draft(request, obj, form):
            return  # a draft of a live article: the live row stays as it is
        revision = save_article(
            obj,
            editor=request.user,
            change_note=form.cleaned_data.get("change_note", ""),
            minor=form.cleaned_data.get("is_minor", False),
            tags=form.cleaned_data.get("tags"),
            related=form.cleaned_data.get("related"),
            sources=getattr(obj, "proposed_sources", None),  # from the Sources inline
            expected_version=form.cleaned_data["loaded_version"] if change else None,
        )
        request.article_unchanged = change and revision is None
        if revision is not None:
            Draft.objects.filter(article=obj).delete()  # published: the draft is the article

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
        """Asks first, listing the published articles that link to each one."""
        if request.POST.get("post") != "yes":
            articles = queryset.exclude(status=Article.Status.ARCHIVED).order_by("title")
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Archive articles?",
                "articles": [(article, linking_articles(article)) for article in articles],
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(
                request, "admin/articles/article/archive_confirmation.html", context
            )
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
    autocomplete_fields = ("user", "photo_asset")


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "is_topic")
    list_filter = ("is_topic",)
    search_fields = ("name",)
    actions = ("make_topics", "make_keywords")

    @admin.action(description="Make the selected tags public topics")
    def make_topics(self, request, queryset):
        for tag in queryset.filter(is_topic=False):  # one by one: each save purges its pages
            tag.is_topic = True
            tag.save(update_fields=["is_topic"])

    @admin.action(description="Keep the selected tags as private keywords")
    def make_keywords(self, request, queryset):
        for tag in queryset.filter(is_topic=True):
            tag.is_topic = False
            tag.save(update_fields=["is_topic"])

    prepopulated_fields = {"slug": ("name",)}


@admin.register(Page)
class PageAdmin(RichTextAdminMixin, admin.ModelAdmin):
    list_display = ("title", "slug", "status", "modified_at")
    list_filter = ("status",)
    prepopulated_fields = {"slug": ("title",)}


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    """The words site search treats as one ("heart attack" and "myocardial infarction")."""

    list_display = ("terms",)
    search_fields = ("terms",)
