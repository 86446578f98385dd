""" "Scheduled" is a status of its own: chosen in the admin, filtered in the list, public at its
minute whatever the task queue does, and marked published by the announcement task."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from articles.models import Article
from articles.publishing import announce_publication
from tests.factories import make_article
from tests.test_admin_articles import change_url, form_data

pytestmark = pytest.mark.django_db


def at(moment):
    local = timezone.localtime(moment)
    return {"published_at_0": f"{local:%Y-%m-%d}", "published_at_1": f"{local:%H:%M:%S}"}


def test_an_editor_schedules_an_article_and_finds_it_under_its_own_filter(client, editor, article):
    moment = (timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    client.force_login(editor)
    response = client.post(
        change_url(article), form_data(article, status="scheduled", **at(moment))
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "scheduled" and article.published_at == moment
    changelist = reverse("admin:articles_article_changelist")
    listed = client.get(changelist, {"status__exact": "scheduled"}).content.decode()
    assert article.title in listed and "Scheduled for" in listed
    assert (
        article.title not in client.get(changelist, {"status__exact": "published"}).content.decode()
    )
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_scheduled_needs_a_future_time_and_nothing_is_saved_without_one(client, editor, article):
    client.force_login(editor)
    past = timezone.now() - timedelta(days=1)
    response = client.post(change_url(article), form_data(article, status="scheduled", **at(past)))
    assert response.status_code == 200
    assert "needs a publication time in the future" in response.content.decode()
    article.refresh_from_db()
    assert article.status == "published" and article.revisions.count() == 1


def test_published_with_a_future_time_is_scheduled(client, editor, article):
    client.force_login(editor)
    moment = timezone.now() + timedelta(hours=3)
    client.post(change_url(article), form_data(article, **at(moment)))
    article.refresh_from_db()
    assert article.status == "scheduled"


def test_the_announcement_marks_it_published_at_its_minute_and_readers_never_wait(client, author):
    moment = timezone.now().replace(microsecond=0) + timedelta(hours=1)
    article = make_article(author, title="Tomorrow's news", published_at=moment)
    assert article.status == "scheduled" and article.revisions.count() == 1
    with freeze_time(moment - timedelta(minutes=1)):
        assert announce_publication.call(article.pk) is False
        assert client.get("/feed/").content.decode().count("Tomorrow's news") == 0
    with freeze_time(moment + timedelta(minutes=1)):
        # Before the task ran: public already, in the feed and the sitemap.
        assert article.title in client.get("/feed/").content.decode()
        assert article.get_absolute_url() in client.get("/sitemap.xml").content.decode()
        assert announce_publication.call(article.pk) is True
        assert Article.objects.published().filter(pk=article.pk).exists()
    article.refresh_from_db()
    assert article.status == "published" and article.revisions.count() == 1
