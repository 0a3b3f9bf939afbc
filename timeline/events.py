"""From an article's resolved date expressions to event candidates.

One candidate per dated clause: a sentence holding one dated expression is one
clause; a sentence holding several is cut between them. The clause gives the
event its title and, through the trigger lexicon, its kind.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Protocol

from timeline.event_kinds import KIND_TRIGGERS, EventKind
from timeline.gazetteer import PLACES
from timeline.temporal.months import GREGORIAN_MONTHS, HIJRI_MONTHS
from timeline.temporal.weekdays import WEEKDAYS
from timeline.text import normalise_for_matching

TITLE_MAX_CHARS = 140

# Sentence ends: a full stop not followed by a digit (so not «25.8»), ! ? ؟ and line breaks.
_SENTENCE_END = re.compile(r"\.(?!\d)|[!?؟\n]")
_WORD = re.compile(r"\S+")

# Words that open a clause without saying anything about the event (normalised).
LEADING_CONNECTIVES: tuple[str, ...] = (
    "وفي حين",
    "في حين",
    "وتاتي",
    "تاتي",
    "ويتزامن",
    "يتزامن",
    "الا ان",
    "غير ان",
    "بينما",
    "وبينما",
    "كما",
    "وكما",
    "ثم",
    "نحو",
    "و",
)

# Sentence-opening words that news style glues «و» to; the «و» is dropped from them
# (but not from words that merely start with the letter, like «وزير»).
WAW_OPENERS: frozenset[str] = frozenset(
    {
        "كان",
        "كانت",
        "قد",
        "قال",
        "قالت",
        "اكد",
        "اكدت",
        "اعلن",
        "اعلنت",
        "اشار",
        "اشارت",
        "في",
        "من",
        "على",
        "لم",
        "لا",
        "ان",
        "بحسب",
        "يعد",
        "تعد",
        "يذكر",
        "يعتقد",
        "تاتي",
        "يتزامن",
        "تابع",
        "اضاف",
        "اضافت",
        "شدد",
        "شددت",
        "جاء",
        "جاءت",
        "بعد",
        "قبل",
    }
)

# Words in the gap between two dates where the second date's clause begins (normalised).
CLAUSE_BREAKS: frozenset[str] = frozenset(
    {"نحو", "بهدف", "حيث", "بينما", "لكن", "ولكن", "كما", "ثم", "فيما", "بعدما", "اذ"}
)

# The value shapes of TIMEX3 (see GUIDELINES.md) and the granularity each stands for.
_GRANULARITY_BY_VALUE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\d{4}-\d{2}-\d{2}(T.*)?"), "day"),
    (re.compile(r"\d{4}-W\d{2}"), "week"),
    (re.compile(r"\d{4}-\d{2}|H\d{4}-\d{2}"), "month"),
    (re.compile(r"\d{4}-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"\d{4}-Q[1-4]"), "quarter"),
    (re.compile(r"\d{4}|H\d{4}"), "year"),
    (re.compile(r"\d{3}"), "decade"),
    (re.compile(r"\d{2}"), "century"),
)


class ResolvedMention(Protocol):
    """What events need of a mention; both the tagger's and the model's fit."""

    start: int
    end: int
    type: str
    value: str | None
    mod: str | None
    first_day: date | None
    last_day: date | None


@dataclass(frozen=True)
class EventCandidate:
    mention: ResolvedMention
    title: str
    kind: str
    first_day: date
    last_day: date
    granularity: str
    mod: str | None
    excerpt: str
    highlight_start: int
    highlight_end: int
    places: tuple[str, ...] = ()  # gazetteer names in the clause, in order


def granularity_of(value: str) -> str | None:
    """The calendar unit a TIMEX3 value names: "2025-08" → "month"; None if not a period."""
    for pattern, granularity in _GRANULARITY_BY_VALUE:
        if pattern.fullmatch(value):
            return granularity
    return None


def is_event_date(mention: ResolvedMention) -> bool:
    """Dates and times that resolve to calendar days; durations, sets and vague ones don't."""
    return (
        mention.type in ("DATE", "TIME")
        and mention.value is not None
        and mention.first_day is not None
        and mention.last_day is not None
        and granularity_of(mention.value) is not None
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence, trimmed of surrounding white space."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        chunk = text[begin:end]
        stripped = chunk.strip()
        if stripped:
            offset = begin + len(chunk) - len(chunk.lstrip())
            trimmed.append((offset, offset + len(stripped)))
    return trimmed


def clean_title(clause: str) -> str:
    """A clause as an event title: no leading connectives, at most ~140 characters."""
    words = clause.strip().rstrip(".،,؛:").split()
    while words:
        for connective in LEADING_CONNECTIVES:
            size = connective.count(" ") + 1
            if normalise_for_matching(" ".join(words[:size])) == connective:
                words = words[size:]
                break
        else:
            break
    if words and words[0].startswith("و") and normalise_for_matching(words[0][1:]) in WAW_OPENERS:
        words[0] = words[0][1:]
    title = " ".join(words)
    if len(title) <= TITLE_MAX_CHARS:
        return title
    cut = title.rfind(" ", 0, TITLE_MAX_CHARS)
    return title[: cut if cut > 0 else TITLE_MAX_CHARS].rstrip("،,؛: ") + "…"


_STEM_KINDS: dict[str, str] = {
    normalise_for_matching(stem): str(kind)
    for kind, stems in KIND_TRIGGERS.items()
    for stem in stems
}
# A trigger is a stem (four letters or more) or a whole short word, after an
# optional و/ف/ب/ل/ال prefix; multi-word triggers match as written.
_TRIGGER = re.compile(
    r"(?<!\w)(?:وال|بال|فال|لل|ال|و|ف|ب|ل)?(?:"
    + "|".join(
        f"({re.escape(t)})" + ("" if len(t) >= 4 else r"(?!\w)")
        for t in sorted(_STEM_KINDS, key=len, reverse=True)
    )
    + ")"
)
_TRIGGER_ORDER = sorted(_STEM_KINDS, key=len, reverse=True)


def kind_of(clause: str, date_offset: int) -> str:
    """The kind whose trigger word stands nearest the date expression in the clause."""
    # Folding only deletes characters, so offsets shrink by the deletions before them.
    folded = normalise_for_matching(clause)
    date_at = len(normalise_for_matching(clause[:date_offset]))
    best_kind, best_distance = str(EventKind.OTHER), None
    for match in _TRIGGER.finditer(folded):
        distance = abs(match.start() - date_at)
        if best_distance is None or distance < best_distance:
            trigger = _TRIGGER_ORDER[match.lastindex - 1]
            best_kind, best_distance = _STEM_KINDS[trigger], distance
    return best_kind


def _clause_bounds(text: str, sentence: tuple[int, int], mentions: list) -> list[tuple[int, int]]:
    """Cut a sentence between its dated mentions where a clause break stands between them.

    Two dates with no break between them («بين عامي 1956 و1958») share the clause.
    """
    cuts = [sentence[0]]
    for before, after in pairwise(mentions):
        cut = None
        for word in _WORD.finditer(text, before.end, after.start):
            if normalise_for_matching(word.group()) in CLAUSE_BREAKS:
                cut = word.start()
        cuts.append(cut)
    bounds = []
    for index in range(len(mentions)):
        start = next(c for c in reversed(cuts[: index + 1]) if c is not None)
        end = next((c for c in cuts[index + 1 :] if c is not None), sentence[1])
        bounds.append((start, end))
    return bounds


def build_candidates(text: str, mentions: Sequence[ResolvedMention]) -> list[EventCandidate]:
    """One event candidate per dated clause of `text`, in the order of the text."""
    dated = sorted((m for m in mentions if is_event_date(m)), key=lambda m: m.start)
    candidates = []
    for sentence in sentence_spans(text):
        inside = [m for m in dated if sentence[0] <= m.start and m.end <= sentence[1]]
        if not inside:
            continue
        excerpt = text[sentence[0] : sentence[1]]
        for mention, (begin, end) in zip(
            inside, _clause_bounds(text, sentence, inside), strict=True
        ):
            clause = text[begin:end]
            title = clean_title(clause) or excerpt[:TITLE_MAX_CHARS]
            candidates.append(
                EventCandidate(
                    mention=mention,
                    title=title,
                    kind=kind_of(clause, mention.start - begin),
                    first_day=mention.first_day,
                    last_day=mention.last_day,
                    granularity=granularity_of(mention.value),
                    mod=mention.mod,
                    excerpt=excerpt,
                    highlight_start=mention.start - sentence[0],
                    highlight_end=mention.end - sentence[0],
                    places=tuple(find_places(clause)),
                )
            )
    return candidates


# --- Places -------------------------------------------------------------------

_PLACE_BY_SPELLING: dict[str, str] = {
    normalise_for_matching(spelling): name
    for name, variants in PLACES.items()
    for spelling in (name, *variants)
}
_PLACE_MAX_WORDS = max(spelling.count(" ") + 1 for spelling in _PLACE_BY_SPELLING)
# Clitics glued to a place name: «بموسكو»، «وفي» is a word of its own.
_PLACE_CLITICS = ("وب", "ول", "وف", "و", "ب", "ل", "")
_LETTERS = re.compile(r"\w+")


def find_places(text: str) -> list[str]:
    """Gazetteer places named in the text, by display name, in order of appearance."""
    words = _LETTERS.findall(normalise_for_matching(text))
    found: list[str] = []
    for i in range(len(words)):
        for size in range(_PLACE_MAX_WORDS, 0, -1):
            phrase = " ".join(words[i : i + size])
            for clitic in _PLACE_CLITICS:
                if phrase.startswith(clitic):
                    name = _PLACE_BY_SPELLING.get(phrase[len(clitic) :])
                    if name and name not in found:
                        found.append(name)
    return found


# --- Clustering ------------------------------------------------------------------

# Words that say nothing about which event a title reports (normalised, no clitics).
STOPWORDS: frozenset[str] = frozenset(
    {
        "في",
        "من",
        "الي",
        "علي",
        "عن",
        "مع",
        "ان",
        "او",
        "ثم",
        "قد",
        "لم",
        "لن",
        "لا",
        "ما",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "كان",
        "كانت",
        "بين",
        "بعد",
        "قبل",
        "خلال",
        "حتي",
        "منذ",
        "عند",
        "يوم",
        "اليوم",
        "امس",
        "غدا",
        "المقبل",
        "المقبله",
        "القادم",
        "الماضي",
        "الماضيه",
        "الجاري",
        "عام",
        "العام",
        "شهر",
        "اسبوع",
        "نهايه",
        "بدايه",
        "منتصف",
        "مطلع",
        "اواخر",
        "اوائل",
        "وفق",
        "حيث",
        "كما",
        "الا",
        *WEEKDAYS,
        *GREGORIAN_MONTHS,
        *HIJRI_MONTHS,
    }
)
_TOKEN_CLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")

# How alike two titles must be (Jaccard over content words) to be one event: days
# are specific enough for a loose match, a whole month or year is not.
TITLE_SIMILARITY = {"day": 0.3, "week": 0.4}
TITLE_SIMILARITY_COARSE = 0.5
MIN_SHARED_WORDS = 2


@lru_cache(maxsize=16_384)
def title_words(title: str) -> frozenset[str]:
    """Content words of a title: normalised, without clitics, stopwords, dates or digits."""
    words = set()
    for word in _LETTERS.findall(normalise_for_matching(title)):
        if word.isdigit() or word in STOPWORDS:
            continue
        for clitic in _TOKEN_CLITICS:
            if word.startswith(clitic) and len(word) - len(clitic) >= 3:
                word = word[len(clitic) :]
                break
        if word not in STOPWORDS:
            words.add(word)
    return frozenset(words)


class ClusterableEvent(Protocol):
    title: str
    kind: str
    first_day: date
    last_day: date
    granularity: str


def same_event(
    candidate: EventCandidate,
    candidate_places: set[str],
    event: ClusterableEvent,
    event_places: set[str],
) -> bool:
    """Whether a new candidate reports an event already known.

    Both must cover overlapping days at the same granularity; then either their
    titles share enough content words, or they are of the same (specific) kind in
    the same place on the same day.
    """
    if candidate.granularity != event.granularity:
        return False
    if candidate.first_day > event.last_day or event.first_day > candidate.last_day:
        return False
    if (
        candidate.granularity == "day"
        and candidate.kind == event.kind != EventKind.OTHER
        and candidate_places & event_places
    ):
        return True
    ours, theirs = title_words(candidate.title), title_words(event.title)
    shared = len(ours & theirs)
    if shared < MIN_SHARED_WORDS:
        return False
    threshold = TITLE_SIMILARITY.get(candidate.granularity, TITLE_SIMILARITY_COARSE)
    return shared / len(ours | theirs) >= threshold
