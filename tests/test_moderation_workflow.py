"""Edge cases of moderator decisions (comments/moderation/decisions.py): nothing republishes by
accident, nobody is emailed twice, and sanctions are validated."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from comments import moderation
from comments.models import Comment, Sanction
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_dismissing_flags_after_a_rejection_does_not_republish(hidden_comment, moderator):
    moderation.moderate(hidden_comment, "reject", moderator, reason="Unproven claim.")
    moderation.moderate(hidden_comment, "dismiss_flags", moderator)
    hidden_comment.refresh_from_db()
    assert hidden_comment.status == "rejected"


def test_any_decision_answers_the_open_flags(hidden_comment, moderator):
    moderation.moderate(hidden_comment, "spam", moderator)
    assert not hidden_comment.flags.filter(dismissed_at__isnull=True).exists()


def test_dismissing_flags_on_a_hidden_comment_publishes_it_again(hidden_comment, moderator):
    moderation.moderate(hidden_comment, "dismiss_flags", moderator)
    hidden_comment.refresh_from_db()
    assert (hidden_comment.status, hidden_comment.hidden_by_flags) == ("approved", False)


def test_remove_then_restore_sends_the_reply_email_only_once(
    article, reader, moderator, django_capture_on_commit_callbacks
):
    parent = Comment.objects.create(article=article, author=reader, body="Q?", status="approved")
    newcomer = make_user("newcomer")
    with django_capture_on_commit_callbacks(execute=True):
        reply = moderation.submit(newcomer, article, "An answer.", parent).comment
        moderation.moderate(reply, "approve", moderator)
        moderation.moderate(reply, "remove", moderator)
        moderation.moderate(reply, "restore", moderator)
    reply.refresh_from_db()
    assert reply.status == "approved"
    assert len([m for m in mail.outbox if "New reply" in m.subject]) == 1


def test_restore_without_history_waits_for_a_decision(article, moderator):
    comment = Comment.objects.create(
        article=article, author=make_user("x"), body="Spam?", status="spam"
    )
    moderation.moderate(comment, "restore", moderator)
    assert comment.status == "pending"


@pytest.mark.parametrize(
    ("target", "days", "message"),
    [
        ("editor", None, "is staff"),
        ("reader", 0, "at least one day"),
        ("reader", -3, "at least one day"),
    ],
)
def test_sanctions_are_validated(request, moderator, target, days, message):
    user = request.getfixturevalue(target)
    with pytest.raises(ValidationError, match=message):
        moderation.sanction(user, moderator, days=days, reason="Because.")
    assert not Sanction.objects.exists()


def test_a_ban_outranks_a_suspension(reader, moderator):
    moderation.sanction(reader, moderator, days=7, reason="First.")
    moderation.sanction(reader, moderator, reason="Then banned.")
    assert moderation.active_sanction(reader).until is None


def test_moderators_suspend_or_ban_the_authors_of_selected_comments_in_bulk(
    client, article, moderator
):
    from django.urls import reverse

    spammers = [make_user(f"spammer{n}") for n in range(2)]
    comments = [
        Comment.objects.create(
            article=article, author=user, body=f"Buy pills {n}", status="pending"
        )
        for n, user in enumerate(spammers * 2)
    ]
    client.force_login(moderator)
    ids = [comment.pk for comment in comments]
    refused = client.post(
        reverse("moderation:act"), {"selected": ids, "action": "ban_authors"}, follow=True
    )
    assert (
        "Give a reason for the ban or suspension. Nothing was changed." in refused.content.decode()
    )
    assert not Sanction.objects.exists()
    response = client.post(
        reverse("moderation:act"),
        {"selected": ids, "action": "suspend_authors", "reason": "Spam wave."},
        follow=True,
    )
    assert "Suspended 2 commenters for 7 days." in response.content.decode()
    assert sorted(Sanction.objects.values_list("user__username", flat=True)) == [
        "spammer0", "spammer1",
    ]  # fmt: skip
    assert all(sanction.until is not None for sanction in Sanction.objects.all())


def test_staff_change_the_policy_in_the_admin_without_a_deploy(client, superuser, article):
    from django.forms.models import model_to_dict
    from django.urls import reverse

    from comments.models import ModerationSettings

    client.force_login(superuser)
    current = model_to_dict(ModerationSettings.current())
    data = {k: ("on" if v is True else v) for k, v in current.items() if v is not False}
    data.update(blocked_words="snake oil", approvals_before_trusted=0)
    url = reverse("admin:comments_moderationsettings_change", args=[1])
    assert client.post(url, data).status_code == 302

    writer = make_user("writer")
    result = moderation.submit(writer, article, "Try this snake oil today")
    assert (result.comment.status, result.decision.rule) == ("spam", "blocked_word")
    result = moderation.submit(writer, article, "A plain first comment.")
    assert result.comment.status == "approved"  # the ladder step is now 0
