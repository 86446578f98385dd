"""Fetching a file from another site safely: for the WordPress importer's attachments, and any
later feature that downloads what a user named.

An address in an export or a form is untrusted: it may point into our own network (the cloud
metadata service at 169.254.169.254, a database on 127.0.0.1), answer slowly forever, or send
gigabytes. So only http and https are fetched; every address the name resolves to must be public
(unless ``FETCH_ALLOW_PRIVATE_ADDRESSES`` is on), and the connection goes to the address that
was checked, so a second DNS answer cannot swap in a private one; redirects are followed a few
times, each checked again; connecting and every read have a timeout; the body is read up to
``max_bytes`` and no further; and the content type must be one of those allowed.
"""

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urljoin, urlsplit

from django.conf import settings

MAX_REDIRECTS = 3
USER_AGENT = "HealthyQuestions-import/1.0"


class FetchError(Exception):
    """Why a URL was not fetched, in words for a report."""


def _public(address):
    ip = ipaddress.ip_address(address)
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _resolve(host, port):
    """The addresses ``host`` resolves to, refused when any of them is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"{host}: the name does not resolve ({error}).") from None
    addresses = [info[4][0] for info in infos]
    if not settings.FETCH_ALLOW_PRIVATE_ADDRESSES:
        private = [address for address in addresses if not _public(address)]
        if private:
            raise FetchError(
                f"{host} resolves to a private, loopback or link-local address ({private[0]}): "
                "refused."
            )
    return addresses


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address that was checked, not to a fresh DNS answer."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(url, *, max_bytes, timeout, allowed_content_types=None):
    """The body of ``url`` as bytes, or FetchError saying why not. ``allowed_content_types``:
    MIME types or prefixes ending in "/" (``"image/"``); None allows any."""
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: only http and https addresses are fetched.")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _resolve(parts.hostname, port)[0]
        kind = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
        connection = kind(parts.hostname, port, address, timeout)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("GET", path, headers={"User-Agent": USER_AGENT})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location"))
                continue
            if response.status != 200:
                raise FetchError(f"{url}: the server answered {response.status}.")
            content_type = (response.getheader("Content-Type") or "").split(";")[0].strip()
            if allowed_content_types is not None and not any(
                content_type == allowed or (allowed.endswith("/") and
                                            content_type.startswith(allowed))
                for allowed in allowed_content_types
            ):  # fmt: skip
                raise FetchError(f"{url}: its content type “{content_type}” is not accepted.")
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url}: larger than the limit of {max_bytes} bytes.")
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise FetchError(f"{url}: larger than the limit of {max_bytes} bytes.")
            return body
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(f"{url}: {error or type(error).__name__}.") from None
        finally:
            connection.close()
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects.")
