"""In a real browser: autosaved work is offered back after a reload, and a clinician's
sign-off gates a change to a reviewed article until they approve it, logged in as themselves."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.dateformat import format as date_format

from articles.models import Author, Autosave
from tests.browser import add_paragraph_in_editor, log_in, screenshot
from tests.factories import PASSWORD, make_article, make_review, make_tag, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_typed_and_abandoned_text_is_offered_back(live_server, browser_page, author):
    page, base = browser_page, live_server.url
    make_user("editor", groups=["Editors"], staff=True)
    article = make_article(author, title="Is a nap good for you?", tags=[make_tag("Sleep")])
    log_in(page, base, "editor", PASSWORD)
    change = f"{base}/admin/articles/article/{article.pk}/change/"
    page.goto(change)
    add_paragraph_in_editor(page, "Twenty minutes refreshes without grogginess.")
    page.fill("#id_title", "Is a short nap good for you?")
    page.wait_for_selector(".autosave-status:has-text('kept for you')", timeout=20_000)
    for _ in range(100):  # until the last keystrokes are kept too (saves come every 5 s)
        kept = Autosave.objects.filter(article=article).first()
        if kept and "Twenty minutes" in kept.data["body"][0] and "short" in kept.data["title"][0]:
            break
        page.wait_for_timeout(200)
    page.goto(change)  # the tab is gone; the editor comes back
    assert page.input_value("#id_title") == "Is a nap good for you?"
    offer = page.inner_text(".autosave-offer")
    assert "Restore your unsaved changes from" in offer
    screenshot(page, "desk-01-autosave-offer")
    page.click("[data-autosave-restore]")
    assert page.input_value("#id_title") == "Is a short nap good for you?"
    body = page.frame_locator("iframe.cke_wysiwyg_frame").locator("body").inner_text()
    assert "Twenty minutes refreshes" in body
    article.refresh_from_db()
    assert article.title == "Is a nap good for you?"  # nothing was saved or published
    assert article.revisions.count() == 1


def test_a_change_waits_for_the_named_clinicians_approval(
    live_server, browser_page, author, settings
):
    settings.MEDICAL_SIGNOFF_REQUIRED = True
    page, base = browser_page, live_server.url
    make_user("editor", groups=["Editors"], staff=True)
    doctor = make_user("drmaya", groups=["Medical reviewers"], staff=True)
    doctor.email = "maya@example.org"
    doctor.save()
    clinician = Author.objects.create(name="Maya Okafor", slug="maya-okafor", credentials="MD",
                                      short_bio="A GP.", user=doctor)  # fmt: skip
    article = make_article(author, title="Do you need a tetanus booster?", reviewer=clinician,
                           published_at=timezone.now() - timedelta(days=400))  # fmt: skip
    make_review(article, clinician, on=timezone.localdate() - timedelta(days=300))

    log_in(page, base, "editor", PASSWORD)
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    add_paragraph_in_editor(page, "After a deep wound, ask about a booster.")
    page.fill("#id_change_note", "Added advice on wounds.")
    page.click("input[name=_draft]")
    page.wait_for_selector(".draft-notice strong")
    page.goto(f"{base}{article.get_absolute_url()}")
    assert "deep wound" not in page.inner_text(".article__body")  # readers: the live version
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    page.click("text=Send for medical review")
    page.wait_for_selector(".messagelist .success")
    page.click("input[name=_save]")  # publish without approval
    assert "needs the clinician" in page.inner_text(".errorlist.nonfield")
    screenshot(page, "desk-02-refused")

    page.context.clear_cookies()
    log_in(page, base, "drmaya", PASSWORD)
    page.goto(f"{base}/admin/")
    page.click("#editors-desk >> text=Waiting for my review")
    page.click("#waiting + ul a")
    page.check("input[value=approve]")
    page.fill("textarea[name=note]", "Matches the guideline.")
    screenshot(page, "desk-03-approve")
    page.click("text=Record my decision")
    page.wait_for_selector(".messagelist .success")

    page.context.clear_cookies()
    log_in(page, base, "editor", PASSWORD)
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    page.goto(f"{base}{article.get_absolute_url()}")
    line = page.inner_text(".article__review")
    today = date_format(timezone.localdate(), "j F Y")
    assert "Maya Okafor, MD" in line and f"on {today}" in line
    assert "deep wound" in page.inner_text(".article__body")
    screenshot(page, "desk-04-published")
