"""Every decision from the queue, one at a time and in bulk: the log it leaves, what readers
then see, and clear refusals that change nothing."""

import pytest
from pytest_django.asserts import assertContains

from comments import moderation
from comments.models import Comment, Flag, ModerationLog
from tests.factories import article_html, flag_it, hide_by_flags, last_log, make_comment

pytestmark = pytest.mark.django_db

Status = Comment.Status
Reason = Flag.Reason
Action = ModerationLog.Action
HOME = "/moderation/"
ACT = "/moderation/act/"


def test_it_approves_one_comment_logs_it_and_readers_see_it(client, moderator, article, commenter):
    comment = make_comment(article, commenter, "A first comment waiting for approval.")
    client.force_login(moderator)
    response = client.post(ACT, {"single": f"{comment.pk}:approve", "next": HOME}, follow=True)
    assertContains(response, "Approved 1 comment.")
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED and comment.decided_by == moderator
    entry = last_log(comment)
    assert (entry.actor, entry.action, entry.from_status, entry.to_status) == (
        moderator,
        Action.APPROVE,
        Status.PENDING,
        Status.APPROVED,
    )
    assert entry.subject == commenter
    assert comment.body in article_html(client, article)


def test_it_rejects_one_comment_with_its_reason(client, moderator, article, commenter):
    comment = make_comment(article, commenter, "Stop your medication, it is poison.")
    client.force_login(moderator)
    response = client.post(
        ACT,
        {"single": f"{comment.pk}:reject", f"reason-{comment.pk}": "Dangerous medical advice."},
        follow=True,
    )
    assertContains(response, "Rejected 1 comment.")
    comment.refresh_from_db()
    assert comment.status == Status.REJECTED
    assert comment.decision_reason == "Dangerous medical advice."
    entry = last_log(comment)
    assert (entry.actor, entry.action, entry.from_status, entry.to_status, entry.reason) == (
        moderator,
        Action.REJECT,
        Status.PENDING,
        Status.REJECTED,
        "Dangerous medical advice.",
    )
    assert comment.body not in article_html(client, article)


def test_it_refuses_to_reject_without_a_reason_and_changes_nothing(
    client, moderator, article, commenter
):
    comment = make_comment(article, commenter, "Borderline comment.")
    other = make_comment(article, commenter, "Another borderline comment.")
    client.force_login(moderator)
    response = client.post(
        ACT,
        # Another item's reason does not count for this one.
        {"single": f"{comment.pk}:reject", f"reason-{comment.pk}": "  ", f"reason-{other.pk}": "x"},
        follow=True,
    )
    assertContains(response, "Give a reason when rejecting")
    assertContains(response, "Nothing was changed.")
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert not ModerationLog.objects.filter(comment=comment).exists()


@pytest.mark.parametrize(
    ("action", "status", "log_action", "message"),
    [
        ("spam", Status.SPAM, Action.SPAM, "Marked 1 comment as spam."),
        ("remove", Status.REMOVED, Action.REMOVE, "Removed 1 comment."),
    ],
)
def test_it_marks_spam_and_removes(
    client, moderator, article, commenter, action, status, log_action, message
):
    comment = make_comment(article, commenter, "Buy cheap pills online.", status=Status.APPROVED)
    assert comment.body in article_html(client, article)
    client.force_login(moderator)
    response = client.post(ACT, {"single": f"{comment.pk}:{action}"}, follow=True)
    assertContains(response, message)
    comment.refresh_from_db()
    assert comment.status == status
    entry = last_log(comment)
    assert (entry.actor, entry.action, entry.from_status, entry.to_status) == (
        moderator,
        log_action,
        Status.APPROVED,
        status,
    )
    assert comment.body not in article_html(client, article)


def test_it_restores_the_status_before_the_last_decision(client, moderator, article, commenter):
    comment = make_comment(article, commenter, "Removed by mistake.")
    moderation.moderate(comment, "approve", moderator)
    moderation.moderate(comment, "remove", moderator)
    assert comment.body not in article_html(client, article)
    client.force_login(moderator)
    response = client.post(ACT, {"single": f"{comment.pk}:restore"}, follow=True)
    assertContains(response, "Restored 1 comment.")
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    entry = last_log(comment)
    assert (entry.actor, entry.action, entry.from_status, entry.to_status) == (
        moderator,
        Action.RESTORE,
        Status.REMOVED,
        Status.APPROVED,
    )
    assert comment.body in article_html(client, article)


def test_it_dismisses_flags_and_republishes_a_hidden_comment(client, moderator, article, commenter):
    comment = make_comment(article, commenter, "Sleep hygiene helped me.", status=Status.APPROVED)
    hide_by_flags(comment)
    assert comment.body not in article_html(client, article)
    client.force_login(moderator)
    response = client.post(
        ACT, {"single": f"{comment.pk}:dismiss_flags", "next": "/moderation/queue/flagged/"}
    )
    assert response.status_code == 302 and response["Location"] == "/moderation/queue/flagged/"
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED and not comment.hidden_by_flags
    assert not comment.flags.filter(dismissed_at__isnull=True).exists()
    entry = last_log(comment)
    assert (entry.actor, entry.action, entry.from_status, entry.to_status) == (
        moderator,
        Action.DISMISS_FLAGS,
        Status.PENDING,
        Status.APPROVED,
    )
    assert comment.body in article_html(client, article)
    client.force_login(moderator)
    assert comment.body not in client.get("/moderation/queue/flagged/").content.decode()


# -- decisions in bulk -----------------------------------------------------------------------


def test_it_approves_in_bulk(client, moderator, article, commenter):
    comments = [make_comment(article, commenter, f"Bulk comment {n}.") for n in range(3)]
    untouched = make_comment(article, commenter, "Not selected.")
    client.force_login(moderator)
    response = client.post(
        ACT,
        {"selected": [c.pk for c in comments], "action": "approve", "reason": "", "bulk": "1"},
        follow=True,
    )
    assertContains(response, "Approved 3 comments.")
    assert {c.status for c in Comment.objects.filter(pk__in=[c.pk for c in comments])} == {
        Status.APPROVED
    }
    untouched.refresh_from_db()
    assert untouched.status == Status.PENDING
    entries = ModerationLog.objects.filter(action=Action.APPROVE, actor=moderator)
    assert sorted(entries.values_list("comment_id", flat=True)) == sorted(c.pk for c in comments)
    assert set(entries.values_list("from_status", "to_status")) == {("pending", "approved")}
    html = article_html(client, article)
    assert all(c.body in html for c in comments) and untouched.body not in html


def test_it_rejects_in_bulk_with_the_shared_reason(client, moderator, article, commenter):
    comments = [make_comment(article, commenter, f"Rejectable {n}.") for n in range(2)]
    client.force_login(moderator)
    response = client.post(
        ACT,
        {"selected": [c.pk for c in comments], "action": "reject", "reason": "Off-topic."},
        follow=True,
    )
    assertContains(response, "Rejected 2 comments.")
    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == Status.REJECTED
        entry = last_log(comment)
        assert (entry.actor, entry.action, entry.reason) == (moderator, Action.REJECT, "Off-topic.")


def test_a_bulk_reject_without_a_reason_changes_nothing(client, moderator, article, commenter):
    comments = [make_comment(article, commenter, f"Kept pending {n}.") for n in range(3)]
    client.force_login(moderator)
    response = client.post(
        ACT, {"selected": [c.pk for c in comments], "action": "reject", "reason": ""}, follow=True
    )
    assertContains(response, "Give a reason when rejecting")
    assert set(Comment.objects.values_list("status", flat=True)) == {Status.PENDING}
    assert not ModerationLog.objects.filter(action=Action.REJECT).exists()


@pytest.mark.parametrize(
    ("action", "status", "message"),
    [
        ("spam", Status.SPAM, "Marked 2 comments as spam."),
        ("remove", Status.REMOVED, "Removed 2 comments."),
        ("dismiss_flags", Status.APPROVED, "Dismissed the flags on 2 comments."),
    ],
)
def test_other_bulk_actions(client, moderator, article, commenter, action, status, message):
    comments = [
        make_comment(article, commenter, f"Flagged {n}.", status="approved") for n in range(2)
    ]
    for comment in comments:
        flag_it(comment, Reason.SPAM)
    client.force_login(moderator)
    response = client.post(
        ACT, {"selected": [c.pk for c in comments], "action": action}, follow=True
    )
    assertContains(response, message)
    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == status
        assert last_log(comment).action == action and last_log(comment).actor == moderator


def test_bulk_restore(client, moderator, article, commenter):
    comments = [make_comment(article, commenter, f"Spam by mistake {n}.") for n in range(2)]
    for comment in comments:
        moderation.moderate(comment, "spam", moderator)
    client.force_login(moderator)
    response = client.post(
        ACT, {"selected": [c.pk for c in comments], "action": "restore"}, follow=True
    )
    assertContains(response, "Restored 2 comments.")
    assert set(Comment.objects.values_list("status", flat=True)) == {Status.PENDING}


def test_it_needs_an_action_and_a_selection(client, moderator, article, commenter):
    comment = make_comment(article, commenter, "Still pending.")
    client.force_login(moderator)
    response = client.post(ACT, {"selected": [comment.pk], "action": ""}, follow=True)
    assertContains(response, "Choose an action to apply.")
    response = client.post(
        ACT, {"selected": [comment.pk], "action": "delete_everything"}, follow=True
    )
    assertContains(response, "Choose an action to apply.")
    response = client.post(ACT, {"single": f"{comment.pk}:publish"}, follow=True)
    assertContains(response, "Choose an action to apply.")
    response = client.post(ACT, {"action": "approve"}, follow=True)
    assertContains(response, "Select at least one comment.")
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert not ModerationLog.objects.filter(actor=moderator).exists()


def test_it_redirects_only_to_a_local_next(client, moderator, article, commenter):
    comment = make_comment(article, commenter, "Any comment.")
    client.force_login(moderator)
    response = client.post(
        ACT, {"single": f"{comment.pk}:approve", "next": "/moderation/queue/all/?page=1"}
    )
    assert response["Location"] == "/moderation/queue/all/?page=1"
    response = client.post(
        ACT, {"single": f"{comment.pk}:remove", "next": "https://evil.example/moderation/"}
    )
    assert response["Location"] == HOME
    response = client.post(ACT, {"single": f"{comment.pk}:restore", "next": "//evil.example/"})
    assert response["Location"] == HOME


# -- a comment's page, a commenter's page ----------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {"selected": ["²"], "action": "approve"},
        {"selected": ["٣"], "action": "approve"},
        {"selected": ["1²"], "action": "approve"},
        {"single": "²:approve"},
        {"single": "\x00:approve"},
        {"selected": ["-1"], "action": "approve"},
    ],
)
def test_unicode_digits_and_junk_ids_get_a_clear_message_and_change_nothing(
    client, moderator, article, commenter, data
):
    comment = make_comment(article, commenter, "Waiting.")
    client.force_login(moderator)
    response = client.post(ACT, data, follow=True)
    assert response.status_code == 200
    assert "Comments are chosen by their number" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert not ModerationLog.objects.exclude(action=Action.HOLD).exists()
