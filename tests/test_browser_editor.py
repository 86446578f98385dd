"""In a real browser: an editor changes an article body in CKEditor and readers see it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.dateformat import format as date_format

from tests.browser import screenshot
from tests.factories import PASSWORD, make_article, make_tag, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_editor_updates_an_article_in_ckeditor(live_server, browser_page, author):  # noqa: F811
    page = browser_page
    make_user("editor", groups=["Editors"], staff=True)
    article = make_article(
        author,
        title="How much water do you need?",
        body="<p>Most adults drink enough without counting glasses.</p>",
        published_at=timezone.now() - timedelta(days=800),
        tags=[make_tag("Hydration")],
    )

    page.goto(f"{live_server.url}/admin/")  # the site's one login page, then back
    page.fill("#id_login", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    editor_body = page.frame_locator("iframe.cke_wysiwyg_frame").locator("body")
    editor_body.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Hot weather and exercise raise the need for fluids.")
    page.fill("#id_change_note", "Added advice for hot weather.")
    screenshot(page, "editor-01-ckeditor-change")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    screenshot(page, "editor-02-saved")

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    body_text = page.inner_text(".article__body")
    assert "Hot weather and exercise raise the need for fluids." in body_text
    today = date_format(timezone.localtime(), "j F Y")
    assert f"Last updated on {today}" in page.inner_text(".update-line")
    page.click(".update-history summary")
    assert "Added advice for hot weather." in page.inner_text(".update-history")
    screenshot(page, "editor-03-public-page")

    article.refresh_from_db()
    revision = article.revisions.order_by("-number").first()
    assert revision.number == 2 and revision.editor.username == "editor"
    assert not revision.is_minor
