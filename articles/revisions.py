"""The one way an article changes: ``save_article`` (and ``restore_revision`` on top of it).

In one transaction it stamps the honest dates, claims the version the editor loaded (optimistic
locking), writes the row and its tags and related articles, and records exactly one ``Revision``
with a full snapshot. A substantive save moves the public ``updated_at``; a minor one leaves
every public date alone. ``Article.save()`` itself stays plain.

Tag or related-article changes made anywhere else (``article.tags.add(...)``) still get a
revision of their own, from the ``m2m_changed`` receiver below: no edit escapes the history.
"""

from contextvars import ContextVar
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from django.utils import timezone

from library.models import Asset

from .models import Article, Author, Revision, Source, Tag
from .publishing import schedule_announcement
from .search import refresh_index

# The pk of the article ``save_article`` is writing, so its own relation changes are not
# recorded twice by the receiver.
_saving = ContextVar("article_being_saved", default=None)


class StaleArticleError(Exception):
    """Another editor saved the article after this copy was loaded (optimistic locking)."""


def snapshot(article, *, tags=None, related=None, sources=None):
    """Every editable field of ``article``, as stored in a revision. ``tags`` and ``related``
    stand in for the stored relations (a save's proposed ones); order never matters. ``sources``
    (dicts of ``Source.EDITABLE``, in order) stands in for the stored sources; order matters."""
    if tags is None:
        tags = article.tags.all() if article.pk else []
    if related is None:
        related_ids = article.related.values_list("pk", flat=True) if article.pk else []
    else:
        related_ids = [getattr(item, "pk", item) for item in related]
    tags = sorted(tags, key=lambda tag: (tag.name, tag.pk))
    if sources is None:
        sources = [source.as_snapshot() for source in article.sources.all()] if article.pk else []
    reviewer = article.reviewer
    return {
        "title": article.title,
        "slug": article.slug,
        "dek": article.dek,
        "body": article.body,
        "hero_image": article.hero_image.name if article.hero_image else "",
        "hero_asset": article.hero_asset_id,
        "hero_alt": article.hero_alt,
        "hero_caption": article.hero_caption,
        "hero_credit": article.hero_credit,
        "author": {"id": article.author_id, "name": article.author.byline},
        "reviewer": {"id": reviewer.pk, "name": reviewer.byline} if reviewer else None,
        # Further authors as they stood (the admin's inline writes them after the row, and a
        # restore leaves them as they are).
        "coauthors": [
            {"id": byline.author_id, "name": byline.author.byline}
            for byline in article.bylines.select_related("author").order_by("position", "id")
        ]
        if article.pk
        else [],
        "tags": [{"id": tag.pk, "name": tag.name} for tag in tags],
        "related": sorted(related_ids),
        "sources": [source_data(item) for item in sources],
        "status": article.status,
        "featured": article.featured,
        "comments_open": article.comments_open,
        "regularly_updated": article.regularly_updated,
        "review_interval_months": article.review_interval_months,
        # To the second, as the admin's form shows it: reopening and saving is not a change.
        "published_at": (
            article.published_at.isoformat(timespec="seconds") if article.published_at else None
        ),
    }


def source_data(item):
    """One source as a snapshot keeps it: every editable field, dates as ISO text."""
    data = {name: item.get(name) for name in Source.EDITABLE}
    for name in ("title", "authors", "publisher", "doi", "pmid", "url", "summary"):
        data[name] = data[name] or ""
    data["kind"] = data["kind"] or Source.Kind.OTHER
    accessed = data["accessed_on"]
    data["accessed_on"] = accessed.isoformat() if hasattr(accessed, "isoformat") else accessed
    return data


def replace_sources(article, sources):
    """Store ``sources`` (dicts, in order) as the article's numbered sources. Rows are reused
    by position, so what the weekly check found about a URL or DOI survives an edit that keeps
    them; a changed URL or DOI is checked afresh."""
    getattr(article, "_prefetched_objects_cache", {}).pop("sources", None)  # read them afresh
    existing = {source.position: source for source in Source.objects.filter(article=article)}
    Source.objects.filter(article=article, position__gt=len(sources)).delete()
    for position, item in enumerate(sources, start=1):
        data = source_data(item)
        data["accessed_on"] = (
            date.fromisoformat(data["accessed_on"]) if data["accessed_on"] else None
        )
        source = existing.get(position) or Source(article=article, position=position)
        if source.pk and source.url != data["url"]:
            source.link_status, source.link_checked_at = "", None
            source.link_detail = source.link_final_url = ""
        if source.pk and source.doi != data["doi"]:
            source.standing, source.standing_notice, source.standing_found_at = "", "", None
        for name, value in data.items():
            setattr(source, name, value)
        source.save()


def record_revision(article, *, editor=None, change_note="", minor=False, restored_from=None,
                    at=None):  # fmt: skip
    """Append a revision with the article's current snapshot; numbers count up per article."""
    last = (
        Revision.objects.filter(article=article)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return Revision.objects.create(
        article=article,
        number=(last or 0) + 1,
        created_at=at or timezone.now(),
        editor=editor if editor and editor.pk else None,
        change_note=(change_note or "")[:300],
        is_minor=minor,
        restored_from=restored_from,
        snapshot=snapshot(article),
    )


def _stamp_dates(article, *, is_new, minor, now):
    if article.is_live and article.published_at is None:
        article.published_at = now
    # The status says what readers get: a future minute is "scheduled", a past one "published".
    if article.is_live:
        future = article.published_at > now
        article.status = Article.Status.SCHEDULED if future else Article.Status.PUBLISHED
    if is_new or article.updated_at is None:
        article.updated_at = article.published_at or now
    elif not minor:
        article.updated_at = now


def _check_version(article, expected_version):
    if not Article.objects.filter(pk=article.pk, version=expected_version).exists():
        raise StaleArticleError(
            f"“{article.title}” was changed by someone else after you opened it."
        )


def _claim_version(article, expected_version):
    """Bump the stored version only if it is still the one this editor loaded."""
    claimed = Article.objects.filter(pk=article.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if not claimed:
        raise StaleArticleError(
            f"“{article.title}” was changed by someone else after you opened it."
        )
    article.version = expected_version + 1


def has_changes(article, *, tags=None, related=None, sources=None, lock=False):
    """Whether saving ``article`` (with these relations) would change what is stored; order
    of tags and related articles aside. ``lock`` holds the row until the transaction ends."""
    if article._state.adding:
        return True
    stored = Article.objects.select_related("author", "reviewer")
    if lock:
        stored = stored.select_for_update(of=("self",))
    before = snapshot(stored.get(pk=article.pk))
    return before != snapshot(article, tags=tags, related=related, sources=sources)


def save_article(article, *, editor=None, change_note="", minor=False, tags=None, related=None,
                 sources=None, restored_from=None, expected_version=None, at=None):  # fmt: skip
    """Save ``article`` with its ``tags``, ``related`` articles and ``sources`` (dicts of
    ``Source.EDITABLE`` in order; None leaves any of them as they are) and record
    one revision; returns it. ``at`` backdates the save (imports and the demo replay history);
    ``expected_version`` defaults to the version the instance was loaded with.

    A save that would change nothing changes nothing: no revision, no date, no version; it
    returns None. Raises ``StaleArticleError`` when someone else saved the article in between.
    """
    is_new = article._state.adding
    if is_new and minor:
        raise ValidationError("The first version of an article cannot be a minor edit.")
    with transaction.atomic():
        if is_new:
            article.version = 1
        else:
            version = article.version if expected_version is None else expected_version
            if not has_changes(article, tags=tags, related=related, sources=sources, lock=True):
                _check_version(article, version)
                return None
            _claim_version(article, version)
        now = at or timezone.now()
        _stamp_dates(article, is_new=is_new, minor=minor, now=now)
        article.save()
        token = _saving.set(article.pk)
        try:
            if tags is not None:
                article.tags.set(tags)
            if related is not None:
                article.related.set(related)
            if sources is not None:
                replace_sources(article, sources)
        finally:
            _saving.reset(token)
        if at is not None:
            Article.objects.filter(pk=article.pk).update(modified_at=at)
            article.modified_at = at
        schedule_announcement(article)
        refresh_index(Article.objects.filter(pk=article.pk))
        # Stamped with the same moment as the dates: the save that publishes is not an update.
        return record_revision(article, editor=editor, change_note=change_note, minor=minor,
                               restored_from=restored_from, at=now)  # fmt: skip


def apply_snapshot(article, data, *, source):
    """Set ``article``'s fields (in memory only) to a stored snapshot; returns its tags and
    related articles as querysets. ``source`` names the snapshot in the error raised when its
    author no longer exists."""
    author_ids = {data["author"]["id"]} | ({data["reviewer"]["id"]} if data["reviewer"] else set())
    authors = Author.objects.in_bulk(author_ids)
    if data["author"]["id"] not in authors:
        raise ValidationError(
            f"{source} was written by {data['author']['name']}, "
            "whose author page no longer exists. Choose another revision."
        )
    for field in ("title", "dek", "body", "hero_alt", "hero_caption", "hero_credit",
                  "status", "featured", "comments_open", "regularly_updated"):  # fmt: skip
        setattr(article, field, data[field])
    article.review_interval_months = data.get("review_interval_months")
    article.hero_image = data["hero_image"]
    # The library image the revision used, if it is still in the library (else its file alone).
    hero_asset = data.get("hero_asset")
    article.hero_asset = Asset.objects.filter(pk=hero_asset).first() if hero_asset else None
    article.author = authors[data["author"]["id"]]
    article.reviewer = authors.get(data["reviewer"]["id"]) if data["reviewer"] else None
    tags = Tag.objects.filter(pk__in=[tag["id"] for tag in data["tags"]])
    return tags, Article.objects.filter(pk__in=data["related"])


def restore_revision(article, revision, *, editor, change_note="", minor=False):
    """Bring back the content of ``revision`` as a new revision; history only ever grows.
    Returns None when the revision's content is already the current one."""
    if revision.article_id != article.pk:
        raise ValueError("That revision belongs to another article.")
    tags, related = apply_snapshot(
        article, revision.snapshot, source=f"Revision #{revision.number}"
    )
    return save_article(
        article,
        editor=editor,
        change_note=change_note or f"Restored revision #{revision.number}.",
        minor=minor,
        tags=tags,
        related=related,
        # Revisions from before sources were recorded leave the current ones alone.
        sources=revision.snapshot.get("sources"),
        restored_from=revision,
    )


@receiver(m2m_changed, sender=Article.tags.through)
@receiver(m2m_changed, sender=Article.related.through)
def record_relation_change(sender, instance, action, reverse, **kwargs):
    """Tag and related-article changes made outside ``save_article`` get their own revision."""
    if reverse or action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not isinstance(instance, Article) or _saving.get() == instance.pk:
        return
    record_revision(instance, change_note="Tags or related articles changed.", minor=True)
    refresh_index(Article.objects.filter(pk=instance.pk))


@receiver(post_save, sender=Tag)
@receiver(post_save, sender=Author)
def refresh_index_of_renamed(sender, instance, created, **kwargs):
    """A renamed tag or author is found under its new name at once."""
    if not created:
        field = "tags" if sender is Tag else "author"
        refresh_index(Article.objects.filter(**{field: instance}))
