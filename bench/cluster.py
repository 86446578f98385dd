"""`make bench`, part two: comment writes under load, and two app servers behind nginx.

Writers are staff editors (their comments are published at once), one wrk connection each,
each posting distinct comments as fast as the site answers; every accepted post must be in the
database, and the cached article page must show every one of them at once. Then two gunicorn
instances sit behind nginx, sharing PostgreSQL and Redis: throughput with one instance and with
two, and a comment posted through one instance read back through the other.
"""

import os
import re
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

NGINX_CONF = """
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {root}/body;
  proxy_temp_path {root}/proxy;
  fastcgi_temp_path {root}/fastcgi;
  uwsgi_temp_path {root}/uwsgi;
  scgi_temp_path {root}/scgi;
  upstream site {{ {servers} keepalive 16; }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://site;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
    }}
  }}
}}
"""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a post's answer is its redirect: measure the write, not the next page


OPENER = urllib.request.build_opener(_NoRedirects)


class Browser:
    """One logged-in visitor over HTTP: a session cookie, and the CSRF token of a form."""

    def __init__(self, base, session):
        self.base, self.cookies = base, {"sessionid": session}

    def request(self, path, data=None):
        body = urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            with OPENER.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def csrf(self, article_path):
        """The CSRF cookie and a form's token, from the article page."""
        if "csrftoken" not in self.cookies:
            _, headers, html = self.request(article_path)
            jar = SimpleCookie()
            for header in headers.get_all("Set-Cookie") or ():
                jar.load(header)
            self.cookies["csrftoken"] = jar["csrftoken"].value
            self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def comment(self, article_path, text):
        self.csrf(article_path)
        status, headers, _ = self.request(
            f"{article_path}comments/", {"csrfmiddlewaretoken": self.token, "body": text}
        )
        return status == 302 and "#comment-" in headers.get("Location", "")


def comment_writes(base, article_path, sessions, seconds):
    """Posts from ``len(sessions)`` writers at once for ``seconds``, by wrk (one connection and
    thread each, bench/comment_writes.lua: a client in Python would take a good share of the
    two cores from the servers it measures); returns (the ids of the accepted posts, how many
    were accepted a second)."""
    browsers = [Browser(base, session) for session in sessions]
    for browser in browsers:
        browser.csrf(article_path)
    with tempfile.TemporaryDirectory(prefix="healthnews-bench-writes-") as work:
        writers, accepted = Path(work) / "writers", Path(work) / "accepted"
        writers.write_text("".join(
            f"sessionid={b.cookies['sessionid']};csrftoken={b.cookies['csrftoken']} {b.token}\n"
            for b in browsers
        ))  # fmt: skip
        env = {**os.environ, "WRITERS_FILE": str(writers), "ACCEPTED_FILE": str(accepted),
               "POST_PATH": f"{article_path}comments/"}  # fmt: skip
        started = time.monotonic()
        subprocess.run(
            ["wrk", "-t", str(len(browsers)), "-c", str(len(browsers)), "-d", f"{seconds:.0f}s",
             "-s", str(Path(__file__).with_name("comment_writes.lua")), base],
            env=env, capture_output=True, check=True,
        )  # fmt: skip
        taken = time.monotonic() - started
        ids = [int(line) for line in accepted.read_text().split()]
    return ids, len(ids) / taken  # accepted posts only: a refused one is no write


def start_nginx(port, upstream_ports, root=Path("/tmp/healthnews-bench-nginx")):
    root.mkdir(exist_ok=True)
    servers = " ".join(f"server 127.0.0.1:{p};" for p in upstream_ports)
    conf = root / "nginx.conf"
    conf.write_text(NGINX_CONF.format(root=root, servers=servers, port=port))
    subprocess.run(["nginx", "-c", str(conf), "-s", "stop"], capture_output=True)
    subprocess.run(["nginx", "-c", str(conf)], check=True)
    return lambda: subprocess.run(["nginx", "-c", str(conf), "-s", "stop"], capture_output=True)
