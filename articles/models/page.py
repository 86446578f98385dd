from django.db import models
from django.urls import reverse

from core.fields import PlainCharField, PlainTextField, SanitizedRichTextField

from .taxonomy import validate_not_blank


class Page(models.Model):
    """Pages editors manage: About, Comments Policy, Disclaimer."""

    title = PlainCharField(max_length=200, validators=[validate_not_blank])
    slug = models.SlugField(max_length=100, unique=True)
    summary = PlainTextField(
        blank=True,
        help_text="Plain text. For the Disclaimer, this paragraph appears under every article.",
    )
    body = SanitizedRichTextField()
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:page_detail", args=[self.slug])

    @classmethod
    def disclaimer(cls):
        """The site-wide paragraph shown under every article (editable as the Disclaimer page)."""
        summary = cls.objects.filter(slug=DISCLAIMER_SLUG).values_list("summary", flat=True).first()
        return summary or DEFAULT_DISCLAIMER


DISCLAIMER_SLUG = "disclaimer"
DEFAULT_DISCLAIMER = (
    "This article is general information, not a substitute for advice from a doctor or other "
    "qualified clinician who knows your situation. Medical knowledge changes: note the date "
    "this article was published and last updated."
)
