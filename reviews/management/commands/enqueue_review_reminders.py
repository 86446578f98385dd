from django.core.management.base import BaseCommand

from reviews.reminders import send_digests, send_review_reminders


class Command(BaseCommand):
    help = (
        "Queue today's medical-review reminder digests for the task worker. Run it daily from "
        "cron; running it twice sends nothing twice. --now sends them in this process instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Send here, without the worker.")

    def handle(self, *args, **options):
        if options["now"]:
            sent = send_digests()
            self.stdout.write(f"Queued {sent} reminder digest{'s' if sent != 1 else ''}.")
        else:
            result = send_review_reminders.enqueue()
            self.stdout.write(f"Queued the reminder job ({result.id}).")
