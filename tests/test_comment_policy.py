"""The moderation policy's pure decision function, rule by rule (comments/policy.py)."""

from datetime import datetime, timedelta

import pytest

from comments.models import ModerationSettings
from comments.policy import Commenter, Outcome, Rules, Submission, decide, gate, in_edit_window

RULES = Rules(suspect_words=("miracle", "detox tea"), blocked_words=("casino",))
TRUSTED_READER = Commenter(approved_count=3, recent_decisions=("approved",) * 3)


def outcome(body="A thoughtful comment.", commenter=TRUSTED_READER, rules=RULES, **submission):
    return decide(Submission(body=body, **submission), commenter, rules)


def test_defaults_match_the_product_policy():
    rules = Rules()
    assert (rules.approvals_before_trusted, rules.hold_at_links) == (1, 2)
    assert (rules.rate_limit_count, rules.rate_limit_minutes) == (5, 10)
    assert (rules.min_length, rules.max_length) == (2, 5000)
    assert (rules.flag_threshold, rules.edit_window_minutes) == (3, 15)
    assert rules.require_verified_email


def test_a_trusted_reader_is_published():
    decision = outcome()
    assert decision.outcome is Outcome.APPROVE
    assert decision.message == "Your comment is published."


def test_anonymous_visitors_are_refused():
    decision = outcome(commenter=Commenter(is_authenticated=False))
    assert (decision.outcome, decision.rule) == (Outcome.REFUSE, "login")
    assert decision.message == "You must be logged in to post a comment."


def test_an_unverified_email_is_refused_with_directions():
    decision = outcome(commenter=Commenter(has_verified_email=False, approved_count=5))
    assert decision.rule == "unverified_email"
    assert "verify your email address" in decision.message


def test_verification_can_be_switched_off_by_staff():
    rules = Rules(require_verified_email=False, approvals_before_trusted=0)
    assert (
        outcome(commenter=Commenter(has_verified_email=False), rules=rules).outcome
        is Outcome.APPROVE
    )


def test_a_banned_or_suspended_user_is_refused():
    decision = outcome(commenter=Commenter(sanction="You are banned from commenting"))
    assert decision.rule == "sanctioned"
    assert decision.message == "You are banned from commenting, so your comment was not posted."


def test_closed_articles_refuse_comments():
    decision = outcome(comments_open=False)
    assert (decision.rule, decision.message) == ("closed", "Comments are closed on this article.")


def test_replies_nest_at_most_three_deep():
    assert outcome(parent_depth=2).outcome is Outcome.APPROVE
    assert outcome(parent_depth=3).rule == "too_deep"


@pytest.mark.parametrize(("body", "rule"), [("a", "too_short"), ("   x   ", "too_short"),
                                            ("x" * 5001, "too_long")])  # fmt: skip
def test_length_limits(body, rule):
    decision = outcome(body=body)
    assert (decision.outcome, decision.rule) == (Outcome.REFUSE, rule)


def test_length_limits_accept_the_boundaries():
    assert outcome(body="ok").outcome is Outcome.APPROVE
    assert outcome(body="x" * 5000).outcome is Outcome.APPROVE


def test_the_too_long_message_gives_both_numbers():
    assert outcome(body="x" * 6000).message.startswith(
        "Your comment is 6,000 characters long; the limit is 5,000."
    )


def test_the_rate_limit_allows_five_in_ten_minutes():
    at_limit = Commenter(approved_count=3, recent_count=5)
    under = Commenter(approved_count=3, recent_count=4)
    assert outcome(commenter=under).outcome is Outcome.APPROVE
    decision = outcome(commenter=at_limit)
    assert decision.rule == "rate_limit"
    assert "You can post 5 comments every 10 minutes" in decision.message


def test_an_exact_duplicate_of_a_recent_comment_is_refused():
    commenter = Commenter(approved_count=3, recent_bodies=("Drink  more water.",))
    decision = outcome(body="drink more WATER.", commenter=commenter)
    assert (decision.rule, decision.message) == (
        "duplicate", "You have already posted this exact comment.",
    )  # fmt: skip


def test_a_blocked_word_rejects_as_spam():
    decision = outcome(body="Best Casino bonus here")
    assert (decision.outcome, decision.rule) == (Outcome.SPAM, "blocked_word")
    assert "casino" in decision.reason


def test_words_match_whole_words_only():
    assert outcome(body="Occasional casinos? No: occasional walks.").outcome is Outcome.APPROVE


def test_a_suspect_word_or_phrase_holds():
    assert outcome(body="This is a miracle!").rule == "suspect_word"
    assert outcome(body="I drink DETOX TEA daily").rule == "suspect_word"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("One link https://pubmed.example.org/study is fine.", Outcome.APPROVE),
        ("Two: https://a.example.org/x and http://b.example.com/y", Outcome.HOLD),
        ("Bare domains count too: shop.example.com and www.b.example.org", Outcome.HOLD),
    ],
)
def test_two_or_more_links_hold(body, expected):
    assert outcome(body=body).outcome is expected


def test_a_first_comment_is_held_until_one_is_approved():
    decision = outcome(commenter=Commenter(approved_count=0))
    assert (decision.outcome, decision.rule) == (Outcome.HOLD, "new_commenter")
    assert "awaiting moderation" in decision.message


def test_the_trust_ladder_step_is_configurable():
    rules = Rules(approvals_before_trusted=3)
    assert outcome(commenter=Commenter(approved_count=2), rules=rules).rule == "new_commenter"
    assert outcome(commenter=Commenter(approved_count=3), rules=rules).outcome is Outcome.APPROVE


def test_a_high_recent_rejection_rate_holds_again():
    commenter = Commenter(
        approved_count=5, recent_decisions=("rejected", "spam", "approved", "approved")
    )
    decision = outcome(commenter=commenter)
    assert (decision.outcome, decision.rule) == (Outcome.HOLD, "rejection_rate")
    recovering = Commenter(approved_count=5, recent_decisions=("approved",) * 3 + ("rejected",))
    assert outcome(commenter=recovering).outcome is Outcome.APPROVE


def test_trusted_roles_are_approved_without_holds():
    staff = Commenter(is_trusted_role=True, approved_count=0, recent_count=50)
    body = "miracle https://a.example.org https://b.example.org"
    assert outcome(body=body, commenter=staff).rule == "trusted_role"


def test_edits_skip_the_rate_limit_and_duplicate_checks_but_not_the_content_rules():
    commenter = Commenter(approved_count=3, recent_count=9, recent_bodies=("Same text.",))
    assert outcome(body="Same text.", commenter=commenter, is_edit=True).outcome is Outcome.APPROVE
    assert outcome(body="casino", commenter=commenter, is_edit=True).outcome is Outcome.SPAM


@pytest.mark.django_db
def test_rules_carry_every_moderation_setting():
    row = ModerationSettings.current()
    settings_fields = {
        field.name for field in ModerationSettings._meta.fields if field.name != "id"
    }
    assert settings_fields <= set(Rules.__dataclass_fields__)
    row.flag_threshold, row.edit_window_minutes = 5, 30
    rules = Rules.from_settings(row)
    assert (rules.flag_threshold, rules.edit_window_minutes) == (5, 30)


@pytest.mark.parametrize(
    ("commenter", "rules", "expected"),
    [
        (Commenter(is_authenticated=False), Rules(), "login"),
        (Commenter(sanction="You are banned from commenting"), Rules(), "sanctioned"),
        (Commenter(has_verified_email=False), Rules(), "unverified_email"),
        (Commenter(has_verified_email=False), Rules(require_verified_email=False), ""),
        (Commenter(), Rules(), ""),
    ],
)
def test_the_gate_says_who_may_comment_at_all(commenter, rules, expected):
    assert gate(commenter, rules) == expected
    decision = decide(Submission(body="A fine comment."), commenter, rules)
    assert (decision.rule == expected) if expected else decision.stored


def test_the_edit_window_is_the_policys_number_of_minutes():
    posted = datetime(2026, 3, 3, 12, 0)
    rules = Rules(edit_window_minutes=15)
    assert in_edit_window(posted, posted + timedelta(minutes=15), rules)
    assert not in_edit_window(posted, posted + timedelta(minutes=15, seconds=1), rules)
    assert in_edit_window(posted, posted + timedelta(minutes=29), Rules(edit_window_minutes=30))
