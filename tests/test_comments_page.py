"""Comments on the article page: the gate, posting, threads, edits, deletes, flags, safety."""

import re
import threading
from datetime import timedelta

import lxml.html
import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from articles.revisions import save_article
from comments import moderation
from comments.models import (
    Comment,
    Flag,
    HealthPattern,
    ModerationLog,
    ModerationSettings,
    Sanction,
)
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def post(client, article, body, parent=None):
    data = {"body": body}
    if parent:
        data["parent"] = parent.pk
    return client.post(reverse("comments:post", args=[article.slug]), data)


def page(client, article, query=""):
    response = client.get(article.get_absolute_url() + query)
    assert response.status_code == 200
    return response.content.decode()


def approved(article, user, body, parent=None):
    return Comment.objects.create(
        article=article, author=user, body=body, parent=parent, status="approved"
    )


# -- the gate ----------------------------------------------------------------------------------


def test_anonymous_readers_see_the_login_gate_with_a_way_back(client, article):
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert "You must be logged in to post a comment" in html
    assert f'href="/accounts/login/?next={article.get_absolute_url()}%23comment-form"' in html
    assert not response.cookies  # no CSRF token: the public page stays cacheable
    # The login page it leads to has the honest "Remember me".
    login_page = client.get("/accounts/login/").content.decode()
    assert 'name="remember"' in login_page and "Only on a personal computer" in login_page


def test_logging_in_from_the_gate_returns_to_the_comment_form(client, article, reader):
    from tests.factories import PASSWORD

    response = client.post(
        reverse("account_login"),
        {
            "login": "reader",
            "password": PASSWORD,
            "next": f"{article.get_absolute_url()}#comment-form",
        },
    )
    assert response["Location"] == f"{article.get_absolute_url()}#comment-form"
    assert "Leave a reply" in page(client, article)


def test_anonymous_posts_are_refused_and_store_nothing(client, article):
    response = post(client, article, "Hello there")
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_unverified_users_are_told_to_verify(client, article):
    client.force_login(make_user("newbie", verified=False))
    assert "Please verify your email address before commenting" in page(client, article)
    response = post(client, article, "My first comment")
    assert response.status_code == 400
    assert "Please verify your email address" in response.content.decode()
    assert not Comment.objects.exists()


def test_banned_users_see_why_and_cannot_post(client, article, regular, moderator):
    moderation.sanction(regular, moderator, reason="Repeated abuse.")
    client.force_login(regular)
    assert "You are banned from commenting." in page(client, article)
    response = post(client, article, "Let me back in")
    assert response.status_code == 400
    assert "You are banned from commenting." in response.content.decode()
    assert ModerationLog.objects.get(action="refuse").rule == "sanctioned"
    assert not Comment.objects.filter(article=article).exists()


def test_suspensions_end_by_themselves(client, article, regular, moderator):
    from freezegun import freeze_time

    suspension = moderation.sanction(regular, moderator, days=1, reason="Cool off.")
    client.force_login(regular)
    assert "suspended from commenting until" in page(client, article)
    assert post(client, article, "Not yet, surely?").status_code == 400
    with freeze_time(suspension.until + timedelta(minutes=1)):
        assert post(client, article, "Back again, calmer.").status_code == 302


def test_whether_the_form_is_offered_follows_a_members_standing_at_once(
    client, article, regular, moderator
):
    """It is kept per member: a ban, its lifting and a newly verified address each show on the
    member's very next page, and a suspension ends by itself when it runs out."""
    from allauth.account.models import EmailAddress
    from freezegun import freeze_time

    client.force_login(regular)
    assert "Post comment" in page(client, article)
    ban = moderation.sanction(regular, moderator, reason="Repeated abuse.")
    assert "You are banned from commenting." in page(client, article)
    moderation.lift_sanction(ban, moderator)
    assert "Post comment" in page(client, article)

    suspension = moderation.sanction(regular, moderator, days=1, reason="Cool off.")
    # Ending in a minute (as a suspension of a day does after 23 hours 59 minutes).
    Sanction.objects.filter(pk=suspension.pk).update(until=timezone.now() + timedelta(minutes=1))
    assert "suspended from commenting until" in page(client, article)
    with freeze_time(timezone.now() + timedelta(minutes=2)):
        assert "Post comment" in page(client, article)

    newbie = make_user("newbie", verified=False)
    client.force_login(newbie)
    assert "Please verify your email address before commenting" in page(client, article)
    EmailAddress.objects.get(user=newbie).set_verified()
    assert "Post comment" in page(client, article)


# -- posting and the trust ladder --------------------------------------------------------------


def test_a_first_comment_waits_and_only_its_author_sees_it(client, article, reader, moderator):
    client.force_login(reader)
    response = post(client, article, "Does yawning cool the brain?")
    comment = Comment.objects.get()
    assert comment.status == "pending"
    assert response["Location"] == f"{article.get_absolute_url()}#comment-{comment.pk}"
    html = client.get(response["Location"]).content.decode()
    assert "Thanks! Your comment is awaiting moderation." in html
    assert "Your comment is awaiting moderation. Only you can see it." in html
    assert "Does yawning cool the brain?" in html

    client.logout()
    assert "Does yawning cool the brain?" not in page(client, article)
    client.force_login(make_user("someone_else"))
    assert "Does yawning cool the brain?" not in page(client, article)

    moderation.moderate(comment, "approve", moderator)
    client.logout()
    html = page(client, article)
    assert "Does yawning cool the brain?" in html
    assert "1 comment" in html
    client.force_login(reader)
    post(client, article, "Thanks for approving. A second thought.")
    assert Comment.objects.latest("pk").status == "approved"  # the ladder's one step is climbed


def test_a_refused_comment_keeps_its_text_and_says_why(client, article, regular):
    client.force_login(regular)
    long_text = "word " * 1100
    response = post(client, article, long_text)
    html = response.content.decode()
    assert response.status_code == 400
    assert "the limit is 5,000. Please shorten it." in html
    assert long_text.strip() in html  # the textarea still holds it
    assert not Comment.objects.filter(article=article).exists()
    assert ModerationLog.objects.get(action="refuse").rule == "too_long"


def test_the_rate_limit_refuses_the_sixth_comment_in_ten_minutes(client, article, regular):
    client.force_login(regular)
    for number in range(5):
        assert post(client, article, f"Comment number {number}").status_code == 302
    response = post(client, article, "One more thought")
    assert response.status_code == 400
    assert "You can post 5 comments every 10 minutes." in response.content.decode()
    assert "One more thought" in response.content.decode()
    assert Comment.objects.filter(article=article).count() == 5


def test_nobody_comments_on_an_article_archived_after_they_opened_it(client, article, regular):
    client.force_login(regular)
    assert page(client, article)  # the article's row is now kept, and where to find it
    article.status = Article.Status.ARCHIVED
    save_article(article)
    response = post(client, article, "Still worth reading.")
    assert response.status_code == 404
    assert not Comment.objects.filter(article=article).exists()


def test_an_exact_duplicate_is_refused(client, article, regular):
    client.force_login(regular)
    post(client, article, "Drink water when thirsty.")
    response = post(client, article, "Drink water when thirsty.")
    assert "You have already posted this exact comment." in response.content.decode()
    assert Comment.objects.filter(article=article).count() == 1


def test_a_duplicate_is_the_same_words_whatever_the_spacing_and_after_an_edit(
    client, article, regular
):
    client.force_login(regular)
    post(client, article, "Drink water when thirsty.")
    comment = Comment.objects.get(article=article)
    client.post(reverse("comments:edit", args=[comment.pk]), {"body": "Walk after meals."})
    assert post(client, article, "Drink  water when THIRSTY.").status_code == 302  # edited away
    response = post(client, article, "walk   after\nmeals.")
    assert response.status_code == 400
    assert "You have already posted this exact comment." in response.content.decode()
    assert sorted(Comment.objects.filter(article=article).values_list("body", flat=True)) == [
        "Drink  water when THIRSTY.", "Walk after meals."]  # fmt: skip


def test_blocked_and_suspect_words_from_the_admin_settings(client, article, regular):
    rules = ModerationSettings.current()
    rules.blocked_words, rules.suspect_words = "casino", "miracle"
    rules.save()
    client.force_login(regular)
    spam = post(client, article, "Visit my casino")
    assert "not allow" in client.get(spam["Location"]).content.decode()
    post(client, article, "A miracle cure")
    assert list(Comment.objects.filter(article=article).values_list("status", flat=True)) == [
        "spam", "pending",
    ]  # fmt: skip
    assert "Visit my casino" not in page(client.__class__(), article)


def test_two_links_hold_a_comment(client, article, regular):
    client.force_login(regular)
    post(client, article, "See https://nhs.example.org/a and https://nih.example.gov/b")
    comment = Comment.objects.get(article=article)
    assert comment.status == "pending"
    assert ModerationLog.objects.get(comment=comment).rule == "links"


def test_closed_articles_show_comments_but_no_form(client, article, regular):
    approved(article, regular, "An older comment.")
    article.comments_open = False
    save_article(article, change_note="Closed comments", minor=True)
    client.force_login(regular)
    html = page(client, article)
    assert "An older comment." in html
    assert "Comments are closed on this article." in html
    assert 'name="body"' not in html
    assert "Comments are closed" in post(client, article, "Too late?").content.decode()


def test_staff_comments_are_published_at_once_with_a_badge(client, article, editor):
    client.force_login(editor)
    post(client, article, "Editor here: we updated this piece.")
    assert Comment.objects.get().status == "approved"
    assert '<span class="badge badge--staff">Staff</span>' in page(client, article)


def test_the_articles_own_author_gets_an_author_badge(client, article):
    writer = make_user("nadia")
    article.author.user = writer
    article.author.save()
    approved(article, writer, "Author here, thanks for reading.")
    assert '<span class="badge badge--author">Author</span>' in page(client, article)


# -- threads -----------------------------------------------------------------------------------


def test_replies_thread_up_to_three_levels(client, article, regular, reader):
    top = approved(article, reader, "Top level.")
    client.force_login(regular)
    html = page(client, article, f"?replyto={top.pk}")
    assert "Reply to reader" in html
    post(client, article, "A reply.", parent=top)
    reply = Comment.objects.get(parent=top)
    post(client, article, "A reply to the reply.", parent=reply)
    deepest = Comment.objects.get(parent=reply)
    assert (reply.depth, deepest.depth, deepest.thread_id) == (2, 3, top.pk)
    html = page(client, article)
    assert html.index("Top level.") < html.index("A reply.") < html.index("A reply to the reply.")
    assert f'id="comment-{deepest.pk}"' in html
    deepest_block = html[html.index(f'id="comment-{deepest.pk}"') :]
    assert f"?replyto={deepest.pk}" not in deepest_block  # no Reply link at depth 3
    response = post(client, article, "Too deep.", parent=deepest)
    assert "too deeply nested" in response.content.decode()


def test_threads_nest_as_a_tree_of_lists_whichever_branch_ends_where(client, article, reader):
    """One loop renders every comment (comments.threads.in_order): each reply sits inside its
    parent's list, including where several lists end after the same comment."""
    a = approved(article, reader, "A")
    a1 = approved(article, reader, "A1", parent=a)
    approved(article, reader, "A1x", parent=a1)
    approved(article, reader, "A1y", parent=a1)  # ends the lists of A1 and of A
    b = approved(article, reader, "B")
    approved(article, reader, "B1", parent=b)
    approved(article, reader, "C")
    document = lxml.html.fromstring(page(client, article))

    def tree(items):
        return [
            (item.find("article").find_class("comment__body")[0].text_content(),
             tree(item.xpath("./ol/li")))
            for item in items
        ]  # fmt: skip

    assert tree(document.xpath('//section[@id="comments"]/ol[@class="comment-list"]/li')) == [
        ("A", [("A1", [("A1x", []), ("A1y", [])])]),
        ("B", [("B1", [])]),
        ("C", []),
    ]


def test_comments_are_oldest_first_and_paginated_after_fifty(client, article, regular):
    for number in range(55):
        approved(article, regular, f"Numbered comment {number:02d}.")
    first = page(client, article)
    assert "Numbered comment 00." in first and "Numbered comment 49." in first
    assert "Numbered comment 50." not in first
    assert "Comments page 1 of 2" in first
    second = page(client, article, "?comments-page=2")
    assert "Numbered comment 54." in second and "Numbered comment 00." not in second
    assert "55 comments" in first


# -- editing and deleting ----------------------------------------------------------------------


def test_own_comment_can_be_edited_within_fifteen_minutes(client, article, regular):
    client.force_login(regular)
    post(client, article, "Frist thought.")
    comment = Comment.objects.get(article=article)
    url = reverse("comments:edit", args=[comment.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"body": "First thought."})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.body, comment.status) == ("First thought.", "approved")
    assert comment.edited_at is not None
    assert "(edited)" in page(client, article)


def test_an_edit_is_checked_by_the_policy_again(client, article, regular):
    ModerationSettings.objects.filter(pk=1).update(blocked_words="casino")
    client.force_login(regular)
    post(client, article, "Innocent words.")
    comment = Comment.objects.get(article=article)
    client.post(reverse("comments:edit", args=[comment.pk]), {"body": "Now a casino ad."})
    comment.refresh_from_db()
    assert comment.status == "spam"
    assert "Now a casino ad." not in page(client.__class__(), article)


def test_editing_after_the_window_is_refused(client, article, regular):
    comment = approved(article, regular, "Old words.")
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    client.force_login(regular)
    response = client.post(reverse("comments:edit", args=[comment.pk]), {"body": "New words."})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Old words."
    assert (
        "Comments can be edited for 15 minutes" in client.get(response["Location"]).content.decode()
    )


def test_nobody_edits_or_deletes_someone_elses_comment(client, article, regular, reader):
    comment = approved(article, regular, "Mine.")
    client.force_login(reader)
    assert (
        client.post(reverse("comments:edit", args=[comment.pk]), {"body": "Yours"}).status_code
        == 403
    )
    assert client.post(reverse("comments:delete", args=[comment.pk])).status_code == 403
    comment.refresh_from_db()
    assert (comment.body, comment.status) == ("Mine.", "approved")


def test_comments_without_an_account_are_nobodys_to_delete(client, article, reader):
    """A deleted account's or an imported comment has no author id; an anonymous reader has
    none either, and that must not make the comment theirs, here or in the shared page."""
    former = approved(article, None, "Written by someone who left.")
    imported = Comment.objects.create(article=article, body="From the old blog.",
                                      legacy_author_name="Pat", status="approved")  # fmt: skip
    deletes = [reverse("comments:delete", args=[c.pk]) for c in (former, imported)]
    edits = [reverse("comments:edit", args=[c.pk]) for c in (former, imported)]
    for _ in range(2):  # rendered, then served from the shared cache
        html = page(client, article)
        assert "Former member" in html and "Pat" in html
        assert not [url for url in deletes + edits if url in html]
        assert "your comment" not in html
    client.force_login(reader)
    html = page(client, article)
    assert not [url for url in deletes + edits if url in html]
    assert reverse("comments:flag", args=[former.pk]) in html
    for url in deletes:
        assert client.post(url).status_code == 403
    with pytest.raises(PermissionDenied):
        moderation.delete_own(former, AnonymousUser())
    client.logout()
    assert not [url for url in deletes if url in page(client, article)]
    assert set(Comment.objects.values_list("status", flat=True)) == {"approved"}


def test_deleting_asks_first_and_needs_post_and_login(client, article, regular):
    comment = approved(article, regular, "Mine.")
    url = reverse("comments:delete", args=[comment.pk])
    assert client.post(url).status_code == 302  # to the login page
    client.force_login(regular)
    confirm = client.get(url)
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "Delete your comment?" in html and "No thanks, keep it" in html
    assert Comment.objects.get(pk=comment.pk).status == "approved"  # GET changes nothing
    assert client.put(url).status_code == 405
    client.post(url)
    assert Comment.objects.get(pk=comment.pk).status == "removed"


def test_a_deleted_comment_leaves_a_placeholder_that_keeps_replies(
    client, article, regular, reader
):
    parent = approved(article, regular, "Parent words.")
    approved(article, reader, "The reply still makes sense.", parent=parent)
    client.force_login(regular)
    client.post(reverse("comments:delete", args=[parent.pk]))
    client.logout()
    html = page(client, article)
    assert "Parent words." not in html
    assert "This comment was removed." in html
    assert "The reply still makes sense." in html
    assert ModerationLog.objects.filter(comment=parent, action="delete").exists()


def test_a_deleted_comment_without_replies_disappears(client, article, regular):
    comment = approved(article, regular, "Gone soon.")
    moderation.delete_own(comment, regular)
    assert "This comment was removed." not in page(client, article)


# -- flags -------------------------------------------------------------------------------------


def test_a_reader_flags_once_with_a_reason(client, article, regular, reader):
    comment = approved(article, regular, "Copper bracelets remove the pain instantly.")
    client.force_login(reader)
    # Read first: the threads they see as a member who takes no part are kept for them.
    assert "You flagged this comment." not in page(client, article)
    assert (
        "Medical misinformation"
        in client.get(reverse("comments:flag", args=[comment.pk])).content.decode()
    )
    url = reverse("comments:flag", args=[comment.pk])
    client.post(url, {"reason": "misinformation", "note": "No evidence."})
    again = client.post(url, {"reason": "spam"}, follow=True)
    assert "You have already flagged this comment." in again.content.decode()
    assert Flag.objects.get().reason == "misinformation"
    assert "You flagged this comment." in page(client, article)


def test_a_flag_needs_a_valid_reason(client, article, regular, reader):
    comment = approved(article, regular, "Words.")
    client.force_login(reader)
    response = client.post(reverse("comments:flag", args=[comment.pk]), {"reason": "because"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Flag.objects.exists()


def test_nobody_flags_their_own_comment(client, article, regular):
    comment = approved(article, regular, "Words.")
    client.force_login(regular)
    response = client.post(
        reverse("comments:flag", args=[comment.pk]), {"reason": "spam"}, follow=True
    )
    assert "You cannot flag your own comment." in response.content.decode()


def test_three_flags_hide_a_comment_and_alert_moderators(
    client, article, regular, moderator, django_capture_on_commit_callbacks
):
    comment = approved(article, regular, "Unproven claim as fact.")
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("f1", "f2", "f3"):
            moderation.flag(comment, make_user(name), "misinformation")
    comment.refresh_from_db()
    assert (comment.status, comment.hidden_by_flags) == ("pending", True)
    assert "Unproven claim as fact." not in page(client, article)
    assert ModerationLog.objects.filter(
        comment=comment, action="auto_hide", rule="flag_threshold"
    ).exists()
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert "flagged 3 times" in mail.outbox[0].body


# -- notifications -----------------------------------------------------------------------------


def test_an_approved_reply_notifies_the_parent_author(
    article, regular, reader, django_capture_on_commit_callbacks
):
    parent = approved(article, reader, "Question?")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.submit(regular, article, "Answer.", parent)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [reader.email]
    assert "regular replied to your comment" in mail.outbox[0].body
    assert "/account/notifications/" in mail.outbox[0].body


def test_the_reply_email_can_be_turned_off(
    client, article, regular, reader, django_capture_on_commit_callbacks
):
    client.force_login(reader)
    client.post(reverse("comments:preferences"), {})
    reader.refresh_from_db()
    assert not reader.notify_on_reply
    parent = approved(article, reader, "Question?")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.submit(regular, article, "Answer.", parent)
    assert mail.outbox == []


def test_a_pending_reply_notifies_only_once_approved(
    article, reader, moderator, django_capture_on_commit_callbacks
):
    newcomer = make_user("newcomer")
    parent = approved(article, reader, "Question?")
    with django_capture_on_commit_callbacks(execute=True):
        result = moderation.submit(newcomer, article, "First ever reply.", parent)
    assert result.comment.status == "pending" and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        moderation.moderate(result.comment, "approve", moderator)
    replies = [m for m in mail.outbox if "New reply" in m.subject]
    assert [m.to for m in replies] == [[reader.email]]


# -- hostile input -----------------------------------------------------------------------------

HOSTILE_BODIES = [
    '<script>alert("xss")</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click me</a>',
    "javascript:alert(1)",
    '"><svg onload=alert(1)>',
    "<iframe src=https://evil.example.org></iframe>",
    "Supercalifragilistic" * 200,
    "Hidden\u200b\u200b\u200bzero\u200dwidth\ufeff",
    "Right-to-left \u202egnp.exe\u202c override",
    "Bidi isolate \u2066hidden\u2069 text",
    "{{ 7|add:7 }} {% csrf_token %}",
    "https://evil.example.org/?q=<script>",
]


@pytest.mark.parametrize("body", HOSTILE_BODIES)
def test_hostile_bodies_render_inert(client, article, editor, body):
    client.force_login(editor)  # trusted: published at once, so readers would see it
    response = post(client, article, body)
    assert response.status_code == 302
    client.logout()
    html = page(client, article)
    comments_html = html[html.index('id="comments"') :]
    assert "<script>alert" not in comments_html
    assert not re.search(r"<(img|svg|iframe)\b", comments_html)
    assert "onerror=" not in comments_html.replace("onerror=&quot;", "")
    assert 'href="javascript:' not in comments_html
    for invisible in ("\u200b", "\u202e", "\u2066", "\ufeff"):
        assert invisible not in comments_html
    assert "14" not in Comment.objects.get().body_html  # template syntax is text, not code


def test_nul_bytes_are_refused_with_a_message_not_a_500(client, article, regular):
    client.force_login(regular)
    response = post(client, article, "Null\x00byte")
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()
    assert not Comment.objects.filter(article=article).exists()


def test_urls_are_linked_with_nofollow_ugc_noopener(client, article, editor):
    client.force_login(editor)
    post(client, article, "Evidence: https://www.cochrane.org/reviews\n\nSecond paragraph.")
    html = page(client, article)
    assert 'href="https://www.cochrane.org/reviews" rel="nofollow ugc noopener"' in html
    assert "<p>Second paragraph.</p>" in html


# -- query counts ------------------------------------------------------------------------------


def build_threads(article, users, count):
    """``count`` approved comments: top-level comments each with a reply and a reply to that."""
    made = 0
    while made < count:
        top = approved(article, users[made % len(users)], f"Top {made}")
        made += 1
        if made < count:
            reply = approved(article, users[made % len(users)], f"Reply {made}", parent=top)
            made += 1
            if made < count:
                approved(article, users[made % len(users)], f"Deeper {made}", parent=reply)
                made += 1


@pytest.mark.parametrize("viewer", ["anonymous", "regular"])
def test_article_page_query_count_is_the_same_for_5_and_300_comments(
    client, author, regular, viewer, django_assert_max_num_queries
):
    users = [regular, make_user("c2"), make_user("c3")]
    small, large = make_article(author), make_article(author)
    build_threads(small, users, 5)
    build_threads(large, users, 300)
    if viewer != "anonymous":
        client.force_login(regular)
    # The session and the moderation rules are read from the cache from now on.
    client.get(make_article(author).get_absolute_url())
    counts = []
    for article in (small, large):
        # Anonymous: 13 article queries (see test_public_pages) + top-level page + replies.
        # Logged in adds session, user, groups (trusted role check), verified email and sanction
        # (one query), whether the viewer takes part in this discussion (comments/caching.py)
        # and the viewer's own flags. Once the article's own parts are kept, 7 fewer; an anonymous
        # reader's comment section is kept too (this logged-in reader commented here, so theirs
        # is rendered for them): the article, and its fragments' generations (one query).
        with django_assert_max_num_queries(23) as first:
            assert client.get(article.get_absolute_url()).status_code == 200
        with django_assert_max_num_queries(14 if viewer == "regular" else 2) as kept:
            assert client.get(article.get_absolute_url()).status_code == 200
        counts.append((len(first), len(kept)))
    assert counts[0] == counts[1]


# -- concurrency (PostgreSQL) ------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_four_threads_posting_25_comments_each_store_exactly_100(author):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serializes writers; this checks PostgreSQL's concurrency")
    ModerationSettings.objects.update_or_create(pk=1, defaults={"rate_limit_count": 1000})
    article = make_article(author)
    writers = [make_user(f"writer{number}") for number in range(4)]
    for writer in writers:
        Comment.objects.create(article=article, author=writer, body="Earlier.", status="approved")
    errors = []

    def write(user):
        try:
            for number in range(25):
                result = moderation.submit(user, article, f"{user.username} says {number}.")
                assert result.decision.stored, result.decision.message
        except Exception as error:  # reported below, not swallowed
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(writer,)) for writer in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Comment.objects.filter(article=article, body__contains=" says ").count() == 100
    assert ModerationLog.objects.filter(comment__article=article, action="approve").count() == 100


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_member_posting_the_same_words_from_four_tabs_at_once_stores_them_once(author):
    """Their row is locked before their comments are read: each post sees the one before."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serializes writers; this checks PostgreSQL's concurrency")
    article = make_article(author)
    member = make_user("fourtabs")
    Comment.objects.create(article=article, author=member, body="Earlier.", status="approved")
    start, outcomes = threading.Barrier(4), []

    def write():
        try:
            start.wait()
            result = moderation.submit(member, article, "Salt intake matters more than I knew.")
            outcomes.append(result.decision.rule)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 4 and outcomes.count("duplicate") == 3
    assert Comment.objects.filter(article=article, body__startswith="Salt intake").count() == 1


def test_invisible_characters_are_removed_from_the_stored_text(article, editor):
    result = moderation.submit(editor, article, "  Safe\u202e text\u200b here\x07  ")
    assert result.comment.body == "Safe text here"


def test_a_refused_comment_keeps_the_whole_article_page(client, article, regular, author):
    """The page re-rendered with the form's errors (400) is the same page: related articles
    chosen by the editor are still there."""
    chosen = make_article(author, title="Is yawning contagious?")
    article.related.add(chosen)
    client.force_login(regular)
    response = post(client, article, "x")
    assert response.status_code == 400
    html = response.content.decode()
    assert "too short" in html
    assert "Is yawning contagious?" in html


def test_the_comments_policy_page_states_the_live_numbers(client, db):
    html = client.get("/pages/comments-policy/").content.decode()
    assert "The rules in numbers" in html
    assert "up to 5 comments in 10 minutes" in html and "for 15 minutes" in html
    rules = ModerationSettings.current()
    rules.rate_limit_count, rules.edit_window_minutes, rules.flag_threshold = 3, 30, 4
    rules.save()
    html = client.get("/pages/comments-policy/").content.decode()
    assert "up to 3 comments in 10 minutes" in html and "for 30 minutes" in html
    assert "When 4 readers flag a comment" in html
    assert html.count("<h1") == 1


def test_comments_on_unpublished_articles_cannot_be_flagged(client, article, regular, reader):
    comment = approved(article, regular, "Published, then the article was unpublished.")
    article.status = "draft"
    article.save(update_fields=["status"])
    client.force_login(reader)
    assert client.get(reverse("comments:flag", args=[comment.pk])).status_code == 404
    response = client.post(reverse("comments:flag", args=[comment.pk]), {"reason": "spam"})
    assert response.status_code == 404
    with pytest.raises(moderation.FlagRefused):
        moderation.flag(comment, reader, "spam")
    assert not Flag.objects.exists()


@pytest.mark.parametrize("days", [None, 3])
def test_banned_and_suspended_readers_cannot_flag(
    client, article, regular, reader, moderator, days
):
    comment = approved(article, regular, "A comment.")
    moderation.sanction(reader, moderator, days=days, reason="Insults.")
    client.force_login(reader)
    response = client.post(
        reverse("comments:flag", args=[comment.pk]), {"reason": "spam"}, follow=True
    )
    assert "so you cannot flag comments" in response.content.decode()
    assert not Flag.objects.exists()


def test_the_policy_prose_no_longer_states_stale_numbers(client, db):
    html = client.get("/pages/comments-policy/").content.decode()
    prose = html.split("The rules in numbers")[0]
    assert "5 comments in 10 minutes" not in prose and "15 minutes" not in prose
    assert "three readers" not in prose


def test_anonymous_readers_share_one_rendered_section_that_changes_at_once(
    client, article, regular, moderator, django_assert_max_num_queries
):
    approved(article, regular, "First thoughts.")
    first = page(client, article)
    assert "First thoughts." in first
    with django_assert_max_num_queries(7) as cached:  # the section is not queried again
        assert page(client, article) == first
    assert not any("comments_comment" in q["sql"] for q in cached.captured_queries)
    pending = Comment.objects.create(article=article, author=regular, body="Second thoughts.")
    assert "Second thoughts." not in page(client, article)
    moderation.moderate(pending, "approve", moderator)
    assert "Second thoughts." in page(client, article)  # approved: on the page at once
    moderation.moderate(pending, "remove", moderator)
    assert "Second thoughts." not in page(client, article)
    article.comments_open = False
    save_article(article, change_note="Closed.", minor=True)
    assert "Comments are closed on this article." in page(client, article)


def test_logged_in_readers_always_get_their_own_section(client, article, regular):
    approved(article, regular, "Shared words.")
    page(client, article)  # cached for anonymous readers
    mine = Comment.objects.create(article=article, author=regular, body="My pending words.")
    client.force_login(regular)
    html = page(client, article)
    assert "My pending words." in html and "awaiting moderation" in html
    assert mine.pk


@pytest.mark.parametrize("poster", ["editor", "regular"])
def test_posting_a_comment_costs_a_fixed_number_of_queries(
    client, article, poster, request, settings, django_assert_max_num_queries
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default", "email", "purge"]}}  # fmt: skip
    settings.CACHE_PURGE = ["varnish"]  # as in production: the purges are queued, not sent
    user = request.getfixturevalue(poster)
    for number in range(3):  # earlier comments of theirs do not add queries
        approved(article, user, f"Earlier thought {number}.")
    client.force_login(user)
    post(client, article, "The moderation rules are read once and kept.")
    page(client, article)  # where the post took them
    # 10 for an editor: the user (the session is cached); the generations of the article's row,
    # the kept rules and the poster's standing (articles.fragments.public_article and
    # comments.moderation.read_before_posting: not the article, the settings row, every health
    # pattern, their email and sanctions); then, in one transaction (2: its start and end), the
    # poster's row locked, what the policy reads of their comments (one statement), the
    # thread's generation, the purge (stored in the same transaction, repeated by the worker
    # once the edge has taken it: core/purge.py), the comment and its log entry. A commenter
    # who is not staff adds their groups and permissions (the trusted-role check): 13.
    purges = DBTaskResult.objects.filter(queue_name="purge")
    queued = list(purges.values_list("pk", flat=True))
    with django_assert_max_num_queries(10 if poster == "editor" else 13):
        response = post(client, article, "A second thought, with no other cost.")
    assert response.status_code == 302 and "#comment-" in response["Location"]
    assert Comment.objects.filter(author=user, article=article).count() == 5
    assert ModerationLog.objects.filter(subject=user, action="approve").count() == 2
    new = purges.exclude(pk__in=queued)
    assert [task.args_kwargs["args"] for task in new] == [
        ["varnish", [f"comments-{article.pk}"], 1, True]
    ]


def test_posting_reads_the_rules_again_after_staff_change_them(client, article, regular):
    """Posting keeps the rules (comments.moderation.kept_rules); every change in the admin,
    of the settings or of a claim or crisis pattern, is read by the next post."""
    client.force_login(regular)
    post(client, article, "My grandmother swears by goose fat.")
    pattern = HealthPattern.objects.create(kind="claim", phrase="goose fat", weight="3.00")
    post(client, article, "Goose fat, she says, every winter.")
    pattern.active = False
    pattern.save()
    post(client, article, "Still goose fat in her kitchen.")
    settings_row = ModerationSettings.current()
    settings_row.blocked_words = "kitchen"
    settings_row.save()
    post(client, article, "Back to the kitchen for more.")
    pattern.delete()
    HealthPattern.objects.create(kind="claim", phrase="winter remedy", weight="3.00")
    post(client, article, "A winter remedy, she calls it.")
    statuses = Comment.objects.filter(author=regular, article=article).order_by("created_at")
    assert list(statuses.values_list("status", flat=True)) == [
        "approved", "pending", "approved", "spam", "pending"
    ]  # fmt: skip


def test_readers_taking_part_see_others_comments_kept_and_their_own_rendered_for_them(
    client, article, regular, reader
):
    from django.core.cache import cache

    def own_page(user):
        client.force_login(user)
        html = page(client, article)
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)

    first = approved(article, regular, "First words from the regular.")
    approved(article, reader, "A reply from the reader.", parent=first)
    flagged = approved(article, make_user("third"), "Words from a third reader.")
    Flag.objects.create(comment=flagged, user=reader, reason="spam")
    Comment.objects.create(article=article, author=reader, body="Pending words from the reader.")
    # The regular's page keeps everyone's approved comments as members see them; the reader's
    # page reads them from there, except their own and the one they flagged.
    regular_html = own_page(regular)
    reader_html = own_page(reader)
    assert (
        "Pending words from the reader." in reader_html
        and "Pending words from the reader." not in regular_html
    )
    assert "You flagged this comment." in reader_html
    flag_first = reverse("comments:flag", args=[first.pk])
    assert flag_first in reader_html  # the regular's comment, as members see it
    assert flag_first not in regular_html  # their own: edit and delete instead
    # Exactly as rendered from nothing kept, for each of them.
    cache.clear()
    assert own_page(reader) == reader_html
    cache.clear()
    assert own_page(regular) == regular_html


def test_the_comment_box_is_written_out_exactly_as_django_renders_it(client, article, regular):
    """The section writes the textarea out (comments/section.html): it must stay the widget
    Django would render, empty, holding a refused comment's text, and marked invalid."""
    from comments.forms import CommentForm

    def textarea(html):
        return re.search(r"<textarea name=\"body\".*?</textarea>", html, re.S).group()

    client.force_login(regular)
    assert textarea(page(client, article)) == str(CommentForm()["body"])
    text = "Is <b>this</b> & that the same?"
    assert post(client, article, text).status_code == 302
    duplicate = post(client, article, text)  # refused: the text stays in the box
    assert duplicate.status_code == 400
    refused = CommentForm({"body": text})
    refused.is_valid()
    refused.add_error("body", "You have already posted this exact comment.")  # as the view does
    assert textarea(duplicate.content.decode()) == str(refused["body"])
    assert "Is &lt;b&gt;this&lt;/b&gt; &amp; that" in textarea(duplicate.content.decode())
    empty = post(client, article, "")
    invalid = CommentForm({"body": ""})
    invalid.is_valid()
    assert textarea(empty.content.decode()) == str(invalid["body"])


def test_the_kept_reply_box_is_each_members_own_and_follows_its_article(client, article, regular):
    """Members who may comment get one kept reply box (comments/templatetags/comment_tags.py)
    with their own CSRF token in it, which posting checks; closing comments, the edit window
    and a member who may not comment each show on the next request."""
    from django.test import Client

    def token(html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    pages, posted = {}, {}
    for user in (regular, make_user("second")):
        member = Client(enforce_csrf_checks=True)
        member.force_login(user)
        html = page(member, article)
        data = {
            "body": f"Walking helps me, {user.username} says.",
            "csrfmiddlewaretoken": token(html),
        }
        pages[user.username] = html
        posted[user.username] = member.post(reverse("comments:post", args=[article.slug]), data)
    assert {name: response.status_code for name, response in posted.items()} == {
        "regular": 302, "second": 302}  # fmt: skip
    first, second = pages["regular"], pages["second"]
    assert token(first) != token(second)
    assert re.sub(r'value="[^"]+"', "", first.split('id="comment-form"')[1]) == re.sub(
        r'value="[^"]+"', "", second.split('id="comment-form"')[1]
    )  # the same box, but for the token
    from comments.templatetags.comment_tags import CSRF_PLACEHOLDER

    odd = make_article(article.author, slug=CSRF_PLACEHOLDER)  # an address like the stand-in
    for _ in range(2):  # rendered, then kept
        html = page(member, odd)
        assert f'action="/articles/{CSRF_PLACEHOLDER}/comments/"' in html
        assert token(html) not in (CSRF_PLACEHOLDER, "None")

    client.force_login(make_user("unverified", verified=False))
    assert "Please verify your email address" in page(client, article)
    client.force_login(regular)
    ModerationSettings.objects.update_or_create(pk=1, defaults={"edit_window_minutes": 7})
    assert "You can edit your comment for 7 minutes." in page(client, article)
    article.comments_open = False
    save_article(article, change_note="Comments closed.", minor=True)
    html = page(client, article)
    assert "Comments are closed on this article." in html and "Post comment" not in html
