"""`make bench`, the edge: the shipped Varnish configuration in front of gunicorn, and nginx
serving the very bytes Varnish serves as static files (the fastest this machine can answer).

varnishd runs with its own working directory and the shipped VCL, its backend moved to the bench's
app server; the parameters below are the ones tuned for warm pages (see README, "Varnish in
front"). Purge latency is measured from an editor's ``save_article()`` (committed, the purge task
queued) to the first fresh page through Varnish, with the task worker running as in production.
"""

import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
WORKDIR = Path("/tmp/healthnews-bench-varnish")
STATIC_ROOT = Path("/tmp/healthnews-bench-static")

# Tuned for warm pages on a small machine: one thread pool per core, threads made in advance
# (no thread creation under load), no per-request log records nobody reads, and enough memory
# for every page of the bench site.
VARNISH_PARAMETERS = [
    "-p", "thread_pools=2",
    "-p", "thread_pool_min=50",
    "-p", "thread_pool_max=500",
    "-p", "vsl_mask=-ReqHeader,-RespHeader,-ReqUnset,-RespUnset,-VCL_call,-VCL_return,"
          "-Timestamp,-ReqAcct,-Debug,-Hash,-Link,-ObjHeader,-BereqHeader,-BerespHeader,"
          "-BereqUnset,-BerespUnset,-VCL_Log,-Storage,-TTL,-Filters,-Begin,-End,-ReqStart,"
          "-ReqMethod,-ReqURL,-ReqProtocol,-RespProtocol,-RespStatus,-RespReason,-VCL_use",
    "-p", "http_gzip_support=off",
]  # fmt: skip

NGINX_STATIC_CONF = """
worker_processes auto;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  open_file_cache max=100;
  client_body_temp_path {root}/body;
  proxy_temp_path {root}/proxy;
  fastcgi_temp_path {root}/fastcgi;
  uwsgi_temp_path {root}/uwsgi;
  scgi_temp_path {root}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {root}/pages;
    default_type "text/html; charset=utf-8";
  }}
}}
"""


def bench_vcl(backend_port):
    text = VCL.read_text()
    return re.sub(r'\.port = "[^"]*";', f'.port = "{backend_port}";', text, count=1)


class Varnish:
    def __init__(self, port, backend_port, *, tuned=True):
        self.port, self.backend_port = port, backend_port
        self.parameters = VARNISH_PARAMETERS if tuned else []
        self.workdir = WORKDIR / str(port)
        self.process = None

    def start(self):
        shutil.rmtree(self.workdir, ignore_errors=True)
        self.workdir.mkdir(parents=True)
        (self.workdir / "default.vcl").write_text(bench_vcl(self.backend_port))
        self.process = subprocess.Popen(
            ["varnishd", "-F", "-j", "none", "-n", str(self.workdir / "n"), "-T", "none",
             "-a", f"127.0.0.1:{self.port}", "-f", str(self.workdir / "default.vcl"),
             "-s", "malloc,256m", *self.parameters],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/robots.txt", timeout=1)
                return
            except urllib.error.HTTPError:
                time.sleep(0.1)  # up, the probe not yet satisfied
            except OSError:
                time.sleep(0.1)
        raise SystemExit("varnishd did not answer")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait()
            self.process = None


def start_static(port, pages):
    """nginx serving ``pages`` ({name: bytes}) as /<name>.html; returns its stop function."""
    root = STATIC_ROOT
    shutil.rmtree(root, ignore_errors=True)
    (root / "pages").mkdir(parents=True)
    for name, body in pages.items():
        (root / "pages" / f"{name}.html").write_bytes(body)
    conf = root / "nginx.conf"
    conf.write_text(NGINX_STATIC_CONF.format(root=root, port=port))
    subprocess.run(["nginx", "-c", str(conf)], check=True)
    return lambda: subprocess.run(["nginx", "-c", str(conf), "-s", "stop"], capture_output=True)


# Run inside a Django process with the served site's settings: each save changes the title,
# commits (the purge task is queued on commit), then the article is read through Varnish until
# the new title shows. Prints one latency in ms per save.
PURGE_LATENCY = """
import json, sys, time, urllib.request
from articles.models import Article
from articles.revisions import save_article
varnish, path, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
slug = path.rstrip('/').rsplit('/', 1)[-1]
article = Article.objects.get(slug=slug)
url = varnish + path

def fresh(title, deadline):
    while time.monotonic() < deadline:
        try:
            if title in urllib.request.urlopen(url, timeout=5).read().decode():
                return True
        except OSError:
            pass
        time.sleep(0.005)
    return False

latencies = []
for n in range(rounds):
    urllib.request.urlopen(url).read()  # kept through Varnish
    article = Article.objects.get(pk=article.pk)
    article.title = f"Bench edit {time.time():.6f}"
    save_article(article, change_note="Bench: purge latency")
    saved = time.monotonic()
    if not fresh(article.title, saved + 60):
        latencies.append(None)
        continue
    latencies.append((time.monotonic() - saved) * 1000)
print(json.dumps(latencies))
"""

# The same, but the edit is made while Varnish is stopped; ``sys.argv[4]`` is a shell command
# that starts it again. Prints [ms from Varnish answering again to the first fresh page].
PURGE_AFTER_OUTAGE = """
import json, subprocess, sys, time, urllib.request
from articles.models import Article
from articles.revisions import save_article
varnish, path = sys.argv[1], sys.argv[2]
slug = path.rstrip('/').rsplit('/', 1)[-1]
article = Article.objects.get(slug=slug)
article.title = f"Bench edit while Varnish was down {time.time():.6f}"
save_article(article, change_note="Bench: purge after an outage")
print(json.dumps([article.title]))
"""
