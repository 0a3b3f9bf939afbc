"""Where a happening took place: the gazetteer's countries, cities and regions that
the clause names as a location.

A place counts when a locative word introduces it («في موسكو», «بالعاصمة موسكو»,
«قرب دمشق», «إلى أنقرة»), when an event noun other than an agreement governs it
(«انتخابات تركيا», not «اتفاق سوتشي»), or when it is a region named anywhere in the
clause («وتشهد الغوطة الشرقية تقدماً»); a city named without a locative word is
often its government («وافقت طهران»), and a country so named is usually the actor
(«إيران تستأنف»), not the place. The object of a visit is where it went. Clubs and
companies named after places («ريال مدريد») and nationality adjectives («الرئيس
الروسي») are never places.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from timeline.event_kinds import EventKind
from timeline.extraction.arabic import Word, fold, fold_set, is_function_word, readings
from timeline.extraction.kinds import NOUN_KINDS, lookup, verb_readings
from timeline.lexicon import places as places_lexicon
from timeline.lexicon.places import NATIONALITY_ADJECTIVES, NOT_PLACES, PLACES


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    name: str  # display name
    type: str  # country, city or region
    country: str  # display name of the country it lies in ("" for countries, regions)


def _spellings() -> dict[str, GazetteerPlace]:
    table: dict[str, GazetteerPlace] = {}
    for name, (place_type, country, variants) in PLACES.items():
        place = GazetteerPlace(name, place_type, country)
        for spelling in (name, *variants):
            table.setdefault(fold(spelling), place)
    return table


PLACE_BY_SPELLING: dict[str, GazetteerPlace] = _spellings()
NOT_PLACE_SPELLINGS: frozenset[str] = frozenset(fold(n) for n in NOT_PLACES)
NATIONALITY_BY_SPELLING: dict[str, str] = {
    fold(adjective): country for adjective, country in NATIONALITY_ADJECTIVES.items()
}
MAX_WORDS = max([s.count(" ") + 1 for s in (*PLACE_BY_SPELLING, *NOT_PLACE_SPELLINGS)] or [1])

# Words that introduce a location (folded, clitics allowed on the place itself).
LOCATIVES: frozenset[str] = fold_set(*places_lexicon.LOCATIVES)
TEAM_WORDS: frozenset[str] = fold_set(*places_lexicon.TEAM_WORDS, *places_lexicon.COMPETITION_WORDS)
# Clitics that are themselves locative: «بموسكو», «وبدمشق».
LOCATIVE_CLITICS = ("وب", "ب", "فب")


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    place: GazetteerPlace
    first: int  # index of its first word in the clause
    last: int  # index of its last word
    locative: bool  # introduced by a locative word or clitic, or governed by an event noun
    governed: bool = False  # «انتخابات تركيا»: the country is where, and who


def match_places(clause: Sequence[Word]) -> list[PlaceMatch]:
    """Every gazetteer place the clause names, longest spelling first, no overlaps."""
    found: list[PlaceMatch] = []
    index = 0
    while index < len(clause):
        matched = match_at(clause, index)
        if matched is None:
            index += 1
            continue
        size, place, clitic = matched
        if place is not None and index > 0 and TEAM_WORDS & set(readings(clause[index - 1].folded)):
            place = None  # «منتخب إنجلترا», «كأس إسبانيا»: the team or the cup, wherever played
        if place is not None and place.type != "city" and not clitic and _facing(clause, index):
            place = None  # «خسر أمام إنجلترا»: before a country stands an opponent, not a place
        if place is not None:
            locative = clitic in LOCATIVE_CLITICS or _after_locative(clause, index)
            # The country an event noun governs is where it happens: «انتخابات تركيا»,
            # «زلزال إندونيسيا».
            governed = (
                not locative and not clitic and index > 0 and _governs_place(clause[index - 1])
            ) or (not locative and _targeted(clause, index, found))
            found.append(PlaceMatch(place, index, index + size - 1, locative or governed, governed))
        index += size
    return found


TARGET_VERBS: frozenset[str] = fold_set(*places_lexicon.TARGET_VERBS)
TARGET_NOUNS: frozenset[str] = fold_set(*places_lexicon.TARGET_NOUNS)


def _targeted(clause: Sequence[Word], index: int, found: list[PlaceMatch]) -> bool:
    """Whether the place at `index` is the object of a noun of taking a place
    («لتحرير تعز»), or of a verb of taking or striking after its subject, a state
    («قصفت إسرائيل غزة»: Israel is who struck, Gaza where)."""
    if index == 0:
        return False
    if any(r in TARGET_NOUNS for r in readings(clause[index - 1].folded)):
        return True
    previous = found[-1] if found else None
    if previous is None or previous.last != index - 1 or previous.first == 0:
        return False
    return any(r in TARGET_VERBS for r in verb_readings(clause[previous.first - 1].folded))


FACING = fold_set(*places_lexicon.FACING_WORDS)


def _facing(clause: Sequence[Word], index: int) -> bool:
    return index > 0 and any(r in FACING for r in readings(clause[index - 1].folded))


def _after_locative(clause: Sequence[Word], index: int) -> bool:
    """Whether a locative word introduces the place at `index`: «في موسكو», or with a
    nationality between them, «في العاصمة السورية دمشق»."""
    before = index - 1
    if before > 0 and nationality(clause[before]) is not None:
        before -= 1
    return before >= 0 and any(r in LOCATIVES for r in readings(clause[before].folded))


# The first word of every spelling, and the most words a spelling starting so has:
# most words start no place, and are passed over with one lookup per reading.
FIRST_WORDS: dict[str, int] = {}
for _spelling in (*PLACE_BY_SPELLING, *NOT_PLACE_SPELLINGS):
    _first, _, _ = _spelling.partition(" ")
    FIRST_WORDS[_first] = max(FIRST_WORDS.get(_first, 0), _spelling.count(" ") + 1)


def match_at(clause: Sequence[Word], index: int) -> tuple[int, GazetteerPlace | None, str] | None:
    longest = max((FIRST_WORDS.get(r, 0) for r in readings(clause[index].folded)), default=0)
    for size in range(min(longest, len(clause) - index), 0, -1):
        tail = " ".join(w.folded for w in clause[index + 1 : index + size])
        for reading in readings(clause[index].folded):
            if (
                clause[index]
                .folded[: len(clause[index].folded) - len(reading)]
                .endswith(("ال", "لل"))
            ):
                continue  # «السورية» is an adjective, not «سورية» with the article
            word = clause[index].folded
            if (
                reading.startswith("ال")
                and not word.endswith(reading)
                and not word.endswith("ل" + reading[1:])
            ):
                continue  # «بخليج قابس» has no article: not «الخليج» («للسعودية» has)
            phrase = f"{reading} {tail}".strip()
            if phrase in NOT_PLACE_SPELLINGS:
                return size, None, ""
            place = PLACE_BY_SPELLING.get(phrase)
            if place is not None:
                clitic = clause[index].folded[: len(clause[index].folded) - len(reading)]
                # A following adjective of nationality makes it a name: «مانشستر سيتي»
                # is caught by NOT_PLACES; «القدس العربي» would be too.
                return size, place, clitic
    return None


def bare_place_at(clause: Sequence[Word], index: int) -> tuple[int, GazetteerPlace] | None:
    """(size, place) of a gazetteer place written at `index` with no clitic before it
    («مدريد», not «ومدريد» nor «بمدريد»), or None."""
    matched = match_at(clause, index) if index < len(clause) else None
    if matched is None or matched[1] is None or matched[2]:
        return None
    return matched[0], matched[1]


# Nouns that name a kind of place; the name after them is a place even when the
# gazetteer does not know it: «في بلدة جرمانا», «بمنطقة الغوطة الشرقية».
PLACE_NOUNS: frozenset[str] = fold_set(*places_lexicon.PLACE_NOUNS)
# Words that may follow such a name as part of it.
PLACE_QUALIFIERS: frozenset[str] = fold_set(*places_lexicon.PLACE_QUALIFIERS)


NOT_TOPONYMS: frozenset[str] = fold_set(*places_lexicon.NOT_TOPONYMS)

# First words of compound place names: «رأس الكاف», «سيدي بوزيد», «عين دراهم».
TOPONYM_HEADS: frozenset[str] = fold_set(*places_lexicon.TOPONYM_HEADS)


def named_after_place_noun(clause: Sequence[Word]) -> list[tuple[int, str]]:
    """(index, name) of places the gazetteer lacks, named after a place noun."""
    found = []
    for index, word in enumerate(clause[:-1]):
        if not any(r in PLACE_NOUNS for r in readings(word.folded)):
            continue
        if any(r.startswith("ال") for r in readings(word.folded)) or word.folded.startswith(
            ("لل", "ولل", "فلل")
        ):
            continue  # «المنطقة منزوعة السلاح»: after a definite noun comes an adjective
        if match_at(clause, index + 1):
            continue  # the gazetteer knows it: «مدينة جلال آباد»
        name = clause[index + 1]
        if is_function_word(name) or name.folded.isdigit() or len(name.folded) < 3:
            continue
        if name.folded.endswith("يه") or name.folded in NOT_TOPONYMS:
            continue  # «ولاية رئاسية», «مدينة كبرى»: an adjective or a common noun
        if name.folded.startswith("ال") and index + 2 >= len(clause):
            continue
        size = 1
        if index + 2 < len(clause) and (
            clause[index + 2].folded in PLACE_QUALIFIERS or name.folded in TOPONYM_HEADS
        ):
            size = 2  # «الغوطة الشرقية», «رأس الكاف», «أولاد عيشة»
        if name.folded.startswith("ال") and size == 1:
            continue  # «المنطقة العربية» is no name
        found.append((index + 1, " ".join(w.text for w in clause[index + 1 : index + 1 + size])))
    return found


def places_of(clause: Sequence[Word], visited_after: int | None = None) -> list[str]:
    """The display names of where the clause's happening took place, in order.

    `visited_after`: the index of a verb of visiting, whose object is where the
    visit went even with no locative word («زار وزير الخارجية موسكو»).

    Countries count only after a locative word; beside a city, only the city's own
    country does («في صعدة باليمن»), not one named in passing («مستشار المرشد في
    إيران… في موسكو»).
    """
    places: list[GazetteerPlace] = []
    matches = match_places(clause)
    described = _described(clause, matches)
    for match in matches:
        visited = visited_after is not None and match.first > visited_after
        if not match.locative and not visited and match.place.type != "region":
            continue
        if match.first in described:
            continue
        if match.place not in places:
            places.append(match.place)
    named = [name for index, name in named_after_place_noun(clause) if index not in described]
    taken = {i for match in matches for i in range(match.first, match.last + 1)}
    named += [name for index, name in relative_regions(clause) if index not in taken]
    names_of = {fold(p.name) for p in places}
    extra = [n for n in named if fold(n) not in names_of and fold(n) not in PLACE_BY_SPELLING]
    cities = [p for p in places if p.type == "city"]
    if cities or extra:
        countries_of_cities = {p.country for p in cities}
        places = [p for p in places if p.type != "country" or p.name in countries_of_cities]
    return [*(p.name for p in places), *dict.fromkeys(extra)]


RELATIVE_REGIONS: frozenset[str] = fold_set(*places_lexicon.RELATIVE_REGIONS)
AREA_NOUNS: frozenset[str] = fold_set(*places_lexicon.AREA_NOUNS)
AREA_ADJECTIVES: frozenset[str] = fold_set(*places_lexicon.AREA_ADJECTIVES)


def relative_regions(clause: Sequence[Word]) -> list[tuple[int, str]]:
    """(index, name) of the parts of a country named relative to it after a locative
    word or clitic, and those joined to them by «و»: «بالوسط والجنوب» → الوسط, الجنوب;
    «بالمناطق الغربية». Named without their clitics, as written."""
    found: list[tuple[int, str]] = []
    index = 0
    while index < len(clause):
        word = clause[index]
        clitic = _region_clitic(word)
        if clitic is None:
            index += 1
            continue
        joined = bool(found) and found[-1][0] == index - 1 and clitic.startswith("و")
        after_locative = clitic.rstrip("و") in ("ب", "فب") or (
            index > 0 and clause[index - 1].folded in LOCATIVES
        )
        size = 1
        if index + 1 < len(clause) and (
            clause[index + 1].folded in AREA_ADJECTIVES
            or f"{word.folded[len(clitic) :]} {clause[index + 1].folded}" in RELATIVE_REGIONS
        ):
            size = 2  # «الجنوب الغربي», «المناطق الغربية»
        elif word.folded[len(clitic) :] in AREA_NOUNS or (
            index + 1 < len(clause) and clause[index + 1].folded.startswith("ال")
        ):
            index += 1
            continue  # «المناطق» alone says no part; «الوسط الرياضي» is a milieu
        if after_locative or joined:
            written = " ".join(w.text for w in clause[index : index + size])
            found.append((index + size - 1, written[len(clitic) :]))
        index += size
    return found


def _region_clitic(word: Word) -> str | None:
    """The clitics before a relative region or area noun («بالوسط» → «ب»), or None
    when the word is neither."""
    for clitic in ("", "و", "ب", "وب", "فب", "ف"):
        if not word.folded.startswith(clitic):
            continue
        rest = word.folded[len(clitic) :]
        if rest in RELATIVE_REGIONS or rest in AREA_NOUNS:
            return clitic
    return None


# How many words a place's description may run before the place it names:
# «جلال آباد، المدينة الرئيسية في إقليم ننكرهار».
DESCRIPTION_REACH = 5


DESCRIBING_NOUNS: frozenset[str] = PLACE_NOUNS | fold_set("عاصمة")


def _described(clause: Sequence[Word], matches: list[PlaceMatch]) -> set[int]:
    """Indices of words in a description set after a place, «جلال آباد، المدينة
    الرئيسية في إقليم ننكرهار»: the province says where the city is, not where the
    happening was."""
    inside: set[int] = set()
    for match in matches:
        after = match.last + 1
        if after >= len(clause) or not clause[after].folded.startswith("ال"):
            continue
        if clause[after].folded[2:] not in DESCRIBING_NOUNS:
            continue
        inside.update(range(after + 1, min(after + 1 + DESCRIPTION_REACH, len(clause))))
    return inside


def nationality(word: Word) -> str | None:
    """The country a nationality adjective names («الروسي» → «روسيا»), if it is one."""
    for reading in readings(word.folded):
        # «السورية» is «السوري» agreeing with a feminine noun.
        masculine = reading[:-1] if reading.endswith("يه") else reading
        country = NATIONALITY_BY_SPELLING.get(reading) or NATIONALITY_BY_SPELLING.get(masculine)
        if country is not None:
            return country
    return None


def plural_nationality(word: Word) -> str | None:
    """The country a plural adjective of nationality names, with or without the
    article («إسرائيليون», «الليبيون», «الأمريكيين» → its country), if it is one."""
    for reading in readings(word.folded):
        if not reading.endswith(("يون", "يين")):
            continue
        singular = reading[:-2]
        definite = singular if singular.startswith("ال") else "ال" + singular
        country = NATIONALITY_BY_SPELLING.get(definite)
        if country is not None:
            return country
    return None


# Event nouns whose place after them is who acts, not where: «موافقة طهران», «قرار
# واشنطن», «بيان القاهرة»; or, for an agreement, where it was signed.
_NAMED_BY_WHO = frozenset({EventKind.AGREEMENT, EventKind.DECISION, EventKind.STATEMENT})


def _governs_place(word: Word) -> bool:
    """Whether an event noun makes the place after it where it happens: «انتخابات
    تركيا» does; «اتفاق سوتشي» does not (an agreement is named after where it was
    signed, not where what it governs happens), nor «موافقة طهران» (who approved)."""
    kind = lookup(word, NOUN_KINDS)
    return kind is not None and kind not in _NAMED_BY_WHO


KINGDOM_WORD = fold("المملكة")
# Countries called «المملكة» once named: those with a spelling «المملكة …» or «مملكة …».
KINGDOMS: frozenset[str] = frozenset(
    name
    for name, (place_type, _, variants) in PLACES.items()
    if place_type == "country"
    and any(fold(v).startswith((KINGDOM_WORD, KINGDOM_WORD[2:])) for v in variants)
)


def is_country(name: str) -> bool:
    """Whether a gazetteer display name is a country's."""
    entry = PLACES.get(name)
    return entry is not None and entry[0] == "country"
