from django.db import models
from django.urls import reverse

from core.fields import PlainCharField, PlainTextField, SanitizedRichTextField

from .article import Article
from .taxonomy import validate_not_blank


class PageQuerySet(models.QuerySet):
    def published(self):
        """What readers may see. A page imported as a WordPress draft, or one waiting for
        sign-off, stays an editor's until someone publishes it."""
        return self.filter(status=Page.Status.PUBLISHED)


class Page(models.Model):
    """Pages editors manage: About, Comments Policy, Disclaimer."""

    # The same words and rules as articles (draft, published, archived). Unlike an article, a
    # new page starts published: other apps' migrations create the pages they link to (the
    # comments policy, how we review) and must not create drafts.
    Status = Article.Status

    title = PlainCharField(max_length=200, validators=[validate_not_blank])
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)
    summary = PlainTextField(
        blank=True,
        help_text="Plain text. For the Disclaimer, this paragraph appears under every article.",
    )
    body = SanitizedRichTextField()
    # Pages are not scheduled: draft, published or archived, like an article otherwise.
    status = models.CharField(
        max_length=10,
        choices=[(value, label) for value, label in Status.choices if value != "scheduled"],
        default=Status.PUBLISHED,
    )
    modified_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:page_detail", args=[self.slug])

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED

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
