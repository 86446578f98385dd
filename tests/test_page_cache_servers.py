"""Two app servers sharing PostgreSQL and Redis: a change made through one is on the other's
cached pages at the very next request (core/page_cache.py)."""

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
import redis
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client

from accounts.models import EDITORS_GROUP
from tests.factories import make_article, make_tag, make_user

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = "redis://127.0.0.1:6379/9"  # a database of its own, emptied first


def get(port, path, cookies=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if cookies:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read().decode()


def post(port, path, data, cookies):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", data=urlencode(data).encode(), method="POST"
    )
    request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:  # a redirect after posting is not followed for POST
        return error.code


@pytest.fixture
def two_servers():
    if connection.vendor != "postgresql":
        pytest.skip("app servers in other processes need a database server")
    try:
        redis.Redis.from_url(REDIS_URL).flushdb()
    except redis.RedisError:
        pytest.skip("Redis is not running")
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "SECRET_KEY": django_settings.SECRET_KEY,  # sessions made here are valid there
        "DATABASE_URL": f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}"
        f":{db['PORT'] or 5432}/{db['NAME']}",
        "DB_CONN_MAX_AGE": "0",
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE": "1",
        "PAGE_CACHE_CLOCK_SKEW_MS": "50",
    }
    ports = (8131, 8132)
    servers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )  # fmt: skip
        for port in ports
    ]
    try:
        for port in ports:
            for _ in range(100):
                try:
                    get(port, "/robots.txt")
                    break
                except OSError:
                    time.sleep(0.1)
        yield ports
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_comment_posted_through_one_server_is_on_the_others_cached_page_at_once(
    two_servers, author
):
    first, second = two_servers
    article = make_article(author, title="Is it safe to run in the heat?", tags=[make_tag()])
    editor = make_user("editor", groups=[EDITORS_GROUP], staff=True)  # published at once
    url = article.get_absolute_url()
    time.sleep(0.1)  # past the clock-skew allowance since the article was saved
    for port in two_servers:
        get(port, url)
        headers, html = get(port, url)
        assert headers["X-Page-Cache"] == "hit"
        assert "No comments yet." in html

    session = Client()
    session.force_login(editor)
    cookies = {"sessionid": session.cookies["sessionid"].value}
    headers, html = get(first, url, cookies)
    jar = SimpleCookie()
    for header in headers.get_all("Set-Cookie") or ():
        jar.load(header)
    cookies["csrftoken"] = jar["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    comment = {"csrfmiddlewaretoken": token, "body": "Drink before you are thirsty."}
    status = post(first, f"{url}comments/", comment, cookies)
    assert status in (200, 302, 303)

    headers, html = get(second, url)  # the other server, the very next request
    assert "Drink before you are thirsty." in html
    assert headers["X-Page-Cache"] == "miss"
    time.sleep(0.1)  # pages rendered within the clock-skew allowance of a change are not kept
    get(second, url)
    assert get(second, url)[0]["X-Page-Cache"] == "hit"
    assert "Drink before you are thirsty." in get(first, url)[1]
