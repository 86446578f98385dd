"""`make bench`: the site under gunicorn and wrk, every figure beside the framework floor.

Seeds a separate PostgreSQL database (1,000 articles, one with 300 threaded comments), serves
the site with production settings (2 gunicorn workers) and a one-view Django app the same way,
loads each page with wrk, and prints requests per second, latency, SQL queries, bytes and the
ratio to the floor measured in the same run; then grows the site to 20,000 articles and measures
again. Figures only: nothing here passes or fails.
"""

import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE = "healthnews_bench"
DURATION = os.environ.get("BENCH_SECONDS", "10")
SITE_PORT, FLOOR_PORT = 8101, 8102
SECRET_KEY = secrets.token_urlsafe(64)  # one per run: sessions made here must be valid there


def sh(*args, env=None, check=True, quiet=True):
    return subprocess.run(args, cwd=ROOT, env=env, check=check, text=True,
                          capture_output=quiet)  # fmt: skip


def environment(settings="config.settings.production"):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        REDIS_URL="redis://127.0.0.1:6379/5",
        SECRET_KEY=SECRET_KEY,
        SITE_DOMAIN="127.0.0.1",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        MEDIA_ROOT="/tmp/healthnews-bench-media",
        DEBUG="0",
    )
    return env


def prepare():
    if sh("pg_isready", "-h", "127.0.0.1", "-q", check=False).returncode:
        version = sorted(os.listdir("/etc/postgresql"))[0]
        sh("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")
    if sh("redis-cli", "ping", check=False).returncode:
        sh("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--save", "")
    if sh("which", "wrk", check=False).returncode:
        sh("apt-get", "install", "-y", "-qq", "wrk")
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE IF EXISTS {DATABASE}")
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"CREATE DATABASE {DATABASE}")
    env = environment()
    sh(PYTHON, "manage.py", "migrate", "--noinput", env=env)
    sh(PYTHON, "manage.py", "collectstatic", "--noinput", env=env)


def seed(articles, comments=0):
    dev = {**environment("config.settings.dev"), "DEBUG": "0"}
    sh(PYTHON, "manage.py", "seed_demo", "--articles", str(articles), "--comments", str(comments),
       env=dev)  # fmt: skip


def serve(app, port, env):
    return subprocess.Popen(
        [PYTHON, "-m", "gunicorn", app, "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip


def wait_for(url):
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def wrk(url, headers=()):
    args = ["wrk", "-t2", "-c16", f"-d{DURATION}s", "--latency", url]
    for header in headers:
        args += ["-H", header]
    output = sh(*args).stdout

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, latency(50), latency(99), int(errors.group(1)) if errors else 0


def page_facts(paths):
    """Queries and bytes per page, measured in-process against the same database."""
    script = (
        "import json,sys\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "from accounts.models import User\n"
        "out={}\n"
        "for name, path, user in json.loads(sys.argv[1]):\n"
        "    c=Client(HTTP_HOST='127.0.0.1')\n"
        "    if user: c.force_login(User.objects.get(username=user))\n"
        "    c.get(path)\n"
        "    with CaptureQueriesContext(connection) as q: r=c.get(path)\n"
        "    out[name]=[len(q), len(r.content)]\n"
        "print(json.dumps(out))\n"
    )
    env = {**environment("config.settings.dev"), "DEBUG": "0"}
    result = sh(PYTHON, "-c", f"import django,os;django.setup();exec({script!r})",
                json.dumps(paths), env=env)  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def session_cookie(username):
    env = environment()
    code = (
        "import django;django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.test import Client\n"
        f"c=Client();c.force_login(get_user_model().objects.get(username='{username}'))\n"
        "print(c.cookies['sessionid'].value)\n"
    )
    return sh(PYTHON, "-c", code, env=env).stdout.strip().splitlines()[-1]


def targets():
    code = (
        "import django;django.setup()\n"
        "from django.db.models import Count\n"
        "from articles.models import Article, Tag\n"
        "p=Article.objects.published().annotate(n=Count('comments'))\n"
        "big=p.order_by('-n').first(); few=p.filter(n__gt=0,n__lt=20).order_by('-n').first()\n"
        "tag=Tag.objects.annotate(n=Count('articles')).order_by('-n').first()\n"
        "print(big.get_absolute_url(), big.n, few.get_absolute_url(), few.n,"
        " tag.get_absolute_url(), big.author.get_absolute_url())\n"
    )
    out = sh(PYTHON, "-c", code, env=environment()).stdout.split()
    return {"big": out[0], "big_n": out[1], "few": out[2], "few_n": out[3], "tag": out[4],
            "author": out[5]}  # fmt: skip


def table(rows, floor):
    print(f"{'page':<34}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'queries':>9}{'KB':>8}"
          f"{'÷ floor':>9}")  # fmt: skip
    for name, (rate, p50, p99, errors), (queries, size) in rows:
        note = f"  ({errors} errors)" if errors else ""
        print(f"{name:<34}{rate:>9.0f}{p50:>9.1f}{p99:>9.1f}{queries:>9}{size / 1024:>8.1f}"
              f"{rate / floor:>8.1%}{note}")  # fmt: skip


def measure(label, floor):
    t = targets()
    cookie = session_cookie("reader")
    pages = [
        ("home", "/", None),
        ("tag", t["tag"], None),
        ("author", t["author"], None),
        (f"article ({t['few_n']} comments)", t["few"], None),
        (f"article ({t['big_n']} comments)", t["big"], None),
        (f"article ({t['big_n']}), logged in", t["big"], "reader"),
        ("search", "/search/?q=headache", None),
    ]
    facts = page_facts(pages)
    rows = []
    for name, path, user in pages:
        headers = [f"Cookie: sessionid={cookie}"] if user else []
        rows.append((name, wrk(f"http://127.0.0.1:{SITE_PORT}{path}", headers), facts[name]))
    print(f"\n{label}: framework floor {floor:.0f} req/s (gunicorn, 2 workers, wrk -t2 -c16)")
    table(rows, floor)


def main():
    prepare()
    seed(1000, 300)
    site = serve("config.wsgi", SITE_PORT, environment())
    floor_app = serve("bench.floor:application", FLOOR_PORT, dict(os.environ))
    try:
        wait_for(f"http://127.0.0.1:{SITE_PORT}/")
        wait_for(f"http://127.0.0.1:{FLOOR_PORT}/")
        floor = wrk(f"http://127.0.0.1:{FLOOR_PORT}/")[0]
        measure("1,000 articles", floor)
        seed(19000)
        floor = wrk(f"http://127.0.0.1:{FLOOR_PORT}/")[0]
        measure("20,000 articles", floor)
    finally:
        for process in (site, floor_app):
            os.killpg(process.pid, signal.SIGTERM)


if __name__ == "__main__":
    main()
