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


def test_no_violations_on_sources_and_the_feedback_pages(live_server, a11y_page, author):
    from articles.revisions import save_article

    page, base = a11y_page, live_server.url
    body = "<p>Rain made no difference [1], or a small one [1, 2].</p>"
    article = make_article(author, title="Do knees feel the rain?", body=body)
    save_article(article, change_note="Sources.", sources=[
        {"kind": "observational", "title": "Rainfall and joint pain", "authors": "Jena AB",
         "publisher": "BMJ", "year": 2017, "doi": "10.1136/bmj.j5326",
         "summary": "No link between rain and doctor visits for joint pain."},
        {"kind": "guideline", "title": "Osteoarthritis", "url": "https://www.nice.org.uk/guidance/ng226"},
    ])  # fmt: skip
    report = reverse("reviews:feedback_report", args=[article.slug])
    check(page, f"{base}{article.get_absolute_url()}", "article-with-sources")
    check(page, f"{base}{report}", "feedback-report")
    page.click(".account-page button[type=submit]")  # empty: the error is announced
    assert "Tell us what is out of date or wrong." in page.content()
    problems = serious_violations(page, ANY)
    assert not problems, "feedback-report-error: " + " | ".join(problems)
    page.fill("textarea[name=message]", "The 2024 guidance changed this.")
    page.click(".account-page button[type=submit]")
    assert "Thank you" in page.content()
    assert not serious_violations(page, ANY)
    page.goto(f"{base}{article.get_absolute_url()}")
    page.click("button[value=no]")
    assert "tell us what" in page.content()
    assert not serious_violations(page, ANY)


def test_no_serious_violations_on_the_editors_and_reviewers_admin_pages(
    live_server, a11y_page, author
):
    """The article add, change and compare pages and the review pages: nothing serious or
    critical (the admin's own minor and moderate findings are Django's to fix)."""
    from articles.models import Author
    from articles.revisions import save_article
    from tests.factories import make_review

    page, base = a11y_page, live_server.url
    make_user("editor", groups=["Editors"], staff=True)
    doctor = make_user("drmaya", groups=["Medical reviewers"], staff=True)
    clinician = Author.objects.create(name="Maya Okafor", slug="maya-okafor",
                                      credentials="MD", short_bio="A GP.", user=doctor)  # fmt: skip
    article = make_article(author, title="Why do we yawn?", tags=[make_tag("Sleep")],
                           reviewer=clinician)  # fmt: skip
    make_review(article, clinician)
    article.body += "<p>New advice.</p>"
    save_article(article, change_note="New advice.")
    first, second = article.revisions.order_by("number")

    def check_serious(url, name):
        page.goto(url)
        problems = serious_violations(page)
        if problems:
            screenshot(page, f"a11y-{name}")
        assert not problems, f"{name}: " + " | ".join(problems)

    log_in(page, base, "editor", PASSWORD)
    compare = reverse("admin:articles_article_compare", args=[article.pk])
    for url, name in [
        (reverse("admin:index"), "admin-index"),
        (reverse("admin:articles_article_changelist"), "article-list"),
        (reverse("admin:articles_article_add"), "article-add"),
        (reverse("admin:articles_article_change", args=[article.pk]), "article-change"),
        (f"{compare}?from={first.pk}&to={second.pk}", "article-compare"),
        (reverse("admin:reviews_freshness"), "freshness"),
        (reverse("admin:reviews_medicalreview_changelist"), "review-list"),
        (reverse("admin:reviews_reviewnote_add"), "review-note-add"),
    ]:
        check_serious(f"{base}{url}", name)

    # A draft of the live article, sent for review: the desk, the draft pages, the decision.
    from articles.drafts import save_draft
    from reviews.models import SignOff

    article.body += "<p>Drafted advice.</p>"
    draft = save_draft(article, tags=None, related=None, editor=None, change_note="Drafted.",
                       based_on=article.version)  # fmt: skip
    sign_off = SignOff.objects.create(article=article, reviewer=clinician, snapshot=draft.snapshot)
    for url, name in [
        (reverse("admin:reviews_desk"), "desk"),
        (reverse("admin:articles_article_draft_changes", args=[article.pk]), "draft-changes"),
        (reverse("admin:articles_article_draft_preview", args=[article.pk]), "draft-preview"),
        (reverse("admin:articles_article_change", args=[article.pk]), "article-change-draft"),
    ]:
        check_serious(f"{base}{url}", name)
    page.goto(f"{base}{reverse('admin:articles_article_changelist')}")
    page.check(f"input[name=_selected_action][value='{article.pk}']")
    page.select_option("select[name=action]", "archive")
    page.click("button[name=index]")
    page.wait_for_selector("text=Yes, archive 1 article")
    assert not serious_violations(page), "archive confirmation"

    page.context.clear_cookies()
    log_in(page, base, "drmaya", PASSWORD)
    check_serious(f"{base}{reverse('admin:reviews_medicalreview_add')}", "review-add")
    check_serious(f"{base}{reverse('admin:reviews_signoff_decide', args=[sign_off.pk])}", "decide")
