import sys
import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wordpress.importer import Importer, read_author_map
from wordpress.posts import ImportFailed
from wordpress.reader import WXRError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts, pages, authors, tags and categories, comments in "
        "their threads, and 301s from the old addresses. All or nothing; safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file (Tools › Export in WordPress).")
        parser.add_argument("--dry-run", action="store_true", help="Report, save nothing.")
        parser.add_argument("--author-map", metavar="FILE",
                            help="JSON or CSV: WordPress login → our author's slug.")  # fmt: skip
        parser.add_argument(
            "--media-dir", metavar="DIR", help="A copy of wp-content/uploads, to take images from."
        )
        parser.add_argument(
            "--media-zip", metavar="ZIP", help="A zip of wp-content/uploads, to take media from."
        )
        parser.add_argument(
            "--fetch-media",
            action="store_true",
            help="Download attachments the export's media do not include from the old site "
            "(public addresses only, with timeouts, size limits and content checks).",
        )
        parser.add_argument(
            "--topics",
            metavar="SLUGS",
            help="Comma-separated WordPress category and tag slugs (or names) that become public "
            "topics; every other term is kept as a private keyword. Without it, new terms are "
            "private keywords and existing ones keep their choice.",
        )
        parser.add_argument(
            "--continue-on-error",
            action="store_true",
            help="Import what can be imported and list what was skipped.",
        )

    def handle(self, *args, **options):
        export = Path(options["export"])
        if not export.is_file():
            raise CommandError(f"{export}: no such file.")
        if options["media_dir"] and not Path(options["media_dir"]).is_dir():
            raise CommandError(f"{options['media_dir']}: no such folder.")
        if options["media_zip"] and not zipfile.is_zipfile(options["media_zip"]):
            raise CommandError(f"{options['media_zip']}: not a readable zip file.")
        try:
            author_map = read_author_map(options["author_map"]) if options["author_map"] else {}
        except (OSError, ValueError) as error:
            raise CommandError(
                f"{options['author_map']}: not a readable author map ({error})."
            ) from None
        tty = sys.stdout.isatty()
        importer = Importer(
            author_map=author_map,
            media_dir=options["media_dir"],
            media_zip=options["media_zip"],
            fetch_media=options["fetch_media"],
            continue_on_error=options["continue_on_error"],
            dry_run=options["dry_run"],
            topics=options["topics"].split(",") if options["topics"] is not None else None,
            progress=(lambda text: self.stdout.write(f"\r{text}", ending="")) if tty else None,
        )
        try:
            report = importer.run(export)
        except (WXRError, ImportFailed) as error:
            raise CommandError(f"{export}: {error} Nothing was imported.") from None
        if tty:
            self.stdout.write("")
        self.stdout.write(str(report))
