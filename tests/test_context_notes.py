"""Editor's notes: a moderator or the article's clinician adds context under a published
comment instead of deleting it; shown publicly, logged, editable and removable. Held claims on a
reviewed article go to that clinician's attention."""

import pytest
from django.core import mail
from django.urls import reverse

from comments.models import Comment, ContextNote, ModerationLog
from tests.factories import article_html, make_user

NOTE = "Controlled trials found copper bracelets no better than a placebo for arthritis pain."


@pytest.fixture
def claim(article):
    return Comment.objects.create(
        article=article, author=make_user("marcus"), status="approved",
        body="Copper bracelets remove the pain instantly.",
    )  # fmt: skip


def note_url(comment):
    return reverse("moderation:note", args=[comment.pk])


def test_a_moderator_adds_a_note_shown_under_the_comment_and_logged(client, moderator, claim):
    client.force_login(moderator)
    assert client.get(note_url(claim)).status_code == 200
    response = client.post(note_url(claim), {"body": NOTE, "link": "https://example.org/trial"})
    assert response.status_code == 302
    html = article_html(client, claim.article)
    assert "Editor&#x27;s note:" in html or "Editor's note:" in html
    assert NOTE in html and 'href="https://example.org/trial"' in html
    entry = ModerationLog.objects.get(comment=claim, action="note")
    assert entry.actor == moderator and NOTE in entry.reason


def test_a_note_is_edited_and_removed_and_the_log_keeps_every_version(client, moderator, claim):
    client.force_login(moderator)
    client.post(note_url(claim), {"body": "First wording.", "link": ""})
    client.post(note_url(claim), {"body": NOTE, "link": ""})
    assert ContextNote.objects.get(comment=claim).body == NOTE
    page = client.get(note_url(claim)).content.decode()
    assert "Change the editor" in page and "Remove the note" in page
    client.post(reverse("moderation:remove_note", args=[claim.pk]))
    assert not ContextNote.objects.filter(comment=claim).exists()
    assert NOTE not in article_html(client, claim.article)
    actions = list(ModerationLog.objects.filter(comment=claim).values_list("action", flat=True))
    assert {"note", "note_edit", "note_remove"} <= set(actions)
    assert ModerationLog.objects.get(comment=claim, action="note").reason == "First wording."


def test_the_articles_clinician_may_write_a_note(client, clinician, claim):
    article = claim.article
    article.reviewer = clinician
    article.save()
    client.force_login(clinician.user)
    response = client.post(note_url(claim), {"body": NOTE, "link": ""})
    assert response.status_code == 302
    assert ContextNote.objects.get(comment=claim).written_by == clinician.user


def test_readers_may_not_write_notes_and_nothing_changes(client, reader, claim):
    client.force_login(reader)
    assert client.get(note_url(claim)).status_code == 403
    assert client.post(note_url(claim), {"body": "Mine."}).status_code == 403
    client.logout()
    assert client.post(note_url(claim), {"body": "Mine."}).status_code == 403
    assert not ContextNote.objects.exists()


def test_notes_only_go_on_published_comments(client, moderator, article):
    held = Comment.objects.create(article=article, author=make_user("h"), body="Held.")
    client.force_login(moderator)
    assert client.get(note_url(held)).status_code == 404
    assert client.post(reverse("moderation:remove_note", args=[held.pk])).status_code == 404


def test_a_bad_note_is_refused_with_a_message_and_nothing_saved(client, moderator, claim):
    client.force_login(moderator)
    response = client.post(note_url(claim), {"body": "", "link": "javascript:alert(1)"})
    assert response.status_code == 400
    assert not ContextNote.objects.exists()
    response = client.post(note_url(claim), {"body": "x" * 601, "link": ""})
    assert response.status_code == 400 and not ContextNote.objects.exists()


def test_a_held_claim_on_a_reviewed_article_goes_to_the_clinicians_attention(
    client, article, clinician, regular, moderator
):
    article.reviewer = clinician
    article.save()
    clinician.user.email = "maya@example.org"
    clinician.user.save()
    client.force_login(regular)
    client.post(reverse("comments:post", args=[article.slug]),
                {"body": "Turmeric cured my arthritis in a week."})  # fmt: skip
    assert [m.to for m in mail.outbox] == [["maya@example.org"]]
    assert "Turmeric cured my arthritis" in mail.outbox[0].body
    client.force_login(moderator)
    html = client.get(reverse("moderation:queue", args=["pending"])).content.decode()
    assert "Treatment claim: for Maya Okafor's attention" in html
