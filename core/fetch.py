"""Fetching an address someone typed (a cited source, an imported image), safely.

The site fetches only public addresses: every address a host name resolves to is checked
before connecting, the address actually connected to is checked again (a name that resolves
differently the second time gains nothing), and each redirect is followed by hand and checked
the same way. Private, loopback, link-local and other non-public addresses are refused unless
``FETCH_ALLOW_PRIVATE_ADDRESSES`` is on (development and tests, with local servers). Proxies
from the environment are not used: the check must see the real destination.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
USER_AGENT = "HealthyQuestionsCMS/1.0 (+source and media checks)"


class FetchError(Exception):
    """The address could not be fetched; the message says why, for an editor to read."""


class RefusedAddress(FetchError):
    """The address is not public, and private addresses are not allowed."""


@dataclass
class Response:
    url: str  # the final address, after redirects
    status: int
    headers: dict
    content: bytes = b""
    redirects: list = field(default_factory=list)  # every address redirected to, in order

    @property
    def content_type(self):
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def ok(self):
        return 200 <= self.status < 400


def is_public_address(address):
    ip = ipaddress.ip_address(address.split("%")[0])
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _refuse_unless_public(host, address):
    if not settings.FETCH_ALLOW_PRIVATE_ADDRESSES and not is_public_address(address):
        raise RefusedAddress(f"{host} is not a public address ({address}); not fetched.")


def check_host(host, port):
    """Refuse ``host`` if any address it resolves to is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FetchError(f"{host} could not be found ({error}).") from error
    for *_, sockaddr in infos:
        _refuse_unless_public(host, sockaddr[0])


class _CheckedConnection:
    def connect(self):
        super().connect()
        _refuse_unless_public(self.host, self.sock.getpeername()[0])


class _HTTPConnection(_CheckedConnection, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_CheckedConnection, http.client.HTTPSConnection):
    pass


def _request(method, url, *, timeout, headers):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"Only http and https addresses can be fetched, not {url!r}.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchError(f"{url!r} has an invalid port.") from error
    check_host(parts.hostname, port)
    if parts.scheme == "https":
        connection = _HTTPSConnection(parts.hostname, port, timeout=timeout,
                                      context=ssl.create_default_context())  # fmt: skip
    else:
        connection = _HTTPConnection(parts.hostname, port, timeout=timeout)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection.request(method, path, headers={"User-Agent": USER_AGENT, **(headers or {})})
    return connection, connection.getresponse()


def fetch(url, *, max_bytes, timeout, allowed_content_types=None, method="GET", headers=None,
          partial=False):  # fmt: skip
    """Fetch ``url`` (GET or HEAD), following up to five redirects, each one checked. Reads at
    most ``max_bytes`` of the body (a longer one is refused, or cut short with ``partial``) and
    refuses a response whose content type is not one of ``allowed_content_types`` (when given).
    ``timeout`` (seconds) bounds each network step and the whole fetch. Raises ``FetchError``
    with a readable reason; any status is returned."""
    deadline = time.monotonic() + timeout
    redirects = []
    try:
        while True:
            connection, reply = _request(method, url, timeout=timeout, headers=headers)
            try:
                location = reply.getheader("Location")
                if reply.status in REDIRECT_STATUSES and location:
                    if len(redirects) >= MAX_REDIRECTS:
                        raise FetchError(f"More than {MAX_REDIRECTS} redirects from {url}.")
                    url = urljoin(url, location.strip())
                    redirects.append(url)
                    if time.monotonic() > deadline:
                        raise FetchError(f"No answer within {timeout} seconds.")
                    continue
                response = Response(url, reply.status,
                                    {key.lower(): value for key, value in reply.getheaders()},
                                    redirects=redirects)  # fmt: skip
                if allowed_content_types is not None and (
                    response.content_type not in allowed_content_types
                ):
                    raise FetchError(f"{url} is {response.content_type or 'of unknown type'}, "
                                     f"not {', '.join(allowed_content_types)}.")  # fmt: skip
                if method != "HEAD":
                    response.content = _read(reply, max_bytes, deadline, timeout, partial)
                return response
            finally:
                connection.close()
    except FetchError:
        raise
    except TimeoutError as error:
        raise FetchError(f"No answer within {timeout} seconds.") from error
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise FetchError(f"Could not fetch {url}: {error or type(error).__name__}.") from error


def _read(reply, max_bytes, deadline, timeout, partial=False):
    if partial:
        return reply.read(max_bytes)
    length = reply.getheader("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"The response is larger than {max_bytes} bytes.")
    chunks, size = [], 0
    while chunk := reply.read(min(65536, max_bytes + 1 - size) or 1):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"The response is larger than {max_bytes} bytes.")
        if time.monotonic() > deadline:
            raise FetchError(f"No answer within {timeout} seconds.")
    return b"".join(chunks)


def fetch_file(url, *, max_bytes, timeout, allowed_content_types=None):
    """The bytes of a file at ``url`` (an import's attachment): only a ``200`` answer, and only
    the content types named, where ``"image/"`` stands for every image type."""
    response = fetch(url, max_bytes=max_bytes, timeout=timeout)
    if response.status != 200:
        raise FetchError(f"{url}: the server answered {response.status}.")
    content_type = response.content_type
    if allowed_content_types is not None and not any(
        content_type == allowed or (allowed.endswith("/") and content_type.startswith(allowed))
        for allowed in allowed_content_types
    ):
        raise FetchError(f"{url}: its content type “{content_type}” is not accepted.")
    return response.content
