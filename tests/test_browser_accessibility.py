"""Accessibility in a real browser: axe-core finds no violation at all on the pages readers,
commenters and moderators use, and the main journeys work with the keyboard alone."""

import pytest
from django.urls import reverse

from comments.models import Comment, Flag
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

    page.context.clear_cookies()
    log_in(page, base, "moderator", PASSWORD)
    for view in ["pending", "flagged", "rejected", "all"]:
        check(page, f"{base}{reverse('moderation:queue', args=[view])}", f"queue-{view}")
    check(page, f"{base}{reverse('moderation:comment', args=[hidden.pk])}", "queue-comment")
    check(page, f"{base}{reverse('moderation:user', args=[other.pk])}", "queue-user")


def test_no_violations_on_the_pages_of_readers_who_follow_the_truth(live_server, a11y_page,
                                                                   author):  # fmt: skip
    """What changed in an update, its feed's neighbours, forgiving search, and every page of
    following by email: subscribed, confirm, manage, unsubscribe, unsubscribed, a bad link."""
    from datetime import timedelta

    from django.utils import timezone

    from articles.revisions import save_article
    from subscriptions.links import confirm_url, manage_token
    from subscriptions.models import Subscriber, Subscription

    page, base = a11y_page, live_server.url
    article = make_article(author, title="When is a headache worth worrying about?",
                           tags=[make_tag("Headaches")],
                           published_at=timezone.now() - timedelta(days=20))  # fmt: skip
    article.revisions.update(created_at=article.published_at)
    article.body = article.body.replace("First paragraph", "Opening paragraph")
    article.body += "<p>Migraines are common.</p>"
    update = save_article(article, change_note="Added a paragraph on migraines.")
    subscriber = Subscriber.objects.create(email="follower@example.org")
    Subscription.objects.create(subscriber=subscriber, article=article)
    Subscription.objects.create(subscriber=subscriber, tag=article.tags.get(),
                                confirmed_at=timezone.now())  # fmt: skip
    token = manage_token(subscriber)

    check(page, f"{base}{reverse('articles:article_update', args=[article.slug, update.number])}",
          "what-changed")  # fmt: skip
    check(page, f"{base}/search/?q=hedache+migrane", "search-did-you-mean")
    check(page, confirm_url(subscriber).replace("http://testserver", base), "confirm")
    check(page, f"{base}{reverse('subscriptions:manage', args=[token])}", "manage")
    check(page, f"{base}{reverse('subscriptions:unsubscribe', args=[token])}", "unsubscribe")
    check(page, f"{base}{reverse('subscriptions:manage', args=['forged'])}", "bad-link")

    page.goto(f"{base}{article.get_absolute_url()}")
    page.fill("#follow-article-email", "new@example.org")
    with page.expect_navigation():
        page.click(".follow button[type=submit]")
    assert "Check your email" in page.inner_text("h1")
    problems = serious_violations(page, ANY)
    assert not problems, "subscribed: " + " | ".join(problems)
    page.goto(f"{base}{article.get_absolute_url()}")
    page.evaluate("""() => { const input = document.querySelector('#follow-article-email');
                             input.type = 'text'; input.required = false; }""")
    page.fill("#follow-article-email", "not an address")
    with page.expect_navigation():
        page.click(".follow button[type=submit]")
    assert "Enter a valid email address." in page.inner_text("main")
    problems = serious_violations(page, ANY)
    assert not problems, "subscribe-refused: " + " | ".join(problems)
    page.goto(f"{base}{reverse('subscriptions:unsubscribe', args=[token])}")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "You are unsubscribed" in page.inner_text("h1")
    problems = serious_violations(page, ANY)
    assert not problems, "unsubscribed: " + " | ".join(problems)


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
