"""`make bench`: the site under gunicorn and wrk, every figure beside the framework floor.

Seeds a separate PostgreSQL database (1,000 articles, one with 300 threaded comments), serves
the site with production settings (2 gunicorn workers) and a one-view Django app the same way,
loads each page with wrk, and prints requests per second, latency, SQL queries, bytes and the
ratio to the floor measured right before it; then grows the site to 20,000 articles and measures
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

from bench import cluster

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE = "healthnews_bench"
DURATION = os.environ.get("BENCH_SECONDS", "10")
COLD_PORT, FLOOR_PORT, WARM_PORT = 8101, 8102, 8103
NGINX_PORT, SOLO_PORT, PAIR_PORT = 8110, 8111, 8112
WRITERS = 8
SECRET_KEY = secrets.token_urlsafe(64)  # one per run: sessions made here must be valid there


def sh(*args, env=None, check=True, quiet=True):
    return subprocess.run(args, cwd=ROOT, env=env, check=check, text=True,
                          capture_output=quiet)  # fmt: skip


def environment(settings="config.settings.production", **extra):
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
    env.update(extra)
    return env


def prepare():
    if sh("pg_isready", "-h", "127.0.0.1", "-q", check=False).returncode:
        version = sorted(os.listdir("/etc/postgresql"))[0]
        sh("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")
    if sh("redis-cli", "ping", check=False).returncode:
        sh("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--save", "")
    missing = [tool for tool in ("wrk", "nginx") if sh("which", tool, check=False).returncode]
    if missing:  # Debian's packages; a new machine has no package lists yet
        sh("apt-get", "update", "-qq")
        sh("apt-get", "install", "-y", "-qq", *missing)
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE IF EXISTS {DATABASE}")
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"CREATE DATABASE {DATABASE}")
    env = environment()
    sh(PYTHON, "manage.py", "migrate", "--noinput", env=env)
    sh(PYTHON, "manage.py", "collectstatic", "--noinput", env=env)


def seed(articles, comments=0):
    dev = {**environment("config.settings.dev"), "DEBUG": "0"}
    started = time.monotonic()
    sh(PYTHON, "manage.py", "seed_demo", "--articles", str(articles), "--comments", str(comments),
       env=dev)  # fmt: skip
    seconds = time.monotonic() - started
    # What autovacuum would soon do on a live site: fresh planner statistics.
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", "VACUUM ANALYZE", DATABASE)
    return seconds


def serve(app, port, env, workers=2):
    return subprocess.Popen(
        [PYTHON, "-m", "gunicorn", app, "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "--no-control-socket"],
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
    return rate, latency(50), latency(99), int(errors.group(1)) if errors else 0


def page_facts(paths, page_cache):
    """Per page, measured in-process with the served site's settings against the same database:
    queries, bytes, how long it takes right after a change (every kept page and fragment stale),
    and as it is served from then on (the median of 40: steadier than wrk on a shared machine)."""
    script = (
        "import json,statistics,sys,time\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from accounts.models import User\n"
        "from core.page_cache import purge_all\n"
        "out={}\n"
        "for name, path, user in json.loads(sys.argv[1]):\n"
        "    c=Client(HTTP_HOST='127.0.0.1')\n"
        "    if user: c.force_login(User.objects.get(username=user))\n"
        "    times=[]\n"
        "    for _ in range(7):\n"
        "        purge_all(); started=time.perf_counter(); c.get(path)\n"
        "        times.append((time.perf_counter()-started)*1000)\n"
        "    time.sleep(1.2); c.get(path)  # kept once the clock-skew margin has passed\n"
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
    env = environment(PAGE_CACHE=str(int(page_cache)))
    result = sh(PYTHON, "-c", f"import django,os;django.setup();exec({script!r})",
                json.dumps(paths), env=env)  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def django(code):
    """Run ``code`` against the bench database; returns what it printed."""
    return sh(PYTHON, "-c", "import django;django.setup()\n" + code, env=environment()).stdout


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


def table(rows):
    print(f"{'page':<40}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'queries':>8}{'KB':>7}"
          f"{'floor':>7}{'÷ floor':>9}{'ms':>6}{'new ms':>8}")  # fmt: skip
    for name, (rate, p50, p99, errors), floor, (queries, size, fresh, served) in rows:
        note = f"  ({errors} errors)" if errors else ""
        print(f"{name:<40}{rate:>8.0f}{p50:>8.1f}{p99:>8.1f}{queries:>8}{size / 1024:>7.1f}"
              f"{floor:>7.0f}{rate / floor:>8.1%}{served:>6.2f}{fresh:>8.1f}{note}")  # fmt: skip


def floor_rate():
    return wrk(f"http://127.0.0.1:{FLOOR_PORT}/")[0]


def measure(label, t, reader, *, full=True):
    """One table; returns each row's rate as a share of the floor, by page and state. The floor
    is measured again right before each row: this shared machine's speed drifts within minutes,
    and a ratio is only as good as the two figures being taken together."""
    pages = [
        ("home", "home", "/", None),
        ("tag", "tag", t["tag"], None),
        ("author", "author", t["author"], None),
        ("article, few", f"article ({t['few_n']} comments)", t["few"], None),
        ("article, many", f"article ({t['big_n']} comments)", t["big"], None),
    ]
    extra = [
        ("logged in", f"article ({t['big_n']}), logged in", t["big"], "reader"),
        ("search", "search", "/search/?q=headache", None),
    ]
    cold_pages = pages + (extra if full else [])
    cold_facts = page_facts([page[1:] for page in cold_pages], False)
    warm_facts = page_facts([page[1:] for page in pages], True)
    rows, shares = [], {}
    for state, port, listed, facts in (("cold", COLD_PORT, cold_pages, cold_facts),
                                       ("warm", WARM_PORT, pages, warm_facts)):  # fmt: skip
        for role, name, path, user in listed:
            headers = [f"Cookie: sessionid={reader}"] if user else []
            url = f"http://127.0.0.1:{port}{path}"
            if state == "warm":
                _wrk_once(url, headers)  # fill the cache first
            floor = floor_rate()
            result = wrk(url, headers)
            rows.append((f"{name}, {state}", result, floor, facts[name]))
            shares[f"{role}, {state}"] = (result[0] / floor, facts[name][3])
    print(f"\n{label}: each row beside the framework floor measured right before it (gunicorn,")
    print("2 workers, wrk -t2 -c16); cold: whole-page cache off (kept fragments and lists still")
    print("shared); warm: on; ms: the median request in-process, as served (no HTTP server);")
    print("new ms: one request in-process right after a change, when nothing is kept yet")
    table(rows)
    return shares


def scale(small, large):
    """Each page at 20,000 articles against itself at 1,000: its share of the floor (wrk), and
    its median time in-process (the steadier of the two)."""
    print("\nScale: each page at 20,000 articles against itself at 1,000 articles")
    print(f"  {'page':<38}{'÷ floor':>9}{'ms':>9}")
    for name, (share, served) in large.items():
        if name in small:
            then_share, then_served = small[name]
            print(f"  {name:<38}{share / then_share:>9.0%}{served / then_served:>9.0%}")


def comment_counts(t):
    code = (
        "from articles.models import Article\n"
        f"for path in {[t['big'], t['few']]!r}:\n"
        "    slug = path.rstrip('/').rsplit('/', 1)[-1]\n"
        "    print(Article.objects.get(slug=slug).comments.count())\n"
    )
    big_n, few_n = django(code).split()
    return {"big_n": big_n, "few_n": few_n}


def stored_comments(article_id):
    code = "from comments.models import Comment\n"
    return int(django(code + f"print(Comment.objects.filter(article_id={article_id}).count())"))


def writes(t):
    """Comment POSTs from WRITERS editors at once, on the warm server."""
    before = stored_comments(t["quiet_id"])
    writer_sessions = sessions([f"bench-writer-{n}" for n in range(WRITERS)], editors=True)
    posted, rate = cluster.comment_writes(f"http://127.0.0.1:{WARM_PORT}", t["quiet"],
                                          writer_sessions, float(DURATION))  # fmt: skip
    after = stored_comments(t["quiet_id"])
    page = urllib.request.urlopen(f"http://127.0.0.1:{WARM_PORT}{t['quiet']}").read().decode()
    shown = re.search(r'id="comments-heading">(\d+) comment', page).group(1)
    print(
        f"\nComment POSTs, {WRITERS} writers at once: {rate:.0f}/s; {posted} accepted, "
        f"{after - before} stored (nothing lost: {posted == after - before}); "
        f"the cached page then says {shown} comments (purged for each: {int(shown) == after})"
    )


def two_instances(t):
    """One gunicorn instance (1 worker) alone, then two behind nginx, sharing PG and Redis."""
    env = environment(PAGE_CACHE="0")
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
    servers = start_servers()
    try:
        t, reader = targets(), sessions(["reader"])[0]
        small = measure("1,000 articles", t, reader)
        writes(t)
        two_instances(t)
        print(f"\nAdded 19,000 articles in bulk in {seed(19000):.0f} s")
        # Both sizes measured alike: the seeding's writes flushed, the servers started afresh.
        sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", "CHECKPOINT", DATABASE)
        stop_servers(servers)
        servers = start_servers()
        t.update(comment_counts(t))  # the same pages as at 1,000 articles
        large = measure("20,000 articles", t, reader, full=False)
        scale(small, large)
    finally:
        stop_servers(servers)


def start_servers():
    """The site with the whole-page cache off and on, and the floor app."""
    servers = [
        serve("config.wsgi", COLD_PORT, environment(PAGE_CACHE="0")),
        serve("config.wsgi", WARM_PORT, environment(PAGE_CACHE="1")),
        serve("bench.floor:application", FLOOR_PORT, dict(os.environ)),
    ]
    for port in (COLD_PORT, WARM_PORT, FLOOR_PORT):
        wait_for(f"http://127.0.0.1:{port}/")
    return servers


def stop_servers(servers):
    for process in servers:
        os.killpg(process.pid, signal.SIGTERM)
    for process in servers:
        process.wait()


if __name__ == "__main__":
    main()
