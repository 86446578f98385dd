"""The article admin's revision history: list, compare, view and restore revisions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.http import require_POST

from .diff import diff_snapshots
from .drafts import publish_refusal
from .forms import RestoreForm
from .models import Article, Revision
from .revisions import restore_revision, snapshot


class RevisionHistoryAdminMixin:
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
        form = RestoreForm(request.POST)
        if not form.is_valid():
            errors = [error for field_errors in form.errors.values() for error in field_errors]
            messages.error(request, " ".join(errors) + " Nothing was restored.")
            return redirect("admin:articles_article_revision", article.pk, revision.pk)
        # A restore publishes content like any save: the same rules (clinician sign-off).
        refusal = publish_refusal(article, revision.snapshot,
                                  minor=form.cleaned_data["kind"] == "minor")  # fmt: skip
        if refusal:
            messages.error(request, refusal + " Nothing was restored.")
            return redirect("admin:articles_article_revision", article.pk, revision.pk)
        try:
            with transaction.atomic():
                new_revision = restore_revision(
                    article,
                    revision,
                    editor=request.user,
                    change_note=form.cleaned_data["change_note"],
                    minor=form.cleaned_data["kind"] == "minor",
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
