"""Arabic temporal tagger: finds dates, times, durations and sets in Arabic news text.

Pure Python, no Django. ``extract(text, reference)`` returns :class:`Mention`
objects with TIMEX3 values resolved against ``reference`` (the publication
date) as GUIDELINES.md describes.
"""

from __future__ import annotations

from datetime import date

from .mention import Mention
from .months import (
    EGYPTIAN_MONTH_NAMES,
    GREGORIAN_MONTHS,
    HIJRI_MONTH_NAMES,
    HIJRI_MONTHS,
    SYRIAC_MONTH_NAMES,
)
from .normalise import normalise_arabic, normalise_with_offsets
from .scanner import Scanner
from .weekdays import WEEKDAY_NAMES, WEEKDAYS

# The public API: the app imports these from ``timeline.temporal``, never a module
# inside it (an import-linter contract in pyproject.toml).
__all__ = [
    "EGYPTIAN_MONTH_NAMES",
    "EXTRACTOR_VERSION",
    "GREGORIAN_MONTHS",
    "HIJRI_MONTHS",
    "HIJRI_MONTH_NAMES",
    "SYRIAC_MONTH_NAMES",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "Mention",
    "extract",
    "normalise_arabic",
]

# Bump whenever the output for some input changes; stored on each article.
EXTRACTOR_VERSION: str = "2.0.4"


def extract(text: str, reference: date | None = None) -> list[Mention]:
    """Temporal expressions in ``text``, sorted by start and non-overlapping.

    ``reference`` is the publication date. Without it, expressions that need it
    (اليوم، الأحد المقبل، 20 تموز) come back with ``value=None`` and no days;
    absolute ones (20 تموز 2025، عام 2015) are still resolved.
    """
    if not text:
        return []
    folded = normalise_with_offsets(text)
    mentions: list[Mention] = []
    for raw in Scanner(folded.text, reference).scan():
        start = folded.original_start(raw.start)
        end = folded.original_end(raw.end)
        sem = raw.sem
        resolved = sem.value is not None
        mentions.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                type=sem.type,
                value=sem.value,
                mod=sem.mod,
                first_day=sem.first if resolved else None,
                last_day=sem.last if resolved else None,
                anchored=sem.anchored and resolved,
            )
        )
    return mentions
