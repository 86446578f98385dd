"""Follow by email without an account: double opt-in, one email per substantive update with its
note, date and "what changed" link, never for a minor edit; weekly digests; topic and author
follows; one-click unsubscribe (RFC 8058) and a signed manage page; the account page; rate
limits and bad input."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from articles.revisions import save_article
from subscriptions.models import Delivery, Subscriber, Subscription
from subscriptions.sending import send_weekly_digests
from tests.factories import PASSWORD, make_article, make_tag

pytestmark = pytest.mark.django_db

EMAIL = "follower@example.org"


def follow(client, thing, email=EMAIL, frequency="immediately"):
    kind = thing._meta.model_name
    return client.post(
        reverse("subscriptions:subscribe"),
        {"email": email, "frequency": frequency, "follow": f"{kind}:{thing.pk}"},
    )


def link_in(message, name):
    return re.search(rf"http://testserver(/subscriptions/{name}/[^/\s]+/)", message.body).group(1)


def confirmed(client, thing, email=EMAIL, frequency="immediately"):
    mail.outbox.clear()
    assert follow(client, thing, email, frequency).status_code == 200
    [message] = mail.outbox
    response = client.post(link_in(message, "confirm"))
    assert response.status_code == 302
    mail.outbox.clear()
    return Subscriber.objects.get(email=email)


def update(article, note="Changed the advice on doses.", minor=False):
    article.body += f"<p>{note}</p>"
    return save_article(article, change_note=note, minor=minor)


def test_a_reader_subscribes_confirms_and_gets_one_email_per_substantive_update(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Get an email when this article changes" in html
    response = follow(client, article)
    assert response.status_code == 200
    assert "We sent a confirmation link" in response.content.decode()
    [confirmation] = mail.outbox
    assert confirmation.to == [EMAIL] and "Updates to “Why do we yawn?”" in confirmation.body

    mail.outbox.clear()
    update(article, "Before confirming.")
    assert mail.outbox == []  # nothing until the address confirms

    confirm = link_in(confirmation, "confirm")
    page = client.get(confirm)
    assert page.status_code == 200 and "Confirm your email alerts" in page.content.decode()
    assert Subscription.objects.get().confirmed_at is None  # a GET changes nothing
    assert client.post(confirm).status_code == 302
    assert Subscription.objects.get().confirmed_at is not None

    update(article, "Fixed a typo.", minor=True)
    assert mail.outbox == []  # minor edits never send anything

    revision = update(article, "Lowered the recommended dose.")
    [message] = mail.outbox
    assert message.to == [EMAIL]
    assert message.subject.endswith("Updated: Why do we yawn?")
    assert "Lowered the recommended dose." in message.body
    assert timezone.now().strftime("%-d %B %Y") in message.body
    changes = reverse("articles:article_update", args=[article.slug, revision.number])
    assert f"http://testserver{changes}" in message.body
    assert client.get(changes).status_code == 200
    unsubscribe = link_in(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"http://testserver{unsubscribe}" in message.body
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 1


def test_one_click_unsubscribe_works_with_a_bare_post_and_removes_the_address(client, article):
    confirmed(client, article)
    update(article)
    unsubscribe = link_in(mail.outbox[0], "unsubscribe")
    mail_program = Client(enforce_csrf_checks=True)  # no cookie, no token: RFC 8058
    assert mail_program.get(unsubscribe).status_code == 200
    assert Subscriber.objects.exists()  # link scanners fetch with GET: nothing happens
    response = mail_program.post(
        unsubscribe, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert not Subscriber.objects.exists() and not Delivery.objects.exists()
    mail.outbox.clear()
    update(article, "Another change.")
    assert mail.outbox == []
    assert mail_program.post(unsubscribe).status_code == 200  # twice is harmless


def test_forged_or_expired_links_change_nothing(client, article):
    subscriber = confirmed(client, article)
    for name in ("manage", "unsubscribe", "confirm"):
        url = reverse(f"subscriptions:{name}", args=[f"{subscriber.key}:forged"])
        assert client.get(url).status_code == 404
        client.post(url)
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
    follow(client, make_article(article.author))
    confirm = link_in(mail.outbox[-1], "confirm")
    with freeze_time(timezone.now() + timedelta(days=8)):
        assert client.post(confirm).status_code == 404
    assert Subscription.objects.filter(confirmed_at__isnull=True).count() == 1


def test_the_manage_page_lists_changes_frequency_and_removes_one_subscription(client, article):
    confirmed(client, article)
    tag = article.tags.get()
    subscriber = confirmed(client, tag)
    update(article)
    manage = link_in(mail.outbox[0], "manage")
    response = client.get(manage)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Updates to “Why do we yawn?”" in html and "New articles and updates on Sleep" in html
    assert client.post(manage, {"frequency": "monthly"}).status_code == 400
    assert client.post(manage, {"frequency": "weekly"}).status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.frequency == "weekly"
    by_tag = Subscription.objects.get(tag=tag)
    client.post(manage, {"remove": by_tag.pk})
    assert list(subscriber.subscriptions.values_list("article", flat=True)) == [article.pk]
    response = client.post(manage, {"remove": subscriber.subscriptions.get().pk})
    assert "You are unsubscribed" in response.content.decode()
    assert not Subscriber.objects.exists()  # the address goes with its last subscription


def test_following_a_topic_or_author_brings_new_articles_and_updates_once_each(client, author):
    tag = make_tag("Heart")
    confirmed(client, tag)
    confirmed(client, author)
    article = make_article(author, title="What is a heart attack?", tags=[tag],
                           published_at=timezone.now())  # fmt: skip
    [message] = mail.outbox  # follows both the topic and the author: one email
    assert message.subject.endswith("New article: What is a heart attack?")
    confirmed(client, article)  # and now the article itself, too
    article.revisions.update(created_at=timezone.now() - timedelta(days=2))
    with freeze_time(timezone.now() + timedelta(days=1)):
        update(article, "Added the warning signs in women.")
    [message] = mail.outbox
    assert "Added the warning signs in women." in message.body


def test_weekly_subscribers_get_one_digest_with_every_update(client, article):
    subscriber = confirmed(client, article, frequency="weekly")
    update(article, "First change.")
    update(article, "Second change.")
    assert mail.outbox == []
    send_weekly_digests.enqueue()
    [digest] = mail.outbox
    assert digest.to == [subscriber.email]
    assert "First change." in digest.body and "Second change." in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    send_weekly_digests.enqueue()
    assert len(mail.outbox) == 1  # nothing twice


def test_an_existing_address_is_not_changed_by_someone_else_subscribing_it(client, article):
    subscriber = confirmed(client, article, frequency="weekly")
    follow(client, article.tags.get(), frequency="immediately")
    subscriber.refresh_from_db()
    assert subscriber.frequency == "weekly"
    assert Subscription.objects.filter(tag__isnull=False, confirmed_at__isnull=True).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"email": "not an address", "frequency": "immediately"},
        {"email": EMAIL, "frequency": "hourly"},
        {"email": EMAIL, "frequency": "immediately", "follow": "article:999999"},
        {"email": EMAIL, "frequency": "immediately", "follow": "user:1"},
        {"email": EMAIL, "frequency": "immediately", "follow": "article:1x"},
        {"email": EMAIL + "\x00", "frequency": "immediately"},
        {},
    ],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(client, article, data):
    data.setdefault("follow", f"article:{article.pk}")
    response = client.post(reverse("subscriptions:subscribe"), data)
    assert response.status_code == 400
    assert 'class="field-errors"' in response.content.decode() or "form-errors" in (
        response.content.decode()
    )
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_drafts_cannot_be_followed_and_the_form_needs_post(client, author):
    draft = make_article(author, status="draft")
    assert follow(client, draft).status_code == 400
    assert client.get(reverse("subscriptions:subscribe")).status_code == 405
    assert not Subscriber.objects.exists()


def test_the_subscribe_form_is_rate_limited(client, article):
    for _ in range(3):
        assert follow(client, article).status_code == 200
    response = follow(client, article)
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert len(mail.outbox) == 3


def test_logged_in_readers_see_their_alerts_and_deleting_the_account_removes_them(
    client, reader, article
):
    confirmed(client, article, email=reader.email)
    client.force_login(reader)
    html = client.get(reverse("comments:preferences")).content.decode()
    assert "Email alerts" in html and "Updates to “Why do we yawn?”" in html
    assert "/subscriptions/manage/" in html
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not Subscriber.objects.exists()


def test_public_pages_with_the_form_set_no_cookie(client, article):
    for url in (article.get_absolute_url(), article.tags.get().get_absolute_url(),
                article.author.get_absolute_url()):  # fmt: skip
        response = client.get(url)
        assert "Follow by email" in response.content.decode()
        assert not response.cookies


def test_nothing_is_sent_about_an_article_archived_before_sending(client, article, editor):
    confirmed(client, article, frequency="weekly")
    update(article, "A change.")
    article.status = "archived"
    save_article(article, editor=editor, change_note="Withdrawn.", minor=True)
    send_weekly_digests.enqueue()
    assert mail.outbox == []
    assert not Delivery.objects.filter(sent_at__isnull=True).exists()
