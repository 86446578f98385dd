from django.core.management.base import BaseCommand

from subscriptions.sending import resume, send_weekly_digests


class Command(BaseCommand):
    help = (
        "Queue the sending of email alerts for the task worker: what a stopped worker left "
        "(run it every few minutes from cron; it never sends anything twice), and with "
        "--weekly the weekly digests (run it once a week)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--weekly", action="store_true", help="Queue the weekly digests.")

    def handle(self, *args, **options):
        if options["weekly"]:
            send_weekly_digests.enqueue()
            self.stdout.write("Queued the weekly digests.")
        else:
            resume()
            self.stdout.write("Queued unsent email alerts.")
