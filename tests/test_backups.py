"""manage.py backup, restore and restore_drill: the demo backed up and restored into a fresh
database gives the same rows and the same media files. (Each test seeds the demo, so they are
few.)"""

import json
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Author
from ops.backups import row_counts


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("seed_demo", stdout=StringIO())
    return settings


# pg_dump reads what is committed; the data migrations' rows come back for the tests after.
in_committed_transactions = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@in_committed_transactions
def test_the_restore_drill_restores_the_demo_exactly(demo):
    out = StringIO()
    call_command("restore_drill", stdout=out)
    assert "Restore drill passed" in out.getvalue()
    media_files = int(out.getvalue().split(" and ")[1].split(" media")[0])
    assert media_files > 10  # hero images and portraits


@in_committed_transactions
def test_restore_refuses_a_site_that_is_not_empty_unless_forced(demo, tmp_path):
    call_command("backup", str(tmp_path / "b"), stdout=StringIO())
    manifest = json.loads((tmp_path / "b" / "backup.json").read_text())
    assert manifest["database"]["vendor"] == connection.vendor
    assert (tmp_path / "b" / manifest["database"]["file"]).stat().st_size > 0
    files = manifest["media"]["files"]
    assert files and manifest["media"]["copied"] is True
    for name, described in files.items():
        assert (tmp_path / "b" / "media" / name).stat().st_size == described["size"]
    before = row_counts(connection)

    # The media store holds files: nothing is changed.
    with pytest.raises(CommandError, match="The media storage is not empty"):
        call_command("restore", str(tmp_path / "b"))
    # An empty media store, but the database holds tables: nothing is changed either.
    demo.MEDIA_ROOT = str(tmp_path / "empty-media")
    with pytest.raises(CommandError, match="is not empty. Restore into a new, empty database"):
        call_command("restore", str(tmp_path / "b"))
    assert row_counts(connection) == before
    assert not (tmp_path / "empty-media").exists()

    # Told to, it replaces what the backup holds.
    demo.MEDIA_ROOT = str(tmp_path / "media")
    Author.objects.create(name="Added after the backup", slug="added-after", short_bio="x")
    name = next(iter(files))
    default_storage.delete(name)
    default_storage.save(name, ContentFile(b"damaged"))
    out = StringIO()
    call_command("restore", str(tmp_path / "b"), "--force", stdout=out)
    assert "every media file matches its checksum" in out.getvalue()
    assert row_counts(connection) == before
    assert not Author.objects.filter(slug="added-after").exists()


@pytest.mark.django_db
def test_backup_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "old.txt").write_text("an earlier backup")
    with pytest.raises(CommandError, match="is not empty: give a new folder"):
        call_command("backup", str(tmp_path / "b"))
    assert (tmp_path / "b" / "old.txt").read_text() == "an earlier backup"


@pytest.mark.django_db
def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="is not a backup"):
        call_command("restore", str(tmp_path))
