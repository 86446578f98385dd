"""Accessibility in a real browser: axe-core finds no violation at all on the pages readers,
commenters and moderators use, and the main journeys work with the keyboard alone."""

import pytest
from django.urls import reverse

from comments.models import Comment, Flag, ModerationLog
from tests.browser import log_in, screenshot, serious_violations
from tests.factories import PASSWORD, make_article, make_tag, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


ANY = ("minor", "moderate", "serious", "critical")


def check(page, url, name):
    page.goto(url)
    problems = serious_violations(page, ANY)
    if problems:
        screenshot(page, f"a11y-{name}")
    assert not problems, f"{name}: " + " | ".join(problems)


def test_no_serious_violations_on_the_pages_people_use(live_server, a11y_page, author):
    page, base = a11y_page, live_server.url
    tag = make_tag("Sleep")
    article = make_article(author, title="Why do we yawn?", tags=[tag])
    reader = make_user("reader")
    make_user("moderator", groups=["Moderators"], staff=True)
    other = make_user("other")
    mine = Comment.objects.create(
        article=article, author=reader, body="My note.", status="approved"
    )
    theirs = Comment.objects.create(
        article=article, author=other, body="Theirs.", status="approved"
    )
    Comment.objects.create(article=article, author=other, body="Reply.", status="approved",
                           parent=theirs)  # fmt: skip
    hidden = Comment.objects.create(article=article, author=other, body="Hidden.", status="pending",
                                    hidden_by_flags=True)  # fmt: skip
    Comment.objects.create(article=article, author=reader, body="Under a hidden one.",
                           status="approved", parent=hidden)  # fmt: skip
    Flag.objects.create(comment=hidden, user=reader, reason="misinformation", note="Unproven.")
    ModerationLog.objects.create(action="reject", comment=mine, subject=reader,
                                 reason="Off topic.", clause="Moderators' decisions.")  # fmt: skip
    crisis = Comment.objects.create(
        article=article, author=reader, body="I can't go on anymore.", urgent=True,
        signals=["crisis"], matched_phrases=["can't go on anymore"],
    )  # fmt: skip
    Comment.objects.create(
        article=article, author=other, body="Copper bracelets remove the pain instantly.",
        signals=["medical_claim"], matched_phrases=["Copper bracelets remove"],
    )  # fmt: skip

    for url, name in [
        ("/", "home"),
        (article.get_absolute_url(), "article-anonymous"),
        (tag.get_absolute_url(), "tag"),
        (author.get_absolute_url(), "author"),
        ("/search/?q=yawn", "search"),
        ("/search/?q=nothing-matches-this", "search-empty"),
        ("/accounts/login/", "login"),
        ("/accounts/signup/", "signup"),
        ("/pages/comments-policy/", "comments-policy"),
    ]:
        check(page, f"{base}{url}", name)

    log_in(page, base, "reader", PASSWORD)
    check(page, f"{base}{article.get_absolute_url()}", "article-logged-in")
    check(page, f"{base}{reverse('comments:edit', args=[mine.pk])}", "comment-edit")
    check(page, f"{base}{reverse('comments:flag', args=[theirs.pk])}", "flag")
    check(page, f"{base}{reverse('comments:preferences')}", "account")
    check(page, f"{base}{reverse('comments:support', args=[crisis.pk])}", "crisis-support")
    check(page, f"{base}{reverse('comments:decisions')}", "statements-of-reasons")

    page.context.clear_cookies()
    log_in(page, base, "moderator", PASSWORD)
    for view in ["pending", "flagged", "rejected", "all"]:
        check(page, f"{base}{reverse('moderation:queue', args=[view])}", f"queue-{view}")
    check(page, f"{base}{reverse('moderation:comment', args=[hidden.pk])}", "queue-comment")
    check(page, f"{base}{reverse('moderation:user', args=[other.pk])}", "queue-user")
    check(page, f"{base}{reverse('moderation:note', args=[theirs.pk])}", "editors-note")


def test_a_reader_comments_and_flags_with_the_keyboard_alone(live_server, browser_page, author):
    page, base = browser_page, live_server.url
    article = make_article(author, title="Is coffee dehydrating?", tags=[make_tag("Hydration")])
    regular = make_user("regular")
    Comment.objects.create(article=article, author=regular, body="Earlier.", status="approved")
    other = make_user("other")
    theirs = Comment.objects.create(article=article, author=other, body="Coffee cures all.",
                                    status="approved")  # fmt: skip

    page.goto(f"{base}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus is visible
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    log_in(page, base, "regular", PASSWORD)
    page.goto(f"{base}{article.get_absolute_url()}#comment-form")
    page.focus("#id_body")
    page.keyboard.type("Moderate coffee counts towards your fluids.")
    page.keyboard.press("Tab")  # to the Post button
    assert page.evaluate("document.activeElement.textContent") == "Post comment"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Moderate coffee counts towards your fluids." in page.inner_text(".comments")

    page.goto(f"{base}{reverse('comments:flag', args=[theirs.pk])}")
    page.focus("input[name=reason]")
    page.keyboard.press("Space")  # the first reason: medical misinformation
    page.keyboard.press("Tab")
    page.keyboard.type("Presented as fact.")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert Flag.objects.filter(comment=theirs, user=regular, reason="misinformation").exists()
    screenshot(page, "keyboard-flagged")
