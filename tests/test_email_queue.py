"""Nothing is lost when email fails: every message is stored as a task in the same transaction
as the change that caused it, and the worker delivers it, retrying while the server is down."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)


def time_passes():
    """The pause before the next attempt is over."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_email_waits_for_the_worker_then_arrives(queued_email):
    send_mail("Hello", "Body text.", None, ["reader@healthy.test"])
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1
    run_worker()
    assert [message.subject for message in mail.outbox] == ["Hello"]


def test_an_email_queued_while_the_mail_server_is_down_is_delivered_later(queued_email):
    queued_email.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    queued_email.EMAIL_HOST, queued_email.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    queued_email.EMAIL_TIMEOUT = 2
    send_mail("Your reply", "Someone replied.", None, ["reader@healthy.test"])

    run_worker()  # the first delivery fails; the next attempt is queued

    assert mail.outbox == []
    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == ["FAILED", "READY"]  # the retry waits for its pause
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now() + timedelta(seconds=50)
    queued_email.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_passes()
    run_worker()  # the mail server is back
    assert [message.subject for message in mail.outbox] == ["Your reply"]
    assert mail.outbox[0].to == ["reader@healthy.test"]


def test_nothing_is_sent_for_a_rolled_back_transaction(queued_email):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Never", "This change rolled back.", None, ["reader@healthy.test"])
        raise RuntimeError("the change failed")
    assert not DBTaskResult.objects.exists()
    run_worker()
    assert mail.outbox == []


def test_the_sign_up_verification_email_goes_through_the_queue(client, queued_email):
    response = client.post(
        reverse("account_signup"),
        {"email": "new@healthy.test", "username": "newbie",
         "password1": "a-long-unusual-passphrase", "password2": "a-long-unusual-passphrase"},
    )  # fmt: skip
    assert response.status_code == 302
    assert mail.outbox == []
    run_worker()
    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_a_message_gives_up_after_the_last_attempt(queued_email):
    queued_email.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    queued_email.EMAIL_HOST, queued_email.EMAIL_PORT = "127.0.0.1", 9
    queued_email.EMAIL_TIMEOUT = 2
    queued_email.EMAIL_MAX_ATTEMPTS = 3
    send_mail("Doomed", "x", None, ["reader@healthy.test"])
    for _ in range(4):
        run_worker()
        time_passes()
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED"] * 3
