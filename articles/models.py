from contextlib import contextmanager

from ckeditor.fields import RichTextField
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, F, Prefetch, Q
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from core.sanitizer import clean_plain_text, clean_rich_text


def validate_not_blank(value):
    if not (value or "").strip():
        raise ValidationError("This field cannot be blank or only spaces.")


class Tag(models.Model):
    name = models.CharField(max_length=60, unique=True, validators=[validate_not_blank])
    slug = models.SlugField(max_length=70, unique=True)
    description = models.TextField(blank=True)

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
        self.name = clean_plain_text(self.name)
        self.description = clean_plain_text(self.description)
        if not self.name:
            raise ValidationError("A tag needs a name; an empty tag would render as a blank link.")
        if not self.slug:
            self.slug = slugify(self.name) or "tag"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:tag_detail", args=[self.slug])


class Author(models.Model):
    name = models.CharField(max_length=120, validators=[validate_not_blank])
    slug = models.SlugField(max_length=140, unique=True)
    credentials = models.CharField(
        max_length=80, blank=True, help_text='Shown after the name, e.g. "MD, MPH" or "PhD".'
    )
    photo = models.ImageField(upload_to="authors/", blank=True)
    short_bio = models.TextField(max_length=400, help_text="One or two plain sentences.")
    full_bio = RichTextField(blank=True)
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
        self.name = clean_plain_text(self.name)
        self.credentials = clean_plain_text(self.credentials)
        self.short_bio = clean_plain_text(self.short_bio)
        self.full_bio = clean_rich_text(self.full_bio)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:author_detail", args=[self.slug])

    @property
    def byline(self):
        """ "Jim Doe, PhD" — the name with credentials, as readers see it."""
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class StaleArticleError(Exception):
    """Another editor saved the article after this copy was loaded (optimistic locking)."""


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, with a publication time that has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self):
        """Everything a teaser card shows, in a fixed number of queries."""
        return self.select_related("author").prefetch_related("tags")

    def for_detail_page(self):
        """Everything the article page shows, in a fixed number of queries."""
        return self.select_related("author", "reviewer").prefetch_related(
            "tags",
            Prefetch(
                "revisions",
                queryset=Revision.objects.filter(is_minor=False)
                .only("id", "article_id", "number", "created_at", "change_note", "is_minor")
                .order_by("-created_at", "-number"),
                to_attr="public_updates",
            ),
            Prefetch(
                "related",
                queryset=Article.objects.published().select_related("author"),
                to_attr="explicit_related",
            ),
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200, validators=[validate_not_blank])
    slug = models.SlugField(max_length=200, unique=True)
    dek = models.TextField(
        "dek", max_length=400, blank=True, help_text="One or two sentences under the title."
    )
    body = RichTextField()
    hero_image = models.ImageField(upload_to="heroes/%Y/", blank=True)
    hero_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for readers who cannot see it.",
    )
    hero_caption = models.CharField(max_length=300, blank=True)
    hero_credit = models.CharField(
        max_length=200, blank=True, help_text='e.g. "© Photographer | Agency".'
    )
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="articles")
    reviewer = models.ForeignKey(
        Author,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_articles",
        help_text="The clinician who medically reviewed this article, if any.",
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        help_text="Shown under the article; filled up with articles sharing its tags.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    featured = models.BooleanField(default=False, help_text="Show on the home page's top row.")
    comments_open = models.BooleanField(default=True)
    regularly_updated = models.BooleanField(
        default=False, help_text='Says "this post is regularly updated" under the article.'
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Original publication. Set automatically on first publish; "
        "a future time schedules the article.",
    )
    updated_at = models.DateTimeField(
        "last substantive update",
        null=True,
        blank=True,
        editable=False,
        help_text="Public. Moves only when a substantive (not minor) revision is saved.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True, help_text="Internal: any save.")
    version = models.PositiveIntegerField(default=0, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            # Home, tag and author listings: published articles, newest first.
            models.Index(
                fields=["-published_at"],
                name="article_published_idx",
                condition=Q(status="published"),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, editor=None, change_note="", minor=False, restored_from=None, **kwargs):
        """Save and record a full snapshot revision in the same transaction.

        The save is refused with ``StaleArticleError`` when someone else saved the article after
        this instance was loaded. A substantive (not ``minor``) save moves the public
        ``updated_at``; a minor one leaves it, and every public date, alone.
        """
        self.title = clean_plain_text(self.title)
        self.dek = clean_plain_text(self.dek)
        self.hero_alt = clean_plain_text(self.hero_alt)
        self.hero_caption = clean_plain_text(self.hero_caption)
        self.hero_credit = clean_plain_text(self.hero_credit)
        self.body = clean_rich_text(self.body)
        if not self.slug:
            self.slug = slugify(self.title)[:200]
        now = timezone.now()
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = now
        is_new = self._state.adding
        if is_new or self.updated_at is None:
            self.updated_at = self.published_at or now
        elif not minor:
            self.updated_at = now
        with transaction.atomic():
            if not is_new:
                claimed = Article.objects.filter(pk=self.pk, version=self.version).update(
                    version=F("version") + 1
                )
                if not claimed:
                    raise StaleArticleError(
                        f"“{self.title}” was changed by someone else after you opened it."
                    )
            self.version += 1
            super().save(*args, **kwargs)
            self.last_revision = Revision.record(
                self, editor=editor, change_note=change_note, is_minor=minor,
                restored_from=restored_from,
            )  # fmt: skip

    def get_absolute_url(self):
        return reverse("articles:article_detail", args=[self.slug])

    @contextmanager
    def one_revision(self):
        """Record one save and the tag and related-article changes after it as one revision.

        Many-to-many fields are written after the article row (the admin does it in a second
        step), so inside this block their changes are folded into the save's revision. Outside
        it, such a change records a revision of its own: no edit escapes the history.
        """
        self._folding_relations = True
        try:
            with transaction.atomic():
                yield self
        finally:
            self._folding_relations = False

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def last_updated(self):
        """The public "last updated" date, or None if it has not changed since publication."""
        if (
            self.published_at
            and self.updated_at
            and timezone.localdate(self.updated_at) > timezone.localdate(self.published_at)
        ):
            return self.updated_at
        return None

    @property
    def date_modified(self):
        """For machines (JSON-LD, sitemaps): the last substantive change, never a typo fix."""
        return self.last_updated or self.published_at

    @property
    def public_update_history(self):
        """Substantive updates after the day of publication, newest first, with their notes.

        Reads the list prefetched by ``for_detail_page``. Day granularity matches the public
        "last updated" date: edits on the day of publication are part of publishing.
        """
        if not self.published_at:
            return []
        updates = getattr(self, "public_updates", None)
        if updates is None:
            updates = self.revisions.filter(is_minor=False).order_by("-created_at", "-number")
        published_on = timezone.localdate(self.published_at)
        return [
            revision
            for revision in updates
            if revision.change_note
            and not revision.is_minor
            and timezone.localdate(revision.created_at) > published_on
        ]

    def structured_data(self, request):
        """schema.org JSON-LD: a medical web page with honest dates, author and reviewer."""
        data = {
            "@context": "https://schema.org",
            "@type": ["Article", "MedicalWebPage"],
            "headline": self.title,
            "description": self.dek,
            "url": request.build_absolute_uri(self.get_absolute_url()),
            "datePublished": self.published_at.isoformat() if self.published_at else None,
            "dateModified": self.date_modified.isoformat() if self.date_modified else None,
            "author": {
                "@type": "Person",
                "name": self.author.byline,
                "url": request.build_absolute_uri(self.author.get_absolute_url()),
            },
            "keywords": [tag.name for tag in self.tags.all()],
        }
        if self.hero_image:
            data["image"] = request.build_absolute_uri(self.hero_image.url)
        if self.reviewer_id:
            data["reviewedBy"] = {"@type": "Person", "name": self.reviewer.byline}
            data["lastReviewed"] = data["dateModified"]
        return data

    def snapshot(self):
        """Every editable field, as stored in a revision."""
        tags = sorted(self.tags.all(), key=lambda tag: tag.name) if self.pk else []
        return {
            "title": self.title,
            "slug": self.slug,
            "dek": self.dek,
            "body": self.body,
            "hero_image": self.hero_image.name if self.hero_image else "",
            "hero_alt": self.hero_alt,
            "hero_caption": self.hero_caption,
            "hero_credit": self.hero_credit,
            "author": {"id": self.author_id, "name": self.author.byline},
            "reviewer": (
                {"id": self.reviewer_id, "name": self.reviewer.byline} if self.reviewer_id else None
            ),
            "tags": [{"id": tag.pk, "name": tag.name} for tag in tags],
            "related": sorted(self.related.values_list("pk", flat=True)) if self.pk else [],
            "status": self.status,
            "featured": self.featured,
            "comments_open": self.comments_open,
            "regularly_updated": self.regularly_updated,
            "published_at": self.published_at.isoformat() if self.published_at else None,
        }

    def related_articles(self, limit=3):
        """Explicitly chosen related articles first, then the ones sharing the most tags.

        Uses the prefetched lists from ``for_detail_page`` and one query for the fallback, so
        the cost does not grow with the number of tags or related articles.
        """
        chosen = list(getattr(self, "explicit_related", None) or [])[:limit]
        missing = limit - len(chosen)
        if missing > 0:
            tag_ids = [tag.pk for tag in self.tags.all()]
            if tag_ids:
                exclude = [self.pk, *(article.pk for article in chosen)]
                chosen += list(
                    Article.objects.published()
                    .filter(tags__in=tag_ids)
                    .exclude(pk__in=exclude)
                    .annotate(shared_tags=Count("tags"))
                    .select_related("author")
                    .order_by("-shared_tags", "-published_at")[:missing]
                )
        return chosen

    def restore(self, revision, *, editor, change_note="", minor=False):
        """Bring back the content of ``revision`` as a new revision; history only ever grows."""
        if revision.article_id != self.pk:
            raise ValueError("That revision belongs to another article.")
        data = revision.snapshot
        author_ids = {data["author"]["id"]} | (
            {data["reviewer"]["id"]} if data["reviewer"] else set()
        )
        authors = Author.objects.in_bulk(author_ids)
        if data["author"]["id"] not in authors:
            raise ValidationError(
                f"Revision #{revision.number} was written by {data['author']['name']}, "
                "whose author page no longer exists. Choose another revision."
            )
        for field in ("title", "dek", "body", "hero_alt", "hero_caption", "hero_credit",
                      "status", "featured", "comments_open", "regularly_updated"):  # fmt: skip
            setattr(self, field, data[field])
        self.hero_image = data["hero_image"]
        self.author = authors[data["author"]["id"]]
        self.reviewer = authors.get(data["reviewer"]["id"]) if data["reviewer"] else None
        note = change_note or f"Restored revision #{revision.number}."
        with self.one_revision():
            self.save(editor=editor, change_note=note, minor=minor, restored_from=revision)
            self.tags.set(Tag.objects.filter(pk__in=[tag["id"] for tag in data["tags"]]))
            self.related.set(Article.objects.filter(pk__in=data["related"]))
        return self.last_revision


class Revision(models.Model):
    """A full snapshot of an article at one save. Append-only: never edited, never deleted."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="article_revisions",
    )
    change_note = models.CharField(max_length=300, blank=True)
    is_minor = models.BooleanField(default=False)
    restored_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="revision_number_unique"),
        ]
        # (article, number) unique index also serves "revisions of an article, newest first".

    def __str__(self):
        return f"Revision #{self.number} of “{self.snapshot.get('title', '')}”"

    def get_absolute_url(self):
        return reverse("admin:articles_article_revision", args=[self.article_id, self.pk])

    @classmethod
    def record(cls, article, *, editor=None, change_note="", is_minor=False, restored_from=None):
        last = (
            cls.objects.filter(article=article).order_by("-number").values_list("number", flat=True)
        ).first()
        return cls.objects.create(
            article=article,
            number=(last or 0) + 1,
            editor=editor if editor and editor.pk else None,
            change_note=clean_plain_text(change_note)[:300],
            is_minor=is_minor,
            restored_from=restored_from,
            snapshot=article.snapshot(),
        )

    @property
    def kind(self):
        return "minor" if self.is_minor else "substantive"


@receiver(m2m_changed, sender=Article.tags.through)
@receiver(m2m_changed, sender=Article.related.through)
def record_relation_change(sender, instance, action, reverse, **kwargs):
    """Keep tag and related-article changes in the history (see ``Article.one_revision``)."""
    if reverse or action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not isinstance(instance, Article):
        return
    pending = getattr(instance, "last_revision", None)
    if pending is not None and getattr(instance, "_folding_relations", False):
        pending.snapshot = instance.snapshot()
        pending.save(update_fields=["snapshot"])
    else:
        Revision.record(instance, change_note="Tags or related articles changed.", is_minor=True)


class Page(models.Model):
    """Pages editors manage: About, Comments Policy, Disclaimer."""

    title = models.CharField(max_length=200, validators=[validate_not_blank])
    slug = models.SlugField(max_length=100, unique=True)
    summary = models.TextField(
        blank=True,
        help_text="Plain text. For the Disclaimer, this paragraph appears under every article.",
    )
    body = RichTextField()
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = clean_plain_text(self.title)
        self.summary = clean_plain_text(self.summary)
        self.body = clean_rich_text(self.body)
        super().save(*args, **kwargs)

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
