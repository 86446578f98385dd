"""A local HTTP server standing in for the world outside (Crossref, PubMed, cited pages):
bound to port 0 on 127.0.0.1, answering from a table of routes the test fills in."""

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeWeb:
    def __init__(self, server):
        self.server = server
        self.routes = {}  # path with query -> (status, headers, body)
        self.requests = []  # (method, path)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def page(self, path, body="<p>ok</p>", status=200, content_type="text/html", headers=None):
        self.routes[path] = (status, {"Content-Type": content_type, **(headers or {})},
                             body.encode() if isinstance(body, str) else body)  # fmt: skip

    def json(self, path, data, status=200):
        self.page(path, json.dumps(data), status, "application/json")

    def redirect(self, path, to, status=301):
        self.page(path, "", status, headers={"Location": to})


@contextmanager
def fake_web():
    class Handler(BaseHTTPRequestHandler):
        def _answer(self, with_body):
            web.requests.append((self.command, self.path))
            status, headers, body = web.routes.get(
                self.path, (404, {"Content-Type": "text/plain"}, b"not found")
            )
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def do_GET(self):
            self._answer(True)

        def do_HEAD(self):
            self._answer(False)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    web = FakeWeb(server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield web
    finally:
        server.shutdown()
        server.server_close()
