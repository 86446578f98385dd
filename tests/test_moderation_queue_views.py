"""What each queue view lists, in which order, and what a moderator sees on each item."""

import re

import pytest
from pytest_django.asserts import assertContains

from comments import moderation
from comments.models import Comment, Flag, ModerationLog
from tests.factories import (
    flag_it,
    hide_by_flags,
    make_comment,
    make_user,
    order_in,
    someone,
)

pytestmark = pytest.mark.django_db

Status = Comment.Status
Reason = Flag.Reason
Action = ModerationLog.Action
HOME = "/moderation/"
ACT = "/moderation/act/"


def test_each_view_lists_its_comments_and_the_tabs_count_them(
    client, moderator, article, commenter
):
    make_comment(article, someone(), "Pending body.")
    approved = make_comment(article, someone(), "Approved body.", status=Status.APPROVED)
    flag_it(approved, Reason.OFF_TOPIC)
    hidden = hide_by_flags(make_comment(article, someone(), "Hidden body.", status=Status.APPROVED))
    make_comment(article, someone(), "Rejected body.", status=Status.REJECTED)
    make_comment(article, someone(), "Spam body.", status=Status.SPAM)
    make_comment(article, someone(), "Removed body.", status=Status.REMOVED)
    make_comment(article, someone(), "Quiet approved body.", status=Status.APPROVED)
    client.force_login(moderator)

    pending = client.get(HOME).content.decode()
    assert "Pending body." in pending and "Hidden body." in pending
    assert "Approved body." not in pending and "Rejected body." not in pending

    flagged = client.get("/moderation/queue/flagged/").content.decode()
    assert "Approved body." in flagged and "Hidden body." in flagged
    assert "Pending body." not in flagged and "Quiet approved body." not in flagged
    assert hidden.body in flagged and "Hidden by reader flags" in flagged

    rejected = client.get("/moderation/queue/rejected/").content.decode()
    assert "Rejected body." in rejected and "Spam body." in rejected
    assert "Removed body." not in rejected and "Pending body." not in rejected

    everything = client.get("/moderation/queue/all/").content.decode()
    for body in ("Pending", "Approved", "Hidden", "Rejected", "Spam", "Removed", "Quiet approved"):
        assert f"{body} body." in everything

    # Pending 2 (one hidden by flags), flagged 2, rejected and spam 2, all 7.
    for label, count in [
        ("Pending", 2),
        ("Flagged", 2),
        ("Rejected and spam", 2),
        ("All comments", 7),
    ]:
        assert f'{label} <span class="queue-tabs__count">{count}</span>' in everything


def test_it_paginates_fifty_per_page(client, moderator, article, commenter):
    for number in range(52):
        make_comment(
            article,
            someone(),
            f"Queued comment number {number:02}.",
            minutes_ago=100 - number,
        )
    client.force_login(moderator)
    first = client.get(HOME).content.decode()
    assert "Queued comment number 00." in first and "Queued comment number 49." in first
    assert "Queued comment number 50." not in first and "Page 1 of 2" in first
    second = client.get("/moderation/queue/pending/?page=2").content.decode()
    assert "Queued comment number 50." in second and "Queued comment number 00." not in second


def test_misinformation_flags_come_first_then_oldest(client, moderator, article, commenter):
    old = make_comment(article, someone(), "Oldest, plain.", minutes_ago=30)
    misinformation = make_comment(article, someone(), "Newest, cures claimed.", minutes_ago=1)
    flag_it(misinformation, Reason.MISINFORMATION, "Claims garlic cures flu.")
    dismissed = make_comment(article, someone(), "Middle, dismissed flag.", minutes_ago=10)
    flag_it(dismissed, Reason.MISINFORMATION, dismissed=True)
    client.force_login(moderator)
    html = client.get(HOME).content.decode()
    assert order_in(html, old.body, misinformation.body, dismissed.body) == [
        misinformation.body,
        old.body,
        dismissed.body,
    ]


def test_flagged_view_sorts_misinformation_then_most_flagged_then_oldest(
    client, moderator, article
):
    one_flag = make_comment(
        article, someone(), "One spam flag, oldest.", "approved", minutes_ago=50
    )
    flag_it(one_flag, Reason.SPAM)
    two_flags = make_comment(article, someone(), "Two flags.", "approved", minutes_ago=40)
    flag_it(two_flags, Reason.OFF_TOPIC)
    flag_it(two_flags, Reason.OFF_TOPIC)
    also_one = make_comment(article, someone(), "One flag, newer.", "approved", minutes_ago=30)
    flag_it(also_one, Reason.ABUSE)
    misinformation = make_comment(article, someone(), "Misinformation, newest.", "approved")
    flag_it(misinformation, Reason.MISINFORMATION)
    client.force_login(moderator)
    html = client.get("/moderation/queue/flagged/").content.decode()
    bodies = [one_flag.body, two_flags.body, also_one.body, misinformation.body]
    assert order_in(html, *bodies) == [
        misinformation.body,
        two_flags.body,
        one_flag.body,
        also_one.body,
    ]


def test_an_item_shows_what_a_moderator_needs_to_decide(client, moderator, article, commenter):
    parent_author = make_user("ruth")
    parent = make_comment(
        article, parent_author, "Has anyone tried sleeping on their left side?", status="approved"
    )
    make_comment(
        article, commenter, "Earlier approved remark.", status=Status.APPROVED, minutes_ago=90
    )
    make_comment(
        article, commenter, "Earlier rejected rant.", status=Status.REJECTED, minutes_ago=80
    )
    make_comment(article, commenter, "Earlier spam link.", status=Status.SPAM, minutes_ago=70)
    make_comment(
        article,
        commenter,
        "Oldest remark, not in the recent three.",
        status="approved",
        minutes_ago=200,
    )
    reply = make_comment(
        article, commenter, "Garlic cures insomnia.\n\n<b>Trust</b> me.", "approved", parent=parent
    )
    flag_it(reply, Reason.MISINFORMATION, "No evidence for this.")
    flag_it(reply, Reason.MISINFORMATION)
    flag_it(reply, Reason.OFF_TOPIC, "Not about yawning.")
    moderation.sanction(commenter, moderator, days=7, reason="Repeated health claims.")
    client.force_login(moderator)
    response = client.get("/moderation/queue/flagged/")
    html = response.content.decode()
    # The article, linking to the comment on the article page; status and time.
    assert f'<a href="{article.get_absolute_url()}#comment-{reply.pk}">Why do we yawn?</a>' in html
    assertContains(
        response, '<span class="mod-status mod-status--approved">Approved</span>', html=True
    )
    assert f'datetime="{reply.created_at.isoformat()[:19]}' in html
    # The sanitized body as HTML, and the thread context.
    assert "<p>Garlic cures insomnia.</p><p>&lt;b&gt;Trust&lt;/b&gt; me.</p>" in html
    assert "Reply to <strong>ruth</strong>" in html and "Has anyone tried sleeping" in html
    # Open flags: count, reasons with counts, notes.
    assert "3 open flags:" in html
    assert "Medical misinformation × 2" in html and "Off-topic × 1" in html
    assert "No evidence for this." in html and "Not about yawning." in html
    # The author's history: counts, the three most recent other comments, the suspension.
    assert "3 approved · 1 rejected · 1 spam · 3 flags received" in html.replace("\n", " ")
    for recent in ("Earlier approved remark.", "Earlier rejected rant.", "Earlier spam link."):
        assert recent in html
    assert "Oldest remark, not in the recent three." not in html
    assert "Suspended until" in html and "Repeated health claims." in html
    assert f'href="/moderation/users/{commenter.pk}/"' in html


# -- decisions, one at a time ----------------------------------------------------------------


def test_each_card_says_why_the_comment_waits_and_overlaps_are_explained(
    client, moderator, article
):
    held = make_comment(article, someone(), "Two links: http://a.example http://b.example")
    held.decision_reason = "2 links."
    held.save(update_fields=["decision_reason"])
    flagged_and_pending = make_comment(article, someone(), "Waiting, and flagged.")
    flag_it(flagged_and_pending, Reason.MISINFORMATION)
    hide_by_flags(make_comment(article, someone(), "Readers hid me.", status="approved"))
    client.force_login(moderator)
    html = client.get(HOME).content.decode()
    assert re.search(r"Why it is waiting:</strong>\s*2 links\.", html)
    assert "hidden after 3 open reader flags (the policy hides a comment at 3)" in html
    assert "both pending and flagged, so counted under both tabs" in html
