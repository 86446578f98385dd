"""Editors work in the admin: saves record revisions, concurrent saves lose nothing,
revisions can be listed, compared and restored, and only the right roles get in."""

import re

import pytest
from django.urls import reverse

from articles.models import Article, Tag
from articles.revisions import save_article
from tests.factories import make_tag

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def sources_management(article=None, total=None):
    """The Sources inline's management form: the article's sources as they are stored."""
    stored = article.sources.count() if article is not None and article.pk else 0
    total = stored if total is None else total
    data = {"sources-TOTAL_FORMS": total, "sources-INITIAL_FORMS": stored}
    for index, source in enumerate(article.sources.all() if stored else []):
        data[f"sources-{index}-id"] = source.pk
        data[f"sources-{index}-article"] = article.pk
        data[f"sources-{index}-position"] = source.position
        for name in source.EDITABLE:
            value = getattr(source, name)
            data[f"sources-{index}-{name}"] = "" if value is None else value
    return data


def form_data(article, **overrides):
    """The admin change form as a browser would post it for ``article``."""
    data = {
        "title": article.title,
        "slug": article.slug,
        "dek": article.dek,
        "body": article.body,
        "hero_alt": article.hero_alt,
        "hero_caption": article.hero_caption,
        "hero_credit": article.hero_credit,
        "author": article.author_id,
        "reviewer": article.reviewer_id or "",
        "tags": [tag.pk for tag in article.tags.all()],
        "related": [],
        "status": article.status,
        "published_at_0": article.published_at.strftime("%Y-%m-%d") if article.published_at else "",
        "published_at_1": article.published_at.strftime("%H:%M:%S") if article.published_at else "",
        "comments_open": "on" if article.comments_open else "",
        "regularly_updated": "",
        "featured": "",
        "change_note": "Updated in a test.",
        "loaded_version": article.version,
        **sources_management(article),
        "bylines-TOTAL_FORMS": "0",  # the further authors' inline, left empty
        "bylines-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value != ""}


def test_it_saves_with_a_change_note_and_records_a_revision(client, editor, article):
    client.force_login(editor)
    new_tag = make_tag("Dreams")
    response = client.post(
        change_url(article),
        form_data(
            article,
            body="<p>Rewritten opening.</p>",
            change_note="Rewrote the opening.",
            tags=[new_tag.pk],
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>Rewritten opening.</p>"
    revision = article.revisions.order_by("-number").first()
    assert revision.number == 2
    assert revision.editor == editor
    assert revision.change_note == "Rewrote the opening."
    assert not revision.is_minor
    assert [t["name"] for t in revision.snapshot["tags"]] == ["Dreams"]  # one revision per save
    assert article.revisions.count() == 2


def test_a_minor_admin_edit_keeps_the_public_date(client, editor, article):
    client.force_login(editor)
    before = article.updated_at
    client.post(
        change_url(article),
        form_data(article, body="<p>Fixed a typo.</p>", change_note="Typo", is_minor="on"),
    )
    article.refresh_from_db()
    assert article.body == "<p>Fixed a typo.</p>"
    assert article.updated_at == before


def test_a_hostile_body_saved_in_the_admin_is_sanitized(client, editor, article):
    client.force_login(editor)
    client.post(
        change_url(article),
        form_data(article, body='<p onclick="steal()">Hi</p><script>steal()</script>'),
    )
    article.refresh_from_db()
    assert article.body == "<p>Hi</p>"


def test_the_second_of_two_concurrent_saves_is_refused_and_keeps_its_text(
    client, editor, superuser, article
):
    # Both editors open the article (same version), the first saves.
    opened_version = article.version
    client.force_login(superuser)
    first = client.post(
        change_url(article),
        form_data(article, body="<p>First editor's words.</p>", change_note="First"),
    )
    assert first.status_code == 302

    client.force_login(editor)
    second = client.post(
        change_url(article),
        form_data(
            article,
            body="<p>Second editor's words.</p>",
            change_note="Second",
            loaded_version=opened_version,
        ),
    )
    assert second.status_code == 200
    page = second.content.decode()
    assert "Not saved: admin saved this article" in page
    assert "Your text is still in the form below" in page
    assert "Open the latest version</a>" in page and "changed</a>" in page
    assert "Second editor&#x27;s words." in page  # the form keeps this editor's text
    article.refresh_from_db()
    assert article.body == "<p>First editor's words.</p>"
    assert article.revisions.count() == 2


def test_editor_can_list_compare_and_restore_revisions(client, editor, article):
    client.force_login(editor)
    first = article.revisions.get()
    article.body = "<p>First paragraph of the body, now longer.</p>"
    save_article(article, editor=editor, change_note="Longer")

    listing = client.get(reverse("admin:articles_article_revisions", args=[article.pk]))
    assert listing.status_code == 200
    assert "Compare with current" in listing.content.decode()

    compare = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"from": first.pk, "to": "current"},
    )
    html = compare.content.decode()
    assert compare.status_code == 200
    assert "First paragraph of the <del>body.</del><ins>body, now longer.</ins>" in html
    assert re.search(r'diff-as-h2">.*A section', html)  # the removed heading, as a heading
    assert "## " not in html
    assert "&lt;p&gt;" not in html  # rendered text changes, not markup soup

    restore = client.post(
        reverse("admin:articles_article_restore", args=[article.pk, first.pk]),
        {"kind": "substantive", "change_note": "Back to the original."},
    )
    assert restore.status_code == 302
    article.refresh_from_db()
    assert article.body == first.snapshot["body"]
    assert article.revisions.count() == 3
    assert article.revisions.order_by("-number").first().change_note == "Back to the original."


def test_compare_with_nonsense_parameters_explains_itself(client, editor, article):
    client.force_login(editor)
    response = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"from": "x"}, follow=True
    )
    assert "Choose two revisions" in response.content.decode()


def test_restore_needs_post(client, editor, article):
    client.force_login(editor)
    url = reverse("admin:articles_article_restore", args=[article.pk, article.revisions.get().pk])
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("persona", ["reader", "moderator"])
def test_others_cannot_change_articles(client, request, article, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.post(change_url(article), form_data(article, body="<p>Vandalised</p>"))
    assert response.status_code in (302, 403)
    article.refresh_from_db()
    assert article.body != "<p>Vandalised</p>"


def test_a_reader_cannot_open_the_admin_article_pages(client, reader, article):
    client.force_login(reader)
    for url in (
        reverse("admin:articles_article_changelist"),
        change_url(article),
        reverse("admin:articles_article_revisions", args=[article.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_a_moderator_sees_but_cannot_restore(client, moderator, article):
    client.force_login(moderator)
    assert client.get(change_url(article)).status_code == 200  # view-only form
    revision = article.revisions.get()
    url = reverse("admin:articles_article_restore", args=[article.pk, revision.pk])
    assert client.post(url).status_code == 403
    page = client.get(reverse("admin:articles_article_revision", args=[article.pk, revision.pk]))
    assert "Restore this revision" not in page.content.decode()


def test_an_editor_can_add_an_article(client, editor, author):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Is coffee dehydrating?",
            "slug": "is-coffee-dehydrating",
            "body": "<p>Mostly not.</p>",
            "author": author.pk,
            "status": "published",
            "comments_open": "on",
            "change_note": "First published.",
            **sources_management(),
            "bylines-TOTAL_FORMS": "0",
            "bylines-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="is-coffee-dehydrating")
    assert article.published_at is not None
    assert article.revisions.get().editor == editor


def test_a_blank_tag_name_is_refused(client, editor):
    client.force_login(editor)
    response = client.post(reverse("admin:articles_tag_add"), {"name": "   ", "slug": "blank"})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Tag.objects.exists()


def test_long_unchanged_stretches_are_folded_in_the_diff():
    from articles.diff import diff_snapshots

    paragraphs = "".join(f"<p>Paragraph {n}.</p>" for n in range(10))
    changed = paragraphs.replace("Paragraph 5.", "Paragraph five.")
    [body] = diff_snapshots({"body": paragraphs}, {"body": changed})
    assert [line.kind for line in body.lines] == [
        "skipped", "same", "changed", "same", "skipped",
    ]  # fmt: skip
    assert body.lines[0].html == "4 unchanged paragraphs"


def test_a_title_of_control_characters_is_a_form_error_not_a_500(client, editor, article):
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, title="\x01\x02"))
    assert response.status_code == 200
    assert "This field cannot be blank" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Why do we yawn?"
    assert article.revisions.count() == 1


def test_an_editor_adds_further_authors_in_byline_order(client, editor, article):
    from articles.models import Author

    second = Author.objects.create(name="Ben Ode", slug="ben-ode", short_bio="Writes.")
    third = Author.objects.create(name="Cy Park", slug="cy-park", short_bio="Writes.")
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, **{
        "bylines-TOTAL_FORMS": "2", "bylines-0-author": third.pk, "bylines-0-position": "1",
        "bylines-1-author": second.pk, "bylines-1-position": "2",
    }))  # fmt: skip
    assert response.status_code == 302
    article.refresh_from_db()
    assert [a.name for a in article.authors] == [article.author.name, "Cy Park", "Ben Ode"]
    html = client.get(article.get_absolute_url()).content.decode()
    assert f"{article.author.byline}</a>, <a" in html and "Cy Park</a> and <a" in html
