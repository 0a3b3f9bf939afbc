"""Fetching pages and feeds over HTTP, with a timeout and a size limit."""

from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

import urllib3
from django.conf import settings

_http = urllib3.PoolManager(retries=urllib3.Retry(total=2, redirect=5, backoff_factor=0.3))


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


def fetch(url: str, extra_headers: dict[str, str] | None = None) -> FetchedPage:
    """GET a URL, reading at most FETCH_MAX_BYTES; a 304 comes back with an empty body."""
    url = check_url(url)
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
        url=urljoin(url, response.geturl() or url),
        status=response.status,
        body=bytes(body),
        content_type=response.headers.get("Content-Type", ""),
        headers=dict(response.headers),
    )
