"""An article's public updates for readers: "what changed" in each, and its feed.

A public update is a substantive revision with a note for readers, saved after the day of
publication (``Article.public_update_history``). What it changed is read from the revisions:
its snapshot against the one of the substantive revision before it, skipping the minor edits
in between (a typo fixed meanwhile shows as part of the update; minor edits never get a page
of their own, as they never appear in the history).
"""

from django.http import Http404

from .diff import diff_for_readers
from .models import Revision


def public_update(article, number):
    """The revision of ``article`` numbered ``number`` if it is one of its public updates;
    404 otherwise (minor edits, edits on the day of publication, unknown numbers)."""
    for revision in article.public_update_history:
        if revision.number == number:
            return revision
    raise Http404("No such update.")


def version_before(revision):
    """The substantive revision readers had before ``revision``, minor edits skipped."""
    return (
        Revision.objects.filter(
            article_id=revision.article_id, number__lt=revision.number, is_minor=False
        )  # fmt: skip
        .order_by("-number")
        .first()
    )


def changes_in(revision):
    """What ``revision`` changed for readers (``articles.diff.FieldDiff`` list)."""
    before = version_before(revision)
    return diff_for_readers(before.snapshot if before else {}, revision.snapshot)
