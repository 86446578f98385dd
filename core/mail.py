"""Every email the site sends goes through a durable queue, so none is lost when the mail
server is down.

``QueuedEmailBackend`` is the ``EMAIL_BACKEND``: Django's ``send_mail``, allauth's verification
and password-reset emails and our notifications all hand it their messages, and it stores each
one as a task (django-tasks' database backend) in the current transaction: a change that rolls
back sends nothing. The ``db_worker`` process delivers them through ``EMAIL_DELIVERY_BACKEND``
(SMTP in production) and retries a failed delivery with growing pauses.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task

from accounts.signals import account_deleting

logger = logging.getLogger(__name__)


def _as_data(message):
    """What a message needs to be rebuilt in the worker: plain JSON."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {key: str(value) for key, value in (message.extra_headers or {}).items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def retry_delay(attempt):
    """1, 2, 4, 8 … minutes, at most an hour, between deliveries of one message."""
    return timedelta(minutes=min(2 ** (attempt - 1), 60))


@task(queue_name="email")
def deliver_email(message, attempt=1):
    """Send one stored message; on failure, queue the next attempt until the last one."""
    alternatives = message.pop("alternatives", [])
    email = EmailMultiAlternatives(
        **message, connection=get_connection(settings.EMAIL_DELIVERY_BACKEND)
    )
    for content, mimetype in alternatives:
        email.attach_alternative(content, mimetype)
    try:
        email.send()
    except Exception:
        # The attempt is recorded as failed (with its error); the next one is already queued.
        if attempt >= settings.EMAIL_MAX_ATTEMPTS:
            logger.exception("Email to %s failed %s times; giving up.", message["to"], attempt)
            raise
        logger.warning("Email to %s failed (attempt %s); will retry.", message["to"], attempt)
        retry = deliver_email
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + retry_delay(attempt))
        retry.enqueue({**message, "alternatives": alternatives}, attempt + 1)
        raise


class QueuedEmailBackend(BaseEmailBackend):
    """Stores messages for the worker instead of sending them during the request."""

    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(_as_data(message))
        return len(email_messages)


@receiver(account_deleting, dispatch_uid="core.mail.account_deleting")
def forget_mail_of_deleted_account(sender, user, **kwargs):
    """Messages to the person, sent or waiting, hold their address and maybe their words: they
    go with the account (a waiting one is no longer wanted)."""
    from django_tasks_db.models import DBTaskResult

    addresses = {user.email.lower()} | {
        address.lower() for address in user.emailaddress_set.values_list("email", flat=True)
    }
    addresses.discard("")
    doomed = []
    for address in addresses:
        for row in DBTaskResult.objects.filter(
            task_path=deliver_email.module_path, args_kwargs__icontains=address
        ).only("id", "args_kwargs"):
            message = (row.args_kwargs.get("args") or [{}])[0]
            recipients = message.get("to", []) + message.get("cc", []) + message.get("bcc", [])
            if address in {recipient.lower() for recipient in recipients}:
                doomed.append(row.pk)
    DBTaskResult.objects.filter(pk__in=doomed).delete()
    return f"{len(doomed)} emails to them deleted" if doomed else ""
