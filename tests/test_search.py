"""Search: published articles only, title above dek above body, tags and authors matched,
highlighted snippets, never a 500 whatever the query, and a query count that does not grow."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Author
from articles.revisions import save_article
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db


def results(client, query, **params):
    response = client.get(reverse("articles:search"), {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def titles_in_order(html, *titles):
    found = [title for title in titles if title in html]
    return sorted(found, key=html.index)


def test_title_matches_rank_above_dek_above_body(client, author):
    body = make_article(author, title="Morning routines", body="<p>Magnesium helps.</p>")
    dek = make_article(author, title="Evening routines", dek="Why magnesium matters.")
    title = make_article(author, title="Magnesium explained")
    html = results(client, "magnesium")
    assert titles_in_order(html, body.title, dek.title, title.title) == [
        title.title, dek.title, body.title,
    ]  # fmt: skip
    assert "<mark>" in html.lower() or "<mark>" in html


def test_an_exact_title_comes_first(client, author):
    make_article(author, title="Sleep and screens", body="<p>Screens before bed.</p>")
    wanted = make_article(author, title="Can screens before bed really ruin your sleep?")
    html = results(client, wanted.title)
    assert titles_in_order(html, wanted.title, "Sleep and screens")[0] == wanted.title


def test_tags_and_author_names_are_matched(client, author):
    article = make_article(author, title="Knees in winter", tags=[make_tag("Rheumatology")])
    assert article.title in results(client, "rheumatology")
    assert article.title in results(client, "Brooks")  # the author, Nadia Brooks
    tag = article.tags.get()
    tag.name = "Arthritis care"
    tag.save()
    assert article.title in results(client, "arthritis")  # the index follows a renamed tag


def test_drafts_archived_and_scheduled_articles_are_never_found(client, author):
    make_article(author, title="Zyxquat draft", status=Article.Status.DRAFT)
    archived = make_article(author, title="Zyxquat archived")
    archived.status = Article.Status.ARCHIVED
    save_article(archived, change_note="Archived.", minor=True)
    make_article(author, title="Zyxquat scheduled", published_at=timezone.now() + timedelta(days=1))
    html = results(client, "zyxquat")
    assert "Zyxquat" not in html.split("<h1>")[1] or "No articles match" in html
    assert "No articles match" in html


def test_the_index_follows_edits(client, author, editor):
    article = make_article(author, title="Plain title")
    assert "Plain title" not in results(client, "quinoa")
    article.body += "<p>Quinoa is a seed.</p>"
    save_article(article, editor=editor, change_note="Added quinoa.")
    assert "Plain title" in results(client, "quinoa")


@pytest.mark.parametrize(
    "query",
    ['"unclosed', "a & | ! <-> :*", "'; DROP TABLE articles_article; --", "x" * 2000,
     "OR AND NOT", "\x01\x02", "(((", "* ? ~", "ß café naïve", "-", "🙂"],
)  # fmt: skip
def test_any_query_gets_a_normal_page(client, author, query):
    make_article(author, title="Something to find")
    response = client.get(reverse("articles:search"), {"q": query})
    assert response.status_code == 200
    assert "noindex" in response.content.decode()


def test_no_results_suggest_popular_topics(client, author):
    make_article(author, title="Hay fever", tags=[make_tag("Allergies")])
    html = results(client, "xylophone")
    assert "No articles match" in html and "Allergies" in html


def test_results_are_paginated_with_the_query_kept(client, author, settings):
    settings.ARTICLES_PER_PAGE = 2
    for number in range(5):
        make_article(author, title=f"Hydration tip {number}")
    html = results(client, "hydration")
    assert "Page 1 of 3" in html and "?q=hydration&amp;page=2" in html
    assert "Page 2 of 3" in results(client, "hydration", page=2)


def test_the_header_has_a_search_box_and_opensearch(client, article):
    html = client.get("/").content.decode()
    assert 'role="search"' in html and 'action="/search/"' in html
    assert 'rel="search" type="application/opensearchdescription+xml"' in html
    description = client.get("/opensearch.xml")
    assert description["Content-Type"].startswith("application/opensearchdescription+xml")
    assert "/search/?q={searchTerms}" in description.content.decode()


def test_the_search_query_count_does_not_grow(client, author, django_assert_max_num_queries):
    def count():
        with django_assert_max_num_queries(6) as captured:
            results(client, "routine")
        return len(captured)

    for number in range(3):
        make_article(author, title=f"Routine {number}", tags=[make_tag(), make_tag()])
    few = count()
    for number in range(25):
        make_article(author, title=f"Routine more {number}", tags=[make_tag(), make_tag()])
    assert count() == few


def test_editors_search_the_admin_list_the_same_way(client, editor, author):
    make_article(author, title="Zinc and colds", status=Article.Status.DRAFT)
    Author.objects.create(name="Someone Else", slug="someone-else", short_bio="x")
    client.force_login(editor)
    html = client.get(reverse("admin:articles_article_changelist"), {"q": "zinc"}).content.decode()
    assert "Zinc and colds" in html
