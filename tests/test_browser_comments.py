"""In a real browser, the whole comment journey: a reader logs in with "remember me", comments,
replies and flags; a moderator approves one comment and rejects the flagged one; the reader
sees the result."""

import pytest
from django.urls import reverse

from comments.models import Comment, Flag
from tests.browser import screenshot
from tests.factories import PASSWORD, make_article, make_tag, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_reader_and_moderator_journey(live_server, browser_page, author):  # noqa: F811
    page = browser_page
    make_user("reader")
    make_user("moderator", groups=["Moderators"], staff=True)
    claimant = make_user("claimant")
    article = make_article(author, title="Does cold weather cause colds?", tags=[make_tag("Colds")])
    dubious = Comment.objects.create(
        article=article, author=claimant, status="approved",
        body="Zinc lozenges cure every cold overnight, guaranteed.",
    )  # fmt: skip
    url = f"{live_server.url}{article.get_absolute_url()}"

    # The reader meets the gate, follows it to the login page and back, ticking "remember me".
    page.goto(url)
    assert "You must be logged in to post a comment" in page.inner_text("#comment-form")
    page.click("text=Log in to comment")
    page.fill("#id_login", "reader")
    page.fill("#id_password", PASSWORD)
    page.check("#id_remember")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{url}#comment-form")
    session = next(c for c in page.context.cookies() if c["name"] == "sessionid")
    assert session["expires"] > 0  # remembered: outlives the browser

    # Comments (held: a first comment), then replies to the other comment.
    page.fill("#id_body", "Being cold doesn't give you a cold, but winter crowds indoors might.")
    page.click("text=Post comment")
    page.wait_for_selector(".comment__status")
    assert "awaiting moderation" in page.inner_text(".messages")
    screenshot(page, "journey-01-pending")
    page.click(f"#comment-{dubious.pk} >> text=Reply")
    assert "Reply to claimant" in page.inner_text("#comment-form")
    page.fill("#id_body", "Is there a study for that? I couldn't find one.")
    page.click("text=Post comment")
    page.wait_for_load_state()

    # ...and flags the dubious claim as medical misinformation.
    page.goto(url)
    page.click(f"#comment-{dubious.pk} >> text=Flag")
    page.check("input[value=misinformation]")
    page.fill("#id_note", "Presented as a guaranteed cure.")
    page.click("text=Flag comment")
    assert "Thank you" in page.inner_text(".messages")
    assert Flag.objects.get().reason == "misinformation"

    own, reply = Comment.objects.filter(author__username="reader").order_by("pk")
    assert (own.status, reply.status, reply.parent_id) == ("pending", "pending", dubious.pk)

    # A moderator approves the reader's comment and rejects the flagged one.
    moderator_context = page.context.browser.new_context()
    mod = moderator_context.new_page()
    mod.goto(f"{live_server.url}{reverse('account_login')}")
    mod.fill("#id_login", "moderator")
    mod.fill("#id_password", PASSWORD)
    mod.click("main form button[type=submit]")
    mod.wait_for_url(f"{live_server.url}/")
    mod.goto(f"{live_server.url}/moderation/")
    mod.click(f"button[value='{own.pk}:approve']")
    assert "Approved" in mod.inner_text(".messages")
    mod.goto(f"{live_server.url}/moderation/queue/flagged/")
    assert "Medical misinformation" in mod.inner_text("main")
    mod.fill(f"#reason-{dubious.pk}", "States an unproven cure as fact.")
    mod.click(f"button[value='{dubious.pk}:reject']")
    assert "Rejected" in mod.inner_text(".messages")
    screenshot(mod, "journey-02-moderator")
    moderator_context.close()

    # The reader sees the result.
    page.goto(url)
    comments_text = page.inner_text("#comments")
    assert "Being cold doesn't give you a cold" in comments_text
    assert "Zinc lozenges cure every cold" not in comments_text
    assert page.locator(f"#comment-{own.pk} .comment__status").count() == 0
    screenshot(page, "journey-03-result")
    own.refresh_from_db()
    dubious.refresh_from_db()
    assert (own.status, dubious.status) == ("approved", "rejected")
    assert dubious.decision_reason == "States an unproven cure as fact."
