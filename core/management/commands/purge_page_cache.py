from django.core.management.base import BaseCommand

from core.page_cache import purge_all


class Command(BaseCommand):
    help = (
        "Treat every page and fragment kept in the page cache as stale, on every app server. "
        "`migrate` does this too; run it after a deploy that changes templates or settings "
        "without a migration."
    )

    def handle(self, *args, **options):
        purge_all()
        self.stdout.write(self.style.SUCCESS("Every cached page will be rendered afresh."))
