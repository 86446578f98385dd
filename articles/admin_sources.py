"""The article's sources on its change form: an ordered inline, checked against the body's
``[1]`` markers, filled from Crossref or PubMed, and saved with the article in one revision.

The inline itself writes nothing: its formset hands the proposed sources to the article
(``proposed_sources``) and ``save_article`` stores them with the article, so the revision holds
them. A marker with no source, or a source the body never cites, is an error on the form with
everything the editor typed kept.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.http import JsonResponse
from django.urls import path, reverse
from django.views.decorators.http import require_safe

from .citations import cited_numbers
from .metadata import MetadataUnavailable, lookup
from .models import Source
from .models.sources import normalize_doi, validate_doi, validate_pmid
from .revisions import source_data

FILLED = ("title", "authors", "publisher", "year")


class SourceForm(forms.ModelForm):
    url = forms.URLField(label="URL", max_length=1000, required=False, assume_scheme="https")

    class Meta:
        model = Source
        fields = ["position", *Source.EDITABLE]
        widgets = {"accessed_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        self.fields["position"].help_text = "Empty: after the others."
        self.fields["title"].help_text = "Filled from the DOI or PubMed id when left empty."
        for name, field in self.fields.items():
            field.widget.attrs["data-source-field"] = name
        lookup_url = reverse("admin:articles_article_source_metadata")
        for name in ("doi", "pmid"):
            self.fields[name].widget.attrs["data-lookup-url"] = lookup_url

    def validate_unique(self):
        """Positions are checked across the whole list (``SourceFormSet``): swapping two numbers
        is not a clash with the stored rows."""

    def clean_doi(self):
        return normalize_doi(self.cleaned_data.get("doi"))


class SourceFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [form for form in self.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")]  # fmt: skip
        if not self._numbered(kept):
            return
        kept.sort(key=lambda form: form.cleaned_data["position"])
        for form in kept:
            self._fill_from_identifier(form)
        if any(self.errors):
            return
        self._check_markers(kept)
        proposed = [
            {name: form.cleaned_data.get(name) for name in Source.EDITABLE} for form in kept
        ]
        self._check_change_note(proposed)
        self.instance.proposed_sources = proposed

    def _check_change_note(self, proposed):
        """Changed sources change what the article tells readers: like any substantive edit,
        they need the public change note (the article form checks its own fields the same way)."""
        if self.instance._state.adding or self.data.get("change_note", "").strip():
            return
        if self.data.get("is_minor"):
            return
        stored = [source_data(source.as_snapshot()) for source in self.instance.sources.all()]
        if stored != [source_data(item) for item in proposed]:
            raise forms.ValidationError(
                "The sources changed: write a change note for readers below, or tick “Minor "
                "edit” for a typo or formatting fix."
            )

    def _numbered(self, kept):
        """Sources without a number go after the others; numbers must then run 1, 2, 3 …"""
        given = [form.cleaned_data.get("position") for form in kept]
        numbers = [number for number in given if number]
        duplicates = sorted({number for number in numbers if numbers.count(number) > 1})
        if duplicates:
            raise forms.ValidationError(
                f"Two sources have the number {duplicates[0]}: give each source its own number."
            )
        following = max(numbers, default=0)
        for form in kept:
            if not form.cleaned_data.get("position"):
                following += 1
                form.cleaned_data["position"] = following
        final = sorted(form.cleaned_data["position"] for form in kept)
        if final != list(range(1, len(kept) + 1)):
            raise forms.ValidationError(
                "Number the sources 1, 2, 3 … without gaps: the body cites them by number."
            )
        return True

    def _fill_from_identifier(self, form):
        """On save, fill empty fields from the DOI or PubMed id, when it is new or the title is
        still empty (not on every save of an article whose sources are complete)."""
        data = form.cleaned_data
        if not (data.get("doi") or data.get("pmid")):
            if not data.get("title"):
                form.add_error("title", "Give the source a title, or a DOI or PubMed id.")
            return
        identifier_changed = {"doi", "pmid"} & set(form.changed_data)
        if all(data.get(name) for name in FILLED) or not (identifier_changed or not data["title"]):
            return
        try:
            found = lookup(doi=data.get("doi"), pmid=data.get("pmid"))
        except MetadataUnavailable as error:
            if not data.get("title"):
                form.add_error("title", f"{error}")
            return
        for name, value in found.items():
            if value and not data.get(name):
                data[name] = value

    def _check_markers(self, kept):
        cited = cited_numbers(self.instance.body)
        problems = [
            f"The body cites [{number}], but there is no source {number}: add it, or remove "
            "the marker."
            for number in sorted(cited)
            if not 1 <= number <= len(kept)
        ]
        for number, form in enumerate(kept, start=1):
            if number not in cited:
                title = form.cleaned_data.get("title") or form.cleaned_data.get("doi") or ""
                problems.append(
                    f"Source {number} ({title}) is never cited: add [{number}] where the body "
                    "relies on it, or remove the source."
                )
        if problems:
            raise forms.ValidationError(problems)

    def save(self, commit=True):
        # Stored by save_article with the article (ArticleAdmin.save_model), in its revision.
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
        return []


class SourceInline(admin.StackedInline):
    model = Source
    form = SourceForm
    formset = SourceFormSet
    extra = 0
    verbose_name_plural = "Sources (cite them in the body as [1], [2] …)"
    ordering = ["position"]

    class Media:
        js = ["articles/source-lookup.js"]


class SourceLookupAdminMixin:
    """``GET …/source-metadata/?doi=…`` (or ``pmid=``): the fields found, as JSON, for the
    inline's "fill from DOI" as the editor types."""

    def get_urls(self):
        view = self.admin_site.admin_view(require_safe(self.source_metadata_view))
        return [
            path("source-metadata/", view, name="articles_article_source_metadata"),
        ] + super().get_urls()

    def source_metadata_view(self, request):
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        doi = normalize_doi(request.GET.get("doi", ""))
        pmid = request.GET.get("pmid", "").strip()
        try:
            validate_doi(doi)
            validate_pmid(pmid)
        except forms.ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        if not (doi or pmid):
            return JsonResponse({"error": "Enter a DOI or a PubMed id."}, status=400)
        try:
            return JsonResponse({"fields": lookup(doi=doi, pmid=pmid)})
        except MetadataUnavailable as error:
            return JsonResponse({"error": str(error)}, status=502)
