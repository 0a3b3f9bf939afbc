"""The kind of a happening, from the main verb of its clause.

Arabic news clauses lead with their verb («التقى…», «أعلنت…», «قُتل…»), so the
first verb of the lexicon in the clause decides. A reporting verb («أعلن»,
«قال») yields to the event noun it reports when that noun follows at once
(«أعلن إلغاء القمة» is a decision); with no verb, the event noun nearest the date
decides; sports and economy clauses are recognised by their vocabulary too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from timeline.event_kinds import EventKind
from timeline.extraction.arabic import Word, fold, fold_set, folded_words, readings
from timeline.extraction.verbs import IRREGULAR
from timeline.lexicon import actors as actors_lexicon
from timeline.lexicon import clauses
from timeline.lexicon import event_kinds as event_kinds_lexicon
from timeline.lexicon.event_kinds import (
    CALLING_VERBS,
    JUDGING_VERBS,
    KIND_NOUNS,
    KIND_VERBS,
    REPORTING_VERBS,
)


def _table(source: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for kind, entries in source.items():
        for entry in entries:
            table.setdefault(fold(entry), kind)
    return table


VERB_KINDS: dict[str, str] = _table(KIND_VERBS)
# A verb that reports words is a statement unless its object says otherwise.
# Attribution words that are no verbs: «بحسب», «وفقاً لـ», «قائلاً» (the accusative).
NOT_VERB_ATTRIBUTIONS = fold_set(*clauses.NOT_VERB_ATTRIBUTIONS)
for _verb in REPORTING_VERBS:
    _folded_verb = fold(_verb)
    if " " in _verb or _folded_verb in NOT_VERB_ATTRIBUTIONS or _folded_verb.endswith(("ا", "ه")):
        continue
    VERB_KINDS.setdefault(_folded_verb, str(EventKind.STATEMENT))
NOUN_KINDS: dict[str, str] = _table(KIND_NOUNS)
# Multi-word triggers («فرض عقوبات», «موعد نهائي») match as folded phrases.
PHRASE_KINDS: dict[str, str] = {
    phrase: kind for phrase, kind in {**NOUN_KINDS, **VERB_KINDS}.items() if " " in phrase
}
REPORTING: frozenset[str] = frozenset(fold(v) for v in REPORTING_VERBS)
CALL_VERBS: frozenset[str] = frozenset(fold(v) for v in CALLING_VERBS)
# What is judged or warned of is the topic of the words, not the happening.
JUDGE_VERBS: frozenset[str] = frozenset(fold(v) for v in JUDGING_VERBS)
# How many words after a reporting verb may hold the event noun it reports.
REPORTED_NOUN_REACH = 6
# Kinds whose vocabulary marks a whole clause even when its verb says little.
DOMAIN_KINDS = (str(EventKind.SPORTS), str(EventKind.ECONOMY))


# Pronouns glued to the end of a noun: «مصرعهم», «اعتقاله», «زيارتها».
PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")


def lookup(word: Word, table: dict[str, str]) -> str | None:
    for reading in readings(word.folded):
        kind = table.get(reading)
        if kind is None and len(reading) > 4 and reading.endswith("ا"):
            kind = table.get(reading[:-1])  # the accusative: «تعليقاً» is «تعليق»
        if kind is None and len(reading) > 4:
            for suffix in PRONOUN_SUFFIXES:
                if reading.endswith(suffix) and len(reading) - len(suffix) >= 3:
                    stem = reading[: -len(suffix)]
                    # «زيارته»: the ة before the pronoun is written ت.
                    kind = table.get(stem) or table.get(
                        stem[:-1] + "ه" if stem.endswith("ت") else ""
                    )
                    break
        if kind is not None:
            return kind
    return None


# What a verb may carry in front: a conjunction, the future «س», «ل» of purpose;
# never the article or «ب» («بالسجن» is a noun).
VERB_CLITICS = ("فس", "وس", "ول", "فل", "و", "ف", "س", "ل")


def verb_readings(folded: str) -> tuple[str, ...]:
    """The word, and the word without each clitic a verb may carry.

    A word with the article is no verb, unless the lexicon knows it whole: form VIII
    verbs start with the same letters («التقى», «التزم»).
    """
    if folded.startswith("ال"):
        return (folded,) if folded in VERB_KINDS else ()
    found = [folded]
    for clitic in VERB_CLITICS:
        if folded.startswith(clitic) and len(folded) - len(clitic) >= 3:
            found.append(folded[len(clitic) :])
    for reading in tuple(found):
        found.extend(_singular_readings(reading))
    return tuple(found)


# The lexicon lists verbs in the singular (and some plurals); plural and dual
# subjects conjugate them: «تعرضوا», «وقعتا», «يجتمعون», «تلتقيان».
PAST_PLURAL_ENDINGS = ("وا", "تا")
PRESENT_PLURAL_ENDINGS = ("ون", "ان", "ين")


def plural_past(folded: str) -> str | None:
    """The singular of a past verb conjugated for a plural subject («اعتقلوا» →
    «اعتقل», «وتظاهروا» → «تظاهر»), clitics kept; None if the word is no such verb.
    Its subject is in the verb: no name after it is one."""
    if not folded.endswith("وا") or len(folded) < 5:
        return None
    stem = folded[:-2]
    if any(reading in VERB_KINDS or reading in LIGHT_VERBS for reading in verb_readings(stem)):
        return stem
    return None


def _singular_readings(folded: str) -> list[str]:
    """The singular verbs a plural or dual form may be: only readings of at least
    three letters, which a lexicon lookup then confirms or not."""
    stems: list[str] = []
    for ending in PAST_PLURAL_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            stems.append(folded[: -len(ending)])
    if folded[:1] in ("ي", "ت"):
        for ending in PRESENT_PLURAL_ENDINGS:
            if folded.endswith(ending) and len(folded) - len(ending) >= 3:
                stem = folded[: -len(ending)]
                # A defective verb drops its last «ي» before the ending: «يلتقون».
                stems.extend((stem, stem + "ي"))
    return stems


def verb_kind(word: Word) -> str | None:
    """The kind of the verb the word is, if the lexicon knows it as a verb."""
    return _verb_kind(word.folded)


# First names read as a conjunction and a verb: «فيصل» is no «ف» + «يصل».
NAMES_NOT_VERBS: frozenset[str] = fold_set(*actors_lexicon.GIVEN_NAMES)


@lru_cache(maxsize=65_536)
def _verb_kind(folded: str) -> str | None:
    if folded in NAMES_NOT_VERBS and folded not in VERB_KINDS:
        return None
    for reading in verb_readings(folded):
        kind = VERB_KINDS.get(reading)
        if kind is not None:
            return kind
    return None


def verb_at(clause: Sequence[Word]) -> tuple[int, str] | None:
    """(index, kind) of the clause's main verb: the first verb of the lexicon that no
    preposition governs («مع تراجع أسعار البنزين»: a verbal noun, not a verb)."""
    for index, word in enumerate(clause):
        kind = verb_kind(word)
        if kind is not None and not governed(clause, index):
            return index, kind
    return None


def governed(clause: Sequence[Word], index: int) -> bool:
    """Whether a preposition stands right before the word (a space apart, nothing
    left out between them)."""
    if not index:
        return False
    previous = clause[index - 1]
    word = previous.folded
    if word[:1] in ("و", "ف") and word[1:] in PREPOSITIONS:
        word = word[1:]  # «وفي», «فمن»
    return word in PREPOSITIONS and clause[index].start - previous.end <= 1


PREPOSITIONS: frozenset[str] = fold_set(*clauses.PREPOSITIONS)


def is_reporting(word: Word) -> bool:
    return any(reading in REPORTING for reading in readings(word.folded))


SIGN_OR_HAPPEN: frozenset[str] = fold_set(*event_kinds_lexicon.SIGN_OR_HAPPEN)
SIGNED_OBJECTS: frozenset[str] = fold_set(*event_kinds_lexicon.SIGNED_OBJECTS)
SIGNERS: frozenset[str] = fold_set(*event_kinds_lexicon.SIGNERS)
SIGNED_REACH = 4  # words between «وقع» and what is signed at most


def signs(clause: Sequence[Word], index: int) -> bool:
    """Whether «وقع» at `index` is «signed»: a state or a company signs right after
    it, or a document or «على» follows within SIGNED_REACH words, before any event
    noun; not «وقع الحادث», «وقعت في…»."""
    folded = clause[index].folded
    if folded[:1] in "وف" and folded[1:] in SIGN_OR_HAPPEN:
        folded = folded[1:]
    if folded not in SIGN_OR_HAPPEN or index + 1 >= len(clause):
        return False
    following = clause[index + 1]
    if following.folded in _country_words() or following.folded in SIGNERS:
        return True
    # «وقع الوزير على مذكرة…»: what is signed, within a few words, before any happening.
    for word in clause[index + 1 : index + 1 + SIGNED_REACH]:
        kind = lookup(word, NOUN_KINDS)
        if word.folded in SIGNED_OBJECTS or kind == EventKind.AGREEMENT:
            return True
        if kind is not None:
            return False  # «وقع الانفجار على بعد…»
    return False


def kind_of(clause: Sequence[Word], date_index: int, verb: tuple[int, str] | None = None) -> str:
    """The kind of the happening the clause reports around the word at `date_index`;
    `verb` is the clause's main verb (index, kind) when the caller found it."""
    if verb is not None and signs(clause, verb[0]):
        return str(EventKind.AGREEMENT)
    phrase = phrase_kind(clause)
    if verb is not None and (light := light_verb_kind(clause, verb[0])) is not None:
        # «منحت اللجنة الفريقين مهلة»: the noun a light verb introduces is the happening,
        # even when the lexicon gives the verb itself no kind.
        return light
    if verb is None or verb[1] == EventKind.OTHER:
        # A verb the lexicon does not know says nothing of the kind.
        verb = verb_at(clause)
    if phrase is not None and verb is not None and verb[1] == EventKind.STATEMENT:
        # What was said («قال إنه يريد من المدعي العام التحقيق») names no act of the
        # speaker's: only a phrase before «أن» counts.
        said = next(
            (i for i in range(verb[0] + 1, len(clause)) if clause[i].folded in THAT_WORDS),
            len(clause),
        )
        phrase = phrase_kind(clause[:said])
    if phrase is not None and (verb is None or verb[1] in (EventKind.STATEMENT, EventKind.OTHER)):
        # «دعت النقابة إلى التوقف عن العمل»: a fixed phrase of an act names its kind.
        return phrase
    nouns = [(i, kind) for i, w in enumerate(clause) if (kind := lookup(w, NOUN_KINDS))]
    if verb is not None:
        index, kind = verb
        light = light_verb_kind(clause, index)
        if light is not None:
            return light
        if kind == EventKind.SPORTS and any(k == EventKind.ELECTION for _, k in nouns):
            return str(EventKind.ELECTION)  # «فاز الحزب في الانتخابات»: won a vote
        if kind in (EventKind.STATEMENT, EventKind.OTHER) or is_reporting(clause[index]):
            # «الحزب الفائز في انتخابات 2014»: the event noun the date qualifies is
            # the happening, whatever the clause's speaker says about it.
            dated = next((k for i, k in nouns if i == date_index - 1), None)
            if dated is not None and dated != EventKind.STATEMENT and index < date_index:
                return dated
            # The act announced is its object («أعلن إلغاء القمة»), before any «أن»:
            # what follows «أن» is what was said («قال إن المفاوضات مستمرة»).
            that = next(
                (i for i in range(index + 1, len(clause)) if clause[i].folded in THAT_WORDS),
                len(clause),
            )
            reported = [
                k for i, k in nouns if index < i <= index + REPORTED_NOUN_REACH and i < that
            ]
            # «طالب بقرارات», «دعا إلى الحوار»: what is called for has not happened;
            # «انتقد المداهمة», «حذر من الحرب»: what is judged is what the words are about.
            calls = any(
                r in CALL_VERBS or r in JUDGE_VERBS for r in verb_readings(clause[index].folded)
            )
            if reported and reported[0] != EventKind.STATEMENT and not calls:
                return reported[0]
            # «أعلنت كوريا الشمالية أنها فككت موقعها…»: what was announced was done.
            done = _verb_after_that(clause, index)
            if done is not None:
                return done
            # «أعلنت الوزارة عن الانتهاء من إخلاء…»: an announced act, of no kind we know.
            if any(r in ANNOUNCE_VERBS for r in verb_readings(clause[index].folded)) and any(
                w.folded == ABOUT for w in clause[index + 1 : index + 1 + REPORTED_NOUN_REACH]
            ):
                return str(EventKind.OTHER)
        if kind in DOMAIN_KINDS:
            # «خفض المدرب العدد إلى 23 لاعبا»: a verb of one field («خفض», the
            # economy's) in a clause whose words are all of the other is that other's.
            fields = [k for i, k in field_words(clause) if i != index]
            other = next(k for k in DOMAIN_KINDS if k != kind)
            if kind not in fields and fields.count(other) >= 2:
                return other
        if kind not in DOMAIN_KINDS:
            domain = _domain(field_words(clause))
            if domain and kind in (EventKind.STATEMENT, EventKind.OTHER):
                # «طالب خامنئي بقرارات لتحسين المعيشة»: a call is words, whatever its
                # topic; a verb the lexicon gives no kind takes the clause's domain.
                speaks = kind == EventKind.STATEMENT or is_reporting(clause[index])
                return kind if speaks else domain
        return kind
    if phrase is not None:
        return phrase
    if nouns:
        return min(nouns, key=lambda item: abs(item[0] - date_index))[1]
    return _domain(field_words(clause)) or str(EventKind.OTHER)


def _domain(nouns: list[tuple[int, str]]) -> str | None:
    for kind in DOMAIN_KINDS:
        if sum(1 for _, k in nouns if k == kind) >= 2:
            return kind
    return None


# Field words («النادي», «الدولار»), besides the field's triggers; multi-word ones
# match as phrases.
DOMAIN_WORD_KINDS: dict[str, str] = _table(event_kinds_lexicon.DOMAIN_WORDS)
DOMAIN_PHRASES: dict[str, str] = {p: k for p, k in DOMAIN_WORD_KINDS.items() if " " in p}
# An article is about a field when this many of its words are the field's, and more
# than twice as many as of the other field.
ARTICLE_DOMAIN_WORDS = 6


def field_words(clause: Sequence[Word]) -> list[tuple[int, str]]:
    """(index, field) of each word that marks a field: its triggers and field words."""
    found = []
    for index, word in enumerate(clause):
        kind = _field_of(word.folded)
        if kind is not None:
            found.append((index, kind))
    if DOMAIN_PHRASES:
        text = " ".join(w.folded for w in clause)
        found.extend((-1, kind) for phrase, kind in DOMAIN_PHRASES.items() if phrase in text)
    return found


@lru_cache(maxsize=65_536)
def _field_of(folded: str) -> str | None:
    """The field a word marks, if any (cached: an article reads every word)."""
    word = Word(0, 0, folded, folded)
    kind = lookup(word, NOUN_KINDS) or lookup(word, DOMAIN_WORD_KINDS)
    return kind if kind in DOMAIN_KINDS else None


SPEAKING_FOR = fold_set(*event_kinds_lexicon.SPEAKING_FOR)
# Subjects whose every act is of one kind, whatever the verb.
SUBJECT_KINDS: dict[str, str] = {
    **dict.fromkeys(fold_set(*event_kinds_lexicon.LEGAL_BODIES), str(EventKind.LEGAL)),
    **dict.fromkeys(fold_set(*event_kinds_lexicon.PROTESTERS), str(EventKind.PROTEST)),
    **dict.fromkeys(fold_set(*event_kinds_lexicon.NATURAL_FORCES), str(EventKind.DISASTER)),
}


def subject_kind(headline: str) -> str | None:
    """The kind a headline's subject gives its act: a court or a prosecutor's is legal
    («محكمة تركية…», «الادعاء العام يطالب…», «هيئة المحلفين تدين…»), protesters' is a
    protest («المتظاهرون يقتحمون…»), a force of nature's a disaster («زلزال يصيب…»);
    None for any other subject."""
    opening = folded_words(headline)[:4]
    for size in (2, 1):  # «ممثل ادعاء…», «المتحدث باسم المحكمة…»: who speaks for it
        if " ".join(opening[:size]) in SPEAKING_FOR:
            opening = opening[size:]
            break
    first = opening[:2]
    if not first:
        return None
    return SUBJECT_KINDS.get(first[0]) or SUBJECT_KINDS.get(" ".join(first))


def article_field(text: str) -> str | None:
    """The field (sports, economy) an article is about, if its words say so."""
    folded = folded_words(text)
    counts = Counter(kind for word in folded if (kind := _field_of(word)) is not None)
    if DOMAIN_PHRASES:
        joined = " ".join(folded)
        counts.update(kind for phrase, kind in DOMAIN_PHRASES.items() if phrase in joined)
    ranked = counts.most_common()
    if not ranked or ranked[0][1] < ARTICLE_DOMAIN_WORDS:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] > 2 * runner_up else None


def phrase_kind(clause: Sequence[Word]) -> str | None:
    if not PHRASE_KINDS:
        return None
    text = " ".join(w.folded for w in clause)
    for phrase, kind in PHRASE_KINDS.items():
        if phrase in text:
            return kind
    return None


def _verbal_noun_of_derived_form(folded: str) -> bool:
    """Whether a word has the shape of the verbal noun of forms VII, VIII or X, an
    «ا» before its last letter: «افتتاح», «انسحاب» (six letters), «استقبال» (seven).
    Their hollow pasts are a letter shorter: «اختار», «انهار», «استقال»."""
    if not folded.startswith("ا") or len(folded) < 6 or folded[-2] != "ا":
        return False
    return len(folded) >= 7 if folded.startswith("است") else True


def looks_like_verb(word: Word, following: Word | None) -> bool:
    """Whether a clause's first word is its verb though the lexicon does not know it.

    A past-tense verb opening a clause has no article and three to six letters, and
    its subject follows, most often with the article («علّق رئيس…» is not, but
    «علّق الرئيس…» and «قرر مجلس…» are caught by the second test).
    """
    if verb_kind(word) is not None:
        return True
    folded = word.folded
    if folded.startswith(("و", "ف")) and len(folded) > 4:
        folded = folded[1:]
    # Four letters at least: «وجه», «أمر», «وضع», «رد» open noun phrases as often.
    bare = word.folded[1:] if word.folded[:1] in "وف" else word.folded
    known = next((w for w in (word.folded, bare) if _irregular_past(w)), None)
    if (
        known
        and following is not None
        and (following.folded.startswith("ال") or following.folded in SUBJECT_OPENERS)
    ):
        return True  # «أثار القرار…», «وأشار الوزير…»: a past the verb table knows
    if not 3 <= len(folded) <= 6 or folded.isdigit():
        return False
    if folded.startswith("ال") and not _hamzated_form_iv(word):
        return False
    if lookup(word, NOUN_KINDS) is not None or folded in NOT_VERBS:
        return False
    if any(r in NAME_WORDS or r in NOT_VERB_NOUNS for r in readings(word.folded)):
        return False
    if folded.endswith(("ه", "ات", "ون", "ين", "يه")):  # nouns' endings
        return False
    if folded.startswith("م") and len(folded) > 4 and folded.endswith(("ها", "هم", "هما")):
        return False  # «مديرها السابق»: a noun of «مفعل» shapes and its owner
    if _verbal_noun_of_derived_form(folded):
        return False  # «افتتاح السفارة», «استقبال الوفد»: the verbal noun, no past
    if folded.startswith("م") and len(folded) >= 5 and folded.endswith("ي"):
        return False  # «ممثلي النقابة», «موظفي الشركة»: a plural of «مفعل» before its owner
    if len(folded) == 4 and folded[2] == "و" and not folded.startswith(("ا", "ت")):
        return False  # «حصول», «وصول», «دخول»: the verbal noun's pattern, no past verb
    # Its subject follows: a definite noun, or a title or head noun («منح نجم المنتخب»).
    if following is not None and (
        following.folded.startswith("ال")
        or following.folded in SUBJECT_OPENERS
        or following.folded in NOT_VERB_NOUNS
        or people_plural(following.folded)  # «وخرج متظاهرون»
    ):
        return True
    # «ووقعت مصر», «نفت إيران», «أعادت واشنطن»: a state, or the capital that stands
    # for it, feminine, after the past's feminine «ت».
    return (
        following is not None
        and folded.endswith("ت")
        and len(folded) <= 5
        and names_a_state(following.folded)
    )


def _irregular_past(folded: str) -> bool:
    """A past of four letters or more that the verb table knows, or its feminine:
    «أثار», «واجه», «ألقت» («ألقى»), «أشارت»."""
    if len(folded) < 4:
        return False
    if folded in IRREGULAR:
        return True
    stem = folded[:-1]
    return folded.endswith("ت") and any(
        form in IRREGULAR for form in (stem, stem + "ي", stem + "ا")
    )


def _hamzated_form_iv(word: Word) -> bool:
    """«ألقت», «ألغى», «ألزمت»: written with the hamza, «أل» is a form IV verb's, not
    the article (which has none)."""
    written = word.text.lstrip("وف") if word.text[:1] in "وف" and len(word.text) > 4 else word.text
    return written.startswith("أل")


def people_plural(folded: str) -> bool:
    """An indefinite sound plural of people: participles («متظاهرون», «مسلحون»),
    nationalities («مصريون») and «فاعلون» («باحثون»); not a name in «ون»
    («برايتون») nor a present verb («يتجهون»)."""
    if len(folded) < 6 or not folded.endswith("ون") or folded.startswith("ال"):
        return False
    return (
        folded.startswith("م") or folded.endswith("يون") or (len(folded) == 6 and folded[1] == "ا")
    )


def names_a_state(folded: str) -> bool:
    """Whether a word is a state's or its capital's one-word name («مصر», «واشنطن»),
    which stands for the state as a subject."""
    return folded in _state_words()


@lru_cache(maxsize=1)
def _one_word_state_spellings() -> tuple[str, ...]:
    """How countries and capitals are written in one word («مصر», «اليابان»), unfolded:
    whether a spelling has the article is read before folding («ألمانيا» has none)."""
    from timeline.lexicon.places import CAPITALS, PLACES

    names = {name for name, (place_type, _, _) in PLACES.items() if place_type == "country"}
    names |= {capital for capital in CAPITALS.values() if capital in PLACES}
    return tuple(
        spelling
        for name in sorted(names)
        for spelling in (name, *PLACES[name][2])
        if " " not in spelling
    )


@lru_cache(maxsize=1)
def _state_words() -> frozenset[str]:
    """Countries and capitals named in one word without the article: «مصر», «إيران»,
    «واشنطن»."""
    return frozenset(fold(s) for s in _one_word_state_spellings() if not s.startswith("ال"))


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Countries and capitals named in one word, with the article or not: «مصر»,
    «اليابان»."""
    return frozenset(fold(s) for s in _one_word_state_spellings())


# Words that open clauses but are no verbs.
NOT_VERBS: frozenset[str] = fold_set(*clauses.NOT_VERBS)
# Subjects that open without the article: «رئيس», «وزير».
SUBJECT_OPENERS: frozenset[str] = fold_set(*actors_lexicon.SUBJECT_OPENERS)


def _name_words() -> frozenset[str]:
    """Every word of a place's or a well-known actor's name: «كوريا» opens no verb."""
    from timeline.lexicon.actors import ACTORS
    from timeline.lexicon.places import PLACES

    spellings = [*PLACES, *(v for _, _, vs in PLACES.values() for v in vs)]
    spellings += [*ACTORS, *(a for _, aliases in ACTORS.values() for a in aliases)]
    return frozenset(word for s in spellings for word in fold(s).split())


NAME_WORDS: frozenset[str] = _name_words()


def _not_verb_nouns() -> frozenset[str]:
    """Titles and the heads of organisations' names: nouns that open clauses."""
    from timeline.lexicon.actors import ORGANISATION_HEADS, PERSON_TITLES

    words_ = [w for t in (*PERSON_TITLES, *ORGANISATION_HEADS) for w in fold(t).split()]
    return frozenset(words_) | SUBJECT_OPENERS


NOT_VERB_NOUNS: frozenset[str] = _not_verb_nouns()

# Verbs that carry no event of their own: the verbal noun after them says what
# happened («تمكنت الشرطة من حجز…», «تم إيقاف…», «قامت القوات بقصف…»).
LIGHT_VERBS: frozenset[str] = fold_set(*event_kinds_lexicon.LIGHT_VERBS)
LIGHT_VERB_REACH = 8


def light_verb_kind(clause: Sequence[Word], index: int) -> str | None:
    """The kind of the verbal noun a light verb at `index` introduces, if any."""
    if not any(r in LIGHT_VERBS for r in verb_readings(clause[index].folded)):
        return None
    for word in clause[index + 1 : index + 1 + LIGHT_VERB_REACH]:
        kind = lookup(word, NOUN_KINDS)
        if kind is not None:
            return kind
    return None


THAT_WORDS: frozenset[str] = fold_set(*clauses.REPORTED_THAT_WORDS)
# How far after a reporting verb its «أن» and, after that, the reported verb may be.
THAT_REACH, REPORTED_VERB_REACH = 8, 6


def _verb_after_that(clause: Sequence[Word], index: int) -> str | None:
    for that in range(index + 1, min(index + 1 + THAT_REACH, len(clause))):
        if clause[that].folded in THAT_WORDS:
            for position, word in enumerate(clause[that + 1 : that + 1 + REPORTED_VERB_REACH]):
                # «كشفت أن 24 دبلوماسيا تعرضوا لهجوم»: a light verb's noun is the act.
                kind = verb_kind(word) or light_verb_kind(clause, that + 1 + position)
                if kind is not None:
                    if is_future(clause, that + 1 + position):
                        return None  # «قال إن الرئيس سيزور…»: said, not yet done
                    return kind if kind not in (EventKind.STATEMENT, EventKind.OTHER) else None
            return None
    return None


FUTURE_PARTICLE = fold("سوف")


def is_future(clause: Sequence[Word], index: int) -> bool:
    """Whether the verb at `index` is marked for the future: «سيزور», «سوف يزور»."""
    folded = clause[index].folded
    if folded.startswith(("س", "وس", "فس")) and verb_kind(clause[index]) is not None:
        bare = folded[folded.index("س") + 1 :]
        if _verb_kind(bare) is not None and bare[:1] in ("ي", "ت", "ن", "ا"):
            return True
    return index > 0 and clause[index - 1].folded == FUTURE_PARTICLE


# Verbs that announce an act; «عن» introduces the act announced.
ANNOUNCE_VERBS: frozenset[str] = fold_set(*event_kinds_lexicon.ANNOUNCE_VERBS)
ABOUT = fold("عن")
