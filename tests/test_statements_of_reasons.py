"""Statements of reasons that last: every limiting decision keeps its reason and policy clause,
the person is told by email and on their account page, may appeal once, and the record stays
after a reversal. Plus the emails about held comments (with an opt-out)."""

from django.core import mail
from django.urls import reverse

from accounts.signals import account_deleting
from comments.models import Appeal, Comment, ModerationLog
from comments.moderation import moderate, sanction
from comments.policy import CLAUSES


def held(article, author, body="A careful comment."):
    return Comment.objects.create(article=article, author=author, body=body)


def test_a_rejection_is_emailed_with_reason_and_clause_and_listed_on_the_account_page(
    client, article, regular, moderator
):
    comment = held(article, regular)
    moderate(comment, "reject", moderator, "Presents a claim as fact without a source.")
    entry = ModerationLog.objects.get(comment=comment, action="reject")
    assert entry.clause == CLAUSES["reject"]
    (email,) = mail.outbox
    assert email.to == [regular.email] and "was not published" in email.subject
    assert "Presents a claim as fact" in email.body and CLAUSES["reject"] in email.body
    assert reverse("comments:decisions") in email.body
    client.force_login(regular)
    html = client.get(reverse("comments:decisions")).content.decode()
    assert "Presents a claim as fact without a source." in html and "Policy:" in html


def test_the_record_stays_after_a_reversal(client, article, regular, moderator):
    comment = held(article, regular)
    moderate(comment, "reject", moderator, "Off topic.")
    moderate(comment, "restore", moderator)
    moderate(comment, "approve", moderator)
    client.force_login(regular)
    html = client.get(reverse("comments:decisions")).content.decode()
    assert "Off topic." in html and "Reversed on" in html


def test_a_sanction_is_a_statement_of_reasons_too(client, regular, moderator):
    sanction(regular, moderator, days=7, reason="Insults other readers.")
    assert "Insults other readers." in mail.outbox[-1].body
    assert CLAUSES["suspend"] in mail.outbox[-1].body
    client.force_login(regular)
    assert "Insults other readers." in client.get(reverse("comments:decisions")).content.decode()


def test_one_appeal_per_decision_and_moderators_are_told(client, article, regular, moderator):
    comment = held(article, regular)
    moderate(comment, "reject", moderator, "Off topic.")
    entry = ModerationLog.objects.get(comment=comment, action="reject")
    client.force_login(regular)
    mail.outbox.clear()
    url = reverse("comments:appeal", args=[entry.pk])
    client.post(url, {"text": "It answers the article's second question."})
    assert Appeal.objects.get(decision=entry).text == "It answers the article's second question."
    assert [m.to for m in mail.outbox] == [[moderator.email]]
    response = client.post(url, {"text": "Again."}, follow=True)
    assert "You have already appealed this decision." in response.content.decode()
    assert Appeal.objects.count() == 1


def test_nobody_appeals_someone_elses_decision_and_bad_input_changes_nothing(
    client, article, regular, reader, moderator
):
    comment = held(article, regular)
    moderate(comment, "reject", moderator, "Off topic.")
    entry = ModerationLog.objects.get(comment=comment, action="reject")
    client.force_login(reader)
    url = reverse("comments:appeal", args=[entry.pk])
    assert client.post(url, {"text": "x"}).status_code == 404
    client.force_login(regular)
    assert client.get(reverse("comments:appeal", args=[entry.pk])).status_code == 405
    client.post(reverse("comments:appeal", args=[entry.pk]), {"text": ""})
    client.post(reverse("comments:appeal", args=[entry.pk]), {"text": "x" * 1001})
    assert not Appeal.objects.exists()


def test_an_approval_of_a_held_comment_is_emailed_unless_opted_out(article, regular, moderator):
    moderate(held(article, regular), "approve", moderator)
    assert [m.subject for m in mail.outbox][-1].endswith("Your comment is published")
    regular.notify_on_decision = False
    regular.save()
    mail.outbox.clear()
    moderate(held(article, regular, "Another one."), "approve", moderator)
    assert mail.outbox == []


def test_the_opt_out_is_on_the_account_page(client, regular):
    client.force_login(regular)
    client.post(reverse("comments:preferences"), {"notify_on_reply": "on"})
    regular.refresh_from_db()
    assert regular.notify_on_reply and not regular.notify_on_decision
    html = client.get(reverse("comments:preferences")).content.decode()
    assert reverse("comments:decisions") in html


def test_appeal_texts_go_with_the_account(article, regular, moderator):
    comment = held(article, regular)
    moderate(comment, "reject", moderator, "Off topic.")
    entry = ModerationLog.objects.get(comment=comment, action="reject")
    Appeal.objects.create(decision=entry, user=regular, text="My words.")
    account_deleting.send(sender=None, user=regular)
    assert not Appeal.objects.filter(text="My words.").exists()


def test_the_decisions_page_needs_a_login_and_few_queries(
    client, article, regular, moderator, django_assert_max_num_queries
):
    for number in range(5):
        moderate(held(article, regular, f"Comment {number}."), "reject", moderator, "No.")
    client.force_login(regular)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("comments:decisions")).status_code == 200
    client.logout()
    assert client.get(reverse("comments:decisions")).status_code == 302


def test_confirming_the_email_returns_to_the_article_even_on_another_device(client, article):
    import re

    from django.test import Client

    back = f"{article.get_absolute_url()}#comment-form"
    client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "username": "newbie", "password1": "a-long-unusual-pass",
         "password2": "a-long-unusual-pass", "next": back},
    )  # fmt: skip
    link = re.search(r"http://testserver(/accounts/confirm-email/[^/\s]+/)", mail.outbox[0].body)
    other_device = Client()
    response = other_device.post(link.group(1))
    assert response.status_code == 302 and response["Location"] == back


def test_a_signup_elsewhere_is_not_a_redirect_target(client, db):
    client.post(
        reverse("account_signup"),
        {"email": "n2@example.com", "username": "newbie2", "password1": "a-long-unusual-pass",
         "password2": "a-long-unusual-pass", "next": "https://evil.example/"},
    )  # fmt: skip
    from accounts.models import User

    assert User.objects.get(username="newbie2").return_to == ""
