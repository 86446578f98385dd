from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from ops.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (PostgreSQL: pg_dump -Fc; SQLite: its online backup) and the media "
        "(copied from a folder; listed with checksums on object storage) into a new folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="a new or empty folder")
        parser.add_argument(
            "--copy-media",
            action="store_true",
            help="copy media from object storage too (by default only listed with checksums)",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *, directory, copy_media, database, **options):
        try:
            manifest = backup(
                directory, connections[database], default_storage, copy_media=copy_media or None
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        media = manifest["media"]
        self.stdout.write(
            f"Backed up the {manifest['database']['vendor']} database and "
            f"{len(media['files'])} media files ({'copied' if media['copied'] else 'listed'}) "
            f"into {directory}."
        )
