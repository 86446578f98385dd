"""A comment's page (thread, flags, log) and a commenter's page (history, sanctions)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from comments import moderation
from comments.models import Comment, Flag, ModerationLog, Sanction
from tests.factories import make_comment, make_user, order_in

pytestmark = pytest.mark.django_db

Status = Comment.Status
Reason = Flag.Reason
Action = ModerationLog.Action
HOME = "/moderation/"
ACT = "/moderation/act/"


def test_the_comment_page_shows_the_thread_flags_and_log(client, moderator, article, commenter):
    root = make_comment(
        article, make_user("ruth"), "Root of the thread.", status="approved", minutes_ago=9
    )
    reply = make_comment(
        article, commenter, "A reply under review.", parent=root, status="approved", minutes_ago=5
    )
    make_comment(
        article, make_user("sam"), "A reply to the reply.", parent=reply, status="approved"
    )
    make_comment(article, commenter, "Another thread entirely.", status="approved")
    moderation.flag(reply, make_user("flagger"), Reason.MISINFORMATION, "Unproven claim.")
    moderation.moderate(reply, "dismiss_flags", moderator, "Checked the study.")
    client.force_login(moderator)
    response = client.get(reverse("moderation:comment", args=[reply.pk]))
    html = response.content.decode()
    thread = html.split('id="thread-heading"')[1].split('id="flags-heading"')[0]
    bodies = ["Root of the thread.", "A reply under review.", "A reply to the reply."]
    assert order_in(thread, *bodies) == bodies
    assert "(this comment)" in thread
    assert "Another thread entirely." not in thread
    assert "Unproven claim." in html and "Dismissed" in html
    assert "Flags dismissed" in html and "Checked the study." in html and "Flagged" in html


def test_the_user_page_shows_counts_comments_flags_sanctions_and_log(
    client, moderator, article, commenter
):
    for status, number in [("approved", 2), ("rejected", 1), ("spam", 3), ("pending", 1)]:
        for n in range(number):
            make_comment(article, commenter, f"{status} comment {n}.", status=status)
    flagged = Comment.objects.filter(status="approved").first()
    moderation.flag(flagged, make_user("flagger"), Reason.ABUSE, "Rude to another reader.")
    moderation.sanction(commenter, moderator, days=1, reason="Cooling off.")
    client.force_login(moderator)
    response = client.get(reverse("moderation:user", args=[commenter.pk]))
    for label, count in [
        ("Approved", 2),
        ("Rejected", 1),
        ("Spam", 3),
        ("Pending", 1),
        ("Flags received", 1),
    ]:
        assertContains(response, f"<div><dt>{label}</dt><dd>{count}</dd></div>", html=True)
    assertContains(response, "spam comment 2.")
    assertContains(response, "Rude to another reader.")
    assertContains(response, "Suspended until")
    assertContains(response, "Cooling off.")
    assertContains(response, "User suspended")  # the log


# -- bans and suspensions --------------------------------------------------------------------


@pytest.mark.parametrize(("duration", "days"), [("1", 1), ("7", 7), ("30", 30)])
def test_it_suspends_for_a_number_of_days(client, moderator, commenter, duration, days):
    client.force_login(moderator)
    response = client.post(
        reverse("moderation:sanction", args=[commenter.pk]),
        {"duration": duration, "reason": "Repeated insults."},
        follow=True,
    )
    assertContains(response, f"Suspended commenter for {days} day")
    row = Sanction.objects.get(user=commenter)
    assert row.created_by == moderator and row.reason == "Repeated insults."
    assert abs(row.until - (timezone.now() + timedelta(days=days))) < timedelta(minutes=1)
    entry = ModerationLog.objects.get(action=Action.SUSPEND)
    assert (entry.subject, entry.actor) == (commenter, moderator)
    assert entry.reason.startswith("Repeated insults.")
    assertContains(response, "Lift the suspension")


def test_it_bans_and_lifts(client, moderator, article, commenter):
    client.force_login(moderator)
    response = client.post(
        reverse("moderation:sanction", args=[commenter.pk]),
        {"duration": "ban", "reason": "Spam account."},
        follow=True,
    )
    assertContains(response, "Banned commenter from commenting.")
    row = Sanction.objects.get(user=commenter)
    assert row.until is None and row.kind == "ban"
    assert ModerationLog.objects.filter(
        action=Action.BAN, subject=commenter, actor=moderator
    ).exists()
    # A banned user cannot post.
    assert not moderation.submit(commenter, article, "Trying again.").decision.stored

    response = client.post(reverse("moderation:lift", args=[row.pk]), follow=True)
    assertContains(response, "Tick “Yes, lift it” to confirm lifting the ban.")
    assert Sanction.objects.active().filter(user=commenter).exists()  # nothing changed
    response = client.post(reverse("moderation:lift", args=[row.pk]), {"confirm": "yes"},
                           follow=True)  # fmt: skip
    assertContains(response, "Lifted the ban of commenter.")
    row.refresh_from_db()
    assert row.lifted_at is not None and row.lifted_by == moderator
    entry = ModerationLog.objects.get(action=Action.LIFT)
    assert (entry.subject, entry.actor) == (commenter, moderator)
    assert not Sanction.objects.active().filter(user=commenter).exists()
    response = client.post(reverse("moderation:lift", args=[row.pk]), follow=True)
    assertContains(response, "This ban was already lifted.")
    assert ModerationLog.objects.filter(action=Action.LIFT).count() == 1


def test_a_sanction_needs_a_reason_a_duration_and_someone_else(client, moderator, commenter):
    client.force_login(moderator)
    url = reverse("moderation:sanction", args=[commenter.pk])
    response = client.post(url, {"duration": "7", "reason": "   "}, follow=True)
    assertContains(response, "Give a reason for the ban or suspension.")
    response = client.post(url, {"duration": "365", "reason": "Too long."}, follow=True)
    assertContains(response, "Choose a suspension of 1, 7 or 30 days, or a ban.")
    response = client.post(
        reverse("moderation:sanction", args=[moderator.pk]),
        {"duration": "ban", "reason": "Oops."},
        follow=True,
    )
    assertContains(response, "You cannot ban or suspend yourself.")
    assert not Sanction.objects.exists()
    assert not ModerationLog.objects.filter(action__in=[Action.BAN, Action.SUSPEND]).exists()


def test_only_moderators_can_sanction_or_lift(client, editor, commenter, moderator):
    row = moderation.sanction(commenter, moderator, days=7, reason="Insults.")
    client.force_login(editor)
    url = reverse("moderation:sanction", args=[commenter.pk])
    assert client.post(url, {"duration": "ban", "reason": "x"}).status_code == 403
    assert client.post(reverse("moderation:lift", args=[row.pk])).status_code == 403
    assert Sanction.objects.count() == 1
    row.refresh_from_db()
    assert row.lifted_at is None
