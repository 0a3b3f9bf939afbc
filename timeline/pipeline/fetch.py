"""Fetching pages and feeds over HTTP: one URL policy for every fetch.

Editors give URLs and feeds give links, so the server must not become a way into
the newsroom's own network. Every fetch (and every redirect it follows) goes
through the same steps:

1. the URL is parsed once, by urllib3's parser (the one the HTTP client uses), and
   anything two parsers could read differently is refused: backslashes, user
   names or passwords, spaces and control characters;
2. the host is resolved once, and refused if any of its addresses is private,
   loopback, link-local, reserved, multicast, or an IPv6 form that carries an IPv4
   address (mapped, compatible, NAT64, 6to4, Teredo) (unless
   FETCH_ALLOW_PRIVATE_HOSTS, for tests and development);
3. the connection goes to the address that was checked, never to a second lookup
   of the name (so a DNS answer that changes between check and use is harmless);
   the name is still sent as Host and checked against the TLS certificate.

FETCH_TIMEOUT is a deadline for the whole fetch, redirects included, not a limit
per socket read: a watchdog closes the socket when it passes. Nothing is retried.
"""

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from http.client import HTTPException
from urllib.parse import urljoin

import urllib3
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.util import parse_url

MAX_REDIRECTS = 5
_CHUNK = 64 * 1024

# IPv6 ranges that embed an IPv4 address (or are reserved for it) and which
# `ipaddress` does not always count as non-global: the IPv4 address inside could be
# 127.0.0.1 or 10.x behind a translating gateway.
_EMBEDDING_IPV4 = tuple(
    ipaddress.ip_network(net)
    for net in (
        "::/96",  # IPv4-compatible (deprecated)
        "::ffff:0:0/96",  # IPv4-mapped
        "64:ff9b::/96",  # NAT64, well-known prefix
        "64:ff9b:1::/48",  # NAT64, local use
        "2002::/16",  # 6to4
        "2001::/32",  # Teredo
    )
)


_TIMEOUTS = (TimeoutError, urllib3.exceptions.TimeoutError)


class FetchError(Exception):
    """The URL could not be fetched; the message says why, for the user."""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    headers: Mapping[str, str]  # case-insensitive: servers spell "location" as they like


@dataclass(frozen=True)
class Target:
    """A URL as the policy accepted it: what to connect to and what to ask for."""

    url: str
    scheme: str
    host: str  # ASCII (IDNA) name or IP literal, without brackets
    port: int
    request_uri: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


def check_url(url: str) -> str:
    """The URL, stripped, if the fetch policy accepts its form; FetchError otherwise.

    Only the form is checked here (no DNS lookup): this is what ingest calls before
    storing a URL; `fetch` checks the form again and then the addresses.
    """
    return parse_target(url).url


def parse_target(url: str) -> Target:
    url = url.strip()
    shown = url[:200]
    if not url:
        raise FetchError(_("الرابط فارغ."))
    # Parsers disagree on these (a backslash is a slash to browsers and to some
    # clients, and «a\@b» has two readings), so they are refused rather than guessed.
    if "\\" in url or any(ord(char) <= 0x20 or ord(char) == 0x7F for char in url):
        raise FetchError(_("رابط ملتبس (فيه شرطة مائلة عكسية أو مسافة أو محرف تحكم): %s") % shown)
    try:
        parsed = parse_url(url)
    except (urllib3.exceptions.LocationParseError, ValueError, UnicodeError):
        raise FetchError(_("ليس رابط http(s) صالحاً: %s") % shown) from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchError(_("ليس رابط http(s) صالحاً: %s") % shown)
    if parsed.auth is not None or "@" in (parsed.netloc or ""):
        raise FetchError(_("لا يُقبل رابط فيه اسم مستخدم أو كلمة مرور: %s") % shown)
    host = parsed.host.strip("[]")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    if not 0 < port < 65536:
        raise FetchError(_("ليس رابط http(s) صالحاً: %s") % shown)
    return Target(
        url=url, scheme=parsed.scheme, host=host, port=port, request_uri=parsed.request_uri
    )


def forbidden_address(address: str) -> bool:
    """True for any address the server must not connect to on a reader's behalf."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and any(ip in net for net in _EMBEDDING_IPV4):
        return True
    return not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified


def resolve(target: Target, deadline: float) -> list[str]:
    """The addresses to connect to, each checked; FetchError if any is forbidden."""
    infos = _getaddrinfo(target.host, target.port, deadline)
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchError(_("تعذّر العثور على الخادم: %s") % target.host)
    if not settings.FETCH_ALLOW_PRIVATE_HOSTS and any(map(forbidden_address, addresses)):
        raise FetchError(_("لا يُسمح بجلب عناوين الشبكة الداخلية: %s") % target.host)
    return addresses


def check_public_host(url: str) -> None:
    """FetchError unless the URL's form is accepted and its host resolves to public addresses."""
    resolve(parse_target(url), time.monotonic() + settings.FETCH_TIMEOUT)


def fetch(url: str, extra_headers: dict[str, str] | None = None) -> FetchedPage:
    """GET a URL (following up to 5 checked redirects), reading at most FETCH_MAX_BYTES.

    A 304 comes back with an empty body.
    """
    deadline = time.monotonic() + settings.FETCH_TIMEOUT
    target = parse_target(url)
    for _hop in range(MAX_REDIRECTS + 1):
        page = _get(target, resolve(target, deadline), extra_headers, deadline)
        location = page.headers.get("Location")
        if page.status not in (301, 302, 303, 307, 308) or not location:
            return page
        target = parse_target(urljoin(target.url, location))
    raise FetchError(_("%s: إعادات توجيه كثيرة.") % target.url[:200])


def _getaddrinfo(host: str, port: int, deadline: float) -> list:
    """getaddrinfo, given up at the deadline (the lookup itself cannot be interrupted)."""
    result: dict[str, object] = {}

    def lookup() -> None:
        try:
            result["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            result["error"] = exc

    thread = threading.Thread(target=lookup, daemon=True)
    thread.start()
    thread.join(max(0.0, deadline - time.monotonic()))
    if "infos" not in result:
        raise FetchError(_("تعذّر العثور على الخادم: %s") % host)
    return result["infos"]  # type: ignore[return-value]


def _remaining(deadline: float, url: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(_("%(url)s: تجاوز الجلب المهلة (%(seconds)s).") % _timeout(url))
    return left


def _timeout(url: str) -> dict[str, object]:
    seconds = settings.FETCH_TIMEOUT
    return {
        "url": url[:200],
        "seconds": ngettext("ثانية واحدة", "%(count)d ثانية", seconds) % {"count": seconds},
    }


def bytes_text(count: int) -> str:
    """«5,000,000 بايت»: a size in the interface's language, with Arabic agreement."""
    return ngettext("بايت واحد", "%(count)s بايت", count) % {"count": f"{count:,}"}


def _connect(target: Target, addresses: list[str], deadline: float) -> HTTPConnection:
    """A connection to the first checked address that answers (no request sent yet)."""
    error: Exception | None = None
    for address in addresses:
        timeout = _remaining(deadline, target.url)
        if target.scheme == "https":
            # Connected to the address, but SNI and the certificate check use the name.
            conn: HTTPConnection = HTTPSConnection(
                address, target.port, timeout=timeout, server_hostname=target.host
            )
        else:
            conn = HTTPConnection(address, target.port, timeout=timeout)
        try:
            conn.connect()
        except (OSError, urllib3.exceptions.HTTPError) as exc:
            conn.close()
            if isinstance(exc, _TIMEOUTS):
                raise FetchError(
                    _("%(url)s: تجاوز الجلب المهلة (%(seconds)s).") % _timeout(target.url)
                ) from None
            error = exc
            continue
        return conn
    raise FetchError(_("تعذّر جلب %(url)s: %(error)s") % {"url": target.url[:200], "error": error})


def _get(
    target: Target, addresses: list[str], extra_headers: dict[str, str] | None, deadline: float
) -> FetchedPage:
    headers = {
        "Host": target.host_header,
        "User-Agent": settings.FETCH_USER_AGENT,
        **(extra_headers or {}),
    }
    limit = settings.FETCH_MAX_BYTES
    conn = _connect(target, addresses, deadline)
    expired = threading.Event()
    # Kept now: http.client hands the socket over to the response (and forgets it)
    # when the server will close the connection.
    sock = conn.sock

    def cut() -> None:
        expired.set()
        if sock is not None:
            # The plain socket's shutdown, also under TLS: it wakes up the blocked
            # read without touching the TLS object the reading thread is using.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    watchdog = threading.Timer(_remaining(deadline, target.url), cut)
    watchdog.daemon = True
    watchdog.start()
    response = None
    try:
        try:
            conn.request("GET", target.request_uri, headers=headers, preload_content=False)
            response = conn.getresponse()
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > limit:
                raise FetchError(
                    _("%(url)s: الصفحة أكبر من الحد المسموح (%(size)s).")
                    % {"url": target.url[:200], "size": bytes_text(declared)}
                )
            body = bytearray()
            for chunk in response.stream(_CHUNK):
                body += chunk
                if len(body) > limit:
                    raise FetchError(
                        _("%(url)s: الصفحة أكبر من الحد المسموح (%(size)s).")
                        % {"url": target.url[:200], "size": bytes_text(limit)}
                    )
        except (OSError, ValueError, urllib3.exceptions.HTTPError, HTTPException) as exc:
            # A socket timeout is the deadline too: the socket's timeout is what was left.
            if expired.is_set() or isinstance(exc, _TIMEOUTS):
                raise FetchError(
                    _("%(url)s: تجاوز الجلب المهلة (%(seconds)s).") % _timeout(target.url)
                ) from None
            raise FetchError(
                _("تعذّر جلب %(url)s: %(error)s") % {"url": target.url[:200], "error": exc}
            ) from None
        if expired.is_set():
            raise FetchError(_("%(url)s: تجاوز الجلب المهلة (%(seconds)s).") % _timeout(target.url))
    finally:
        watchdog.cancel()
        if response is not None:
            response.close()
        conn.close()
    if response.status >= 400:
        raise FetchError(
            _("%(url)s: أجاب الخادم بالرمز %(status)s.")
            % {"url": target.url[:200], "status": response.status}
        )
    return FetchedPage(
        url=target.url,
        status=response.status,
        body=bytes(body),
        content_type=response.headers.get("Content-Type", ""),
        headers=urllib3.HTTPHeaderDict(response.headers),
    )
