"""How following by email plugs into other apps' pages (they never import this app):
``{% follow_form article %}`` (or a tag, or an author) and, on the account page,
``{% account_subscriptions user %}``."""

from django import template

from subscriptions.forms import SubscribeForm
from subscriptions.links import manage_url
from subscriptions.services import field_for, subscribers_of_user

register = template.Library()

OFFERS = {
    "article": "Get an email when this article changes",
    "tag": "Get an email about new articles and updates on this topic",
    "author": "Get an email about new articles and updates by this author",
}


@register.inclusion_tag("subscriptions/follow_form.html")
def follow_form(followed):
    """The same for every reader (no address, no token): the page around it stays cacheable.
    The template writes out ``SubscribeForm``'s inputs (ids as ``auto_id="follow-<kind>-%s"``
    makes them) from its fields' labels and choices, without a bound form: it is on every
    article, topic and author page."""
    kind = field_for(followed)
    return {
        "fields": SubscribeForm.base_fields,
        "follow": f"{kind}:{followed.pk}",
        "heading": OFFERS[kind],
        "kind": kind,
    }


@register.inclusion_tag("subscriptions/account_subscriptions.html")
def account_subscriptions(user):
    subscribers = list(subscribers_of_user(user))
    return {"subscribers": [(subscriber, manage_url(subscriber)) for subscriber in subscribers]}
