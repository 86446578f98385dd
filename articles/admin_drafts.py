"""Drafts in the article admin: "Save as draft" on a live article, the draft shown in the change
form with who saved it, when, and a diff against the live version, its preview, and discarding
it. Publishing is the form's ordinary save ("Publish changes"): ``save_article`` as always."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from . import autosave
from .diff import diff_snapshots
from .drafts import draft_initial, is_live_now, save_draft
from .models import Article, Draft
from .models.draft import new_share_token
from .preview import render_draft_preview, render_preview, share_url
from .revisions import snapshot

DRAFT_BUTTON = "_draft"


class DraftAdminMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("preview/", view(require_POST(self.form_preview_view)),
                 name="articles_article_preview"),
            path("<int:article_id>/preview/", view(require_POST(self.form_preview_view)),
                 name="articles_article_preview"),
            path("<int:article_id>/autosave/", view(require_POST(self.autosave_view)),
                 name="articles_article_autosave"),
            path("<int:article_id>/autosave/discard/",
                 view(require_POST(self.discard_autosave_view)),
                 name="articles_article_autosave_discard"),
            path("<int:article_id>/draft/changes/", view(self.draft_changes_view),
                 name="articles_article_draft_changes"),
            path("<int:article_id>/draft/preview/", view(self.draft_preview_view),
                 name="articles_article_draft_preview"),
            path("<int:article_id>/draft/discard/", view(require_POST(self.discard_draft_view)),
                 name="articles_article_draft_discard"),
            path("<int:article_id>/draft/share/", view(require_POST(self.share_draft_view)),
                 name="articles_article_draft_share"),
            path("<int:article_id>/draft/revoke/", view(require_POST(self.revoke_shares_view)),
                 name="articles_article_draft_revoke"),
        ] + super().get_urls()  # fmt: skip

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        initial = None
        if obj is not None and request.method == "GET":
            draft = Draft.objects.filter(article=obj).first()
            initial = draft_initial(draft) if draft else None

        class DraftAwareForm(form):
            saving_draft = DRAFT_BUTTON in request.POST

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if initial and not self.is_bound:
                    self.initial.update(initial)  # the editor carries on with the draft

        DraftAwareForm.__name__ = form.__name__
        return DraftAwareForm

    def keeps_draft(self, request, obj, form):
        """Called by ``save_model``: "Save as draft" on a live article stores a draft and
        leaves the live row alone. Returns whether it did."""
        request.article_drafted = False
        if obj.pk is not None:
            autosave.forget(obj, request.user)  # saved: as a draft or as the article
        if DRAFT_BUTTON not in request.POST or not is_live_now(obj):
            return False
        if "hero_image" in form.changed_data:
            # An upload is stored when the article is; a draft keeps only text and choices.
            messages.warning(request, "The new hero image is not in the draft: upload it when "
                             "you publish.")  # fmt: skip
            obj.hero_image = Article.objects.get(pk=obj.pk).hero_image
        save_draft(
            obj,
            tags=form.cleaned_data.get("tags"),
            related=form.cleaned_data.get("related"),
            editor=request.user,
            change_note=form.cleaned_data.get("change_note", ""),
            minor=form.cleaned_data.get("is_minor", False),
            based_on=form.cleaned_data.get("loaded_version") or obj.version,
        )
        request.article_drafted = True
        return True

    def save_related(self, request, form, formsets, change):
        if getattr(request, "article_drafted", False):
            # The live article's tags, related articles and inlines stay as they are; the
            # admin's change message reads what each inline saved: nothing.
            for formset in formsets:
                formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            return
        super().save_related(request, form, formsets, change)

    def response_change(self, request, obj):
        if getattr(request, "article_drafted", False):
            self.message_user(
                request, "Draft saved. Readers still see the live version until you publish it."
            )
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        draft = (
            Draft.objects.filter(article_id=object_id).select_related("editor").first()
            if str(object_id).isdigit()
            else None
        )
        live = str(object_id).isdigit() and is_live_now(Article(pk=int(object_id)))
        unsaved = None
        if request.method == "GET" and str(object_id).isdigit():
            unsaved = autosave.kept(Article(pk=int(object_id)), request.user)
        extra_context = {
            **(extra_context or {}), "draft": draft, "article_is_live": live, "autosave": unsaved,
        }  # fmt: skip
        return super().change_view(request, object_id, form_url, extra_context)

    # -- draft views -------------------------------------------------------------------------

    def _draft_for(self, request, article_id, *, change=False):
        """404 for what the user may not see, 403 for what they may see but not change."""
        article = get_object_or_404(Article.objects.select_related("author", "reviewer"),
                                    pk=article_id)  # fmt: skip
        if not self.has_view_permission(request, article):
            raise Http404
        if change and not self.has_change_permission(request, article):
            raise PermissionDenied
        draft = Draft.objects.filter(article=article).select_related("editor").first()
        if draft is None:
            raise Http404("This article has no draft.")
        return article, draft

    def autosave_view(self, request, article_id):
        article = get_object_or_404(Article, pk=article_id)
        if not self.has_change_permission(request, article):
            raise Http404
        if not autosave.keep(article, request.user, request.POST):
            return JsonResponse({"saved": False, "error": "Too large to keep."}, status=413)
        return JsonResponse({"saved": True})

    def discard_autosave_view(self, request, article_id):
        article = get_object_or_404(Article, pk=article_id)
        if not self.has_change_permission(request, article):
            raise Http404
        autosave.forget(article, request.user)
        return JsonResponse({"discarded": True})

    def draft_changes_view(self, request, article_id):
        article, draft = self._draft_for(request, article_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "article": article,
            "draft": draft,
            "title": f"Draft of “{article.title}”: changes from the live version",
            "changes": diff_snapshots(snapshot(article), draft.snapshot),
        }
        return TemplateResponse(request, "admin/articles/article/draft_changes.html", context)

    def form_preview_view(self, request, article_id=None):
        """The add or change form as it stands, unsaved, in the public template: "Preview"
        posts the form here (in a new tab). Nothing is stored."""
        obj = None
        if article_id is not None:
            obj = get_object_or_404(Article, pk=article_id)
            if not self.has_change_permission(request, obj):
                raise Http404
        elif not self.has_add_permission(request):
            raise PermissionDenied
        form_class = self.get_form(request, obj, change=obj is not None)
        form_class = type(form_class.__name__, (form_class,), {"saving_draft": True})
        form = form_class(request.POST, request.FILES, instance=obj)
        with transaction.atomic():  # the form's version check locks the row, as a save does
            valid = form.is_valid()
        if not valid:
            errors = [
                f"{form.fields[name].label}: {error}" if name in form.fields else error
                for name, field_errors in form.errors.items()
                for error in field_errors
            ]
            context = {**self.admin_site.each_context(request), "errors": errors,
                       "title": "Nothing to preview yet"}  # fmt: skip
            return TemplateResponse(
                request, "admin/articles/article/preview_errors.html", context, status=400
            )
        article = form.instance
        if "hero_image" in form.changed_data and obj is not None:
            article.hero_image = Article.objects.get(pk=obj.pk).hero_image  # uploads wait
        elif obj is None:
            article.hero_image = None
        related = form.cleaned_data.get("related") or Article.objects.none()
        return render_preview(request, article, tags=form.cleaned_data.get("tags") or [],
                              related=related.published())  # fmt: skip

    def draft_preview_view(self, request, article_id):
        article, draft = self._draft_for(request, article_id)
        return render_draft_preview(request, draft)

    def share_draft_view(self, request, article_id):
        article, draft = self._draft_for(request, article_id, change=True)
        link = request.build_absolute_uri(share_url(draft))
        days = settings.DRAFT_SHARE_LINK_DAYS
        messages.success(
            request,
            format_html(
                "Share link for a reviewer without a staff account (read-only, this draft only, "
                'works for {} days unless revoked): <a href="{}">{}</a>',
                days,
                link,
                link,
            ),  # fmt: skip
        )
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))

    def revoke_shares_view(self, request, article_id):
        article, draft = self._draft_for(request, article_id, change=True)
        draft.share_token = new_share_token()
        draft.save(update_fields=["share_token"])
        messages.success(request, "Every share link to this draft now shows nothing.")
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))

    def discard_draft_view(self, request, article_id):
        article, draft = self._draft_for(request, article_id, change=True)
        draft.delete()
        messages.success(request, "Draft discarded. The live version is unchanged.")
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))
