"""Every paginated list reads its page number the same way: a plain positive number is a page,
anything else is a 404, never a server error."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.factories import make_comment

NOT_PAGE_NUMBERS = ["+1", "1 ", " 1", "1%20", "０１", "١", "01", "0", "-1", "1.0", "1e3", "",
                    "0x1", "1_0", "9" * 5000, "1\n"]  # fmt: skip
random_page = st.one_of(
    st.text(max_size=12),
    st.from_regex(r"\A[+\- 0]?[0-9０-９]{1,4}[ \n]?\Z"),
)
quick = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def public_lists(article, reader):
    make_comment(article, reader, "A first comment.", status="approved")
    tag, author = article.tags.get(), article.author
    return [
        (reverse("articles:home"), "page", {}),
        (reverse("articles:tag_detail", args=[tag.slug]), "page", {}),
        (reverse("articles:author_detail", args=[author.slug]), "page", {}),
        (reverse("articles:search"), "page", {"q": "yawn"}),
        (reverse("articles:feed"), "page", {}),
        (reverse("articles:tag_feed", args=[tag.slug]), "page", {}),
        (reverse("articles:author_feed_atom", args=[author.slug]), "page", {}),
        (reverse("articles:article_detail", args=[article.slug]), "comments-page", {}),
    ]


@pytest.fixture
def staff_lists(article, reader):
    make_comment(article, reader, "A comment waiting.")
    return [
        (reverse("moderation:home"), "page", {}),
        (reverse("moderation:queue", args=["all"]), "page", {}),
        (reverse("moderation:user", args=[reader.pk]), "page", {}),
        (reverse("admin:reviews_freshness"), "page", {}),
    ]


def assert_no_server_error(client, lists, value):
    for url, param, extra in lists:
        response = client.get(url, {**extra, param: value})
        refused = (400,) if "\x00" in value else ()  # the site refuses NUL bytes in any query
        assert response.status_code in (200, 404, *refused), (url, param, value)


@pytest.mark.parametrize("value", NOT_PAGE_NUMBERS)
def test_anything_but_a_plain_number_is_no_such_page(client, public_lists, value):
    for url, param, extra in public_lists:
        if url.endswith(("/feed/", "/feed/atom/")):
            continue  # feeds show the latest articles and have no pages
        response = client.get(url, {**extra, param: value})
        assert response.status_code == 404, (url, param, value)


def test_plain_numbers_are_pages(client, public_lists):
    for url, param, extra in public_lists:
        assert client.get(url, {**extra, param: "1"}).status_code == 200, url
    assert client.get(reverse("articles:home"), {"page": "2"}).status_code == 404  # past the end


@quick
@given(random_page)
@example("+1")
@example("０１")
def test_random_page_numbers_on_public_lists(client, public_lists, value):
    assert_no_server_error(client, public_lists, value)


@quick
@given(random_page)
@example("1 ")
def test_random_page_numbers_on_staff_lists(client, staff_lists, superuser, value):
    client.force_login(superuser)
    assert_no_server_error(client, staff_lists, value)


@pytest.mark.parametrize("value", ["+1", "1 ", "０１", "01", "0"])
def test_staff_lists_read_page_numbers_alike(client, staff_lists, superuser, value):
    client.force_login(superuser)
    for url, param, _ in staff_lists[:3]:  # the dashboard is one page
        assert client.get(url, {param: "1"}).status_code == 200, url
        assert client.get(url, {param: value}).status_code == 404, url
