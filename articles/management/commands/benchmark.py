import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Tag


class Command(BaseCommand):
    help = (
        "Time the main pages against the current database and print median/p95 render times, "
        "query counts and sizes. Seed volume first, e.g. seed_demo --articles 500 --comments 600."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="Requests per page.")

    def handle(self, *args, **options):
        if options["repeat"] < 1:
            raise CommandError("--repeat must be at least 1.")
        article = Article.objects.published().annotate(n=Count("comments")).order_by("-n").first()
        tag = Tag.objects.annotate(n=Count("articles")).order_by("-n").first()
        if article is None or tag is None:
            raise CommandError("No published articles: run `manage.py seed_demo` first.")
        pages = [
            ("home", "/", None),
            (f"article ({article.comments.count()} comments)", article.get_absolute_url(), None),
            (f"tag ({tag.articles.count()} articles)", tag.get_absolute_url(), None),
            ("author", article.author.get_absolute_url(), None),
            ("search (title words)", f"/search/?q={article.title.split()[1]}", None),
            ("search (no match)", "/search/?q=zyxquatrinkel", None),
            ("article, logged in", article.get_absolute_url(), "reader"),
            ("moderation queue", "/moderation/", "moderator"),
        ]
        self.stdout.write(f"{'page':<34}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'KB':>8}")
        for name, url, username in pages:
            client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0])
            if username:
                user = get_user_model().objects.filter(username=username).first()
                if user is None:
                    self.stdout.write(f"{name:<34}  (skipped: no user {username!r})")
                    continue
                client.force_login(user)
            timings, size, queries = [], 0, 0
            for _ in range(options["repeat"]):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{url} answered {response.status_code}")
                size, queries = len(response.content), len(captured)
            timings.sort()
            p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
            self.stdout.write(
                f"{name:<34}{statistics.median(timings):>10.1f}{p95:>9.1f}{queries:>9}"
                f"{size / 1024:>8.1f}"
            )
