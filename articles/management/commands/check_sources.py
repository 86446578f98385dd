from django.core.management.base import BaseCommand

from articles.source_checks import check_sources, check_sources_task


class Command(BaseCommand):
    help = (
        "Check every cited source: that its URL still answers (HEAD, then GET) and whether "
        "Crossref records a retraction or correction of its DOI. Results appear on the freshness "
        "dashboard. --enqueue hands the check to the task worker instead (the weekly cron line)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the check for the worker and return at once.")  # fmt: skip

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = check_sources_task.enqueue()
            self.stdout.write(f"Queued the source check ({result.id}).")
            return
        summary = check_sources()
        for line in summary.problems:
            self.stdout.write(line)
        self.stdout.write(
            f"Checked {summary.links} link{'s' * (summary.links != 1)} "
            f"({summary.broken} broken) and {summary.dois} DOI{'s' * (summary.dois != 1)} "
            f"({summary.retracted} retracted, {summary.corrected} corrected"
            + (f", {summary.unanswered} not answered by Crossref" if summary.unanswered else "")
            + ")."
        )
