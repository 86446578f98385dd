"""`make bench`: the site behind the shipped Varnish, under gunicorn and wrk, every figure beside
the framework floor and, through Varnish, beside nginx serving the same bytes as a static file.

Seeds a separate PostgreSQL database (1,000 articles, one with 300 threaded comments), serves the
site with production settings (2 gunicorn workers, the task worker beside them, purges to Varnish
on every change), the shipped VCL in varnishd in front, and a one-view Django app the same way;
loads each page with wrk and prints requests per second, latency, SQL queries, bytes and the
ratios; then comment POSTs from 8 writers, the purge latency (an editor's save to the first fresh
page through Varnish), and two app servers behind nginx. With ``BENCH_20K=1``, a copy grown to
20,000 articles is measured beside it. Figures only: nothing here passes or fails.
"""

import json
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import NamedTuple

from bench import cluster, edge

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE = "healthnews_bench"
DURATION = os.environ.get("BENCH_SECONDS", "10")
PURGE_ROUNDS = int(os.environ.get("BENCH_PURGE_ROUNDS", "40"))
APP_PORT, FLOOR_PORT, VARNISH_PORT, STATIC_PORT, UNTUNED_PORT = 8101, 8102, 8120, 8121, 8122
NGINX_PORT, SOLO_PORT, PAIR_PORT = 8110, 8111, 8112
MEMBER_FLOOR_PORT = 8103
MEMBER_PAGE = Path("/tmp/healthnews-bench-member-page.html")  # what bench.floor_member serves
LOGS = Path("/tmp/healthnews-bench-logs")  # each server's output, by port
WRITERS = 8
SECRET_KEY = secrets.token_urlsafe(64)  # one per run: sessions made here must be valid there


def sh(*args, env=None, check=True, quiet=True):
    return subprocess.run(args, cwd=ROOT, env=env, check=check, text=True,
                          capture_output=quiet)  # fmt: skip


class Site(NamedTuple):
    """One copy of the site: its database, its Redis database, its app server's port."""

    database: str
    redis_db: int
    port: int


SMALL = Site(DATABASE, 5, APP_PORT)  # 1,000 articles
LARGE = Site(f"{DATABASE}_20k", 7, 8104)  # the same, grown to 20,000


def environment(settings="config.settings.production", site=SMALL, **extra):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{site.database}",
        REDIS_URL=f"redis://127.0.0.1:6379/{site.redis_db}",
        SECRET_KEY=SECRET_KEY,
        SITE_DOMAIN="127.0.0.1",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        MEDIA_ROOT="/tmp/healthnews-bench-media",
        DEBUG="0",
        CACHE_PURGE="varnish",
        VARNISH_PURGE_URL=f"http://127.0.0.1:{VARNISH_PORT}",
    )
    env.update(extra)
    return env


def prepare():
    if sh("pg_isready", "-h", "127.0.0.1", "-q", check=False).returncode:
        version = sorted(os.listdir("/etc/postgresql"))[0]
        sh("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")
    if sh("redis-cli", "ping", check=False).returncode:
        sh("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--save", "")
    tools = {"wrk": "wrk", "nginx": "nginx", "varnishd": "varnish"}
    missing = [package for tool, package in tools.items()
               if sh("which", tool, check=False).returncode]  # fmt: skip
    if not Path("/usr/share/doc/varnish-modules").exists():
        missing.append("varnish-modules")  # vmod_xkey
    if missing:  # Debian's packages; a new machine has no package lists yet
        sh("apt-get", "update", "-qq")
        sh("apt-get", "install", "-y", "-qq", *missing)
    for site in (LARGE, SMALL):
        psql(f"DROP DATABASE IF EXISTS {site.database}")
        sh("redis-cli", "-n", str(site.redis_db), "flushdb")  # nothing kept from an earlier run
    psql(f"CREATE DATABASE {DATABASE}")
    env = environment()
    sh(PYTHON, "manage.py", "migrate", "--noinput", env=env)
    sh(PYTHON, "manage.py", "collectstatic", "--noinput", env=env)


def psql(command, database="postgres"):
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", command, database)


def seed(articles, comments=0, site=SMALL):
    dev = {**environment("config.settings.dev", site), "DEBUG": "0"}
    started = time.monotonic()
    sh(PYTHON, "manage.py", "seed_demo", "--articles", str(articles), "--comments", str(comments),
       env=dev)  # fmt: skip
    seconds = time.monotonic() - started
    # Seeding queued a purge for every change: no edge was there to take them.
    sh(PYTHON, "-c", "import django;django.setup()\n"
       "from django_tasks_db.models import DBTaskResult\n"
       "DBTaskResult.objects.all().delete()", env=dev)  # fmt: skip
    # What autovacuum would soon do on a live site: fresh planner statistics.
    psql("VACUUM ANALYZE", site.database)
    psql("CHECKPOINT", site.database)
    return seconds


def serve(app, port, env, workers=2):
    """A gunicorn server; what it logs (the site: a JSON line per request, as in production) goes
    to ``LOGS/<port>.log``, a file as a production server's would, not through this terminal."""
    LOGS.mkdir(exist_ok=True)
    with open(LOGS / f"{port}.log", "w") as log:
        return subprocess.Popen(
            [PYTHON, "-m", "gunicorn", app, "--workers", str(workers),
             "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--no-control-socket"],
            cwd=ROOT, env=env, start_new_session=True, stdout=log, stderr=log,
        )  # fmt: skip


def wait_for(url, ok=()):
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except urllib.error.HTTPError as error:
            if error.code in ok:
                return
            time.sleep(0.2)
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer (its server's log is in {LOGS})")


def wrk(url, headers=()):
    """(req/s, p50 ms, p99 ms, errors): the better of two runs of half the duration each, so
    that a moment when something else on this shared machine takes a core counts once (the
    errors of both)."""
    runs = [_wrk_once(url, headers) for _ in range(2)]
    rate, p50, p99, _ = max(runs, key=lambda run: run[0])
    return rate, p50, p99, sum(run[3] for run in runs)


def _wrk_once(url, headers):
    seconds = max(1, round(float(DURATION) / 2))
    args = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", url]
    for header in headers:
        args += ["-H", header]
    output = sh(*args).stdout

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failed = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    count = int(errors.group(1)) if errors else 0
    count += sum(int(n) for n in failed.groups()) if failed else 0
    return rate, latency(50), latency(99), count


def page_facts(paths, site=SMALL):
    """Per page, measured in-process with the served site's settings against the same database:
    queries, bytes, how long it takes right after a change (Django's cache emptied: no fragment
    kept), and as it is served from then on with its fragments kept (the median of 40: steadier
    than wrk on a shared machine)."""
    script = (
        "import json,statistics,sys,time\n"
        "from django.core.cache import cache\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from accounts.models import User\n"
        "out={}\n"
        "for name, path, user in json.loads(sys.argv[1]):\n"
        "    c=Client(HTTP_HOST='127.0.0.1')\n"
        "    if user: c.force_login(User.objects.get(username=user))\n"
        "    times=[]\n"
        "    for _ in range(7):\n"
        "        cache.clear(); started=time.perf_counter(); c.get(path)\n"
        "        times.append((time.perf_counter()-started)*1000)\n"
        "    c.get(path)\n"
        "    queries=[]\n"
        "    def counted(execute, *args): queries.append(1); return execute(*args)\n"
        "    with connection.execute_wrapper(counted): r=c.get(path)\n"
        "    served=[]\n"
        "    for _ in range(40):\n"
        "        started=time.perf_counter(); c.get(path)\n"
        "        served.append((time.perf_counter()-started)*1000)\n"
        "    out[name]=[len(queries), len(r.content), statistics.median(times),\n"
        "               statistics.median(served)]\n"
        "print(json.dumps(out))\n"
    )
    env = environment(site=site)
    result = sh(PYTHON, "-c", f"import django,os;django.setup();exec({script!r})",
                json.dumps(paths), env=env)  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def django(code, site=SMALL):
    """Run ``code`` against a bench database; returns what it printed."""
    env = environment(site=site)
    return sh(PYTHON, "-c", "import django;django.setup()\n" + code, env=env).stdout


def sessions(usernames, editors=False):
    """A logged-in session for each user (verified; staff editors when ``editors``)."""
    code = (
        "from allauth.account.models import EmailAddress\n"
        "from django.contrib.auth.models import Group\n"
        "from django.test import Client\n"
        "from accounts.models import EDITORS_GROUP, User\n"
        f"for name in {list(usernames)!r}:\n"
        "    user, _ = User.objects.get_or_create(username=name,\n"
        "                                         defaults={'email': name + '@example.org'})\n"
        "    EmailAddress.objects.get_or_create(user=user, email=user.email,\n"
        "                                       defaults={'verified': True, 'primary': True})\n"
        f"    if {editors!r}:\n"
        "        user.is_staff = True; user.save()\n"
        "        user.groups.add(Group.objects.get(name=EDITORS_GROUP))\n"
        "    c = Client(); c.force_login(user); print(c.cookies['sessionid'].value)\n"
    )
    return django(code).split()


def targets():
    code = (
        "from django.db.models import Count\n"
        "from articles.models import Article, Tag\n"
        "p=Article.objects.published().annotate(n=Count('comments'))\n"
        "big=p.order_by('-n').first(); few=p.filter(n__gt=0,n__lt=20).order_by('-n').first()\n"
        "quiet=p.filter(n=0).first()\n"
        "tag=Tag.objects.annotate(n=Count('articles')).order_by('-n').first()\n"
        "print(big.get_absolute_url(), big.n, few.get_absolute_url(), few.n,\n"
        "      tag.get_absolute_url(), big.author.get_absolute_url(),\n"
        "      quiet.get_absolute_url(), quiet.pk)\n"
    )
    keys = ("big", "big_n", "few", "few_n", "tag", "author", "quiet", "quiet_id")
    return dict(zip(keys, django(code).split(), strict=True))


def floor_rate():
    return wrk(f"http://127.0.0.1:{FLOOR_PORT}/")[0]


def public_pages(t):
    return [
        ("home", "/"),
        ("tag", t["tag"]),
        (f"article ({t['few_n']} comments)", t["few"]),
        (f"article ({t['big_n']} comments)", t["big"]),
    ]


def measure_edge(t):
    """Warm pages through Varnish, each beside nginx serving the bytes Varnish served (the
    physical limit) and the floor, all three measured together."""
    bodies = {}
    for number, (_name, path) in enumerate(public_pages(t)):
        url = f"http://127.0.0.1:{VARNISH_PORT}{path}"
        for _ in range(20):  # kept, and not purged since
            with urllib.request.urlopen(url) as response:
                bodies[f"page{number}"] = body = response.read()
                if response.headers["X-Cache"] == "HIT":
                    break
        else:
            raise SystemExit(f"{path} is never a hit through Varnish")
    stop_static = edge.start_static(STATIC_PORT, bodies)
    rows = []
    try:
        for number, (name, path) in enumerate(public_pages(t)):
            static = wrk(f"http://127.0.0.1:{STATIC_PORT}/page{number}.html")
            result = wrk(f"http://127.0.0.1:{VARNISH_PORT}{path}")
            floor = floor_rate()
            rows.append((name, result, static[0], floor, len(bodies[f"page{number}"])))
        untuned = edge.Varnish(UNTUNED_PORT, APP_PORT, tuned=False)
        try:
            untuned.start()
            name, path = public_pages(t)[-1]
            urllib.request.urlopen(f"http://127.0.0.1:{UNTUNED_PORT}{path}").read()
            static = wrk(f"http://127.0.0.1:{STATIC_PORT}/page{len(rows) - 1}.html")
            result = wrk(f"http://127.0.0.1:{UNTUNED_PORT}{path}")
            rows.append((f"{name}, untuned", result, static[0], floor_rate(), len(body)))
        finally:
            untuned.stop()
    finally:
        stop_static()
    print("\nThrough Varnish, warm (the shipped VCL, tuned parameters; wrk -t2 -c16), beside nginx")
    print("serving the same bytes as a static file and the framework floor, measured together;")
    print("untuned: the same VCL in a varnishd with default parameters:")
    print(f"{'page':<30}{'req/s':>9}{'p50 ms':>8}{'p99 ms':>8}{'KB':>7}{'static':>9}"
          f"{'÷ static':>10}{'floor':>7}{'÷ floor':>9}")  # fmt: skip
    for name, (rate, p50, p99, errors), static, floor, size in rows:
        note = f"  ({errors} errors)" if errors else ""
        print(f"{name:<30}{rate:>9.0f}{p50:>8.2f}{p99:>8.2f}{size / 1024:>7.1f}{static:>9.0f}"
              f"{rate / static:>9.1%}{floor:>7.0f}{rate / floor:>8.0%}{note}")  # fmt: skip


def table(rows, beside=None):
    extra = f"{'at 1k':>7}{'÷ 1k':>7}" if beside else ""
    print(f"{'page':<40}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'queries':>8}{'KB':>7}"
          f"{'floor':>7}{'÷ floor':>9}{'ms':>6}{'new ms':>8}{extra}")  # fmt: skip
    for name, (rate, p50, p99, errors), floor, (queries, size, fresh, served), small in rows:
        note = f"  ({errors} errors)" if errors else ""
        compared = f"{small:>7.0f}{rate / small:>7.0%}" if beside else ""
        print(f"{name:<40}{rate:>8.0f}{p50:>8.1f}{p99:>8.1f}{queries:>8}{size / 1024:>7.1f}"
              f"{floor:>7.0f}{rate / floor:>8.1%}{served:>6.2f}{fresh:>8.1f}"
              f"{compared}{note}")  # fmt: skip


def measure_cold(label, t, reader, site=SMALL, *, full=True, beside=None):
    """Pages straight from gunicorn (no edge), their fragments kept: what a page costs when
    Varnish has to fetch it, and what every logged-in reader gets. The floor is measured again
    right before each row: this shared machine's speed drifts within minutes, and a ratio is
    only as good as the two figures being taken together. With ``beside`` (another copy of the
    site), the same page is loaded there right after, and the table compares the two rates."""
    pages = [(name, path, None) for name, path in public_pages(t)]
    pages.insert(2, ("author", t["author"], None))
    if full:
        pages += [
            (f"article ({t['big_n']}), logged in", t["big"], "reader"),
            ("search", "/search/?q=headache", None),
            ("search, misspelt (did you mean)", "/search/?q=hedache+migrane", None),
            ("search, synonym", "/search/?q=sleep+apnea", None),
        ]
    facts = page_facts(pages, site)
    rows = []
    for name, path, user in pages:
        headers = [f"Cookie: sessionid={reader}"] if user else []
        urls = [f"http://127.0.0.1:{copy.port}{path}" for copy in (site, beside) if copy]
        for url in urls:
            _wrk_once(url, headers)  # fragments kept first
        floor = floor_rate()
        result = wrk(urls[0], headers)
        small = wrk(urls[1], headers)[0] if beside else None
        rows.append((name, result, floor, facts[name], small))
    member = None
    if full:  # the logged-in article beside the least a signed-in page can cost
        path, cookie = t["big"], f"Cookie: sessionid={reader}"
        request = urllib.request.Request(f"http://127.0.0.1:{site.port}{path}")
        request.add_header(*cookie.split(": ", 1))
        MEMBER_PAGE.write_bytes(urllib.request.urlopen(request).read())
        floor_url = f"http://127.0.0.1:{MEMBER_FLOOR_PORT}{path}"
        _wrk_once(floor_url, [cookie])
        member = (wrk(floor_url, [cookie])[0], wrk(f"http://127.0.0.1:{site.port}{path}",
                                                  [cookie])[0], floor_rate())  # fmt: skip
    print(f"\n{label}, cold: straight from gunicorn (2 workers, wrk -t2 -c16), no edge, fragments")
    print("kept; each row beside the framework floor measured right before it; ms: the median")
    print("request in-process (no HTTP server); new ms: one request in-process with nothing kept")
    if beside:
        print("at 1k: the same page on the copy of 1,000 articles, loaded right after (÷ 1k: how")
        print("the page's rate at 20,000 articles compares)")
    table(rows, beside)
    if member:
        floor_member, ours, floor = member
        print(f"The logged-in article beside the member floor (bench/floor_member.py: the session "
              f"and the reader's row read, the same {MEMBER_PAGE.stat().st_size / 1024:.0f} KB "
              f"sent): floor {floor_member:.0f} req/s ({floor_member / floor:.1%} of the framework "
              f"floor), the site {ours:.0f} req/s = {ours / floor_member:.0%} of it")  # fmt: skip


def comment_counts(t, site=SMALL):
    code = (
        "from articles.models import Article\n"
        f"for path in {[t['big'], t['few']]!r}:\n"
        "    slug = path.rstrip('/').rsplit('/', 1)[-1]\n"
        "    print(Article.objects.get(slug=slug).comments.count())\n"
    )
    big_n, few_n = django(code, site).split()
    return {"big_n": big_n, "few_n": few_n}


def stored_comments(article_id):
    code = "from comments.models import Comment\n"
    return int(django(code + f"print(Comment.objects.filter(article_id={article_id}).count())"))


def shown_comments(path):
    for _ in range(10):  # a loaded machine may time a fetch out: ask again
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{VARNISH_PORT}{path}") as response:
                page = response.read().decode()
            return int(re.search(r'id="comments-heading">(\d+) comment', page).group(1))
        except urllib.error.HTTPError:
            time.sleep(1)
    raise SystemExit(f"{path} never answered through Varnish")


def writes(t):
    """Comment POSTs from WRITERS editors at once, through Varnish (they pass to gunicorn); then
    the article as anonymous readers get it from Varnish, once the purge has reached it."""
    shown_comments(t["quiet"])  # kept in Varnish before the writes
    before = stored_comments(t["quiet_id"])
    writer_sessions = sessions([f"bench-writer-{n}" for n in range(WRITERS)], editors=True)
    accepted, rate = cluster.comment_writes(f"http://127.0.0.1:{VARNISH_PORT}", t["quiet"],
                                            writer_sessions, float(DURATION))  # fmt: skip
    on_article, kept = map(int, django(
        "from comments.models import Comment\n"
        f"on_article = Comment.objects.filter(article_id={t['quiet_id']})\n"
        f"print(on_article.count(), on_article.filter(pk__in={accepted!r}).count())"
    ).split())  # fmt: skip
    stored = on_article - before
    done = time.monotonic()
    while shown_comments(t["quiet"]) != before + stored and time.monotonic() < done + 30:
        time.sleep(0.05)
    shown = shown_comments(t["quiet"])
    print(
        f"\nComment POSTs through Varnish, {WRITERS} writers at once (wrk): {rate:.0f}/s; "
        f"{len(accepted)} accepted, all of them stored: {kept == len(accepted)} ({stored} stored, "
        f"{stored - len(accepted)} still in flight when wrk stopped); the article through "
        f"Varnish then says {shown} comments (all: {shown == before + stored}, "
        f"{time.monotonic() - done:.1f} s after the last post)"
    )
    _, floor_rate_ = cluster.comment_writes(f"http://127.0.0.1:{MEMBER_FLOOR_PORT}", t["quiet"],
                                            writer_sessions, float(DURATION))  # fmt: skip
    print(f"  the POST floor (bench/floor_member.py: session, the writer's row, CSRF, one row "
          f"inserted and committed, straight to gunicorn): {floor_rate_:.0f}/s; the site's "
          f"POSTs are {rate / floor_rate_:.0%} of it")  # fmt: skip


def purge_latency(t, varnish):
    """From an editor's save_article() to the first fresh page through Varnish, the task worker
    running; then the same with Varnish stopped during the save and started again."""
    path = t["few"]
    out = sh(PYTHON, "-c", "import django;django.setup()\n" + edge.PURGE_LATENCY,
             f"http://127.0.0.1:{VARNISH_PORT}", path, str(PURGE_ROUNDS),
             env=environment()).stdout  # fmt: skip
    latencies = json.loads(out.strip().splitlines()[-1])
    seen = sorted(value for value in latencies if value is not None)
    never = len(latencies) - len(seen)
    p99 = seen[min(len(seen) - 1, int(len(seen) * 0.99))] if seen else float("nan")
    print(f"\nPurge latency, save_article() to the first fresh article through Varnish "
          f"({len(latencies)} saves, db_worker running with its default interval):")  # fmt: skip
    print(
        f"  p50 {statistics.median(seen) if seen else float('nan'):.0f} ms, p99 {p99:.0f} ms, "
        f"max {seen[-1] if seen else float('nan'):.0f} ms; never fresh within 60 s: {never}"
    )

    url = f"http://127.0.0.1:{VARNISH_PORT}{path}"
    urllib.request.urlopen(url).read()
    varnish.stop()
    out = sh(PYTHON, "-c", "import django;django.setup()\n" + edge.PURGE_AFTER_OUTAGE,
             f"http://127.0.0.1:{VARNISH_PORT}", path, env=environment()).stdout  # fmt: skip
    title = json.loads(out.strip().splitlines()[-1])[0]
    time.sleep(3)  # the worker tries, fails, and will retry
    varnish.start()
    back = time.monotonic()
    while title not in urllib.request.urlopen(url).read().decode():
        if time.monotonic() > back + 120:
            print("  edited while Varnish was stopped: still stale 120 s after it came back")
            return
        time.sleep(0.01)
    print(f"  edited while Varnish was stopped: fresh {(time.monotonic() - back) * 1000:.0f} ms "
          "after it answered again (a restarted varnishd starts empty)")  # fmt: skip


def two_instances(t):
    """One gunicorn instance (1 worker) alone, then two behind nginx, sharing PG and Redis."""
    env = environment()
    solo, pair = serve("config.wsgi", SOLO_PORT, env, 1), serve("config.wsgi", PAIR_PORT, env, 1)
    stop_nginx = None
    try:
        wait_for(f"http://127.0.0.1:{SOLO_PORT}/")
        wait_for(f"http://127.0.0.1:{PAIR_PORT}/")
        stop_nginx = cluster.start_nginx(NGINX_PORT, [SOLO_PORT, PAIR_PORT])
        path = t["few"]
        one = wrk(f"http://127.0.0.1:{SOLO_PORT}{path}")
        both = wrk(f"http://127.0.0.1:{NGINX_PORT}{path}")
        print(f"\nSeveral app servers (article, {t['few_n']} comments, cold; 1 worker each):")
        print(f"  one instance       {one[0]:>6.0f} req/s  p99 {one[2]:.0f} ms")
        print(f"  two behind nginx   {both[0]:>6.0f} req/s  p99 {both[2]:.0f} ms  "
              f"(× {both[0] / one[0]:.2f})")  # fmt: skip
        writer = cluster.Browser(
            f"http://127.0.0.1:{SOLO_PORT}", sessions(["bench-writer-0"], editors=True)[0]
        )
        text = f"Posted through one instance at {time.time():.0f}."
        writer.comment(t["few"], text)  # a short discussion: the comment shows on page one
        other = urllib.request.urlopen(f"http://127.0.0.1:{PAIR_PORT}{t['few']}")
        print(f"  a comment posted through one instance is on the other's next page: "
              f"{text in other.read().decode()}")  # fmt: skip
    finally:
        if stop_nginx:
            stop_nginx()
        for process in (solo, pair):
            os.killpg(process.pid, signal.SIGTERM)


def main():
    prepare()
    print(f"Seeded 1,000 articles in {seed(1000, 300):.0f} s")
    servers = start_servers(SMALL)
    varnish = edge.Varnish(VARNISH_PORT, APP_PORT)
    try:
        varnish.start()
        t, reader = targets(), sessions(["reader"])[0]
        measure_edge(t)
        measure_cold("1,000 articles", t, reader)
        writes(t)
        purge_latency(t, varnish)
        varnish.stop()
        two_instances(t)
        if os.environ.get("BENCH_20K"):
            # A copy grown to 20,000, both served side by side, each page measured on one then
            # the other: on a shared machine only figures taken together compare.
            stop_servers(servers)
            servers = []
            psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                 f"WHERE datname = '{DATABASE}'")  # fmt: skip
            psql(f"CREATE DATABASE {LARGE.database} TEMPLATE {DATABASE}")
            print(f"\nAdded 19,000 articles in bulk to a copy in {seed(19000, site=LARGE):.0f} s")
            servers = start_servers(SMALL, LARGE)
            t.update(comment_counts(t, LARGE))  # the same pages as at 1,000 articles
            measure_cold("20,000 articles", t, reader, LARGE, full=False, beside=SMALL)
    finally:
        varnish.stop()
        stop_servers(servers)


def start_servers(*sites):
    """For each copy of the site, its app server and task worker; the floor."""
    servers = [
        serve("bench.floor:application", FLOOR_PORT, dict(os.environ)),
        serve("bench.floor_member:application", MEMBER_FLOOR_PORT,
              {**environment(site=sites[0]), "FLOOR_PAGE": str(MEMBER_PAGE)}),
    ]  # fmt: skip
    for site in sites:
        env = environment(site=site)
        servers += [
            serve("config.wsgi", site.port, env),
            subprocess.Popen([PYTHON, "manage.py", "db_worker", "--queue-name", "*"],
                             cwd=ROOT, env=env, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        ]  # fmt: skip
    try:
        for port in (FLOOR_PORT, *(site.port for site in sites)):
            wait_for(f"http://127.0.0.1:{port}/")
        wait_for(f"http://127.0.0.1:{MEMBER_FLOOR_PORT}/articles/up/comments/", ok=(405,))
    except BaseException:
        stop_servers(servers)  # none left holding the ports for the next run
        raise
    return servers


def stop_servers(servers):
    for process in servers:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass  # it had exited (a server that failed to start)
    for process in servers:
        process.wait()


if __name__ == "__main__":
    main()
