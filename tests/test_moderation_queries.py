"""The moderation queue's query count does not grow with the queue, in every view."""

import pytest
from django.urls import reverse

from tests.factories import fill_queue

pytestmark = pytest.mark.django_db

VIEWS = ["pending", "flagged", "rejected", "all"]


def queue_queries(client, url, django_assert_max_num_queries):
    # 1 session, 2 the moderator, 3-4 their user and group permissions, 5 the tab counts,
    # 6 the paginator's count, 7 the page of comments with article, author, parent and its
    # author and who decided, 8 their open flags with who flagged, 9 the authors' counts per
    # status, 10 flags received per author, 11 each author's 4 newest comments (a window
    # function), 12 active sanctions of those authors, 13 the moderation settings (the flag
    # threshold each hidden item is explained with).
    with django_assert_max_num_queries(13) as captured:
        response = client.get(url)
        assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("view", VIEWS)
def test_the_queue_query_count_is_the_same_for_3_and_33_items(
    client, moderator, article, view, django_assert_max_num_queries
):
    url = reverse("moderation:queue", args=[view])
    client.force_login(moderator)
    fill_queue(article, 3, moderator)
    few, html = queue_queries(client, url, django_assert_max_num_queries)
    assert html.count('<article class="mod-item') >= 3
    fill_queue(article, 30, moderator)
    many, html = queue_queries(client, url, django_assert_max_num_queries)
    assert html.count('<article class="mod-item') >= 33
    assert few == many, f"{view}: {few} queries with 3 items, {many} with 33"
    if view == "rejected":
        assert "Rejected by" in html  # who decided is shown, and loaded with the page
