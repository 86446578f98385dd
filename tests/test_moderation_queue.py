"""The moderation queue at /moderation/: who gets in, what each view lists and in which order,
what a moderator sees about a comment and its author, every decision one at a time and in bulk
(with the log it leaves and what readers then see), bans and suspensions, and query counts that
do not grow with the queue."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from accounts.models import MODERATORS_GROUP
from comments import moderation
from comments.models import Comment, Flag, ModerationLog, Sanction
from tests.factories import make_user

pytestmark = pytest.mark.django_db

Status = Comment.Status
Reason = Flag.Reason
Action = ModerationLog.Action
HOME = "/moderation/"
ACT = "/moderation/act/"


def make_comment(article, author, body, status=Status.PENDING, *, parent=None, minutes_ago=0):
    return Comment.objects.create(
        article=article,
        author=author,
        body=body,
        status=status,
        parent=parent,
        created_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


def flag_it(comment, reason=Reason.SPAM, note="", *, by=None, dismissed=False):
    """A flag made directly (setup): ``moderation.flag`` only accepts approved comments."""
    return Flag.objects.create(
        comment=comment,
        user=by or make_user(f"flagger{Flag.objects.count() + 1}"),
        reason=reason,
        note=note,
        dismissed_at=timezone.now() if dismissed else None,
    )


def hide_by_flags(comment, reasons=(Reason.ABUSE, Reason.ABUSE, Reason.ABUSE)):
    """Three readers flag an approved comment through the workflow: it is hidden for review."""
    for number, reason in enumerate(reasons):
        moderation.flag(comment, make_user(f"reader{comment.pk}x{number}"), reason, "")
    comment.refresh_from_db()
    assert comment.status == Status.PENDING and comment.hidden_by_flags
    return comment


def article_html(client, article):
    """The public article page as an anonymous reader sees it."""
    client.logout()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def someone():
    """A fresh commenter, so no item's "recent other comments" repeat another item's body."""
    return make_user(f"someone{next(_people)}")


_people = iter(range(1_000_000))


def order_in(html, *texts):
    return sorted(texts, key=html.index)


def last_log(comment):
    return ModerationLog.objects.filter(comment=comment).order_by("-id").first()


# -- access ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [(None, 403), ("reader", 403), ("editor", 403), ("moderator", 200), ("superuser", 200)],
)
def test_it_lets_only_moderators_and_superusers_in(client, request, commenter, persona, expected):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    urls = [
        HOME,
        reverse("moderation:queue", args=["flagged"]),
        f"/moderation/users/{commenter.pk}/",
    ]
    for url in urls:
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize(
    ("persona", "expected"),
    [(None, 403), ("reader", 403), ("editor", 403), ("moderator", 302), ("superuser", 302)],
)
def test_it_lets_only_moderators_act(client, request, article, commenter, persona, expected):
    comment = make_comment(article, commenter, "Waiting for a decision.")
    if persona:
        client.force_login(request.getfixturevalue(persona))
    response = client.post(ACT, {"single": f"{comment.pk}:approve"})
    assert response.status_code == expected
    comment.refresh_from_db()
    assert comment.status == (Status.APPROVED if expected == 302 else Status.PENDING)


def test_it_shows_anonymous_visitors_a_friendly_403_with_a_login_link(client):
    response = client.get(HOME)
    assert response.status_code == 403
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'href="/accounts/login/?next=/moderation/"' in html
    assert ">Log in</a>" in html


def test_it_tells_a_logged_in_reader_they_have_no_access(client, reader):
    client.force_login(reader)
    response = client.get(HOME)
    assert response.status_code == 403
    assertContains(response, "You don’t have access to this page", status_code=403)
    assertNotContains(response, "?next=/moderation/", status_code=403)


def test_it_answers_405_to_the_wrong_method(client, moderator, commenter):
    client.force_login(moderator)
    assert client.get(ACT).status_code == 405
    assert client.get(reverse("moderation:sanction", args=[commenter.pk])).status_code == 405
    assert client.get(reverse("moderation:lift", args=[1])).status_code == 405
    assert client.post(HOME).status_code == 405
    assert client.post(f"/moderation/users/{commenter.pk}/").status_code == 405


def test_it_404s_on_an_unknown_view_or_page(client, moderator):
    client.force_login(moderator)
    assert client.get("/moderation/queue/nonsense/").status_code == 404
    assert client.get("/moderation/queue/pending/?page=7").status_code == 404
    assert client.get("/moderation/queue/pending/?page=abc").status_code == 404
    assert client.get("/moderation/comments/999999/").status_code == 404
    assert client.get("/moderation/users/999999/").status_code == 404


def test_moderation_pages_have_one_h1_and_no_inline_code(client, moderator, article, commenter):
    comment = make_comment(article, commenter, "One pending comment.")
    client.force_login(moderator)
    urls = [
        HOME,
        *(reverse("moderation:queue", args=[view]) for view in ("pending", "flagged", "all")),
        reverse("moderation:comment", args=[comment.pk]),
        reverse("moderation:user", args=[commenter.pk]),
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        assert "<script" not in html and " style=" not in html, url
        assert " onclick=" not in html and " onsubmit=" not in html, url
        assert "css/moderation.css" in html, url


# -- the views -------------------------------------------------------------------------------


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
            article, someone(), f"Queued comment number {number:02}.", minutes_ago=100 - number
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


# -- query counts ----------------------------------------------------------------------------


def fill_queue(article, count, moderator):
    """``count`` pending replies and ``count`` flagged approved comments, each by a different
    author with a history, an active suspension for some, and flags with notes."""
    flaggers = [make_user(f"qflagger{next(_people)}") for _ in range(2)]
    for _ in range(count):
        author = make_user(f"qauthor{next(_people)}")
        parent = make_comment(
            article, make_user(f"qparent{next(_people)}"), "A parent.", status="approved"
        )
        make_comment(article, author, "Earlier, approved.", status="approved", minutes_ago=60)
        make_comment(article, author, "Earlier, rejected.", status="rejected", minutes_ago=50)
        make_comment(article, author, "A pending reply.", parent=parent, minutes_ago=10)
        flagged = make_comment(
            article, author, "A flagged comment.", status="approved", minutes_ago=5
        )
        flag_it(flagged, Reason.MISINFORMATION, "Unproven.", by=flaggers[0])
        flag_it(flagged, Reason.SPAM, by=flaggers[1])
        if next(_people) % 3 == 0:
            Sanction.objects.create(user=author, reason="Insults.", created_by=moderator)


def queue_queries(client, url, django_assert_max_num_queries):
    # 1 session, 2 the moderator, 3-4 their user and group permissions, 5 the tab counts,
    # 6 the paginator's count, 7 the page of comments with article, author, parent and its
    # author, 8 their open flags with who flagged, 9 the authors' counts per status,
    # 10 flags received per author, 11 each author's 4 newest comments (window function),
    # 12 active sanctions of those authors.
    with django_assert_max_num_queries(12) as captured:
        response = client.get(url)
        assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("view", ["pending", "flagged"])
def test_the_queue_query_count_does_not_grow(
    client, moderator, article, view, django_assert_max_num_queries
):
    url = reverse("moderation:queue", args=[view])
    client.force_login(moderator)
    fill_queue(article, 10, moderator)
    few, html = queue_queries(client, url, django_assert_max_num_queries)
    assert html.count('<article class="mod-item') == 10
    fill_queue(article, 190, moderator)
    many, html = queue_queries(client, url, django_assert_max_num_queries)
    assert html.count('<article class="mod-item') == 50  # the first page of 200
    assert "Unproven." in html if view == "flagged" else "A pending reply." in html
    assert few == many


def test_a_moderator_from_the_group_is_not_a_superuser(db):
    # The access rule is the permission, not staff status or superuser.
    user = make_user("mod2", groups=[MODERATORS_GROUP])
    assert not user.is_superuser and user.has_perm("comments.moderate_comment")
