"""The signed links we email to a subscriber. Each carries the subscriber's random key, signed
with the site's secret: it works for that address only, and stops working once the address is
removed (a new subscription gets a new key). Confirmation links expire; manage and unsubscribe
links last as long as the subscription, as RFC 8058 expects of a List-Unsubscribe address."""

from datetime import timedelta

from django.core import signing
from django.urls import reverse

from core.site import absolute_url

from .models import Subscriber

CONFIRM_WITHIN = timedelta(days=7)
_LINK = signing.Signer(salt="subscriptions.link")
_CONFIRM = signing.TimestampSigner(salt="subscriptions.confirm")


def manage_token(subscriber):
    return _LINK.sign(subscriber.key)


def manage_url(subscriber):
    return absolute_url(reverse("subscriptions:manage", args=[manage_token(subscriber)]))


def unsubscribe_url(subscriber):
    return absolute_url(reverse("subscriptions:unsubscribe", args=[_LINK.sign(subscriber.key)]))


def confirm_url(subscriber):
    return absolute_url(reverse("subscriptions:confirm", args=[_CONFIRM.sign(subscriber.key)]))


def subscriber_from_link(token):
    """The subscriber a manage or unsubscribe link names, or None (forged, or removed)."""
    try:
        key = _LINK.unsign(token)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(key=key).first()


def subscriber_from_confirmation(token):
    """The subscriber a confirmation link names, or None (forged, expired, or removed)."""
    try:
        key = _CONFIRM.unsign(token, max_age=CONFIRM_WITHIN)
    except signing.BadSignature:  # SignatureExpired included
        return None
    return Subscriber.objects.filter(key=key).first()
