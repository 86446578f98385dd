"""The comment moderation policy: one pure decision function and the rules it reads.

``decide`` sees only plain facts (the submission, the commenter, the rules) and returns what
happens to the comment, which rule decided, and what to tell the commenter. It touches no
database, so every rule is tested directly (tests/test_comment_policy.py). The workflow that
gathers the facts and stores the outcome lives in ``comments/moderation/workflow.py``; the
numbers are edited by staff in the admin (``ModerationSettings``).
"""

import enum
import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import timedelta

from core.sanitizer import render_comment

from . import health
from .clauses import CLAUSES  # noqa: F401 (the statements of reasons quote them)

MAX_DEPTH = 3  # a top-level comment, a reply, a reply to that reply


class Outcome(enum.Enum):
    APPROVE = "approved"  # published now
    HOLD = "pending"  # stored, waits for a moderator
    SPAM = "spam"  # stored as spam, never shown
    REFUSE = "refused"  # not stored; the form shows the message and keeps the text


@dataclass(frozen=True)
class Rules:
    """The policy's numbers. Defaults are the product's; staff change them in the admin."""

    require_verified_email: bool = True
    approvals_before_trusted: int = 1
    rejection_rate_limit: int = 50  # percent
    rejection_rate_window: int = 10  # most recent decided comments
    hold_at_links: int = 2
    suspect_words: tuple = ()
    blocked_words: tuple = ()
    rate_limit_count: int = 5
    rate_limit_minutes: int = 10
    duplicate_window_hours: int = 24
    min_length: int = 2
    max_length: int = 5000
    flag_threshold: int = 3  # open flags that hide a comment for review
    edit_window_minutes: int = 15
    health_patterns: tuple = ()  # health.Pattern: treatment claims and crisis language

    @classmethod
    def from_settings(cls, row, health_patterns=()):
        return cls(
            health_patterns=tuple(health_patterns),
            require_verified_email=row.require_verified_email,
            approvals_before_trusted=row.approvals_before_trusted,
            rejection_rate_limit=row.rejection_rate_limit,
            rejection_rate_window=row.rejection_rate_window,
            hold_at_links=row.hold_at_links,
            suspect_words=tuple(row.suspect_word_list),
            blocked_words=tuple(row.blocked_word_list),
            rate_limit_count=row.rate_limit_count,
            rate_limit_minutes=row.rate_limit_minutes,
            duplicate_window_hours=row.duplicate_window_hours,
            min_length=row.min_length,
            max_length=row.max_length,
            flag_threshold=row.flag_threshold,
            edit_window_minutes=row.edit_window_minutes,
        )


@dataclass(frozen=True)
class Commenter:
    """What the policy knows about the person posting."""

    is_authenticated: bool = True
    has_verified_email: bool = True
    is_trusted_role: bool = False  # staff, editors, moderators
    sanction: str = ""  # a description of an active ban or suspension, if any
    approved_count: int = 0  # counted up to approvals_before_trusted: all the policy compares
    recent_decisions: tuple = ()  # statuses of their latest decided comments, newest first
    recent_bodies: tuple = ()  # their comments within the duplicate window (those like this one)
    recent_count: int = 0  # their comments within the rate-limit window, up to rate_limit_count


@dataclass(frozen=True)
class Submission:
    body: str
    comments_open: bool = True
    parent_depth: int = 0  # 0 for a top-level comment
    is_edit: bool = False


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    rule: str
    message: str  # for the commenter
    reason: str = field(default="")  # for the moderation log
    signals: tuple = ()  # every signal that applies (SIGNALS codes), not only the deciding one
    phrases: tuple = ()  # the words of a claim or a crisis, as written, for the queue

    @property
    def stored(self):
        return self.outcome is not Outcome.REFUSE

    @property
    def urgent(self):
        return self.rule == "crisis"


# The signals' stable codes, as ``explain_comment`` prints them and the queue stores them.
SIGNALS = {
    "crisis": "Reads like a crisis (suicidal thoughts, self-harm, overdose or emergency symptoms)",
    "medical_claim": "Makes a claim about a treatment",
    "word_list": "Contains a word from the suspect or blocked list",
    "link": "Contains several links",
    "new_account": "From a commenter without enough approved comments yet",
    "rejection_rate": "Several of the commenter's recent comments were rejected",
}
CRISIS_THRESHOLD = 1.0
CLAIM_THRESHOLD = 1.0
# A commenter whose recent comments were rejected gets less benefit of the doubt: a single
# weaker hint of a claim ("miracle", "instantly") is then enough to hold. (Scores are the
# patterns' weights plus the learned model's evidence, -2 for a comment about nothing medical.)
CLAIM_THRESHOLD_AFTER_REJECTIONS = -0.5

CLAIM_MESSAGE = (
    "Your comment is held because it makes a claim about a treatment; a moderator will check "
    "it against our sources before it appears."
)
CRISIS_MESSAGE = (
    "Thank you for telling us. Your comment is not public yet: a moderator will read it soon. "
    "If you are struggling or in danger right now, you do not have to face it alone."
)


def _normalized(text):
    return " ".join(text.split()).casefold()  # split() splits where the regex \s+ would


def text_fingerprint(text):
    """A digest of what the duplicate rule compares, kept on every comment: the facts of a post
    read back only the commenter's comments with the same fingerprint, not all their recent
    text (the rule still compares the words themselves)."""
    return hashlib.blake2b(_normalized(text).encode(), digest_size=16).hexdigest()


def _find_word(text, words):
    lowered = text.casefold()
    for word in words:
        if re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", lowered):
            return word
    return None


def count_links(text):
    """The links readers would see: counted on the rendered comment, so the rule and the page
    agree on what is a link."""
    return render_comment(text).count("<a ")


def refuse(rule, message):
    return Decision(Outcome.REFUSE, rule, message, message)


def gate(commenter, rules):
    """Why this person may not comment at all (the form is not offered), or "" when they may:
    "login", "sanctioned" or "unverified_email". The comment section and ``decide`` both ask."""
    if not commenter.is_authenticated:
        return "login"
    if commenter.sanction:
        return "sanctioned"
    if rules.require_verified_email and not commenter.has_verified_email:
        return "unverified_email"
    return ""


def gate_message(rule, commenter):
    return {
        "login": "You must be logged in to post a comment.",
        "sanctioned": f"{commenter.sanction}, so your comment was not posted.",
        "unverified_email": "Please verify your email address before commenting: use the link "
        "we emailed you, or ask for a new one on your account's email page.",
    }[rule]


def in_edit_window(posted_at, now, rules):
    """Authors may edit a comment for ``edit_window_minutes`` after posting it."""
    return now - posted_at <= timedelta(minutes=rules.edit_window_minutes)


def edit_window_message(rules):
    return f"Comments can be edited for {rules.edit_window_minutes} minutes after posting."


def _rejections(commenter, rules):
    decided = commenter.recent_decisions[: rules.rejection_rate_window]
    return sum(1 for status in decided if status in ("rejected", "spam")), len(decided)


def health_signals(body, commenter, rules):
    """(crisis phrases, claim phrases): what reads like a crisis or a treatment claim, each
    empty when its score stays under the threshold. The commenter's history lowers the claim
    threshold, never the crisis one: nobody's past makes a crisis less urgent."""
    found = health.scan(body, rules.health_patterns)
    rejected, _ = _rejections(commenter, rules)
    claim_threshold = CLAIM_THRESHOLD_AFTER_REJECTIONS if rejected else CLAIM_THRESHOLD
    crisis = found.phrases(health.CRISIS) if found.crisis_score >= CRISIS_THRESHOLD else ()
    claim = found.phrases(health.CLAIM) if found.claim_score >= claim_threshold else ()
    return crisis, claim


def signals_of(body, commenter, rules, crisis, claim):
    """Every signal that applies to the comment, in SIGNALS order."""
    rejected, decided = _rejections(commenter, rules)
    applies = {
        "crisis": bool(crisis),
        "medical_claim": bool(claim),
        "word_list": bool(
            _find_word(body, rules.blocked_words) or _find_word(body, rules.suspect_words)
        ),
        "link": count_links(body) >= rules.hold_at_links,
        "new_account": not commenter.is_trusted_role
        and commenter.approved_count < rules.approvals_before_trusted,
        "rejection_rate": decided >= 2 and rejected * 100 >= rules.rejection_rate_limit * decided,
    }
    return tuple(code for code in SIGNALS if applies[code])


def decide(submission, commenter, rules):
    """What happens to this comment, and why. The first rule that applies decides; the
    decision also lists every signal that applies, for the queue and ``explain_comment``."""
    body = submission.body.strip()
    crisis, claim = health_signals(body, commenter, rules) if rules.health_patterns else ((), ())
    decision = _decide(submission, commenter, rules, crisis, claim)
    if not decision.stored:
        return decision
    signals = signals_of(body, commenter, rules, crisis, claim)
    return replace(decision, signals=signals, phrases=crisis + claim)


def _staff_spam(body, commenter, rules):
    """A blocked word decides before a claim (spam is spam), except for trusted roles."""
    return not commenter.is_trusted_role and bool(_find_word(body, rules.blocked_words))


def _decide(submission, commenter, rules, crisis, claim):
    body = submission.body.strip()
    if rule := gate(commenter, rules):
        return refuse(rule, gate_message(rule, commenter))
    if not submission.comments_open:
        return refuse("closed", "Comments are closed on this article.")
    if submission.parent_depth >= MAX_DEPTH:
        return refuse(
            "too_deep", "This conversation is too deeply nested; reply to an earlier comment."
        )
    if len(body) < rules.min_length:
        return refuse(
            "too_short", f"Your comment is too short: write at least {rules.min_length} characters."
        )
    if len(body) > rules.max_length:
        return refuse(
            "too_long",
            f"Your comment is {len(body):,} characters long; the limit is {rules.max_length:,}. "
            "Please shorten it.",
        )
    if not submission.is_edit and not commenter.is_trusted_role:
        if commenter.recent_count >= rules.rate_limit_count:
            return refuse(
                "rate_limit",
                f"You can post {rules.rate_limit_count} comments every "
                f"{rules.rate_limit_minutes} minutes. Please wait a few minutes and try again; "
                "your text is still in the form.",
            )
    if not submission.is_edit and _normalized(body) in {
        _normalized(previous) for previous in commenter.recent_bodies
    }:
        return refuse("duplicate", "You have already posted this exact comment.")
    if crisis:
        # Never published automatically, whoever writes it: a person may be in danger.
        return Decision(
            Outcome.HOLD,
            "crisis",
            CRISIS_MESSAGE,
            "Reads like a crisis: " + ", ".join(f"“{phrase}”" for phrase in crisis) + ".",
        )
    if claim and not _staff_spam(body, commenter, rules):
        # Held for everyone, staff included: a claim is checked against our sources whoever
        # makes it. Never rejected on its own.
        return Decision(
            Outcome.HOLD,
            "medical_claim",
            CLAIM_MESSAGE,
            "Treatment claim: " + ", ".join(f"“{phrase}”" for phrase in claim) + ".",
        )
    if commenter.is_trusted_role:
        return Decision(Outcome.APPROVE, "trusted_role", "Your comment is published.")
    if blocked := _find_word(body, rules.blocked_words):
        return Decision(
            Outcome.SPAM,
            "blocked_word",
            "Your comment was not published: it contains language our Comments Policy does "
            "not allow.",
            f"Contains the blocked word or phrase “{blocked}”.",
        )
    if suspect := _find_word(body, rules.suspect_words):
        return Decision(
            Outcome.HOLD,
            "suspect_word",
            "Your comment is awaiting moderation: it contains a word our moderators check by hand.",
            f"Contains the suspect word or phrase “{suspect}”.",
        )
    links = count_links(body)
    if links >= rules.hold_at_links:
        return Decision(
            Outcome.HOLD,
            "links",
            f"Your comment contains {links} links, so it is awaiting moderation.",
            f"{links} links.",
        )
    if commenter.approved_count < rules.approvals_before_trusted:
        return Decision(
            Outcome.HOLD,
            "new_commenter",
            "Thanks! Your comment is awaiting moderation. A moderator checks the first "
            "comments of new readers before they appear.",
            f"{commenter.approved_count} approved comments so far; "
            f"{rules.approvals_before_trusted} needed.",
        )
    rejected, decided = _rejections(commenter, rules)
    if decided >= 2 and rejected * 100 >= rules.rejection_rate_limit * decided:
        return Decision(
            Outcome.HOLD,
            "rejection_rate",
            "Your comment is awaiting moderation because several of your recent comments "
            "were not approved.",
            f"{rejected} of the last {decided} decided comments rejected.",
        )
    return Decision(Outcome.APPROVE, "trusted_commenter", "Your comment is published.")
