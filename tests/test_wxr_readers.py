"""A moved WordPress site as readers see it: statuses kept, readable Unicode addresses, shortcodes
turned into our markup, and nothing that scrolls sideways or breaks a list."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Page
from comments.models import Comment

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wxr"


def run(path, *args):
    out = StringIO()
    call_command("import_wxr", str(path), *args, stdout=out)
    return out.getvalue()


def test_unpublished_posts_and_pages_stay_unpublished(client):
    report = run(FIXTURES / "moved.xml")
    for title in ["A private note", "Waiting for review", "Members only"]:
        article = Article.objects.get(title=title)
        assert article.status == "draft", title
        assert client.get(article.get_absolute_url()).status_code == 404, title
    draft, protected = (
        Page.objects.get(title="Draft Page"),
        Page.objects.get(title="Protected Page"),
    )
    assert draft.status == protected.status == "draft"
    assert Page.objects.get(title="Contact").status == "published"
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(protected.get_absolute_url()).status_code == 404
    assert client.get(Page.objects.get(title="Contact").get_absolute_url()).status_code == 200
    assert "pages by status: 1 draft, 1 publish, 1 publish (password)" in report
    assert "page 26 was password-protected: imported as a draft" in report


def test_old_addresses_of_unpublished_items_wait_for_publication(client):
    run(FIXTURES / "moved.xml")
    for old in ["/?page_id=25", "/protected-page/", "/?p=22", "/2020/06/waiting-for-review/"]:
        assert client.get(old).status_code in (200, 404), old  # the home page or nothing
        assert not client.get(old).has_header("Location"), old
    assert client.get("/contact/")["Location"] == "/pages/contact/"
    page = Page.objects.get(title="Draft Page")
    page.status = Page.Status.PUBLISHED
    page.save()
    assert client.get("/?page_id=25")["Location"] == page.get_absolute_url()


def test_editors_preview_a_draft_page_privately(client, editor):
    run(FIXTURES / "moved.xml")
    client.force_login(editor)
    response = client.get(Page.objects.get(title="Draft Page").get_absolute_url())
    assert (
        response.status_code == 200 and "readers cannot see this page" in response.content.decode()
    )
    assert "no-store" in response["Cache-Control"]


def test_percent_encoded_slugs_become_readable_and_old_addresses_match_in_any_case(client):
    run(FIXTURES / "moved.xml")
    article = Article.objects.get(title="Coffee and the heart")
    assert article.slug == "健康-café"
    assert client.get(article.get_absolute_url()).status_code == 200
    for old in ["/2020/05/%e5%81%a5%e5%ba%b7-caf%c3%a9/", "/2020/05/%E5%81%A5%E5%BA%B7-caf%C3%A9/",
                "/2020/05/健康-café/"]:  # fmt: skip
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == "/articles/%E5%81%A5%E5%BA%B7-caf%C3%A9/"


def test_a_second_run_of_the_moved_site_changes_nothing():
    run(FIXTURES / "moved.xml")

    def state():
        return (
            list(Article.objects.values_list("slug", "body", "status", "version")),
            list(Page.objects.values_list("slug", "body", "status")),
            Comment.objects.count(),
        )

    before = state()
    report = run(FIXTURES / "moved.xml")
    assert state() == before
    assert "posts          0 new,     0 updated" in report
