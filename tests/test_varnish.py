"""The shipped Varnish configuration (deploy/varnish/default.vcl) in front of the site: what it
keeps, what it passes, how many entries odd spellings of one address make, and purges by tag."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.publishing import announce_publication
from articles.revisions import save_article
from comments import moderation
from comments.models import Comment
from tests.factories import make_article

pytestmark = [pytest.mark.varnish, pytest.mark.django_db(transaction=True)]


def test_the_second_anonymous_request_for_an_article_is_a_hit(varnish, article):
    first = varnish.get(article.get_absolute_url())
    second = varnish.get(article.get_absolute_url())

    assert first.status == second.status == 200
    assert "Why do we yawn?" in second.text
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("MISS", "HIT")
    assert len(second.headers["X-Varnish"].split()) == 2  # this request and the one it reused
    assert second.body == first.body
    assert "xkey" not in second.headers  # Varnish's index stays internal


def test_browsers_revalidate_kept_pages_with_their_etag(varnish, article):
    first = varnish.get(article.get_absolute_url())

    again = varnish.get(article.get_absolute_url(), {"If-None-Match": first.headers["ETag"]})

    assert (again.status, again.headers["X-Cache"], again.body) == (304, "HIT", b"")
    assert "max-age=0" in first.headers["Cache-Control"]


def test_a_logged_in_reader_is_never_served_from_the_cache(varnish, article, client, reader):
    varnish.get(article.get_absolute_url())  # kept for anonymous readers
    client.force_login(reader)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    for _ in range(2):
        page = varnish.get(article.get_absolute_url(), {"Cookie": f"_ga=1; {cookie}"})
        assert page.headers["X-Cache"] == "PASS"
        assert reader.username in page.text
        assert "no-store" in page.headers["Cache-Control"]
    assert reader.username not in varnish.get(article.get_absolute_url()).text


def test_other_cookies_are_dropped_and_the_page_is_shared(varnish, article):
    varnish.get(article.get_absolute_url())

    page = varnish.get(article.get_absolute_url(), {"Cookie": "_ga=GA1.2.3; csrftoken=x"})

    assert page.headers["X-Cache"] == "HIT"


def test_spellings_of_one_page_share_one_cache_entry(varnish, article):
    varnish.get("/", host="localhost")
    varnish.get("/")
    varnish.get(article.get_absolute_url())
    kept = varnish.objects()
    fetched = varnish.backend_requests()

    for address in (
        "/?page=1",
        "/?page=01",
        "/?page=001",
        "/?page=%31",
        "/?page=1&page=1",
        "/?page=1&page=01",
        "/?utm_source=news&utm_medium=email&fbclid=abc&gclid=x",
        "/?page=1&utm_campaign=spring",
        "/?whatever=1",
        article.get_absolute_url() + "?comments-page=1",
        article.get_absolute_url() + "?comments-page=0001&utm_source=x",
    ):
        page = varnish.get(address)
        assert (address, page.status, page.headers["X-Cache"]) == (address, 200, "HIT")
    for host in ("LOCALHOST", "localhost:1", "localhost:65000", "localhost."):
        page = varnish.get("/", host=host)
        assert (host, page.status, page.headers["X-Cache"]) == (host, 200, "HIT")

    assert varnish.objects() == kept
    assert varnish.backend_requests() == fetched


def test_page_numbers_that_are_not_numbers_go_through_and_are_never_kept(varnish, article):
    varnish.get("/")
    kept = varnish.objects()

    for address in (
        "/?page=x",
        "/?page=",
        "/?page=1x",
        "/?page=%32%",
        "/?page=-1",
        "/?page=2&page=3",
    ):
        page = varnish.get(address)
        assert (address, page.headers["X-Cache"]) == (address, "PASS")
        assert page.status == 404
    for number in range(2, 12):  # past the last page: the app's 404, not kept
        assert varnish.get(f"/?page={number}").status == 404

    wait_until(lambda: varnish.objects() == kept, seconds=5)  # none outlives its request


def test_searches_and_reply_forms_go_through_uncached(varnish, article):
    for address in ("/search/?q=yawn", article.get_absolute_url() + "?replyto=1"):
        varnish.get(address)
        page = varnish.get(address)
        assert (address, page.status, page.headers["X-Cache"]) == (address, 200, "PASS")


def test_private_areas_and_changes_go_through(varnish, article):
    login = varnish.get("/accounts/login/?next=/")
    assert login.headers["X-Cache"] == "PASS"
    assert "csrftoken" in login.headers.get("Set-Cookie", "")
    assert varnish.get("/accounts/login/?next=/").headers["X-Cache"] == "PASS"


def test_purge_needs_a_purger_and_names_tags(varnish, article):
    assert varnish.request("PURGE", "/").status == 400
    assert varnish.purge("no-such-tag").status == 200


@pytest.fixture
def fake_app():
    from tests.varnish import FakeApp

    app = FakeApp(max_age=1)
    yield app
    app.stop()


@pytest.fixture
def varnish_before_fake_app(fake_app):
    from tests.varnish import started_varnish

    running = started_varnish("127.0.0.1", fake_app.port)
    yield running
    running.close()


def wait_until(condition, seconds=10):
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_purge_removes_exactly_the_tagged_pages(varnish_before_fake_app, fake_app):
    varnish = varnish_before_fake_app
    fake_app.max_age = 3600
    for path in ("/a", "/b", "/c"):
        varnish.get(path)

    purged = varnish.purge("a", "c")

    assert purged.status == 200
    assert [varnish.get(path).text for path in ("/a", "/b", "/c")] == [
        "/a rendering 2",
        "/b rendering 1",
        "/c rendering 2",
    ]


def test_purges_are_refused_to_anyone_but_the_app_servers(varnish_before_fake_app, fake_app):
    varnish = varnish_before_fake_app
    varnish.get("/a")
    acl = 'acl purgers {\n    "192.0.2.1";\n}'
    vcl = varnish.folder / "default.vcl"
    text = vcl.read_text()
    start = text.index("acl purgers {")
    vcl.write_text(text[:start] + acl + text[text.index("}", start) + 1 :])
    varnish.stop()
    varnish.start()
    varnish.get("/a")

    assert varnish.purge("a").status == 403
    assert varnish.get("/a").headers["X-Cache"] == "HIT"


def test_a_soft_purged_page_is_never_served_while_the_app_is_up(varnish_before_fake_app, fake_app):
    varnish = varnish_before_fake_app
    fake_app.max_age = 3600
    varnish.get("/a")

    varnish.purge("a", soft=True)

    assert varnish.get("/a").text == "/a rendering 2"


def test_stale_pages_are_served_while_the_app_fails_never_purged_ones(
    varnish_before_fake_app, fake_app
):
    import time

    varnish = varnish_before_fake_app
    assert varnish.get("/a").text == "/a rendering 1"
    assert varnish.get("/b").text == "/b rendering 1"
    time.sleep(1.2)  # both pages are past their s-maxage

    fake_app.failing = True  # answers, with errors (its probe still passes)
    assert varnish.get("/a").text == "/a rendering 1"

    fake_app.stop()  # down: the probe sees it
    wait_until(lambda: not varnish.backend_healthy())
    varnish.purge("b")
    assert (varnish.get("/a").status, varnish.get("/a").text) == (200, "/a rendering 1")
    assert varnish.get("/b").status == 503  # purged: gone, not served stale


# Changes purge through Varnish (the app's purge task, run at once by the tests' task backend).


@pytest.fixture
def purging(varnish, settings):
    settings.CACHE_PURGE = ["varnish"]
    settings.VARNISH_PURGE_URL = [varnish.url]
    return varnish


def test_an_article_names_what_it_shows_in_its_cache_tags(purging, article):
    page = purging.get(article.get_absolute_url())

    tags = page.headers["Surrogate-Key"].split()
    tag = article.tags.get()
    for name in (f"article-{article.pk}", f"author-{article.author_id}", f"tag-{tag.pk}"):
        assert name in tags
    assert page.headers["Cache-Tag"].split(",") == tags
    assert "s-maxage=86400" in page.headers["Cache-Control"]


def test_an_edit_shows_through_varnish_at_once(purging, article):
    purging.get("/")
    purging.get(article.get_absolute_url())
    article.title = "Why do we yawn so much?"

    save_article(article, change_note="Sharper title")

    for address in (article.get_absolute_url(), "/"):
        page = purging.get(address)
        assert (address, page.headers["X-Cache"]) == (address, "MISS")
        assert "Why do we yawn so much?" in page.text


def test_an_approved_comment_shows_through_varnish_at_once(purging, article, moderator, reader):
    comment = Comment.objects.create(
        article=article, author=reader, body="Yawning cools the brain.", status="pending"
    )
    assert "Yawning cools the brain." not in purging.get(article.get_absolute_url()).text

    moderation.moderate(comment, "approve", moderator)

    assert "Yawning cools the brain." in purging.get(article.get_absolute_url()).text


def test_an_archived_article_leaves_varnish_at_once(purging, article, superuser, client):
    assert purging.get(article.get_absolute_url()).status == 200
    assert "Why do we yawn?" in purging.get("/").text
    # A superuser: live-server tests empty the tables, the migrations' groups and permissions too.
    client.force_login(superuser)

    client.post(  # the confirmation's "Yes, archive it"
        reverse("admin:articles_article_changelist"),
        {"action": "archive", "_selected_action": [article.pk], "post": "yes"},
    )

    article.refresh_from_db()
    assert article.status == "archived"

    gone = purging.get(article.get_absolute_url())
    assert (gone.status, gone.headers["X-Cache"]) == (410, "PASS")
    assert "This article has been withdrawn" in gone.text
    assert "Why do we yawn?" not in purging.get("/").text


def test_a_scheduled_article_shows_through_varnish_when_it_goes_live(purging, author):
    soon = make_article(
        author, title="Does cold air cause colds?", published_at=timezone.now() + timedelta(hours=1)
    )
    assert "Does cold air cause colds?" not in purging.get("/").text
    # Its minute comes; the worker runs the announcement queued for it.
    Article.objects.filter(pk=soon.pk).update(published_at=timezone.now() - timedelta(seconds=1))

    announce_publication.call(soon.pk)

    assert "Does cold air cause colds?" in purging.get("/").text
    assert purging.get(soon.get_absolute_url()).status == 200


def test_an_edit_made_while_varnish_was_stopped_shows_once_it_is_back(purging, article):
    purging.get(article.get_absolute_url())
    purging.stop()
    article.title = "Why do we yawn so much?"

    save_article(article, change_note="Sharper title")  # the purge fails: Varnish is down
    purging.start()

    assert "Why do we yawn so much?" in purging.get(article.get_absolute_url()).text


def test_a_purge_varnish_could_not_take_is_retried_by_the_worker(purging, settings, article):
    """Varnish up but out of the worker's reach during the save (a network cut): its copy stays
    until the worker's retry gets through."""
    from django.core.management import call_command

    from tests.varnish import free_port

    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "email", "purge"],
        }
    }
    settings.VARNISH_PURGE_URL = [f"http://127.0.0.1:{free_port()}"]  # nothing listens there
    settings.CACHE_PURGE_TIMEOUT = 1

    def work():
        call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)

    purging.get(article.get_absolute_url())
    article.title = "Why do we yawn so much?"
    save_article(article, change_note="Sharper title")
    work()  # the first attempt fails
    assert "Why do we yawn so much?" not in purging.get(article.get_absolute_url()).text

    settings.VARNISH_PURGE_URL = [purging.url]  # reachable again
    wait_until(lambda: work() or "so much" in purging.get(article.get_absolute_url()).text)
