from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from ops.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty database and media store, "
        "then check every media file's checksum."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="a folder written by manage.py backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="restore even though the database or media store is not empty, replacing "
            "what the backup holds",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *, directory, force, database, **options):
        try:
            problems = restore(directory, connections[database], default_storage, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if problems:
            raise CommandError(
                "The database is restored, but the media is not as backed up:\n  "
                + "\n  ".join(problems)
            )
        self.stdout.write(f"Restored {directory}; every media file matches its checksum.")
