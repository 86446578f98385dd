"""The demo articles' sources (``content/sources.yaml``): cited in the body, listed with the
article in one minor revision, and what the weekly source check is shown to have found."""

from datetime import timedelta

from django.utils import timezone

from articles.models import Source
from articles.revisions import save_article


def cite_sources(article, data, *, editor):
    """List the article's sources, with their [n] markers placed in the body, as one minor
    revision; then record what the source check is shown to have found."""
    body = article.body + (f"\n{data['sources_append']}" if data["sources_append"] else "")
    markers = {}
    for number, source in enumerate(data["sources"], start=1):
        markers.setdefault(source["cite_after"], []).append(number)
    for text, numbers in markers.items():
        if body.count(text) != 1:
            raise ValueError(f"{data['slug']}: source text {text[:40]!r} is not unique.")
        body = body.replace(text, f"{text} [{', '.join(map(str, numbers))}]")
    article.body = body
    last = article.revisions.order_by("-number").values_list("created_at", flat=True).first()
    save_article(
        article,
        editor=editor,
        change_note="Listed the sources behind the article.",
        minor=True,
        sources=[{name: source[name] for name in Source.EDITABLE} for source in data["sources"]],
        at=min(timezone.now(), last + timedelta(days=1)),
    )
    now = timezone.now()
    for number, source in enumerate(data["sources"], start=1):
        row = Source.objects.filter(article=article, position=number)
        if source["found"] == "broken":
            row.update(link_status=Source.LinkStatus.BROKEN, link_checked_at=now,
                       link_detail="HTTP 404 (recorded by the demo)")  # fmt: skip
        elif source["found"] == "retracted":
            row.update(standing=Source.Standing.RETRACTED, standing_found_at=now,
                       standing_notice="Retraction notice (June 2020)")  # fmt: skip
