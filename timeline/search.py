"""Text search over events and articles: one Arabic analysis, the same on every database.

An event's `search_text` is its title, its places and actors and the excerpts that report it,
folded by `search_document` (diacritics, tatweel, أ/إ/آ/ا, ى/ي, ة/ه, digits, case,
punctuation); the title comes first, before a «|». A query is folded the same way,
split into words (at most MAX_WORDS), and each word loses its clitics (و/ف, ب/ل/ك,
ال: see `bare_word`). A row matches when every bare word occurs in its text, inside
a word or not: «مفاوضات» finds «والمفاوضات», «الكرملين» finds «بالكرملين».

The match is a plain substring test (`LIKE '%word%'`), so SQLite and PostgreSQL
give the same rows by construction. On PostgreSQL a trigram GIN index (pg_trgm,
migration 0006_issue14_search) answers it. On SQLite an FTS5 trigram index of the
events' text (timeline/search_fts.py) answers it for a rare word: its few events are
looked up first (`rare_word_ids`), where a scan read every event's text.

Ranking (`search_rank`): 0 when every word is in the title, else the number of words
found only in the places or the excerpts; the timeline lists rank 0 first.
"""

import re
from collections.abc import Iterable

from django.db import connection
from django.db.models import Case, IntegerField, Model, QuerySet, Value, When
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import StrIndex
from django.db.models.lookups import Exact, GreaterThan

from timeline.search_fts import FTS_TABLE
from timeline.text import normalise_for_matching

MAX_WORDS = 8
# Between the title and the rest of `search_text`: what `search_rank` measures against.
TITLE_END = "|"
# Anything that is not a letter or a digit separates words (ـ is folded away before).
_NON_WORD = re.compile(r"[^\w]+|_")
# A bare word must keep this many letters: «ولد» stays «ولد», not «لد».
_MIN_STEM = 3
_ARTICLE_PREFIXES = ("وبال", "وكال", "ولل", "وال", "فال", "بال", "كال", "لل", "ال")


def fold_words(text: str) -> list[str]:
    """The folded words of `text`, lower-case, without punctuation."""
    return _NON_WORD.sub(" ", normalise_for_matching(text or "").lower()).split()


def bare_word(word: str) -> str:
    """The word without its leading clitics: «والمفاوضات» → «مفاوضات», «وبالكرملين» → «كرملين».

    The article with what may precede it (و/ف, ب/ك/ل) first; else one conjunction
    (و/ف) and one preposition (ب/ل/ك). Never below _MIN_STEM letters. Only queries
    are stripped: the stored text keeps its words whole, and a substring test finds
    the bare word inside them. Stripping too much («لبنان» → «بنان») only widens it.
    """
    for prefix in _ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            return word[len(prefix) :]
    if word[:1] in ("و", "ف") and len(word) - 1 > _MIN_STEM:
        word = word[1:]
    if word[:1] in ("ب", "ل", "ك") and len(word) - 1 > _MIN_STEM:
        word = word[1:]
    return word


def search_document(title: str, places: Iterable[str] = (), excerpts: Iterable[str] = ()) -> str:
    """What `search_text` holds: the folded title, then «|», places and excerpts."""
    rest = " ".join(" ".join(fold_words(text)) for text in (*places, *excerpts))
    title_words = " ".join(fold_words(title))
    return f"{title_words} {TITLE_END} {rest}".strip() if rest else title_words


def query_words(query: str) -> list[str]:
    """The bare words of a search query, at most MAX_WORDS of them."""
    return [bare_word(word) for word in fold_words(query)][:MAX_WORDS]


def search[M: Model](queryset: QuerySet[M], query: str) -> QuerySet[M]:
    """Rows of `queryset` (events or articles) whose text holds every query word.

    An empty query leaves the queryset as it is. Events on SQLite: when a word is
    rare, the rows are first narrowed to the events that hold it (`rare_word_ids`).
    """
    words = query_words(query)
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    if words and queryset.model._meta.db_table == "timeline_event":
        ids = rare_word_ids(words)
        if ids is not None:
            queryset = queryset.filter(pk__in=ids)
    return queryset


# A word in at most this many events is rare: its events are read by id. A commoner
# word is found soon enough by walking the list's own order (1 event in RARE_WORD).
RARE_WORD = 2_000
# The trigram index can look up words of three letters or more.
_MIN_INDEXED = 3


def rare_word_ids(words: list[str]) -> list[int] | None:
    """On SQLite, the ids of the events holding the rarest of `words`, if it is rare
    (at most RARE_WORD events); else None. One query over the FTS5 trigram index,
    each word's matches counted only up to RARE_WORD + 1: bounded however common."""
    indexed = [word for word in dict.fromkeys(words) if len(word) >= _MIN_INDEXED]
    if connection.vendor != "sqlite" or not indexed:
        return None
    probes = " UNION ALL ".join(
        f"SELECT * FROM (SELECT {n} AS word, rowid FROM {FTS_TABLE}"
        f" WHERE search_text LIKE %s LIMIT {RARE_WORD + 1})"
        for n in range(len(indexed))
    )
    found: list[list[int]] = [[] for _ in indexed]
    with connection.cursor() as cursor:
        # Words are letters and digits (fold_words): nothing in them for LIKE to escape.
        cursor.execute(probes, [f"%{word}%" for word in indexed])
        for n, event_id in cursor.fetchall():
            found[n].append(event_id)
    rarest = min(found, key=len)
    return rarest if len(rarest) <= RARE_WORD else None


def search_rank(query: str) -> Case | CombinedExpression | Value:
    """How many query words the row holds outside its title (0: all in the title).

    Only meaningful on rows `search` kept: every word is somewhere in the text.
    """
    words = query_words(query)
    if not words:
        return Value(0)
    title_end = StrIndex("search_text", Value(TITLE_END))
    outside = [
        Case(
            # No «|»: the text is the title alone.
            When(Exact(title_end, 0), then=Value(0)),
            When(GreaterThan(StrIndex("search_text", Value(word)), title_end), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        for word in words
    ]
    total: Case | CombinedExpression = outside[0]
    for term in outside[1:]:
        total = total + term
    return total


def text_rank(search_text: str, words: list[str]) -> int:
    """`search_rank` of one row's `search_text` for a query's `words` (`query_words`),
    in Python: for rows already read (the timeline's first page of a search), where
    building and compiling the CASE of every word cost more than the query took to
    run. STRPOS/INSTR count from 1 and give 0 for «absent»; `find` counts from 0 and
    gives -1: the comparison is the same."""
    title_end = search_text.find(TITLE_END)
    if title_end < 0:  # no «|»: the text is the title alone
        return 0
    return sum(1 for word in words if search_text.find(word) > title_end)
