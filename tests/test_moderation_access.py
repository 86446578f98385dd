"""The moderation area lets in moderators and superusers only: everyone else gets a friendly
403, the wrong method a 405, unknown views a 404."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from accounts.models import MODERATORS_GROUP
from comments.models import Comment, Flag, ModerationLog
from tests.factories import make_comment, make_user

pytestmark = pytest.mark.django_db

Status = Comment.Status
Reason = Flag.Reason
Action = ModerationLog.Action
HOME = "/moderation/"
ACT = "/moderation/act/"


@pytest.mark.parametrize(
    ("persona", "expected"),
    [(None, 403), ("reader", 403), ("editor", 403), ("moderator", 200), ("superuser", 200)],
)
def test_it_lets_only_moderators_and_superusers_in(client, request, commenter, persona, expected):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    urls = [
        HOME,
        reverse("moderation:queue", args=["flagged"]),
        f"/moderation/users/{commenter.pk}/",
    ]
    for url in urls:
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize(
    ("persona", "expected"),
    [(None, 403), ("reader", 403), ("editor", 403), ("moderator", 302), ("superuser", 302)],
)
def test_it_lets_only_moderators_act(client, request, article, commenter, persona, expected):
    comment = make_comment(article, commenter, "Waiting for a decision.")
    if persona:
        client.force_login(request.getfixturevalue(persona))
    response = client.post(ACT, {"single": f"{comment.pk}:approve"})
    assert response.status_code == expected
    comment.refresh_from_db()
    assert comment.status == (Status.APPROVED if expected == 302 else Status.PENDING)


def test_it_shows_anonymous_visitors_a_friendly_403_with_a_login_link(client):
    response = client.get(HOME)
    assert response.status_code == 403
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'href="/accounts/login/?next=/moderation/"' in html
    assert ">Log in</a>" in html


def test_it_tells_a_logged_in_reader_they_have_no_access(client, reader):
    client.force_login(reader)
    response = client.get(HOME)
    assert response.status_code == 403
    assertContains(response, "You don’t have access to this page", status_code=403)
    assertNotContains(response, "?next=/moderation/", status_code=403)


def test_it_answers_405_to_the_wrong_method(client, moderator, commenter):
    client.force_login(moderator)
    assert client.get(ACT).status_code == 405
    assert client.get(reverse("moderation:sanction", args=[commenter.pk])).status_code == 405
    assert client.get(reverse("moderation:lift", args=[1])).status_code == 405
    assert client.post(HOME).status_code == 405
    assert client.post(f"/moderation/users/{commenter.pk}/").status_code == 405


def test_it_404s_on_an_unknown_view_or_page(client, moderator):
    client.force_login(moderator)
    assert client.get("/moderation/queue/nonsense/").status_code == 404
    assert client.get("/moderation/queue/pending/?page=7").status_code == 404
    assert client.get("/moderation/queue/pending/?page=abc").status_code == 404
    assert client.get("/moderation/comments/999999/").status_code == 404
    assert client.get("/moderation/users/999999/").status_code == 404


def test_moderation_pages_have_one_h1_and_no_inline_code(client, moderator, article, commenter):
    comment = make_comment(article, commenter, "One pending comment.")
    client.force_login(moderator)
    urls = [
        HOME,
        *(reverse("moderation:queue", args=[view]) for view in ("pending", "flagged", "all")),
        reverse("moderation:comment", args=[comment.pk]),
        reverse("moderation:user", args=[commenter.pk]),
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        assert "<script" not in html and " style=" not in html, url
        assert " onclick=" not in html and " onsubmit=" not in html, url
        assert "css/moderation.css" in html, url


# -- the views -------------------------------------------------------------------------------


def test_a_moderator_from_the_group_is_not_a_superuser(db):
    # The access rule is the permission, not staff status or superuser.
    user = make_user("mod2", groups=[MODERATORS_GROUP])
    assert not user.is_superuser and user.has_perm("comments.moderate_comment")
