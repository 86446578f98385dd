"""A clinician records a medical review in the admin and the public review line changes."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.dateformat import format as date_format

from articles.models import Author
from tests.browser import screenshot
from tests.factories import PASSWORD, make_article, make_review, make_tag, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_reviewer_records_a_review_and_readers_see_it(live_server, browser_page, author):
    page = browser_page
    user = make_user("drhelen", staff=True, groups=["Medical reviewers"])
    clinician = Author.objects.create(
        name="Helen Achterberg", slug="helen-achterberg", credentials="MD",
        short_bio="A GP.", user=user,
    )  # fmt: skip
    article = make_article(
        author, title="Do you need a flu jab every year?", tags=[make_tag("Vaccines")],
        published_at=timezone.now() - timedelta(days=500), reviewer=clinician,
    )  # fmt: skip
    make_review(article, clinician, on=timezone.localdate() - timedelta(days=400))
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    before = page.inner_text(".article__review")
    assert "Helen Achterberg, MD" in before
    updated_before = page.inner_text(".update-line")

    page.goto(f"{live_server.url}/admin/reviews/medicalreview/add/?article={article.pk}")
    page.fill("#id_login", "drhelen")
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_selector("#id_outcome")
    assert "Helen Achterberg, MD" in page.inner_text(".field-reviewer")  # always herself
    page.select_option("#id_outcome", "no_changes")
    page.fill("#id_notes", "Still matches this season's guidance.")
    screenshot(page, "review-01-record")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    after = page.inner_text(".article__review")
    today = date_format(timezone.localdate(), "j F Y")
    assert f"on {today}" in after and after != before
    assert page.inner_text(".update-line") == updated_before  # "last updated" did not move
    screenshot(page, "review-02-public-line")
