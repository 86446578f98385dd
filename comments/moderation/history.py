"""What a moderator reads about a commenter: counts by status, flags received, recent comments
and active sanctions, for any number of commenters in a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber

from ..models import Comment, Flag, Sanction

Status = Comment.Status
RECENT_OTHER_COMMENTS = 3


@dataclass
class History:
    """What a moderator needs to judge a commenter."""

    approved: int = 0
    rejected: int = 0
    spam: int = 0
    pending: int = 0
    removed: int = 0
    flags_received: int = 0
    recent: list = field(default_factory=list)  # newest first, one more than shown per item
    sanctions: list = field(default_factory=list)  # active bans first, then suspensions


def status_counts(author_ids):
    """Comment counts per status for many authors: one grouped query."""
    rows = (
        Comment.objects.filter(author_id__in=author_ids)
        .order_by()
        .values("author_id")
        .annotate(**{status: Count("pk", filter=Q(status=status)) for status in Status.values})
    )
    return {row.pop("author_id"): row for row in rows}


def flags_received(author_ids):
    """Flags (open or dismissed) on each author's comments: one grouped query."""
    rows = (
        Flag.objects.filter(comment__author_id__in=author_ids)
        .order_by()
        .values("comment__author_id")
        .annotate(n=Count("pk"))
    )
    return {row["comment__author_id"]: row["n"] for row in rows}


def recent_comments(author_ids, per_author):
    """Each author's ``per_author`` newest comments, in one query (a window function)."""
    rows = (
        Comment.objects.filter(author_id__in=author_ids)
        .annotate(
            row=Window(
                RowNumber(),
                partition_by=[F("author_id")],
                order_by=[F("created_at").desc(), F("id").desc()],
            )
        )
        .filter(row__lte=per_author)
        .only("id", "author_id", "article_id", "body", "status", "created_at")
        .order_by("author_id", "-created_at", "-id")
    )
    recent = {}
    for comment in rows:
        recent.setdefault(comment.author_id, []).append(comment)
    return recent


def active_sanctions(user_ids):
    """Active bans and suspensions of many users, bans first: one query."""
    rows = (
        Sanction.objects.active()
        .filter(user_id__in=user_ids)
        .order_by(F("until").desc(nulls_first=True), "-id")
    )
    sanctions = {}
    for row in rows:
        sanctions.setdefault(row.user_id, []).append(row)
    return sanctions


def author_histories(author_ids):
    """A ``History`` for every author, in four queries whatever their number."""
    author_ids = sorted(set(author_ids) - {None})
    if not author_ids:
        return {}
    counts = status_counts(author_ids)
    flags = flags_received(author_ids)
    # One more than shown, so that "other comments" can leave out the one being reviewed.
    recent = recent_comments(author_ids, RECENT_OTHER_COMMENTS + 1)
    sanctions = active_sanctions(author_ids)
    return {
        author_id: History(
            **counts.get(author_id, {}),
            flags_received=flags.get(author_id, 0),
            recent=recent.get(author_id, []),
            sanctions=sanctions.get(author_id, []),
        )
        for author_id in author_ids
    }


def prepare_items(comments):
    """Attach flag summaries and the authors' histories to comments whose ``open_flags`` are
    loaded. A fixed number of queries for any number of comments."""
    histories = author_histories(comment.author_id for comment in comments)
    for comment in comments:
        counts = Counter(flag.reason for flag in comment.open_flags)
        comment.flag_summary = [
            {"label": Flag.Reason(reason).label, "count": number, "reason": reason}
            for reason, number in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]
        comment.flag_notes = [flag for flag in comment.open_flags if flag.note]
        comment.has_misinformation = Flag.Reason.MISINFORMATION in counts
        comment.history = histories.get(comment.author_id)
        comment.recent_other = (
            [other for other in comment.history.recent if other.pk != comment.pk][
                :RECENT_OTHER_COMMENTS
            ]
            if comment.history
            else []
        )
    return comments


def thread_of(comment):
    """The comment's whole thread depth-first (each reply under its parent), oldest first."""
    root_id = comment.thread_id or comment.pk
    comments = list(
        Comment.objects.in_threads([root_id]).select_related("author").order_by("created_at", "id")
    )
    children = {}
    for item in comments:
        children.setdefault(item.parent_id, []).append(item)
    ordered, stack = [], [item for item in comments if item.pk == root_id]
    while stack:
        item = stack.pop()
        ordered.append(item)
        stack.extend(reversed(children.get(item.pk, [])))
    return ordered
