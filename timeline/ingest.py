"""Turning raw article text into saved `Article` rows, queued for extraction."""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction

from timeline.boilerplate import TRAILING_LINE
from timeline.models import Article, Source
from timeline.tasks import extract_article
from timeline.text import normalise_for_matching

_BLANK_RUNS = re.compile(r"\n{3,}")
TITLE_MAX_CHARS = 500


class IngestError(ValueError):
    """The input cannot become an article; the message says why, for the user."""


@dataclass(frozen=True)
class CleanedText:
    title: str
    body: str


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool


def clean_article_text(raw: str) -> CleanedText:
    """Split raw text into a title (its first line) and a body without boilerplate.

    The body loses the site's trailing boilerplate lines and any repeats of the
    headline at its start; the story's own lines are kept as they are.
    """
    lines = [line.rstrip() for line in raw.lstrip("\ufeff").replace("\r\n", "\n").split("\n")]
    while lines and (not lines[-1].strip() or TRAILING_LINE.fullmatch(lines[-1].strip())):
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise IngestError("النص فارغ: لا عنوان ولا متن.")

    title = lines.pop(0).strip()
    if len(title) > TITLE_MAX_CHARS:
        raise IngestError(f"السطر الأول أطول من {TITLE_MAX_CHARS} حرف، ولا يصلح عنواناً.")
    # Sites often print the headline twice; a later repeat is not part of the story.
    title_key = normalise_for_matching(title)
    while lines and (not lines[0].strip() or normalise_for_matching(lines[0]) == title_key):
        lines.pop(0)

    body = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
    if not body:
        raise IngestError("لا متن بعد العنوان.")
    if len(body) > settings.ARTICLE_MAX_CHARS:
        raise IngestError(
            f"النص أطول من الحد المسموح ({settings.ARTICLE_MAX_CHARS:,} حرف): {len(body):,} حرف."
        )
    return CleanedText(title=title, body=body)


def content_hash(body: str) -> str:
    """A fingerprint that is the same for texts differing only in spelling variants."""
    return hashlib.sha256(normalise_for_matching(body).encode("utf-8")).hexdigest()


def read_text_file(path: Path) -> str:
    """Read a text file as UTF-8 (with or without BOM), falling back to Windows-1256."""
    size = path.stat().st_size
    # Four bytes per character is UTF-8's worst case.
    if size > settings.ARTICLE_MAX_CHARS * 4:
        raise IngestError(f"{path}: الملف أكبر من الحد المسموح ({size:,} بايت).")
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1256")
    except UnicodeDecodeError:
        raise IngestError(f"{path}: ليس نصاً بترميز UTF-8 ولا Windows-1256.") from None


def ingest_text(
    raw: str,
    *,
    published: date | None = None,
    url: str = "",
    source: Source | None = None,
) -> IngestResult:
    """Save an article from raw text and queue its extraction once the save commits.

    The same text (after normalisation) is stored once: a repeat returns the article
    already stored with `created=False`.
    """
    cleaned = clean_article_text(raw)
    fingerprint = content_hash(cleaned.body)
    existing = Article.objects.filter(content_hash=fingerprint).first()
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
            extract_article.delay_on_commit(article.pk)
    except IntegrityError:
        # Another process stored the same text between our check and our insert.
        return IngestResult(Article.objects.get(content_hash=fingerprint), created=False)
    return IngestResult(article, created=True)
