"""Drafts of live articles: an editor saves a change to a published (or scheduled) article as
a draft, readers keep the live version, and "Publish" makes the draft live through
``save_article`` (so the honest-date rules apply: one revision, minor or substantive, a public
note for substantive). A draft never touches the ``Article`` row, so feeds, search, the sitemap
and cached pages cannot show it."""

from datetime import datetime

from django.utils import timezone

from .models import Article, Draft
from .models.article import LIVE_STATUSES
from .revisions import apply_snapshot, snapshot


def is_live_now(article):
    """Whether the stored article (not the edited copy in a form) is published or scheduled."""
    if article.pk is None:
        return False
    return Article.objects.filter(pk=article.pk, status__in=LIVE_STATUSES).exists()


# Rules other apps add about publishing a change (the reviews app's clinician sign-off): each
# is called as ``check(article, snapshot, minor=...)`` and returns a message refusing it, or None.
PUBLISH_CHECKS = []


def publish_refusal(article, snapshot, *, minor):
    for check in PUBLISH_CHECKS:
        message = check(article, snapshot, minor=minor)
        if message:
            return message
    return None


def save_draft(article, *, tags, related, editor, change_note="", minor=False, based_on):
    """Keep ``article``'s edited values (in memory, never saved) as its draft."""
    draft, _ = Draft.objects.update_or_create(
        article_id=article.pk,
        defaults={
            "snapshot": snapshot(article, tags=tags, related=related),
            "change_note": change_note or "",
            "is_minor": minor,
            "based_on_version": based_on,
            "editor": editor if editor and editor.pk else None,
            "saved_at": timezone.now(),
        },
    )
    return draft


def draft_initial(draft):
    """The change form's initial values from a draft: the editor continues where they were."""
    data = draft.snapshot
    initial = {
        field: data[field]
        for field in (
            "title",
            "slug",
            "dek",
            "body",
            "hero_alt",
            "hero_caption",
            "hero_credit",
            "status",
            "featured",
            "comments_open",
            "regularly_updated",
            "review_interval_months",
        )  # fmt: skip
        if field in data
    }
    initial["author"] = data["author"]["id"]
    initial["reviewer"] = data["reviewer"]["id"] if data["reviewer"] else None
    initial["tags"] = [tag["id"] for tag in data["tags"]]
    initial["related"] = data["related"]
    if data.get("published_at"):
        initial["published_at"] = datetime.fromisoformat(data["published_at"])
    initial["change_note"] = draft.change_note
    initial["is_minor"] = draft.is_minor
    return initial


def drafted_article(draft):
    """A copy of the live article with the draft's content, for previews; never saved."""
    article = Article.objects.select_related("author", "reviewer").get(pk=draft.article_id)
    tags, related = apply_snapshot(article, draft.snapshot, source="This draft")
    return article, list(tags), list(related.published())
