"""A review is always recorded by the clinician it names, logged in as themselves: no form,
link or URL lets anyone record, pre-fill or publish a review under another clinician's name.
Editors note what they know ("checked by phone") as an internal note, never a public line."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Author
from reviews.models import MedicalReview, ReviewNote
from tests.factories import make_article, make_review, make_user

pytestmark = pytest.mark.django_db

ADD = "admin:reviews_medicalreview_add"


@pytest.fixture
def helen(db):
    user = make_user("drhelen", staff=True, groups=["Medical reviewers"])
    return Author.objects.create(
        name="Helen Achterberg", slug="helen-achterberg", credentials="MD",
        short_bio="A GP.", user=user,
    )  # fmt: skip


@pytest.fixture
def assigned(author, helen):
    """A live article whose assigned reviewer is Helen."""
    return make_article(author, title="Do you need a flu jab every year?", reviewer=helen)


def review_data(article, **extra):
    return {"article": article.pk, "reviewed_on": timezone.localdate().isoformat(),
            "outcome": "no_changes", "notes": "", **extra}  # fmt: skip


def test_a_clinician_records_only_their_own_review_whatever_the_form_says(
    client, assigned, helen, clinician
):
    client.force_login(clinician.user)  # Maya, not the assigned Helen
    response = client.post(reverse(ADD), review_data(assigned, reviewer=helen.pk))
    assert response.status_code == 302
    review = MedicalReview.objects.get()
    assert review.reviewer == clinician and review.recorded_by == clinician.user
    page = client.get(assigned.get_absolute_url()).content.decode()
    assert "Maya Okafor, MD, MPH" in page.split("Medically reviewed by")[1][:300]
    assert "Helen Achterberg" not in page.split("Medically reviewed by")[1][:300]


def test_the_add_form_never_prefills_another_clinician(client, assigned, helen, clinician):
    client.force_login(clinician.user)
    url = reverse(ADD) + f"?article={assigned.pk}&reviewer={helen.pk}"
    html = client.get(url).content.decode()
    assert "Maya Okafor, MD, MPH" in html
    assert "Helen Achterberg" not in html  # not even as an option
    assert "always recorded by the clinician it names" in html


def test_editors_cannot_record_a_review_in_anyones_name(client, editor, assigned, helen):
    client.force_login(editor)
    assert client.get(reverse(ADD)).status_code == 403
    response = client.post(reverse(ADD), review_data(assigned, reviewer=helen.pk))
    assert response.status_code == 403
    assert not MedicalReview.objects.exists()
    html = client.get(assigned.get_absolute_url()).content.decode()
    assert "Medically reviewed by" not in html


def test_a_staff_user_without_a_clinician_profile_cannot_record_one(client, superuser, assigned):
    client.force_login(superuser)
    assert client.post(reverse(ADD), review_data(assigned)).status_code == 403
    assert not MedicalReview.objects.exists()


def test_the_dashboard_offers_a_clinician_their_own_review_and_an_editor_a_note(
    client, editor, assigned, helen, clinician
):
    make_review(assigned, helen, on=timezone.localdate().replace(year=2024))
    url = reverse("admin:reviews_freshness")
    client.force_login(clinician.user)
    html = client.get(url).content.decode()
    assert f'?article={assigned.pk}">Record my review' in html
    assert "reviewer=" not in html.split('id="overdue"')[1]
    client.force_login(editor)
    html = client.get(url).content.decode()
    assert "Record my review" not in html
    assert reverse("admin:reviews_reviewnote_add") + f"?article={assigned.pk}" in html


def test_an_editors_phone_note_stays_internal(client, editor, assigned):
    client.force_login(editor)
    response = client.post(
        reverse("admin:reviews_reviewnote_add"),
        {"article": assigned.pk, "text": "Dr Achterberg checked the dosage by phone."},
    )
    assert response.status_code == 302
    note = ReviewNote.objects.get()
    assert note.written_by == editor
    client.logout()
    html = client.get(assigned.get_absolute_url()).content.decode()
    assert "by phone" not in html and "Medically reviewed by" not in html
    assert not MedicalReview.objects.exists()


def test_a_note_cannot_be_rewritten(client, editor, assigned):
    note = ReviewNote.objects.create(article=assigned, text="Checked by phone.", written_by=editor)
    client.force_login(editor)
    url = reverse("admin:reviews_reviewnote_change", args=[note.pk])
    assert client.post(url, {"article": assigned.pk, "text": "Other"}).status_code == 403
    note.refresh_from_db()
    assert note.text == "Checked by phone."
