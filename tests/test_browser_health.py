"""In a real browser: a commenter in crisis sees the helplines at once; a claim's author reads
why it waits; the moderator finds the crisis first in the queue, marked urgent, and the claim's
phrases highlighted."""

import pytest
from django.utils import timezone

from comments.models import Comment
from tests.browser import log_in, screenshot
from tests.factories import PASSWORD, make_article, make_tag, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_crisis_and_claim_from_comment_to_queue(live_server, browser_page, author):
    page, base = browser_page, live_server.url
    article = make_article(author, title="Living with back pain", tags=[make_tag("Pain")])
    regular = make_user("regular")
    make_user("moderator", groups=["Moderators"], staff=True)
    Comment.objects.create(article=article, author=make_user("early"), body="Waiting a while.",
                           created_at=timezone.now() - timezone.timedelta(days=1))  # fmt: skip
    Comment.objects.create(article=article, author=regular, body="Earlier.", status="approved")
    url = f"{base}{article.get_absolute_url()}"

    log_in(page, base, "regular", PASSWORD)
    page.goto(url)
    page.fill("#id_body", "Copper bracelets remove the pain instantly, forget the pills.")
    page.click("text=Post comment")
    page.wait_for_load_state()
    assert "makes a claim about a treatment; a moderator will check it" in page.inner_text(
        ".messages"
    )

    page.goto(url)
    page.fill("#id_body", "I can't go on anymore. I've been saving my pills.")
    page.click("text=Post comment")
    page.wait_for_selector("h1:has-text('You are not alone')")
    text = page.inner_text("main")
    assert "Call your local emergency number" in text
    assert "988 Suicide & Crisis Lifeline" in text and "(United States)" in text
    assert "Samaritans" in text and "(UK and Ireland)" in text
    screenshot(page, "health-01-support")

    page.context.clear_cookies()
    log_in(page, base, "moderator", PASSWORD)
    page.goto(f"{base}/moderation/queue/pending/")
    first = page.locator(".mod-item").first
    assert "Urgent: may be a crisis" in first.inner_text()
    assert "saving my pills" in first.inner_text()
    claim = page.locator(".mod-item:not(.mod-item--urgent)", has_text="Copper bracelets")
    assert "Treatment claim" in claim.inner_text()
    marked = claim.locator(".mod-item__body mark").all_inner_texts()
    assert any("Copper bracelets" in phrase for phrase in marked)
    screenshot(page, "health-02-queue")
