from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Load the demo newsroom: users (reader, editor, moderator, admin), authors, tags and "
        "articles with revision histories. Safe to run again; never runs in production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=0, metavar="N",
            help="Also add N synthetic published articles for load testing.",
        )  # fmt: skip

    def handle(self, *args, **options):
        if settings.IS_PRODUCTION:
            raise CommandError(
                "seed_demo refuses to run with production settings: it creates users with a "
                "publicly known password."
            )
        if options["articles"] < 0:
            raise CommandError("--articles must be zero or a positive number.")
        from articles import demo  # imported after the production guard: it touches nothing

        result = demo.seed(synthetic_articles=options["articles"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {result['articles']} new demo articles, "
                f"{result['synthetic_articles']} new synthetic articles."
            )
        )
        self.stdout.write(f"Demo users (password: {settings.DEMO_PASSWORD}):")
        for username, user in result["users"].items():
            roles = ", ".join(user.groups.values_list("name", flat=True)) or (
                "superuser" if user.is_superuser else "reader"
            )
            self.stdout.write(f"  {username:<10} {roles}")
