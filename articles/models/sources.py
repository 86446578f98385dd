"""The evidence behind an article: its numbered sources, and what the weekly check found.

Sources change only with their article (``articles.revisions.save_article``), so every revision
holds them and diffs and restores include them. The body cites a source by its position, with
``[1]``-style markers (``articles.citations``).
"""

import re

from django.core.exceptions import ValidationError
from django.db import models

from core.fields import PlainCharField

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")


def normalize_doi(value):
    """A DOI as Crossref spells it: no resolver prefix, no "doi:"; lower case compares equal."""
    value = (value or "").strip()
    value = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", value, flags=re.IGNORECASE)
    return value


def validate_doi(value):
    if value and not DOI_PATTERN.match(value):
        raise ValidationError(
            "Enter a DOI such as 10.1136/bmj.j5326 (with or without https://doi.org/)."
        )


def validate_pmid(value):
    if value and not (value.isdigit() and len(value) <= 10):
        raise ValidationError("A PubMed id is a number, such as 29208686.")


class Source(models.Model):
    class Kind(models.TextChoices):
        GUIDELINE = "guideline", "Guideline"
        SYSTEMATIC_REVIEW = "systematic_review", "Systematic review"
        TRIAL = "trial", "Trial"
        OBSERVATIONAL = "observational", "Observational study"
        EXPERT_BODY = "expert_body", "Expert body"
        OTHER = "other", "Other"

    class LinkStatus(models.TextChoices):
        UNCHECKED = "", "Not checked yet"
        OK = "ok", "Working"
        BROKEN = "broken", "Broken"

    class Standing(models.TextChoices):
        """What the publisher has said about the work since (Crossref's update relations)."""

        NONE = "", "No notice"
        CORRECTED = "corrected", "Corrected"
        RETRACTED = "retracted", "Retracted"

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE,
                                related_name="sources")  # fmt: skip
    position = models.PositiveSmallIntegerField(
        "No.", help_text="The number the body cites it by: [1], [2] …"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = PlainCharField(max_length=500, blank=True)
    authors = PlainCharField(max_length=500, blank=True, help_text="e.g. Jena AB, Olenski AR.")
    publisher = PlainCharField("publisher or journal", max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    doi = models.CharField("DOI", max_length=200, blank=True, validators=[validate_doi])
    pmid = models.CharField("PubMed id", max_length=10, blank=True, validators=[validate_pmid])
    url = models.URLField("URL", max_length=1000, blank=True)
    accessed_on = models.DateField("date accessed", null=True, blank=True)
    summary = PlainCharField(
        max_length=500,
        blank=True,
        help_text="What it found or advises, in a sentence, for readers.",
    )

    # What the weekly check (articles.source_checks) found; never part of a revision.
    link_status = models.CharField(max_length=10, choices=LinkStatus.choices, blank=True,
                                   editable=False)  # fmt: skip
    link_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    link_detail = PlainCharField(max_length=300, blank=True, editable=False)
    link_final_url = models.URLField(max_length=1000, blank=True, editable=False)
    standing = models.CharField(max_length=10, choices=Standing.choices, blank=True,
                                editable=False)  # fmt: skip
    standing_notice = PlainCharField(max_length=300, blank=True, editable=False)
    standing_found_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="source_position_unique")
        ]
        indexes = [
            models.Index(fields=["link_status"], name="source_link_status_idx"),
            models.Index(fields=["standing"], name="source_standing_idx"),
        ]

    # What an editor writes, in the order a revision's snapshot keeps it.
    EDITABLE = ("kind", "title", "authors", "publisher", "year", "doi", "pmid", "url",
                "accessed_on", "summary")  # fmt: skip

    def __str__(self):
        return f"[{self.position}] {self.title or self.doi or self.url}"

    def clean(self):
        self.doi = normalize_doi(self.doi)
        if not (self.title or self.doi or self.pmid):
            raise ValidationError("Give the source a title, or a DOI or PubMed id to fill it in.")

    def as_snapshot(self):
        data = {name: getattr(self, name) for name in self.EDITABLE}
        data["accessed_on"] = self.accessed_on.isoformat() if self.accessed_on else None
        return data

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def pubmed_url(self):
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    @property
    def link(self):
        """Where a reader goes to check it: the page cited, else the DOI, else PubMed."""
        return self.url or self.doi_url or self.pubmed_url

    @property
    def needs_attention(self):
        return self.link_status == self.LinkStatus.BROKEN or bool(self.standing)
