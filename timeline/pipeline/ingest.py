"""Turning text, HTML, URLs, JSON Lines and feeds into saved `Article` rows.

Every path ends in `ingest_text`, which cleans the text, refuses duplicates (same
URL, or same normalised text) and queues the article's extraction on commit.
"""

import calendar
import hashlib
import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html
import trafilatura
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from timeline.models import Article, Source
from timeline.pipeline.boilerplate import TRAILING_LINE
from timeline.pipeline.fetch import FetchError, bytes_text, check_url, fetch
from timeline.pipeline.queueing import queue_extraction
from timeline.text import normalise_for_matching

log = logging.getLogger(__name__)

_BLANK_RUNS = re.compile(r"\n{3,}")
TITLE_MAX_CHARS = 500
# Only the page's own metadata dates an article; guessing from its text would
# resolve "yesterday" against the wrong day.
_DATE_FROM_METADATA = {"extensive_search": False, "original_date": True}


class IngestError(ValueError):
    """The input cannot become an article; the message says why, for the user."""


def _chars(count: int) -> str:
    """«100,000 حرف», «3 أحرف»: a count of characters in the interface's language."""
    return ngettext("حرف واحد", "%(count)s حرف", count) % {"count": f"{count:,}"}


@dataclass(frozen=True)
class CleanedText:
    title: str
    body: str


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool

    @property
    def duplicate(self) -> bool:
        return not self.created


def clean_article_text(raw: str) -> CleanedText:
    """Split raw text into a title (its first line) and a body without boilerplate.

    The body loses the site's trailing boilerplate lines and any repeats of the
    headline at its start; the story's own lines are kept as they are.
    """
    if len(raw) > settings.ARTICLE_MAX_CHARS * 2:
        raise IngestError(
            gettext("النص أطول من الحد المسموح (%(limit)s).")
            % {"limit": _chars(settings.ARTICLE_MAX_CHARS)}
        )
    lines = [line.rstrip() for line in raw.lstrip("\ufeff").replace("\r\n", "\n").split("\n")]
    while lines and (not lines[-1].strip() or TRAILING_LINE.fullmatch(lines[-1].strip())):
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise IngestError(gettext("النص فارغ: لا عنوان ولا متن."))

    title = lines.pop(0).strip()
    if len(title) > TITLE_MAX_CHARS:
        raise IngestError(
            gettext("السطر الأول أطول من %(limit)s، ولا يصلح عنواناً.")
            % {"limit": _chars(TITLE_MAX_CHARS)}
        )
    # Sites often print the headline twice; a later repeat is not part of the story.
    title_key = normalise_for_matching(title)
    while lines and (not lines[0].strip() or normalise_for_matching(lines[0]) == title_key):
        lines.pop(0)

    body = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
    if not body:
        raise IngestError(gettext("لا متن بعد العنوان."))
    if len(body) > settings.ARTICLE_MAX_CHARS:
        raise IngestError(
            gettext("النص أطول من الحد المسموح (%(limit)s): %(length)s.")
            % {"limit": _chars(settings.ARTICLE_MAX_CHARS), "length": _chars(len(body))}
        )
    return CleanedText(title=title, body=body)


def content_hash(body: str) -> str:
    """A fingerprint that is the same for texts differing only in spelling variants."""
    return hashlib.sha256(normalise_for_matching(body).encode("utf-8")).hexdigest()


def decode_text(data: bytes, declared_charset: str | None = None) -> str:
    """Bytes as text, in the declared charset, else UTF-8 (BOM or not).

    Never guessed: bytes that are not valid in the encoding they are read with are
    refused with where the first bad byte is, not turned into other characters.
    """
    encoding = declared_charset or "utf-8-sig"
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except LookupError:
        raise IngestError(
            gettext("ترميز غير معروف: %(charset)s") % {"charset": declared_charset}
        ) from None
    except UnicodeDecodeError as exc:
        if declared_charset:
            raise IngestError(
                gettext(
                    "ليس نصاً صالحاً بالترميز المعلن %(charset)s: بايت غير صالح في الموضع %(at)s."
                )
                % {"charset": declared_charset, "at": f"{exc.start:,}"}
            ) from None
        raise IngestError(
            gettext(
                "ليس نصاً بترميز UTF-8: بايت غير صالح في الموضع %(at)s. "
                "احفظه بترميز UTF-8، أو أعلن ترميزه (مثلاً ‎--encoding windows-1256)."
            )
            % {"at": f"{exc.start:,}"}
        ) from None


# <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…">.
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML document declares in its head, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_text_file(path: Path, encoding: str | None = None, *, html: bool = False) -> str:
    """Read a text file as `encoding`, else as its <meta charset> (HTML), else UTF-8."""
    size = path.stat().st_size
    # Four bytes per character is UTF-8's worst case.
    if size > settings.ARTICLE_MAX_CHARS * 4:
        raise IngestError(
            gettext("%(path)s: الملف أكبر من الحد المسموح (%(size)s).")
            % {"path": path, "size": bytes_text(size)}
        )
    data = path.read_bytes()
    try:
        return decode_text(data, encoding or (html_charset(data) if html else None))
    except IngestError as exc:
        raise IngestError(f"{path}: {exc}") from None


def check_storable(value: str, what: str) -> None:
    """IngestError for text the database cannot store: NUL, or half a surrogate pair."""
    if "\x00" in value:
        raise IngestError(gettext("%(what)s: فيه المحرف NUL (0x00)، ولا يُخزَّن.") % {"what": what})
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise IngestError(
            gettext("%(what)s: فيه نصف زوج بديل (%(char)s) في الموضع %(at)s، وليس محرفاً.")
            % {"what": what, "char": ascii(exc.object[exc.start]), "at": f"{exc.start:,}"}
        ) from None


def ingest_text(
    raw: str,
    *,
    title: str = "",
    published: date | None = None,
    url: str = "",
    source: Source | None = None,
) -> IngestResult:
    """Save an article and queue its extraction once the save commits.

    Without `title`, the first line of `raw` is the title. The same URL, or the same
    text after normalisation, is stored once: a repeat returns the article already
    stored with `created=False`.
    """
    for value, what in (
        (raw, gettext("النص")),
        (title, gettext("العنوان")),
        (url, gettext("الرابط")),
    ):
        check_storable(value, what)
    if title.strip():
        raw = f"{title.strip()}\n{raw}"
    cleaned = clean_article_text(raw)
    url = _checked_url(url) if url else ""
    fingerprint = content_hash(cleaned.body)
    existing = find_duplicate(fingerprint, url)
    if existing is not None:
        return IngestResult(existing, created=False)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                title=cleaned.title,
                body=cleaned.body,
                url=url,
                published=published,
                source=source,
                content_hash=fingerprint,
            )
            queue_extraction(article.pk)
    except IntegrityError:
        # Another process stored the same article between our check and our insert.
        existing = find_duplicate(fingerprint, url)
        if existing is None:
            raise
        return IngestResult(existing, created=False)
    return IngestResult(article, created=True)


def find_duplicate(fingerprint: str, url: str) -> Article | None:
    """The article stored from this URL, else the one with this text: one query."""
    same = Q(content_hash=fingerprint)
    if url:
        # Repeating the unique index's condition (url <> '') lets SQLite use that index.
        same |= Q(url=url) & ~Q(url="")
    # At most two rows: url and content_hash are each unique.
    found = list(Article.objects.filter(same).order_by()[:2])
    for article in found:
        if url and article.url == url:
            return article
    return found[0] if found else None


def with_url(url: str) -> QuerySet[Article]:
    """Articles stored from this URL (at most one)."""
    # Repeating the unique index's condition (url <> '') lets SQLite use that index.
    return Article.objects.filter(url=url).exclude(url="")


def ingest_html(
    html: str | bytes,
    *,
    url: str = "",
    published: date | None = None,
    source: Source | None = None,
) -> IngestResult:
    """Save the main text of an HTML page; title and date come from its metadata."""
    document = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_FROM_METADATA,
    )
    if document is None or isinstance(document, dict) or not (document.text or "").strip():
        raise IngestError(gettext("لم يُعثر على نص مقال في الصفحة."))
    return ingest_text(
        document.text or "",
        title=document.title or "",
        published=published or _parse_day(document.date),
        url=url,
        source=source,
    )


def ingest_url(
    url: str, *, published: date | None = None, source: Source | None = None
) -> IngestResult:
    """Fetch a page (with a timeout and a size limit) and save its article."""
    url = _checked_url(url)
    existing = with_url(url).first()
    if existing is not None:
        return IngestResult(existing, created=False)
    try:
        page = fetch(url)
    except FetchError as exc:
        raise IngestError(str(exc)) from None
    charset = _charset(page.content_type) or html_charset(page.body)
    return ingest_html(
        decode_text(page.body, charset), url=page.url, published=published, source=source
    )


def parse_jsonl_line(line: str) -> dict:
    """One JSON Lines record: an object with a `text` string; IngestError otherwise."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(gettext("ليس JSON صالحاً (%(error)s).") % {"error": exc.msg}) from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise IngestError(gettext("يلزم كائن فيه الحقل text."))
    return record


def ingest_record(record: dict, source: Source | None = None) -> IngestResult:
    """Save one JSON Lines record: `text`, and optionally `title`, `published`, `url`
    and `source` (the outlet's name, which wins over the `source` argument)."""
    published = record.get("published")
    day = _parse_day(published) if published else None
    if published and day is None:
        raise IngestError(
            gettext("published=%(value)s ليس تاريخاً بالصيغة YYYY-MM-DD.")
            % {"value": repr(published)}
        )
    named = source_named(record.get("source"))
    return ingest_text(
        record["text"],
        title=str(record.get("title") or ""),
        published=day,
        url=str(record.get("url") or ""),
        source=named or source,
    )


def source_named(name: object) -> Source | None:
    """The `Source` of this name, created the first time it is seen; None for no name."""
    if name is None:
        return None
    if not isinstance(name, str):
        raise IngestError(gettext("الحقل source يجب أن يكون اسماً (نصاً)."))
    name = " ".join(name.split())
    if not name:
        return None
    max_length = Source._meta.get_field("name").max_length or 0
    if len(name) > max_length:
        raise IngestError(gettext("اسم المصدر أطول من %(limit)s.") % {"limit": _chars(max_length)})
    # get_or_create creates in a savepoint and reads again if another process won.
    return Source.objects.get_or_create(name=name)[0]


@dataclass
class FeedReport:
    entries: int = 0
    created: int = 0
    duplicates: int = 0
    failed: int = 0


def poll_feed(source: Source) -> FeedReport:
    """Fetch a source's feed and save each entry's article that is not stored yet.

    The entry's page is fetched for the full text; when that fails, the text in
    the feed itself is used. The feed's ETag and Last-Modified are kept so that
    an unchanged feed is not downloaded again.
    """
    report = FeedReport()
    headers = {}
    if source.feed_etag:
        headers["If-None-Match"] = source.feed_etag
    if source.feed_modified:
        headers["If-Modified-Since"] = source.feed_modified
    try:
        page = fetch(source.feed_url, headers)
    except FetchError as exc:
        Source.objects.filter(pk=source.pk).update(
            last_polled_at=timezone.now(), last_error=str(exc)
        )
        raise IngestError(str(exc)) from None

    if page.status != 304:
        feed = feedparser.parse(page.body)
        for entry in feed.entries:
            report.entries += 1
            try:
                result = _ingest_feed_entry(entry, source)
            except IngestError as exc:
                report.failed += 1
                log.warning("feed %s: entry %s skipped: %s", source.pk, entry.get("link"), exc)
                continue
            if result.created:
                report.created += 1
            else:
                report.duplicates += 1
    Source.objects.filter(pk=source.pk).update(
        last_polled_at=timezone.now(),
        last_error="",
        feed_etag=page.headers.get("ETag", source.feed_etag)[:500],
        feed_modified=page.headers.get("Last-Modified", source.feed_modified)[:100],
    )
    return report


def _ingest_feed_entry(entry: feedparser.FeedParserDict, source: Source) -> IngestResult:
    link = (entry.get("link") or "").strip()
    published = _entry_day(entry)
    if link:
        try:
            return ingest_url(link, published=published, source=source)
        except IngestError as exc:
            log.info(
                "feed %s: page %s not usable (%s); using the feed's text", source.pk, link, exc
            )
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = html_fragment_text(html) if html else ""
    if not text:
        raise IngestError(gettext("لا نص في المدخل ولا في صفحته."))
    return ingest_text(
        text, title=entry.get("title", ""), published=published, url=link, source=source
    )


def html_fragment_text(html: str) -> str:
    """The text of a snippet of HTML (a feed's summary), paragraphs on their own lines."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for block in root.iter("p", "br", "div", "li"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def _entry_day(entry: feedparser.FeedParserDict) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date()


def _checked_url(url: str) -> str:
    try:
        return check_url(url)
    except FetchError as exc:
        raise IngestError(str(exc)) from None


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset=([\w-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None
