"""Sign-off in the admin: an editor sends a draft for medical review from the article's change
form; the named clinician decides on it; everyone's desk lists what waits on whom."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles.diff import diff_snapshots
from articles.models import Article, Draft
from articles.revisions import snapshot

from .desk import SECTIONS, desk
from .models import SignOff, clinician_of
from .signoff import decide, last_reviewed_snapshot, send_for_review


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            ("approve", "Approve: the advice is right as drafted"),
            ("changes", "Request changes (say which below)"),
        ],  # fmt: skip
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you approve or request changes."},
    )
    note = forms.CharField(
        label="Your note to the editor", widget=forms.Textarea(attrs={"rows": 4}),
        required=False, max_length=2000,
    )  # fmt: skip


@admin.register(SignOff)
class SignOffAdmin(admin.ModelAdmin):
    """Requests are made and decided through their own views, never edited as records."""

    list_display = ("article", "reviewer", "status", "requested_by", "requested_at", "decided_at")
    list_filter = ("status",)
    list_select_related = ("article", "reviewer", "requested_by")

    def has_view_permission(self, request, obj=None):
        user = request.user
        return user.is_active and user.is_staff and (
            user.has_perm("articles.change_article") or clinician_of(user) is not None
        )  # fmt: skip

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.has_perm("articles.change_article"):
            return queryset
        return queryset.filter(reviewer=clinician_of(request.user))  # a clinician: their own

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("desk/", view(self.desk_view), name="reviews_desk"),
            path("send/<int:article_id>/", view(require_POST(self.send_view)),
                 name="reviews_signoff_send"),
            path("<int:sign_off_id>/decide/", view(self.decide_view),
                 name="reviews_signoff_decide"),
        ] + super().get_urls()  # fmt: skip

    def desk_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        lists = desk(request.user)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Drafts and reviews",
            "sections": [(name, SECTIONS[name], list(lists[name])) for name in SECTIONS],
        }
        return TemplateResponse(request, "admin/reviews/desk.html", context)

    def send_view(self, request, article_id):
        article = get_object_or_404(Article.objects.select_related("reviewer__user"),
                                    pk=article_id)  # fmt: skip
        if not request.user.has_perm("articles.change_article"):
            raise PermissionDenied
        draft = Draft.objects.filter(article=article).first()
        if draft is None:
            messages.error(request, "Save your change as a draft first, then send it.")
        else:
            try:
                send_for_review(article, draft, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages) + " Nothing was sent.")
            else:
                messages.success(
                    request, f"Sent to {article.reviewer.byline} for medical review by email."
                )
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))

    def decide_view(self, request, sign_off_id):
        sign_off = get_object_or_404(
            SignOff.objects.select_related("article", "reviewer", "requested_by"), pk=sign_off_id
        )
        clinician = clinician_of(request.user)
        is_reviewer = clinician is not None and clinician.pk == sign_off.reviewer_id
        if not is_reviewer and not request.user.has_perm("articles.change_article"):
            raise Http404
        form = DecisionForm(request.POST or None)
        if request.method == "POST":
            if not is_reviewer:
                raise PermissionDenied  # a review is only ever the named clinician's
            if form.is_valid():
                try:
                    decide(sign_off, user=request.user,
                           approve=form.cleaned_data["decision"] == "approve",
                           note=form.cleaned_data["note"])  # fmt: skip
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(request, f"Your decision: {sign_off.get_status_display()}.")
                    return redirect("admin:reviews_desk")
        article = sign_off.article
        reviewed = last_reviewed_snapshot(article) or snapshot(article)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Medical review of “{sign_off.snapshot['title']}”",
            "sign_off": sign_off,
            "form": form,
            "can_decide": is_reviewer and sign_off.status == SignOff.Status.PENDING,
            "has_draft": Draft.objects.filter(article=article).exists(),
            "changes": diff_snapshots(reviewed, sign_off.snapshot),
        }
        return TemplateResponse(request, "admin/reviews/decide.html", context)
