"""Articles and their revisions (changed only through ``articles.revisions.save_article``)."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from core.fields import PlainCharField, PlainTextField, SanitizedRichTextField
from core.sanitizer import clean_plain_text
from core.validators import validate_image_upload

from .byline import Byline
from .revision import Revision
from .taxonomy import Author, Tag, validate_not_blank


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published or scheduled, with a publication time that has come.
        A scheduled article is public at its minute even before the task that marks it
        published has run: nothing waits on the task queue."""
        return self.filter(status__in=LIVE_STATUSES, published_at__lte=timezone.now())

    def scheduled(self):
        """Waiting for their publication minute."""
        return self.filter(status__in=LIVE_STATUSES, published_at__gt=timezone.now())

    def by(self, author):
        """Articles with ``author`` on the byline, as the lead or a further author."""
        return self.filter(Q(author=author) | Q(pk__in=Byline.objects.filter(author=author)
                                                .values("article_id")))  # fmt: skip

    def for_listing(self):
        """Everything a teaser card shows, in a fixed number of queries, and not the body: a
        list sorts whole rows, and bodies are most of an article's bytes."""
        return self.select_related("author").prefetch_related("tags", bylines()).defer("body")

    def for_detail_page(self):
        """What the article page reads: one narrow row (kept: ``fragments.public_article``); the
        rest only when the page's kept rendering is stale (``for_rendering``)."""
        return self.only(*PAGE_FIELDS)

    def for_rendering(self):
        """The article and its people, to render its page (``load_page_content``: the rest)."""
        return self.select_related("author", "reviewer").defer("body")


def bylines():
    """An article's further authors, in byline order, with their names (cards and pages show
    them): one query for a whole list."""
    return Prefetch(
        "bylines",
        queryset=Byline.objects.select_related("author").order_by("position", "id"),
    )


# What the article page shows around its kept rendering, and what its cache tags are made of.
PAGE_FIELDS = ("id", "slug", "title", "dek", "status", "published_at", "comments_open", "author")

RELATED_CANDIDATES = 100  # newest articles sharing a tag, ranked for "related articles"


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        return super().get_queryset().defer("search_vector")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        # Published at a future minute (``published_at``): public by itself then, and marked
        # published by the announcement task (articles.publishing).
        SCHEDULED = "scheduled", "Scheduled"
        # Withdrawn from readers (410 Gone) with its whole history kept; editors archive instead
        # of deleting, and publish again to bring it back.
        ARCHIVED = "archived", "Archived"

    title = PlainCharField(max_length=200, validators=[validate_not_blank])
    # Unicode letters stay readable (WordPress's "健康-café", not "e581a5e5bab7-cafc3a9").
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    dek = PlainTextField(
        "dek", max_length=400, blank=True, help_text="One or two sentences under the title."
    )
    body = SanitizedRichTextField()
    hero_image = models.ImageField(
        upload_to="heroes/%Y/", blank=True, validators=[validate_image_upload]
    )
    hero_asset = models.ForeignKey(
        "library.Asset",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "image"},
        verbose_name="hero from the library",
        help_text="Choose an image from the media library instead of uploading one: its file, "
        "alt text, caption and credit are used.",
    )
    hero_alt = PlainCharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for readers who cannot see it.",
    )
    hero_caption = PlainCharField(max_length=300, blank=True)
    hero_credit = PlainCharField(
        max_length=200, blank=True, help_text='e.g. "© Photographer | Agency".'
    )
    # The lead byline: the one author every feed, cache and review keys on. Further authors
    # are ``Byline`` rows (``coauthors``), shown after the lead in their order.
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="articles")
    coauthors = models.ManyToManyField(
        Author, through="Byline", related_name="coauthored_articles", blank=True
    )
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
        help_text="Original publication, in the site's time zone "
        f"({settings.TIME_ZONE}). Set automatically on first publish; a future time schedules "
        "the article: it goes public by itself at that minute.",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "medical review every (months)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=f"Empty: the site's default ({settings.MEDICAL_REVIEW_INTERVAL_MONTHS} months).",
    )
    # Full-text search (articles/search.py): weighted title, dek, tags, author and body, kept
    # up to date by save_article. PostgreSQL only; its GIN index is made by migration 0008.
    search_vector = SearchVectorField(null=True, editable=False)
    went_live_at = models.DateTimeField(
        null=True, editable=False, help_text="Internal: when publication tasks ran."
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

    # The search vector is for the database's own searching: never loaded into Python.
    objects = ArticleManager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            # Home, tag and author listings: published articles, newest first.
            models.Index(
                fields=["-published_at"],
                name="article_published_idx",
                condition=Q(status__in=["published", "scheduled"]),
            ),
            # The home page's featured row: a handful of featured articles among thousands,
            # found without walking the whole list (it took a full scan at 20,000 articles).
            models.Index(
                fields=["-published_at"],
                name="article_featured_idx",
                condition=Q(status__in=["published", "scheduled"], featured=True),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """A plain save. Editors' changes go through ``articles.revisions.save_article``, which
        stamps the dates, checks the version and records the revision."""
        if not self.slug:
            self.slug = slugify(clean_plain_text(self.title), allow_unicode=True)[:200]
        if self.hero_asset_id:
            self.use_hero_asset()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:article_detail", args=[self.slug])

    def use_hero_asset(self):
        """The library asset's file is the hero (renditions and templates stay as they are);
        its words fill whatever the editor left empty."""
        asset = self.hero_asset
        self.hero_image = asset.file.name
        self.hero_alt = self.hero_alt or asset.alt_text
        self.hero_caption = self.hero_caption or asset.caption
        self.hero_credit = self.hero_credit or asset.credit

    @property
    def is_live(self):
        """Published or scheduled: meant for readers, now or at its minute."""
        return self.status in LIVE_STATUSES

    @property
    def is_scheduled(self):
        return (
            self.status in LIVE_STATUSES
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def authors(self):
        """Everyone on the byline, the lead first."""
        if not self.pk:
            return [self.author]
        if "bylines" not in getattr(self, "_prefetched_objects_cache", {}):
            # Read once, when the page or card is rendered (not on every kept request); like
            # any prefetched relation, forgotten by refresh_from_db().
            prefetch_related_objects([self], bylines())
        return [self.author, *(byline.author for byline in self.bylines.all())]

    @property
    def topics(self):
        """The article's public tags (its private keywords left out), from the prefetched
        tags when there are any."""
        return [tag for tag in self.tags.all() if tag.is_topic]

    @property
    def review_interval(self):
        return self.review_interval_months or settings.MEDICAL_REVIEW_INTERVAL_MONTHS

    @property
    def is_public(self):
        return (
            self.status in LIVE_STATUSES
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
        """Substantive updates made after publication, newest first, with their notes: every
        public note a reader was promised, same-day ones included (the "last updated" date
        keeps day granularity; the notes do not). The publishing save itself is not an update:
        its revision carries the publication time exactly (``save_article``).

        Reads the list prefetched by ``load_page_content``.
        """
        if not self.published_at:
            return []
        updates = getattr(self, "public_updates", None)
        if updates is None:
            updates = self.revisions.filter(is_minor=False).order_by("-created_at", "-number")
        return [
            revision
            for revision in updates
            if revision.change_note
            and not revision.is_minor
            and revision.number > 1  # the first version is no update, whatever its date
            and revision.created_at > self.published_at
        ]

    def load_page_content(self):
        """Everything else the article page shows, in a fixed number of queries: the tags, the
        sources, the public updates and the chosen related articles."""
        prefetch_related_objects(
            [self],
            "tags",
            "sources",
            Prefetch(
                "revisions",
                queryset=Revision.objects.filter(is_minor=False)
                .only("id", "article_id", "number", "created_at", "change_note", "is_minor")
                .order_by("-created_at", "-number"),
                to_attr="public_updates",
            ),
            Prefetch(
                "related",
                queryset=Article.objects.published().select_related("author").defer("body"),
                to_attr="explicit_related",
            ),
        )

    def related_articles(self, limit=3):
        """Explicitly chosen related articles first, then the ones sharing the most tags.

        Uses the prefetched lists from ``load_page_content`` and one query for the fallback, so
        the cost does not grow with the number of tags or related articles.
        """
        chosen = list(getattr(self, "explicit_related", None) or [])[:limit]
        missing = limit - len(chosen)
        if missing > 0:
            tag_ids = [tag.pk for tag in self.tags.all()]
            if tag_ids:
                exclude = [self.pk, *(article.pk for article in chosen)]
                # Ranked among the newest candidates only, so a big tag costs no more than a
                # small one.
                candidates = (
                    Article.objects.published()
                    .filter(tags__in=tag_ids)
                    .exclude(pk__in=exclude)
                    .order_by("-published_at")
                    .values("pk")[:RELATED_CANDIDATES]
                )
                chosen += list(
                    Article.objects.filter(pk__in=candidates, tags__in=tag_ids)
                    .annotate(shared_tags=Count("tags"))
                    .select_related("author")
                    .defer("body")
                    .order_by("-shared_tags", "-published_at")[:missing]
                )
        return chosen


LIVE_STATUSES = (Article.Status.PUBLISHED, Article.Status.SCHEDULED)
