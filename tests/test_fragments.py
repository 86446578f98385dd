"""Fragments (core/fragments.py): rendered once per change, shared by every server, never stale
after a change commits, whatever the cache did meanwhile. Each test runs with the local-memory
cache of development and tests and with Redis, as in production."""

import pytest
from django.core.cache import cache

from articles.revisions import save_article
from core import cache_tags, fragments
from tests.factories import make_article


@pytest.fixture(autouse=True, params=["local memory", "redis"])
def backend(request):
    if request.param == "redis":
        return request.getfixturevalue("redis_cache")
    return None


class FakeRequest:
    method = "GET"


def test_a_fragment_is_rendered_once_until_a_tag_it_is_read_by_changes(db):
    rendered = []

    def render():
        rendered.append(1)
        cache_tags.add(request, "article-7")
        return f"version {len(rendered)}"

    request = FakeRequest()
    assert fragments.cached(request, "card:7", ["article-7"], render) == "version 1"
    assert fragments.cached(FakeRequest(), "card:7", ["article-7"], render) == "version 1"
    cache_tags.changed("article-8")  # another article
    assert fragments.cached(FakeRequest(), "card:7", ["article-7"], render) == "version 1"
    cache_tags.changed("article-7")
    assert fragments.cached(FakeRequest(), "card:7", ["article-7"], render) == "version 2"


def test_a_value_kept_in_the_process_too_is_read_again_once_its_tags_change(db):
    """``cached_here`` (the moderation rules every post reads): kept in the process's memory
    under the same versioned key, so a change shows at once there too, and a cache emptied
    meanwhile changes nothing."""
    rendered = []

    def render():
        rendered.append(1)
        return f"rules {len(rendered)}"

    assert fragments.cached_here(FakeRequest(), "rules", ["settings"], render) == "rules 1"
    cache.clear()
    assert fragments.cached_here(FakeRequest(), "rules", ["settings"], render) == "rules 1"
    cache_tags.changed("settings")
    assert fragments.cached_here(FakeRequest(), "rules", ["settings"], render) == "rules 2"
    assert fragments.cached_here(FakeRequest(), "rules", ["settings"], render) == "rules 2"
    assert len(rendered) == 2


def test_a_kept_fragment_adds_its_tags_to_the_page(db):
    def render():
        cache_tags.add(first, "article-7", "author-2")
        return "card"

    first, second = FakeRequest(), FakeRequest()
    fragments.cached(first, "card:7", ["article-7"], render)
    fragments.cached(second, "card:7", ["article-7"], render)
    assert cache_tags.of(first) == cache_tags.of(second) == {"article-7", "author-2"}


def test_fragments_named_before_the_first_are_read_with_it_in_one_cache_read(db, cache_reads):
    fragments.cached(FakeRequest(), "card:7", ["article-7"], lambda: "card 7")
    fragments.cached(FakeRequest(), "card:8", ["article-8"], lambda: "card 8")
    reads = cache_reads
    reads.clear()
    request = FakeRequest()
    named = [("card:7", ["article-7"]), ("card:8", ["article-8"]), ("card:9", ["article-9"])]
    fragments.prefetch(request, [], named)
    assert fragments.cached(request, "card:7", ["article-7"], lambda: "new") == "card 7"
    assert fragments.cached(request, "card:9", ["article-9"], lambda: "card 9") == "card 9"
    cache_tags.changed("article-8")  # after the read: this request shows what it read before
    assert fragments.cached(request, "card:8", ["article-8"], lambda: "new") == "card 8"
    assert len(reads) == 1
    # The next request reads afresh.
    assert fragments.cached(FakeRequest(), "card:8", ["article-8"], lambda: "new") == "new"


def test_a_fragment_rendered_while_a_change_commits_is_never_used_after_it(db):
    """It is stored under the generations read before rendering, which the change moved on."""

    def render_during_change():
        cache_tags.changed("article-7")  # commits while this renders from the old rows
        return "old rows"

    assert fragments.cached(FakeRequest(), "card:7", ["article-7"], render_during_change)
    assert fragments.cached(FakeRequest(), "card:7", ["article-7"], lambda: "new") == "new"


def test_a_change_made_while_redis_was_down_shows_once_it_is_back(client, article, backend):
    """The change's generation is written in the database with the change, not in Redis."""
    url = article.get_absolute_url()
    assert "Why do we yawn?" in client.get(url).content.decode()  # kept in the cache
    if backend is not None:
        cache.went_down(ConnectionError("Redis stopped"))
    article.title = "Why do people yawn?"
    save_article(article, change_note="", minor=True)  # e.g. from import_wxr, then it exits
    assert "Why do people yawn?" in client.get(url).content.decode()  # stand-in, meanwhile
    if backend is not None:
        cache._redis_down_until = 0  # Redis is back, with the fragment from before the change
    assert "Why do people yawn?" in client.get(url).content.decode()


def test_odd_page_numbers_and_hosts_add_no_fragments(client, author, backend, settings):
    if backend is None:
        pytest.skip("counts keys in Redis")
    for number in range(3):
        make_article(author, title=f"Article {number}")
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    assert client.get("/").status_code == 200
    before = len(list(backend.scan_iter(match=f"{prefix}:*")))
    for query in ("?page=01", "?page=001", "?page=%31", "?page=1&page=1", "?page=x", "?page=0",
                  "?page=99", "?utm_source=mail", "?page=1%20"):  # fmt: skip
        assert client.get("/" + query).status_code in (200, 404), query
    for host in ("testserver:8080", "localhost:1", "evil.example"):
        assert client.get("/", headers={"Host": host}).status_code in (200, 400)
    assert len(list(backend.scan_iter(match=f"{prefix}:*"))) == before


def test_the_article_page_shows_every_change_with_redis_too(client, author, editor, backend):
    article = make_article(author, title="Is napping good for you?")
    url = article.get_absolute_url()
    assert "Is napping good for you?" in client.get(url).content.decode()
    article.body = "<p>Naps of twenty minutes help most adults.</p>"
    save_article(article, editor=editor, change_note="Added advice on nap length.")
    page = client.get(url).content.decode()
    assert "Naps of twenty minutes" in page and "Added advice on nap length." in page
