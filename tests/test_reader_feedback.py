"""Reader feedback: "Was this page helpful?" and "Report out-of-date or wrong information" at the
end of every article, private, limited, reaching the reviewer and the freshness dashboard."""

import pytest
from django.core import mail
from django.urls import reverse

from articles.models import Page
from articles.revisions import save_article
from reviews.models import ReaderFeedback
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(article, clinician):
    article.reviewer = clinician
    save_article(article, change_note="Assigned a reviewer.", minor=True)
    return article


def report(client, article, message, **extra):
    url = reverse("reviews:feedback_report", args=[article.slug])
    return client.post(url, {"message": message, **extra}, REMOTE_ADDR="203.0.113.7")


def test_every_article_ends_with_the_feedback_box(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Was this page helpful?" in html
    assert f'action="{reverse("reviews:feedback_helpful", args=[article.slug])}"' in html
    assert "Report out-of-date or wrong information" in html
    assert "csrfmiddlewaretoken" not in html  # the public page stays cacheable


def test_an_anonymous_report_reaches_the_reviewer_and_the_dashboard_never_the_public(
    client, reviewed, clinician, editor
):
    page = client.get(reverse("reviews:feedback_report", args=[reviewed.slug]))
    assert page.status_code == 200 and page["Cache-Control"].startswith("private")
    response = report(client, reviewed, "The dose advice changed in 2024 guidance.")
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    feedback = ReaderFeedback.objects.get()
    assert (feedback.kind, feedback.message) == (
        "report",
        "The dose advice changed in 2024 guidance.",
    )
    assert "203.0.113.7" not in feedback.reader_hash
    [email] = mail.outbox
    assert email.to == [clinician.user.email]
    assert "The dose advice changed" in email.body and reviewed.title in email.subject

    public = client.get(reviewed.get_absolute_url()).content.decode()
    assert "The dose advice changed" not in public

    client.force_login(editor)
    dashboard = client.get(reverse("admin:reviews_freshness")).content.decode()
    assert "Readers reported (1)" in dashboard
    listing = client.get(reverse("admin:reviews_readerfeedback_changelist"),
                         {"article__id__exact": reviewed.pk}).content.decode()  # fmt: skip
    assert "Out-of-date or wrong information" in listing and "Not yet" in listing


def test_the_reviewer_sees_their_articles_feedback_and_marks_it_handled(
    client, reviewed, clinician, author
):
    report(client, reviewed, "Outdated.")
    other = make_article(author, title="Someone else's article")
    report(client, other, "Also outdated.")
    mine, theirs = (
        ReaderFeedback.objects.get(article=reviewed),
        ReaderFeedback.objects.get(article=other),
    )
    client.force_login(clinician.user)
    listing = client.get(reverse("admin:reviews_readerfeedback_changelist")).content.decode()
    assert reviewed.title in listing and other.title not in listing
    foreign = client.get(reverse("admin:reviews_readerfeedback_change", args=[theirs.pk]))
    assert foreign.status_code == 302  # the admin's "does not exist" redirect
    url = reverse("admin:reviews_readerfeedback_change", args=[mine.pk])
    refused = client.post(url, {"resolution": "", "handling_note": ""})
    assert "Choose what was done" in refused.content.decode()
    response = client.post(url, {"resolution": "updated", "handling_note": "New dose table."})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.resolution, mine.handled_by, mine.handling_note) == (
        "updated",
        clinician.user,
        "New dose table.",
    )
    assert mine.handled_at is not None
    reports = client.get(reverse("admin:reviews_freshness")).context["reader_reports"]
    assert [(a.title, a.open_reports, a.reports) for a in reports] == [(reviewed.title, 0, 1)]


def test_helpful_votes_are_counted_on_the_dashboard(client, article, editor):
    url = reverse("reviews:feedback_helpful", args=[article.slug])
    assert client.post(url, {"answer": "yes"}).status_code == 200
    response = client.post(url, {"answer": "no"})
    assert "tell us what" in response.content.decode()
    assert client.post(url, {"answer": "maybe"}).status_code == 400
    assert client.get(url).status_code == 405
    kinds = sorted(ReaderFeedback.objects.values_list("kind", flat=True))
    assert kinds == ["helpful", "not_helpful"]
    client.force_login(editor)
    reports = client.get(reverse("admin:reviews_freshness")).context["reader_reports"]
    assert [(a.helpful, a.not_helpful, a.reports) for a in reports] == [(1, 1, 0)]


def test_the_honeypot_and_the_rate_limit_keep_floods_out(client, article, settings):
    settings.FEEDBACK_RATE_LIMIT = 3
    assert report(client, article, "spam", website="http://spam.example").status_code == 200
    assert not ReaderFeedback.objects.exists()  # the bot is thanked; nothing is kept
    for _ in range(3):
        assert report(client, article, "Outdated.").status_code == 200
    refused = report(client, article, "Outdated again.")
    assert refused.status_code == 429 and "try again" in refused.content.decode()
    assert ReaderFeedback.objects.count() == 3


def test_bad_input_is_a_clear_message_and_nothing_is_kept(client, article):
    response = report(client, article, "  \x01\x02 ")
    assert response.status_code == 400
    assert "Tell us what is out of date or wrong." in response.content.decode()
    assert not ReaderFeedback.objects.exists()
    unknown = client.post(reverse("reviews:feedback_report", args=["no-such-article"]), {})
    assert unknown.status_code == 404


def test_readers_and_public_pages_never_see_feedback(client, article, reader):
    report(client, article, "A private remark.")
    client.force_login(reader)
    assert client.get(reverse("admin:reviews_readerfeedback_changelist")).status_code == 302
    assert "A private remark." not in client.get(article.get_absolute_url()).content.decode()


def test_the_privacy_page_says_what_feedback_keeps(client):
    assert "If you send feedback on an article" in Page.objects.get(slug="privacy").body
    html = client.get(reverse("articles:page_detail", args=["privacy"])).content.decode()
    assert "one-way code made from your network address and the date" in html


def test_a_report_on_an_article_without_a_reviewer_still_reaches_the_dashboard(client, article):
    make_user("chief", staff=True, superuser=True)
    report(client, article, "Outdated.")
    assert mail.outbox == [] and ReaderFeedback.objects.open_reports().count() == 1


def test_the_dashboard_and_feedback_list_query_counts_do_not_grow(
    client, editor, author, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.models import Source

    def add(count):
        for _ in range(count):
            article = make_article(author, body="<p>[1]</p>")
            save_article(article, change_note="Cited.", sources=[
                {"kind": "trial", "title": "T", "url": f"https://example.org/{article.pk}",
                 "doi": f"10.1000/{article.pk}"}])  # fmt: skip
            ReaderFeedback.objects.create(article=article, kind="report", message="Old.")
            ReaderFeedback.objects.create(article=article, kind="helpful")
        Source.objects.update(link_status="broken", standing="retracted")

    client.force_login(editor)
    pages = [reverse("admin:reviews_freshness"), reverse("admin:reviews_readerfeedback_changelist")]
    add(2)
    few = []
    for url in pages:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        few.append(len(captured))
    add(20)
    for url, count in zip(pages, few, strict=True):
        with django_assert_max_num_queries(count):
            html = client.get(url).content.decode()
        assert html.count("Old.") <= 100
    reports = client.get(pages[0]).context["source_problems"]
    assert len(reports) == 22 * 2  # each source broken and retracted, with its one article
