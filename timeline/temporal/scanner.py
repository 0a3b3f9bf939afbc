"""Token scanner: finds temporal expressions in folded text and resolves them.

The text is folded once (``normalise_with_offsets``) and split into tokens with
one compiled regex. The scanner walks the tokens left to right; only tokens
whose (clitic-stripped) form is in ``TRIGGERS`` or that are digits start a
parse, and each parse looks a few tokens ahead with dict lookups, so the whole
pass is linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import overload

from . import holidays
from . import lexicon as lx
from . import markers as mk
from .hijri import (
    hijri_month_bounds,
    hijri_to_gregorian,
    hijri_year_bounds,
    hijri_year_of,
    nearest_hijri_day,
    nearest_hijri_month,
)
from .months import AMBIGUOUS_MONTHS, GREGORIAN_MONTHS, HIJRI_MONTHS, TWO_WORD_MONTH_HEADS
from .numbers import (
    DECADE_WORDS,
    DEFINITE_DUALS,
    DEFINITE_PLURAL_UNITS,
    HUNDREDS_WORDS,
    ORDINAL_TENS_WORDS,
    ORDINAL_WORDS,
    TEEN_SUFFIX,
    TENS_WORDS,
    UNIT_FORMS,
    UNIT_WORDS,
    VAGUE_COUNT_WORDS,
)
from .resolve import (
    add_months,
    century_bounds,
    day_value,
    decade_bounds,
    half_bounds,
    iso_week_bounds,
    iso_week_value,
    month_bounds,
    month_value,
    quarter_bounds,
    resolve_day_month,
    resolve_month,
    resolve_weekday,
    season_bounds,
    shift_by_unit,
    valid_day,
    year_bounds,
)
from .weekdays import NOT_A_DAY_BEFORE, WEEKDAYS

# Digit runs, letter runs, and single punctuation marks (newline kept: it ends a clause).
TOKEN = re.compile(r"[0-9]+|[^\W\d_]+|\n|[^\w\s]")

_ALL_MONTH_WORDS = frozenset(w for key in (*GREGORIAN_MONTHS, *HIJRI_MONTHS) for w in key.split())
# Words that may start an expression (after stripping an attached و/ف/ب/ل/ك).
TRIGGERS: frozenset[str] = frozenset(
    {
        *WEEKDAYS, *_ALL_MONTH_WORDS, *mk.RELATIVE_DAYS, *mk.MOD_WORDS, *mk.APPROX_WORDS,
        mk.DAY_NOUN, mk.DAY_NOUN_DUAL, *mk.PART_OF_DAY_NOUNS, mk.TONIGHT, mk.HOUR_NOUN,
        *mk.YEAR_NOUNS, mk.MONTH_NOUN, mk.MONTH_NOUN_BARE, mk.WEEK_NOUN, *mk.DEMONSTRATIVES,
        *mk.SEASONS, mk.QUARTER_NOUN, mk.HALF_NOUN, *DECADE_WORDS, mk.CENTURY_NOUN,
        *UNIT_FORMS, *DEFINITE_PLURAL_UNITS, *UNIT_WORDS, *TENS_WORDS, *VAGUE_COUNT_WORDS,
        *ORDINAL_WORDS, *ORDINAL_TENS_WORDS, mk.SINCE_WORD, mk.BEFORE_WORD, mk.AFTER_WORD,
        *mk.SET_ADVERBS, mk.EVERY_WORD, *mk.VAGUE_WORDS, *mk.HOLIDAY_HEADS, *lx.EXTRA_TRIGGERS,
        "ال", *lx.TIMES_WORDS, *lx.FRACTION_WORDS, *lx.MANNER_HEADS, *lx.SAME_BEFORE_WORDS,
        *lx.FIRST_DAY_WORDS,
    }
)  # fmt: skip
# Every lexicon word, so clitic stripping can tell "والأحد" (و + الأحد) from a plain word.
KNOWN: frozenset[str] = TRIGGERS | mk.NEXT_MARKERS | mk.PREVIOUS_MARKERS | mk.CURRENT_MARKERS
_CLITICS = frozenset("وفبلك")
_PERIOD_HEADS = frozenset(
    {mk.MONTH_NOUN, mk.WEEK_NOUN, mk.CENTURY_NOUN, *mk.DEFINITE_YEAR_NOUNS, *mk.DEMONSTRATIVES}
)
_OFFSET_WORDS = frozenset({mk.SINCE_WORD, mk.BEFORE_WORD, mk.AFTER_WORD})
_DURATION_HEADS = frozenset(
    {*UNIT_FORMS, *DEFINITE_PLURAL_UNITS, *UNIT_WORDS, *TENS_WORDS, *VAGUE_COUNT_WORDS,
     *HUNDREDS_WORDS, "ال"}
)  # fmt: skip
_ACCUSATIVE_SINGULARS = lx.ACCUSATIVE_SINGULARS
_ONE_OCLOCK = lx.ONE_OCLOCK
_AM_PM = lx.AM_PM
_MIDDLE = lx.MIDDLE_WORD
_NOW_WORDS = lx.NOW_WORDS
_AFTER_VAGUE_PLURAL = lx.AFTER_VAGUE_PLURAL
_FREQUENCY_HEADS = frozenset(
    {*lx.TIMES_WORDS, lx.DAYS_PLURAL, *UNIT_WORDS, *TENS_WORDS, *lx.MANNER_HEADS}
)
_VAGUE_HEADS = frozenset({*mk.VAGUE_WORDS, *lx.VAGUE_HEADS})
# The grains a date named earlier may have for «ذات العام» / «ذات الشهر» to take its year
# or month from.
_MONTH_OR_FINER = frozenset({"month", "day", "part", "clock"})
_YEAR_OR_FINER = frozenset({"year", "season", "quarter", "week", *_MONTH_OR_FINER})
_SAME_PERIOD_NOUNS = frozenset({mk.MONTH_NOUN, *mk.DEFINITE_YEAR_NOUNS})
# How many tokens back a clause's tense cue (or the year its sentence names) may be.
TENSE_REACH = 30
# How many tokens back a sentence's year may be named for a month far from the
# reference («انتخابات عام 2018… وانتخابات الولايات المتحدة في شهر نوفمبر»).
SENTENCE_REACH = 100
# How many dates back «ذات العام», «الشهر نفسه» may refer.
ANAPHORA_REACH = 8
_SEPARATORS = frozenset("/-.")
_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
_NOT_DAY_ORDINAL_AFTER = lx.NOT_DAY_ORDINAL_AFTER
_DURATION_WORDS = lx.DURATION_WORDS
_CONNECTORS = lx.RANGE_CONNECTORS | {"-"}


@dataclass(slots=True)
class Sem:
    """A parsed and (when possible) resolved expression."""

    type: str
    value: str | None
    first: date | None = None
    last: date | None = None
    anchored: bool = False
    mod: str | None = None
    grain: str = ""  # day, month, year, week, ..., clock, part, duration, set, vague
    # For clock times: hour and minute, and whether the day came with it.
    clock: tuple[int, int] | None = None
    part: str | None = None  # the part of day said after a clock time
    hour12: int = 0  # the hour as said, before the part of day moved it


@dataclass(slots=True)
class RawMention:
    """A mention in folded-text offsets, before mapping back to the original."""

    start: int
    end: int
    sem: Sem


_STEMS: dict[str, tuple[str, int]] = {}
_STEM_CACHE_LIMIT = 100_000


def _stem_of(word: str) -> tuple[str, int]:
    """(word without an attached clitic, clitic length) when that makes a known word."""
    if word in KNOWN or not word:
        return word, 0
    if len(word) > 2 and word[0] in _CLITICS:
        rest = word[1:]
        if rest in KNOWN:
            return rest, 1
        if word[0] in "وف" and rest[0] in "بلك" and word[2:] in KNOWN:
            return word[2:], 2
        if word.startswith("لل") and "ال" + word[2:] in KNOWN:
            return "ال" + word[2:], 1
        if word[0] in "وف" and rest.startswith("لل") and "ال" + word[3:] in KNOWN:
            return "ال" + word[3:], 2
    return word, 0


# Misspelt weekday and month names, one letter replaced («مساء الجمعو», «ديسمير عام
# 2017»): every spelling with one letter blanked out, mapped to the name. Names of
# five letters or fewer are left out (one letter makes another word of them: «يوم
# السبب»), and so is a blank shared by two names («يونيو», «يوليو»).
TYPO_MIN_LETTERS = 6


def _blanked_spellings(names: Iterable[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for name in names:
        if len(name) < TYPO_MIN_LETTERS or " " in name:
            continue
        for i in range(len(name)):
            key = name[:i] + "?" + name[i + 1 :]
            if table.setdefault(key, name) != name:
                clashes.add(key)
    for key in clashes:
        del table[key]
    return table


_WEEKDAY_TYPOS = _blanked_spellings(WEEKDAYS)
_MONTH_TYPOS = _blanked_spellings(k for k in GREGORIAN_MONTHS if k not in AMBIGUOUS_MONTHS)


def _is_digits(word: str) -> bool:
    # ASCII only: folding already turned Arabic-Indic digits into these, and
    # other "digits" (superscripts, other scripts) are not numbers we read.
    return "0" <= word[:1] <= "9"


class Scanner:
    """One pass over one folded text. Create a new one per text."""

    __slots__ = ("found", "n", "ref", "starts", "text", "words")

    def __init__(self, folded: str, reference: date | None) -> None:
        self.text = folded
        self.ref = reference
        # findall runs in C; the offsets are recovered with str.find from a
        # cursor, which is exact because the gaps between tokens hold only
        # characters no token can start with (spaces, "_", non-ASCII digits).
        words: list[str] = TOKEN.findall(folded)
        starts: list[int] = []
        add, find, pos = starts.append, folded.find, 0
        for word in words:
            pos = find(word, pos)
            add(pos)
            pos += len(word)
        self.starts, self.words = starts, words
        self.n = len(words)
        # What scan() has found so far: «ذات العام» refers back to it.
        self.found: list[RawMention] = []

    # ----------------------------------------------------------------- helpers

    def w(self, j: int) -> str:
        return self.words[j] if 0 <= j < self.n else ""

    def adjacent(self, j: int) -> bool:
        """True when token j+1 touches token j (no space between)."""
        return j + 1 < self.n and self.end(j) == self.starts[j + 1]

    def end(self, j: int) -> int:
        """Offset just after token j."""
        return self.starts[j] + len(self.words[j])

    def stem(self, j: int) -> tuple[str, int]:
        """Token j without an attached clitic (و، ف، ب، ل، ك، لل) when that makes a known word."""
        word = self.w(j)
        found = _STEMS.get(word)
        if found is None:
            found = _stem_of(word)
            if len(_STEMS) > _STEM_CACHE_LIMIT:
                _STEMS.clear()  # bounded: adversarial input cannot grow it forever
            _STEMS[word] = found
        return found

    def mend(self, j: int, typos: dict[str, str]) -> str | None:
        """Token j put right when it is a name of `typos` misspelt by one letter, as the
        caller's context (a day noun, a number) says it may be; the name, or None.
        Same length, so every offset holds."""
        word = self.w(j)
        if len(word) < TYPO_MIN_LETTERS or word in KNOWN or _is_digits(word) or self.stem(j)[1]:
            return None
        for i in range(len(word)):
            name = typos.get(word[:i] + "?" + word[i + 1 :])
            if name is not None:
                self.words[j] = name
                return name
        return None

    def plain_int(self, j: int) -> int | None:
        """Token j as an integer when it is a whole number (not part of 1.5, 3,000 or 1-0)."""
        word = self.w(j)
        if not _is_digits(word) or len(word) > 6:
            return None
        if (
            j + 2 < self.n
            and self.adjacent(j)
            and self.words[j + 1] in ".,:"
            and _is_digits(self.words[j + 2])
            and self.adjacent(j + 1)
        ):
            return None
        if (
            j >= 2
            and self.adjacent(j - 1)
            and self.words[j - 1] in ".,:"
            and _is_digits(self.words[j - 2])
            and self.adjacent(j - 2)
        ):
            return None
        return int(word)

    def future(self, i: int) -> bool:
        """Rule 2: does the clause before token i speak of the future? Nearest cue wins."""
        return self.tense_cue(i) is True

    def tense_cue(self, i: int) -> bool | None:
        """True for a future cue before token i in its clause, False for a past one,
        None when the clause has neither."""
        words = self.words
        for j in range(i - 1, max(-1, i - TENSE_REACH), -1):
            word = words[j]
            if word in mk.SENTENCE_ENDS:
                return None
            bare = word[1:] if len(word) > 3 and word[0] in "وف" else word
            if word in mk.FUTURE_CUE_WORDS or bare in mk.FUTURE_CUE_WORDS:
                return True
            if word in mk.PAST_CUE_WORDS or bare in mk.PAST_CUE_WORDS:
                if bare == lx.PERFECT_PARTICLE and j + 1 < self.n and words[j + 1][:1] in "يتن":
                    continue
                return False
            if bare == lx.THAT_WORD and j > 0 and words[j - 1] in lx.ON_WORDS:
                return True
            if mk.FUTURE_VERB.match(word) and not mk.NOT_FUTURE_VERB.match(word):
                return True
        return None

    def sentence_year(self, i: int) -> int | None:
        """The year last written out in token i's sentence before it («انتخابات عام
        2018… انتخابات البرازيل في شهر أكتوبر»): with no tense cue, it says which year
        a month far from the reference date is in."""
        # Within a bounded reach: a walk to the sentence's start would make a text with
        # no full stop quadratic.
        j = i - 1
        while j >= max(0, i - SENTENCE_REACH) and self.words[j] not in mk.SENTENCE_ENDS:
            j -= 1
        sentence_start = self.starts[j] if j >= 0 else 0
        for mention in reversed(self.found):
            if mention.start < sentence_start:
                break
            sem = mention.sem
            if sem.grain == "year" and not sem.anchored and sem.value and sem.value.isdigit():
                return int(sem.value)
        return None

    def named_before(self, i: int, grain: str) -> str | None:
        """The year («YYYY») or month («YYYY-MM») of the last date named before token i:
        what «ذات العام», «الشهر نفسه» refer back to."""
        offset = self.starts[i] if i < self.n else len(self.text)
        size = 4 if grain == "year" else 7
        finer = _YEAR_OR_FINER if grain == "year" else _MONTH_OR_FINER
        # The last few dates only: what «ذات العام» refers to was named just before.
        for mention in reversed(self.found[-ANAPHORA_REACH:]):
            value = mention.sem.value
            if (
                mention.start < offset
                and mention.sem.grain in finer
                and value
                and value[:4].isdigit()
                and len(value) >= size
            ):
                return value[:size]
        return None

    # ------------------------------------------------------------- value makers

    @overload
    def _day(self, day: date, anchored: bool) -> Sem: ...
    @overload
    def _day(self, day: date | None, anchored: bool) -> Sem | None: ...
    def _day(self, day: date | None, anchored: bool) -> Sem | None:
        if day is None:
            return None
        return Sem("DATE", day_value(day), day, day, anchored, grain="day")

    def _unresolved(self, type_: str = "DATE", grain: str = "") -> Sem:
        return Sem(type_, None, grain=grain)

    def _month(self, year: int, month: int, anchored: bool) -> Sem:
        first, last = month_bounds(year, month)
        return Sem("DATE", month_value(year, month), first, last, anchored, grain="month")

    def _year(self, year: int, anchored: bool) -> Sem:
        first, last = year_bounds(year)
        return Sem("DATE", f"{year:04d}", first, last, anchored, grain="year")

    def _week(self, day: date) -> Sem:
        first, last = iso_week_bounds(day)
        return Sem("DATE", iso_week_value(day), first, last, True, grain="week")

    # ------------------------------------------------------------------ numbers

    def cardinal(self, j: int) -> tuple[int | None, int] | None:
        """A count at token j: digits or number words. Returns (value or None for "some", next)."""
        word = self.w(j)
        if _is_digits(word):
            value = self.plain_int(j)
            return (value, j + 1) if value is not None else None
        stem, _ = self.stem(j)
        if stem.startswith("ال") and stem[2:] in UNIT_WORDS:
            stem = stem[2:]  # الأسابيع الثلاثة الماضية
        if stem in VAGUE_COUNT_WORDS:
            return None, j + 1
        if stem in HUNDREDS_WORDS:
            return HUNDREDS_WORDS[stem], j + 1
        if stem in TENS_WORDS:
            return TENS_WORDS[stem], j + 1
        if stem in UNIT_WORDS:
            value = UNIT_WORDS[stem]
            nxt = self.w(j + 1)
            if value < 10 and nxt in TEEN_SUFFIX:
                return value + 10, j + 2
            if nxt[:1] == "و" and nxt[1:] in TENS_WORDS:
                return value + TENS_WORDS[nxt[1:]], j + 2
            return value, j + 1
        return None

    def ordinal(self, j: int) -> tuple[int, int] | None:
        """An ordinal at token j (الثالث، الحادي عشر، الثالث والعشرين، العشرين) -> (value, next)."""
        stem, _ = self.stem(j)
        if stem in ORDINAL_TENS_WORDS:
            return ORDINAL_TENS_WORDS[stem], j + 1
        if stem not in ORDINAL_WORDS:
            return None
        value = ORDINAL_WORDS[stem]
        nxt = self.w(j + 1)
        if value < 10 and nxt in TEEN_SUFFIX:
            return value + 10, j + 2
        if nxt[:1] == "و" and nxt[1:] in ORDINAL_TENS_WORDS and value < 10:
            return value + ORDINAL_TENS_WORDS[nxt[1:]], j + 2
        if stem in lx.ELEVENTH_WORDS:
            return None  # الحادي alone is not an ordinal
        return value, j + 1

    def year_number(self, j: int) -> tuple[int, bool | None, int] | None:
        """A year at token j: 3-4 digits with an optional era mark -> (year, hijri?, next)."""
        value = self.plain_int(j)
        if value is None or not (3 <= len(self.words[j]) <= 4) or value < 100:
            return None
        k = j + 1
        era: bool | None = None
        nxt = self.w(k)
        if nxt in mk.HIJRI_ERA:
            era, k = True, k + 1
        elif nxt in mk.GREGORIAN_ERA:
            after = self.w(k + 1)
            if nxt == lx.M_ABBREVIATION and (
                after in lx.MILLION_ABBREVIATION_AFTER
                or (after == "." and self.w(k + 2) in lx.MILLION_ABBREVIATION_AFTER)
            ):
                return None  # "130 م د": 130 million dinars
            era, k = False, k + 1
        if era is None and not 1000 <= value <= 2200:
            return None
        return value, era, k

    # ------------------------------------------------------------------- months

    def month_name(self, j: int) -> tuple[str, int, int, int] | None:
        """A month name at token j, with a twin spelling (آب/أغسطس, تموز (يوليو)).

        Returns (calendar "G"/"H", month, next token, clitic length).
        """
        stem, clitic = self.stem(j)
        if stem in TWO_WORD_MONTH_HEADS:
            pair = stem + " " + self.w(j + 1)
            if pair in GREGORIAN_MONTHS:
                found = ("G", GREGORIAN_MONTHS[pair], j + 2)
            elif pair in HIJRI_MONTHS:
                found = ("H", HIJRI_MONTHS[pair], j + 2)
            else:
                return None
        elif stem in GREGORIAN_MONTHS:
            found = ("G", GREGORIAN_MONTHS[stem], j + 1)
        elif stem in HIJRI_MONTHS:
            found = ("H", HIJRI_MONTHS[stem], j + 1)
        else:
            return None
        scheme, month, k = found
        if scheme == "G":
            # Twin spellings: "/" or "(" ... ")" naming the same month.
            sep = self.w(k)
            if sep in ("/", "(", "-", "،"):
                twin = self._bare_month(k + 1)
                if twin and twin[0] == month:
                    k = twin[1]
                    if sep == "(" and self.w(k) == ")":
                        k += 1
            else:
                # «مارس آذار 2011», «يونيو حزيران»: the twin written with no mark.
                twin = self._bare_month(k)
                if twin and twin[0] == month:
                    k = twin[1]
        return scheme, month, k, clitic

    def _bare_month(self, j: int) -> tuple[int, int] | None:
        word = self.w(j)
        pair = word + " " + self.w(j + 1)
        if pair in GREGORIAN_MONTHS:
            return GREGORIAN_MONTHS[pair], j + 2
        if word in GREGORIAN_MONTHS:
            return GREGORIAN_MONTHS[word], j + 1
        return None

    def relation_at(self, k: int) -> tuple[str | None, int]:
        """المقبل / الماضي / الجاري after a period -> ("next"|"previous"|"current", next)."""
        word = self.w(k)
        if word in mk.NEXT_MARKERS:
            return "next", k + 1
        if word in mk.PREVIOUS_MARKERS:
            return "previous", k + 1
        if word in mk.CURRENT_MARKERS:
            return "current", k + 1
        return None, k

    def year_after(self, k: int) -> tuple[int, bool | None, int] | None:
        """A year after a month: "2025", "عام 2025", "سنة 1990 م"."""
        stem, clitic = self.stem(k)
        if clitic and self.words[k][:1] in "وف":
            return None  # "20 يوليو ولعام 2015": a new expression starts
        if stem in mk.YEAR_NOUNS and _is_digits(self.w(k + 1)):
            return self.year_number(k + 1)
        if _is_digits(self.w(k)):
            return self.year_number(k)
        return None

    def month_expression(self, i: int, day: int | None, context: bool) -> tuple[int, Sem] | None:
        """[شهر] MONTH [twin] [relation | year], with ``day`` when a day number came first."""
        j = i
        if self.stem(j)[0] == mk.MONTH_NOUN_BARE:
            j += 1
            context = True
        named = self.month_name(j)
        if named is None:
            return None
        scheme, month, k, _ = named
        relation, k2 = self.relation_at(k)
        year = None if relation else self.year_after(k)
        if year is not None:
            k2 = year[2]
        elif relation is None and self.w(k) == lx.FROM_WORD and scheme == "G":
            # "ديسمبر من العام الماضي", "مارس من عام 2024"
            year_ref = self.year_reference(k + 1)
            if year_ref is not None:
                if year_ref[1] is None:
                    return year_ref[0], self._unresolved(grain="day" if day else "month")
                year = (year_ref[1], False, year_ref[0])
                k2 = year_ref[0]
                if year_ref[2]:
                    context = True
        first_stem, clitic = self.stem(j)
        if first_stem in AMBIGUOUS_MONTHS and clitic and self.words[j][:1] not in "وف":
            return None  # "باب" is a door, not ب + آب
        if first_stem in AMBIGUOUS_MONTHS or (first_stem + " " + self.w(j + 1)) in AMBIGUOUS_MONTHS:
            twin = k > j + 1 and first_stem not in TWO_WORD_MONTH_HEADS
            if first_stem == lx.SAFAR and j == i:
                context = False  # "من صفر", "إلى صفر": zero, unless شهر, a day or a year
                if (
                    year is None
                    and _is_digits(self.w(i - 1))
                    and self.w(i - 2) not in lx.ZERO_MONTH_BEFORE
                    and self.stem(i - 2)[0] not in WEEKDAYS
                ):
                    return None  # "فاز 3 صفر": a score
            if not (context or day is not None or relation or year or twin):
                return None
        if scheme == "H":
            return k2, self._hijri(day, month, year, relation)
        if year is not None and year[1] is True:
            return None  # a Gregorian month with a Hijri year: not a date we can read
        ref = self.ref
        if year is not None:
            anchored = (
                self.w(k) == lx.FROM_WORD
                and not _is_digits(self.w(k + 1))
                and self.stem(k + 1)[0] not in lx.BARE_YEAR_NOUNS
            )
            if day is None:
                return k2, self._month(year[0], month, anchored)
            found = valid_day(year[0], month, day)
            return (k2, self._day(found, anchored)) if found else None
        if ref is None:
            return k2, self._unresolved(grain="day" if day else "month")
        cue = self.tense_cue(i)
        hint = self.sentence_year(i) if cue is None else None
        if day is None:
            y, m = resolve_month(ref, month, relation, cue is True, hint)
            return k2, self._month(y, m, True)
        found = resolve_day_month(ref, day, month, relation, cue is True, hint)
        return (k2, self._day(found, True)) if found else None

    def _hijri(self, day: int | None, month: int, year: tuple | None, relation: str | None) -> Sem:
        ref = self.ref
        if year is not None and year[1] is not True and 1900 <= year[0] <= 2100:
            # "رمضان 2017": the Hijri month that falls in that Gregorian year
            if day is not None:
                found = _hijri_day_in_year(year[0], month, day)
                return self._day(found, False) or self._unresolved(grain="day")
            hijri_year = _hijri_year_with_month_in(year[0], month)
            if hijri_year is None:
                return self._unresolved(grain="month")
            year = (hijri_year, True, year[2])
        if year is not None:
            if day is not None:
                found = hijri_to_gregorian(year[0], month, day)
                if found is None:
                    return Sem("DATE", f"H{year[0]:04d}-{month:02d}", grain="month")
                return Sem("DATE", day_value(found), found, found, False, grain="day")
            bounds = hijri_month_bounds(year[0], month)
            first, last = bounds if bounds else (None, None)
            return Sem("DATE", f"H{year[0]:04d}-{month:02d}", first, last, False, grain="month")
        if ref is None:
            return self._unresolved(grain="day" if day else "month")
        if day is not None:
            found = nearest_hijri_day(ref, month, day)
            if found:
                return Sem("DATE", day_value(found), found, found, True, grain="day")
            return self._unresolved(grain="day")
        hyear = nearest_hijri_month(ref, month)
        if hyear is not None and relation in ("next", "previous"):
            bounds = hijri_month_bounds(hyear, month)
            if bounds and relation == "next" and bounds[0] <= ref:
                hyear += 1  # "رمضان المقبل": the first one starting after the reference
            elif bounds and relation == "previous" and bounds[1] >= ref:
                hyear -= 1
        if hyear is None:
            return self._unresolved(grain="month")
        bounds = hijri_month_bounds(hyear, month)
        first, last = bounds if bounds else (None, None)
        return Sem("DATE", f"H{hyear:04d}-{month:02d}", first, last, True, grain="month")

    # --------------------------------------------------------------- day forms

    def day_number(self, i: int) -> tuple[int, int] | None:
        """A day of the month at token i: 1-31 digits, an ordinal, or أول."""
        word = self.w(i)
        if _is_digits(word):
            value = self.plain_int(i)
            if value is None or not 1 <= value <= 31 or len(word) > 2:
                return None
            return value, i + 1
        found = self.ordinal(i)
        if found and found[0] <= 31:
            stem = self.stem(i)[0]
            if stem.endswith("ه") or stem == lx.FIRST_FEMININE:
                return None  # feminine ordinals count other things (الأيام الـ25 الأولى)
            if self.w(i - 1) in _NOT_DAY_ORDINAL_AFTER:
                return None  # "الأسبوع الأول من الشهر" is a week, not the 1st
            return found
        if self.stem(i)[0] == lx.FIRST_BARE or word in lx.FIRST_DAY_WORDS:
            return 1, i + 1
        return None

    def day_month(self, i: int) -> tuple[int, Sem] | None:
        """DAY [من] [شهر] MONTH ... or DAY من الشهر الجاري."""
        found = self.day_number(i)
        if found is None:
            return None
        day, k = found
        if self.w(k) == lx.FROM_WORD:
            k += 1
        month = self.month_expression(k, day, True)
        if month is not None:
            return month
        same = self.same_period_at(k, self.stem(k)[0])
        if same is not None and same[1] == mk.MONTH_NOUN:
            # «في 24 من الشهر ذاته»: a day of the month named before
            named = self.named_before(k, "month")
            if named is None:
                return None
            found_day = valid_day(int(named[:4]), int(named[5:7]), day)
            return (same[0], self._day(found_day, False)) if found_day else None
        # "الثالث والعشرين من الشهر الجاري", "بين 10 و12 الشهر الجاري"
        if self.stem(k)[0] == mk.MONTH_NOUN:
            relation, k2 = self.relation_at(k + 1)
            if relation and self.ref:
                shift = {"next": 1, "previous": -1, "current": 0}[relation]
                y, m = add_months(self.ref.year, self.ref.month, shift)
                return k2, self._day(valid_day(y, m, day), True) or Sem("DATE", None)
            if relation:
                return k2, self._unresolved(grain="day")
            if self.w(k - 1) == lx.FROM_WORD and self.ref and self.w(k + 1) not in lx.SAME_OR_WHICH:
                # "في 15 من الشهر": this month
                return k + 1, self._day(valid_day(self.ref.year, self.ref.month, day), True) or Sem(
                    "DATE", None
                )
        return None

    def numeric_date(self, i: int) -> tuple[int, Sem] | None:
        """20/7/2025, 20-7-2025, 15.9.2025, 2025/7/28, 15/7/25, 26/9/1439هـ, 7/2025, 15/7."""
        words = self.words
        if i + 2 >= self.n:
            return None
        sep = words[i + 1]
        if sep not in _SEPARATORS or not self.adjacent(i) or not self.adjacent(i + 1):
            return None
        if not _is_digits(words[i + 2]):
            return None
        if i > 0 and self.adjacent(i - 1) and words[i - 1] in _SEPARATORS | {",", ":"}:
            return None
        three = i + 4 < self.n and words[i + 3] == sep and self.adjacent(i + 2)
        three = three and self.adjacent(i + 3) and _is_digits(words[i + 4])
        last = i + 4 if three else i + 2
        if (
            last + 2 < self.n
            and self.adjacent(last)
            and words[last + 1] in _SEPARATORS | {",", ":"}
            and _is_digits(words[last + 2])
        ):
            return None  # a longer run of numbers (phone number, version)
        if not three:
            return self._short_numeric_date(i)
        a, b, c = words[i], words[i + 2], words[i + 4]
        if len(a) == 4 and len(b) <= 2 and len(c) <= 2:
            year, month, day = int(a), int(b), int(c)
        elif len(a) <= 2 and len(b) <= 2 and len(c) in (2, 4):
            day, month, year = int(a), int(b), int(c)
            if len(c) == 2:
                year = self._two_digit_year(year)
        else:
            return None
        k = i + 5
        era: bool | None = None
        if self.w(k) in mk.HIJRI_ERA:
            era, k = True, k + 1
        elif self.w(k) in mk.GREGORIAN_ERA:
            era, k = False, k + 1
        low, high = lx.HIJRI_ERA_YEAR_RANGE
        if era or (era is None and low <= year <= high):
            # "26/9/1439هـ": a Hijri date, converted to its Gregorian day.
            if not (1 <= month <= 12 and 1 <= day <= 30):
                return None
            found = hijri_to_gregorian(year, month, day)
            return (k, self._day(found, False)) if found else None
        found = valid_day(year, month, day)
        if found is None or not 1000 <= year <= 2200:
            return None
        return k, self._day(found, False)

    def _two_digit_year(self, yy: int) -> int:
        """15/7/25 is 2025; 3/4/98 is 1998: the century putting it at most ten years ahead."""
        limit = (self.ref.year if self.ref else 2025) + 10
        return 2000 + yy if 2000 + yy <= limit else 1900 + yy

    def _short_numeric_date(self, i: int) -> tuple[int, Sem] | None:
        """7/2025 (a month) and 15/7 (a day of the nearest such month, after a date word)."""
        a, b = self.words[i], self.words[i + 2]
        first, second = int(a), int(b)
        if len(a) <= 2 and len(b) == 4 and 1 <= first <= 12 and 1900 <= second <= 2100:
            return i + 3, self._month(second, first, False)
        if self.words[i + 1] != "/" or len(a) > 2 or len(b) > 2:
            return None
        before = self.stem(i - 1)[0]
        if before not in lx.NUMERIC_DAY_LEAD_WORDS and before not in WEEKDAYS:
            return None
        if not (1 <= first <= 31 and 1 <= second <= 12):
            return None
        if self.ref is None:
            return i + 3, self._unresolved(grain="day")
        found = resolve_day_month(self.ref, first, second, None, self.future(i))
        return (i + 3, self._day(found, True)) if found else None

    # ------------------------------------------------------------ relative days

    def relative_day(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """اليوم، أمس، أمس الأول، أول أمس، غداً، الغد، بعد غد، اليوم الأحد."""
        k = i + 1
        offset: int | None = None
        if stem in mk.RELATIVE_DAYS:
            offset = mk.RELATIVE_DAYS[stem]
            if stem == mk.TODAY:
                nxt = self.w(k)
                if (
                    nxt in mk.NOT_TODAY_AFTER
                    or nxt in ORDINAL_WORDS
                    or self.w(i - 1) in mk.NOT_TODAY_BEFORE
                    or self.w(i - 1) in lx.NOT_TODAY_NAME_BEFORE
                ):
                    return None
                if self.w(i - 1) in lx.SAME_DAY_BEFORE and nxt in lx.SAME_WORDS:
                    return None
            if stem == mk.YESTERDAY and self.w(k) in mk.FIRST_WORDS:
                offset, k = -2, k + 1
        elif stem == lx.FIRST_BARE:
            if self.w(k) == mk.YESTERDAY:
                offset, k = -2, k + 1
            elif self.w(k) == lx.FROM_WORD and self.w(k + 1) == mk.YESTERDAY:
                offset, k = -2, k + 2
        elif stem == mk.AFTER_WORD and self.w(k) in (mk.TOMORROW_BARE, lx.TOMORROW_DEFINITE):
            offset, k = 2, k + 1
        elif stem == mk.TOMORROW_BARE and self.stem(i - 1)[0] == mk.DAY_NOUN:
            offset = 1  # «يوم غد»
        if offset is None:
            return None
        # "اليوم الأحد", "أمس الثلاثاء": the weekday names the same day.
        if offset in (-2, -1, 0, 1, 2) and self.stem(k)[0] in WEEKDAYS:
            k += 1
            if _is_digits(self.w(k)) or self.w(k) in ("،", ","):
                start = k + 1 if self.w(k) in ("،", ",") else k
                dated = self.day_month(start) or self.numeric_date(start)
                if dated is not None and dated[1].grain == "day":
                    return dated
        if self.ref is None:
            return k, self._unresolved(grain="day")
        day = self.ref + timedelta(days=offset)
        part = mk.PART_OF_DAY_ADVERBS.get(self.w(k))
        named_weekday = self.stem(k - 1)[0] in WEEKDAYS
        if part is not None and not named_weekday and not self._clock_after(k + 1):
            # "غداً صباحاً", "أمس مساءً": a part of that day
            return k + 1, Sem("TIME", f"{day_value(day)}T{part}", day, day, True, grain="part")
        return k, self._day(day, True)

    def _clock_after(self, k: int) -> bool:
        """Does a clock time start at token k ("اليوم مساءً الساعة 8" keeps its day)?"""
        return self.stem(k)[0] == mk.HOUR_NOUN

    def weekday(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """[يوم] WEEKDAY [المقبل|الماضي] [DAY MONTH [YEAR]]."""
        k = i
        if stem in (mk.DAY_NOUN, mk.DAY_NOUN_DUAL):
            k += 1
            if stem == mk.DAY_NOUN and _is_digits(self.w(k)):
                # "يوم 15 يونيو 2014": the introducing word stays in the span.
                dated = self.day_month(k) or self.numeric_date(k)
                if dated is None and self.w(k + 1) not in _SEPARATORS:
                    dated = self._day_of_month(k)  # "يوم 15": the nearest 15th
                return dated if dated is not None and dated[1].grain == "day" else None
            stem = self.stem(k)[0]
            if stem == mk.TOMORROW_BARE:
                # "يوم غد [الاثنين]": tomorrow, its weekday naming the same day.
                return self.relative_day(k, stem)
            if stem not in WEEKDAYS:
                stem = self.mend(k, _WEEKDAY_TYPOS) or stem  # «يوم الخميص»
        if stem not in WEEKDAYS:
            return None
        weekday = WEEKDAYS[stem]
        if stem == lx.FRIDAY and (
            self.w(i - 1) in NOT_A_DAY_BEFORE or self.w(k + 1) in lx.GOOD_FRIDAY_WORDS
        ):
            return None
        k += 1
        if self._after_next(k) and self.ref is not None:
            # "الأربعاء بعد القادم": a week after the next one
            day = resolve_weekday(self.ref, weekday, "next") + timedelta(weeks=1)
            return k + 2, self._day(day, True)
        relation, k = self.relation_at(k)
        # "يوم الأحد 20 تموز": the date names the same day.
        if _is_digits(self.w(k)) or self.w(k) in ("،", ","):
            start = k + 1 if self.w(k) in ("،", ",") else k
            dated = self.day_month(start) or self.numeric_date(start)
            if dated is not None and dated[1].grain == "day":
                return dated
            if relation is None and start == k:
                numbered = self._weekday_number(k, weekday)
                if numbered is not None:
                    return numbered
        if relation is None and self.w(k) == lx.FROM_WORD:
            in_week = self._weekday_in_week(k + 1, weekday)
            if in_week is not None:
                return in_week
        if self.ref is None:
            return k, self._unresolved(grain="day")
        if relation == "next":
            direction = "next"
        elif relation == "previous":
            direction = "previous"
        else:
            direction = "future" if self.future(i) else "past"
        return k, self._day(resolve_weekday(self.ref, weekday, direction), True)

    def _weekday_number(self, k: int, weekday: int) -> tuple[int, Sem] | None:
        """ "الجمعة 15": the 15th of the month nearest the reference date that falls on a Friday."""
        found = self.day_number(k)
        if found is None or self.counted(found[1]) or self.w(found[1]) in ("/", "-", ".", ":"):
            return None
        day, end = found
        ref = self.ref
        if ref is None:
            return end, self._unresolved(grain="day")
        candidates = []
        for shift in range(-6, 7):
            y, m = add_months(ref.year, ref.month, shift)
            found_day = valid_day(y, m, day)
            if found_day is not None and found_day.weekday() == weekday:
                candidates.append(found_day)
        if not candidates:
            return None
        best = min(candidates, key=lambda d: abs((d - ref).days))
        return end, self._day(best, True)

    def _day_of_month(self, k: int) -> tuple[int, Sem] | None:
        """A day number with no month ("يوم 15"): that day in the month putting it nearest."""
        found = self.day_number(k)
        if found is None or self.counted(found[1]) or self.w(found[1]) in mk.GREGORIAN_ERA:
            return None
        day, end = found
        if self.w(end) in lx.ANOTHER_MONTH_AFTER or self.w(end) == "-":
            return None  # "يوم 19 من نفس الشهر", "يوم 14 أو 15 أفريل": another month
        ref = self.ref
        if ref is None:
            return end, self._unresolved(grain="day")
        candidates = [
            d
            for shift in (-1, 0, 1)
            if (d := valid_day(*add_months(ref.year, ref.month, shift), day))
        ]
        if not candidates:
            return None
        return end, self._day(min(candidates, key=lambda d: abs((d - ref).days)), True)

    def _weekday_in_week(self, k: int, weekday: int) -> tuple[int, Sem] | None:
        """ "يوم الجمعة من الأسبوع المقبل": that weekday of the named ISO week."""
        stem = self.stem(k)[0]
        relation: str | None
        if stem in mk.DEMONSTRATIVES and self.w(k + 1) == mk.WEEK_NOUN:
            relation, end = "current", k + 2
        elif stem == mk.WEEK_NOUN:
            relation, end = self.relation_at(k + 1)
            if relation is None:
                return None
        else:
            return None
        if self.ref is None:
            return end, self._unresolved(grain="day")
        shift = {"next": 1, "previous": -1, "current": 0}[relation]
        monday = iso_week_bounds(self.ref + timedelta(weeks=shift))[0]
        return end, self._day(monday + timedelta(days=weekday), True)

    def day_anchor(self, k: int) -> tuple[int, Sem] | None:
        """The day after a part-of-day noun: اليوم، أمس، الغد، [يوم] الأحد، 9 أوت."""
        stem, _ = self.stem(k)
        if stem not in KNOWN:
            stem = self.mend(k, _WEEKDAY_TYPOS) or stem  # «مساء الجمعو»
        if stem in mk.RELATIVE_DAYS or stem == lx.FIRST_BARE:
            return self.relative_day(k, stem)
        if stem == mk.TOMORROW_BARE:
            if self.ref is None:
                return k + 1, self._unresolved(grain="day")
            return k + 1, self._day(self.ref + timedelta(days=1), True)
        if stem in WEEKDAYS or (stem == mk.DAY_NOUN and self.stem(k + 1)[0] in WEEKDAYS):
            return self.weekday(k, stem)
        found = self.day_month(k) or self.numeric_date(k) if _is_digits(self.w(k)) else None
        if found is None and self.ordinal(k):
            found = self.day_month(k)
        return found

    def part_of_day(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """صباح اليوم، مساء أمس، بعد ظهر الأحد، ليلة السبت، الليلة، الليلة الماضية."""
        k = i + 1
        if stem == mk.TONIGHT:
            relation, k2 = self.relation_at(k)
            offset = -1 if relation == "previous" else 0
            if relation is None and self.day_anchor(k) is None:
                if self.ref is None:
                    return k, self._unresolved("TIME", "part")
                day = self.ref
                return k, Sem("TIME", f"{day_value(day)}TNI", day, day, True, grain="part")
            if relation is not None:
                if self.ref is None:
                    return k2, self._unresolved("TIME", "part")
                day = self.ref + timedelta(days=offset)
                return k2, Sem("TIME", f"{day_value(day)}TNI", day, day, True, grain="part")
            part = "NI"
        elif stem == mk.AFTER_WORD and self.w(k) in mk.NOON_WORDS | {lx.NOON_BARE}:
            part, k = "AF", k + 1
        elif stem in mk.PART_OF_DAY_NOUNS:
            part = mk.PART_OF_DAY_NOUNS[stem]
        else:
            return None
        if self.w(k) == mk.DAY_NOUN and self.stem(k + 1)[0] not in WEEKDAYS:
            k += 1  # "صباح يوم 9 أوت"
        anchor = self.day_anchor(k)
        if anchor is None:
            return None
        end, day_sem = anchor
        if day_sem.grain != "day":
            return None
        if day_sem.first is None:
            return end, Sem("TIME", None, grain="part", anchored=day_sem.anchored)
        day = day_sem.first
        value = f"{day_value(day)}T{part}"
        return end, Sem("TIME", value, day, day, day_sem.anchored, grain="part")

    # ------------------------------------------------------------------ clocks

    def clock(
        self, i: int, stem: str, bare: bool = False, ranged: bool = True
    ) -> tuple[int, Sem] | None:
        """الساعة العاشرة صباحاً، الساعة 19:00، الثامنة والنصف مساءً، 8:30 مساءً، 20:45.

        Without الساعة, an hour needs a cue after it (a part of the day, minutes, a
        fraction, a time zone) unless ``bare`` (the second end of a range).
        """
        k = i
        hour_noun = stem == mk.HOUR_NOUN
        if hour_noun:
            k += 1
        hour: int | None = None
        minute = 0
        digits = False
        if _is_digits(self.w(k)):
            value = int(self.w(k)) if len(self.w(k)) <= 2 else None
            if value is None or value > 24:
                return None
            if i > 1 and self.w(i - 1) in (".", ":", ",", "-") and self.adjacent(i - 1):
                return None  # the minutes of "04.00" or a score "3-1", not an hour
            if not hour_noun and self.adjacent(k) and self.w(k + 1) == "-":
                return None
            hour, k = value, k + 1
            separators = (":", ".", ",")
            if (
                self.w(k) in separators
                and self.adjacent(k - 1)
                and self.adjacent(k)
                and _is_digits(self.w(k + 1))
                and len(self.w(k + 1)) == 2
            ):
                dotted = self.w(k) != ":"
                minute, k = int(self.w(k + 1)), k + 2
                if minute > 59:
                    return None
                # "04.00" is a clock time only after الساعة or before a cue (17.50 is a number).
                digits = not dotted or hour_noun
        else:
            found = self.ordinal(k)
            if found is not None and not hour_noun and not self.stem(k)[0].endswith("ه"):
                found = None  # a bare hour is feminine: الثامنة, not الثامن
            if found is None and self.stem(k)[0] == _ONE_OCLOCK:
                found = (1, k + 1)  # "الواحدة ظهراً"
            if found is None or found[0] > 12:
                if not hour_noun:
                    return None
                cardinal = self.cardinal(k)
                if cardinal is None or cardinal[0] is None or not 1 <= cardinal[0] <= 12:
                    return None
                found = (cardinal[0], cardinal[1])
            hour, k = found
        k, minute, hour, cued = self._clock_minutes(k, hour, minute)
        part, k2 = self._clock_part(k)
        if part is None and _is_digits(self.w(k - 1)) and self.w(k) in _AM_PM:
            part, k2 = _AM_PM[self.w(k)], k + 1  # "8:30 م", "الساعة 9 ص"
        if part is not None:
            cued, k = True, k2
        zone = self._time_zone(k)
        if zone:
            cued, k = True, zone
        if not (hour_noun or digits or cued or bare) and ranged and self.w(k) in _CONNECTORS:
            # "من 9 إلى 11 صباحاً": the second hour's part of day makes both clock times.
            nxt = k + 1
            second = self.clock(nxt, self.stem(nxt)[0], ranged=False)
            cued = second is not None and second[1].part is not None
        if not (hour_noun or digits or cued or bare) and (
            self.w(i - 1) not in lx.CLOCK_LEAD_WORDS or _is_digits(self.w(i))
        ):
            return None
        if not hour_noun and not digits and (hour > 12 or hour == 0) and part is not None:
            return None
        if not hour_noun and not _is_digits(self.w(i)) and not bare:
            before = self.w(i - 1)
            if before.startswith(("ال", "وال", "بال", "فال", "لل")) and before not in KNOWN:
                return None  # "الجولة الثامنة مساء السبت": an ordinal of a noun, not an hour
        if digits and not hour_noun and not (cued or bare) and self.w(i - 1) == "-":
            return None
        sem = Sem("TIME", None, grain="clock", clock=(_apply_part(hour, part) % 24, minute))
        sem.part = part
        sem.hour12 = hour
        return k, sem

    def midnight(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """ "منتصف الليل" (00:00) and "منتصف النهار" (12:00), on the day they are anchored to."""
        if stem != _MIDDLE:
            return None
        hour = lx.MIDDLE_OF.get(self.w(i + 1))
        if hour is None:
            return None
        sem = Sem("TIME", None, grain="clock", clock=(hour, 0))
        sem.hour12 = hour
        return i + 2, sem

    def _clock_minutes(self, k: int, hour: int, minute: int) -> tuple[int, int, int, bool]:
        """Minutes after the hour: والنصف، وربع، إلا ربعاً، وسبع دقائق، و25 دقيقة, إلا عشر دقائق."""
        word = self.w(k)
        if word in mk.CLOCK_FRACTIONS:
            return k + 1, mk.CLOCK_FRACTIONS[word], hour, True
        if word in mk.EXCEPT_WORDS:
            nxt = self.w(k + 1)
            if nxt in mk.QUARTER_WORDS:
                return k + 2, 45, (hour - 1) % 24, True
            if nxt in lx.CLOCK_THIRD:
                return k + 2, 40, (hour - 1) % 24, True
            number = self.cardinal(k + 1)
            if number and number[0] and number[0] < 60 and self.w(number[1]) in lx.MINUTE_UNITS:
                return number[1] + 1, 60 - number[0], (hour - 1) % 24, True
            if self.w(k + 1) in lx.MINUTE_DUALS:
                return k + 2, 58, (hour - 1) % 24, True
            return k, minute, hour, False
        if word == "و" and _is_digits(self.w(k + 1)) and self.w(k + 2) in lx.MINUTE_UNITS:
            return k + 3, int(self.w(k + 1)) % 60, hour, True
        if word in lx.SPOKEN_FRACTIONS:
            return k + 1, lx.SPOKEN_FRACTIONS[word], hour, True  # "ونص"
        if word == "و" and self.w(k + 1) in lx.SPACED_FRACTIONS:
            return k + 2, lx.SPACED_FRACTIONS[self.w(k + 1)], hour, True  # "و نصف"
        if word == "و" and not _is_digits(self.w(k + 1)):
            number = self.cardinal(k + 1)
            if number and number[0] and number[0] < 60 and self.w(number[1]) in lx.MINUTE_UNITS:
                return number[1] + 1, number[0], hour, True  # "و خمسة عشر دقيقة"
        if word in lx.MINUTE_DUALS:
            return k + 1, 2, hour, True
        if word[:1] == "و" and len(word) > 1:
            if word in lx.MINUTE_SINGULARS:
                return k + 1, 1, hour, True
            number = self.cardinal(k)
            if number and number[0] and number[0] < 60:
                if self.w(number[1]) in lx.MINUTE_UNITS:
                    return number[1] + 1, number[0], hour, True
                if number[0] in lx.BARE_MINUTE_VALUES and self.w(number[1]) in (
                    mk.PART_OF_DAY_ADVERBS.keys() | lx.CLOCK_PART_HEADS
                ):
                    return number[1], number[0], hour, True  # "الخامسة وعشرين مساءً"
        return k, minute, hour, False

    def _clock_part(self, k: int) -> tuple[str | None, int]:
        """The part of day after a clock: صباحاً، بعد الظهر، بعد صلاة المغرب، من صباح (left out)."""
        word = self.w(k)
        if word in mk.PART_OF_DAY_ADVERBS:
            # "مساء اليوم" after the clock is its day, a separate expression.
            if self.day_anchor(k + 1) is None:
                return mk.PART_OF_DAY_ADVERBS[word], k + 1
            return mk.PART_OF_DAY_ADVERBS[word], k
        if word in lx.CLOCK_PART_HEADS:
            for length in (3, 2, 1):
                key = tuple(self.words[k : k + length])
                part = lx.CLOCK_PART_PHRASES.get(key)
                if part is not None and len(key) == length:
                    if length == 1 and self.day_anchor(k + 1) is not None:
                        return part, k
                    return part, k + length
        if word == lx.FROM_WORD and self.w(k + 1) in mk.PART_OF_DAY_NOUNS:
            return mk.PART_OF_DAY_NOUNS[self.w(k + 1)], k
        if word in mk.PART_OF_DAY_NOUNS and self.day_anchor(k + 1) is not None:
            return mk.PART_OF_DAY_NOUNS[word], k  # "الثامنة صباح اليوم": the day is its own
        return None, k

    def _time_zone(self, k: int) -> int | None:
        """ "بتوقيت غرينتش", "بالتوقيت المحلي", "بتوقيت مكة المكرمة": end of the zone, kept in."""
        word = self.w(k)
        if word == "(" and self.w(k + 1) in lx.TIME_ZONE_WORDS:
            end = self._time_zone(k + 1)
            if end is not None and self.w(end) == ")":
                return end + 1
            return None
        if word not in lx.TIME_ZONE_WORDS:
            if word in ("GMT", "UTC") or word in lx.GREENWICH_WORDS:
                return k + 1
            if word == "ت" and self.w(k + 1) == "غ":
                return k + 2  # "ت غ": توقيت غرينتش
            if word == "ت" and self.w(k + 1) == "." and self.w(k + 2) == "غ":
                return k + 3
            return None
        nxt = self.w(k + 1)
        if not nxt or _is_digits(nxt) or nxt in mk.SENTENCE_ENDS or not nxt.isalpha():
            return None
        if nxt == lx.LOCAL_WORD:
            return None  # "بالتوقيت المحلي" names no zone; the guidelines leave it out
        if nxt in lx.TIME_ZONE_SECOND and self.w(k) in lx.ZONE_LEAD_WORDS:
            return k + 2
        end = k + 2
        if self.w(end) in lx.TIME_ZONE_SECOND:
            end += 1
        return end

    # ------------------------------------------------------------------- years

    def year_expression(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """عام 2015، سنة 1966، عامي 2015 (و2018)، 1446 هـ، العام الماضي."""
        if stem in mk.DEFINITE_YEAR_NOUNS:
            relation, k = self.relation_at(i + 1)
            if relation:
                return k, self._relative_year(relation)
        if stem in mk.YEAR_NOUNS and _is_digits(self.w(i + 1)):
            found = self.year_number(i + 1)
            if found is None:
                return None
            return found[2], self._year_sem(found)
        if stem in mk.YEAR_NOUNS and self.w(i + 1) in lx.THOUSANDS_WORDS:
            return self._year_in_words(i + 1)
        return None

    def _year_in_words(self, k: int) -> tuple[int, Sem] | None:
        """ "ألفين وعشرين" (2020), "ألف وتسعمائة وتسعين" (1990) after عام/سنة."""
        year = lx.THOUSANDS_WORDS[self.w(k)]
        k += 1
        if self.w(k) in lx.HUNDREDS_COMPOUNDS:
            year += lx.HUNDREDS_COMPOUNDS[self.w(k)]
            k += 1
        if self.w(k)[:1] == "و" and self.stem(k)[1] == 1:
            number = self.cardinal(k)
            if number is not None and number[0] is not None and number[0] < 100:
                year, k = year + number[0], number[1]
        if not 1000 < year <= 2100:
            return None
        return k, self._year(year, False)

    def _year_sem(self, found: tuple[int, bool | None, int]) -> Sem:
        year, hijri, _ = found
        if hijri:
            bounds = hijri_year_bounds(year)
            first, last = bounds if bounds else (None, None)
            return Sem("DATE", f"H{year:04d}", first, last, False, grain="year")
        return self._year(year, False)

    def _relative_year(self, relation: str, mod: str | None = None) -> Sem:
        if self.ref is None:
            return self._unresolved(grain="year")
        shift = {"next": 1, "previous": -1, "current": 0}[relation]
        return self._year(self.ref.year + shift, True)

    def bare_year(self, i: int) -> tuple[int, Sem] | None:
        """A four-digit year with no noun before it, when the words around say it is one."""
        found = self.year_number(i)
        if found is None:
            return None
        year, era, k = found
        if era is False and year < 1000 and self.w(k - 1) == lx.M_ABBREVIATION:
            return None  # "سباق 100 م": metres; a year this early says "ميلادي" or "عام"
        if era is None:
            before = self.w(i - 1)
            if before not in mk.YEAR_CONTEXT_BEFORE and len(before) > 1 and before[0] in "وف":
                before = before[1:]  # "وبـ2016", "وفي 2016"
            # "فيلم «تايتانيك» (1997)", but "عدد الضحايا (2000)" is a count
            bracketed = (
                before == "("
                and self.w(k) == ")"
                and not any(self.stem(j)[0] in lx.AMOUNT_WORDS for j in (i - 2, i - 3))
            )
            if (
                before not in mk.YEAR_CONTEXT_BEFORE
                and self.stem(i - 1)[0] not in mk.MOD_WORDS
                and before not in lx.YEAR_EVENT_NOUNS
                and self.stem(i - 1)[0] not in lx.YEAR_EVENT_NOUNS
                and not bracketed
            ):
                return None
            if not 1900 <= year <= 2100:
                return None
            if self.counted(k):
                return None
            if (self.w(k) in lx.YEAR_RANGE_CONNECTORS or self.w(k) == "-") and _is_digits(
                self.w(k + 1)
            ):
                # "بين 2000 و2500 مسافر": the second number shows what both count.
                second = self.plain_int(k + 1)
                if second is None or not 1000 <= second <= 2100 or self.counted(k + 2):
                    return None
        return k, self._year_sem(found)

    def counted(self, k: int) -> bool:
        """Does the word at k show that the number before it counts or measures things?"""
        after = self.w(k)
        if after in mk.NOT_YEAR_AFTER or after in lx.COUNTED_NOUNS or after in ("%", "٪"):
            return True
        if self.stem(k)[0] in UNIT_FORMS:
            return True
        if after == "." and _is_digits(self.w(k + 1)):
            return True
        # An indefinite accusative noun ("قتيلاً", "مسافراً") is the counted thing.
        return (
            len(after) >= 4
            and after.endswith("ا")
            and not after.startswith("ال")
            and after not in lx.YEAR_ADVERBS
            and after not in KNOWN
        )

    # ----------------------------------------------------- named relative periods

    def relative_period(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """الشهر المقبل، الأسبوع الماضي، هذا العام، هذا الأسبوع."""
        k = i
        relation: str | None = None
        if stem in mk.DEMONSTRATIVES:
            k += 1
            stem = self.w(k)
            relation = "current"
            part = lx.THIS_PART_OF_DAY.get(stem)
            if part is not None:
                # "هذا المساء", "هذا الصباح": that part of the reference day
                if self.ref is None:
                    return k + 1, self._unresolved("TIME", "part")
                day = self.ref
                return k + 1, Sem("TIME", f"{day_value(day)}T{part}", day, day, True, grain="part")
            if stem in mk.SEASONS and stem.startswith("ال"):
                # "هذا الصيف": the season of the reference year
                if self.ref is None:
                    return k + 1, self._unresolved(grain="season")
                season = mk.SEASONS[stem]
                year = _season_year(self.ref, season, "current")
                first, last = season_bounds(year, season)
                return k + 1, Sem("DATE", f"{year:04d}-{season}", first, last, True, grain="season")
        if stem not in (mk.MONTH_NOUN, mk.WEEK_NOUN, *mk.DEFINITE_YEAR_NOUNS, mk.CENTURY_NOUN):
            return None
        k += 1
        if relation is None:
            if self._after_next(k):
                return k + 2, self.period_of(stem, "after_next")  # "الأسبوع بعد المقبل"
            relation, k = self.relation_at(k)
            if relation is None:
                return None
        return k, self.period_of(stem, relation)

    def _after_next(self, k: int) -> bool:
        """ "بعد المقبل" / "بعد القادم" at token k: the one after the next."""
        return self.w(k) == mk.AFTER_WORD and self.w(k + 1) in mk.NEXT_MARKERS

    def period_of(self, noun: str, relation: str) -> Sem:
        """The month/week/year/century named by ``noun`` with ``relation`` to the reference."""
        ref = self.ref
        grain = {mk.MONTH_NOUN: "month", mk.WEEK_NOUN: "week", mk.CENTURY_NOUN: "century"}.get(
            noun, "year"
        )
        if ref is None:
            return self._unresolved(grain=grain)
        shift = {"next": 1, "previous": -1, "current": 0, "after_next": 2}[relation]
        if grain == "month":
            y, m = add_months(ref.year, ref.month, shift)
            return self._month(y, m, True)
        if grain == "week":
            return self._week(ref + timedelta(weeks=shift))
        if grain == "century":
            century = (ref.year // 100) + shift
            first, last = century_bounds(century)
            return Sem("DATE", f"{century:02d}", first, last, True, grain="century")
        return self._year(ref.year + shift, True)

    # -------------------------------------------------- seasons, quarters, eras

    def year_reference(self, k: int) -> tuple[int, int | None, bool] | None:
        """A year after من: "عام 2019", "2019", "العام الجاري", "هذا العام".

        Returns (next token, year or None when unresolved, anchored).
        """
        stem, _ = self.stem(k)
        if stem in mk.YEAR_NOUNS and _is_digits(self.w(k + 1)):
            found = self.year_number(k + 1)
            return (found[2], found[0], False) if found else None
        if _is_digits(self.w(k)):
            found = self.year_number(k)
            return (found[2], found[0], False) if found else None
        if stem in mk.DEFINITE_YEAR_NOUNS:
            relation, k2 = self.relation_at(k + 1)
            if relation:
                shift = {"next": 1, "previous": -1, "current": 0}[relation]
                return k2, (self.ref.year + shift if self.ref else None), True
        if stem in mk.DEMONSTRATIVES and self.w(k + 1) in mk.DEFINITE_YEAR_NOUNS:
            return k + 2, (self.ref.year if self.ref else None), True
        same = self.same_period_at(k, stem)
        if same is not None and same[1] in mk.DEFINITE_YEAR_NOUNS:
            # «يونيو من ذات العام»: the year named before
            named = self.named_before(k, "year")
            if named is not None:
                return same[0], int(named), False
            return same[0], (self.ref.year if self.ref else None), True
        if stem in mk.DEFINITE_YEAR_NOUNS and self.w(k - 1) == lx.FROM_WORD:
            return k + 1, (self.ref.year if self.ref else None), True  # "الربع الأول من العام"
        return None

    def same_period_at(self, i: int, stem: str) -> tuple[int, str] | None:
        """(next token, noun) for «ذات العام», «نفس الشهر», «العام نفسه», «الشهر ذاته»."""
        if stem in lx.SAME_BEFORE_WORDS and self.w(i + 1) in _SAME_PERIOD_NOUNS:
            return i + 2, self.w(i + 1)
        if stem in _SAME_PERIOD_NOUNS and self.w(i + 1) in lx.SAME_WORDS:
            return i + 2, stem
        return None

    def same_period(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """«في ذات العام», «خلال الشهر نفسه»: the year or month of the date named before."""
        same = self.same_period_at(i, stem)
        if same is None:
            return None
        end, noun = same
        grain = "month" if noun == mk.MONTH_NOUN else "year"
        named = self.named_before(i, grain)
        if named is None:
            return None  # nothing named before it to refer back to
        if grain == "year":
            return end, self._year(int(named), False)
        return end, self._month(int(named[:4]), int(named[5:7]), False)

    def season(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """صيف 2026، ربيع العام المقبل، الصيف الماضي."""
        if stem not in mk.SEASONS:
            return None
        season = mk.SEASONS[stem]
        k = i + 1
        if self.w(k) == lx.FROM_WORD and not _is_digits(self.w(k + 1)):
            k += 1  # "الخريف من هذا العام"
        year_ref = self.year_reference(k)
        if year_ref is None and stem.startswith("ال"):
            relation, k2 = self.relation_at(k)
            if relation is None:
                if self.w(k) in mk.DEMONSTRATIVES:
                    return None
                return None
            if self.ref is None:
                return k2, self._unresolved(grain="season")
            year_ref = (k2, _season_year(self.ref, season, relation), True)
        if year_ref is None:
            return None
        end, year, anchored = year_ref
        if year is None:
            return end, self._unresolved(grain="season")
        first, last = season_bounds(year, season)
        return end, Sem("DATE", f"{year:04d}-{season}", first, last, anchored, grain="season")

    def quarter(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """الربع الثاني من عام 2019، النصف الأول من العام الجاري."""
        if stem not in (mk.QUARTER_NOUN, mk.HALF_NOUN):
            return None
        found = self.ordinal(i + 1)
        word = self.w(i + 1)
        if found is None:
            if word in lx.LAST_WORDS:
                found = (4 if stem == mk.QUARTER_NOUN else 2, i + 2)
            else:
                return None
        number, k = found
        limit = 4 if stem == mk.QUARTER_NOUN else 2
        if not 1 <= number <= limit:
            return None
        if self.w(k) == lx.FROM_WORD:
            k += 1
        year_ref = self.year_reference(k)
        if year_ref is None:
            return None
        end, year, anchored = year_ref
        if year is None:
            return end, self._unresolved(grain="quarter")
        if stem == mk.QUARTER_NOUN:
            first, last = quarter_bounds(year, number)
            return end, Sem("DATE", f"{year:04d}-Q{number}", first, last, anchored, grain="quarter")
        first, last = half_bounds(year, number)
        return end, Sem("DATE", f"{year:04d}-H{number}", first, last, anchored, grain="half")

    def decade(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """الثمانينيات، عشرينيات القرن الماضي."""
        if stem not in DECADE_WORDS:
            return None
        tens = DECADE_WORDS[stem]
        century = 19
        anchored = False
        k = i + 1
        if self.w(k) == lx.FROM_WORD:
            k += 1
            if self.w(k).startswith(lx.AGE_NOUN_FORMS):
                return None  # «العشرينات من عمره»: an age, not a decade
        if self.w(k) == mk.CENTURY_NOUN:
            found = self.century(k, mk.CENTURY_NOUN)
            if found and found[1].value and found[1].value.isdigit():
                century = int(found[1].value)
                anchored = found[1].anchored
                k = found[0]
            else:
                k = i + 1
        else:
            k = i + 1
        decade = century * 10 + tens
        first, last = decade_bounds(decade)
        return k, Sem("DATE", f"{decade:03d}", first, last, anchored, grain="decade")

    def century(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """القرن التاسع عشر، القرن الحادي والعشرين، القرن الماضي."""
        if stem != mk.CENTURY_NOUN:
            return None
        if self.w(i - 1) in lx.NOT_CENTURY_BEFORE:
            return None  # "فوكس القرن الحادي والعشرين" is a company
        relation, k = self.relation_at(i + 1)
        if relation:
            return k, self.period_of(mk.CENTURY_NOUN, relation)
        found = self.ordinal(i + 1)
        k = i + 1
        if self.w(k) == "ال" and _is_digits(self.w(k + 1)):
            k += 1  # "القرن الـ21"
        if found is None and _is_digits(self.w(k)) and len(self.w(k)) <= 2:
            found = (int(self.w(k)), k + 1)  # "القرن 21"
        if found is None:
            return None
        number, k = found
        if not 1 <= number <= 30:
            return None
        if self.w(k) in lx.AD_WORDS:
            k += 1
        first, last = century_bounds(number - 1)
        return k, Sem("DATE", f"{number - 1:02d}", first, last, False, grain="century")

    # ---------------------------------------------------------------- durations

    def duration(self, i: int) -> tuple[int, int | None, str] | None:
        """A length of time at token i -> (next, count or None for "some", unit)."""
        stem, _ = self.stem(i)
        form = UNIT_FORMS.get(stem)
        if form is not None:
            unit, implied = form
            if implied == 2:
                return i + 1, 2, unit
            if implied == 1 and self.w(i + 1) in lx.ONE_WORDS:
                return i + 2, 1, unit
            if stem in _ACCUSATIVE_SINGULARS and not (
                stem == lx.DAY_ACCUSATIVE and self.w(i + 1) == lx.WHAT_WORD
            ):
                return i + 1, 1, unit  # "تأجيلها أسبوعاً": one week
            lead = self.stem(i - 1)[0]
            nxt = self.w(i + 1)
            if (
                implied == 1
                and (
                    lead in _DURATION_WORDS
                    or lead in mk.APPROX_WORDS
                    or lead in lx.DURATION_LEAD_WORDS
                )
                and not _is_digits(nxt)
                and not nxt.startswith("ال")  # "خلال يوم الأرض", "خلال أسبوع الموضة": names
                and nxt not in (mk.DAY_NOUN, lx.FROM_WORD)
                and self.stem(i + 1)[0] not in WEEKDAYS
                and self.month_name(i + 1) is None
            ):
                return i + 1, 1, unit  # "لمدة عام", "نحو ساعة", "خلال أسبوع"
            if stem in lx.VAGUE_PLURAL_UNITS and not nxt.startswith("ال"):
                # "لأيام", "خلال أسابيع", "استمر سنوات", "أيام قليلة": an unknown number
                if nxt in lx.VAGUE_PLURAL_ADJECTIVES:
                    return i + 2, None, unit
                if lead in lx.DURATION_LEAD_WORDS or (
                    self.w(i - 1).startswith("ال") and self.stem(i - 2)[0] in lx.DURATION_LEAD_WORDS
                ):
                    return i + 1, None, unit  # "استمر (الحصار) سنوات"
                if (
                    self.stem(i)[1]
                    and self.w(i)[:1] in "لب"
                    and (not nxt[:1].isalpha() or nxt in _AFTER_VAGUE_PLURAL)
                ):
                    return i + 1, None, unit  # "لأيام،", but "لأيام قرطاج" is a festival
            return None
        if stem in DEFINITE_PLURAL_UNITS:
            unit = DEFINITE_PLURAL_UNITS[stem]
            k = i + 1
            count: int | None = 2 if stem in DEFINITE_DUALS else None
            number = self.cardinal(k)
            if number is not None and number[0] is not None and count is None:
                count, k = number[0], number[1]
            if self.w(k) not in mk.SPAN_MARKERS:
                return None
            k += 1
            if self.w(k) in mk.SPAN_MARKERS:
                k += 1
            return k, count, unit
        if stem == "ال" and _is_digits(self.w(i + 1)):  # الـ24 ساعة الماضية
            found = self.duration(i + 1)
            if found and self.w(found[0]) in mk.SPAN_MARKERS:
                return found[0] + 1, found[1], found[2]
            return None
        number = self.cardinal(i)
        if number is None:
            return None
        count, k = number
        if count is not None and (count == 0 or count > 1000):
            return None
        unit_stem = self.w(k)
        form = UNIT_FORMS.get(unit_stem)
        if form is None or form[1] == 2:
            return None
        if form[0] == "DE" and unit_stem == lx.DECADE_BARE and (count or 0) < 11:
            return None  # "ثلاثة عقد" is not Arabic; عقد here is "contract"
        return k + 1, count, form[0]

    def _half_after(self, k: int) -> int:
        """Past "ونصف" / "وربع" at k and the unit it repeats ("ونصف الساعة"), if there."""
        if self.w(k) not in lx.AND_HALF and self.w(k) not in lx.AND_QUARTER:
            return k
        nxt = self.w(k + 1)
        if nxt.startswith("ال") and nxt[2:] in UNIT_FORMS and UNIT_FORMS[nxt[2:]][1] == 1:
            return k + 2
        return k + 1

    def duration_sem(self, count: int | None, unit: str) -> Sem:
        if unit in _TIME_UNITS:
            value = f"PT{'X' if count is None else count}{_TIME_UNITS[unit]}"
        else:
            value = f"P{'X' if count is None else count}{unit}"
        return Sem("DURATION", value, grain="duration")

    def offset(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """Rule 6: منذ/قبل ثلاثة أيام (ago), بعد أسبوع (in); the preposition stays in the span."""
        if stem not in (mk.SINCE_WORD, mk.BEFORE_WORD, mk.AFTER_WORD):
            return None
        k = i + 1
        approx = self.w(k) in mk.APPROX_WORDS
        if approx:
            k += 1  # "قبل نحو عامين"
        found = self.duration(k)
        if found is None:
            form = UNIT_FORMS.get(self.stem(k)[0])
            if form is None:
                return None
            unit, implied = form
            if implied == 1:
                nxt = self.w(k + 1)
                if (
                    _is_digits(nxt)
                    or nxt in mk.NEXT_MARKERS | mk.PREVIOUS_MARKERS | mk.CURRENT_MARKERS
                    or self.month_name(k + 1)
                    or nxt in WEEKDAYS
                ):
                    return None
                found = (k + 1, 1, unit)
            elif implied is None and self.stem(k)[0] in lx.PLURAL_UNITS:
                found = (k + 1, None, unit)
            else:
                return None
        end, count, unit = found
        end = self._half_after(end)  # "بعد ساعة ونصف الساعة من الانقطاع"
        from_now = self.w(end) == lx.FROM_WORD and self.stem(end + 1)[0] in _NOW_WORDS
        if from_now:
            end += 2  # "بعد أسبوعين من الآن": from today, so still an offset
        elif self.w(end) in lx.RELATIVE_TO_EVENT and stem != mk.SINCE_WORD:
            return None  # "قبل ثلاثة أيام من الانتخابات": relative to an event, not to today
        in_years = unit in ("Y", "DE", "CE")
        if stem == mk.AFTER_WORD and in_years and not from_now and not self.future(i):
            # "رحل بعد 22 عاماً قضاها": years later in a story, not years from today;
            # the count stays a duration.
            return None
        sign = 1 if stem == mk.AFTER_WORD else -1
        if count is None:
            return end, Sem("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", grain="vague")
        if self.ref is None:
            return end, self._unresolved(grain="day")
        value, first, last = shift_by_unit(self.ref, sign * count, unit)
        grain = {"D": "day", "H": "day", "MIN": "day", "S": "day", "W": "week", "M": "month"}
        return end, Sem(
            "DATE",
            value,
            first,
            last,
            True,
            grain=grain.get(unit, "year"),
            mod="APPROX" if approx else None,
        )

    def recurrence(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """يومياً، كل أسبوع، كل أربع سنوات."""
        if stem in mk.SET_ADVERBS:
            return i + 1, Sem("SET", mk.SET_ADVERBS[stem], grain="set")
        if stem != mk.EVERY_WORD:
            return None
        k = i + 1
        form = UNIT_FORMS.get(self.w(k))
        word = self.w(k)
        if (word in lx.BARE_WEEKDAYS and word not in lx.NOT_WEEKLY_WEEKDAYS) or word in WEEKDAYS:
            return k + 1, Sem("SET", "P1W", grain="set")  # "كل جمعة"
        if word in lx.DAILY_PARTS:
            return k + 1, Sem("SET", "P1D", grain="set")  # "كل ليلة", "كل صباح"
        if (word in mk.SEASONS and not word.startswith("ال")) or word in HIJRI_MONTHS:
            return k + 1, Sem("SET", "P1Y", grain="set")  # "كل صيف", "كل رمضان"
        if word in mk.MOD_WORDS and UNIT_FORMS.get(self.w(k + 1), ("", 0))[1] == 1:
            # "كل نهاية أسبوع", "كل بداية شهر": once a week, once a month
            return k + 2, Sem(
                "SET", self.duration_sem(1, UNIT_FORMS[self.w(k + 1)][0]).value, grain="set"
            )
        if form is not None and form[1] in (1, 2):
            unit, count = form[0], form[1]
            end = k + 1
            if unit == "D" and (self.stem(end)[0] in WEEKDAYS or self.w(end) in lx.BARE_WEEKDAYS):
                unit, count, end = "W", 1, end + 1  # "كل يوم اثنين": weekly
        else:
            found = self.duration(k)
            if found is None or found[1] is None:
                return None
            end, count, unit = found[0], found[1], found[2]
        value = self.duration_sem(count, unit).value
        return end, Sem("SET", value, grain="set")

    def frequency(self, i: int) -> tuple[int, Sem] | None:
        """ "مرتين في الأسبوع", "ثلاث مرات في الشهر", "مرة كل عامين", "أيام الاثنين"."""
        stem, _ = self.stem(i)
        if stem in lx.MANNER_HEADS:
            period = lx.PERIOD_ADJECTIVES.get(self.w(i + 1))
            return (i + 2, Sem("SET", period, grain="set")) if period else None
        if stem == lx.DAYS_PLURAL:
            if self.stem(i + 1)[0] in WEEKDAYS:
                return i + 2, Sem("SET", "P1W", grain="set")
            return None
        k = i
        if stem not in lx.TIMES_WORDS:
            if self.w(i + 1) not in lx.TIMES_WORDS and self.w(i + 2) not in lx.TIMES_WORDS:
                return None  # most numbers count other things: skip the number parse
            number = self.cardinal(i)
            if number is None or number[0] is None or self.w(number[1]) not in lx.TIMES_WORDS:
                return None
            k = number[1]
        k += 1
        if self.w(k) in lx.ONE_WORDS:
            k += 1
        word = self.w(k)
        if word in lx.PER_PERIODS and word.endswith("يا"):
            return k + 1, Sem("SET", lx.PER_PERIODS[word], grain="set")
        if word in (lx.IN_WORD, mk.EVERY_WORD) or word in lx.PER_PERIOD_WORDS:
            if word == mk.EVERY_WORD:
                found = self.recurrence(k, mk.EVERY_WORD)
                return (found[0], found[1]) if found else None
            period = self.w(k + 1) if word == lx.IN_WORD else "ال" + word[3:]
            if period in lx.PER_PERIODS:
                return k + (2 if word == lx.IN_WORD else 1), Sem(
                    "SET", lx.PER_PERIODS[period], grain="set"
                )
        return None

    def holiday(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """عيد الفطر، عيد الأضحى 2025، رمضان، اليوم الوطني السعودي: the day in the nearest
        year, or in the year written after it (Hijri or Gregorian)."""
        for key, (month, day), hijri in _HOLIDAY_INDEX.get((stem, self.w(i + 1)), ()):
            if any(self.w(i + 1 + n) != part for n, part in enumerate(key[1:])):
                continue
            k = i + len(key)
            if month == 0:
                nxt = self.w(k)
                if _is_digits(nxt) or (nxt[:1] == "ل" and nxt not in holidays.COUNTRY_DAYS):
                    return None  # "اليوم الوطني للصناعات الدفاعية": not a national holiday
                # "احتفلت تونس بعيد الاستقلال": a country named nearby says whose day it is.
                days = next(
                    (
                        holidays.COUNTRY_DAYS[self.w(j)]
                        for j in (k, k + 1, i - 1, i - 2, i - 3)
                        if self.w(j) in holidays.COUNTRY_DAYS
                    ),
                    None,
                )
                chosen = days[0 if key[-1] == lx.INDEPENDENCE_WORD else 1] if days else None
                if chosen is None:
                    return k, self._unresolved(grain="day")  # no country named
                month, day = chosen
                if self.w(k) in holidays.COUNTRY_DAYS and self.w(k)[:1] == "ل":
                    k += 1  # "العيد الوطني لقطر"
            if self.w(k) in lx.HOLIDAY_EPITHETS:
                k += 1
            year = self.year_after(k)
            if year is not None and hijri and year[1] is not False and 1300 <= year[0] <= 1600:
                found = hijri_to_gregorian(year[0], month, day)
                return year[2], self._day(found, False) or self._unresolved(grain="day")
            if year is not None and year[1] is not True and 1900 <= year[0] <= 2100:
                if hijri:
                    found = _hijri_day_in_year(year[0], month, day)
                else:
                    found = valid_day(year[0], month, day)
                return year[2], self._day(found, False) or self._unresolved(grain="day")
            if self.ref is None:
                return k, self._unresolved(grain="day")
            if hijri:
                found = nearest_hijri_day(self.ref, month, day)
            else:
                found = resolve_day_month(self.ref, day, month, None, self.future(i))
            return k, self._day(found, True) or self._unresolved(grain="day")
        return None

    def vague(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """مؤخراً، حالياً، الآن، قريباً، الآونة الأخيرة، الوقت الحالي."""
        if stem in mk.VAGUE_WORDS:
            return i + 1, Sem("DATE", mk.VAGUE_WORDS[stem], grain="vague")
        nxt = self.w(i + 1)
        if stem == lx.RECENT_TIMES_WORD and nxt == lx.LATEST_WORD:
            return i + 2, Sem("DATE", "PAST_REF", grain="vague")
        if stem == lx.TIME_WORD and nxt in lx.PRESENT_WORDS:
            return i + 2, Sem("DATE", "PRESENT_REF", grain="vague")
        return None

    # -------------------------------------------------------------- dispatching

    def core(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """The longest expression (without a leading modifier) starting at token i."""
        best: tuple[int, Sem] | None = None
        if i >= self.n:
            return None
        word = self.words[i]
        candidates: tuple[tuple[int, Sem] | None, ...]
        if _is_digits(word):
            candidates = (
                self.numeric_date(i), self.clock(i, ""), self.day_month(i),
                self._duration_at(i), self.bare_year(i), self.frequency(i),
            )  # fmt: skip
        else:
            # Only the parsers whose first word this is: most triggers have one.
            candidates = (
                self.relative_day(i, stem) if stem in mk.RELATIVE_DAYS
                or stem in (lx.FIRST_BARE, mk.AFTER_WORD) else None,
                self.weekday(i, stem) if stem in WEEKDAYS or stem in (mk.DAY_NOUN, mk.DAY_NOUN_DUAL)
                else None,
                self.part_of_day(i, stem) if stem in mk.PART_OF_DAY_NOUNS or stem in (
                    mk.TONIGHT, mk.AFTER_WORD) else None,
                self.midnight(i, stem) if stem == _MIDDLE else None,
                self.clock(i, stem) if stem == mk.HOUR_NOUN or stem == _ONE_OCLOCK
                or (stem in ORDINAL_WORDS and stem.endswith("ه")) else None,
                self.day_month(i) if stem in ORDINAL_WORDS or stem in ORDINAL_TENS_WORDS
                or stem == lx.FIRST_BARE or stem in lx.FIRST_DAY_WORDS else None,
                self.month_expression(i, None, self._month_context(i))
                if stem in _ALL_MONTH_WORDS or stem == mk.MONTH_NOUN_BARE else None,
                self.year_expression(i, stem) if stem in mk.YEAR_NOUNS else None,
                self.relative_period(i, stem) if stem in _PERIOD_HEADS else None,
                self.same_period(i, stem) if stem in _SAME_PERIOD_NOUNS
                or stem in lx.SAME_BEFORE_WORDS else None,
                self.season(i, stem) if stem in mk.SEASONS else None,
                self.quarter(i, stem) if stem in (mk.QUARTER_NOUN, mk.HALF_NOUN) else None,
                self.decade(i, stem) if stem in DECADE_WORDS else None,
                self.century(i, stem) if stem == mk.CENTURY_NOUN else None,
                self.offset(i, stem) if stem in _OFFSET_WORDS else None,
                self._duration_at(i) if stem in _DURATION_HEADS or stem in lx.FRACTION_WORDS
                else None,
                self.recurrence(i, stem) if stem in mk.SET_ADVERBS or stem == mk.EVERY_WORD
                else None,
                self.frequency(i) if stem in _FREQUENCY_HEADS else None,
                self.holiday(i, stem) if stem in mk.HOLIDAY_HEADS else None,
                self.vague(i, stem) if stem in _VAGUE_HEADS else None,
            )  # fmt: skip
        for found in candidates:
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return best

    def _month_context(self, i: int) -> bool:
        before = self.w(i - 1)
        return (
            before in lx.MONTH_NAME_BEFORE
            or self.stem(i - 1)[0] in mk.MOD_WORDS
            or (self.words[i][:1] in "بل" and self.stem(i)[1] == 1)
        )

    def _duration_at(self, i: int) -> tuple[int, Sem] | None:
        """A duration with its fractions and smaller units: ساعة ونصف، نصف ساعة، سنتين و3 أشهر."""
        stem = self.stem(i)[0]
        if stem in lx.FRACTION_WORDS:
            form = UNIT_FORMS.get(self.w(i + 1))
            if form is None or form[1] != 1:
                return None
            value = _compose([(lx.FRACTION_WORDS[stem], form[0])])
            return i + 2, Sem("DURATION", value, grain="duration")
        found = self.duration(i)
        if found is None:
            form = UNIT_FORMS.get(stem)
            # "سنة ونصف", "ساعة وربع": a singular unit with a fraction after it
            if form is None or form[1] != 1 or self.w(i + 1) not in lx.AND_HALF | lx.AND_QUARTER:
                return None
            found = (i + 1, 1, form[0])
        end, count, unit = found
        if count is None:
            return end, self.duration_sem(count, unit)
        parts: list[tuple[float, str]] = [(count, unit)]
        while len(parts) < 4:
            word = self.w(end)
            if word in lx.AND_HALF or word in lx.AND_QUARTER:
                fraction = 0.5 if word in lx.AND_HALF else 0.25
                parts.append((fraction, parts[-1][1]))
                end = self._half_after(end)
                break
            nxt = end + 1 if word == "و" else end
            if nxt == end and (word[:1] != "و" or self.stem(end)[1] != 1):
                break
            more = self.duration(nxt)
            if more is None or more[1] is None or _UNIT_ORDER[more[2]] <= _UNIT_ORDER[parts[-1][1]]:
                break
            parts.append((more[1], more[2]))
            end = more[0]
        if len(parts) == 1:
            return end, self.duration_sem(count, unit)
        return end, Sem("DURATION", _compose(parts), grain="duration")

    def modified(self, i: int, stem: str) -> tuple[int, Sem] | None:
        """MOD + period (نهاية آب، مطلع العام المقبل، منتصف 2027) or APPROX + duration/clock."""
        k = i + 1
        if stem in mk.APPROX_WORDS:
            stem2, _ = self.stem(k)
            found = self.core(k, stem2)
            if found is None or found[1].grain not in ("duration", "clock", "year"):
                return None
            found[1].mod = "APPROX"
            return found
        mod = mk.MOD_WORDS.get(stem)
        if mod is None:
            return None
        stem2, _ = self.stem(k)
        if (
            stem2 in (mk.MONTH_NOUN, mk.WEEK_NOUN, *mk.DEFINITE_YEAR_NOUNS, mk.CENTURY_NOUN)
            and self.relation_at(k + 1)[0] is None
            and self.w(k + 1) != lx.FROM_WORD
            and not _is_digits(self.w(k + 1))
        ):
            found = (k + 1, self.period_of(stem2, "current"))
        else:
            found = self.core(k, stem2)
            if found is None and stem2 == mk.MONTH_NOUN_BARE:
                found = self.month_expression(k, None, True)
            if found is None and _is_digits(self.w(k)):
                year = self.year_number(k)
                found = (year[2], self._year_sem(year)) if year else None
        if found is None:
            return None
        end, sem = found
        if sem.grain in ("duration", "set", "vague", "clock", "day", "part", ""):
            return None
        if stem in mk.WEAK_MOD_WORDS and sem.grain in ("day",):
            return None
        sem.mod = mod
        return end, sem

    def scan(self) -> list[RawMention]:
        """All expressions, left to right, non-overlapping."""
        out: list[RawMention] = self.found
        words, n = self.words, self.n
        stems = _STEMS
        i = 0
        while i < n:
            word = words[i]
            if "0" <= word[0] <= "9":
                stem, clitic = word, 0
                self.mend(i + 1, _MONTH_TYPOS)  # «3 ديسمير»
                if self._mend_before(i, out):
                    i -= 1  # «ديسمير 2017»: read again from the month
                    continue
            else:
                # Most words are not date words: one cached dict lookup rejects them.
                cached = stems.get(word)
                stem, clitic = cached if cached is not None else self.stem(i)
                if stem not in TRIGGERS:
                    i += 1
                    continue
                if stem in mk.YEAR_NOUNS and self._mend_before(i, out):
                    i -= 1  # «ديسمير عام 2017»
                    continue
            if stem is word or stem in (mk.DAY_NOUN, mk.DAY_NOUN_DUAL):
                ranged = self._day_range(i)
                if ranged:
                    out.extend(ranged[1])
                    i = ranged[0]
                    continue
            found = self.core(i, stem)
            if stem in mk.MOD_WORDS or stem in mk.APPROX_WORDS:
                modded = self.modified(i, stem)
                if modded and (found is None or modded[0] >= found[0]):
                    found = modded
            if found is None or found[0] <= i:
                i += 1
                continue
            end, sem = found
            out.append(RawMention(self.starts[i] + clitic, self.end(end - 1), sem))
            if sem.grain == "clock":
                end = self._clock_range(end, sem, out)
            if sem.grain == "month" and sem.value and self.w(end) in _CONNECTORS:
                self._month_range(len(out) - 1, end, out)
            if (
                sem.grain == "year"
                and sem.value
                and self.w(end) in ("و", "-", "/")
                and _is_digits(self.w(end + 1))
                and (self.w(end) == "و" or self.adjacent(end))
            ):
                # "عامي 2015 و2018", "موسم 2015-2016": the second year is its own expression.
                year = self.year_number(end + 1)
                if (
                    year
                    and year[0] >= int(sem.value[-4:])
                    and (self.w(year[2]) == lx.IN_WORD or not self.counted(year[2]))
                ):
                    out.append(
                        RawMention(
                            self.starts[end + 1], self.end(year[2] - 1), self._year_sem(year)
                        )
                    )
                    end = year[2]
            i = end
        _anchor_clocks(out, self.ref)
        return out

    def _mend_before(self, i: int, out: list[RawMention]) -> bool:
        """Whether the word before token i, which no expression holds, was a misspelt
        month name and is now put right."""
        if i == 0 or (out and out[-1].end > self.starts[i - 1]):
            return False
        return self.mend(i - 1, _MONTH_TYPOS) is not None

    def _month_range(self, index: int, k: int, out: list[RawMention]) -> None:
        """ "من يناير إلى مارس 2025": the first month takes the year written after the second."""
        first = out[index].sem
        named = self.month_name(k + 1)
        if named is None or first.value is None or first.value.startswith("H"):
            return
        year = self.year_after(named[2])
        if year is None or year[1] is True:
            return
        month = int(first.value[5:7])
        start_year = year[0] if month <= named[1] else year[0] - 1
        out[index].sem = self._month(start_year, month, False)

    def _clock_range(self, k: int, first: Sem, out: list[RawMention]) -> int:
        """ "من الساعة 9 إلى 11 مساءً": the second hour, and its part of day for both."""
        first_end = k
        word = self.w(k)
        if word in _CONNECTORS or word == "و":
            k += 1
            stem, clitic = self.stem(k)
        else:
            stem, clitic = self.stem(k)
            if clitic != 1 or word[:1] != "و" or stem not in ORDINAL_WORDS:
                return first_end
        if not _is_digits(self.w(k)) and stem != mk.HOUR_NOUN and stem not in ORDINAL_WORDS:
            return first_end
        found = self.clock(k, stem if not _is_digits(self.w(k)) else "", bare=True)
        if found is None:
            return first_end
        end, second = found
        if first.part is None and second.part is not None and first.clock is not None:
            first.part = second.part
            first.clock = (_apply_part(first.hour12, second.part) % 24, first.clock[1])
        out.append(RawMention(self.starts[k] + clitic, self.end(end - 1), second))
        return end

    def _day_range(self, i: int) -> tuple[int, list[RawMention]] | None:
        """ "من 5 إلى 7 أيار", "يومي 17 و18 أيار": two days, the first in the second's month."""
        start = self.starts[i] + self.stem(i)[1]
        if not _is_digits(self.words[i]):
            i += 1  # يوم / يومي introduces the number and stays in the span
        first = self.day_number(i)
        if first is None or not _is_digits(self.w(i)):
            return None
        k = first[1]
        if self.w(k) not in _CONNECTORS and not (self.w(k)[:1] == "و" and len(self.w(k)) == 1):
            return None
        second = self.day_month(k + 1)
        if second is None or second[1].grain != "day" or second[1].first is None:
            return None
        day = second[1].first
        found = valid_day(day.year, day.month, first[0])
        if found is None:
            return None
        return second[0], [
            RawMention(start, self.end(i), self._day(found, second[1].anchored)),
            RawMention(self.starts[k + 1], self.end(second[0] - 1), second[1]),
        ]


_UNIT_ORDER = {"CE": 0, "DE": 1, "Y": 2, "M": 3, "W": 4, "D": 5, "H": 6, "MIN": 7, "S": 8}
# A fraction of a unit said in the next smaller unit: half a year is 6 months.
_SMALLER = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60),
            "MIN": ("S", 60)}  # fmt: skip


def _compose(parts: list[tuple[float, str]]) -> str:
    """ISO 8601 duration from (amount, unit) parts: [(1, "Y"), (0.5, "Y")] -> P1Y6M."""
    amounts: dict[str, float] = {}
    for amount, unit in parts:
        if unit in ("CE", "DE"):
            amount, unit = amount * _SMALLER[unit][1], "Y"
        whole = int(amount)
        rest = amount - whole
        if whole:
            amounts[unit] = amounts.get(unit, 0) + whole
        if rest:
            smaller = _SMALLER.get(unit)
            scaled = rest * smaller[1] if smaller else 0
            if smaller and abs(scaled - round(scaled)) < 1e-9:
                amounts[smaller[0]] = amounts.get(smaller[0], 0) + round(scaled)
            else:
                amounts[unit] = amounts.get(unit, 0) + rest
    date_part = "".join(f"{_number(amounts[u])}{u}" for u in ("Y", "M", "W", "D") if amounts.get(u))
    time_part = "".join(
        f"{_number(amounts[u])}{'M' if u == 'MIN' else u}"
        for u in ("H", "MIN", "S")
        if amounts.get(u)
    )
    return "P" + date_part + ("T" + time_part if time_part else "")


def _number(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def _holiday_index() -> dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[int, int], bool]]]:
    """Holidays by first two words, longest name first, so one lookup finds the candidates."""
    index: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[int, int], bool]]] = {}
    entries = [
        *((key, value, True) for key, value in mk.HIJRI_HOLIDAYS.items()),
        *((key, value, False) for key, value in mk.GREGORIAN_HOLIDAYS.items()),
        *((key, (0, 0), False) for key in holidays.UNRESOLVED_HOLIDAYS),
    ]
    for key, value, hijri in sorted(entries, key=lambda entry: -len(entry[0])):
        index.setdefault((key[0], key[1] if len(key) > 1 else ""), []).append((key, value, hijri))
    return index


_HOLIDAY_INDEX = _holiday_index()


def _hijri_year_with_month_in(year: int, month: int) -> int | None:
    """The Hijri year whose ``month`` starts in Gregorian ``year`` (the first, if two do)."""
    hijri_year = hijri_year_of(date(year, 1, 1))
    if hijri_year is None:
        return None
    for candidate in (hijri_year - 1, hijri_year, hijri_year + 1):
        bounds = hijri_month_bounds(candidate, month)
        if bounds is not None and bounds[0].year == year:
            return candidate
    return None


def _hijri_day_in_year(year: int, month: int, day: int) -> date | None:
    """The first Gregorian day in ``year`` that is Hijri (month, day): "عيد الفطر 2025"."""
    hijri_year = hijri_year_of(date(year, 1, 1))
    if hijri_year is None:
        return None
    for candidate_year in (hijri_year, hijri_year + 1):
        found = hijri_to_gregorian(candidate_year, month, day)
        if found is not None and found.year == year:
            return found
    return None


def _apply_part(hour: int, part: str | None) -> int:
    """24-hour clock from a 12-hour one and the part of day said after it."""
    if part in ("EV", "AF") and hour < 12:
        return hour + 12
    if part == "NI":
        if 6 <= hour < 12:
            return hour + 12
        if hour == 12:
            return 0
    if part == "MI" and 1 <= hour <= 5:
        return hour + 12
    if part == "MO" and hour == 12:
        return 0
    return hour


def _season_year(reference: date, season: str, relation: str) -> int:
    """The year of "الصيف المقبل/الماضي/الحالي" relative to the reference date."""
    current_season = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU",
                      8: "SU", 9: "FA", 10: "FA", 11: "FA"}[reference.month]  # fmt: skip
    order = ["WI", "SP", "SU", "FA"]
    year = (
        reference.year - (1 if reference.month <= 2 else 0)
        if current_season == "WI"
        else reference.year
    )
    if relation == "current":
        return year if season == current_season else reference.year
    position, here = order.index(season), order.index(current_season)
    if relation == "next":
        return reference.year if position > here else reference.year + 1
    return reference.year if position < here else reference.year - 1


def _anchor_clocks(mentions: list[RawMention], reference: date | None) -> None:
    """Give clock times their day: the day expression right after them, else the
    nearest earlier day that depends on the reference, else any earlier day,
    else the reference date. One pass, so linear in the number of mentions."""
    last_relative: Sem | None = None
    last_any: Sem | None = None
    # The day right after each clock time, or after the clock times that follow it in a
    # range ("من 9:30 إلى 11:00 يوم الخميس"); one backward pass keeps this linear.
    following: list[Sem | None] = [None] * len(mentions)
    for index in range(len(mentions) - 2, -1, -1):
        mention, nxt = mentions[index], mentions[index + 1]
        if mention.sem.grain != "clock" or nxt.start - mention.end > 8:
            continue
        if nxt.start - mention.end <= 6 and nxt.sem.grain in ("day", "part") and nxt.sem.first:
            following[index] = nxt.sem
        elif nxt.sem.grain == "clock":
            following[index] = following[index + 1]
    for index, mention in enumerate(mentions):
        sem = mention.sem
        if sem.grain in ("day", "part") and sem.first is not None:
            last_any = sem
            if sem.anchored:
                last_relative = sem
            continue
        if sem.grain != "clock" or sem.clock is None:
            continue
        day: date | None = None
        anchored = False
        after = following[index]
        if after is not None:
            day, anchored = after.first, after.anchored
        if day is None:
            chosen = last_relative or last_any
            if chosen is not None:
                day, anchored = chosen.first, chosen.anchored
        if day is None and reference is not None:
            day, anchored = reference, True
        if day is None:
            continue
        hour, minute = sem.clock
        sem.value = f"{day_value(day)}T{hour:02d}:{minute:02d}"
        sem.first = sem.last = day
        sem.anchored = anchored
