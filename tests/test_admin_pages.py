"""Every object page of the admin opens for every role that may see it: no 500, for any model
registered now or later (each needs one instance in the world built here)."""

import pytest
from django.contrib import admin
from django.contrib.redirects.models import Redirect
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments import moderation
from comments.models import Appeal, ContextNote, Helpline, ModerationLog, Sanction
from core.mail import deliver_email
from demo.images import hero_image
from library.models import Asset
from reviews.models import MedicalReview, ReaderFeedback, ReviewNote, ReviewReminder, SignOff
from subscriptions.models import Notice, Subscriber
from tests.factories import make_comment, make_review, make_user
from wordpress.models import ImportedItem, ImportJob


@pytest.fixture
def world(article, clinician, reader, moderator, queued_email, superuser):
    """One object of every kind the admin shows."""
    comment = make_comment(article, reader, "A comment to flag.", status="approved")
    moderation.flag(comment, make_user("flagger"), "spam", "Looks like an advert.")
    Sanction.objects.create(user=reader, reason="Insults.", created_by=moderator)
    make_review(article, clinician)
    ReviewReminder.objects.create(article=article, reviewer=clinician, kind="due",
                                  due_on=timezone.localdate())  # fmt: skip
    Redirect.objects.create(site_id=1, old_path="/old/", new_path="/")
    ReviewNote.objects.create(article=article, text="Checked by phone.", written_by=superuser)
    SignOff.objects.create(article=article, reviewer=clinician, snapshot={"title": article.title},
                           requested_by=superuser)  # fmt: skip
    Subscriber.objects.create(email="follower@example.com")
    Asset.objects.create(file=hero_image("cup.png", ("#123456", "#abcdef"), 1),
                         alt="A cup of coffee", uploaded_by=superuser)  # fmt: skip
    decision = ModerationLog.objects.filter(comment=comment).first()
    ContextNote.objects.create(comment=comment, body="Evidence says otherwise.",
                               written_by=moderator)  # fmt: skip
    Appeal.objects.create(decision=decision, user=reader, text="Please look again.")
    Helpline.objects.create(name="Lifeline Aotearoa", serves="New Zealand", phone="0800 543 354")
    Notice.objects.get_or_create(
        revision=article.revisions.first(), defaults={"article": article, "kind": "updated"}
    )
    # On an article the clinician reviews: reviewers see their own articles' feedback only.
    Article.objects.filter(pk=article.pk).update(reviewer=clinician)
    ReaderFeedback.objects.create(article=article, kind="report", message="The dose is old.",
                                  reader_hash="0" * 64)  # fmt: skip
    deliver_email.enqueue({"subject": "Hello", "body": "Hi", "to": ["a@example.com"]})
    job = ImportJob.objects.create(export="wordpress-imports/site.xml", created_by=superuser)
    job.report = "Nothing imported."
    job.save()
    ImportedItem.objects.create(source="https://old.example", kind="post", wp_id="7",
                                object_id=article.pk)  # fmt: skip


@pytest.fixture
def roles(superuser, editor, moderator, clinician):
    staff_only = make_user("staff", staff=True)
    return {"superuser": superuser, "editor": editor, "moderator": moderator,
            "reviewer": clinician.user, "staff without a group": staff_only}  # fmt: skip


def test_every_registered_model_has_an_object_here(world):
    for model in admin.site._registry:
        assert model._default_manager.exists(), f"Create a {model.__name__} in world()"


@pytest.mark.parametrize("role", ["superuser", "editor", "moderator", "reviewer",
                                  "staff without a group"])  # fmt: skip
def test_every_object_page_opens_for_every_role(client, world, roles, role):
    user = roles[role]
    client.force_login(user)
    request = RequestFactory().get("/admin/")
    request.user = user
    opened = 0
    for model, model_admin in admin.site._registry.items():
        obj = model._default_manager.order_by("pk").first()
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        response = client.get(url)
        if model_admin.has_view_or_change_permission(request, obj):
            assert response.status_code == 200, (role, url, response.status_code)
            opened += 1
        else:
            assert response.status_code in (302, 403, 404), (role, url, response.status_code)
    if role != "staff without a group":
        assert opened, role


def test_a_recorded_review_opens_read_only(client, world, editor):
    client.force_login(editor)
    review = MedicalReview.objects.get()
    response = client.get(reverse("admin:reviews_medicalreview_change", args=[review.pk]))
    assert response.status_code == 200
    assert "Maya Okafor" in response.content.decode()
    assert 'name="reviewer"' not in response.content.decode()
