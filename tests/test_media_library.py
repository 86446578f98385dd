"""The media library, and a WordPress site's media coming with the move: assets with alt text
(or marked decorative), found in a zip or fetched from the old site safely, never deleted while
in use."""

import io
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from core.fetch import FetchError, fetch_file
from demo.images import hero_image
from library.models import Asset
from tests.factories import make_article

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wxr"
JPEG = hero_image("x.jpg", ["#103050", "#f0e0a0"], "library", size=(400, 300)).read()


@pytest.fixture
def old_site():
    """The old WordPress host, on loopback: its uploads, an oversized file and a web page."""
    files = {
        "/wp-content/uploads/2020/05/cup.jpg": ("image/jpeg", JPEG),
        "/huge.jpg": ("image/jpeg", b"\xff" * 4096),
        "/page.html": ("text/html", b"<html>not an image</html>"),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/moved.jpg":
                self.send_response(302)
                self.send_header("Location", "/wp-content/uploads/2020/05/cup.jpg")
                self.end_headers()
                return
            content_type, body = files.get(self.path, ("text/plain", b""))
            self.send_response(200 if self.path in files else 404)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetching_refuses_loopback_and_private_addresses_by_default(old_site):
    for url in [f"{old_site}/wp-content/uploads/2020/05/cup.jpg", "http://169.254.169.254/",
                "http://10.0.0.1/x.jpg", "http://[::1]/x.jpg"]:  # fmt: skip
        with pytest.raises(FetchError, match="not a public address"):
            fetch_file(url, max_bytes=10_000, timeout=5)
    with pytest.raises(FetchError, match="Only http and https"):
        fetch_file("file:///etc/passwd", max_bytes=10_000, timeout=5)


def test_fetching_checks_size_type_and_status(old_site, settings):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    images = ["image/"]
    got = fetch_file(f"{old_site}/moved.jpg", max_bytes=len(JPEG), timeout=5,
                     allowed_content_types=images)  # fmt: skip
    assert got == JPEG  # after a redirect, within the limit
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetch_file(f"{old_site}/huge.jpg", max_bytes=1000, timeout=5)
    with pytest.raises(FetchError, match="content type “text/html” is not accepted"):
        fetch_file(
            f"{old_site}/page.html", max_bytes=10_000, timeout=5, allowed_content_types=images
        )
    with pytest.raises(FetchError, match="answered 404"):
        fetch_file(f"{old_site}/missing.jpg", max_bytes=10_000, timeout=5)


def moved_export(tmp_path, site):
    export = tmp_path / "moved.xml"
    export.write_text((FIXTURES / "moved.xml").read_text().replace(
        "https://moving.example/wp-content", f"{site}/wp-content").replace(
        "https://moving.files.wordpress.com/", f"{site}/files/"))  # fmt: skip
    return export


def run(path, *args):
    out = StringIO()
    call_command("import_wxr", str(path), *args, stdout=out)
    return out.getvalue()


def test_attachments_are_fetched_from_the_old_site_when_allowed(tmp_path, old_site, settings):
    export = moved_export(tmp_path, old_site)
    report = run(export, "--fetch-media")
    assert not Asset.objects.exists()  # loopback: refused, and said so
    assert "media not imported" in report and "not a public address" in report
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    report = run(export, "--fetch-media")
    cup = Asset.objects.get(alt="A cup of coffee")
    body = Article.objects.get(title="Coffee and the heart").body
    assert (
        f'<img src="{cup.url}"' in body and old_site + "/wp-content/uploads/2020/05/cup" not in body
    )
    assert Asset.objects.count() == 1  # the other files are not on the old site
    assert f"{old_site}/files/2020/05/beans.jpg" in report  # listed: not an uploads address
    before = list(Asset.objects.values_list("pk", "file", "alt"))
    again = run(export, "--fetch-media")
    assert list(Asset.objects.values_list("pk", "file", "alt")) == before
    assert "assets         0 new" in again


def test_the_admin_upload_takes_a_zip_of_the_uploads(client, editor):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("wp-content/uploads/2020/05/cup.jpg", JPEG)
    client.force_login(editor)
    with open(FIXTURES / "moved.xml", "rb") as export:
        response = client.post(reverse("admin:wordpress_importjob_add"), {
            "export": export,
            "media": SimpleUploadedFile("uploads.zip", archive.getvalue()),
        })  # fmt: skip
    assert "assets         1 new" in client.get(response["Location"]).content.decode()
    assert not Asset.objects.exists()  # a dry run stores nothing
    client.post(response["Location"], {"topics": []})
    cup = Asset.objects.get()
    assert (cup.alt, cup.caption) == ("A cup of coffee", "A morning cup.")
    assert f'src="{cup.url}"' in Article.objects.get(title="Coffee and the heart").body


def test_a_file_that_is_not_a_zip_is_refused_and_nothing_is_queued(client, editor):
    from wordpress.models import ImportJob

    client.force_login(editor)
    with open(FIXTURES / "moved.xml", "rb") as export:
        response = client.post(reverse("admin:wordpress_importjob_add"), {
            "export": export, "media": SimpleUploadedFile("uploads.zip", b"not a zip"),
        })  # fmt: skip
    assert response.status_code == 200
    assert "not a readable zip archive" in response.content.decode()
    assert not ImportJob.objects.exists()


def upload(client, **fields):
    data = {"file": SimpleUploadedFile("walk.jpg", JPEG, content_type="image/jpeg"),
            "title": "", "alt": "", "caption": "", "credit": "", "licence": "",
            "source_url": "", "description": "", **fields}  # fmt: skip
    return client.post(reverse("admin:library_asset_add"), data)


def test_an_image_needs_alt_text_or_to_be_marked_decorative(client, admin_user):
    client.force_login(admin_user)
    response = upload(client)
    assert response.status_code == 200 and "or mark it as decorative" in response.content.decode()
    assert not Asset.objects.exists()
    assert upload(client, decorative="on").status_code == 302
    asset = Asset.objects.get()
    assert asset.decorative and asset.alt_text == "" and asset.width == 400
    response = upload(client, alt="A second copy")
    assert "in the library already" in response.content.decode()  # stored once
    assert Asset.objects.count() == 1


def test_editors_search_and_filter_the_library(client, admin_user):
    client.force_login(admin_user)
    upload(client, alt="Two people walking a dog in a park", credit="Jo Smith", licence="CC BY")
    listing = client.get(reverse("admin:library_asset_changelist"), {"q": "Jo Smith"})
    assert "walk" in listing.content.decode()
    empty = client.get(reverse("admin:library_asset_changelist"), {"q": "nobody"})
    assert "0 assets" in empty.content.decode() or "walk" not in empty.content.decode()
    filtered = client.get(reverse("admin:library_asset_changelist"), {"kind__exact": "audio"})
    assert "walk" not in filtered.content.decode()


def test_an_asset_in_use_cannot_be_deleted(client, admin_user, author):
    client.force_login(admin_user)
    upload(client, alt="A walk")
    asset = Asset.objects.get()
    article = make_article(author, body=f'<p><img src="{asset.url}" alt="A walk"></p>')
    change = client.get(reverse("admin:library_asset_change", args=[asset.pk])).content.decode()
    assert article.title in change
    response = client.post(reverse("admin:library_asset_delete", args=[asset.pk]), {"post": "yes"})
    assert response.status_code == 403 and Asset.objects.filter(pk=asset.pk).exists()
    bulk = {"action": "delete_selected", "_selected_action": [asset.pk], "post": "yes"}
    client.post(reverse("admin:library_asset_changelist"), bulk)
    assert Asset.objects.filter(pk=asset.pk).exists()
    Article.objects.filter(pk=article.pk).update(body="<p>No picture now.</p>")
    client.post(reverse("admin:library_asset_delete", args=[asset.pk]), {"post": "yes"})
    assert not Asset.objects.filter(pk=asset.pk).exists()


def test_the_editors_image_dialog_picks_from_and_uploads_into_the_library(client, editor):
    url = reverse("admin:library_asset_browse") + "?CKEditorFuncNum=1"
    client.force_login(editor)
    refused = client.post(url, {"file": SimpleUploadedFile("walk.jpg", JPEG)})
    assert "or mark it as decorative" in refused.content.decode() and not Asset.objects.exists()
    response = client.post(url, {"file": SimpleUploadedFile("walk.jpg", JPEG),
                                 "alt": "Two people walking", "credit": "Jo Smith"})  # fmt: skip
    assert response.status_code == 302
    asset = Asset.objects.get()
    page = client.get(url, {"q": "walking"}).content.decode()
    assert f'data-url="{asset.url}" data-alt="Two people walking"' in page
    assert "library-browse.js" in page and "<script>" not in page
    assert (
        "/admin/library/asset/browse/"
        in client.get(reverse("admin:articles_article_add")).content.decode()
    )


def test_the_library_is_closed_to_readers(client, regular):
    client.force_login(regular)
    response = client.get(reverse("admin:library_asset_browse"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_library_image_is_the_hero_and_cannot_be_deleted_while_it_is(client, editor, author):
    from articles.revisions import save_article

    asset = Asset(file=SimpleUploadedFile("dog.jpg", JPEG), alt="A dog asleep on a rug",
                  caption="Rest day.", credit="Jo Smith")  # fmt: skip
    asset.save()
    article = make_article(author, title="Do dogs dream?")
    article.hero_asset = asset
    save_article(article, change_note="A hero from the library.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'alt="A dog asleep on a rug"' in html and "Rest day." in html and "Jo Smith" in html
    assert "<picture>" in html and (".avif" in html or ".webp" in html)  # renditions
    client.force_login(editor)
    assert client.post(reverse("admin:library_asset_delete", args=[asset.pk]),
                       {"post": "yes"}).status_code == 403  # fmt: skip
    assert Asset.objects.filter(pk=asset.pk).exists()


def test_restoring_a_revision_brings_back_its_hero(author, editor):
    from articles.revisions import restore_revision, save_article

    asset = Asset(file=SimpleUploadedFile("cat.jpg", JPEG), alt="A cat on a wall")
    asset.save()
    article = make_article(author, title="Do cats dream?")
    first = article.revisions.get()
    article.hero_asset = asset
    save_article(article, change_note="A hero.")
    assert article.hero_image.name == asset.file.name
    restore_revision(article, first, editor=editor)
    article.refresh_from_db()
    assert article.hero_asset is None and not article.hero_image


def test_a_library_portrait_is_an_authors_photo(client, author, editor):
    asset = Asset(file=SimpleUploadedFile("nadia.jpg", JPEG), alt="Portrait of Nadia")
    asset.save()
    author.photo_asset = asset
    author.save()
    assert author.photo.name == asset.file.name
    html = client.get(author.get_absolute_url()).content.decode()
    assert "<picture>" in html
    client.force_login(editor)
    change = client.get(reverse("admin:library_asset_change", args=[asset.pk])).content.decode()
    assert f"Photo of {author.name}" in change  # in use: not deletable
    assert client.post(reverse("admin:library_asset_delete", args=[asset.pk]),
                       {"post": "yes"}).status_code == 403  # fmt: skip
