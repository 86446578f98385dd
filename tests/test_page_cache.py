"""The whole-page cache for anonymous readers (core/page_cache.py): what is kept, and that every
change purges exactly the pages that show it, at once."""

import time
from datetime import timedelta

import pytest
import redis
from django.core.cache import cache
from django.utils import timezone
from freezegun import freeze_time

from articles.models import Article, Author, Page, Tag
from articles.revisions import save_article
from comments import moderation
from comments.models import Comment, ModerationSettings
from core import kept_entries, kept_pages, page_cache
from tests.factories import make_article, make_comment, make_review, make_tag, make_user

REDIS_URL = "redis://127.0.0.1:6379/9"  # a database of its own, emptied first


@pytest.fixture(autouse=True, params=["local memory", "redis"])
def page_cache_on(request, settings):
    """Every test runs with the local-memory cache of development and tests (entries read in two
    round trips) and with Redis, as in production (one round trip: a script compares stamps)."""
    settings.PAGE_CACHE = True
    if request.param == "redis":
        try:
            redis.Redis.from_url(REDIS_URL).flushdb()
        except redis.RedisError:
            pytest.skip("Redis is not running")
        settings.CACHES = {"default": {"BACKEND": "config.cache.FailoverRedisCache",
                                       "LOCATION": REDIS_URL}}  # fmt: skip
    return request.param


def fetch(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.headers.get("X-Page-Cache")


def warm(client, *urls):
    """Load each page twice: the second answer must come from the cache."""
    for url in urls:
        assert fetch(client, url)[0].status_code == 200
        assert fetch(client, url)[1] == "hit", url


def state(client, url):
    return fetch(client, url)[1]


@pytest.fixture
def site(author, db):
    """Two topics, three articles, a second author, and every page warmed."""
    sleep, diet = make_tag("Sleep"), make_tag("Diet")
    other = Author.objects.create(name="Omar Haddad", slug="omar-haddad")
    pages = {
        "napping": make_article(author, title="Is napping good for you?", tags=[sleep]),
        "fibre": make_article(other, title="How much fibre is enough?", tags=[diet]),
        "caffeine": make_article(other, title="When should I stop coffee?", tags=[diet]),
    }
    return {"sleep": sleep, "diet": diet, "other": other, **pages}


def urls(site, author):
    return {
        "home": "/",
        "napping": site["napping"].get_absolute_url(),
        "fibre": site["fibre"].get_absolute_url(),
        "caffeine": site["caffeine"].get_absolute_url(),
        "sleep": site["sleep"].get_absolute_url(),
        "diet": site["diet"].get_absolute_url(),
        "author": author.get_absolute_url(),
        "other": site["other"].get_absolute_url(),
        "topics": "/tags/",
    }


def comments_of(response):
    html = response.content.decode()
    return html[html.index('<section id="comments"') : html.index('<div id="comment-form"')]


def purged(client, pages):
    """Which of the warmed pages are rendered afresh on their next request."""
    return {name for name, url in pages.items() if state(client, url) == "miss"}


def test_an_anonymous_page_is_kept_and_served_with_the_same_bytes_and_headers(client, article):
    first, how = fetch(client, article.get_absolute_url())
    assert how == "miss"
    second, how = fetch(client, article.get_absolute_url())
    assert how == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "s-maxage=60" in second["Cache-Control"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["ETag"] and not second.cookies
    again = client.get(article.get_absolute_url(), headers={"If-None-Match": second["ETag"]})
    assert again.status_code == 304


@pytest.fixture
def sent_to_redis(monkeypatch):
    """What is sent to Redis from here on: one item per round trip."""
    sent = []
    send = redis.connection.Connection.send_packed_command

    def counted(self, command, *args, **options):
        sent.append(b"".join(command) if isinstance(command, list) else command)
        return send(self, command, *args, **options)

    monkeypatch.setattr(redis.connection.Connection, "send_packed_command", counted)
    return sent


def test_with_redis_a_kept_page_costs_one_round_trip(client, article, page_cache_on, request):
    if page_cache_on != "redis":
        pytest.skip("local memory has no round trips")
    warm(client, article.get_absolute_url())
    kept_entries.local_entries.clear()  # as in a process that has not read it yet
    sent = request.getfixturevalue("sent_to_redis")
    assert state(client, article.get_absolute_url()) == "hit"
    assert len(sent) == 1  # one pipeline: the script and MGET, sent at once
    redis.Redis.from_url(REDIS_URL).script_flush()  # as after a restart of Redis
    assert state(client, article.get_absolute_url()) == "hit"
    assert not cache.redis_is_down


def test_a_value_replaced_after_its_header_was_checked_is_never_served(page_cache_on):
    """The script and the read of the value are one pipeline, not one transaction: a value is
    used only with the header that was found fresh (another server may rewrite the entry)."""
    if page_cache_on != "redis":
        pytest.skip("local memory reads an entry in one piece")
    started = time.time() - 5
    assert page_cache.keep("entry", "first", ["articles.article:1"], started)
    made = cache.make_key("entry")
    store = redis.Redis.from_url(REDIS_URL)
    first_value = store.get(made + ":value")
    assert page_cache.keep("entry", "second", ["articles.article:1"], started)
    assert page_cache.fetch("entry") == "second"
    store.set(made + ":value", first_value)  # the header is the second entry's, the value not
    kept_entries.local_entries.clear()  # as in another process, which has read neither
    assert page_cache.fetch("entry") is None


def test_an_entry_read_before_costs_one_mget_of_its_stamps(db, page_cache_on, request):
    """Each process holds the entries it read lately: their freshness is still decided in
    Redis on every read (by the stamps they were kept with), and one found stale is read from
    Redis again, where another server may have kept it anew."""
    if page_cache_on != "redis":
        pytest.skip("local memory has no round trips")
    started = time.time() - 5
    assert page_cache.keep("entry", "first", ["articles.article:1"], started)
    sent = request.getfixturevalue("sent_to_redis")
    assert page_cache.fetch("entry") == "first"
    assert len(sent) == 1 and b"MGET" in sent[0] and b"EVALSHA" not in sent[0]
    page_cache.changed("articles.article:1")
    assert page_cache.fetch("entry") is None  # decided in Redis, whatever this process holds
    mine = kept_entries.local_entries.get_many(["entry"])
    assert page_cache.keep("entry", "second", ["articles.article:1"], time.time() + 0.01)
    kept_entries.local_entries.put("entry", mine["entry"])  # "second" came from another server
    assert page_cache.fetch("entry") == "second"
    sent.clear()
    assert page_cache.fetch("entry") == "second" and b"EVALSHA" not in sent[-1]  # held now


def test_an_error_from_redis_renders_the_page_fresh_never_a_server_error(
    client, article, page_cache_on
):
    if page_cache_on != "redis":
        pytest.skip("no script without Redis")
    url = article.get_absolute_url()
    kept_entries.local_entries.clear()
    failing = redis.Redis.from_url(REDIS_URL).script_load("return redis.error_reply('BUSY')")
    kept_entries._script_sha = failing  # as when Redis answers the read with an error
    response, how = fetch(client, url)
    assert response.status_code == 200 and how != "hit"
    assert cache.redis_is_down  # the page cache steps aside for a while
    cache._redis_down_until = 0
    kept_entries._script_sha = None


def test_an_entry_in_another_format_is_a_miss_never_an_error(client, article, page_cache_on):
    """In Redis, which outlives a deploy: e.g. one written by an older release."""
    if page_cache_on != "redis":
        pytest.skip("local memory starts empty with each release")
    key = kept_pages.PageCacheMiddleware.page_key(client.get("/").wsgi_request)
    cache.set(key, {"value": "an old page", "stamps": {}, "valid_until": None})
    kept_entries.local_entries.clear()  # a process of the new release
    assert state(client, "/") == "miss" and state(client, "/") == "hit"
    assert "an old page" not in client.get("/").content.decode()


def test_a_minor_edit_purges_its_own_page_and_the_cards_showing_it_nothing_else(
    client, author, site
):
    pages = urls(site, author)
    warm(client, *pages.values())
    fibre = Article.objects.get(pk=site["fibre"].pk)
    fibre.title = "How much fibre do adults need?"
    save_article(fibre, change_note="", minor=True)
    # Its page, the lists whose cards show it; not the article about sleep, its topic or author.
    assert purged(client, pages) == {"home", "fibre", "diet", "other", "caffeine"}
    # (caffeine lists fibre among its related articles.)
    assert "How much fibre do adults need?" in client.get(pages["home"]).content.decode()


def test_a_substantive_edit_shows_its_note_at_once(client, site, author, editor):
    url = site["napping"].get_absolute_url()
    warm(client, url)
    napping = Article.objects.get(pk=site["napping"].pk)
    napping.body = "<p>Short naps help; long ones can leave you groggy.</p>"
    with freeze_time(timezone.now() + timedelta(days=3)):
        save_article(napping, editor=editor, change_note="Added advice on nap length.")
        assert "Short naps help" in client.get(url).content.decode()


def test_publishing_and_unpublishing_change_the_lists(client, author, site):
    pages = urls(site, author)
    warm(client, *pages.values())
    draft = make_article(author, title="Can you catch up on sleep?", tags=[site["sleep"]],
                         status=Article.Status.DRAFT)  # fmt: skip
    assert purged(client, pages) == set()  # a draft shows nowhere
    warm(client, *pages.values())
    draft.status = Article.Status.PUBLISHED
    save_article(draft, change_note="Published.")
    gone = purged(client, pages)
    assert {"home", "sleep", "author", "topics", "napping"} <= gone
    assert not {"diet", "other"} & gone
    assert "Can you catch up on sleep?" in client.get("/").content.decode()
    draft.status = Article.Status.ARCHIVED
    save_article(draft, change_note="Withdrawn.")
    assert "Can you catch up on sleep?" not in client.get("/").content.decode()


def test_a_scheduled_article_appears_at_its_minute_without_any_save(client, author, site):
    soon = timezone.now() + timedelta(hours=2)
    make_article(author, title="Does a siesta count?", published_at=soon)
    warm(client, "/", site["sleep"].get_absolute_url())
    assert "Does a siesta count?" not in client.get("/").content.decode()
    with freeze_time(soon + timedelta(minutes=1)):
        response, how = fetch(client, "/")
        assert how == "miss" and "Does a siesta count?" in response.content.decode()


def test_author_tag_and_page_changes_purge_the_pages_that_show_them(client, author, site):
    pages = urls(site, author)
    warm(client, *pages.values())
    site["other"].name = "Omar A. Haddad"
    site["other"].save()
    assert purged(client, pages) == {"home", "fibre", "caffeine", "diet", "other"}
    warm(client, *pages.values())
    Tag.objects.filter(pk=site["sleep"].pk).get().save()  # e.g. renamed in the admin
    assert purged(client, pages) == {"home", "napping", "sleep", "author", "topics"}
    disclaimer, _ = Page.objects.get_or_create(slug="disclaimer", defaults={"title": "Disclaimer"})
    warm(client, *pages.values())
    disclaimer.summary = "General information, not medical advice."
    disclaimer.save()
    assert purged(client, pages) == {"napping", "fibre", "caffeine"}
    assert "General information, not medical advice." in client.get(pages["fibre"]).content.decode()


def test_comment_decisions_show_at_once_on_the_cached_page(client, article, moderator):
    url = article.get_absolute_url()
    commenter = make_user("commenter")
    pending = make_comment(article, commenter, "Yawning cools the brain, I read.")
    warm(client, url)
    moderation.moderate(pending, "approve", moderator)
    response, how = fetch(client, url)
    assert how == "miss" and "Yawning cools the brain" in response.content.decode()
    warm(client, url)
    moderation.moderate(pending, "remove", moderator)
    assert "Yawning cools the brain" not in client.get(url).content.decode()


def test_moderation_settings_purge_the_policy_page_and_comment_sections(client, article):
    Page.objects.get_or_create(slug="comments-policy", defaults={"title": "Comments policy"})
    pages = {"policy": "/pages/comments-policy/", "article": article.get_absolute_url(),
             "home": "/"}  # fmt: skip
    warm(client, *pages.values())
    rules = ModerationSettings.current()
    rules.max_length = 1234
    rules.save()
    assert purged(client, pages) == {"policy", "article"}
    assert "and 1234 characters" in client.get(pages["policy"]).content.decode()


def test_a_medical_review_purges_the_article_and_the_reviewers_page(client, article, author):
    reviewer = Author.objects.create(name="Dr Lena Park", slug="lena-park", credentials="MD")
    pages = {"article": article.get_absolute_url(), "reviewer": reviewer.get_absolute_url(),
             "home": "/"}  # fmt: skip
    warm(client, *pages.values())
    make_review(article, reviewer)
    assert purged(client, pages) == {"article", "reviewer"}
    assert "Dr Lena Park" in client.get(pages["article"]).content.decode()


def test_logged_in_readers_previews_and_private_pages_are_never_kept(client, article, editor):
    draft = make_article(article.author, status=Article.Status.DRAFT)
    client.force_login(editor)
    for url in (article.get_absolute_url(), draft.get_absolute_url(), "/account/delete/"):
        assert state(client, url) is None  # not even looked up
        assert state(client, url) is None
    client.logout()
    for _ in range(2):  # a 404 for readers, never kept
        assert client.get(draft.get_absolute_url()).status_code == 404
    # A logged-in visit never left a page behind for anonymous readers.
    assert state(client, article.get_absolute_url()) == "miss"


def test_made_up_query_strings_are_rendered_never_kept(client, article):
    for _ in range(2):
        assert state(client, "/?utm_source=newsletter") is None
    assert state(client, "/?page=1") == "miss"
    assert state(client, "/?page=1") == "hit"


def test_a_page_rendered_while_a_change_commits_is_not_kept(client, article):
    url = article.get_absolute_url()
    started = page_cache.time.time() - 5  # began reading before the change below
    page_cache.changed(article)
    assert not page_cache.keep("page:test", "old", [article], started)
    assert page_cache.keep("page:test", "new", [article], page_cache.time.time() + 1)
    assert page_cache.fetch("page:test") == "new"
    page_cache.changed(article)
    assert page_cache.fetch("page:test") is None
    assert state(client, url) == "miss"


def test_an_evicted_stamp_never_revives_an_old_page(client, article):
    warm(client, article.get_absolute_url())
    cache.delete(page_cache.STAMP_PREFIX + page_cache.key_for(article))  # evicted
    assert state(client, article.get_absolute_url()) == "miss"
    assert state(client, article.get_absolute_url()) == "hit"


def test_while_redis_is_down_pages_are_rendered_fresh_never_kept_locally(
    client, article, dead_redis
):
    # Each process's local stand-in could not hear another server's purge.
    url = article.get_absolute_url()
    for _ in range(3):
        response, how = fetch(client, url)
        assert response.status_code == 200 and how != "hit"
    assert state(client, url) is None


def test_a_change_made_while_redis_was_unreachable_purges_once_it_is_back(
    client, article, page_cache_on
):
    """Its stamps went to this process's stand-in: they are written to Redis before this
    process reads or keeps anything there again, so no server trusts the old page."""
    if page_cache_on != "redis":
        pytest.skip("no outage without Redis")
    url = article.get_absolute_url()
    warm(client, url)
    cache.went_down(OSError("unreachable"))  # as when a call to Redis failed
    article.title = "Changed during the outage"
    save_article(article, change_note="Retitled.")
    assert state(client, url) is None  # rendered fresh, the cache stepped aside
    stamp_key = cache.make_key(page_cache.STAMP_PREFIX + page_cache.key_for(article))
    before = redis.Redis.from_url(REDIS_URL).get(stamp_key)
    cache._redis_down_until = 0  # reachable again
    response, how = fetch(client, url)
    assert how == "miss" and "Changed during the outage" in response.content.decode()
    assert redis.Redis.from_url(REDIS_URL).get(stamp_key) != before  # seen by every server


def test_a_logged_in_reader_reuses_the_shared_threads_until_they_take_part(
    client, article, django_assert_max_num_queries
):
    commenter, reader = make_user("commenter"), make_user("quiet")
    for number in range(30):
        make_comment(article, commenter, f"Comment number {number}.", status="approved")
    client.force_login(reader)
    first = comments_of(client.get(article.get_absolute_url()))
    with django_assert_max_num_queries(30) as captured:
        again = comments_of(client.get(article.get_absolute_url()))
    assert again == first and "Comment number 29." in again and "Flag" in again
    assert not any('"comments_comment"."body"' in q["sql"] for q in captured.captured_queries)
    mine = Comment.objects.create(article=article, author=reader, body="Mine, still pending.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Mine, still pending." in html and "awaiting moderation" in html
    assert mine.pk


def test_purge_page_cache_makes_every_kept_page_stale(client, article):
    from django.core.management import call_command

    warm(client, "/", article.get_absolute_url())
    call_command("purge_page_cache", stdout=None)
    assert state(client, "/") == "miss" and state(client, article.get_absolute_url()) == "miss"


def test_topics_changed_from_either_side_purge_the_topic_and_the_article(client, author, site):
    pages = urls(site, author)
    warm(client, *pages.values())
    site["diet"].articles.add(site["napping"])  # from the topic's side
    assert {"napping", "diet"} <= purged(client, pages)
    assert "Is napping good for you?" in client.get(pages["diet"]).content.decode()


def test_curl_dash_i_gets_the_headers_of_a_public_page(client, article):
    # `curl -I` sends HEAD: public pages answer it with the GET's headers and no body.
    response = client.head(article.get_absolute_url())
    assert response.status_code == 200 and not response.content
    assert "public" in response["Cache-Control"] and response["ETag"] and not response.cookies
