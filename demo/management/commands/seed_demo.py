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
        parser.add_argument(
            "--comments", type=int, default=0, metavar="N",
            help="Also add N synthetic approved comments, in threads, to the newest article.",
        )  # fmt: skip

    def handle(self, *args, **options):
        if settings.IS_PRODUCTION:
            raise CommandError(
                "seed_demo refuses to run with production settings: it creates users with a "
                "publicly known password."
            )
        for option in ("articles", "comments"):
            if options[option] < 0:
                raise CommandError(f"--{option} must be zero or a positive number.")
        # Imported after the production guard, so a refused run touches nothing.
        from demo import articles as demo
        from demo import comments as comment_demo
        from demo import reviews as review_demo

        result = demo.seed(synthetic_articles=options["articles"])
        reviews = review_demo.seed_reviews(result["users"])
        feedback = review_demo.seed_feedback(result["users"])
        comments = comment_demo.seed(
            result["users"], settings.DEMO_PASSWORD, synthetic_comments=options["comments"]
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {result['articles']} new demo articles, "
                f"{result['synthetic_articles']} new synthetic articles, "
                f"{comments['comments']} new demo comments, "
                f"{comments['synthetic_comments']} new synthetic comments, "
                f"{reviews} new medical reviews, {feedback} pieces of reader feedback."
            )
        )
        self.stdout.write(f"Demo users (password: {settings.DEMO_PASSWORD}):")
        for username, user in result["users"].items():
            roles = ", ".join(user.groups.values_list("name", flat=True)) or (
                "superuser" if user.is_superuser else "reader"
            )
            self.stdout.write(f"  {username:<10} {roles}")
        self.stdout.write(f"  Demo commenters: {', '.join(comments['commenters'])}")
        self.stdout.write(f"Sign in at {settings.SITE_URL}/accounts/login/ (admin: /admin/).")
