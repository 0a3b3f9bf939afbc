"""Lines that news sites append to articles and that are not part of the story.

Kept as data: add a pattern here when a new site's footer shows up in ingested text.
A line is dropped when it is at the end of the text (after other boilerplate or
blank lines) and matches one of these, case-insensitively.
"""

import re

TRAILING_LINE_PATTERNS: tuple[str, ...] = (
    r"تابعونا (عبر|على|في) .+",
    r"(اقرأ|اقرا) (أيضا|أيضاً|ايضا|المزيد).*",
    r"(شارك|شاركوا) (المقال|الخبر|هذا).*",
    r"ad\s*\d*",
    r"advertisement",
    r"إعلان",
    r".*\bpowered by\b.*",
    r"(follow us|share this|subscribe).*",
)

TRAILING_LINE = re.compile(
    "|".join(f"(?:{pattern})" for pattern in TRAILING_LINE_PATTERNS), re.IGNORECASE
)
