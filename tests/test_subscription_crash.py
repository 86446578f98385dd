"""Email alerts survive a crash without sending anyone anything twice: a real ``db_worker`` is
killed (SIGKILL) in the middle of a batch, restarted, and every follower has exactly one email
for the update."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLLOWERS = 30

SETUP = f"""
from datetime import timedelta
from django.utils import timezone
from articles.models import Article, Author
from articles.revisions import save_article
from subscriptions.models import Subscriber, Subscription

author = Author.objects.create(name="Nadia Brooks", slug="nadia-brooks")
article = Article(title="Does ibuprofen help a cold?", slug="ibuprofen", author=author,
                  body="<p>Take ibuprofen.</p>", status="published",
                  published_at=timezone.now() - timedelta(days=30))
save_article(article, change_note="First published.", at=article.published_at)
for number in range({FOLLOWERS}):
    subscriber = Subscriber.objects.create(email=f"reader{{number}}@example.org")
    Subscription.objects.create(subscriber=subscriber, article=article,
                                confirmed_at=timezone.now())
article.body = "<p>Take paracetamol; ibuprofen can worsen asthma.</p>"
save_article(article, change_note="Corrected the advice on painkillers.")
"""

COUNT = """
import json
from collections import Counter
from django_tasks_db.models import DBTaskResult
from subscriptions.models import Delivery
emails = Counter()
for args in DBTaskResult.objects.filter(task_path="core.mail.deliver_email").values_list(
        "args_kwargs", flat=True):
    emails.update(args["args"][0]["to"])
print(json.dumps({"emails": emails, "sent": Delivery.objects.filter(sent_at__isnull=False).count(),
                  "deliveries": Delivery.objects.count()}))
"""


@pytest.fixture
def worker_env(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'alerts.sqlite3'}",
           "SUBSCRIPTION_BATCH_SIZE": "7"}  # fmt: skip
    manage("migrate", "--noinput", env=env)
    return env, tmp_path / "alerts.sqlite3"


def manage(*args, env, **kwargs):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True, timeout=300, **kwargs)  # fmt: skip


def sent_so_far(database):
    with sqlite3.connect(database, timeout=5) as connection:
        query = "SELECT COUNT(*) FROM subscriptions_delivery WHERE sent_at IS NOT NULL"
        return connection.execute(query).fetchone()[0]


def state(env):
    return json.loads(manage("shell", "-c", COUNT, env=env).stdout.strip().splitlines()[-1])


def test_a_worker_killed_mid_batch_sends_nobody_anything_twice(worker_env):
    env, database = worker_env
    manage("shell", "-c", SETUP, env=env)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "default",
         "--no-startup-delay", "--interval", "0.1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while sent_so_far(database) < 9 and time.monotonic() < deadline:  # past one batch
            time.sleep(0.05)
    finally:
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()

    halfway = state(env)
    assert halfway["deliveries"] == FOLLOWERS
    assert 9 <= halfway["sent"] < FOLLOWERS, "the worker was not stopped mid-way"
    # Each delivery marked sent has its email queued, and no other has one.
    assert sum(halfway["emails"].values()) == halfway["sent"]
    assert set(halfway["emails"].values()) == {1}

    manage("enqueue_subscription_emails", env=env)  # cron picks up what the dead worker left
    manage("db_worker", "--queue-name", "default", "--batch", "--no-startup-delay", env=env)

    final = state(env)
    assert final["sent"] == final["deliveries"] == FOLLOWERS
    assert final["emails"] == {f"reader{number}@example.org": 1 for number in range(FOLLOWERS)}
