"""A real Varnish for the tests: Debian's varnishd with the shipped VCL, in front of a live server.

Each instance has its own working directory (``-n``) under a temporary folder and listens on a
free loopback port; the VCL's backend is pointed at the server under test and its health probe
made quick. Missing varnishd skips the tests, unless ``REQUIRE_VARNISH`` is set (CI)."""

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VARNISHSTAT = shutil.which("varnishstat") or "/usr/bin/varnishstat"


def require_varnish():
    if not Path(VARNISHD).exists():
        message = f"{VARNISHD} is missing: apt-get install -y varnish varnish-modules"
        if os.environ.get("REQUIRE_VARNISH"):
            pytest.fail(message)
        pytest.skip(message)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def vcl_for(backend_host, backend_port):
    """The shipped VCL, its backend moved to the server under test, probed every 100 ms."""
    text = VCL.read_text()
    text = re.sub(r'\.host = "[^"]*";', f'.host = "{backend_host}";', text, count=1)
    text = re.sub(r'\.port = "[^"]*";', f'.port = "{backend_port}";', text, count=1)
    text = re.sub(r"\.interval = [0-9.]+m?s;", ".interval = 100ms;", text, count=1)
    return text


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode()


class Varnish:
    """One varnishd. ``get()``/``purge()`` talk HTTP to it; ``objects()`` counts what it keeps."""

    def __init__(self, backend_host, backend_port):
        self.backend = (backend_host, backend_port)
        self.folder = Path(tempfile.mkdtemp(prefix="hq-varnish-"))
        self.name = str(self.folder / "n")
        (self.folder / "default.vcl").write_text(vcl_for(backend_host, backend_port))
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.process = subprocess.Popen(
            [VARNISHD, "-F", "-j", "none", "-n", self.name, "-a", f"127.0.0.1:{self.port}",
             "-T", "none", "-f", str(self.folder / "default.vcl"), "-s", "malloc,64m",
             "-p", "default_grace=0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"varnishd exited: {self.process.stderr.read()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError("varnishd did not start listening")
        self.wait_healthy()

    def wait_healthy(self):
        """Until the probe has seen the backend up (stale copies are only for a sick one)."""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.get("/healthz").status == 200:
                return
            time.sleep(0.1)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def close(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def request(self, method, path, headers=None, host=None):
        request = urllib.request.Request(self.url + path, method=method, headers=headers or {})
        if host:
            request.add_unredirected_header("Host", host)
        opener = urllib.request.build_opener(NoRedirects)
        try:
            with opener.open(request, timeout=10) as response:
                return Response(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.headers, error.read())

    def get(self, path, headers=None, host=None):
        return self.request("GET", path, headers, host)

    def purge(self, *tags, soft=False):
        header = "xkey-softpurge" if soft else "xkey-purge"
        return self.request("PURGE", "/", {header: " ".join(tags)})

    def stat(self, field):
        output = subprocess.run(
            [VARNISHSTAT, "-n", self.name, "-1", "-f", field],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        return int(output.split()[1])

    def backend_healthy(self):
        """What the health probe last concluded: 3 of the last 5 probes answered (the VCL's
        window and threshold)."""
        output = subprocess.run(
            [VARNISHSTAT, "-n", self.name, "-1", "-f", "VBE.*.default.happy"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        happy = int(output.split()[1])
        return (happy & 0b11111).bit_count() >= 3

    def objects(self):
        return self.stat("MAIN.n_object")

    def backend_requests(self):
        return self.stat("MAIN.backend_req")


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def started_varnish(backend_host, backend_port):
    require_varnish()
    varnish = Varnish(backend_host, backend_port)
    try:
        varnish.start()
    except Exception:
        varnish.close()
        raise
    return varnish


class FakeApp:
    """A stand-in app server on a free port: every page names its cache tags after its path
    (``/a`` is tagged ``site a``) and counts how often it was rendered; it can fail with 500 or
    stop answering altogether, to see what Varnish serves then."""

    def __init__(self, max_age=86400):
        import http.server
        import threading

        app = self
        self.renders = {}
        self.failing = False
        self.max_age = max_age

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if app.failing and self.path != "/healthz":
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                app.renders[self.path] = app.renders.get(self.path, 0) + 1
                body = f"{self.path} rendering {app.renders[self.path]}".encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Surrogate-Key", f"site {self.path.strip('/')}")
                self.send_header("Cache-Control", f"public, max-age=0, s-maxage={app.max_age}")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
