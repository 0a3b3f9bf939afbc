"""Fetching pages and feeds over HTTP, with a timeout and a size limit.

Editors give URLs and feeds give links, so the server must not become a way into
the newsroom's own network: hosts that resolve to private, loopback or link-local
addresses are refused (unless FETCH_ALLOW_PRIVATE_HOSTS), and every redirect is
checked the same way before it is followed.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

import urllib3
from django.conf import settings

MAX_REDIRECTS = 5
_http = urllib3.PoolManager(retries=urllib3.Retry(total=2, redirect=False, backoff_factor=0.3))


class FetchError(Exception):
    """The URL could not be fetched; the message says why, for the user."""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    headers: dict[str, str]


def check_url(url: str) -> str:
    """The URL, stripped, if it is http(s) with a host; FetchError otherwise."""
    url = url.strip()
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise FetchError(f"ليس رابط http(s) صالحاً: {url[:200]}")
    return url


def check_public_host(url: str) -> None:
    """FetchError unless every address the URL's host resolves to is a public one."""
    if settings.FETCH_ALLOW_PRIVATE_HOSTS:
        return
    parsed = urlparse(url)
    try:
        infos = socket.getaddrinfo(parsed.hostname, parsed.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"تعذّر العثور على الخادم: {parsed.hostname}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError(f"لا يُسمح بجلب عناوين الشبكة الداخلية: {parsed.hostname}")


def fetch(url: str, extra_headers: dict[str, str] | None = None) -> FetchedPage:
    """GET a URL (following up to 5 checked redirects), reading at most FETCH_MAX_BYTES.

    A 304 comes back with an empty body.
    """
    url = check_url(url)
    for _ in range(MAX_REDIRECTS + 1):
        check_public_host(url)
        page = _get(url, extra_headers)
        location = page.headers.get("Location")
        if page.status not in (301, 302, 303, 307, 308) or not location:
            return page
        url = check_url(urljoin(url, location))
    raise FetchError(f"{url}: إعادات توجيه كثيرة.")


def _get(url: str, extra_headers: dict[str, str] | None) -> FetchedPage:
    headers = {"User-Agent": settings.FETCH_USER_AGENT, **(extra_headers or {})}
    limit = settings.FETCH_MAX_BYTES
    try:
        response = _http.request(
            "GET",
            url,
            headers=headers,
            preload_content=False,
            timeout=urllib3.Timeout(total=settings.FETCH_TIMEOUT),
        )
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"تعذّر جلب {url}: {exc}") from None
    try:
        declared = int(response.headers.get("Content-Length") or 0)
        if declared > limit:
            raise FetchError(f"{url}: الصفحة أكبر من الحد المسموح ({declared:,} بايت).")
        body = bytearray()
        for chunk in response.stream(64 * 1024):
            body += chunk
            if len(body) > limit:
                raise FetchError(f"{url}: الصفحة أكبر من الحد المسموح ({limit:,} بايت).")
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"تعذّر جلب {url}: {exc}") from None
    finally:
        response.release_conn()
    if response.status >= 400:
        raise FetchError(f"{url}: أجاب الخادم بالرمز {response.status}.")
    return FetchedPage(
        url=url,
        status=response.status,
        body=bytes(body),
        content_type=response.headers.get("Content-Type", ""),
        headers=dict(response.headers),
    )
