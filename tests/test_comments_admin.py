"""Comments in the admin: moderators act through the workflow (every action logged), status is
never edited by hand, the moderation log is read-only, sanctions record who made them, and the
policy settings are a single row."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from comments import moderation
from comments.admin import ADMIN_REJECT_REASON
from comments.models import Comment, Flag, ModerationLog, ModerationSettings, Sanction
from tests.factories import make_user

pytestmark = pytest.mark.django_db

Status = Comment.Status
Action = ModerationLog.Action
CHANGELIST = "/admin/comments/comment/"


def make_comment(article, author, body, status=Status.PENDING):
    return Comment.objects.create(article=article, author=author, body=body, status=status)


def run_action(client, action, comments):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [comment.pk for comment in comments]},
        follow=True,
    )


def action_names(response):
    action_form = response.context["action_form"]  # None when the user has no action at all
    return {value for value, _ in action_form.fields["action"].choices} if action_form else set()


def test_the_comment_list_shows_author_article_status_and_filters(
    client, moderator, article, commenter
):
    make_comment(article, commenter, "Pending about yawning.")
    make_comment(article, commenter, "Approved about sleep.", Status.APPROVED)
    client.force_login(moderator)
    response = client.get(CHANGELIST)
    assertContains(response, "commenter")
    assertContains(response, "Why do we yawn?")
    assertContains(response, "Pending about yawning.")
    assertContains(response, "Approved about sleep.")
    response = client.get(CHANGELIST, {"status__exact": "approved"})
    assertContains(response, "Approved about sleep.")
    assertNotContains(response, "Pending about yawning.")
    response = client.get(CHANGELIST, {"q": "yawning"})
    assertContains(response, "Pending about yawning.")
    assertNotContains(response, "Approved about sleep.")


@pytest.mark.parametrize(
    ("action", "start", "status", "log_action", "message"),
    [
        ("approve", Status.PENDING, Status.APPROVED, Action.APPROVE, "Approved 2 comments."),
        ("reject", Status.PENDING, Status.REJECTED, Action.REJECT, "Rejected 2 comments."),
        ("mark_spam", Status.APPROVED, Status.SPAM, Action.SPAM, "Marked 2 comments as spam."),
        ("remove", Status.APPROVED, Status.REMOVED, Action.REMOVE, "Removed 2 comments."),
    ],
)
def test_admin_actions_go_through_the_workflow_and_are_logged(
    client, moderator, article, commenter, action, start, status, log_action, message
):
    comments = [make_comment(article, commenter, f"Comment {n}.", start) for n in range(2)]
    untouched = make_comment(article, commenter, "Not selected.", start)
    client.force_login(moderator)
    response = run_action(client, action, comments)
    assertContains(response, message)
    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == status and comment.decided_by == moderator
        entry = ModerationLog.objects.filter(comment=comment).latest("id")
        assert (entry.action, entry.actor, entry.from_status, entry.to_status) == (
            log_action,
            moderator,
            start,
            status,
        )
        if action == "reject":
            assert entry.reason == ADMIN_REJECT_REASON == "Rejected in the admin."
            assert comment.decision_reason == "Rejected in the admin."
    untouched.refresh_from_db()
    assert untouched.status == start


def test_the_restore_action_returns_the_previous_status(client, moderator, article, commenter):
    comment = make_comment(article, commenter, "Removed by mistake.", Status.APPROVED)
    moderation.moderate(comment, "remove", moderator)
    client.force_login(moderator)
    assertContains(run_action(client, "restore", [comment]), "Restored 1 comment.")
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    entry = ModerationLog.objects.filter(comment=comment).latest("id")
    assert (entry.action, entry.from_status, entry.to_status) == (
        Action.RESTORE,
        Status.REMOVED,
        Status.APPROVED,
    )


def test_editors_see_comments_but_cannot_moderate_them(client, editor, article, commenter):
    comment = make_comment(article, commenter, "An editor may read this.")
    client.force_login(editor)
    response = client.get(CHANGELIST)
    assertContains(response, "An editor may read this.")
    assert not {"approve", "reject", "mark_spam", "remove", "restore"} & action_names(response)
    run_action(client, "approve", [comment])
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert not ModerationLog.objects.exists()


def test_moderators_get_every_moderation_action(client, moderator):
    client.force_login(moderator)
    response = client.get(CHANGELIST)
    assert {"approve", "reject", "mark_spam", "remove", "restore"} <= action_names(response)


def test_nobody_rewrites_a_comment_in_the_admin(client, superuser, moderator, article, commenter):
    comment = make_comment(article, commenter, "Original text.")
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    for person in (superuser, moderator):
        client.force_login(person)
        response = client.get(url)
        assert response.context["adminform"].form.fields == {}
        assertContains(response, "&lt;p&gt;Original text.&lt;/p&gt;")  # shown, read-only
        client.post(url, {"body": "Words the author never wrote.", "status": "approved"})
        comment.refresh_from_db()
        assert comment.body == "Original text." and comment.edited_at is None
        assert comment.status == Status.PENDING
    assert client.get(reverse("admin:comments_comment_add")).status_code == 403
    assert not ModerationLog.objects.filter(action=Action.EDIT).exists()


def test_the_moderation_log_is_read_only(client, superuser, article, commenter):
    comment = make_comment(article, commenter, "Logged comment.")
    moderation.moderate(comment, "approve", superuser)
    entry = ModerationLog.objects.get()
    client.force_login(superuser)
    response = client.get("/admin/comments/moderationlog/")
    assertContains(response, "Approved")
    assertNotContains(response, "/admin/comments/moderationlog/add/")
    assert "delete_selected" not in action_names(response)
    assert client.get("/admin/comments/moderationlog/add/").status_code == 403
    change_url = reverse("admin:comments_moderationlog_change", args=[entry.pk])
    response = client.get(change_url)
    assert response.status_code == 200  # viewable…
    assertNotContains(response, 'name="_save"')  # …but not editable
    assert client.post(change_url, {"reason": "Rewritten history."}).status_code == 403
    delete_url = reverse("admin:comments_moderationlog_delete", args=[entry.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    entry.refresh_from_db()
    assert entry.reason == "" and ModerationLog.objects.count() == 1


def test_a_sanction_made_in_the_admin_records_who_made_it(client, moderator, commenter):
    client.force_login(moderator)
    response = client.post(
        "/admin/comments/sanction/add/",
        {"user": commenter.pk, "duration": "7", "reason": "Three insults this week."},
    )
    assert response.status_code == 302
    row = Sanction.objects.get()
    assert row.user == commenter and row.created_by == moderator and row.kind == "suspension"
    assert timezone.now() + timedelta(days=6) < row.until < timezone.now() + timedelta(days=8)
    entry = ModerationLog.objects.get(action=Action.SUSPEND)
    assert (entry.subject, entry.actor) == (commenter, moderator)
    assert entry.reason.startswith("Three insults this week. (until ")
    response = client.get("/admin/comments/sanction/")
    assertContains(response, "Three insults this week.")


def test_sanctions_are_lifted_through_the_workflow(client, moderator, commenter):
    row = moderation.sanction(commenter, moderator, reason="Spam account.")
    client.force_login(moderator)
    response = client.post(
        "/admin/comments/sanction/", {"action": "lift", "_selected_action": [row.pk]}, follow=True
    )
    assertContains(response, "Lifted 1 ban or suspension.")
    row.refresh_from_db()
    assert row.lifted_by == moderator and row.lifted_at is not None
    assert ModerationLog.objects.filter(action=Action.LIFT, subject=commenter).exists()


def test_flags_are_listed_and_filtered_by_reason(client, moderator, article, commenter):
    comment = make_comment(article, commenter, "Flag me.", Status.APPROVED)
    moderation.flag(comment, make_user("first"), Flag.Reason.MISINFORMATION, "Unproven cure.")
    moderation.flag(comment, make_user("second"), Flag.Reason.SPAM, "Sells pills.")
    client.force_login(moderator)
    response = client.get("/admin/comments/flag/", {"reason__exact": "misinformation"})
    assertContains(response, "Unproven cure.")
    assertNotContains(response, "Sells pills.")


def test_moderation_settings_are_a_single_row(client, superuser):
    assert ModerationSettings.objects.count() == 1
    client.force_login(superuser)
    response = client.get("/admin/comments/moderationsettings/")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:comments_moderationsettings_change", args=[1])
    assert client.get("/admin/comments/moderationsettings/add/").status_code == 403
    delete_url = reverse("admin:comments_moderationsettings_delete", args=[1])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    assert ModerationSettings.objects.count() == 1
    response = client.get(reverse("admin:comments_moderationsettings_change", args=[1]))
    assertContains(response, "flag_threshold")


@pytest.mark.parametrize("target", ["superuser", "other_moderator", "self", "editor"])
def test_moderators_cannot_ban_staff_or_themselves_through_the_admin(
    client, request, moderator, target
):
    victim = {
        "superuser": lambda: request.getfixturevalue("superuser"),
        "other_moderator": lambda: make_user("mod2", groups=["Moderators"], staff=True),
        "self": lambda: moderator,
        "editor": lambda: request.getfixturevalue("editor"),
    }[target]()
    client.force_login(moderator)
    response = client.post(
        "/admin/comments/sanction/add/",
        {"user": victim.pk, "duration": "ban", "reason": "Power grab."},
    )
    assert response.status_code == 200
    assert "errornote" in response.content.decode() or "errorlist" in response.content.decode()
    assert not Sanction.objects.exists()
    assert not ModerationLog.objects.exists()


def test_a_sanction_cannot_be_moved_to_someone_else_or_deleted(client, moderator, commenter):
    row = moderation.sanction(commenter, moderator, reason="Spam account.")
    other = make_user("innocent")
    client.force_login(moderator)
    url = reverse("admin:comments_sanction_change", args=[row.pk])
    client.post(url, {"user": other.pk, "reason": "Moved.", "until_0": "", "until_1": ""})
    row.refresh_from_db()
    assert row.user == commenter and row.reason == "Spam account."
    delete_url = reverse("admin:comments_sanction_delete", args=[row.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    assert Sanction.objects.filter(pk=row.pk).exists()


def test_flags_are_read_only_in_the_admin(client, moderator, article, commenter):
    comment = make_comment(article, commenter, "Flag me.")
    flag = Flag.objects.create(comment=comment, user=moderator, reason="spam")
    client.force_login(moderator)
    url = reverse("admin:comments_flag_change", args=[flag.pk])
    assert client.post(url, {"reason": "abuse", "comment": comment.pk}).status_code == 403
    flag.refresh_from_db()
    assert flag.reason == "spam"
