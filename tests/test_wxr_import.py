"""Moving a WordPress site: `import_wxr` brings posts, pages, authors, terms and threaded comments,
keeps old addresses working, is idempotent, and refuses bad files without changing anything."""

from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Author, Page, Revision, Tag
from comments.models import Comment
from wordpress.models import ImportedItem

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wxr"
SHARED = Path(settings.BASE_DIR).parent / "shared" / "fixtures" / "wxr"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/fixtures/wxr is absent")


def run(path, *args):
    out = StringIO()
    call_command("import_wxr", str(path), *args, stdout=out)
    return out.getvalue()


def counts():
    models = [m for m in apps.get_models() if m._meta.app_label in
              ("articles", "comments", "wordpress", "redirects", "reviews")]  # fmt: skip
    return {model.__name__: model.objects.count() for model in models}


def test_a_post_comes_over_whole(client):
    report = run(FIXTURES / "small.xml")
    article = Article.objects.get(title="What causes night sweats?")
    assert article.status == "published" and article.slug == "what-causes-night-sweats"
    assert article.author.name == "Jim Doe, PhD"
    assert article.dek == "Usually harmless; sometimes worth a check."
    assert "<!--" not in article.body and "<script" not in article.body
    assert "<p>Most night sweats are harmless.</p>" in article.body
    assert "A warm room is the usual cause.<br>" in article.body
    assert '[related_posts count="3"]' in article.body  # unknown shortcode kept as text
    assert 'src="https://old.example/wp-content/uploads/2019/04/bed.jpg"' in article.body
    assert article.published_at.isoformat() == "2019-04-02T08:00:00+00:00"
    assert article.updated_at.isoformat() == "2021-06-01T10:00:00+00:00"
    [revision] = article.revisions.all()
    assert revision.change_note == "Imported from WordPress (post 101)."
    assert {tag.name for tag in article.tags.all()} == {
        "Health › Sleep", "Kids › Sleep", "Melatonin", "Undeclared tag",
    }  # fmt: skip
    draft = Article.objects.get(title="A draft about naps")
    assert draft.status == "draft" and draft.published_at is None
    assert draft.author.name == "guest-writer"  # a dc:creator with no author entry
    assert Page.objects.get(title="About the old blog").body == "<p>We write about health.</p>"
    assert "shortcodes kept as text: related_posts" in report
    assert "1 × nav_menu_item (not content)" in report
    assert "1 × pingbacks are not comments" in report


def test_threads_are_rebuilt_whatever_the_order_and_depth(client):
    report = run(FIXTURES / "small.xml")
    ann = Comment.objects.get(legacy_author_name="Ann")
    before = Comment.objects.get(legacy_author_name="Reply Before Parent")
    third = Comment.objects.get(legacy_author_name="Deep One")
    fourth = Comment.objects.get(legacy_author_name="Deeper")
    assert before.parent == ann and third.parent == before and third.depth == 3
    assert fourth.parent == before and fourth.depth == 3  # the deepest allowed ancestor
    assert (ann.status, third.status, fourth.status) == ("approved", "pending", "spam")
    assert ann.body == "Thanks! Very clear." and ann.author is None
    assert ann.created_at.isoformat() == "2019-04-02T12:00:00+00:00"
    assert ImportedItem.objects.get(kind="comment", wp_id="2").email == "ann@example.org"
    assert "1 attached to the deepest allowed comment" in report
    html = client.get(ann.article.get_absolute_url()).content.decode()
    assert "Ann" in html and "Thanks! Very clear." in html


def test_a_second_run_creates_and_changes_nothing():
    run(FIXTURES / "small.xml")
    before = counts()
    bodies = list(Article.objects.values_list("body", "updated_at", "version"))
    report = run(FIXTURES / "small.xml")
    assert counts() == before
    assert list(Article.objects.values_list("body", "updated_at", "version")) == bodies
    assert "0 new" in report and "2 unchanged" in report


def test_a_newer_export_updates_and_records_a_revision(tmp_path):
    run(FIXTURES / "small.xml")
    newer = tmp_path / "newer.xml"
    newer.write_text(
        (FIXTURES / "small.xml")
        .read_text()
        .replace("Most night sweats are harmless.", "Most night sweats are harmless, but not all.")
        .replace("2021-06-01 10:00:00", "2023-02-01 10:00:00")
    )
    run(newer)
    article = Article.objects.get(title="What causes night sweats?")
    assert "but not all" in article.body
    assert article.revisions.count() == 2
    assert article.revisions.order_by("-number").first().change_note.startswith("Updated from")
    assert article.updated_at.isoformat() == "2023-02-01T10:00:00+00:00"
    assert Article.objects.count() == 2


def test_old_addresses_answer_301(client):
    run(FIXTURES / "small.xml")
    article = Article.objects.get(title="What causes night sweats?")
    for old in ["/2019/04/what-causes-night-sweats/", "/?p=101"]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == article.get_absolute_url()
    page = Page.objects.get(title="About the old blog")
    assert client.get("/?page_id=103")["Location"] == page.get_absolute_url()
    assert client.get("/?p=99999").status_code == 200  # unknown ids: the home page as usual


def test_dry_run_reports_and_saves_nothing():
    before = counts()
    report = run(FIXTURES / "small.xml", "--dry-run")
    assert report.startswith("Dry run: nothing was saved.")
    assert "posts          2 new" in report
    assert counts() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
         "\n<rss><channel>&lol2;</channel></rss>", "a DOCTYPE declaration is not allowed"),
        ('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rss>&x;'
         "</rss>", "a DOCTYPE declaration is not allowed"),
        ('<?xml version="1.0"?>\n<feed><entry/></feed>', "line 2: this XML file is not a"),
        ('<?xml version="1.0"?>\n<rss><channel><item><title>x</title></item></channel></rss>',
         "not a WordPress export (no <wp:wxr_version> before its content)"),
        ('<?xml version="1.0"?>\n<rss>\n<channel>\n<title>cut off', "line 4: the file is not"),
        ("plain text, not XML", "line 1: the file is not well-formed XML"),
    ],
)  # fmt: skip
def test_bad_and_hostile_files_are_refused_and_change_nothing(tmp_path, content, message):
    run(FIXTURES / "small.xml")
    before = counts()
    bad = tmp_path / "bad.xml"
    bad.write_text(content)
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(bad)
    assert counts() == before


def hidden_doctypes():
    """A real export with an entity-defining DOCTYPE where a byte scan of the start misses it."""
    export = (FIXTURES / "small.xml").read_text()
    declaration, rest = export.split("\n", 1)
    doctype = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    rest = rest.replace("What causes night sweats?", "What causes night sweats? &xxe;")
    late = f"{declaration}\n<!-- {'x' * 70 * 1024} -->\n{doctype}{rest}"
    utf16 = f"{declaration.replace('UTF-8', 'UTF-16')}\n{doctype}{rest}".encode("utf-16")
    return {"after a 70 KB comment": late.encode(), "in UTF-16": utf16}


@pytest.mark.parametrize("where", ["after a 70 KB comment", "in UTF-16"])
def test_a_doctype_is_refused_wherever_it_hides(tmp_path, client, editor, where):
    before = counts()
    hostile = tmp_path / "hostile.xml"
    hostile.write_bytes(hidden_doctypes()[where])
    with pytest.raises(CommandError, match="a DOCTYPE declaration is not allowed"):
        run(hostile)
    assert counts() == before

    client.force_login(editor)
    with open(hostile, "rb") as export:
        response = client.post(reverse("admin:wordpress_importjob_add"), {"export": export})
    assert response.status_code == 200
    assert "a DOCTYPE declaration is not allowed" in response.content.decode()
    assert counts() == before


def test_a_broken_record_rolls_everything_back_unless_asked_to_go_on(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text((FIXTURES / "small.xml").read_text().replace(
        "<wp:status>draft</wp:status>", "<wp:status>mystery</wp:status>"
    ))  # fmt: skip
    with pytest.raises(CommandError, match="post 102 .line \\d+.: unknown post status"):
        run(broken)
    assert not Article.objects.filter(title__contains="night sweats").exists()
    report = run(broken, "--continue-on-error")
    assert Article.objects.filter(title__contains="night sweats").exists()
    assert "unknown post status “mystery”" in report


def test_an_author_map_sends_posts_to_existing_authors(tmp_path, author):
    mapping = tmp_path / "authors.csv"
    mapping.write_text(f"jdoe,{author.slug}\n")
    run(FIXTURES / "small.xml", "--author-map", str(mapping))
    assert Article.objects.get(title="What causes night sweats?").author == author
    assert not Author.objects.filter(name="Jim Doe, PhD").exists()


def test_images_come_from_the_media_dir(tmp_path):
    from demo.images import hero_image

    uploads = tmp_path / "uploads" / "2019" / "04"
    uploads.mkdir(parents=True)
    (uploads / "bed.jpg").write_bytes(hero_image("bed.jpg", ["#000000", "#ffffff"], "x").read())
    report = run(FIXTURES / "small.xml", "--media-dir", str(tmp_path / "uploads"))
    body = Article.objects.get(title="What causes night sweats?").body
    from library.models import Asset

    bed = Asset.objects.get()
    assert f'src="{bed.url}"' in body and bed.alt == "A bed" and not bed.decorative
    assert "left at their old addresses" not in report


def test_editors_import_from_the_admin(client, editor):
    client.force_login(editor)
    with open(FIXTURES / "small.xml", "rb") as export:
        response = client.post(reverse("admin:wordpress_importjob_add"), {"export": export})
    assert response.status_code == 302
    from wordpress.models import ImportJob

    job = ImportJob.objects.get()  # the tests' tasks run at once: the dry run is done
    assert response["Location"] == reverse("admin:wordpress_importjob_confirm", args=[job.pk])
    assert job.status == "checked" and job.report.startswith("Dry run: nothing was saved.")
    assert not Article.objects.filter(title="What causes night sweats?").exists()
    client.post(response["Location"], {"topics": ["category:health-sleep"]})
    job.refresh_from_db()
    assert job.status == "done" and "posts          2 new" in job.report
    assert Article.objects.filter(title="What causes night sweats?").exists()


@needs_shared
def test_the_theme_unit_test_export_imports_with_its_counts():
    report = run(SHARED / "themeunittestdata.wordpress.xml")
    assert Article.objects.count() == 58
    assert Article.objects.filter(status="draft").count() == 2  # the draft and the password one
    scheduled = Article.objects.filter(status="scheduled", published_at__gt=timezone.now())
    assert Article.objects.filter(status="published").count() == 55
    assert Page.objects.count() == 21 + 5  # 21 imported beside our own five
    assert "posts by status: 1 draft, 1 future, 55 publish, 1 publish (password)" in report
    assert "2 × trackbacks are not comments" in report and "2 × pingbacks" in report
    assert Comment.objects.filter(legacy_author_name__gt="").count() == Comment.objects.count()
    assert Comment.objects.filter(status="pending").count() >= 1
    assert Comment.objects.filter(depth=3).exists()  # the 10-level chain, folded to our depth
    assert "attached to the deepest allowed comment" in report
    nested = Tag.objects.filter(name__contains=" › ")
    assert nested.count() >= 10
    assert scheduled.count() == 1  # the "future" post, public at its minute
    assert Revision.objects.count() == 58


@needs_shared
@pytest.mark.parametrize(
    "name", ["wxr-utf-8-challenges.xml", "crazy-cdata-escaped.xml", "slashes.xml"]
)
def test_the_importer_fixtures_import(name):
    run(SHARED / name)
    assert Article.objects.exists() or Page.objects.exists()


@needs_shared
def test_the_malformed_fixture_is_refused_with_its_line():
    before = counts()
    with pytest.raises(CommandError, match=r"line 90: the file is not well-formed XML"):
        run(SHARED / "malformed.xml")
    assert counts() == before


@needs_shared
def test_the_theme_unit_test_export_looks_right_to_readers(client):
    run(SHARED / "themeunittestdata.wordpress.xml", "--topics", "aciform,uncategorized")
    for article in Article.objects.exclude(status="published"):  # drafts, and the future post
        assert client.get(article.get_absolute_url()).status_code == 404, article.title
    bodies = "".join(Article.objects.values_list("body", flat=True))
    for raw in ("[caption", "[gallery", "[embed", "[audio", "[video", "<iframe"):
        assert raw not in bodies, raw
    assert {tag.slug for tag in Tag.objects.topics()} <= {"aciform", "uncategorized"}
    assert Tag.objects.filter(is_topic=False).count() > 100  # the rest: private keywords
    before = counts()
    assert "0 new" in run(SHARED / "themeunittestdata.wordpress.xml", "--topics",
                          "aciform,uncategorized")  # fmt: skip
    assert counts() == before
