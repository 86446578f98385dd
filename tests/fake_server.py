"""A local HTTP server that stands in for an outside service (a CDN's purge API) in a test: it
records every request and answers what the test tells it to. Bound to a free port."""

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Recorded:
    """One request: ``headers`` are looked up in any case, as HTTP says."""

    def __init__(self, method, path, headers, body):
        self.method, self.path, self.headers, self.body = method, path, headers, body

    def json(self):
        return json.loads(self.body)


@contextmanager
def fake_server(answer=None):
    """Yields ``server`` with ``server.url`` and ``server.requests`` (``Recorded``); each request
    is answered by ``server.answer(recorded) -> (status, body)`` (200 and ``{}`` by default)."""
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def _handle(self):
            length = int(self.headers.get("Content-Length") or 0)
            recorded = Recorded(self.command, self.path, self.headers,
                                self.rfile.read(length) if length else b"")  # fmt: skip
            requests.append(recorded)
            status, body = server.answer(recorded)
            payload = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PURGE = do_HEAD = _handle

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.requests = requests
    server.answer = answer or (lambda recorded: (200, {}))
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
