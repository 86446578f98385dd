from django.core.management.base import BaseCommand

from core.cache_tags import purge_all


class Command(BaseCommand):
    help = (
        "Make every cached page and fragment stale, on every app server and at every edge "
        "(CACHE_PURGE). `migrate` does this too; run it after a deploy that changes templates or "
        "settings without a migration."
    )

    def handle(self, *args, **options):
        purge_all()
        self.stdout.write(self.style.SUCCESS("Every cached page will be rendered afresh."))
