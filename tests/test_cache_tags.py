"""Cache tags on public pages and exact purges at the edge (core/cache_tags.py, core/purge.py):
every public page says what it shows, and every change purges exactly the pages that show it,
once it commits, through the task queue. The edge is a local fake of Fastly's API here (tests
through a real Varnish: tests/test_varnish.py)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, Author, Page
from articles.publishing import announce_publication
from articles.revisions import save_article
from comments import moderation
from comments.models import ModerationSettings
from tests.factories import make_article, make_comment, make_review, make_tag, make_user
from tests.fake_server import fake_server


def tags_of(response):
    return set(response.get("Surrogate-Key", "").split())


@pytest.fixture
def fastly(settings):
    """A fake Fastly purge API as the only edge."""
    with fake_server() as server:
        settings.CACHE_PURGE = ["fastly"]
        settings.FASTLY_API_URL = server.url
        settings.FASTLY_SERVICE_ID = "service-1"
        settings.FASTLY_API_TOKEN = "secret-token"
        yield server


def purged_tags(server):
    return {tag for request in server.requests for tag in request.json()["surrogate_keys"]}


@pytest.fixture
def purges(fastly, django_capture_on_commit_callbacks):
    """``with purges() as purged: <a change>`` then ``purged.tags``: what the edge was told to
    purge once the change committed."""

    class Purged:
        tags = frozenset()

    def run():
        fastly.requests.clear()
        purged = Purged()
        capture = django_capture_on_commit_callbacks(execute=True)

        class Context:
            def __enter__(self):
                capture.__enter__()
                return purged

            def __exit__(self, *exc):
                result = capture.__exit__(*exc)
                purged.tags = frozenset(purged_tags(fastly))
                return result

        return Context()

    return run


@pytest.fixture
def site(author, db):
    """Two topics, three articles, a second author."""
    sleep, diet = make_tag("Sleep"), make_tag("Diet")
    other = Author.objects.create(name="Omar Haddad", slug="omar-haddad")
    return {
        "sleep": sleep,
        "diet": diet,
        "other": other,
        "napping": make_article(author, title="Is napping good for you?", tags=[sleep]),
        "fibre": make_article(other, title="How much fibre is enough?", tags=[diet]),
        "caffeine": make_article(other, title="When should I stop coffee?", tags=[diet]),
    }


def pages_of(site, author):
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
        "feed": "/feed/",
    }


def purged_pages(client, pages, purged):
    """Which pages the edge drops: those tagged with something that was purged."""
    return {name for name, url in pages.items() if tags_of(client.get(url)) & purged.tags}


# -- what a response says ----------------------------------------------------------------------


def test_an_anonymous_article_names_what_it_shows_and_may_be_kept_a_day(client, article):
    comment = make_comment(article, make_user("c1"), "Yawning is contagious.", "approved")
    response = client.get(article.get_absolute_url())
    tags = tags_of(response)
    assert {f"article-{article.pk}", f"author-{article.author_id}", f"comments-{article.pk}",
            "site", *(f"tag-{tag.pk}" for tag in article.tags.all())} <= tags  # fmt: skip
    assert set(response["Cache-Tag"].split(",")) == tags
    assert response["Surrogate-Control"] == "max-age=86400"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "s-maxage=86400"} <= cache_control
    assert not response.cookies and comment.body in response.content.decode()
    again = client.get(article.get_absolute_url(), headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


def test_lists_feeds_and_the_sitemap_are_tagged_too(client, site, author):
    for url in ("/", "/tags/", "/feed/", "/feed/atom/", "/sitemap.xml",
                site["sleep"].get_absolute_url(), author.get_absolute_url()):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert "site" in tags_of(response) and len(tags_of(response)) > 1, url
        assert "s-maxage=86400" in response["Cache-Control"], url


def test_logged_in_previews_and_private_pages_carry_no_tags_and_are_never_kept(
    client, article, editor, author
):
    draft = make_article(author, title="A draft", status=Article.Status.DRAFT)
    client.force_login(editor)
    for url in (article.get_absolute_url(), draft.get_absolute_url(), "/", "/account/"):
        response = client.get(url)
        assert "Surrogate-Key" not in response and "Cache-Tag" not in response, url
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_an_untagged_public_response_is_kept_only_briefly(client, db):
    response = client.get("/robots.txt")
    assert "Surrogate-Key" not in response
    assert "s-maxage=60" in response["Cache-Control"]


def test_a_page_that_changes_by_itself_is_kept_no_longer_than_that(client, author, site):
    soon = timezone.now() + timedelta(minutes=10)
    make_article(author, title="Do naps help night shifts?", published_at=soon)
    max_age = int(client.get("/")["Surrogate-Control"].removeprefix("max-age="))
    assert 0 < max_age <= 600


# -- what a change purges ----------------------------------------------------------------------


def test_a_minor_edit_purges_its_own_page_and_the_cards_showing_it_nothing_else(
    client, author, site, purges
):
    pages = pages_of(site, author)
    article = site["napping"]
    with purges() as purged:
        article.title = "Are naps good for you?"
        save_article(article, change_note="", minor=True)
    assert purged_pages(client, pages, purged) == {"home", "napping", "sleep", "author", "feed"}
    assert "Are naps good for you?" in client.get(pages["napping"]).content.decode()


def test_publishing_archiving_and_scheduling_change_the_lists(client, author, site, purges):
    pages = pages_of(site, author)
    with purges() as purged:
        make_article(author, title="Can you catch up on sleep?", tags=[site["sleep"]])
    assert {"home", "sleep", "author", "topics", "feed"} <= purged_pages(client, pages, purged)
    with purges() as purged:
        site["fibre"].status = Article.Status.ARCHIVED
        save_article(site["fibre"], change_note="Withdrawn.")
    assert {"home", "diet", "other", "feed"} <= purged_pages(client, pages, purged)
    assert f"article-{site['fibre'].pk}" in purged.tags  # the page itself: now 410 Gone
    assert client.get(pages["fibre"]).status_code == 410
    soon = timezone.now() + timedelta(hours=1)
    scheduled = make_article(author, title="Do naps help night shifts?", published_at=soon)
    Article.objects.filter(pk=scheduled.pk).update(published_at=timezone.now())
    with purges() as purged:
        announce_publication.call(scheduled.pk)  # the task queued for its minute
    assert {"home", "author", "feed"} <= purged_pages(client, pages, purged)
    assert "Do naps help night shifts?" in client.get("/").content.decode()


def test_author_tag_and_page_changes_purge_the_pages_that_show_them(client, author, site, purges):
    pages = pages_of(site, author)
    with purges() as purged:
        site["other"].credentials = "RD"
        site["other"].save()
    assert {"fibre", "caffeine", "other", "diet", "home"} <= purged_pages(client, pages, purged)
    assert "napping" not in purged_pages(client, pages, purged)
    with purges() as purged:
        site["sleep"].name = "Sleep and rest"
        site["sleep"].save()
    assert purged_pages(client, pages, purged) >= {"sleep", "napping", "topics", "home"}
    assert ">Sleep and rest<" in client.get(pages["napping"]).content.decode()
    with purges() as purged:
        Page.objects.update_or_create(slug="disclaimer", defaults={
            "title": "Medical disclaimer", "summary": "Talk to your own doctor."})  # fmt: skip
    assert {"napping", "fibre", "caffeine"} <= purged_pages(client, pages, purged)
    assert "Talk to your own doctor." in client.get(pages["fibre"]).content.decode()


def test_topics_changed_from_either_side_purge_the_topic_and_the_article(
    client, author, site, purges
):
    pages = pages_of(site, author)
    with purges() as purged:
        site["napping"].tags.add(site["diet"])
    assert {"napping", "diet", "topics"} <= purged_pages(client, pages, purged)
    with purges() as purged:
        site["sleep"].articles.add(site["fibre"])
    assert {"fibre", "sleep", "topics"} <= purged_pages(client, pages, purged)


def test_comment_decisions_and_settings_purge_the_threads(client, article, moderator, purges):
    comment = make_comment(article, make_user("c1"), "I yawn when I read this.")
    url = article.get_absolute_url()
    assert comment.body not in client.get(url).content.decode()
    with purges() as purged:
        moderation.moderate(comment, "approve", moderator)
    assert f"comments-{article.pk}" in purged.tags
    assert comment.body in client.get(url).content.decode()
    with purges() as purged:
        ModerationSettings.objects.update_or_create(pk=1, defaults={"rate_limit_count": 9})
        ModerationSettings.objects.get(pk=1).save()
    assert purged.tags & tags_of(client.get(url))
    assert purged.tags & tags_of(client.get("/pages/comments-policy/"))


def test_a_medical_review_purges_the_article_and_the_reviewers_page(
    client, article, clinician, purges
):
    with purges() as purged:
        make_review(article, clinician)
    assert purged.tags & tags_of(client.get(article.get_absolute_url()))
    assert purged.tags & tags_of(client.get(clinician.get_absolute_url()))
    assert "Medically reviewed by" in client.get(article.get_absolute_url()).content.decode()


def test_purge_cache_purges_everything(client, article, purges):
    with purges() as purged:
        call_command("purge_cache", verbosity=0)
    assert purged.tags == {"site"} and "site" in tags_of(client.get("/"))


def test_a_change_that_rolls_back_purges_nothing(article, fastly, db):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        save_article(article, change_note="Never mind.", minor=True)
        raise RuntimeError
    assert fastly.requests == []


# -- the purge backends ------------------------------------------------------------------------


def test_fastly_gets_exactly_the_touched_keys_with_its_token(article, purges, fastly):
    with purges():
        article.title = "Why do we yawn so much?"
        save_article(article, change_note="", minor=True)
    (request,) = fastly.requests
    assert request.method == "POST" and request.path == "/service/service-1/purge"
    assert request.headers["Fastly-Key"] == "secret-token"
    assert request.json()["surrogate_keys"] == sorted(
        {f"article-{article.pk}", "feeds", "headlines"}
    )


def test_cloudflare_gets_the_tags_in_batches_of_30(
    settings, db, django_capture_on_commit_callbacks
):
    from core.cache_tags import changed

    with fake_server(lambda request: (200, {"success": True})) as cloudflare:
        settings.CACHE_PURGE = ["cloudflare"]
        settings.CLOUDFLARE_API_URL = cloudflare.url
        settings.CLOUDFLARE_ZONE_ID = "zone-9"
        settings.CLOUDFLARE_API_TOKEN = "cf-token"
        with django_capture_on_commit_callbacks(execute=True):
            changed(*(f"tag-{number}" for number in range(45)))
    assert [request.path for request in cloudflare.requests] == ["/zones/zone-9/purge_cache"] * 2
    assert cloudflare.requests[0].headers["Authorization"] == "Bearer cf-token"
    sent = [tag for request in cloudflare.requests for tag in request.json()["tags"]]
    assert sorted(sent) == sorted(f"tag-{number}" for number in range(45))


def test_varnish_gets_an_xkey_purge_at_every_address(
    settings, db, django_capture_on_commit_callbacks
):
    from core.cache_tags import changed

    with fake_server() as first, fake_server() as second:
        settings.CACHE_PURGE = ["varnish"]
        settings.VARNISH_PURGE_URL = [first.url, second.url]
        with django_capture_on_commit_callbacks(execute=True):
            changed("article-1", "listing")
        settings.VARNISH_SOFT_PURGE = True
        with django_capture_on_commit_callbacks(execute=True):
            changed("article-2")
    for server in (first, second):
        hard, soft = server.requests
        assert hard.method == "PURGE" and hard.headers["xkey-purge"] == "article-1 listing"
        assert soft.headers["xkey-softpurge"] == "article-2"


# The worker closes its database connection: committed transactions, as in production.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_purge_the_edge_refuses_is_retried_until_it_succeeds(
    settings, article, django_capture_on_commit_callbacks
):
    """With the worker (django-tasks' database backend), as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default", "email", "purge"]}}  # fmt: skip
    settings.CACHE_PURGE_REPEAT_SECONDS = 0  # only the retries here
    answers = iter([(503, {}), (500, {}), (200, {})])
    with fake_server(lambda request: next(answers)) as fastly:
        settings.CACHE_PURGE = ["fastly"]
        settings.FASTLY_API_URL = fastly.url
        with django_capture_on_commit_callbacks(execute=True):
            article.title = "Why do we yawn at all?"
            save_article(article, change_note="", minor=True)
        for _ in range(3):
            DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
            call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "purge",
                         verbosity=0)  # fmt: skip
        assert len(fastly.requests) == 3
        assert {tuple(request.json()["surrogate_keys"]) for request in fastly.requests} == {
            tuple(sorted({f"article-{article.pk}", "feeds", "headlines"}))
        }
    statuses = DBTaskResult.objects.filter(queue_name="purge").values_list("status", flat=True)
    assert sorted(statuses)[-1] == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_purge_is_repeated_a_few_seconds_after_the_edge_took_it(
    settings, article, django_capture_on_commit_callbacks
):
    """A page rendered from the old rows while the change committed may reach the edge after
    the first purge: the second one drops it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default", "email", "purge"]}}  # fmt: skip
    with fake_server() as fastly:
        settings.CACHE_PURGE = ["fastly"]
        settings.FASTLY_API_URL = fastly.url
        with django_capture_on_commit_callbacks(execute=True):
            article.title = "Why do we yawn at all?"
            save_article(article, change_note="", minor=True)
        assert DBTaskResult.objects.filter(queue_name="purge").count() == 1
        call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "purge",
                     verbosity=0)  # fmt: skip
        (purged,) = fastly.requests
        (repeat,) = DBTaskResult.objects.filter(queue_name="purge", status="READY")
        assert timedelta(seconds=3) <= repeat.run_after - timezone.now() <= timedelta(seconds=10)
        repeat.run_after = timezone.now()
        repeat.save()
        call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "purge",
                     verbosity=0)  # fmt: skip
        assert len(fastly.requests) == 2
        assert fastly.requests[1].json() == purged.json()
    # The repeat is not repeated.
    assert not DBTaskResult.objects.filter(queue_name="purge", status="READY").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_sends_the_purges_that_are_due_at_an_edge_in_one_request(
    settings, article, django_capture_on_commit_callbacks
):
    """A busy discussion queues a purge with every comment: the edge gets one request for all
    those due, each task is done, and one repeat is queued for them all."""
    from core.cache_tags import changed

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default", "email", "purge"]}}  # fmt: skip
    with fake_server() as fastly:
        settings.CACHE_PURGE = ["fastly"]
        settings.FASTLY_API_URL = fastly.url
        for tags in (["comments-1", "article-1"], ["comments-1"], ["comments-2", "article-2"]):
            with django_capture_on_commit_callbacks(execute=True):
                changed(*tags)
        call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "purge",
                     verbosity=0)  # fmt: skip
        (request,) = fastly.requests
        assert request.json()["surrogate_keys"] == [
            "article-1", "article-2", "comments-1", "comments-2"
        ]  # fmt: skip
    purges = DBTaskResult.objects.filter(queue_name="purge")
    assert purges.filter(status="SUCCESSFUL").count() == 3
    (repeat,) = purges.filter(status="READY", run_after__gt=timezone.now())  # one for them all
    assert sorted(repeat.args_kwargs["args"][1]) == [
        "article-1", "article-2", "comments-1", "comments-2"
    ]  # fmt: skip


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_when_the_edge_is_down_no_queued_purge_is_lost(
    settings, article, django_capture_on_commit_callbacks
):
    from core.cache_tags import changed

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default", "email", "purge"]}}  # fmt: skip
    settings.CACHE_PURGE_REPEAT_SECONDS = 0
    up = {"now": False}
    with fake_server(lambda request: (200, {}) if up["now"] else (503, {})) as fastly:
        settings.CACHE_PURGE = ["fastly"]
        settings.FASTLY_API_URL = fastly.url
        for tags in (["comments-1"], ["comments-2"]):
            with django_capture_on_commit_callbacks(execute=True):
                changed(*tags)
        call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "purge",
                     "--max-tasks", "1", verbosity=0)  # fmt: skip
        assert fastly.requests[0].json()["surrogate_keys"] == ["comments-1", "comments-2"]
        assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 0
        up["now"] = True
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "purge",
                     verbosity=0)  # fmt: skip
        purged = {
            tag for request in fastly.requests[1:] for tag in request.json()["surrogate_keys"]
        }
        assert purged == {"comments-1", "comments-2"}
    assert not DBTaskResult.objects.filter(queue_name="purge", status="READY").exists()
