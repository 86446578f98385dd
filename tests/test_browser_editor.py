"""In a real browser: an editor changes an article body in CKEditor and readers see it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.dateformat import format as date_format

from tests.browser import add_paragraph_in_editor, screenshot
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
    add_paragraph_in_editor(page, "Hot weather and exercise raise the need for fluids.")
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


def test_an_editor_cites_a_source_from_the_toolbar_and_adds_it_by_doi(
    live_server, browser_page, author, settings
):
    """The toolbar's "Cite a source" inserts [1]; the Sources inline fills the title from a
    (fake) Crossref as the DOI is typed; the saved article lists the source."""
    import re

    from playwright.sync_api import expect

    from tests.fake_services import fake_web

    page = browser_page
    make_user("editor", groups=["Editors"], staff=True)
    article = make_article(author, title="Rain and knees", body="<p>Rain does not matter.</p>")
    with fake_web() as web:
        settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
        settings.CROSSREF_API_URL = web.url
        web.json("/works/10.1136/bmj.j5326", {"message": {
            "title": ["Association between rainfall and diagnoses of joint or back pain"],
            "author": [{"given": "Anupam B", "family": "Jena"}], "container-title": ["BMJ"],
            "issued": {"date-parts": [[2017]]}}})  # fmt: skip
        page.goto(f"{live_server.url}/admin/")
        page.fill("#id_login", "editor")
        page.fill("#id_password", PASSWORD)
        page.click("main form button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
        editor_body = page.frame_locator("iframe.cke_wysiwyg_frame").locator("body")
        editor_body.click()
        page.keyboard.press("Control+End")
        page.once("dialog", lambda dialog: dialog.accept("1"))
        page.click("a.cke_button__citation")
        page.click("#sources-group .add-row a")
        page.fill("#id_sources-0-doi", "10.1136/bmj.j5326")
        page.press("#id_sources-0-doi", "Tab")
        expect(page.locator("#id_sources-0-title")).to_have_value(re.compile("^Association"))
        assert page.input_value("#id_sources-0-publisher") == "BMJ"
        page.select_option("#id_sources-0-kind", "observational")
        page.fill("#id_change_note", "Added the evidence.")
        page.click("input[name=_save]")
        page.wait_for_selector(".messagelist .success")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert '<sup class="citation"><a href="#source-1">' in page.inner_html(".article__body")
    assert "Observational study:" in page.inner_text(".sources")
