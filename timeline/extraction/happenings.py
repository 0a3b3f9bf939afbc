"""Which dated clauses report a happening (EVENT_GUIDELINES.md, «What is an event»).

Not events: a date that only frames a figure («صدّرت تونس 97 ألف طن خلال 2015»),
spans of a career or a life, birth years and ages, the years of titles won listed
in a row, and numbers the tagger took for a year («2012 قتيلاً»).
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.extraction.arabic import Word, fold_set, readings
from timeline.extraction.kinds import verb_kind
from timeline.lexicon import clauses, figures

# Words of a career or a life: «لعب لريال مدريد بين 1994 و2010».
CAREER_WORDS = fold_set(*figures.CAREER_WORDS)
BIRTH_WORDS = fold_set(*figures.BIRTH_WORDS)
COUNTERFACTUAL = fold_set(*clauses.COUNTERFACTUAL_WORDS)
BORN_WORDS = fold_set(*figures.BORN_WORDS)
# How many words may stand between «ولد» and its date: «ولد في مدينة حلب في…».
BORN_REACH = 4
# Titles won: «حقق اللقب في 1956 و1957 و1958».
TITLE_WON_WORDS = fold_set(*figures.TITLE_WON_WORDS)
# What a figure counts: after a number the tagger read as a year, not a date.
COUNTED_NOUNS = fold_set(*figures.COUNTED_NOUNS)
FIGURE_UNITS = fold_set(*figures.FIGURE_UNITS)
STATISTIC_VERBS = fold_set(*figures.STATISTIC_VERBS)
# Periods that frame a statistic: «خلال 2015», «في 2017».
COARSE = ("year", "quarter", "season", "month", "decade", "century")


def not_a_happening(
    clause: Sequence[Word],
    anchor_words: Sequence[int],
    granularity: str | None,
    year_mentions: int,
) -> str | None:
    """Why the clause's date dates no happening, or None when it may.

    `anchor_words`: indexes of the words of the clause's date expressions;
    `year_mentions`: how many of them name a bare year.
    """
    folded = {r for w in clause for r in readings(w.folded)}
    first_date = min(anchor_words, default=len(clause))
    if any(w.folded in COUNTERFACTUAL for w in clause[:first_date]):
        return "counterfactual"  # the date is of what would have been
    # A birth year, not a day: «يبلغ من العمر 69 عاماً» beside «الثلاثاء» is no birth.
    if granularity in ("year", "decade") and folded & BIRTH_WORDS:
        return "birth or age"
    if anchor_words and any(
        r in BORN_WORDS
        for w in clause[max(min(anchor_words) - BORN_REACH, 0) : min(anchor_words)]
        for r in readings(w.folded)
    ):
        return "birth"
    if year_mentions >= 2 and folded & CAREER_WORDS:
        return "career span"
    if year_mentions >= 2 and folded & TITLE_WON_WORDS:
        return "titles won"
    if year_mentions >= 3:
        return "list of years"
    for index in anchor_words:
        after = index + 1
        while after in anchor_words:
            after += 1
        counted = after < len(clause) and any(
            r in COUNTED_NOUNS for r in readings(clause[after].folded)
        )
        # A number the date expression opens with («2012 قتيلاً»); after a month
        # («ديسمبر 2017، طالب الادعاء») it is the year, whatever noun follows.
        if counted and clause[index].folded.isdigit() and index - 1 not in anchor_words:
            return "a count, not a year"
    if granularity in COARSE and _is_statistic(clause, anchor_words):
        return "frames a statistic"
    return None


def _is_statistic(clause: Sequence[Word], anchor_words: Sequence[int]) -> bool:
    anchors = set(anchor_words)
    has_figure = any(
        i not in anchors and (w.folded.isdigit() or w.folded in FIGURE_UNITS)
        for i, w in enumerate(clause)
    )
    if not has_figure:
        return False
    if any(
        r in STATISTIC_VERBS or _stem(r) in STATISTIC_VERBS
        for w in clause
        for r in readings(w.folded)
    ):
        return True
    # «و1.13 تريليون دولار في 2020»: a unit of a figure right by the date, and no verb
    # of any happening. (A figure further away may be a detail of a happening whose
    # verb the lexicon lacks: «انضم إلى برشلونة في يناير مقابل 142 مليون جنيه».)
    beside = any(
        clause[i].folded in FIGURE_UNITS or (abs(i - a) == 1 and clause[i].folded.isdigit())
        for a in anchors
        for i in range(max(a - FIGURE_REACH, 0), min(a + FIGURE_REACH + 1, len(clause)))
        if i not in anchors
    )  # «…إلى 5% العام الماضي»: a figure right by the date («%» is no word)
    return beside and not any(verb_kind(w) for i, w in enumerate(clause) if i not in anchors)


# How near its date a figure's unit stands when the date only frames the figure.
FIGURE_REACH = 3


def _stem(reading: str) -> str:
    """The word without a pronoun at its end: «ارتفاعها» is «ارتفاع» (a lone «ه»
    is left: folded, it is also «ة»)."""
    for suffix in ("ها", "هم"):
        if reading.endswith(suffix) and len(reading) - len(suffix) >= 4:
            return reading[: -len(suffix)]
    return reading
