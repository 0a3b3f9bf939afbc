"""From an article's resolved date expressions to event candidates.

A sentence's dated expressions are cut into clauses where a new clause begins
between them (a break word, or a new main verb); one clause is one happening, and
the same happening dated again elsewhere in the article («الأحد» in the lead, «20
تموز» later) is one event with several sources. Each candidate gets a headline,
a kind, places, actors and a salience (`timeline.extraction`).
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Protocol

from timeline.event_kinds import EventKind
from timeline.extraction import kinds
from timeline.extraction.actors import (
    KNOWN_BY_NAME,
    KNOWN_BY_SPELLING,
    NAME_PARTICLES,
    TITLES,
    ActorMention,
    ActorRef,
    actors_of,
    apposed_name,
    capital_named,
    display_name,
    indefinite_verbal_noun,
    joined_by_and,
    joined_phrase_end,
    name_before_title,
    person_named,
    place_subject_end,
    plausible,
    possessed,
    subject_after,
    title_phrase_end,
    trailing_name,
)
from timeline.extraction.arabic import (
    FUNCTION,
    Word,
    fold,
    fold_set,
    is_function_word,
    readings,
    without_marks,
    words,
)
from timeline.extraction.happenings import FIGURE_UNITS, STATISTIC_VERBS, not_a_happening
from timeline.extraction.headlines import (
    BOUNDARY_WORDS,
    LEADING_WORDS,
    PARTICLES_BEFORE_VERB,
    SAID_OPENERS,
    THAT_WORDS,
    TO,
    anonymous_attribution,
    attributed,
    fitted,
    governed_verbal_noun,
    headline,
    without_date_glue,
)
from timeline.extraction.places import (
    KINGDOM_WORD,
    KINGDOMS,
    NATIONALITY_BY_SPELLING,
    PLACE_BY_SPELLING,
    bare_place_at,
    is_country,
    match_at,
    match_places,
    nationality,
    places_of,
    plural_nationality,
)
from timeline.extraction.salience import SalienceSignals, days_between, salience
from timeline.lexicon import actors as actors_lexicon
from timeline.lexicon import clauses
from timeline.lexicon import event_kinds as event_kinds_lexicon
from timeline.lexicon import stopwords as stopwords_lexicon
from timeline.temporal import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS, extract
from timeline.temporal import Mention as TaggedMention
from timeline.text import normalise_for_matching

# Bump whenever the events made of some article change; part of the extractor version.
EVENTS_VERSION = "12"

# Sentence ends: a full stop not followed by a digit (so not «25.8»), ! ? ؟ and line breaks.
_SENTENCE_END = re.compile(r"\.(?!\d)|[!?؟\n]")
_WORD = re.compile(r"\S+")
_NOT_SPACE = re.compile(r"\S")
_LIST_COMMA = re.compile(r"[،,؛;]\s*")
_CLOSING_COMMA = re.compile(r"\s*[،,]\s*")
# A dateline opening a sentence: «دبي، الإمارات العربية المتحدة (CNN)--»,
# «تونس (وات) -», «باجة :». Up to five words, then a source in brackets and/or a dash.
# No «^»: `match` anchors at the sentence's start, which «^» would refuse past the text's.
_DATELINE = re.compile(
    r"(?:[^\s.،,:()]+[\s،,]+){0,4}?[^\s.،,:()]+\s*(?:\([^)]{1,40}\)\s*[-–—]*|[-–—]{1,2}|:)\s*"
)

# A source in brackets and the dash after it: «(CNN)--», «(وات) -».
_SOURCE_DASH = re.compile(r"\([^)]{1,40}\)\s*[-–—]+")
_SOURCE_LINE = re.compile(r"\s*\([^)]{1,30}\)\s*[-–—]+\s*")

# Words in the gap between two dates where the second date's clause begins (normalised).
CLAUSE_BREAKS: frozenset[str] = fold_set(*clauses.CLAUSE_BREAKS)

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
# Finer first: the most precise date of a happening anchors it.
_PRECISION = ("day", "week", "month", "season", "quarter", "year", "decade", "century")
# A title is the headline's words; the article's own headline may title its main event.
HEADLINE_MIN_SHARED = 2
SINCE = normalise_for_matching("منذ")
# Particles that deny the verb after them.
NEGATIONS = fold_set(*clauses.NEGATIONS)
# A one-word headline says nothing («وفي»).
MIN_TITLE_WORDS = 2


class ResolvedMention(Protocol):
    """What events need of a mention (read only); both the tagger's and the model's fit."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str | None: ...
    @property
    def mod(self) -> str | None: ...
    @property
    def first_day(self) -> date | None: ...
    @property
    def last_day(self) -> date | None: ...


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
    actors: tuple[ActorRef, ...] = ()
    salience: float = 0.0
    # Candidates of one article with the same `group` report one happening: the
    # first of them (the most precise date) leads, the others are more sources.
    group: int = 0


def granularity_of(value: str | None) -> str | None:
    """The calendar unit a TIMEX3 value names: "2025-08" → "month"; None if not a period."""
    if value is None:
        return None
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


def without_dateline(text: str, sentence: tuple[int, int]) -> int:
    """Where a sentence's story starts, after a dateline such as «دبي (CNN)--»."""
    begin, end = sentence
    source = _SOURCE_LINE.match(text, begin, end)
    if source is not None and source.end() < end:
        return source.end()  # «(CNN)-- أعلن الرئيس…»: the source alone, no city
    match = _DATELINE.match(text, begin, end)
    if match is None or match.end() >= end:
        return begin
    opening = text[begin : match.end()]
    if _SOURCE_DASH.search(opening):
        return match.end()  # «دبي، الإمارات العربية المتحدة (CNN)--», wherever it stands
    if _NOT_SPACE.search(text, 0, begin):
        # Past the article's first sentence brackets give an age or a name («صلاح (25
        # عاما)»), a dash or a colon set off an aside or a speaker («وأضاف الوزير: …»).
        return begin
    # A dateline has a source in brackets or a dash; a colon only after one or two words.
    if "-" in opening or "–" in opening or "—" in opening:
        return match.end()
    if opening.count(" ") <= 2:
        return match.end()
    return begin


def clean_title(clause: str) -> str:
    """A clause as a last-resort title: its first words, at most MAX_WORDS of them,
    without the connectives that open it («وفي حين…») or a conjunction on its verb."""
    parts = clause.strip().rstrip(".،,؛:").split()
    while len(parts) > 1 and normalise_for_matching(parts[0]) in LEADING_WORDS:
        parts.pop(0)
    if parts and parts[0].startswith("و") and kinds.verb_kind(words(parts[0])[0]) is not None:
        parts[0] = parts[0][1:]
    return fitted(" ".join(parts))


def sentence_title(sentence: str, start: int, end: int, mention: ResolvedMention) -> str:
    """The headline extraction would give the happening `sentence[start:end]` dates
    (an editor splitting a source off its event gets a title of its own)."""
    located = TaggedMention(
        start,
        end,
        sentence[start:end],
        mention.type,
        mention.value,
        mention.mod,
        mention.first_day,
        mention.last_day,
        anchored=False,
    )
    candidates = build_candidates(sentence, [located])
    return candidates[0].title if candidates else clean_title(sentence)


def _set_off(text: str, mention: ResolvedMention) -> int | None:
    """Where the comma closing a date set off by commas ends («، الثلاثاء،»), or None
    when the date is not set off so."""
    if not text[: mention.start].rstrip().endswith(("،", ",")):
        return None
    closing = _CLOSING_COMMA.match(text, mention.end)
    return closing.end() if closing else None


def _clause_bounds(
    text: str, sentence: tuple[int, int], mentions: list, verbs: list[int]
) -> list[tuple[int, int]]:
    """Cut a sentence between its dated mentions where a new clause begins: at a break
    word, or before a new main verb. Dates with neither between them («بين عامي 1956
    و1958», «يوم 22 فيفري الساعة 12») share a clause."""
    cuts: list[int | None] = [sentence[0]]
    # Where a clause that a cut starts overlaps the one before: the words between «أن»
    # and the reported verb are the subject of the one and what the other reports.
    overlaps: dict[int, int] = {}
    for before, after in pairwise(mentions):
        cut = None
        gap = list(_WORD.finditer(text, before.end, after.start))
        for word in gap:
            if normalise_for_matching(word.group()) in CLAUSE_BREAKS:
                cut = word.start()
        if cut is None:
            new_verb = [v for v in verbs if before.end <= v < after.start]
            if new_verb:
                cut = _verb_clause_start(gap, new_verb[0])
                reported = _reported_subject_start(gap, new_verb[0])
                if reported is not None and reported < cut:
                    overlaps[len(cuts)] = reported
        if cut is None and gap:
            # A list of dated items, «تركيا في يونيو، والمكسيك في يوليو»: each its own.
            comma = _LIST_COMMA.search(text, before.end, after.start)
            # A date set off by commas («أعلنت الشركة، الثلاثاء، عن تسليمها… في الربع
            # الثالث») is an aside: when no other comma follows, it ends no item.
            aside = _set_off(text, before)
            if aside is not None and not _LIST_COMMA.search(text, aside, after.start):
                comma = None
            if comma:
                cut = comma.end()
        if cut is None:
            # «تفجير… في أول تموز وتفجير آخر… الثلاثاء»: «و» and an event noun start
            # the next dated happening.
            cut = next((w.start() for w in gap if _joined_event_noun(w.group())), None)
        cuts.append(cut)
    bounds = []
    for index in range(len(mentions)):
        at = next(i for i in range(index, -1, -1) if cuts[i] is not None)
        start = overlaps.get(at, cuts[at] or 0)  # cuts[at] is set: «or 0» only for mypy
        end = next((c for c in cuts[index + 1 :] if c is not None), sentence[1])
        bounds.append((start, end))
    return bounds


# «…بعد أن كان مجلس النواب قد وافق…»: a verb after «قد» has its subject before it,
# back to the «كان» that opens its clause.
_PERFECT_PARTICLES = fold_set(*clauses.PERFECT_PARTICLES)
_AUXILIARIES = fold_set(*clauses.AUXILIARIES)
AUXILIARY_REACH = 6  # words between «كان» and «قد» at most
REPORTED_SUBJECT_REACH = 12  # words between «أن» and the reported verb at most


def _joined_event_noun(word: str) -> bool:
    """Whether a word is «و» and an event noun: «وتفجير», «واجتماع»."""
    folded = normalise_for_matching(word)
    return folded.startswith("و") and folded[1:] in kinds.NOUN_KINDS


def _verb_clause_start(gap: list[re.Match[str]], verb: int) -> int:
    """Where the clause of the verb starting at `verb` begins: at the verb, or at the
    «كان» of a «كان … قد» before it."""
    before = [word for word in gap if word.end() <= verb]
    if not before or normalise_for_matching(before[-1].group()) not in _PERFECT_PARTICLES:
        return verb
    for word in reversed(before[-AUXILIARY_REACH - 1 : -1]):
        if normalise_for_matching(word.group()) in _AUXILIARIES:
            return word.start()
    return verb


def _reported_subject_start(gap: list[re.Match[str]], verb: int) -> int | None:
    """Where the subject of a reported verb begins, right after its «أن» («أعلن ترامب
    الخميس أن القمة… ستعقد في 12 يونيو»: «القمة…»), or None."""
    before = [word for word in gap if word.end() <= verb]
    for position in range(len(before) - 1, max(len(before) - REPORTED_SUBJECT_REACH, 0) - 1, -1):
        if normalise_for_matching(before[position].group()) in THAT_WORDS:
            return before[position + 1].start() if position + 1 < len(before) else None
    return None


@dataclass
class _Clause:
    mentions: list  # the dated mentions it holds, in text order
    begin: int
    end: int
    sentence: tuple[int, int]
    sentence_index: int
    words: list[Word]


def _clauses(text: str, dated: list) -> list[_Clause]:
    clauses: list[_Clause] = []
    for sentence_index, sentence in enumerate(sentence_spans(text)):
        inside = [m for m in dated if sentence[0] <= m.start and m.end <= sentence[1]]
        if not inside:
            continue
        story_start = without_dateline(text, sentence)
        sentence_words = words(text[story_start : sentence[1]], story_start)
        verbs = [w.start for w in sentence_words if kinds.verb_kind(w) is not None]
        bounds = _clause_bounds(text, (story_start, sentence[1]), inside, verbs)
        first_of_sentence = len(clauses)
        for mention, (begin, end) in zip(inside, bounds, strict=True):
            if clauses and clauses[-1].begin == begin and clauses[-1].end == end:
                clauses[-1].mentions.append(mention)
                continue
            clause_words = [w for w in sentence_words if begin <= w.start and w.end <= end]
            clauses.append(_Clause([mention], begin, end, sentence, sentence_index, clause_words))
        for clause, following in pairwise(clauses[first_of_sentence:]):
            after_date = [w for w in clause.words if w.start >= clause.mentions[-1].end]
            if (
                clause.end == following.begin
                and following.words
                and (
                    (following.words[0].folded in SAID_OPENERS and not after_date)
                    # «قال أردوغان، خلال اجتماع مطلع الأسبوع، إنه سيعلن…»: cut after «إنه»
                    or (len(after_date) == 1 and after_date[0].folded in SAID_OPENERS)
                )
            ):
                # «قال ترامب، الجمعة، إنه يريد…» cut before the next date's clause: what
                # was said (up to that date) is this clause's too.
                clause.words = clause.words + [
                    w for w in following.words if w.end <= following.mentions[0].start
                ]
    return clauses


def precision_key(value: str | None, start: int) -> tuple[int, bool, int]:
    """Sorts dates most precise first: by unit, a time of day before a bare day
    («مساء الأحد» before «الأحد»), then in text order."""
    unit = _PRECISION.index(granularity_of(value or "") or "century")
    return (unit, "T" not in (value or ""), start)


def _lead_mention(mentions: Sequence[ResolvedMention]) -> ResolvedMention:
    """The most precise of a happening's dates, the first of equals."""
    return min(mentions, key=lambda m: precision_key(m.value, m.start))


@dataclass
class _Happening:
    clause: _Clause
    lead: ResolvedMention
    title: str
    kind: str
    places: tuple[str, ...]
    actors: tuple[ActorRef, ...]  # who acts or is acted on in the main clause
    subject: str | None
    subject_written: str
    members: list  # (mention, clause) of every date expression that dates it
    named: frozenset[str] = frozenset()  # every actor the clause names
    # Who an earlier clause named and this one goes on about («وأضاف أن…»), as written.
    implicit_subject: str = ""


def build_candidates(
    text: str,
    mentions: Sequence[ResolvedMention],
    *,
    headline_text: str = "",
    published: date | None = None,
) -> list[EventCandidate]:
    """The article's happenings as event candidates, one per date expression that
    dates one, in text order; `headline_text` is the article's own headline."""
    dated = sorted(
        (m for m in mentions if is_event_date(m) and not _nowadays(text, m)), key=lambda m: m.start
    )
    happenings: list[_Happening] = []
    # Who the previous clause was about: «وأضاف أن…» goes on about them.
    last_subject = ""
    # Who the headline quotes («قرقاش: …»): who speaks in a clause naming no one.
    speaker, speaker_type = _headline_speaker(headline_text, published)
    for clause in _clauses(text, dated):
        happening = _happening(text, clause, published, last_subject, speaker)
        if happening is None:
            continue
        last_subject = happening.subject_written or last_subject
        same = next((h for h in happenings if _same_happening(h, happening)), None)
        if same is not None:
            same.members.extend(happening.members)
            # A later report may say where the first did not: «وقع الاتفاق في أسمرة».
            same.places = same.places or happening.places
            continue
        happenings.append(happening)
    field = kinds.article_field(f"{headline_text}\n{text}") if happenings else None
    if field is not None:
        for happening in happenings:
            if happening.kind == EventKind.OTHER:
                # «انضم فان ديك إلى ليفربول» in an article about football is a sports event.
                happening.kind = field
    for happening in happenings:
        if happening.kind == EventKind.SPORTS:
            _clubs_not_cities(happening)
    unplaced = [h for h in happenings if not h.places and h.kind in HOME_KINDS]
    home = _article_home(f"{headline_text}\n{text}") if unplaced else None
    for happening in unplaced:
        if home is None:
            break
        named = {
            match.place.name
            for _, c in happening.members
            for match in match_places(words(text[c.begin : c.end], c.begin))
        }
        if named - {home}:
            # Another place the clause names but does not put the happening in («أعلنت
            # النيابة الألمانية إيقاف تونسي أراد تحضير اعتداء في ألمانيا»): unsure.
            continue
        # «واحتل المتظاهرون مبنى البرلمان» in an article about Paraguay: at home.
        happening.places = (home,)
    _named_by_family_name(happenings)
    if happenings:
        _the_kingdom(f"{headline_text}\n{text}", happenings)
    sentences = sentence_spans(text)
    for happening in happenings:
        city = _city_from_next_sentence(text, sentences, happening, mentions)
        if city is not None:
            happening.places = (city, *happening.places)
    return _candidates(text, happenings, headline_text, published, (speaker, speaker_type))


def _the_kingdom(text: str, happenings: list[_Happening]) -> None:
    """«المملكة» opening a headline, in an article that names one kingdom, is that
    kingdom: «وأعلنت المملكة تعليقا مؤقتا…» about Saudi Arabia is «السعودية تعلن…»,
    and the state is an actor. A reader sees the card alone, without the article."""
    if not any(fold(h.title.partition(" ")[0]) == KINGDOM_WORD for h in happenings):
        return  # most articles: no need to look for kingdoms
    named = {m.place.name for m in match_places(words(text)) if m.place.name in KINGDOMS}
    if len(named) != 1:
        return
    kingdom = named.pop()
    state = ActorRef(kingdom, "state")
    for happening in happenings:
        first, _, rest = happening.title.partition(" ")
        if fold(first) != KINGDOM_WORD or not rest:
            continue
        if match_places(words(happening.title)[:3]):
            continue  # «المملكة المتحدة تعلن…» names the kingdom in full
        if fold(kingdom).endswith(("ه", "ا")):
            # A feminine name keeps the verb's «ت»; «الأردن», «المغرب» would not.
            happening.title = f"{kingdom} {rest}"
        if all(actor.name != kingdom for actor in happening.actors):
            happening.actors = (state, *happening.actors)


# A family name shorter than this may be a common word («علي», «حسن»).
FAMILY_NAME_MIN_LETTERS = 5


def _family_name(word: str) -> bool:
    """Whether the last word of a person's name may stand for them alone: long
    enough, all letters, and no place, nationality or feminine noun («فرع صندوق»,
    «مقاتلات إسرائيلية», «سلطات باكستان» are names only in error)."""
    folded = fold(word)
    return (
        len(folded) >= FAMILY_NAME_MIN_LETTERS
        and folded.isalpha()
        and not folded.endswith("ه")
        and folded not in PLACE_BY_SPELLING
        and folded not in NATIONALITY_BY_SPELLING
        and not any(r in TITLES for r in readings(folded))  # «معين عبد الملك»: «الملك»
        and kinds.lookup(Word(0, 0, folded, folded), kinds.NOUN_KINDS) is None
    )


def _named_by_family_name(happenings: list[_Happening]) -> None:
    """A person the article names in full is the actor of a later clause that calls
    them by their family name alone: «عماد المنياوي يودع الجماهير… وكان المنياوي قد
    انتقل إلى النادي الإفريقي»."""
    people: dict[str, ActorRef] = {}
    for happening in happenings:
        for actor in happening.actors:
            parts = actor.name.split()
            if actor.type == "person" and len(parts) >= 2 and _family_name(parts[-1]):
                people.setdefault(fold(parts[-1]), actor)
    if not people:
        return
    for happening in happenings:
        known = {actor.name for actor in happening.actors}
        for _, clause in happening.members:
            end = _main_clause_end(clause.words, None)
            for index, word in enumerate(clause.words[:end]):
                person = people.get(word.folded)
                if person is None or person.name in known:
                    continue
                if any(word.folded in fold(name).split() for name in happening.named):
                    continue  # part of another name the clause gives: «مقتدى الصدر»
                given = fold(person.name.split()[-2])
                if index > 0 and clause.words[index - 1].folded == given:
                    continue  # the full name, which the clause's own actors left out
                happening.actors = (person, *happening.actors)
                known.add(person.name)


def _city_from_next_sentence(
    text: str, sentences: list[tuple[int, int]], happening: _Happening, mentions: Sequence
) -> str | None:
    """The city inside the happening's one country that the sentence after its last
    report puts it in, when that sentence has no date of its own and repeats a verb of
    its clauses: it tells the same act in more detail («أعلن التحالف… أنه دمر مواقع… في اليمن. وجاء
    في بيان للتحالف أنه دمر مواقع… في صعدة»)."""
    if len(happening.places) != 1 or not is_country(happening.places[0]):
        return None
    clauses = [clause for _, clause in happening.members]
    last = max(clause.sentence_index for clause in clauses)
    if last + 1 >= len(sentences):
        return None
    start, end = sentences[last + 1]
    if any(start <= m.start < end for m in mentions):
        return None
    verbs = {w.folded for c in clauses for w in c.words if kinds.verb_kind(w) is not None}
    following = words(text[start:end], start)
    if not any(w.folded in verbs for w in following):
        return None
    country = happening.places[0]
    return next(
        (
            match.place.name
            for match in match_places(following)
            if match.place.type == "city" and match.place.country == country
        ),
        None,
    )


CLUB_CITIES = frozenset(actors_lexicon.CLUB_CITIES)


def _clubs_not_cities(happening: _Happening) -> None:
    """In a match or a transfer, a city that names a club is the club, an actor:
    «يواجه ليفربول ريال مدريد», «انضم فان ديك إلى ليفربول»."""
    named = [match.place.name for match in match_places(happening.clause.words)]
    clubs = [name for name in dict.fromkeys(named) if name in CLUB_CITIES]
    if not clubs:
        return
    happening.places = tuple(name for name in happening.places if name not in CLUB_CITIES)
    known = {actor.name for actor in happening.actors}
    happening.actors = (
        *happening.actors,
        *(ActorRef(name, "organisation") for name in clubs if name not in known),
    )


# Kinds of happening that take place where the article is about when the clause
# names no place («عاد الهدوء إلى المكان» too); a statement or a deal may be made
# anywhere.
HOME_KINDS = frozenset(
    {EventKind.DECISION, EventKind.LEGAL, EventKind.PROTEST, EventKind.ATTACK,
     EventKind.ELECTION, EventKind.DISASTER, EventKind.OTHER}
)  # fmt: skip
# How often the article's place must be named, and how much more than any other.
HOME_MENTIONS = 3
HOME_LEAD = 2


def _article_home(text: str) -> str | None:
    """The place the article is about: named at least HOME_MENTIONS times, and
    HOME_LEAD times as often as any other place, or None."""
    ranked = Counter(match.place.name for match in match_places(words(text))).most_common(2)
    if not ranked or ranked[0][1] < HOME_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < HOME_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def _nowadays(text: str, mention: ResolvedMention) -> bool:
    """Whether a bare «اليوم» means «nowadays»: beside a verb of being or becoming
    («باتوا اليوم أقل اهتماما»), or as the end of a span up to now («ولا يزال السكان
    يتظاهرون حتى اليوم», «إلى اليوم»), it dates no happening."""
    if normalise_for_matching(text[mention.start : mention.end]) != TODAY:
        return False
    before = words(text[max(mention.start - 40, 0) : mention.start])[-2:]
    after = words(text[mention.end : mention.end + 20])[:1]
    if before and before[-1].folded in UNTIL_WORDS:
        return True
    if (
        before
        and before[-1].folded == TO
        and text[mention.end : mention.end + 2].lstrip()[:1] in "،,"
    ):
        return True  # «لكن إلى اليوم، أنا أكتب…» (but «أرجأ الجلسة إلى اليوم» dates it)
    return any(word.folded in STATIVE_VERBS for word in (*before, *after))


def _happening(
    text: str,
    clause: _Clause,
    published: date | None,
    last_subject: str = "",
    speaker: str = "",
) -> _Happening | None:
    clause_words = clause.words
    spans = [(m.start, m.end) for m in clause.mentions]
    drop = frozenset(
        i for i, w in enumerate(clause_words) if any(w.start < e and s < w.end for s, e in spans)
    )
    lead = _lead_mention(clause.mentions)
    granularity = granularity_of(lead.value)
    years = sum(1 for m in clause.mentions if granularity_of(m.value) == "year")
    if not_a_happening(clause_words, sorted(drop), granularity, years) is not None:
        return None
    if all(
        normalise_for_matching(text[m.start : m.end]).startswith(SINCE) for m in clause.mentions
    ):
        return None  # «أول لاعب يفعل ذلك منذ 28 عاماً»: a span up to now, not a date of it
    if _only_this_year(clause.mentions, granularity, published):
        return None  # «هذا العام», «العام الجاري»: the frame of the news, not a date of it
    date_index = min(drop) if drop else 0
    content = [i for i in range(len(clause_words)) if i not in drop]
    opening = next((i for i in content if clause_words[i].folded not in LEADING_WORDS), None)
    if opening is not None and clause_words[opening].folded in OPENING_NEGATIONS:
        return None  # «ولم يعرف بعد ما إذا…», «لن يشارك…»: what did not happen
    if text[clause.sentence[0] : clause.sentence[1]].rstrip().endswith(("؟", "?")):
        return None  # «ما حكاية سلطان الذهب…؟»: a question tells no happening
    # «قالت مصادر إن مسلحين هاجموا…»: the happening is what the sources report.
    content = content[anonymous_attribution(clause_words, content) :] or content
    # «وفي حوالي منتصف ليل الجمعة عاد الهدوء»: the words that only lead to the date
    # are no more the clause's opening than the date itself.
    # «بحسب وكالة رويترز», «حسبما أفاد المتحدث العسكري…»: a source, no verb nor actor.
    sources = attributed(text, clause_words)
    verb_index, verb_kind = _main_verb(
        clause_words, without_date_glue(clause_words, content, drop), sources
    )
    start_at = 0
    reported_from = _reported_clause(clause_words, content, verb_index, verb_kind, date_index)
    if reported_from is not None:
        # «قال ترامب إن القمة ستعقد في سنغافورة في 12 يونيو»: the date is of what
        # was said, so the happening is the reported clause, with its own verb.
        reported = [i for i in content if i > reported_from]
        inner_index, inner_kind = _main_verb(clause_words, reported, sources)
        if inner_kind not in (None, EventKind.OTHER, EventKind.STATEMENT):
            content, verb_index, verb_kind = reported, inner_index, inner_kind
            start_at = reported_from + 1
    relative = _dated_relative_clause(
        text, clause_words, content, verb_index, verb_kind, date_index
    )
    if relative is not None:
        # «في إشارة إلى الهيئة التي اتخذت أمس قراراً بطرد…»: the date is of what the
        # relative clause tells of its noun, not of the speaker's words.
        antecedent, pronoun = relative
        content = [i for i in content if antecedent <= i and i != pronoun]
        drop = drop | {pronoun}
        verb_index = pronoun + 1
        verb_kind = kinds.verb_kind(clause_words[verb_index]) or str(EventKind.OTHER)
        start_at = antecedent
    if (
        verb_index is not None
        and verb_index > 0
        and clause_words[verb_index - 1].folded in NEGATIONS
    ):
        return None  # «ولم تعلن أي جهة مسؤوليتها»: nothing happened
    kind = kinds.kind_of(
        [clause_words[i] for i in content],
        _position(content, date_index),
        (_position(content, verb_index), verb_kind)
        if verb_index is not None and verb_kind is not None
        else None,
    )
    if kind == EventKind.STATEMENT and _reports_figures(clause_words, content, verb_index):
        kind = str(EventKind.ECONOMY)  # «أعلن الوزير أن صابة الحبوب بلغت 23 مليون قنطار»
    found = actors_of(clause_words, published, skip=drop, text=text)
    found = [mention for mention in found if mention.first not in sources]
    subject_span = None
    subject_from = None
    subject = None
    apposition_end = None  # the last word of a title set after the subject's name
    unsaid: frozenset[int] = frozenset()  # words of the subject the headline leaves out
    so_called: frozenset[int] = frozenset()  # «ما يسمى بـ» before the subject
    # «بعد انتهاء الاجتماع يوم الأحد، أعلن الوزير…»: a phrase set off before the verb
    # says when or why, not what happened.
    framing = _opening_phrase(text, clause_words, content, verb_index)
    if verb_index is not None:
        before = _subject_before(text, clause_words, content, verb_index, found)
        if before is not None:
            subject = before
            # «ما يسمى بـ» leaves the headline; the name it introduced stays.
            preverbal = [i for i in content if i < verb_index]
            so_called = frozenset(preverbal) - frozenset(
                _without_so_called(clause_words, preverbal)
            )
            mention = next(
                (m for m in found if m.actor.name == before and m.first < verb_index), None
            )
            if mention is not None:
                # «وكان الرئيس الأمريكي دونالد ترامب قد أعلن» → «ترامب يعلن».
                short = _short_name(clause_words, (mention.name_first, mention.last), mention.actor)
                unsaid = frozenset(range(mention.first, short[0]))
        # «واعتقلوا ثلاثة مشتبه بهم»: a verb conjugated for a plural has its subject
        # in it; the names after it are its objects.
        subject_in_verb = kinds.plural_past(
            clause_words[verb_index].folded
        ) is not None or _pronoun_subject(text, clause_words, verb_index, drop)
        for mention in found if subject is None and not subject_in_verb else ():
            between = [i for i in range(verb_index + 1, mention.first) if i not in drop]
            if (
                between
                and between[-1] == mention.first - 1
                and _construct_head(clause_words[between[-1]])
            ):
                break  # «فاز زملاء نيمار»: the subject is the colleagues, not Neymar
            if between and clause_words[between[-1]].folded in kinds.PREPOSITIONS:
                break  # «وحكم على المالكي بالإعدام»: a name after a preposition is governed
            if (
                between
                and any(r in TITLES for r in readings(clause_words[between[-1]].folded))
                and mention.actor.type != "person"
            ):
                break  # «نجم نادي باريس سان جيرمان، كيليان مبابي»: the club is the title's
            if mention.first > verb_index and len(between) <= 1:
                # The headline names the actor, not its title: «مايك بومبيو».
                last = mention.last
                while last + 1 < len(clause_words) and nationality(clause_words[last + 1]):
                    last += 1  # «مجلس الشيوخ الأرجنتيني»: the adjective goes with it
                subject_span = _short_name(clause_words, (mention.name_first, last), mention.actor)
                subject, subject_from = mention.actor.name, mention.first
                if (
                    last + 1 < len(clause_words)
                    and any(r in TITLES for r in readings(clause_words[last + 1].folded))
                    and not possessed(clause_words[last + 1])  # «نظيره الروسي»: the object
                ):
                    # «قال رونالدو اللاعب السابق لبرشلونة…»: the title after the name goes;
                    # but a title that introduces someone else's name is the object
                    # («أبلغ كيم جونغ أون وزير الخارجية الروسي سيرغي لافروف…»).
                    title_end = title_phrase_end(clause_words, last + 1)
                    introduces = any(m.first == last + 1 and m.name_first > last + 1 for m in found)
                    apposition_end = None if introduces else title_end
                # «اتهمت روسيا وسوريا إسرائيل»: a second actor joined by «و».
                joined = next((m for m in found if m.first == mention.last + 1), None)
                if joined is not None and joined_by_and(clause_words[joined.first]):
                    subject_span = (subject_span[0], joined.last)
                elif (phrase_end := joined_phrase_end(clause_words, last + 1, drop)) is not None:
                    # «أحرزت قوات الجيش اليمني والمقاومة الشعبية انتصارات»: one subject.
                    subject_span = (subject_span[0], phrase_end)
                break
        if subject is None and not subject_in_verb:
            subject_span = subject_after(text, clause_words, verb_index, drop)
            if subject_span is not None:
                subject_span = _to_end_of_name(text, clause_words, subject_span, found)
            name = trailing_name(clause_words, subject_span) if subject_span else None
            if subject_span is not None and name is None:
                name = apposed_name(text, clause_words, subject_span, drop)
            if subject_span is not None and name is not None and name != subject_span:
                subject_from, subject_span = subject_span[0], name
            titled_name = (
                name_before_title(clause_words, subject_span, found)
                if subject_span is not None and name is None
                else None
            )
            if titled_name is not None:
                # «قال سمير الطيب وزير الفلاحة إن…»: the name, its title set aside.
                subject_span, apposition_end = titled_name
                # The title was read as introducing a name after it: the name was before.
                found = [m for m in found if not subject_span[1] < m.first <= apposition_end]
                written = " ".join(
                    w.text for w in clause_words[subject_span[0] : subject_span[1] + 1]
                )
                titled = person_named(clause_words, subject_span) or ActorRef(
                    display_name(written), "person", (written,)
                )
                found.append(ActorMention(*subject_span, titled, subject_span[0]))
                found.sort(key=lambda item: item.first)
                subject = titled.name
            elif subject_span is not None:
                person = person_named(clause_words, subject_span) or capital_named(
                    clause_words, subject_span
                )
                if person is not None:
                    found.append(ActorMention(*subject_span, person, subject_span[0]))
                    found.sort(key=lambda item: item.first)
                    subject = person.name
    if subject_span is not None and _family_name_only(clause_words, subject_span, found):
        # «قال لويز فيليبي سكولاري…» → «سكولاري يؤكد…»; the given names go with the title.
        subject_from = subject_span[0] if subject_from is None else subject_from
        subject_span = (subject_span[1], subject_span[1])
    reporting = verb_index is not None and (
        verb_kind == EventKind.STATEMENT or kinds.is_reporting(clause_words[verb_index])
    )
    implicit = last_subject if subject is None else ""
    if subject is None and not implicit and reporting:
        # «وقال في مقابلة…» under «السبسي: …»: who the headline quotes is speaking.
        implicit = speaker
    # No verb: the happening is the event noun that the date qualifies, «استئناف
    # المفاوضات… يوم الجمعة», «الاتفاق النووي لعام 2015»; the title starts there.
    if verb_index is None:
        noun = _event_noun_before(clause_words, date_index)
        if noun is not None:
            start_at, noun_kind = noun
            # A fixed phrase («جلسات استماع») names the kind better than its first noun.
            if kinds.phrase_kind([clause_words[i] for i in content]) is None:
                kind = noun_kind
    title = headline(
        text,
        clause_words,
        drop | unsaid | so_called | framing,
        verb_index,
        subject_span,
        subject_from,
        reporting=reporting,
        implicit_subject=implicit,
        start_at=start_at,
        feminine_subject=_feminine(clause_words, subject_span, found),
        plural_subject=_plural(clause_words, subject_span, found),
        dual_subject=_dual(clause_words, subject_span, found),
        apposition_end=apposition_end,
    )
    subject_written = (
        " ".join(w.text for w in clause_words[subject_span[0] : subject_span[1] + 1])
        if subject_span and subject
        else ""
    )
    if len(title.split()) < MIN_TITLE_WORDS:
        # «وفي»: the clause says nothing by itself; its sentence, dates left out, does.
        sentence = text[without_dateline(text, clause.sentence) : clause.sentence[1]]
        for mention in clause.mentions:
            sentence = sentence.replace(text[mention.start : mention.end], " ")
        title = clean_title(sentence) if len(sentence.split()) > len(title.split()) else title
    if not title:
        return None  # a list of times or a video's length: nothing happens in it
    acting = kinds.subject_kind(title)
    if acting is not None and kind in (EventKind.OTHER, EventKind.STATEMENT, EventKind.ATTACK):
        # «الادعاء التركي يطالب بسجن لاعب السلة», «المتظاهرون يحتلون مبنى البرلمان»
        kind = acting
    witnessed = verb_index is not None and clause_words[verb_index].folded in WITNESS_VERBS
    return _Happening(
        clause=clause,
        lead=lead,
        title=title,
        kind=kind,
        places=_where(kind, _places(clause_words, verb_index, verb_kind))
        or _home(kind, subject, found, clause_words)
        or _where(kind, _sentence_places(text, clause, kind)),
        actors=_main_actors(clause_words, verb_index, found, subject, witnessed=witnessed),
        subject=subject,
        subject_written=subject_written,
        members=[(m, clause) for m in clause.mentions],
        named=frozenset(mention.actor.name for mention in found),
        implicit_subject=implicit if implicit and title.startswith(implicit) else "",
    )


# How far before its date an event noun may stand: «استئناف المفاوضات مع الترويكا
# الأوروبية (بريطانيا، فرنسا، ألمانيا) يوم الجمعة».
EVENT_NOUN_REACH = 10


def _event_noun_before(clause_words: list[Word], date_index: int) -> tuple[int, str] | None:
    """(where the title starts, kind) for the event noun nearest before the date."""
    for index in range(date_index - 1, max(date_index - EVENT_NOUN_REACH, 0) - 1, -1):
        kind = kinds.lookup(clause_words[index], kinds.NOUN_KINDS)
        if kind is not None:
            # With its verbal-noun head when the noun is its object: «استئناف المفاوضات».
            head = clause_words[index - 1].folded if index > 0 else ""
            if head.startswith("ا") and not head.startswith("ال") and len(head) >= 5:
                return index - 1, kind
            return index, kind
    return None


def _feminine(clause_words: list[Word], span: tuple[int, int] | None, found: list) -> bool:
    """Whether the subject takes a feminine verb: a state («إسرائيل تقصف»), or a
    definite noun in «ة» («الحكومة تقرر», «المحكمة تقضي»)."""
    if span is None:
        return False
    for mention in found:
        if mention.first <= span[0] <= mention.last and mention.actor.type == "state":
            return not _masculine_state(clause_words[span[0]], mention.actor.name)
    place = bare_place_at(clause_words, span[0])
    if place is not None and kinds.names_a_state(clause_words[span[0]].folded):
        # «موسكو تنفي», «أنقرة ترد»: a capital stands for its state («برشلونة» the
        # city is the club more often than not)
        return not _masculine_state(clause_words[span[0]], place[1].name)
    first = clause_words[span[0]].folded
    # «المنظمتان»: two of a feminine noun.
    return first.startswith("ال") and (first.endswith("ه") or _feminine_dual(first))


def _masculine_state(written: Word, name: str) -> bool:
    """«العراق يعلن», but «المملكة المغربية تعلن»: the word written decides."""
    return name in MASCULINE_STATES and not written.folded.endswith("ه")


def _plural(clause_words: list[Word], span: tuple[int, int] | None, found: list) -> bool:
    """Whether the subject is a sound masculine plural that the headline's verb agrees
    with («مسؤولون أتراك يقولون», «الحوثيون يطلقون»); a person or a state never is
    («بوتين»)."""
    if span is None:
        return False
    for mention in found:
        if mention.first <= span[0] <= mention.last and mention.actor.type != "organisation":
            return False
    head = clause_words[span[0]].folded
    definite_plural = head.startswith("ال") and len(head) > 4 and head.endswith("ون")
    if (definite_plural or kinds.people_plural(head)) and head not in SINGULARS_IN_UN:
        return True
    if head.removeprefix("ال") in BROKEN_PEOPLE_PLURALS:
        return True  # «قضاة يؤكدون», «النواب يصوتون»
    if (
        span[1] > span[0]
        and len(head) >= 5
        and head.endswith("و")
        and clause_words[span[0] + 1].folded.startswith("ال")
        and head not in PLACE_BY_SPELLING
        and (head.startswith("م") or kinds.people_plural(head[:-1] + "ون"))
    ):
        return True  # «ممثلو الادعاء يؤكدون»: the plural in «ون» before its owner loses «ن»
    # «جنود إسرائيليون»: a plural adjective of nationality agrees with a plural noun.
    return any(
        w.folded.endswith("ون") and plural_nationality(w) is not None
        for w in clause_words[span[0] + 1 : span[1] + 1]
    )


def _dual(clause_words: list[Word], span: tuple[int, int] | None, found: list) -> bool:
    """Whether the subject is two actors joined by «و» («ترامب وكيم», «روسيا والصين»),
    whom the headline's verb addresses in the dual."""
    if span is None:
        return False
    if any(r in DUAL_SUBJECTS or _feminine_dual(r) for r in readings(clause_words[span[0]].folded)):
        return True  # «أعلن الطرفان» → «الطرفان يعلنان», «المنظمتان تقولان»
    first = next((m for m in found if m.first <= span[0] <= m.last), None)
    if first is None:
        return _two_places(clause_words, span)  # «موسكو وبغداد توطدان»
    second = next((m for m in found if m.first == first.last + 1), None)
    if second is None or second.first > span[1]:
        return False  # «التقى غوتيريس ولي العهد»: the next actor is the object
    if not joined_by_and(clause_words[second.first]):
        return False
    # A third joined name makes a plural, which the headline leaves singular.
    return not any(
        m.first == second.last + 1 and joined_by_and(clause_words[m.first]) for m in found
    )


def _to_end_of_name(
    text: str, clause_words: list[Word], span: tuple[int, int], found: list[ActorMention]
) -> tuple[int, int]:
    """The subject's span, run on to the end of a known name that it stopped inside,
    where no punctuation parts them: «خبراء منظمة حظر الأسلحة الكيميائية» (its «حظر»
    reads as a verb), «ولي عهد المملكة العربية السعودية» (a place there starts no
    object), «نائب القائد العام للحرس الثوري»."""
    after = span[1] + 1
    if after >= len(clause_words):
        return span
    if text[clause_words[span[1]].end : clause_words[after].start].strip():
        return span  # «امرأة ثالثة تدعى، جولي سويتنيك»: the comma ends the subject
    inside = next((m for m in found if m.first <= span[1] and after <= m.last), None)
    if inside is None or plausible(inside.actor) is None:
        return span  # «للمعارضة السورية أخباراً»: an accusative read as a name is none
    return (span[0], inside.last)


def _two_places(clause_words: list[Word], span: tuple[int, int]) -> bool:
    """Whether the subject is two places standing for their states, joined by «و»."""
    first = bare_place_at(clause_words, span[0])
    if first is None or not kinds.names_a_state(clause_words[span[0]].folded):
        return False
    first_end = span[0] + first[0] - 1
    end = place_subject_end(clause_words, span[0])  # past «و» and a second place
    return first_end < span[1] and end is not None and end > first_end


WITH_WORDS = fold_set(*clauses.WITH_WORDS)
MASCULINE_STATES = frozenset(clauses.MASCULINE_STATES)
DUAL_SUBJECTS = fold_set(*clauses.DUAL_SUBJECTS)
SINGULARS_IN_UN = fold_set(*clauses.SINGULARS_IN_UN)
BROKEN_PEOPLE_PLURALS = fold_set(*clauses.BROKEN_PEOPLE_PLURALS)


def _feminine_dual(folded: str) -> bool:
    """«المنظمتان», «الحكومتان»: a definite noun in «ة» made dual."""
    return folded.startswith("ال") and folded.endswith("تان") and len(folded) >= 7


# Kinds of happening a state does at home when nothing says where: «فككت كوريا
# الشمالية موقعها للتجارب النووية», «اعتقلت تركيا…».
DOMESTIC_KINDS = frozenset(
    {EventKind.DECISION, EventKind.LEGAL, EventKind.ELECTION, EventKind.PROTEST,
     EventKind.DISASTER, EventKind.ECONOMY}
)  # fmt: skip


def _home(kind: str, subject: str | None, found: list, clause_words: list[Word]) -> tuple[str, ...]:
    """Where a state's own act took place when the clause names no place: the state,
    or the state whose body acts («القضاء العراقي»). An act «مع» someone else
    («استئناف المفاوضات مع الدول الأوروبية») may be anywhere."""
    if kind not in DOMESTIC_KINDS or not subject:
        return ()
    if any(word.folded in WITH_WORDS for word in clause_words):
        return ()
    for mention in found:
        if mention.actor.name != subject:
            continue
        if mention.actor.type == "state":
            return (subject,) if is_country(subject) else ()
        if mention.actor.type == "organisation":
            # «المحكمة الجنائية العراقية تصدر أحكاما»: a state's own body acts at home.
            countries = {
                NATIONALITY_BY_SPELLING[folded]
                for folded in map(fold, subject.split())
                if folded in NATIONALITY_BY_SPELLING
            }
            if len(countries) == 1 and is_country(country := countries.pop()):
                return (country,)
    return ()


def _where(kind: str, places: list[str]) -> tuple[str, ...]:
    """Where the happening took place. Words are said in a city, a hall or a studio;
    a statement is not placed in a whole country («تتواصل التعليقات في مصر»)."""
    if kind != EventKind.STATEMENT:
        return tuple(places)
    return tuple(name for name in places if not is_country(name))


def _sentence_places(text: str, clause: _Clause, kind: str) -> list[str]:
    """Where the sentence that a later clause goes on in took place: «وهذا ثالث هجوم
    في جلال آباد… عقب تفجير أسفر عن مقتل… في أول تموز» (the earlier blast was in
    the same city). Only the sentence's opening part, up to its first subordinate word;
    for a happening of no known kind, only a country the sentence opens on living
    through it («ويعيش اليمن على وقع حرب… تصاعدت حدتها مع تدخل الرياض»)."""
    start = without_dateline(text, clause.sentence)
    if clause.begin <= start:
        return []
    before = words(text[start : clause.begin], start)
    witnessing = next((i for i, w in enumerate(before) if w.folded in WITNESS_VERBS), None)
    witness = _witness(before, witnessing)
    if kind == EventKind.OTHER:
        return [witness] if witness is not None else []
    verb = next((i for i, w in enumerate(before) if kinds.verb_kind(w) is not None), None)
    found = places_of(before[: _main_clause_end(before, verb)])
    return [witness, *found] if witness is not None and witness not in found else found


def _witness(clause_words: list[Word], verb_index: int | None) -> str | None:
    """The place a «witnessing» verb has as its subject, right after it: «تشهد الأردن
    احتجاجات», «ويعيش اليمن على وقع حرب»."""
    if verb_index is None or clause_words[verb_index].folded not in WITNESS_VERBS:
        return None
    if verb_index + 1 >= len(clause_words):
        return None
    place = bare_place_at(clause_words, verb_index + 1)
    return place[1].name if place is not None else None


def _places(clause_words: list[Word], verb_index: int | None, verb_kind: str | None) -> list[str]:
    """Where the clause's happening took place: the places of its main clause; when
    that names none and goes on with its cause, the cause's («لقي عشرات مصرعهم إثر
    استهداف سوق في مدينة جرمانا»: the deaths were where the attack was)."""
    visited_after = verb_index if verb_kind == EventKind.VISIT else None
    end = _main_clause_end(clause_words, verb_index)
    main = places_of(clause_words[:end], visited_after=visited_after)
    witness = _witness(clause_words, verb_index)
    if witness is not None and witness not in main:
        main = [witness, *main]
    if main or end >= len(clause_words) or clause_words[end].folded not in CAUSE_WORDS:
        return main
    cause_end = _main_clause_end(clause_words, end)
    return places_of(clause_words[:cause_end], visited_after=visited_after)


def _construct_head(word: Word) -> bool:
    """Whether the word governs the name after it as its head («زملاء نيمار», «مدرب
    ليفربول»): a plain noun (see `_plain_word`), not a particle before a verb."""
    return _plain_word(word) and word.folded not in PARTICLES_BEFORE_VERB


def _plain_word(word: Word) -> bool:
    """A plain word, which may head a name or go on with one: not a function word, a
    definite one, a title or a verb the lexicon knows."""
    return not (
        is_function_word(word)
        or word.folded.startswith(("ال", "لل"))
        or any(r in TITLES for r in readings(word.folded))
        or kinds.verb_kind(word) is not None
    )


def _family_name_only(clause_words: list[Word], span: tuple[int, int], found: list) -> bool:
    """Whether a headline names the subject by its last word: a person the curated
    list does not know, named in three words or more, the last not after a particle
    («سهيل بن محمد المزروعي» → «المزروعي»; «تركي آل الشيخ» stays whole)."""
    first, last = span
    if last - first < 2 or clause_words[last - 1].folded in NAME_PARTICLES:
        return False
    if last + 1 < len(clause_words) and _plain_word(clause_words[last + 1]):
        return False  # «عباس جعفري دولت آبادي»: the name may be longer than was read
    for mention in found:
        if mention.first <= first and last <= mention.last:
            return mention.actor.type == "person" and mention.actor.name not in KNOWN_BY_NAME
    return False


def _short_name(
    clause_words: list[Word], span: tuple[int, int], actor: ActorRef
) -> tuple[int, int]:
    """A well-known person's name as headlines write it, by the one word that is
    their usual name: «الرئيس الأمريكي دونالد ترامب» → «ترامب», «لاريجاني يلتقي بوتين»."""
    if actor.type != "person":
        return span
    usual = {fold(alias) for alias in actor.aliases if " " not in alias.strip()}
    for index in range(span[1], span[0] - 1, -1):
        if usual & set(readings(clause_words[index].folded)):
            return index, index
    return span


def _main_actors(
    clause_words: list[Word],
    verb_index: int | None,
    found: list[ActorMention],
    subject: str | None,
    *,
    witnessed: bool = False,
) -> tuple[ActorRef, ...]:
    """Who acts or is acted on: the subject and the actors of the main clause. Those
    named after it, in what the clause goes on to explain («…للتعليق على أزمته مع
    اتحاد الكرة»), are part of something else. A country that «witnesses» the
    happening («تشهد الأردن احتجاجات») is where, not who."""
    end = _main_clause_end(clause_words, verb_index)
    named = [
        m.actor
        for m in found
        if (m.first < end or m.actor.name == subject)
        and not _describes_person(clause_words, m, found)
    ]
    actors = [actor for actor in map(plausible, named) if actor is not None]
    if witnessed:
        actors = [a for a in actors if not (a.name == subject and a.type == "state")]
    return tuple(actors)


DESCRIBED_REACH = 5  # words from a title's organisation to the name it describes
MEMBER_TITLES = fold_set(*actors_lexicon.MEMBER_TITLES)


def _describes_person(clause_words: list[Word], mention: ActorMention, found: list) -> bool:
    """Whether an organisation only says who a person is: «نجم المنتخب المصري وفريق
    ليفربول محمد صلاح» is about Salah; the team does nothing."""
    if mention.actor.type != "organisation" or mention.first == 0:
        return False
    title = clause_words[mention.first - 1]
    if not any(r in MEMBER_TITLES for r in readings(title.folded)):
        return False  # «زعيم تيار المستقبل سعد الحريري» leads it: the party acts too
    return any(
        other.actor.type == "person"
        and mention.last < other.first <= mention.last + DESCRIBED_REACH
        for other in found
    )


def _main_clause_end(clause_words: list[Word], verb_index: int | None) -> int:
    """Where the main clause ends: at the first word opening a subordinate part
    after the verb («الذي», «حيث», «بعدما»…). Places named after it are where
    something else happened."""
    start = 0 if verb_index is None else verb_index + 1
    for index in range(start, len(clause_words)):
        folded = clause_words[index].folded
        # A relative clause about the subject stays: «التحالف الذي تقوده السعودية في اليمن».
        if folded in BOUNDARY_WORDS and folded not in RELATIVE_PRONOUNS:
            return index
    return len(clause_words)


RELATIVE_PRONOUNS = fold_set(*clauses.RELATIVE_PRONOUNS)
OPENING_NEGATIONS = fold_set(*clauses.OPENING_NEGATIONS)
CAUSE_WORDS = fold_set(*clauses.CAUSE_WORDS)


def _only_this_year(mentions: list, granularity: str | None, published: date | None) -> bool:
    """Whether the clause is dated only by the publication's own year, relatively."""
    return (
        granularity == "year"
        and published is not None
        and all(
            getattr(m, "anchored", False) and m.first_day and m.first_day.year == published.year
            for m in mentions
        )
    )


def _position(content: list[int], index: int) -> int:
    """Where word `index` of the clause stands among its content words."""
    return next((p for p, i in enumerate(content) if i >= index), max(len(content) - 1, 0))


def _main_verb(
    clause_words: list[Word], content: list[int], sources: set[int]
) -> tuple[int | None, str | None]:
    """(index, kind) of the clause's main verb.

    A news clause mostly opens with its verb, known to the lexicon or not («علّق
    رئيس الهيئة…»); otherwise the first verb the lexicon knows.
    """
    words_ = [clause_words[i] for i in content]
    known = kinds.verb_at(words_)
    if (
        known is not None
        and known[0] > 0
        and words_[known[0]].folded.startswith("و")
        and governed_verbal_noun(words_[known[0] - 1])
    ):
        # «قام قرويون… باغتصاب وقتل فتاة»: «وقتل» is a second verbal noun, no verb.
        later = kinds.verb_at(words_[known[0] + 1 :])
        known = (known[0] + 1 + later[0], later[1]) if later is not None else None
    # «وبحسب الشرطة، قام قرويون…»: the source set off before the verb opens nothing.
    opening = next(
        (
            p
            for p, w in enumerate(words_)
            if w.folded not in LEADING_WORDS and content[p] not in sources
        ),
        None,
    )
    perfect = _after_perfect_particle(words_)
    if perfect is not None and (known is None or perfect < known[0]):
        # «وكانت السلطات قد حجبت…»: after «كان … قد» comes the verb, known or not.
        return content[perfect], kinds.verb_kind(words_[perfect]) or str(EventKind.OTHER)
    if opening is not None and (known is None or opening < known[0]):
        word = words_[opening]
        following = words_[opening + 1] if opening + 1 < len(words_) else None
        # «وفي أعقاب المحاكمة…»: after a preposition comes a noun, not the verb.
        governed = opening > 0 and kinds.governed(words_, opening)
        light = any(r in kinds.LIGHT_VERBS for r in kinds.verb_readings(word.folded))
        if not governed and (light or kinds.looks_like_verb(word, following)):
            # «تمكنت فرقة الشرطة من…», «وبدأت عملية الاقتراع…»: a light verb opens it.
            kind = kinds.verb_kind(word) or str(EventKind.OTHER)
            return content[opening], kind
    if known is None:
        return None, None
    return content[known[0]], known[1]


# The person prefix a present verb takes after «أنّ» with each pronoun: «أنه سيزور»,
# «أنها ستطلق», «أنهم يرفضون», «أننا نرفض».
_PRONOUN_PERSONS = {"ه": "ي", "ها": "ت", "هم": "ي", "هما": "ي", "نا": "ن"}


def _pronoun_subject(
    text: str, clause_words: list[Word], verb_index: int, drop: frozenset[int]
) -> bool:
    """Whether the verb's subject is the pronoun of the «أنه»/«إنها» right before it
    (in the clause, or just before it when the clause starts at the verb), the verb
    agreeing with it («أكد الوزير أنه سيزور الرئيس السوري»: the minister visits, the
    president is visited). «أنه ستعقد القمة» does not agree: «القمة» is its subject."""
    before = next((i for i in range(verb_index - 1, -1, -1) if i not in drop), None)
    if before is not None:
        that = clause_words[before].folded
    else:
        previous = _WORD.findall(
            text, max(0, clause_words[verb_index].start - 20), clause_words[verb_index].start
        )
        that = normalise_for_matching(previous[-1]) if previous else ""
    if that not in SAID_OPENERS:
        return False
    pronoun = that[2:]
    person = _PRONOUN_PERSONS.get(pronoun)
    verb = clause_words[verb_index].folded
    if verb.startswith("س") and len(verb) > 3:
        verb = verb[1:]  # the future: «سيزور»
    return person is not None and verb.startswith(person)


def _after_perfect_particle(words_: list[Word]) -> int | None:
    """The position of the verb after the «قد» of a «كان … قد» that opens the clause
    («وكان العاهل المغربي قد أجرى جراحة…»), or of a «قد» before a past right after
    the subject («الوحدات الأمنية قد قبضت على…»); None if there is none."""
    auxiliary = next(
        (p for p, w in enumerate(words_[:3]) if w.folded in _AUXILIARIES),
        None,
    )
    if auxiliary is None:
        return _after_subject_and_qad(words_)
    if any(w.folded not in LEADING_WORDS for w in words_[:auxiliary]):
        return None  # «وفي حين كان…» opens with something else
    last = min(len(words_) - 1, auxiliary + AUXILIARY_REACH + 2)
    for position in range(auxiliary + 1, last):
        if words_[position].folded in _PERFECT_PARTICLES:
            return position + 1
    return None


QAD = fold("قد")


def _after_subject_and_qad(words_: list[Word]) -> int | None:
    """The position of a past verb after a definite subject and «قد» that open the
    clause («الوحدات الأمنية قد قبضت على…»), or None. A verb before «قد» makes it
    part of something else, and «قد» before a present says «may» («الشركة قد تنسحب»)."""
    if not words_ or not words_[0].folded.removeprefix("و").startswith("ال"):
        return None  # «والوحدات الأمنية قد…» too
    for position in range(1, min(len(words_) - 1, AUXILIARY_REACH + 1)):
        word = words_[position]
        if word.folded == QAD:
            following = words_[position + 1].folded
            return position + 1 if _past_form(following) else None
        if kinds.verb_kind(word) is not None or is_function_word(word):
            return None
    return None


def _past_form(folded: str) -> bool:
    """Whether a word after «قد» reads as a past verb: the feminine or plural ending of
    the past («قبضت», «خرجوا»), or no prefix of the present."""
    return folded.endswith(("ت", "وا")) or not folded.startswith(("ي", "ت", "ن", "ا"))


def _reported_clause(
    clause_words: list[Word],
    content: list[int],
    verb_index: int | None,
    verb_kind: str | None,
    date_index: int,
) -> int | None:
    """The index of the «أن»/«إن» that opens what a reporting verb reports, when
    the clause's date stands inside that report."""
    if verb_index is None or date_index <= verb_index:
        return None
    if verb_kind != EventKind.STATEMENT and not kinds.is_reporting(clause_words[verb_index]):
        return None
    return next(
        (
            i
            for i in content
            if verb_index < i < date_index and clause_words[i].folded in THAT_WORDS
        ),
        None,
    )


def _reports_figures(clause_words: list[Word], content: list[int], verb_index: int | None) -> bool:
    """Whether what a statement reports («أن…») is a figure that rose, fell or reached
    some amount: the news is the figure, an economy event."""
    if verb_index is None:
        return False
    that = next(
        (i for i in content if i > verb_index and clause_words[i].folded in THAT_WORDS), None
    )
    if that is None:
        return False
    reported = [clause_words[i] for i in content if i > that]
    moves = any(r in STATISTIC_VERBS for w in reported for r in readings(w.folded))
    amount = any(w.folded in FIGURE_UNITS for w in reported)
    return moves and amount


RELATIVE_REACH = 4  # how many words a relative pronoun's noun may have
DATING_VERBS = fold_set(*event_kinds_lexicon.DATING_VERBS)


def _dated_relative_clause(
    text: str,
    clause_words: list[Word],
    content: list[int],
    verb_index: int | None,
    verb_kind: str | None,
    date_index: int,
) -> tuple[int, int] | None:
    """(first word of the noun, the pronoun) of a relative clause that holds the
    date and opens with its own verb, in a clause whose main verb only reports."""
    if verb_index is None or not (
        verb_kind == EventKind.STATEMENT or kinds.is_reporting(clause_words[verb_index])
    ):
        return None
    start = verb_index
    pronoun = next(
        (
            i
            for i in reversed(content)
            if start < i < date_index and clause_words[i].folded in RELATIVE_PRONOUNS
        ),
        None,
    )
    if pronoun is None or pronoun + 1 >= len(clause_words) or pronoun + 1 == date_index:
        return None
    opening = clause_words[pronoun + 1].folded
    # After the pronoun comes the relative clause's verb («التي اتخذت»), rarely a
    # noun («التي مقرها لندن»), which carries the article or a noun's ending.
    if opening.startswith("ال") or opening in FUNCTION or not 3 <= len(opening) <= 7:
        return None
    if kinds.verb_kind(clause_words[pronoun + 1]) is None and opening.endswith(("ه", "ها", "ات")):
        return None
    if opening in DATING_VERBS:
        return None
    antecedent = pronoun
    for index in range(pronoun - 1, max(start, pronoun - 1 - RELATIVE_REACH), -1):
        word = clause_words[index]
        if word.folded in FUNCTION or index in (verb_index,):
            break
        if any(mark in text[word.end : clause_words[index + 1].start] for mark in '،,؛:"«»'):
            break
        antecedent = index
    if antecedent == pronoun or not clause_words[antecedent].folded.startswith("ال"):
        return None  # a relative pronoun follows a definite noun
    return antecedent, pronoun


def _subject_before(
    text: str,
    clause_words: list[Word],
    content: list[int],
    verb_index: int,
    found: list,
) -> str | None:
    """The subject when it stands before the verb («كوريا الشمالية تقول…»)."""
    before = [
        i
        for i in content
        if i < verb_index
        and clause_words[i].folded not in LEADING_WORDS
        and clause_words[i].folded not in PARTICLES_BEFORE_VERB
    ]
    if not before:
        return None
    opens = before[0]
    before = _without_so_called(clause_words, before)
    if verb_index > 0 and clause_words[verb_index - 1].folded in THAT_WORDS:
        return None  # «ومن المقرر أن يلتقي المبعوث…»: the subject comes after the verb
    gap = text[clause_words[before[-1]].end : clause_words[verb_index].start]
    opened_by_auxiliary = opens > 0 and any(
        r in _AUXILIARIES for r in readings(clause_words[opens - 1].folded)
    )
    if any(mark in gap for mark in "،,؛:") and not opened_by_auxiliary:
        # An opening phrase, not a subject; but «وكان الرئيس، قد أعلن» sets off its
        # subject between «كان» and «قد».
        return None
    if clause_words[before[0]].folded in FUNCTION:
        return None  # «في ظل…», «بعد…»: a phrase, not a subject
    if before[0] - 1 in content and kinds.governed(clause_words, before[0]):
        return None  # «ويذكر أنه في كوبا كشفت الولايات المتحدة…»: «في» passed over above
    for mention in found:
        if mention.first in before:
            return mention.actor.name
    # A subject the lexicons do not know: «وكانت الدول الثلاث قد أمهلت…».
    return " ".join(clause_words[i].text for i in before)


SO_CALLED = fold_set(*clauses.SO_CALLED)
STATIVE_VERBS = fold_set(*clauses.STATIVE_VERBS)
TODAY = fold("اليوم")
UNTIL_WORDS = fold_set(*clauses.UNTIL_WORDS)
WITNESS_VERBS = fold_set(*clauses.WITNESS_VERBS)
OPENING_PREPOSITIONS = fold_set(*clauses.OPENING_PREPOSITIONS)


def _opening_phrase(
    text: str, clause_words: list[Word], content: list[int], verb_index: int | None
) -> frozenset[int]:
    """The words of a phrase that opens the clause with a preposition and ends at a
    comma before the verb («قبل حلول اليوم العالمي للمرأة، أصدرت الشركة…»)."""
    if verb_index is None:
        return frozenset()
    before = [i for i in content if i < verb_index]
    if not before:
        return frozenset()
    opener = clause_words[before[0]].folded
    if opener not in OPENING_PREPOSITIONS and not (
        opener[:1] in "وف" and opener[1:] in OPENING_PREPOSITIONS
    ):
        return frozenset()
    gap = text[clause_words[verb_index - 1].end : clause_words[verb_index].start]
    if not any(mark in gap for mark in "،,"):
        return frozenset()
    return frozenset(before)


def _without_so_called(clause_words: list[Word], before: list[int]) -> list[int]:
    """The subject's words without «ما يسمى بـ» before its name («وكانت ما يسمى
    بـ"الهيئة التسييرية"…، قررت»)."""
    # After an auxiliary at most: «وكانت ما يسمى…».
    start = next(
        (p for p in range(min(2, len(before))) if clause_words[before[p]].folded == "ما"), None
    )
    if start is None or start + 2 >= len(before):
        return before
    if clause_words[before[start + 1]].folded not in SO_CALLED:
        return before
    rest = before[start + 2 :]
    if clause_words[rest[0]].folded == "ب":
        rest = rest[1:]
    return before[:start] + rest


def _same_happening(known: _Happening, new: _Happening) -> bool:
    """Whether a later clause of the article dates a happening already found."""
    if (known.lead.first_day, known.lead.last_day) != (new.lead.first_day, new.lead.last_day):
        return False
    if granularity_of(known.lead.value) != granularity_of(new.lead.value):
        return False
    if known.subject and new.subject and known.subject == new.subject:
        # One actor's doings on one day are one happening («أعلن… ثم قال…»).
        return True
    if new.implicit_subject and new.implicit_subject == known.subject_written:
        return True  # «أعلنت إثيوبيا وإريتريا… وتابع أن الاتفاق…»: the same actors go on
    if _statement_about(known, new) or _statement_about(new, known):
        return True
    ours, theirs = title_words(known.title), title_words(new.title)
    if not ours or not theirs:
        return False
    shared = len(ours & theirs)
    if (
        known.kind == new.kind
        and known.kind not in (EventKind.STATEMENT, EventKind.OTHER)
        and shared / min(len(ours), len(theirs)) >= 0.5
    ):
        # «القمة تعقد» again, the same day, after «قمته مع كيم تعقد في سنغافورة».
        return True
    if known.subject and new.subject:
        return False
    return shared / len(ours | theirs) >= 0.5


def _statement_about(statement: _Happening, other: _Happening) -> bool:
    """Whether a statement, dated like another happening and made by one of its
    actors, is about it: «a statement about a meeting is part of the meeting»
    (guidelines); «ترامب يقول: سنجتمع في سنغافورة» is part of the summit."""
    if statement.kind != EventKind.STATEMENT:
        return False
    if other.kind not in GATHERING_KINDS:
        # Who criticises a raid or condemns a strike made news of their own: only
        # a gathering's participants speak as part of it.
        return False
    return bool(statement.subject) and statement.subject in other.named


GATHERING_KINDS = frozenset(
    {EventKind.MEETING, EventKind.TALKS, EventKind.VISIT, EventKind.AGREEMENT}
)


HEADLINE_SUBJECT_WORDS = 3


def _candidates(
    text: str,
    happenings: list[_Happening],
    headline_text: str,
    published: date | None,
    headline_speaker: tuple[str, str],
) -> list[EventCandidate]:
    headline_words = title_words(headline_text) if headline_text else frozenset()
    # Headlines name who acts first: «نجيب ساويرس يدعم محمد صلاح…».
    headline_opening = title_words(" ".join(headline_text.split()[:HEADLINE_SUBJECT_WORDS]))
    # Sentences count from the first one that dates anything: that is the lead.
    first_sentence = min((c.sentence_index for h in happenings for _, c in h.members), default=0)
    scored: list[tuple[_Happening, float]] = []
    clause_texts: dict[int, str] = {}
    sentence_of = {id(h): min(c.sentence_index for _, c in h.members) for h in happenings}
    per_sentence = Counter(sentence_of.values())
    for happening in happenings:
        clause_text = " ".join(
            text[c.begin : c.end] for c in {id(c): c for _, c in happening.members}.values()
        )
        clause_texts[id(happening)] = clause_text
        overlap = 0.0
        if headline_words:
            # Each report of the happening on its own: two clauses together share more
            # of the headline than either, which says nothing of what the headline tells.
            overlap = max(
                len(headline_words & title_words(text[c.begin : c.end])) / len(headline_words)
                for _, c in happening.members
            )
        subject_words = title_words(happening.subject_written or happening.subject or "")
        signals = SalienceSignals(
            headline_overlap=overlap,
            headline_subject=bool(subject_words & headline_opening),
            sentence_index=sentence_of[id(happening)] - first_sentence,
            days_from_publication=days_between(
                happening.lead.first_day, happening.lead.last_day, published
            ),
            anchors=len(happening.members),
            kind=happening.kind,
            granularity=granularity_of(happening.lead.value) or "year",
            sentence_happenings=per_sentence[sentence_of[id(happening)]],
        )
        scored.append((happening, salience(signals)))
    main = max(scored, key=lambda item: item[1])[0] if scored else None
    candidates: list[EventCandidate] = []
    for group, (happening, score) in enumerate(scored):
        title = happening.title
        if happening is main and headline_text:
            title = _headline_as_title(
                headline_text, title, clause_texts[id(happening)], *headline_speaker
            )
        lead = happening.lead
        granularity = granularity_of(lead.value)
        # Happenings are built from event dates only (`is_event_date`): resolved periods.
        assert lead.first_day and lead.last_day and granularity, lead
        for mention, clause in happening.members:
            sentence = clause.sentence
            candidates.append(
                EventCandidate(
                    mention=mention,
                    title=title,
                    kind=happening.kind,
                    first_day=lead.first_day,
                    last_day=lead.last_day,
                    granularity=granularity,
                    mod=lead.mod,
                    excerpt=text[sentence[0] : sentence[1]],
                    highlight_start=mention.start - sentence[0],
                    highlight_end=mention.end - sentence[0],
                    places=happening.places,
                    actors=happening.actors,
                    salience=score,
                    group=group,
                )
            )
    candidates.sort(key=lambda c: c.mention.start)
    # The lead of each group comes first among its members.
    leads = {id(h.lead) for h, _ in scored}
    candidates.sort(key=lambda c: (c.group, id(c.mention) not in leads))
    return candidates


# Punctuation a headline quoting someone uses: «قرقاش: الحملة… متوقعة.. ونجاحها…»
# A headline in two parts («وسط أزمته مع اتحاد الكرة.. الفيفا: …») is no sentence.
_HEADLINE_BREAK = re.compile(r":|\.\.|…")
_QUOTE_MARKS = re.compile(r"[\"«»“”]")


def _headline_as_title(
    headline_text: str,
    title: str,
    clause_text: str = "",
    speaker: str = "",
    speaker_type: str = "",
) -> str:
    """The article's headline titles its main event when it is a plain sentence of
    at most MAX_WORDS words about the same happening; a phrase it quotes keeps its
    words, not its marks («بوتن يحذر ماكرون من "عمل متهور"»), but a headline that
    is a quotation is no title. A headline quoting its `speaker` («سكولاري: نيمار لن
    يبلغ…») is told as what they said («سكولاري يؤكد أن نيمار لن يبلغ…»)."""
    if not speaker:
        # «سكولاري: نيمار لن يبلغ…» over «سكولاري يؤكد أن نيمار…»: a name no list knows
        # speaks in the headline when the title has them speak too.
        labelled = _headline_label(headline_text)
        if labelled is not None and not _names_the_piece(labelled[0]):
            label = headline_text.strip()[labelled[0][0].start : labelled[0][-1].end]
            speaker = label if title.startswith(label + " ") else ""
    said = _speaker_said(headline_text.strip().rstrip("."), speaker, speaker_type, title)
    candidate = said or _without_label(headline_text.strip().rstrip("."))
    if _HEADLINE_BREAK.search(candidate) or _QUOTE_MARKS.match(candidate):
        return title
    if candidate.endswith(("؟", "?")):
        return title  # «من هو المالك الجديد…؟»: a question tells no happening
    candidate = _without_dates(" ".join(_QUOTE_MARKS.sub(" ", candidate).split()))
    if not candidate or fitted(candidate) != candidate:
        return title
    # About the same happening: it shares words with the title, or with the clause
    # the title was cut from («…من أي "عمل متهور"» beyond the title's 12 words).
    told = title_words(title) | title_words(clause_text)
    if len(title_words(candidate) & told) < HEADLINE_MIN_SHARED:
        return title
    return _without_leading_title(candidate)


HEADLINE_LABELS = fold_set(*clauses.HEADLINE_LABELS)
# The label of a headline and what follows it: «باراغواي : محتجون…», «تعز.. تحرير…».
_LABELLED = re.compile(r"^(?P<label>[^:.…]{2,40}?)\s*(?::|\.\.+|…)\s*(?P<rest>.+)$")
LABEL_MAX_WORDS = 3


def _headline_label(headline_text: str) -> tuple[list[Word], str] | None:
    """The words of the label before a headline's «:» or «..» (at most LABEL_MAX_WORDS
    + 1), and what follows it; None when it has no such label."""
    labelled = _LABELLED.match(headline_text.strip())
    if labelled is None:
        return None
    label_words = words(labelled["label"].strip(), 0)
    if not label_words or len(label_words) > LABEL_MAX_WORDS + 1:
        return None
    return label_words, labelled["rest"].strip()


def _names_the_piece(label_words: list[Word]) -> bool:
    """A label that says what kind of piece it is («رسميا», «طقس اليوم») or where
    («العراق», «باراغواي»), not who speaks."""
    if len(label_words) > LABEL_MAX_WORDS:
        return False
    if " ".join(w.folded for w in label_words) in HEADLINE_LABELS:
        return True
    place = match_at(label_words, 0)
    return place is not None and place[1] is not None and place[0] == len(label_words)


def _without_label(headline_text: str) -> str:
    """A headline without the label before its «:» or «..» when the label is a kind of
    piece («رسميا..», «طقس اليوم:») or a place («العراق: السجن المؤبد لـ29 أجنبية»);
    a speaker before a colon («قرقاش: …») stays, and so the headline is no title."""
    labelled = _headline_label(headline_text)
    if labelled is None or not _names_the_piece(labelled[0]):
        return headline_text
    return labelled[1]


def _headline_speaker(headline_text: str, published: date | None) -> tuple[str, str]:
    """Who an article's headline quotes, by name, and the type of actor they are:
    «الباجي قائد السبسي : قضاء 15 عاما بالسجن…» → («الباجي قائد السبسي», "person");
    ("", "") when its label is a place, a kind of piece or no known actor's name."""
    labelled = _headline_label(headline_text)
    if labelled is None or _names_the_piece(labelled[0]):
        return "", ""
    label_words = labelled[0]
    label = headline_text.strip()[label_words[0].start : label_words[-1].end]
    found = actors_of(label_words, published, text=label)
    if len(found) != 1 or found[0].first != 0 or found[0].last != len(label_words) - 1:
        return "", ""
    return label, found[0].actor.type


FIRST_PERSON_WORDS = fold_set(*clauses.FIRST_PERSON_WORDS)
FIRST_PERSON_PARTICLES = fold_set(*clauses.FIRST_PERSON_PARTICLES)
SAID_WITH_PRONOUN_OPENERS = fold_set(*clauses.SAID_WITH_PRONOUN_OPENERS)


def _verb_in_quotation(said_words: list[Word], index: int) -> bool:
    """Whether a word of a quoted headline is a verb after its subject: a feminine
    past the lexicon knows («قررت»), a plural past («قبلوا»), or a present or future
    by its prefix («يبلغ», «تسعى», «ستقتل») that is no place («تونس») or nationality
    («تونسي»), no plural or noun in «ة» («تخفيضات») and no verbal noun («تحضير»)."""
    word = said_words[index]
    if index == 0:
        return False  # «حجز 3 مراكب…», «توقيف المشتبه به»: a verbal noun opens a label
    if kinds.plural_past(word.folded) is not None:
        return True
    if kinds.verb_kind(word) is not None and word.folded.endswith("ت"):
        return True  # «قررت»; a bare «حكم» or «حجز» is as often the noun
    folded = word.folded[1:] if word.folded[:1] in "وف" and len(word.folded) > 4 else word.folded
    if folded.startswith(("سي", "ست")) and len(folded) >= 5:
        folded = folded[1:]
    if len(folded) < 4 or folded.endswith(("ات", "ه")) or match_at(said_words, index):
        return False
    if nationality(word) is not None:
        return False  # «تونسي», «تركي»
    if indefinite_verbal_noun(Word(word.start, word.end, word.text, folded)):
        return False  # «تحضير», «تنظيم»
    return folded.startswith(("ي", "تت", "تست")) or (folded.startswith("ت") and len(folded) <= 5)


def _ours(word: Word) -> bool:
    """«زيارتنا», «بلادنا»: a noun with «نا», what the speaker holds as theirs."""
    folded = word.folded
    return len(folded) >= 5 and folded.endswith("نا") and not match_at([word], 0)


def _speaker_said(headline_text: str, speaker: str, speaker_type: str, title: str) -> str:
    """«الغنوشي : الإرهابيون مرض…» → «الغنوشي يؤكد أن الإرهابيون مرض…»: a headline that
    quotes its speaker, told as a statement; "" when it has no speaker, or when what
    it quotes is a question, has a second part («..») or speaks in the first person
    («شفيق صرصار : سأواصل مهامي»), which no one else's headline can repeat."""
    labelled = _headline_label(headline_text) if speaker else None
    if labelled is None:
        return ""
    said = labelled[1]
    if _HEADLINE_BREAK.search(said) or said.endswith(("؟", "?")):
        return ""
    said_words = words(said, 0)
    if not any(_verb_in_quotation(said_words, i) for i in range(len(said_words))):
        return ""  # «الكنيست: قراءة أولى لمشروع قانون…» names a happening, says nothing
    for position, word in enumerate(said_words):
        written = without_marks(word.text).lstrip("وف")
        if word.folded in FIRST_PERSON_WORDS or written.startswith("سأ"):
            return ""
        after_particle = position > 0 and said_words[position - 1].folded in FIRST_PERSON_PARTICLES
        if after_particle and written[:1] in "نأ":
            return ""  # «قد نتخذ», «لا أعرف»
        if _ours(word):
            return ""  # «زيارتنا», «أولويتنا»
    # The speaker's verb as the title already writes it («تيريزا ماي تؤكد»), or by
    # its kind: a state or a noun in «ة» («وزارة الصحة») speaks in the feminine.
    opening = title.split()[len(speaker.split()) : len(speaker.split()) + 1]
    if title.startswith(speaker + " ") and opening and fold(opening[0])[:1] in "يت":
        feminine = fold(opening[0]).startswith("ت")
    else:
        feminine = speaker_type == "state" or fold(speaker.split()[0]).endswith("ه")
    verb = "تؤكد" if feminine else "يؤكد"
    that = "أنه" if said_words[0].folded in SAID_WITH_PRONOUN_OPENERS else "أن"
    return f"{speaker} {verb} {that} {said}"


def _without_leading_title(headline_text: str) -> str:
    """A well-known person is headlined by name alone: «الرئيس ترامب يعلن…» →
    «ترامب يعلن…», «الرئيس الأمريكي ترامب…» too."""
    parts = headline_text.split()
    # A definite title is the person's own; «مستشار خامنئي» is someone else.
    if not parts or fold(parts[0]) not in TITLES or not fold(parts[0]).startswith("ال"):
        return headline_text
    after = 1
    while after < len(parts) - 1 and NATIONALITY_BY_SPELLING.get(fold(parts[after])):
        after += 1
    known = KNOWN_BY_SPELLING.get(fold(parts[after])) if after < len(parts) else None
    if known is None or known.type != "person":
        return headline_text
    return " ".join(parts[after:])


# Prepositions that only introduce the date after them in a headline: «في 12 يونيو».
HEADLINE_DATE_PREPOSITIONS = fold_set(*clauses.HEADLINE_DATE_PREPOSITIONS)


def _without_dates(headline_text: str) -> str:
    """A headline without its date expressions («ترامب سيعقد قمته مع كيم في 12 يونيو
    المقبل في سنغافورة» → «…قمته مع كيم في سنغافورة»): a title has no date words."""
    for mention in sorted(extract(headline_text), key=lambda m: -m.start):
        before = headline_text[: mention.start].split()
        if before and fold(before[-1]) in HEADLINE_DATE_PREPOSITIONS:
            before.pop()
        headline_text = " ".join([*before, *headline_text[mention.end :].split()])
    return headline_text


# --- Clustering ------------------------------------------------------------------

# Words that say nothing about which event a title reports (normalised, no clitics).
STOPWORDS: frozenset[str] = fold_set(*stopwords_lexicon.CLUSTER_STOPWORDS) | frozenset(
    (*WEEKDAYS, *GREGORIAN_MONTHS, *HIJRI_MONTHS)
)
_LETTERS = re.compile(r"\w+")
_TOKEN_CLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")


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
