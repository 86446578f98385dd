"""Prove that a backup restores: back up this site, restore it into a fresh database and media
folder, and compare every table's row count and every media file's checksum."""

import shutil
import tempfile
from pathlib import Path

from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import load_backend
from django.utils.crypto import get_random_string

from ops.backups import BackupError, backup, describe_media, restore, row_counts

DRILL_ALIAS = "restore_drill"


class Command(BaseCommand):
    help = (
        "Back up the site, restore the backup into a fresh database and media folder, and "
        "compare every table's row count and every media file's checksum. Run it on a quiet "
        "site or a copy: a change made meanwhile shows as a difference."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep", action="store_true", help="keep the backup folder")

    def handle(self, *, keep, verbosity, **options):
        source = connections[DEFAULT_DB_ALIAS]
        folder = Path(tempfile.mkdtemp(prefix="restore-drill-"))
        try:
            expected_rows = row_counts(source)
            expected_media = describe_media(default_storage)
            manifest = backup(folder / "backup", source, default_storage)
            target = self.fresh_database(source, folder)
            try:
                if manifest["media"]["copied"]:
                    media = FileSystemStorage(location=folder / "media")
                else:
                    media = default_storage  # object storage keeps the bytes: check it
                problems = restore(folder / "backup", target, media)
                restored_rows = row_counts(target)
                restored_media = describe_media(media)
            finally:
                self.drop_database(source, target)
        except BackupError as error:
            raise CommandError(str(error)) from None
        finally:
            if keep:
                self.stdout.write(f"Backup kept in {folder / 'backup'}")
            else:
                shutil.rmtree(folder, ignore_errors=True)

        differences = [
            f"{table}: {expected_rows.get(table)} rows, restored {restored_rows.get(table)}"
            for table in sorted(set(expected_rows) | set(restored_rows))
            if expected_rows.get(table) != restored_rows.get(table)
        ] + problems
        differences += [
            f"media {name}: not restored as it was"
            for name in sorted(set(expected_media) | set(restored_media))
            if expected_media.get(name) != restored_media.get(name)
        ]
        if verbosity > 1:
            for table, rows in sorted(restored_rows.items()):
                self.stdout.write(f"  {table}: {rows}")
        if differences:
            raise CommandError("The restore differs:\n  " + "\n  ".join(differences))
        self.stdout.write(
            f"Restore drill passed: {len(restored_rows)} tables "
            f"({sum(restored_rows.values())} rows) and {len(restored_media)} media files "
            "match the site."
        )

    def fresh_database(self, source, folder):
        settings_dict = dict(source.settings_dict)
        if source.vendor == "postgresql":
            name = f"{settings_dict['NAME']}_drill_{get_random_string(8).lower()}"[:63]
            with source.cursor() as cursor:
                cursor.execute(f"CREATE DATABASE {source.ops.quote_name(name)}")
            settings_dict["NAME"] = name
        else:
            settings_dict["NAME"] = str(folder / "restored.sqlite3")
        # A connection of its own, not one of the configured databases; reachable by its alias
        # for what looks connections up by alias (django.contrib.postgres' type handlers).
        target = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, DRILL_ALIAS)
        connections[DRILL_ALIAS] = target
        return target

    def drop_database(self, source, target):
        target.close()
        del connections[DRILL_ALIAS]
        if source.vendor == "postgresql":
            with source.cursor() as cursor:
                cursor.execute(
                    f"DROP DATABASE IF EXISTS {source.ops.quote_name(target.settings_dict['NAME'])}"
                )
