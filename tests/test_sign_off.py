"""Clinician sign-off: a substantive draft of a reviewed article goes to its named clinician,
who alone approves it; without approval it cannot be published; publishing the approved
content records their review of exactly that revision."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Draft
from reviews.models import MedicalReview, SignOff
from tests.factories import make_article, make_review, make_user
from tests.test_admin_articles import change_url, form_data

pytestmark = pytest.mark.django_db

NEW = "<p>Adults need a booster every ten years.</p>"


@pytest.fixture
def reviewed(author, clinician, settings):
    settings.MEDICAL_SIGNOFF_REQUIRED = True
    clinician.user.email = "maya@example.org"
    clinician.user.save()
    article = make_article(author, title="Tetanus jabs", reviewer=clinician)
    make_review(article, clinician, on=timezone.localdate().replace(year=2025))
    return article


def draft_and_send(client, editor, article):
    client.force_login(editor)
    data = form_data(article, body=article.body + NEW, change_note="Booster advice.", _draft="1")
    client.post(change_url(article), data)
    assert Draft.objects.filter(article=article).exists()
    client.post(reverse("admin:reviews_signoff_send", args=[article.pk]))
    return SignOff.objects.get(article=article)


def publish(client, article):
    article.refresh_from_db()
    data = form_data(article, body=article.body + NEW, change_note="Booster advice.", _save="1")
    return client.post(change_url(article), data)


def test_the_clinician_gets_an_email_with_the_share_link_and_the_changes(client, editor, reviewed):
    # Sent with send_mail, which production's QueuedEmailBackend turns into a task.
    sign_off = draft_and_send(client, editor, reviewed)
    assert sign_off.status == "pending" and sign_off.reviewer == reviewed.reviewer
    [message] = mail.outbox
    assert message.to == ["maya@example.org"]
    assert "/preview/" in message.body and "booster every ten years" in message.body
    assert reverse("admin:reviews_signoff_decide", args=[sign_off.pk]) in message.body


def test_publishing_without_approval_is_refused_and_changes_nothing(client, editor, reviewed):
    draft_and_send(client, editor, reviewed)
    response = publish(client, reviewed)
    assert response.status_code == 200
    assert "needs the clinician" in response.content.decode()
    reviewed.refresh_from_db()
    assert NEW not in reviewed.body and reviewed.revisions.count() == 1


def test_the_named_clinician_approves_and_publishing_records_their_review(
    client, editor, reviewed, clinician
):
    sign_off = draft_and_send(client, editor, reviewed)
    decide = reverse("admin:reviews_signoff_decide", args=[sign_off.pk])
    client.force_login(clinician.user)
    page = client.get(decide).content.decode()
    assert "booster every ten years" in page and "Record my decision" in page
    response = client.post(decide, {"decision": "approve", "note": "Matches the guideline."})
    assert response.status_code == 302
    client.force_login(editor)
    assert publish(client, reviewed).status_code == 302
    reviewed.refresh_from_db()
    assert NEW in reviewed.body
    review = MedicalReview.objects.order_by("-id").first()
    assert review.reviewer == clinician and review.recorded_by == clinician.user
    assert review.revision == reviewed.revisions.order_by("-number").first()
    assert review.reviewed_on == timezone.localdate()
    client.logout()
    line = (
        client.get(reviewed.get_absolute_url()).content.decode().split("Medically reviewed by")[1]
    )
    assert "Maya Okafor" in line[:200]


def test_another_clinician_cannot_decide_in_the_named_ones_place(client, editor, reviewed):
    sign_off = draft_and_send(client, editor, reviewed)
    from articles.models import Author

    other = make_user("drhelen", staff=True, groups=["Medical reviewers"])
    Author.objects.create(name="Helen Achterberg", slug="helen", credentials="MD",
                          short_bio="A GP.", user=other)  # fmt: skip
    decide = reverse("admin:reviews_signoff_decide", args=[sign_off.pk])
    client.force_login(other)
    assert client.get(decide).status_code == 404
    assert client.post(decide, {"decision": "approve"}).status_code == 404
    client.force_login(editor)
    assert client.post(decide, {"decision": "approve"}).status_code == 403
    sign_off.refresh_from_db()
    assert sign_off.status == "pending"
    assert publish(client, reviewed).status_code == 200  # still refused


def test_requesting_changes_needs_a_note_and_blocks_publishing(client, editor, reviewed, clinician):
    sign_off = draft_and_send(client, editor, reviewed)
    decide = reverse("admin:reviews_signoff_decide", args=[sign_off.pk])
    client.force_login(clinician.user)
    refused = client.post(decide, {"decision": "changes", "note": ""})
    assert "Say what needs to change" in refused.content.decode()
    client.post(decide, {"decision": "changes", "note": "Give the interval for wounds."})
    sign_off.refresh_from_db()
    assert sign_off.status == "changes"
    client.force_login(editor)
    html = client.get(change_url(reviewed)).content.decode()
    assert "Give the interval for wounds." in html
    assert publish(client, reviewed).status_code == 200


def test_a_minor_fix_needs_no_sign_off(client, editor, reviewed):
    client.force_login(editor)
    data = form_data(reviewed, body=reviewed.body.replace("First", "The first"), is_minor="on",
                     change_note="")  # fmt: skip
    assert client.post(change_url(reviewed), data).status_code == 302
    assert Article.objects.get(pk=reviewed.pk).revisions.count() == 2


def test_the_admin_index_links_the_desk_and_the_freshness_dashboard(client, editor, reviewed):
    draft_and_send(client, editor, reviewed)
    html = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:reviews_desk") in html
    assert reverse("admin:reviews_freshness") in html
    assert "My drafts" in html and "Sent for review" in html
    desk = client.get(reverse("admin:reviews_desk")).content.decode()
    assert "Tetanus jabs" in desk.split('id="my_drafts"')[1]


def test_the_desk_query_count_does_not_grow(client, editor, author, django_assert_max_num_queries):
    from datetime import timedelta

    from articles.drafts import save_draft

    client.force_login(editor)
    for n in range(8):
        article = make_article(author, title=f"Piece {n}")
        save_draft(article, tags=None, related=None, editor=editor, based_on=article.version)
        make_article(
            author, title=f"Later {n}", published_at=timezone.now() + timedelta(days=n + 1)
        )
    with django_assert_max_num_queries(12):
        html = client.get(reverse("admin:reviews_desk")).content.decode()
    assert "Piece 7" in html and "Later 7" in html


def test_restoring_an_older_version_is_a_change_that_needs_the_sign_off_too(
    client, editor, reviewed
):
    from articles.revisions import save_article

    first = reviewed.revisions.get()
    reviewed.body += "<p>Reviewed advice on boosters.</p>"
    save_article(reviewed, change_note="Advice on boosters.", minor=True)
    client.force_login(editor)
    restore = reverse("admin:articles_article_restore", args=[reviewed.pk, first.pk])
    response = client.post(restore, {"kind": "substantive", "change_note": "Back to the old text."},
                           follow=True)  # fmt: skip
    assert "needs the clinician" in response.content.decode()
    assert "Nothing was restored." in response.content.decode()
    reviewed.refresh_from_db()
    assert "Reviewed advice on boosters." in reviewed.body and reviewed.revisions.count() == 2
