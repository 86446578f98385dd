"""Where a comment POST's time goes: ``python -m bench.profile_post [N]`` posts N comments (100)
as a staff editor, in-process against the bench database with the settings ``bench.profile``
uses (purges queued as in production, nobody sends them), prints the queries of one POST, the
median time of a POST and, with ``--profile``, pyinstrument's tree. Everything it stored (the
writer, their comments, log entries and queued purges) is deleted afterwards."""

import os
import statistics
import sys
import time

from bench.run import environment

WRITER = "bench-profile-writer"


def main(count, profile):
    os.environ.update(environment("config.settings.dev", DEBUG="0", LOG_LEVEL="WARNING"))
    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from accounts.models import EDITORS_GROUP, User
    from articles.models import Article
    from comments.models import Comment, ModerationLog
    from core import cache_tags

    started = timezone.now()
    user = User.objects.create(username=WRITER, email=f"{WRITER}@example.org", is_staff=True)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    article = Article.objects.published().order_by("pk").first()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    posted = [0]

    def post():
        posted[0] += 1
        body = f"Profile writer, comment {posted[0]}: keeping an eye on the queue."
        response = client.post(f"{article.get_absolute_url()}comments/", {"body": body})
        assert response.status_code == 302 and "#comment-" in response["Location"]
        # A browser shows the message on the page it is sent to, which clears it: left in the
        # cookie, every POST would carry all the earlier ones.
        client.cookies.pop("messages", None)

    try:
        for _ in range(5):
            post()  # warm connections, the kept rules, templates
        with CaptureQueriesContext(connection) as queries:
            post()
        print(f"{len(queries)} queries a POST:")
        for query in queries.captured_queries:
            print("  ", query["sql"][:110])
        if profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            with profiler:
                for _ in range(count):
                    post()
            print(profiler.output_text(color=False, unicode=False, show_all=False))
        times = []
        for _ in range(count):
            began = time.perf_counter()
            post()
            times.append((time.perf_counter() - began) * 1000)
        print(f"POST {article.get_absolute_url()}comments/: median {statistics.median(times):.1f}"
              f" ms over {count} POSTs (not under the profiler)")  # fmt: skip
    finally:
        with transaction.atomic():
            ModerationLog.objects.filter(subject=user).delete()
            Comment.objects.filter(author=user).delete()
            user.delete()
            cache_tags.changed(f"comments-{article.pk}")
        queued = DBTaskResult.objects.filter(enqueued_at__gte=started)
        queued.filter(task_path__startswith="core.purge").delete()


if __name__ == "__main__":
    numbers = [int(arg) for arg in sys.argv[1:] if arg.isdigit()]
    main(numbers[0] if numbers else 100, "--profile" in sys.argv)
