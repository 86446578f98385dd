"""A moved WordPress site as readers see it: statuses kept, readable Unicode addresses, shortcodes
turned into our markup, and nothing that scrolls sideways or breaks a list."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Page
from comments.models import Comment
from library.models import Asset

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wxr"


def run(path, *args):
    out = StringIO()
    call_command("import_wxr", str(path), *args, stdout=out)
    return out.getvalue()


def test_unpublished_posts_and_pages_stay_unpublished(client):
    report = run(FIXTURES / "moved.xml")
    for title in ["A private note", "Waiting for review", "Members only"]:
        article = Article.objects.get(title=title)
        assert article.status == "draft", title
        assert client.get(article.get_absolute_url()).status_code == 404, title
    draft, protected = (
        Page.objects.get(title="Draft Page"),
        Page.objects.get(title="Protected Page"),
    )
    assert draft.status == protected.status == "draft"
    assert Page.objects.get(title="Contact").status == "published"
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(protected.get_absolute_url()).status_code == 404
    assert client.get(Page.objects.get(title="Contact").get_absolute_url()).status_code == 200
    assert "pages by status: 1 draft, 1 publish, 1 publish (password)" in report
    assert "page 26 was password-protected: imported as a draft" in report


def test_old_addresses_of_unpublished_items_wait_for_publication(client):
    run(FIXTURES / "moved.xml")
    for old in ["/?page_id=25", "/protected-page/", "/?p=22", "/2020/06/waiting-for-review/"]:
        assert client.get(old).status_code in (200, 404), old  # the home page or nothing
        assert not client.get(old).has_header("Location"), old
    assert client.get("/contact/")["Location"] == "/pages/contact/"
    page = Page.objects.get(title="Draft Page")
    page.status = Page.Status.PUBLISHED
    page.save()
    assert client.get("/?page_id=25")["Location"] == page.get_absolute_url()


def test_editors_preview_a_draft_page_privately(client, editor):
    run(FIXTURES / "moved.xml")
    client.force_login(editor)
    response = client.get(Page.objects.get(title="Draft Page").get_absolute_url())
    assert (
        response.status_code == 200 and "readers cannot see this page" in response.content.decode()
    )
    assert "no-store" in response["Cache-Control"]


def test_percent_encoded_slugs_become_readable_and_old_addresses_match_in_any_case(client):
    run(FIXTURES / "moved.xml")
    article = Article.objects.get(title="Coffee and the heart")
    assert article.slug == "健康-café"
    assert client.get(article.get_absolute_url()).status_code == 200
    for old in ["/2020/05/%e5%81%a5%e5%ba%b7-caf%c3%a9/", "/2020/05/%E5%81%A5%E5%BA%B7-caf%C3%A9/",
                "/2020/05/健康-café/"]:  # fmt: skip
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == "/articles/%E5%81%A5%E5%BA%B7-caf%C3%A9/"


def test_a_second_run_of_the_moved_site_changes_nothing():
    run(FIXTURES / "moved.xml")

    def state():
        return (
            list(Article.objects.values_list("slug", "body", "status", "version")),
            list(Page.objects.values_list("slug", "body", "status")),
            Comment.objects.count(),
        )

    before = state()
    report = run(FIXTURES / "moved.xml")
    assert state() == before
    assert "posts          0 new,     0 updated" in report


def test_shortcodes_become_figures_galleries_link_cards_and_players(tmp_path):
    from demo.images import hero_image

    uploads = tmp_path / "uploads" / "2020" / "05"
    uploads.mkdir(parents=True)
    (uploads / "cup.jpg").write_bytes(hero_image("cup.jpg", ["#000000", "#ffffff"], "x").read())
    (uploads / "talk.mp3").write_bytes(b"ID3" + b"\0" * 64)
    report = run(FIXTURES / "moved.xml", "--media-dir", str(tmp_path / "uploads"))
    body = Article.objects.get(title="Coffee and the heart").body
    cup = Asset.objects.get(source_url="https://moving.example/wp-content/uploads/2020/05/cup.jpg")
    talk = Asset.objects.get(kind="audio")
    assert (cup.title, cup.alt, cup.caption) == ("A cup", "A cup of coffee", "A morning cup.")
    assert cup.description == "A white cup on a table, seen from above."
    assert "[caption" not in body and "[gallery" not in body and "[embed" not in body
    assert f'<figure><img src="{cup.url}" alt="A cup of coffee"' in body  # was cup-300x200.jpg
    assert "<figcaption>A morning cup.</figcaption></figure>" in body
    assert f'<ul class="gallery"><li><figure><img src="{cup.url}"' in body
    assert (
        '<p class="link-card"><a href="https://www.youtube.com/watch?v=abc123" '
        'rel="noopener noreferrer">youtube.com/watch?v=abc123</a></p>'
    ) in body
    assert '<a href="https://vimeo.com/123456" rel="noopener noreferrer">' in body
    assert "<iframe" not in body
    assert f'<audio controls preload="none" src="{talk.url}">' in body
    assert "clip.mp4" in body and "<video" not in body  # not imported: a link to it, reported
    assert '[related_posts count="3"]' in body
    assert "[related_posts] in post 21 “Coffee and the heart”" in report
    assert "https://moving.example/wp-content/uploads/2020/05/clip.mp4" in report
    assert "https://moving.files.wordpress.com/2020/05/beans.jpg" in report
    assert "cup.jpg" not in report  # every size of it was found


def test_a_files_wordpress_com_image_is_found_in_the_media_dir(tmp_path):
    from demo.images import hero_image

    uploads = tmp_path / "uploads" / "2020" / "05"
    uploads.mkdir(parents=True)
    (uploads / "beans.jpg").write_bytes(hero_image("b.jpg", ["#000000", "#ffffff"], "x").read())
    report = run(FIXTURES / "moved.xml", "--media-dir", str(tmp_path / "uploads"))
    beans = Asset.objects.get(source_url="https://moving.files.wordpress.com/2020/05/beans.jpg")
    assert f'<img src="{beans.url}"' in Article.objects.get(slug="健康-café").body
    assert beans.decorative and "images without alt text in WordPress: 1" in report
    assert "beans.jpg" not in report


def test_the_more_tag_makes_the_dek_and_leaves_no_empty_paragraph():
    run(FIXTURES / "moved.xml")
    article = Article.objects.get(title="Coffee and the heart")
    assert article.dek == "Most people can drink coffee without harm."
    assert "<p></p>" not in article.body and "more" not in article.body


def test_stray_list_items_get_a_list_and_code_keeps_its_lines():
    run(FIXTURES / "moved.xml")
    body = Article.objects.get(title="Coffee and the heart").body
    assert "<ul><li>A list item with no list around it</li>" in body
    assert '<pre tabindex="0">print("a line of code long enough' in body


def test_an_item_without_a_post_type_is_named_with_its_comments():
    report = run(FIXTURES / "moved.xml")
    assert "item 40 “Orphan” has no post type: not imported, with its 1 comment" in report
    assert "(not content)" not in report


def test_only_chosen_terms_become_public_topics(client):
    from articles.models import Tag

    report = run(FIXTURES / "moved.xml", "--topics", "nutrition")
    nutrition, aciform = Tag.objects.get(name="Nutrition"), Tag.objects.get(name="aciform")
    assert nutrition.is_topic and not aciform.is_topic
    topics = client.get("/tags/").content.decode()
    assert "Nutrition" in topics and "aciform" not in topics
    assert client.get(aciform.get_absolute_url()).status_code == 404
    assert client.get(nutrition.get_absolute_url()).status_code == 200
    article = Article.objects.get(title="Coffee and the heart")
    page = client.get(article.get_absolute_url()).content.decode()
    assert ">Nutrition<" in page and "aciform" not in page
    assert "public topics: 1 (Nutrition); private keywords: 2" in report


def test_without_topics_nothing_goes_public_and_a_rerun_keeps_editors_choices(client):
    from articles.models import Tag

    run(FIXTURES / "moved.xml")
    assert not Tag.objects.filter(is_topic=True).exists()
    Tag.objects.filter(name="aciform").update(is_topic=True)  # an editor's choice, later
    run(FIXTURES / "moved.xml")
    assert list(Tag.objects.filter(is_topic=True).values_list("name", flat=True)) == ["aciform"]


def test_editors_find_articles_by_a_private_keyword(client, editor):
    run(FIXTURES / "moved.xml")
    client.force_login(editor)
    response = client.get("/admin/articles/article/", {"q": "aciform"})
    assert "Coffee and the heart" in response.content.decode()


def test_the_admin_dry_run_reports_and_the_editor_chooses_the_topics(client, editor):
    from articles.models import Tag
    from wordpress.models import ImportJob

    client.force_login(editor)
    with open(FIXTURES / "moved.xml", "rb") as export:
        response = client.post("/admin/wordpress/importjob/add/", {"export": export})
    job = ImportJob.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert not Article.objects.exists() and not Tag.objects.filter(name="aciform").exists()
    assert "What the import would do" in page and "[related_posts] in post 21" in page
    assert 'value="category:nutrition"' in page and 'value="post_tag:aciform"' in page
    client.post(response["Location"], {"topics": ["category:nutrition", "post_tag:nope"]})
    job.refresh_from_db()
    assert job.status == "done" and job.topics == ["category:nutrition"]
    assert list(Tag.objects.topics().values_list("name", flat=True)) == ["Nutrition"]
    before = Article.objects.count()
    again = client.post(response["Location"], {"topics": []})  # confirmed already
    assert again.status_code == 302 and Article.objects.count() == before
    assert list(Tag.objects.topics().values_list("name", flat=True)) == ["Nutrition"]


def test_co_authors_plus_terms_become_the_byline(client):
    run(FIXTURES / "moved.xml")
    article = Article.objects.get(title="Coffee and the heart")
    assert [author.name for author in article.authors] == ["Ben Okafor", "Ana Lima"]
    html = client.get(article.get_absolute_url()).content.decode()
    ben, ana = article.authors
    assert (
        f'By <a href="{ben.get_absolute_url()}">Ben Okafor</a> and '
        f'<a href="{ana.get_absolute_url()}">Ana Lima</a>'
    ) in html
    assert '"author": [{"@type": "Person", "name": "Ben Okafor"' in html
    assert '{"@type": "Person", "name": "Ana Lima"' in html
    for author in (ben, ana):  # both authors' pages list it
        assert "Coffee and the heart" in client.get(author.get_absolute_url()).content.decode()
    assert "By Ben Okafor and Ana Lima" in client.get("/").content.decode()


def test_only_importers_confirm_and_a_refused_confirmation_changes_nothing(
    client, editor, moderator
):
    from wordpress.models import ImportJob

    client.force_login(editor)
    with open(FIXTURES / "moved.xml", "rb") as export:
        response = client.post("/admin/wordpress/importjob/add/", {"export": export})
    confirm = response["Location"]
    client.force_login(moderator)
    assert client.post(confirm, {"topics": ["category:nutrition"]}).status_code in (403, 404)
    job = ImportJob.objects.get()
    assert job.status == "checked" and job.topics == [] and not Article.objects.exists()
    client.force_login(editor)
    assert client.get(confirm.replace(f"/{job.pk}/", "/999999/")).status_code == 404
