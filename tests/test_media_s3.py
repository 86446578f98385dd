"""Media on S3-compatible object storage (MEDIA_STORAGE=s3): uploads through the admin and
their renditions land in the bucket of a local S3 server (moto's server mode, on a free port)
and pages show them from the bucket's address."""

import json
import os
import re
import subprocess
import sys
import urllib.request
from io import StringIO

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from moto.server import ThreadedMotoServer

from articles.models import Article, Author
from ops.backups import media_differences
from tests.test_admin_articles import form_data
from tests.test_uploads import image_file

pytestmark = pytest.mark.django_db

BUCKET = "newsroom-media"


@pytest.fixture
def s3_media(settings):
    """A local S3 server with an empty bucket, and the site's media on it."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    # moto keeps its buckets per process, not per server: start from nothing.
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"))
    credentials = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}
    bucket = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **credentials)
    bucket.create_bucket(Bucket=BUCKET)
    # Media is public, as the README's runbook sets it up: readers' browsers fetch it directly.
    bucket.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                       "Resource": f"arn:aws:s3:::{BUCKET}/*"}],
    }))  # fmt: skip
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    }
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = endpoint
    settings.AWS_ACCESS_KEY_ID = credentials["aws_access_key_id"]
    settings.AWS_SECRET_ACCESS_KEY = credentials["aws_secret_access_key"]
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_QUERYSTRING_AUTH = False
    settings.AWS_S3_FILE_OVERWRITE = False
    settings.MEDIA_URL = f"{endpoint}/{BUCKET}/"
    yield bucket, settings.MEDIA_URL
    server.stop()


def keys(bucket):
    return {item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_admin_uploads_and_renditions_land_in_the_bucket_and_pages_show_them_from_it(
    client, editor, article, s3_media
):
    bucket, media_url = s3_media
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_author_add"),
        {"name": "Ida Lund", "slug": "ida-lund", "short_bio": "Ida writes.",
         "photo": image_file("ida.png", size=(300, 300), noise=True)},
    )  # fmt: skip
    assert response.status_code == 302
    ida = Author.objects.get(slug="ida-lund")
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        form_data(article, author=ida.pk, hero_alt="A field of noise",
                  hero_image=image_file("hero.png", size=(1400, 800), noise=True)),
    )  # fmt: skip
    assert response.status_code == 302, response.content[:2000]
    article.refresh_from_db()
    assert {ida.photo.name, article.hero_image.name} <= keys(bucket)

    client.logout()
    html = client.get(article.get_absolute_url()).content.decode()
    hero = re.search(r'<figure class="hero">(.*?)</figure>', html, re.S).group(1)
    avif = re.search(r'type="image/avif" srcset="(\S+) \d+w', hero).group(1)
    assert avif.startswith(media_url + "renditions/")
    assert avif.removeprefix(media_url) in keys(bucket)
    # The browser fetches it from the bucket.
    with urllib.request.urlopen(avif) as fetched:
        assert fetched.read()[4:12] == b"ftypavif"
    # The author's photo too.
    assert re.search(rf'srcset="{re.escape(media_url)}renditions/\w+/ida-\d+\.avif', html)


def test_a_wordpress_import_puts_its_images_in_the_bucket_and_articles_show_them(
    client, s3_media, tmp_path
):
    from demo.images import hero_image
    from tests.test_wxr_import import FIXTURES, run

    bucket, media_url = s3_media
    uploads = tmp_path / "uploads" / "2019" / "04"
    uploads.mkdir(parents=True)
    (uploads / "bed.jpg").write_bytes(hero_image("bed.jpg", ["#000000", "#ffffff"], "x").read())
    run(FIXTURES / "small.xml", "--media-dir", str(tmp_path / "uploads"))
    # Imported into the media library, whose files are in the bucket.
    (stored,) = [key for key in keys(bucket) if key.endswith("/bed.jpg")]
    assert stored.startswith("library/")
    article = Article.objects.get(title="What causes night sweats?")
    assert f'src="{media_url}{stored}"' in article.body
    html = client.get(article.get_absolute_url()).content.decode()
    # The body's image is served as renditions from the bucket too.
    assert re.search(rf'<source type="image/avif" srcset="{re.escape(media_url)}renditions/', html)


def test_a_backup_lists_bucket_media_with_checksums_and_finds_a_changed_object(s3_media, tmp_path):
    bucket, _ = s3_media
    default_storage.save("photos/a.jpg", ContentFile(b"first photo"))
    default_storage.save("renditions/x/a-390.webp", ContentFile(b"a rendition"))
    call_command("backup", str(tmp_path / "b"), stdout=StringIO())
    manifest = json.loads((tmp_path / "b" / "backup.json").read_text())
    assert manifest["media"]["copied"] is False
    assert set(manifest["media"]["files"]) == {"photos/a.jpg", "renditions/x/a-390.webp"}
    assert not (tmp_path / "b" / "media").exists()
    assert media_differences(manifest["media"]["files"], default_storage) == []

    bucket.put_object(Bucket=BUCKET, Key="photos/a.jpg", Body=b"overwritten")
    bucket.delete_object(Bucket=BUCKET, Key="renditions/x/a-390.webp")
    assert media_differences(manifest["media"]["files"], default_storage) == [
        "checksum differs: photos/a.jpg",
        "missing: renditions/x/a-390.webp",
    ]


def settings_under(**env):
    """Production-like settings read in a fresh process from ``env``."""
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'backend': s.STORAGES['default']['BACKEND'], 'media_url': s.MEDIA_URL,"
        " 'img_src': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MEDIA_"))}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.dev", **env)
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True,
                          text=True, check=True)  # fmt: skip
    return json.loads(done.stdout)


def test_media_stays_on_the_filesystem_by_default():
    assert settings_under() == {
        "backend": "django.core.files.storage.FileSystemStorage",
        "media_url": "/media/",
        "img_src": ["'self'", "data:"],
    }


def test_the_csp_follows_the_bucket_or_the_cdn():
    bucket = settings_under(MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="media",
                            AWS_S3_ENDPOINT_URL="https://objects.example.net")  # fmt: skip
    assert bucket["backend"] == "storages.backends.s3.S3Storage"
    assert bucket["media_url"] == "https://objects.example.net/media/"
    assert bucket["img_src"] == ["'self'", "data:", "https://objects.example.net"]
    cdn = settings_under(MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="media",
                         AWS_S3_CUSTOM_DOMAIN="media.example.org")  # fmt: skip
    assert cdn["media_url"] == "https://media.example.org/"
    assert cdn["img_src"] == ["'self'", "data:", "https://media.example.org"]


def test_s3_media_needs_a_bucket_name():
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.dev", MEDIA_STORAGE="s3")
    done = subprocess.run([sys.executable, "-c", "import django; django.setup()"],
                          env=environment, capture_output=True, text=True)  # fmt: skip
    assert done.returncode != 0
    assert "Set the AWS_STORAGE_BUCKET_NAME environment variable." in done.stderr
    assert Article  # the models import cleanly beside boto3
