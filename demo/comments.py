"""Demo comments for ``manage.py seed_demo``: threads, a pending queue, flags and a ban.

Safe to re-run: a demo comment is found again by its article, author and text.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from articles.models import Article
from comments.models import (
    Comment,
    ContextNote,
    Flag,
    ModerationLog,
    ModerationSettings,
    Sanction,
)
from comments.moderation import explain

from . import loader as demo_content
from .articles import ensure_user

DEMO_SUSPECT_WORDS = "miracle\ncure-all\ndetox\nguaranteed"
DEMO_BLOCKED_WORDS = "buy now\ncasino\nviagra"


def seed_commenters(password):
    return {
        data["username"]: ensure_user(data["username"], password, first_name=data["first_name"])[0]
        for data in demo_content.COMMENTERS
    }


def seed_policy_words():
    rules = ModerationSettings.current()
    if not rules.suspect_words and not rules.blocked_words:
        rules.suspect_words, rules.blocked_words = DEMO_SUSPECT_WORDS, DEMO_BLOCKED_WORDS
        rules.save()


def seed_demo_comments(users):
    articles = Article.objects.in_bulk([data["article"] for data in demo_content.COMMENTS],
                                       field_name="slug")  # fmt: skip
    by_key, created = {}, 0
    for data in demo_content.COMMENTS:
        article = articles[data["article"]]
        author = users[data["user"]]
        when = article.published_at + timedelta(days=data["days_after_publish"], hours=len(by_key))
        when = min(when, timezone.now() - timedelta(hours=1))
        comment, is_new = Comment.objects.get_or_create(
            article=article,
            author=author,
            body=data["body"],
            defaults={
                "parent": by_key.get(data["parent"]),
                "status": data["status"],
                "created_at": when,
                "decided_at": when if data["status"] != "pending" else None,
                "decided_by": users["moderator"] if data["status"] != "pending" else None,
                "decision_reason": data.get("rejection_reason", ""),
            },
        )
        by_key[data["key"]] = comment
        if not is_new:
            continue
        created += 1
        if data["status"] == "pending":
            held_as_the_policy_would(comment)
        if note := data.get("context_note"):
            ContextNote.objects.create(
                comment=comment, body=note["body"], link=note["link"],
                written_by=users[note["user"]], created_at=when + timedelta(hours=3),
            )  # fmt: skip
        if data["status"] != "pending":
            action = {"approved": "approve", "rejected": "reject", "spam": "spam"}[data["status"]]
            ModerationLog.objects.create(
                action=action,
                comment=comment, subject=author, actor=users["moderator"], created_at=when,
                reason=data.get("rejection_reason", "Demo decision."), to_status=data["status"],
            )  # fmt: skip
        for flag in data.get("flags", []):
            Flag.objects.get_or_create(
                comment=comment,
                user=users[flag["user"]],
                defaults={"reason": flag["reason"], "note": flag.get("note", ""),
                          "created_at": when + timedelta(hours=5)},
            )  # fmt: skip
    return created


def held_as_the_policy_would(comment):
    """A pending demo comment carries what the policy notices in it (a claim's phrases, a
    crisis marked urgent), as if it had just been posted."""
    seen = explain(comment.body)
    if seen["outcome"] != "hold" or seen["rule"] not in ("crisis", "medical_claim"):
        return
    kind = "Reads like a crisis" if seen["rule"] == "crisis" else "Treatment claim"
    reason = f"{kind}: " + ", ".join(f"“{phrase}”" for phrase in seen["phrases"]) + "."
    Comment.objects.filter(pk=comment.pk).update(
        signals=seen["signals"], matched_phrases=seen["phrases"],
        urgent=seen["rule"] == "crisis", decision_reason=reason[:300],
    )  # fmt: skip


def seed_ban(users):
    banned = users[demo_content.BANNED["username"]]
    if not Sanction.objects.active().filter(user=banned).exists():
        Sanction.objects.create(
            user=banned, reason=demo_content.BANNED["reason"], created_by=users["moderator"]
        )
        ModerationLog.objects.create(
            action=ModerationLog.Action.BAN, subject=banned, actor=users["moderator"],
            reason=demo_content.BANNED["reason"],
        )  # fmt: skip


def seed_synthetic_comments(count, users):
    """``count`` approved comments in threads on the newest article, for load tests."""
    article = Article.objects.published().order_by("-published_at").first()
    if article is None or count <= 0:
        return 0
    commenters = [user for name, user in users.items() if name in {c["username"] for c in
                  demo_content.COMMENTERS}]  # fmt: skip
    start = Comment.objects.filter(article=article, body__startswith="Load-test comment").count()
    base = timezone.now() - timedelta(days=2)
    parents = []
    for number in range(start + 1, start + count + 1):
        parent = parents[-1] if number % 3 and parents and parents[-1].depth < 3 else None
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            author=commenters[number % len(commenters)],
            body=f"Load-test comment {number}: a realistic sentence or two about the article, "
            "long enough to wrap onto a second line on a phone.",
            status=Comment.Status.APPROVED,
            created_at=base + timedelta(seconds=number),
        )
        parents.append(comment if parent is None else parent)
    return count


@transaction.atomic
def seed(users, password, *, synthetic_comments=0):
    users = {**users, **seed_commenters(password)}
    seed_policy_words()
    created = seed_demo_comments(users)
    seed_ban(users)
    synthetic = seed_synthetic_comments(synthetic_comments, users)
    return {"comments": created, "synthetic_comments": synthetic,
            "commenters": [c["username"] for c in demo_content.COMMENTERS]}  # fmt: skip
