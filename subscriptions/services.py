"""Subscribing, confirming and unsubscribing: the rules, in one place (views stay thin)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from . import links
from .models import Subscriber, Subscription


def normalize_email(email):
    return (email or "").strip().lower()


def field_for(followed):
    """``article``, ``tag`` or ``author``: the subscription field that holds ``followed``."""
    return followed._meta.model_name


def subscribe(email, followed, frequency=Subscriber.Frequency.IMMEDIATELY):
    """Ask to follow ``followed`` (an article, tag or author) at ``email``. Nothing is sent to
    the address until it confirms: a confirmation email goes out unless this subscription is
    already confirmed. The frequency of an existing address is never changed from here (anyone
    can type an address); its owner changes it on the manage page."""
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.get_or_create(
            email=normalize_email(email), defaults={"frequency": frequency}
        )
        subscription, _ = Subscription.objects.get_or_create(
            subscriber=subscriber, **{field_for(followed): followed}
        )
        if subscription.confirmed_at is None:
            send_confirmation(subscriber)
    return subscription


def send_confirmation(subscriber):
    pending = list(subscriber.subscriptions.filter(confirmed_at__isnull=True)
                   .select_related("article", "tag", "author"))  # fmt: skip
    context = {"subscriber": subscriber, "pending": pending, "SITE_NAME": settings.SITE_NAME,
               "confirm_url": links.confirm_url(subscriber),
               "valid_days": links.CONFIRM_WITHIN.days}  # fmt: skip
    EmailMessage(
        subject=f"[{settings.SITE_NAME}] Confirm your email alerts",
        body=render_to_string("subscriptions/email/confirm.txt", context),
        to=[subscriber.email],
    ).send()


def confirm(subscriber):
    """Confirm every pending subscription of ``subscriber``; returns how many."""
    return subscriber.subscriptions.filter(confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )


def unsubscribe(subscriber):
    """Forget the address: its subscriptions and what it was sent go with it."""
    subscriber.delete()


def remove_subscription(subscriber, subscription_id):
    """Stop one subscription; the address goes with its last one. Returns whether one went."""
    deleted, _ = subscriber.subscriptions.filter(pk=subscription_id).delete()
    if deleted and not subscriber.subscriptions.exists():
        unsubscribe(subscriber)
    return bool(deleted)


def subscribers_of_user(user):
    """The subscribers at the addresses of a logged-in reader (all their verified addresses)."""
    from allauth.account.models import EmailAddress

    emails = {normalize_email(address) for address in EmailAddress.objects.filter(
        user=user, verified=True).values_list("email", flat=True)}  # fmt: skip
    return Subscriber.objects.filter(email__in=emails).prefetch_related(
        "subscriptions__article", "subscriptions__tag", "subscriptions__author"
    )
