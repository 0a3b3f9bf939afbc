"""Who acts or is acted on in a clause: people, organisations and states.

Found, in this order of trust, from the curated list of well-known actors
(`timeline/lexicon/actors.py`, with every alias), from titles that name one
person at a time («الرئيس الروسي» on the article's date), from a title followed
by a name («وزير الخارجية الأمريكي مايك بومبيو»), from the heads of organisation
names («وزارة الصحة», «حركة النهضة»), and from countries named as a subject or
object rather than as a location.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from timeline.extraction.arabic import (
    FUNCTION,
    Word,
    fold,
    fold_set,
    is_function_word,
    readings,
    without_marks,
)
from timeline.extraction.kinds import NOUN_KINDS, lookup, names_a_state, people_plural, verb_kind
from timeline.extraction.places import (
    bare_place_at,
    match_at,
    match_places,
    nationality,
    plural_nationality,
)
from timeline.extraction.verbs import IRREGULAR
from timeline.lexicon import actors as actors_lexicon
from timeline.lexicon import clauses as clauses_lexicon
from timeline.lexicon.actors import (
    ACTORS,
    MEDIUM_WORDS,
    ORGANISATION_HEADS,
    PERSON_TITLES,
    PLATFORMS,
    TITLE_ACTORS,
    VENUE_WORDS,
)
from timeline.lexicon.places import CAPITALS


@dataclass(frozen=True, slots=True)
class ActorRef:
    name: str  # display name: the curated one, else the name as written
    type: str  # person, organisation or state
    aliases: tuple[str, ...] = ()  # other spellings seen or curated


class ActorMention(NamedTuple):
    """Where a clause names an actor: words first..last, the name from `name_first`
    (after its title: «وزير الخارجية الأمريكي مايك بومبيو»)."""

    first: int
    last: int
    actor: ActorRef
    name_first: int


@dataclass(frozen=True, slots=True)
class _Known:
    name: str
    type: str
    aliases: tuple[str, ...]


# First names written with the article («المنصف», «الحبيب»), folded.
_DEFINITE_GIVEN = frozenset(
    fold(name) for name in actors_lexicon.GIVEN_NAMES if name.startswith("ال")
)


def _known_actors() -> dict[str, _Known]:
    table: dict[str, _Known] = {}
    for name, (actor_type, aliases) in ACTORS.items():
        known = _Known(name, actor_type, tuple(aliases))
        for spelling in (name, *aliases):
            table.setdefault(fold(spelling), known)
            # Names are also written with «ي» and «و» for a hamza on its seat: «قايد
            # السبسي» is «قائد السبسي».
            table.setdefault(fold(spelling).replace("ئ", "ي").replace("ؤ", "و"), known)
            # A Maghrebi first name is written with or without the article: «منصف
            # المرزوقي» is «المنصف المرزوقي».
            first, _, rest = fold(spelling).partition(" ")
            if actor_type == "person" and rest and _DEFINITE_GIVEN & {first, "ال" + first}:
                other = first[2:] if first.startswith("ال") else "ال" + first
                table.setdefault(f"{other} {rest}", known)
    return table


KNOWN_BY_SPELLING: dict[str, _Known] = _known_actors()
KNOWN_BY_NAME: dict[str, _Known] = {k.name: k for k in KNOWN_BY_SPELLING.values()}
TITLES: frozenset[str] = frozenset(fold(t) for t in PERSON_TITLES)
TITLE_FIRST_WORDS: dict[str, int] = {}
for _title in TITLES:
    _head, _, _ = _title.partition(" ")
    TITLE_FIRST_WORDS[_head] = max(TITLE_FIRST_WORDS.get(_head, 0), _title.count(" ") + 1)
HEADS: frozenset[str] = frozenset(fold(h) for h in ORGANISATION_HEADS)
PLACE_HEADS: frozenset[str] = fold_set(*actors_lexicon.PLACE_COMPLEMENT_HEADS)
# Title phrases that name one person at a given time, with their periods.
TITLE_PERIODS: dict[str, list[tuple[str, date, date | None]]] = {}
for _title_phrase, _name, _from, _to in TITLE_ACTORS:
    TITLE_PERIODS.setdefault(fold(_title_phrase), []).append(
        (_name, date.fromisoformat(_from), date.fromisoformat(_to) if _to else None)
    )
# The first word of every known spelling or dated title, and its most words.
KNOWN_FIRST_WORDS: dict[str, int] = {}
for _spelling in (*KNOWN_BY_SPELLING, *TITLE_PERIODS):
    _head, _, _ = _spelling.partition(" ")
    KNOWN_FIRST_WORDS[_head] = max(KNOWN_FIRST_WORDS.get(_head, 0), _spelling.count(" ") + 1)
# Words inside a person's name that start with «ال» yet belong to it.
NAME_PARTICLES: frozenset[str] = fold_set(*actors_lexicon.NAME_PARTICLES)
# Words after a title that qualify it rather than name anyone.
TITLE_QUALIFIERS: frozenset[str] = fold_set(*actors_lexicon.TITLE_QUALIFIERS)
NAME_MAX_WORDS = 3
# The article, alone or after a clitic: no word of a name starts so («للمرشد»).
DEFINITE = ("ال", "لل", "بال", "وال", "فال", "كال", "وبال", "ولل")


def actors_of(
    clause: Sequence[Word],
    day: date | None,
    skip: frozenset[int] = frozenset(),
    text: str = "",
) -> list[ActorMention]:
    """(index of the first word, of the last, actor) of every actor in the clause.

    `day` (the article's date) picks who a title such as «الرئيس الأمريكي» names.
    Words whose index is in `skip` (the date expressions) are never part of a name.
    """
    found: list[ActorMention] = []
    taken: set[int] = set(skip)
    index = 0
    while index < len(clause):
        if index in taken:
            index += 1
            continue
        hit = _known_at(clause, index, day, taken) or _titled_at(clause, index, taken, day)
        if hit is None and text:
            hit = _quoted_organisation_at(text, clause, index, taken)
        if hit is None:
            hit = _organisation_at(clause, index, taken)
        if hit is None:
            index += 1
            continue
        size, actor, name_offset = hit
        relative = _relative_at(clause, index, size, actor, taken)
        if relative is not None:
            # «حافظ قايد السبسي» is not «الباجي قائد السبسي»: another of the family.
            found.append(ActorMention(index - 1, index + size - 1, relative, index - 1))
        elif actor is not None:
            found.append(ActorMention(index, index + size - 1, actor, index + name_offset))
        taken.update(range(index, index + size))
        index += size
    for match in match_places(clause):
        located = match.locative and not match.governed
        if match.first in taken or located or _in_brackets(text, clause, match.first):
            continue
        if match.place.type == "country":
            state = ActorRef(match.place.name, "state")
            found.append(ActorMention(match.first, match.last, state, match.first))
    found = [m for m in found if not _medium(clause, m) and not _venue(clause, m)]
    found.sort(key=lambda item: item.first)
    unique: list[ActorMention] = []
    for mention in found:
        if all(mention.actor.name != other.actor.name for other in unique):
            unique.append(mention)
    return unique


PLATFORM_NAMES = fold_set(*PLATFORMS)
MEDIUM = fold_set(*MEDIUM_WORDS)


def _medium(clause: Sequence[Word], mention: ActorMention) -> bool:
    """Whether the mention is the platform words were posted on («على تويتر»)."""
    if fold(mention.actor.name) not in PLATFORM_NAMES or mention.first == 0:
        return False
    return clause[mention.first - 1].folded in MEDIUM


VENUE = fold_set(*VENUE_WORDS)


def _venue(clause: Sequence[Word], mention: ActorMention) -> bool:
    """Whether an institution is named as where it happened («في قصر الكرملين»)."""
    if mention.actor.type != "organisation" or mention.first == 0:
        return False
    return clause[mention.first - 1].folded in VENUE


def _phrase(clause: Sequence[Word], index: int, size: int) -> list[str]:
    tail = " ".join(w.folded for w in clause[index + 1 : index + size])
    return [f"{reading} {tail}".strip() for reading in readings(clause[index].folded)]


# First names of the curated persons («دونالد», «حافظ», «محمد»): such a word right
# before another person's family name names someone else of that family.
GIVEN_NAMES: frozenset[str] = fold_set(*actors_lexicon.GIVEN_NAMES) | frozenset(
    fold(name.split()[0])
    for name, (actor_type, _aliases) in ACTORS.items()
    if actor_type == "person" and " " in name and not name.startswith("ال")
)


def _relative_at(
    clause: Sequence[Word], index: int, size: int, actor: ActorRef | None, taken: set[int]
) -> ActorRef | None:
    """Another person of a known person's family: a first name that is not theirs
    right before the family name alone («إيفانكا ترامب», «حافظ قايد السبسي»)."""
    if actor is None or actor.type != "person" or index == 0 or index - 1 in taken:
        return None
    if actor.name not in KNOWN_BY_NAME:
        return None  # a name found after its title is whole already
    matched = " ".join(word.folded for word in clause[index : index + size])
    if matched not in {fold(alias) for alias in actor.aliases}:
        return None  # the full name, or a title naming the person («الرئيس الأمريكي»)
    before = clause[index - 1]
    if is_function_word(before):
        return None  # «على» is folded like «علي»
    own_names = {fold(word) for word in actor.name.split()}
    # The first name itself, or after the conjunction: «وكان» is not «و» + «ك» + «آن».
    forms = (
        (before.folded, before.folded[1:]) if before.folded.startswith("و") else (before.folded,)
    )
    given = [form for form in forms if form in GIVEN_NAMES]
    if not given or own_names & set(given):
        return None
    # The first name as written, without a clitic the reading took off («وحافظ»).
    first = before.text[len(before.folded) - len(given[0]) :]
    written = " ".join([first, *(word.text for word in clause[index : index + size])])
    return ActorRef(display_name(written), "person", (written,))


def _known_at(
    clause: Sequence[Word], index: int, day: date | None, taken: set[int] | None = None
) -> tuple[int, ActorRef, int] | None:
    longest = max((KNOWN_FIRST_WORDS.get(r, 0) for r in readings(clause[index].folded)), default=0)
    for size in range(min(longest, len(clause) - index), 0, -1):
        for phrase in _phrase(clause, index, size):
            known = KNOWN_BY_SPELLING.get(phrase)
            if known is not None:
                return size, ActorRef(known.name, known.type, known.aliases), 0
            periods = TITLE_PERIODS.get(phrase)
            if periods and day is not None:
                for name, start, end in periods:
                    if start <= day and (end is None or day < end):
                        known = KNOWN_BY_NAME.get(name)
                        kind = known.type if known else "person"
                        aliases = known.aliases if known else ()
                        # A name right after the title is the same person: skip it.
                        after = _name_after(clause, index + size, taken or set())
                        offset = size if after else 0
                        written = " ".join(clause[i].text for i in after)
                        if (
                            after
                            and (
                                clause[after[0]].folded in GIVEN_NAMES
                                or fold(written) in KNOWN_BY_SPELLING
                            )
                            and not _names_the_same(written, name, aliases)
                        ):
                            # «وزير الخارجية الإيراني محمد جواد ظريف» in an article
                            # older than our table thinks: the text's name wins.
                            named = KNOWN_BY_SPELLING.get(fold(written))
                            other = (
                                ActorRef(named.name, named.type, named.aliases)
                                if named is not None
                                else ActorRef(display_name(written), "person", (written,))
                            )
                            return size + len(after), other, offset
                        return size + len(after), ActorRef(name, kind, aliases), offset
    return None


def joined_by_and(word: Word) -> bool:
    """Whether the first word of an actor's mention carries the conjunction «و»
    («وكيم», «والصين», «وسوريا»), not a «و» of its own («وزير», «وليد», «وكالة»,
    «واشنطن»)."""
    folded = word.folded
    if not folded.startswith("و") or len(folded) < 3:
        return False
    own = (TITLES, TITLE_FIRST_WORDS, GIVEN_NAMES, KNOWN_FIRST_WORDS, HEADS)
    return not any(folded in words for words in own) and fold(word.text) not in KNOWN_BY_SPELLING


def _names_the_same(written: str, name: str, aliases: tuple[str, ...]) -> bool:
    """Whether a name as written shares a word with a known person's name or aliases."""
    theirs = {word for spelling in (name, *aliases) for word in fold(spelling).split()}
    return bool(set(fold(written).split()) & theirs)


def _titled_at(
    clause: Sequence[Word], index: int, taken: set[int], day: date | None
) -> tuple[int, ActorRef | None, int] | None:
    """A title («وزير الخارجية») then, after its qualifiers, a person's name."""
    folded = clause[index].folded
    if folded[:1] in "بل" and folded[1:] in TEAM_HEADS:
        return None  # «اللاعب بفريق نيويورك نيكس»: a team, not the rank «الفريق»
    longest = max((TITLE_FIRST_WORDS.get(r, 0) for r in readings(clause[index].folded)), default=0)
    for size in range(min(longest, len(clause) - index), 0, -1):
        if not any(p in TITLES for p in _phrase(clause, index, size)):
            continue
        end = index + size
        # The title's complement: «وزير الخارجية الأمريكي», «رئيس الوزراء البريطاني».
        # …and the organisation or country it heads: «رئيس هيئة الرياضة السعودية»,
        # «زعيم كوريا الشمالية».
        while end < len(clause) and end not in taken and end - index < size + 5:
            place = _place_size(clause, end)
            head_before = any(r in HEADS for r in readings(clause[end - 1].folded))
            if place:
                end += place
            elif (
                head_before
                and end + 1 < len(clause)
                and clause[end + 1].folded.startswith("ال")
                and not is_function_word(clause[end])
            ):
                end += 2  # «المتحدث باسم تحالف دعم الشرعية»: the head's complement
            elif (
                clause[end].folded in TITLE_QUALIFIERS
                or nationality(clause[end]) is not None
                or any(r in HEADS for r in readings(clause[end].folded))
                or (
                    clause[end].folded.startswith(DEFINITE)
                    and not _looks_like_name_start(clause, end)
                )
            ):
                end += 1
            else:
                break
        name = _name_after(clause, end, taken)
        if not name:
            return None
        if _noun_in_taa(clause[name[0]]):
            return None  # «الحارس الراحل فترة ذهبية»: a noun, not a first name
        written = " ".join(clause[i].text for i in name)
        known = KNOWN_BY_SPELLING.get(fold(written))
        if known is not None and known.type != "person":
            return None  # «نجم نادي باريس سان جيرمان»: the club the person plays for
        if known is not None:
            actor = ActorRef(known.name, known.type, known.aliases)
            return end - index + len(name), actor, end - index
        person = ActorRef(display_name(written), "person", (written,))
        return end - index + len(name), person, end - index
    return None


# What a player or official belongs to: after «بـ» or «لـ» these start no name.
TEAM_HEADS: frozenset[str] = HEADS | fold_set("فريق", "منتخب", "نادي")


def is_country_word(clause: Sequence[Word], index: int) -> bool:
    """Whether a country of the gazetteer starts at word `index`."""
    matched = match_at(clause, index)
    return matched is not None and matched[1] is not None and matched[1].type == "country"


def _looks_like_name_start(clause: Sequence[Word], index: int) -> bool:
    folded = clause[index].folded
    return folded in GIVEN_NAMES or any(r in KNOWN_BY_SPELLING for r in readings(folded))


def _name_after(clause: Sequence[Word], index: int, taken: set[int]) -> list[int]:
    """Indexes of the words of a person's name starting at `index` (maybe none).

    A name's words do not start with «ال» (but «آل الشيخ», «بن سلمان» do belong),
    are no function words, and are not titles or places.
    """
    name: list[int] = []
    position = index
    while position < len(clause) and position not in taken:
        word = clause[position]
        folded = word.folded
        particle = name and folded in NAME_PARTICLES
        after_particle = name and clause[position - 1].folded in NAME_PARTICLES
        if not (particle or after_particle):
            if sum(1 for i in name if clause[i].folded not in NAME_PARTICLES) >= NAME_MAX_WORDS:
                break
            if (
                folded.startswith("ال")
                and name
                and not is_function_word(word)
                and nationality(word) is None
                and _ends_phrase(clause, position)
            ):
                # A family name with the article closes a name: «سمير الطيب،».
                name.append(position)
                break
            if (
                folded.startswith("ال")
                and name
                and GIVEN_NAMES & set(readings(clause[name[0]].folded))
                and not is_function_word(word)
                and folded not in TITLES
                and folded not in NOT_NAMES
                and nationality(word) is None
                and not _place_size(clause, position)
                and not any(r in HEADS for r in readings(folded))
            ):
                # After a first name, a family name with the article: «هاني الملقي»,
                # «سلمى اللومي الرقيق».
                name.append(position)
                position += 1
                continue
            if not name and folded in GIVEN_NAMES and folded.startswith("ال"):
                name.append(position)  # «الأسعد الأشعل»: a first name with the article
                position += 1
                continue
            if folded.startswith(DEFINITE) or is_function_word(word) or folded in TITLES:
                break
            if not name and folded[:1] in "بل" and folded[1:] in TEAM_HEADS:
                break  # «اللاعب بفريق نيويورك نيكس»: where the player plays, no name
            if _is_verb_form(word) or folded in NOT_NAMES or _place_size(clause, position):
                break
            if folded.isdigit() or len(folded) < 2:
                break
            if (
                folded.startswith(("و", "ب", "ل", "ف"))
                and name
                and (folded[1:] in FUNCTION or folded[1:].startswith("ال"))
            ):
                break
            if folded.startswith(("و", "ب", "ل")) and (
                len(name) >= 2 or (name and _known_spelling(clause, name))
            ):
                break  # «محمد صلاح ووكيله», «الرئيس ترامب لكلمة…»: the name has ended
            if (
                not name
                and folded.startswith("و")
                and (
                    folded[1:] in NOT_NAMES
                    or folded[1:] in FUNCTION
                    or folded[1:] in TITLES
                    or (len(folded) > 4 and folded.endswith(("ه", "ها", "هم")))
                )
            ):
                break  # «وفريق ليفربول», «ونفوذه»: a conjunction, not a first name
            if (
                not name
                and folded.startswith("و")
                and folded not in GIVEN_NAMES
                and folded not in TITLE_FIRST_WORDS
                and (folded[1:] in GIVEN_NAMES or folded[1:] in KNOWN_FIRST_WORDS)
            ):
                break  # «التقى الوزير وكيم جونغ أون»: a second person, the title names no one
            if len(name) >= 2 and (folded.startswith("ي") or folded.endswith(("ه", "ها"))):
                break  # «كيم يونغ-تشول يسلم», «محمد صلاح فريقه»: a verb or a possessive
            if _accusative_adjunct(folded) and (name or _tanween(word)):
                break  # «جيمس كومي رافضا», «محمود الخطيب رئيسا»: how or as what
            if not name and _verbal_noun(word) and folded not in GIVEN_NAMES:
                break  # «مدرب إنجلترا إعلان التشكيلة»: an act, not a first name
            if len(name) == 2 and _known_spelling(clause, name):
                break  # «محمد صلاح رامي عباس»: a known name is complete
        name.append(position)
        position += 1
        if len(name) >= 2 and _ends_phrase(clause, position - 1):
            break  # «إيلون موسك، إيصال…»: a comma ends the name
    # A name that ends on a particle is cut short: drop it.
    while name and clause[name[-1]].folded in NAME_PARTICLES:
        name.pop()
    return name


def _accusative_adjunct(folded: str) -> bool:
    """A participle or noun in the accusative that follows a name to say how or as
    what («رافضا», «مؤكدا», «رئيسا»): five letters or more in «ا», of the pattern
    «فاعل», «مُفعِل» or «فعيل»."""
    if len(folded) < 5 or not folded.endswith("ا") or folded.endswith(("اا", "يا")):
        return False
    return folded[0] == "م" or folded[1] == "ا" or folded[2] == "ي"


def _tanween(word: Word) -> bool:
    """Whether the word is written with the accusative's «ً» («موسماً»): no name is
    («ماتاريلا», «فانيسا» end in «ا» without it)."""
    return "\u064b" in word.text


def _verbal_noun(word: Word) -> bool:
    """A verbal noun of form IV, «إفعال» («إعلان», «إطلاق»): five letters, written
    with «إ» (names of that shape, «أنمار», take «أ»)."""
    folded = word.folded
    return len(folded) == 5 and word.text.startswith("إ") and folded[3] == "ا"


def _ends_phrase(clause: Sequence[Word], position: int) -> bool:
    """Whether punctuation (or the end of the clause) follows the word: more than a
    single space lies between it and the next word."""
    if position + 1 >= len(clause):
        return True
    return clause[position + 1].start - clause[position].end > 1


def _place_size(clause: Sequence[Word], index: int) -> int:
    """How many words of a gazetteer place start at `index` (0 if none)."""
    matched = match_at(clause, index)
    return matched[0] if matched and matched[1] is not None else 0


def _is_verb_form(word: Word) -> bool:
    """A verb that follows a name: «ستعقد», «يلتقيان», or one the lexicon knows."""
    folded = word.folded
    if verb_kind(word) is not None:
        return True
    if folded.startswith(("سي", "ست", "سن")) and len(folded) >= 5:
        return True
    if folded.startswith("ت") and folded.endswith("ت") and len(folded) >= 4:
        return True  # «الممثلة تلقت»: a past verb of form V or VI, no name
    if folded.endswith("ا") and len(folded) >= 4:
        singular = folded[:-1]
        if verb_kind(Word(word.start, word.end, singular, singular)) is not None:
            return True  # «تميم وأردوغان أعلنا»: the past of two, no name
    return folded.startswith(("ي", "ت")) and folded.endswith(("ان", "ون")) and len(folded) >= 5


QUOTED_NAME_MAX_WORDS = 4
_OPENING_QUOTE = re.compile(r'^\s*["«“]\s*$')
_CLOSING_QUOTE = re.compile(r'^\s*["»”]')


def _quoted_organisation_at(
    text: str, clause: Sequence[Word], index: int, taken: set[int]
) -> tuple[int, ActorRef, int] | None:
    """A head noun and a name in quotation marks: «شركة "سبيس إكس"», «حزب "كاديما"»,
    «صحيفة "وول ستريت جورنال"»; headlines call it by the quoted name."""
    if index + 1 >= len(clause) or not any(r in HEADS for r in readings(clause[index].folded)):
        return None
    if not _OPENING_QUOTE.match(text[clause[index].end : clause[index + 1].start]):
        return None
    for last in range(index + 1, min(index + 1 + QUOTED_NAME_MAX_WORDS, len(clause))):
        if last in taken:
            return None
        after = text[clause[last].end : clause[last + 1].start] if last + 1 < len(clause) else ""
        if _CLOSING_QUOTE.match(after) or (
            last + 1 == len(clause) and '"' in text[clause[last].end :]
        ):
            name = " ".join(w.text for w in clause[index + 1 : last + 1])
            known = KNOWN_BY_SPELLING.get(fold(name))
            if known is not None:
                return last - index + 1, ActorRef(known.name, known.type, known.aliases), 1
            # Named with its head, as when unquoted («قناة الإخبارية»), so both
            # spellings are one actor; «قناة» without its clitics («وقناة»).
            folded = clause[index].folded
            head_reading = next(r for r in readings(folded) if r in HEADS)
            if folded[: len(folded) - len(head_reading)].endswith("ل"):
                return None  # «قال مسؤولون لصحيفة "واشنطن بوست"»: to whom, not who
            head = clause[index].text[len(folded) - len(head_reading) :]
            return last - index + 1, ActorRef(f"{head} {name}", "organisation", (name,)), 1
    return None


def _organisation_at(
    clause: Sequence[Word], index: int, taken: set[int]
) -> tuple[int, ActorRef, int] | None:
    """A head noun («وزارة», «حركة») and its complement: «وزارة الصحة», «حركة النهضة»."""
    head = next((r for r in readings(clause[index].folded) if r in HEADS), None)
    if head is None:
        return None
    clitic = clause[index].folded[: len(clause[index].folded) - len(head)]
    # «والقوات الموالية», «للمجموعة»: the article read off with the clitics is the
    # head's own, so the head is definite.
    article = not head.startswith("ال") and clitic.endswith(("ال", "لل"))
    if article:
        head = "ال" + head
    # A definite head is a description («الشركة الراعية»), except the heads of
    # names that are always definite («الاتحاد المصري», «الجيش السوري»).
    national = head.startswith("ال") and _national_adjective_after(clause, index, taken)
    if head.startswith("ال") and head not in DEFINITE_HEADS and not national:
        return None
    end = index + 1
    # A definite head takes one qualifier («التحالف العربي»), or a field after «لـ»
    # («الاتحاد المصري لكرة القدم»); more is the sentence going on.
    reach = 4 if not head.startswith("ال") else 1
    while end < len(clause) and end - index <= 4 and end not in taken:
        previous = clause[end - 1].folded
        after_to = previous.startswith("ل") and not previous.startswith("ال")
        # Past the first, only adjectives that agree with the head go on: «التحالف العربي
        # العسكري» (but not «… العملية العسكرية»).
        ending = "يه" if head.endswith("ه") else "ي"
        agrees = clause[end].folded.startswith("ال") and clause[end].folded.endswith(ending)
        beyond = end - index > reach and not clause[end].folded.startswith("ل")
        if beyond and not after_to and not agrees:
            break
        word = clause[end]
        if national and nationality(word) is not None:
            end += 1  # «المحكمة الجنائية العراقية», «السفارة الأمريكية»: the name ends
            break
        if word.folded in FUNCTION or nationality(word) is not None:
            break
        if word.folded in ORGANISATION_ADJECTIVES:
            break
        place = bare_place_at(clause, end) if end == index + 1 and head in PLACE_HEADS else None
        if place is not None:
            end += place[0]  # «بنك إنجلترا», «برلمان كوسوفو»: a place is its complement
            continue
        # The complement is definite: «وزارة الصحة», «الاتحاد … لكرة القدم».
        if not word.folded.startswith(("ال", "لل")) and not (
            end > index + 1
            and word.folded.startswith("ل")
            and end + 1 < len(clause)
            and clause[end + 1].folded.startswith("ال")
        ):
            break
        end += 1
    if end == index + 1:
        return None
    words = list(clause[index:end])
    written = " ".join(w.text for w in words)
    # Drop the clitic of the head word: «ووزارة الصحة» is «وزارة الصحة».
    first = words[0]
    if article:
        # Only the conjunction or preposition goes: «والقوات المسلحة» → «القوات المسلحة».
        written = "ال" + first.text[len(clitic) :] + written[len(first.text) :]
    else:
        cut = (
            len(first.folded) - len(head)
            if not head.startswith("ال") or first.folded.startswith(head)
            else 0
        )
        if cut > 0 and len(first.text) > cut:
            written = first.text[cut:] + written[len(first.text) :]
        elif head.startswith("ال") and first.folded.startswith("لل") and not head.startswith("لل"):
            written = "ا" + first.text[1:] + written[len(first.text) :]  # «للقنصلية»
    known = KNOWN_BY_SPELLING.get(fold(written))
    if known is not None:
        return end - index, ActorRef(known.name, known.type, known.aliases), 0
    return end - index, ActorRef(written, "organisation"), 0


NATIONAL_REACH = 3  # words from a definite head to its adjective of nationality


def _national_adjective_after(clause: Sequence[Word], index: int, taken: set[int]) -> bool:
    """Whether an adjective of nationality follows a definite head, past its other
    adjectives: «المحكمة الجنائية العراقية» names a state's institution, where «المحكمة
    الجنائية» alone is a description."""
    for end in range(index + 1, min(index + 1 + NATIONAL_REACH, len(clause))):
        word = clause[end]
        if end in taken or not word.folded.startswith("ال") or word.folded in FUNCTION:
            return False
        if nationality(word) is not None:
            return True
    return False


# Words that open a noun phrase that is no one's name: «ثلاثة جنود», «مسلحون».
NOT_NAMES: frozenset[str] = fold_set(*actors_lexicon.NOT_NAMES)
SUBJECT_MAX_WORDS = 8
# Words that end a subject: «تابع النائب قائلاً», «أكد الوزير أن…».
SUBJECT_ENDS: frozenset[str] = fold_set(*actors_lexicon.SUBJECT_ENDS)
# «قتل مسلح اثنين من الحرس»: a count after the subject opens the object.
COUNT_WORDS: frozenset[str] = fold_set(*clauses_lexicon.COUNT_WORDS)
IDIOM_OBJECTS: frozenset[str] = fold_set(*actors_lexicon.IDIOM_OBJECTS)


def subject_after(
    text: str, clause: Sequence[Word], verb: int, skip: frozenset[int]
) -> tuple[int, int] | None:
    """(first, last) index of the noun phrase right after the verb: its subject.

    Verb-subject-object order: «التقى علي لاريجاني، المستشار…» → «علي لاريجاني».
    Stops at a comma, a date, a function word or a preposition with its article.
    """
    position = verb + 1
    while position in skip:
        position += 1
    first = position
    if first < len(clause) and clause[first].folded in IDIOM_OBJECTS:
        return None  # «وألقي القبض على منصور»: the phrase's object, no one acting
    titled = first < len(clause) and any(r in TITLES for r in readings(clause[first].folded))
    place = place_subject_end(clause, first)
    if place is not None:
        return first, place  # «تحركت مدريد سريعا…», «وطدت موسكو وبغداد العلاقات»
    definite = False
    belonging = False  # the last words were «تابعة للمعارضة»: only adjectives may follow
    while position < len(clause) and position - first < SUBJECT_MAX_WORDS:
        word = clause[position]
        if (
            position == first + 1
            and word.folded == OF_WORD
            and (clause[first].folded in QUANTITY_HEADS or people_plural(clause[first].folded))
            and position + 1 < len(clause)
            and (
                clause[position + 1].folded.startswith("ال") or clause[position + 1].folded in HEADS
            )
        ):
            # «قتل عدد من العمال المضربين», «قام قرويون من الأكثرية الهندوسية»: who
            # they are or what is counted belongs to the subject.
            position += 1
            continue
        # «المحكمة طلب…»: after a definite noun an indefinite word starts the object,
        # except after a title, where the name follows («الرسام نوري كورتسيبي»).
        if (
            definite
            and not titled
            and not word.folded.startswith(("ال", "لل"))
            and not (word.folded.startswith("وال") and _joined_subject(clause, position))
        ):
            break
        if definite and position > first + 1 and any(r in TITLES for r in readings(word.folded)):
            break  # «التقى المبعوث الأممي الرئيس اليمني»: a title starts the object
        if definite and position > first + 1 and match_at(clause, position):
            break  # «غزت القوات الأمريكية العراق»: a place starts the object
        if (
            position == first + 1
            and clause[first].folded.startswith("ال")
            and (matched := match_at(clause, position)) is not None
            and matched[1] is not None
        ):
            break  # «وزار الرئيس بكين»: a place after a definite title is no name
        if (
            position > first
            and not word.folded.startswith("ال")
            and lookup(word, NOUN_KINDS) is not None
            and not any(r in HEADS for r in readings(clause[position - 1].folded))
        ):
            break  # «عقدت طهران محادثات»: an event noun starts the object («لجنة تحقيق» stays)
        if position > first and (
            possessed(word)
            or (_definite_verbal_noun(word) and clause[position - 1].folded.startswith("ال"))
        ):
            break  # «التقى الوزير نظيره…», «رفض الوزير التعليق»: the object starts
        if (
            position == first + 1
            and people_plural(clause[first].folded)
            and (word.folded in HEADS or (len(word.folded) > 3 and word.folded.endswith("ا")))
        ):
            # «هاجم مسلحون مكتب الإدارة», «خطف مسلحون صحفيا»: an institution or a noun
            # in the accusative is what they acted on («مسؤولون أتراك» agrees)
            break
        if (
            position > first
            and word.folded.startswith("ال")
            and not clause[position - 1].folded.startswith("ال")
            and (
                plural_nationality(clause[position - 1]) is not None
                or (position - 1 > first and people_plural(clause[position - 1].folded))
            )
        ):
            # «أطلق جنود إسرائيليون النار», «أضرم محتجون غاضبون النار»: after an
            # indefinite adjective of the subject, the object
            break
        if (
            position > first + 1
            and not clause[position - 1].folded.startswith("ال")
            and indefinite_verbal_noun(word)
            and match_at(clause, position) is None
        ):
            break  # «قررت شركة سوني إرجاء عرض الفيلم»: what was decided starts
        if position > first + 1 and _prepositional_object(clause, position):
            break  # «طالب ممثل ادعاء تركيا بسجن…»: what is asked for, not who asks
        if (
            position == first
            and word.folded in QUANTIFIERS
            and position + 1 < len(clause)
            and position + 1 not in skip
            and not is_function_word(clause[position + 1])
        ):
            position += 1  # «طردت عدة بلدان…»: the quantifier and what it counts
            continue
        # «الصادق شعبان»: a first name with the article is no definite noun.
        definite = definite or (word.folded.startswith("ال") and word.folded not in GIVEN_NAMES)
        if position in skip or is_function_word(word) or word.folded.isdigit():
            break
        if word.folded in SUBJECT_ENDS or (
            position > first
            and (
                word.folded in IDIOM_OBJECTS
                # «عشرات آلاف الأتراك»: a count of a count is one subject
                or (word.folded in COUNT_WORDS and clause[position - 1].folded not in COUNT_WORDS)
            )
        ):
            break  # «ألقت السلطات القبض على…»: the phrase's object follows its subject
        if _is_verb_form(word) and not (
            # «الناشط القبلي طالب حسين»: after a title, a first name before another
            titled
            and position + 1 < len(clause)
            and clause[position + 1].folded in GIVEN_NAMES
            and not is_function_word(clause[position + 1])  # «على» folds like «علي»
        ):
            break
        if belonging and nationality(word) is None:
            break  # «قوات موالية للحكومة السورية البلدة»: after whose they are, the object
        belonging = belonging or (
            position > first
            and word.folded.startswith("لل")
            and clause[position - 1].folded in BELONGING_TO
        )
        # «مجموعات تابعة للمعارضة»: whose they are belongs to the subject
        if position > first and word.folded.startswith(("بال", "لل", "فال")) and not belonging:
            break
        if (
            position > first
            and word.folded.startswith("وال")
            and not _joined_subject(clause, position)
        ):
            break
        if position > first and word.folded[:1] == "ل" and word.folded[1:] in ADDRESSEE_MEDIA:
            break  # «مسؤولون أتراك لصحيفة واشنطن بوست»: to whom it was said
        if position > first and nationality(word) is None and _starts_prepositional(word):
            break
        position += 1
        gap = text[word.end : clause[position].start] if position < len(clause) else ""
        if any(mark in gap for mark in "،,؛:()"):
            break
    if position == first:
        return None
    return first, position - 1


ADDRESSEE_MEDIA: frozenset[str] = fold_set(*actors_lexicon.ADDRESSEE_MEDIA)
QUANTIFIERS: frozenset[str] = fold_set(*actors_lexicon.QUANTIFIERS)
BELONGING_TO: frozenset[str] = fold_set(*actors_lexicon.BELONGING_TO)
QUANTITY_HEADS: frozenset[str] = fold_set(*actors_lexicon.QUANTITY_HEADS)
OF_WORD = fold("من")


WORDS_IN_WAL: frozenset[str] = fold_set(*clauses_lexicon.WORDS_IN_WAL)


def joined_phrase_end(clause: Sequence[Word], position: int, skip: frozenset[int]) -> int | None:
    """The last word of a definite noun phrase joined by «و» at `position` to the
    subject before it («قوات الجيش اليمني والمقاومة الشعبية»), or None."""
    if position >= len(clause) or position in skip:
        return None
    if not clause[position].folded.startswith("وال") or not _joined_subject(clause, position):
        return None
    end = position
    while (
        end + 1 < len(clause)
        and end + 1 not in skip
        and clause[end + 1].folded.startswith("ال")
        and not is_function_word(clause[end + 1])
        and (
            nationality(clause[end + 1]) is not None or clause[end + 1].folded.endswith(("يه", "ي"))
        )
    ):
        end += 1  # «والمقاومة الشعبية»: adjectives of relation («ـي», «ـية») belong to it
    return end


def _joined_subject(clause: Sequence[Word], position: int) -> bool:
    """Whether «وال…» right after a definite subject joins a second one to it
    («أحرزت قوات الجيش والمقاومة الشعبية انتصارات»), not a verb («والتقى») or a
    function word."""
    word = clause[position]
    if word.folded in WORDS_IN_WAL:
        return False  # «والدة الشهيد»: a word of its own, no conjunction
    rest = Word(word.start, word.end, word.text[1:], word.folded[1:])
    if verb_kind(rest) is not None or is_function_word(rest) or _is_verb_form(rest):
        return False
    previous = clause[position - 1].folded
    # «اجتمعت إيران والقوى الكبرى»: a state's name is as definite as a noun with «ال».
    return (
        previous.startswith("ال")
        or any(r in HEADS for r in readings(previous))
        or names_a_state(previous)
    )


def possessed(word: Word) -> bool:
    """A noun with a possessive pronoun («نظيره», «نظيرته», «رئيسها»): no part of a
    name («طه», «عبده» are short, «ة» is not «ه»)."""
    written = without_marks(word.text)
    if word.folded in GIVEN_NAMES or len(word.folded) < 5:
        return False
    return written.endswith(("ه", "ها", "هم", "هما")) and not written.endswith("ة")


def _definite_verbal_noun(word: Word) -> bool:
    """A definite verbal noun of the derived forms: «التعليق» (تفعيل), «الإعلان»,
    «الانسحاب» (إفعال, انفعال); names with the article have other shapes."""
    folded = word.folded
    if folded in GIVEN_NAMES or nationality(word) is not None:
        return False
    taf_il = len(folded) == 7 and folded.startswith("الت") and folded[5] == "ي"
    if_al = folded.startswith("الا") and len(folded) in (7, 8, 9) and folded[-2] == "ا"
    return taf_il or if_al


def place_subject_end(clause: Sequence[Word], first: int) -> int | None:
    """The last word of a place named as a subject at `first` («مدريد», «موسكو
    وبغداد»), which ends the subject, or None when no place starts there."""
    place = bare_place_at(clause, first)
    if place is None:
        return None
    end = first + place[0] - 1
    joined = match_at(clause, end + 1) if end + 1 < len(clause) else None
    if joined is not None and joined[1] is not None and joined[2] == "و":
        end += joined[0]  # «موسكو وبغداد»
    return end


def indefinite_verbal_noun(word: Word) -> bool:
    """A verbal noun of the derived forms without the article: «إرجاء», «إطلاق»
    (إفعال), «اعتقال» (افتعال), «انسحاب» (انفعال), «استئناف» (استفعال), «تأجيل»
    (تفعيل); not a name the lexicons know («إسحاق»)."""
    folded = word.folded
    if folded.startswith("ال") or folded in GIVEN_NAMES or folded in KNOWN_FIRST_WORDS:
        return False
    if nationality(word) is not None:
        return False
    # «إ» as written: «أصوات», «أولاد» (the plural أفعال) are no verbal nouns.
    if_al = len(folded) == 5 and word.text.startswith("إ") and folded[3] == "ا"
    ifti_al = len(folded) == 6 and folded[0] == "ا" and folded[4] == "ا"
    istif_al = len(folded) == 7 and folded.startswith("است") and folded[5] == "ا"
    taf_il = len(folded) == 5 and folded[0] == "ت" and folded[3] == "ي" and folded[-1] != "ا"
    return if_al or ifti_al or istif_al or taf_il


def _prepositional_object(clause: Sequence[Word], position: int) -> bool:
    """Whether the word is «بـ» with a noun, not a name that starts with «ب»: none the
    lexicons know («بوتين», «بغداد»), not «بن»."""
    folded = clause[position].folded
    if not folded.startswith("ب") or len(folded) < 4 or folded.startswith("بن"):
        return False
    if folded in KNOWN_FIRST_WORDS or folded in GIVEN_NAMES:
        return False
    matched = match_at(clause, position)
    return matched is None or matched[2] == "ب"  # «بغداد» is a name, «ببغداد» a place


def _starts_prepositional(word: Word) -> bool:
    return word.folded[:1] in ("ب", "ل") and word.folded[1:3] == "ال"


CAPITAL_CITIES: frozenset[str] = frozenset(CAPITALS.values())


def capital_named(clause: Sequence[Word], span: tuple[int, int]) -> ActorRef | None:
    """The subject as a state when it is only a capital, standing for its government:
    «عقدت طهران محادثات», «تدخل الرياض»."""
    first, last = span
    matched = match_at(clause, first)
    if matched is None or matched[1] is None or first + matched[0] - 1 != last:
        return None
    if matched[2] or matched[1].name not in CAPITAL_CITIES:
        return None  # «بطهران» is where, not who
    return ActorRef(matched[1].name, "state")


def _noun_in_taa(word: Word) -> bool:
    """A word in «ة» that no list knows as a first name: a noun («فترة»), not «فاطمة»."""
    folded = word.folded
    return folded.endswith("ه") and folded not in GIVEN_NAMES and folded not in KNOWN_FIRST_WORDS


def person_named(clause: Sequence[Word], span: tuple[int, int]) -> ActorRef | None:
    """The subject as a person when it reads as a name: two or three words, none with
    «ال» (but «آل الشيخ»), none a function word or a count."""
    first, last = span
    words_ = clause[first : last + 1]
    if not 2 <= len(words_) <= 3 or words_[0].folded in NOT_NAMES or _noun_in_taa(words_[0]):
        return None
    if _is_verb_form(words_[0]) or (words_[0].folded[:1] in "يت" and len(words_[0].folded) >= 5):
        return None  # «ينتمي هذا…», «يتجول…»: a verb, not a first name
    head = words_[0].folded
    if len(head) > 4 and head.endswith("ون") and head not in GIVEN_NAMES:
        return None  # «محامون أتراك»: a plural, not a first name («هارون» is one)
    for index, word in enumerate(words_):
        after_particle = index and words_[index - 1].folded in NAME_PARTICLES
        # «الحبيب الصيد»: a first name may have the article; other words may not.
        first_name = index == 0 and word.folded in GIVEN_NAMES
        if word.folded.startswith("ال") and not after_particle and not first_name:
            return None
        if is_function_word(word) or word.folded in TITLES or word.folded in NOT_NAMES:
            return None
        if any(r in HEADS for r in readings(word.folded)):
            return None
        if index and lookup(word, NOUN_KINDS) is not None:
            return None  # «عقدت طهران محادثات مباشرة»: the name ends before the event noun
        if index and _place_size(clause, first + index) and is_country_word(clause, first + index):
            return None  # «ممثل ادعاء تركيا»: a title of a state, not a person's name
    if match_at(clause, first) is not None:
        return None  # «طهران …»: a place standing for its government, not a first name
    written = " ".join(w.text for w in words_)
    known = KNOWN_BY_SPELLING.get(fold(written))
    if known is not None:
        return ActorRef(known.name, known.type, known.aliases)
    if _known_spelling(clause, [last]) and not GIVEN_NAMES & set(readings(words_[0].folded)):
        return None  # «زملاء نيمار»: a noun governing a known name, not a person's name
    return ActorRef(display_name(written), "person", (written,))


def name_before_title(
    clause: Sequence[Word], span: tuple[int, int], found: Sequence[ActorMention]
) -> tuple[tuple[int, int], int] | None:
    """A person's name followed by their title: «قال سمير الطيب وزير الفلاحة إن…»,
    «نفى مراد دلش الممثل القانوني لحركة نداء تونس…». Returns the name's (first, last)
    and the index of the title's last word (with the organisation it names), or None.

    The title after it is what marks two words as a name, so names with «ال»
    («الأسعد الاشعل مدير الإنتاج») count here.
    """
    first, last = span
    for title_at in range(first + 2, min(first + 3, len(clause) - 1) + 1):
        if not any(r in TITLES for r in readings(clause[title_at].folded)):
            continue
        if title_at > last + 1:
            return None
        name = clause[first:title_at]
        if any(
            is_function_word(word)
            or word.folded in TITLES
            or word.folded in NOT_NAMES
            or _is_verb_form(word)
            or any(r in HEADS for r in readings(word.folded))
            or word.folded.isdigit()
            for word in name
        ):
            return None
        return (first, title_at - 1), title_phrase_end(clause, title_at)
    return None


def title_phrase_end(clause: Sequence[Word], title_at: int) -> int:
    """The last word of a title phrase: its adjectives and complements («الممثل
    القانوني»), and the organisation it names («لحركة نداء تونس»)."""
    end = title_at
    index = title_at + 1
    while index < len(clause):
        organisation = _known_at(clause, index, None) or _organisation_at(clause, index, set())
        if organisation is not None:
            end = index = index + organisation[0] - 1
        elif not clause[index].folded.startswith(("ال", "لل")) or is_function_word(clause[index]):
            break
        else:
            end = index
        index += 1
    return end


def trailing_name(clause: Sequence[Word], span: tuple[int, int]) -> tuple[int, int] | None:
    """The person's name that ends a subject after its title: «رئيس هيئة الرياضة
    السعودية تركي آل الشيخ» → «تركي آل الشيخ» (two words at least)."""
    first, last = span
    if not any(r in TITLES for r in readings(clause[first].folded)):
        return None
    start = last + 1
    while start - 1 >= first:
        word = clause[start - 1]
        previous = clause[start - 2].folded if start - 2 >= first else ""
        if word.folded.startswith("ال") and previous not in NAME_PARTICLES:
            break
        if is_function_word(word) or word.folded in TITLES or word.folded in NOT_NAMES:
            break
        start -= 1
    if _names_no_person(clause, start, last):
        return None  # «نجم نادي باريس سان جيرمان»: a club, not the star's name
    if start > first and last - start >= 1:
        return start, last
    return None


def _names_no_person(clause: Sequence[Word], start: int, last: int) -> bool:
    """Whether words start..last hold a known organisation or state («نادي باريس سان
    جيرمان» holds one), which a title's trailing name cannot be."""
    for first in range(start, last + 1):
        known = KNOWN_BY_SPELLING.get(" ".join(w.folded for w in clause[first : last + 1]))
        if known is not None:
            return known.type != "person"
    return False


# Adjectives that follow an organisation's name without being part of it.
ORGANISATION_ADJECTIVES: frozenset[str] = fold_set(*actors_lexicon.ORGANISATION_ADJECTIVES)


def apposed_name(
    text: str, clause: Sequence[Word], span: tuple[int, int], skip: frozenset[int]
) -> tuple[int, int] | None:
    """The name set off by commas after a subject's title: «قال الرئيس الأمريكي،
    دونالد ترامب، إن…», «طالب رجل الأعمال المصري، نجيب ساويرس، …»."""
    _first, last = span
    # The title's complement may come before the comma: «مفوض الأمم المتحدة السامي
    # لحقوق الإنسان، زيد رعد الحسين،».
    for complement in range(COMPLEMENT_MAX_WORDS + 1):
        if complement and not _complement_of_title(clause, last + 1, complement, skip):
            continue
        end = last + complement
        if end + 1 < len(clause) and any(
            m in text[clause[end].end : clause[end + 1].start] for m in "،,"
        ):
            last = end
            break
    else:
        return None
    after = last + 1
    name = _name_after(clause, after, set(skip))
    if len(name) < 2:
        return None
    end = name[-1]
    closing = text[clause[end].end : clause[end + 1].start] if end + 1 < len(clause) else ","
    if not any(m in closing for m in "،,"):
        return None
    return name[0], end


COMPLEMENT_MAX_WORDS = 3


def _complement_of_title(
    clause: Sequence[Word], start: int, size: int, skip: frozenset[int]
) -> bool:
    """Whether `size` words from `start` are a title's complement with «لـ»: a noun
    with the preposition, then definite words («لحقوق الإنسان», «للشؤون السياسية»)."""
    words_ = clause[start : start + size]
    if len(words_) < size or size < 2 or any(i in skip for i in range(start, start + size)):
        return False
    first = words_[0].folded
    if not first.startswith("ل") or first.startswith("ال") or is_function_word(words_[0]):
        return False
    return all(w.folded.startswith(("ال", "وال")) for w in words_[1:])


DEFINITE_HEADS: frozenset[str] = fold_set(*actors_lexicon.DEFINITE_HEADS)


NAME_NEVER_ENDS: frozenset[str] = fold_set(*actors_lexicon.NAME_NEVER_ENDS)
# Prepositions glued to a verbal noun («بإطلاق», «لأملاك»): no name starts so.
_GLUED_PREPOSITIONS = ("بإ", "لأ", "لإ")
# The accusative ending of an adverb or an object («إعلامياً», «رسوماً»).
_TANWEEN_FATH = "ً"


IRREGULAR_PRESENTS: frozenset[str] = frozenset(fold(present) for present in IRREGULAR.values())


def plausible(actor: ActorRef) -> ActorRef | None:
    """A name found by its shape (not a curated one) as a name, or None: no verb
    («يجب», «يبدو»), no noun glued to a preposition first («بإطلاق»), no accusative;
    words it ran on into are cut («سائرون بزعامة» → «سائرون», «هيئة الاتصالات
    الفدرالية لإرسال الأقمار» → «هيئة الاتصالات الفدرالية»)."""
    if actor.type == "state" or fold(actor.name) in KNOWN_BY_SPELLING:
        return actor
    written = actor.name.split()
    glued = next((i for i, w in enumerate(written) if w.startswith(_GLUED_PREPOSITIONS)), None)
    if glued is not None:
        written = written[:glued]
    while written and fold(written[-1]) in NAME_NEVER_ENDS:
        written.pop()
    if not written or any(w.endswith(_TANWEEN_FATH) for w in written):
        return None
    word = Word(0, len(written[0]), written[0], fold(written[0]))
    if len(written) > 1 and verb_kind(word) is not None:
        return None  # «كتبت مسودة خطاب»: a verb and its object, no one's name
    if len(written) == 1:
        if verb_kind(word) is not None or word.folded in NOT_NAMES:
            return None
        if word.folded in IRREGULAR_PRESENTS:
            return None  # «يقضي», «يجري»: a verb, not a one-word name
        if any(r in TITLES for r in readings(word.folded)):
            return None  # «لرئيس»: a title cut from its phrase names no one
        if word.folded.startswith("ي") and word.folded not in GIVEN_NAMES:
            return None  # «يجثو»: a verb in the present, no one's name
    name = " ".join(written)
    return actor if name == actor.name else ActorRef(name, actor.type, (*actor.aliases, name))


def display_name(written: str) -> str:
    """A person's name in its shortest full form: «أنور بن محمد قرقاش» → «أنور قرقاش»
    (a name of three words, «محمد بن سلمان», stays whole)."""
    parts = written.split()
    if len(parts) >= 4 and fold(parts[1]) in NAME_PARTICLES:
        # A family name with its particle stays whole: «خالد بن أحمد آل خليفة».
        family = parts[-2:] if fold(parts[-2]) in NAME_PARTICLES else parts[-1:]
        return " ".join([parts[0], *family])
    return written


def _in_brackets(text: str, clause: Sequence[Word], index: int) -> bool:
    """Whether the word stands inside brackets opened before it in the clause:
    «الترويكا الأوروبية (بريطانيا، فرنسا، ألمانيا)» names no three more actors."""
    if not text or not clause:
        return False
    before = text[clause[0].start : clause[index].start]
    return before.rfind("(") > before.rfind(")")


def _known_spelling(clause: Sequence[Word], indexes: list[int]) -> bool:
    return " ".join(clause[i].folded for i in indexes) in KNOWN_BY_SPELLING
