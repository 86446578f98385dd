"""Who writes and what about: authors and tags."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify

from core.fields import PlainCharField, PlainTextField, SanitizedRichTextField
from core.sanitizer import clean_plain_text
from core.validators import validate_image_upload


def validate_not_blank(value):
    if not (value or "").strip():
        raise ValidationError("This field cannot be blank or only spaces.")


class TagQuerySet(models.QuerySet):
    def topics(self):
        """Tags readers see: with a page, a feed and a place on the article."""
        return self.filter(is_topic=True)


class Tag(models.Model):
    name = PlainCharField(max_length=60, unique=True, validators=[validate_not_blank])
    slug = models.SlugField(max_length=70, unique=True)
    description = PlainTextField(blank=True)
    # A moved WordPress site brings hundreds of categories and tags ("aciform", "8BIT"); only
    # the ones an editor chooses become public topics, the rest stay keywords for editors.
    is_topic = models.BooleanField(
        "public topic",
        default=True,
        help_text="A topic has a public page and is listed on its articles. Untick to keep it "
        "as a private keyword: editors still find articles by it, readers never see it.",
    )

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            # The old page rendered "Tags: , , , ,". An empty name cannot exist, even via code.
            models.CheckConstraint(condition=~Q(name=""), name="tag_name_not_empty"),
            models.CheckConstraint(condition=~Q(slug=""), name="tag_slug_not_empty"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        name = clean_plain_text(self.name)
        if not name:
            raise ValidationError("A tag needs a name; an empty tag would render as a blank link.")
        if not self.slug:
            self.slug = slugify(name) or "tag"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:tag_detail", args=[self.slug])


class Author(models.Model):
    name = PlainCharField(max_length=120, validators=[validate_not_blank])
    slug = models.SlugField(max_length=140, unique=True)
    credentials = PlainCharField(
        max_length=80, blank=True, help_text='Shown after the name, e.g. "MD, MPH" or "PhD".'
    )
    photo = models.ImageField(upload_to="authors/", blank=True, validators=[validate_image_upload])
    photo_asset = models.ForeignKey(
        "library.Asset",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "image"},
        verbose_name="photo from the library",
        help_text="Choose a portrait from the media library instead of uploading one.",
    )
    short_bio = PlainTextField(max_length=400, help_text="One or two plain sentences.")
    full_bio = SanitizedRichTextField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.byline

    def save(self, *args, **kwargs):
        if self.photo_asset_id:
            self.photo = self.photo_asset.file.name  # renditions and templates as before
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:author_detail", args=[self.slug])

    @property
    def byline(self):
        """ "Jim Doe, PhD" — the name with credentials, as readers see it."""
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class Synonym(models.Model):
    """Words readers use for the same thing, for search: a query using one finds articles
    using any ("heart attack" finds "myocardial infarction"), and each is a word "Did you mean"
    can suggest. Editors keep the list in the admin."""

    terms = PlainCharField(
        max_length=300, unique=True, validators=[validate_not_blank],
        help_text="Two or more words or phrases that mean the same, separated by commas, e.g. "
        "“heart attack, myocardial infarction”.",
    )  # fmt: skip

    class Meta:
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    def clean(self):
        if len(self.term_list) < 2:
            raise ValidationError({"terms": "Give at least two terms, separated by commas."})

    @property
    def term_list(self):
        """The terms, lower-case, without repeats."""
        terms = (" ".join(term.split()).lower() for term in (self.terms or "").split(","))
        return list(dict.fromkeys(term for term in terms if term))
