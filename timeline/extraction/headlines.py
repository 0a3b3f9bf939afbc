"""A dated clause as a headline: who does what (to whom, where), at most 12 words.

Arabic news writes verb first («التقى علي لاريجاني يوم الأحد بالرئيس الروسي…»);
a headline puts the subject first with the verb in the present («لاريجاني يلتقي
بالرئيس الروسي فلاديمير بوتين في موسكو»). The date words, the dateline, the
attribution and the leading connectives go; the clause is cut at its first
natural boundary after the object, never with an ellipsis.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from timeline.extraction.actors import (
    COUNT_WORDS,
    GIVEN_NAMES,
    KNOWN_FIRST_WORDS,
    TITLES,
    indefinite_verbal_noun,
)
from timeline.extraction.arabic import (
    FUNCTION,
    Word,
    fold,
    fold_set,
    is_function_word,
    readings,
    without_marks,
)
from timeline.extraction.kinds import (
    NOUN_KINDS,
    SIGN_OR_HAPPEN,
    VERB_KINDS,
    plural_past,
    signs,
    verb_readings,
)
from timeline.extraction.places import match_at
from timeline.extraction.verbs import IRREGULAR, marked_passive, present_tense
from timeline.lexicon import clauses
from timeline.lexicon.event_kinds import REPORTING_VERBS

MAX_WORDS = 12
# Cut at a boundary once this many words are kept.
MIN_WORDS_BEFORE_CUT = 4


# Words that open a clause without saying anything about the event.
LEADING_WORDS = fold_set(*clauses.LEADING_WORDS)
# Words after a date expression that only qualify it: «الأحد الماضي».
DATE_TAIL = fold_set(*clauses.DATE_TAIL)
# Words before a date expression that only say it is a date.
DATE_GLUE = fold_set(*clauses.DATE_GLUE)
OVER_GLUE = fold_set(*clauses.OVER_GLUE)
ON_WORDS = fold_set(*clauses.OVER_GLUE_ON)
# Where a headline may end: the next word opens a subordinate part.
BOUNDARY_WORDS = fold_set(*clauses.BOUNDARY_WORDS)
RELATIVE_PRONOUNS = fold_set(*clauses.RELATIVE_PRONOUNS)
# Anonymous sources: «قالت مصادر إن…» reports what follows «إن».
ANONYMOUS_SOURCES = fold_set(*clauses.ANONYMOUS_SOURCES)
PARTICLES_BEFORE_VERB = fold_set(*clauses.PARTICLES_BEFORE_VERB)
# Phrases that add nothing to a headline: «من جانبه», «في وقت سابق».
FILLERS: tuple[tuple[str, ...], ...] = tuple(
    tuple(fold(w) for w in phrase.split()) for phrase in clauses.FILLERS
)
FILLERS_BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in FILLERS:
    FILLERS_BY_FIRST_WORD.setdefault(_phrase[0], []).append(_phrase)
THAT_WORDS = fold_set(*clauses.THAT_WORDS)
# What opens what a reporting verb reports, «أنه تقرر…» included.
SAID_OPENERS = THAT_WORDS | fold_set(*clauses.THAT_WITH_PRONOUN)
# «بحسب …،», «وفقاً لـ…»: attribution up to the next comma.
ATTRIBUTION_OPENERS = fold_set(*clauses.ATTRIBUTION_OPENERS)
REPORTING = frozenset(fold(v) for v in REPORTING_VERBS)
# Trailing words a headline never ends on.
DANGLING = FUNCTION | fold_set(*clauses.DANGLING)

_COMMA = re.compile(r"[،,؛;:()\"«»“”]|\s[-–—]+\s")
# Where a headline ends: a comma or a bracket, not the quotes of what was said.
# The gap before a quotation: a colon or an opening quotation mark, no comma.
_QUOTATION_OPENS = re.compile(r"\s*:?\s*[\"«“]\s*|\s*:\s*")
_HEADLINE_END = re.compile(r"[،,؛;()]|\s[-–—]+\s")


def headline(
    text: str,
    clause: Sequence[Word],
    drop: frozenset[int],
    verb: int | None,
    subject: tuple[int, int] | None,
    subject_from: int | None = None,
    reporting: bool = False,
    implicit_subject: str = "",
    start_at: int = 0,
    feminine_subject: bool = False,
    apposition_end: int | None = None,
    plural_subject: bool = False,
    dual_subject: bool = False,
) -> str:
    """The headline of a clause of `text` (whose words are `clause`).

    `drop`: indexes of the words of date expressions; `verb`: index of the main
    verb, if any; `subject`: (first, last) index of its subject's name, if any,
    and `subject_from` where the subject's mention starts (its title, if any).
    With a `reporting` verb («قال», «أكد») the headline runs on to what was said.
    `implicit_subject` names who acts when the clause does not («وأضاف أن…» after a
    sentence about the minister): it opens the headline. Words before `start_at`
    are left out (a clause with no verb is titled from its event noun on).
    `apposition_end`: the last word of a title set after the subject's name («سمير
    الطيب وزير الفلاحة»), which the headline leaves out. `dual_subject`: two names
    joined by «و» act, and the verb takes the dual («روسيا والصين تتفقان»).
    """
    keep = [i for i in range(start_at, len(clause)) if i not in drop]
    keep = _without_brackets(text, clause, keep)
    keep = without_date_glue(clause, keep, drop)
    keep = _without_attribution(text, clause, keep)
    keep = _without_leading_words(clause, keep)
    keep = _without_fillers(clause, keep)
    if not keep:
        return ""
    order = keep
    # «وقُتل السادات…», «حيث أُعلن عن اتفاق…»: a passive's noun after it is no agent to
    # put first, and no one from an earlier sentence acts in it.
    passive = verb is not None and marked_passive(clause[verb].text)
    if (
        verb is not None
        and subject is not None
        and verb in keep
        and subject[0] > verb
        and not passive
    ):
        title_start = subject[0] if subject_from is None else subject_from
        order = _subject_first(text, clause, keep, verb, subject, title_start, apposition_end)
    elif passive and subject is not None and subject_from is not None:
        # «حُكم على المغنية زوهال أولكاي…»: the name is enough, as when it goes first.
        order = [i for i in keep if not subject_from <= i < subject[0]]
    # The aside first: what it leaves between the speaker and «أن» (a place after it,
    # «على هامش ندوة بالعاصمة الألمانية، برلين، أن…») goes with what was said.
    order = _without_aside(text, clause, order, verb)
    if reporting and verb in order:
        order = _to_what_was_said(clause, order, verb)
    if (
        subject is not None
        and verb in order
        and order[0] != verb
        and order.index(verb) + 1 < len(order)
        and order[order.index(verb) + 1] == subject[1] + 1
        and clause[subject[1] + 1].folded in RELATIVE_PRONOUNS
    ):
        # «جرت المظاهرات التي أراد لها منظموها…»: a relative clause right after the
        # subject would part it from its verb («المظاهرات تجري التي…»); the verb goes
        # back first.
        order = [verb, *(i for i in order if i != verb)]
    implicit = (
        implicit_subject.split()
        if subject is None and order and order[0] == verb and not passive
        else []
    )
    if (
        reporting
        and subject is None
        and not implicit
        and order
        and order[0] == verb
        # «علق وكيل النجم على الأزمة»: a speaker named after the verb keeps it
        and _says_right_after(text, clause, order)
    ):
        # «وأضاف أن نيلسن تعمل بجد…» with no one named before: what was said is the
        # headline, not «أضاف» with no subject.
        said = order[1:]
        if len(said) > 3 and clause[said[0]].folded == TO and clause[said[1]].folded in THAT_FORMS:
            said = said[1:]  # «وأشار إلى أن…»
        that = next(
            (
                p
                for p in range(1, min(len(said), ASIDE_MAX_WORDS))
                if clause[said[p]].folded in SAID_OPENERS
                and _COMMA.search(text[clause[said[p - 1]].end : clause[said[p]].start])
            ),
            None,
        )
        if that is not None:
            said = said[that:]  # «وأضاف موفدنا في مراسلة للإذاعة، أنه تقرر…»
        act = impersonal_act(clause, said, 0) if said else None
        if act is not None:
            said = act
        if said and clause[said[0]].folded in THAT_FORMS and len(said) > 2:
            said = said[1:]
        if len(said) >= 2:
            order = said
    words_out = _cut(
        text, clause, order, verb, subject, implicit, feminine_subject, plural_subject, dual_subject
    )
    return fitted(" ".join(_passive_as_verbal_noun(words_out)))


PASSIVE_NOUNS = {fold(verb): noun for verb, noun in clauses.PASSIVE_NOUNS.items()}


def _passive_as_verbal_noun(words_out: list[str]) -> list[str]:
    """«قتل أكثر من 1100 شخص» → «مقتل أكثر من 1100 شخص»: a past verb opening the
    headline before a count has no subject; it is a passive, which a headline names by
    its verbal noun. So is one written as a passive: «قُتل السادات» → «مقتل السادات»."""
    if len(words_out) < 3:
        return words_out
    noun = PASSIVE_NOUNS.get(fold(words_out[0]).removeprefix("و"))
    if noun is None or not (_counts(words_out[1]) or marked_passive(words_out[0])):
        return words_out
    out = [noun, *words_out[1:]]
    for position in range(2, len(out) - 1):
        # «مقتل أكثر من 1100 شخص وأصيب 4 آلاف» → «… وإصابة 4 آلاف»
        joined = fold(out[position])
        if joined.startswith("و") and joined[1:] in PASSIVE_NOUNS and _counts(out[position + 1]):
            out[position] = "و" + PASSIVE_NOUNS[joined[1:]]
    return out


def _counts(written: str) -> bool:
    folded = fold(written)
    return folded.replace(",", "").replace("٬", "").isdigit() or folded in COUNT_WORDS


def _says_right_after(text: str, clause: Sequence[Word], order: list[int]) -> bool:
    """Whether what was said follows the reporting verb at once («وأضاف أن…»,
    «وأشار إلى أن…», «وأضاف: "سنلتقي…"», «وأضاف، في مراسلة للإذاعة، أنه…»), with no
    speaker between."""
    if _opens_quotation(text, clause, order[0]):
        return True
    following = [clause[i].folded for i in order[1 : 1 + ASIDE_MAX_WORDS]]
    return bool(following) and (following[0] == TO or any(w in SAID_OPENERS for w in following))


def without_date_glue(clause: Sequence[Word], keep: list[int], drop: frozenset[int]) -> list[int]:
    """Drop the words that only introduce a dropped date: «يوم» in «يوم الأحد», and
    both «في» and «الـ» in «في الـ 6 من أغسطس» (read right to left, so a word
    dropped lets the one before it reach the date)."""
    result: list[int] = []
    for index in reversed(keep):
        following = result[-1] if result else None
        glued_to_date = any(
            j in drop for j in range(index + 1, following if following is not None else index + 2)
        )
        forms = readings(clause[index].folded)
        after_date = index - 1 in drop and any(r in DATE_TAIL for r in forms)
        if after_date or (glued_to_date and any(r in DATE_GLUE for r in forms)):
            continue
        over = (
            clause[index].folded in ON_WORDS
            and index + 1 < len(clause)
            and index + 1 not in result
            and index + 1 in keep
            and clause[index + 1].folded in OVER_GLUE
        )
        if over:
            continue  # «على» of «على مدى» and a date
        result.append(index)
    return result[::-1]


def _gap(text: str, clause: Sequence[Word], index: int) -> str:
    """The characters between word `index` and the next word."""
    if index + 1 >= len(clause):
        return ""
    return text[clause[index].end : clause[index + 1].start]


IMPERSONAL_FRAMES = frozenset(
    tuple(fold(part) for part in frame.split()) for frame in clauses.IMPERSONAL_FRAMES
)


def _impersonal_frame(clause: Sequence[Word], keep: list[int]) -> int:
    """How many of the `keep` words open the clause with an impersonal frame and its
    «أن»: «ويشار إلى أن», «ومن المقرر أن»; 0 if none."""
    for frame in IMPERSONAL_FRAMES:
        size = len(frame)
        if len(keep) <= size + 1:
            continue
        written = [clause[i].folded for i in keep[:size]]
        if written[0] != frame[0]:
            written[0] = written[0].removeprefix("و").removeprefix("ف")  # «ويشار», «فمن»
        if tuple(written) == frame and clause[keep[size]].folded in THAT_WORDS:
            return size + 1
    return 0


def anonymous_attribution(clause: Sequence[Word], keep: list[int]) -> int:
    """How many of the `keep` words report an anonymous source: «قالت مصادر أمنية إن»
    (what follows «إن» is the news, and its verb the happening's), or open the clause
    with an impersonal frame («يشار إلى أن», «ومن المقرر أن»); 0 if none."""
    framed = _impersonal_frame(clause, keep)
    if framed:
        return framed
    for position, index in enumerate(keep[:6]):
        if any(r in REPORTING for r in readings(clause[index].folded)):
            rest = keep[position + 1 : position + 8]
            if rest and any(clause[i].folded in ANONYMOUS_SOURCES for i in rest[:2]):
                that = next((p for p, i in enumerate(rest) if clause[i].folded in THAT_WORDS), None)
                if that is not None:
                    return position + 1 + that + 1
            break
    return 0


def _without_attribution(text: str, clause: Sequence[Word], keep: list[int]) -> list[int]:
    keep = keep[anonymous_attribution(clause, keep) :]
    # «بحسب وكالة رويترز،» and «وفقاً لمصادر» up to the next comma (or the end).
    result, skipping = [], False
    for position, index in enumerate(keep):
        if any(r in ATTRIBUTION_OPENERS for r in readings(clause[index].folded)):
            skipping = True  # «بحسب», «وبحسب»
        elif (
            position == 0
            and clause[index].folded in CAME
            and position + 1 < len(keep)
            and clause[keep[position + 1]].folded == IN_WORD
        ):
            skipping = True  # «وجاء في البيان:», «جاء في مدونة واتساب،»
        if not skipping:
            result.append(index)
            continue
        # The comma may stand after a date left out: «وبحسب بيانات… الصادرة الإثنين، تراجع».
        following = keep[position + 1] if position + 1 < len(keep) else None
        end = clause[following].start if following is not None else clause[index].end + 1
        if _COMMA.search(text[clause[index].end : end]):
            skipping = False
    return result


CAME = fold_set(*clauses.CAME_WORDS)
IN_WORD = fold("في")


def attributed(text: str, clause: Sequence[Word]) -> set[int]:
    """Indexes of the words that only say where the news comes from («بحسب وكالة
    رويترز،», «حسبما أفاد المتحدث العسكري…»): a source, not an actor."""
    everything = list(range(len(clause)))
    outside = set(everything[anonymous_attribution(clause, everything) :])
    kept = set(_without_attribution(text, clause, everything))
    return outside - kept


def _without_leading_words(clause: Sequence[Word], keep: list[int]) -> list[int]:
    start = 0
    while start < len(keep) - 1:
        folded = clause[keep[start]].folded
        pair = f"{folded} {clause[keep[start + 1]].folded}"
        phrase = next(
            (
                size
                for size in (3, 2)
                if start + size < len(keep)
                and " ".join(clause[i].folded for i in keep[start : start + size])
                in LEADING_PHRASES
            ),
            None,
        )
        if phrase is not None:
            start += phrase  # «من جهة أخرى، أسهم تويتر…»: a link to what came before
        elif pair in EXPECTATION_FRAMES and start + 2 < len(keep):
            # «ومن المقرر أن يلتقي…»: from what is expected on
            start += 2
            if clause[keep[start]].folded in THAT_WORDS and start + 1 < len(keep):
                start += 1
        elif folded in PASSIVE_AUXILIARIES and start + 1 < len(keep):
            start += 1  # «تم إنقاذ 40 ألف شخص»: the verbal noun heads the headline
        elif folded in LEADING_WORDS:
            start += 1
        else:
            break
    return keep[start:]


EXPECTATION_FRAMES = fold_set(*clauses.EXPECTATION_FRAMES)
LEADING_PHRASES = fold_set(*clauses.LEADING_PHRASES)
PASSIVE_AUXILIARIES = fold_set(*clauses.PASSIVE_AUXILIARIES)


def _subject_first(
    text: str,
    clause: Sequence[Word],
    keep: list[int],
    verb: int,
    subject: tuple[int, int],
    title_start: int,
    apposition_end: int | None = None,
) -> list[int]:
    """Verb-subject-rest → subject-verb-rest, the subject cut to its name."""
    first, last = subject
    name = [i for i in keep if first <= i <= last]
    # «وحملت صحيفة الأهرام الرسمية الخميس عنوانا»: an adjective of the name goes with it.
    while (
        last + 1 < len(clause)
        and last + 1 in keep
        and _relative_adjective(clause, last + 1)
        and not _COMMA.search(_gap(text, clause, last))
    ):
        last += 1
        name.append(last)
    # «واستهدف التحالف بقيادة السعودية مواقع…»: who leads it belongs to the subject.
    led_by = _led_by_end(text, clause, keep, last)
    if led_by is not None:
        name.extend(i for i in keep if last < i <= led_by)
        last = led_by
    # An apposition after the name («علي لاريجاني، المستشار الخاص…») goes with it.
    after = last + 1 if apposition_end is None else apposition_end + 1
    # A name set off by commas and followed by what was said («قال الأمين العام، أنمار
    # الخصاونة، إن…») has no apposition after it.
    next_kept = next((i for i in keep if i > last), None)
    said_next = next_kept is not None and clause[next_kept].folded in THAT_WORDS
    # A quotation opening after the name («قال فيلاسكيز "لا يمكننا…"») is what was
    # said, not an apposition.
    quoted_next = _opens_quotation(text, clause, last) and (
        _quoted_words(text, clause, last + 1) > QUOTED_APPOSITION_MAX_WORDS
    )
    # «وأقال هاراديناي، الجمعة وزير الداخلية»: the comma sets off the date, left out.
    # «استقبل السبسي، اليوم بقصر قرطاج، ميركل» is another matter: the phrase closes.
    date_next = last + 1 < len(clause) and last + 1 not in keep
    if date_next:
        closing = next(
            (i for i in range(last + 1, len(clause)) if _COMMA.search(_gap(text, clause, i))),
            len(clause),
        )
        kept_before_comma = sum(1 for i in keep if last < i <= closing)
        date_next = kept_before_comma > DATE_ASIDE_MAX_WORDS
    # «اتهم رئيس الوزراء، بنيامين نتنياهو، طهران…»: the name is the apposition itself;
    # the comma after it closes it.
    apposed = title_start < first and any(
        mark in text[clause[title_start].end : clause[first].start] for mark in "،,"
    )
    if (
        apposition_end is None
        and not said_next
        and not quoted_next
        and not date_next
        and not apposed
        and _COMMA.search(_gap(text, clause, last))
    ):
        after = _apposition_end(text, clause, keep, after) + 1
    before = [i for i in keep if i < verb]
    # An opening phrase set off by a comma («في زيارة غير معلنة، التقى…») goes.
    if before and _COMMA.search(_gap(text, clause, before[-1])):
        before = []
    # Between the verb and the name: the date (dropped already) or the name's title,
    # which the name replaces («وزير الخارجية الأمريكي مايك بومبيو» → «مايك بومبيو»).
    between = [i for i in keep if verb < i < first and i < title_start]
    if (
        between
        and between[-1] == first - 1
        and any(r in TITLES for r in readings(clause[between[0]].folded))
    ):
        between = []  # «التقى الرئيس السيسي…»: a title right before the name goes too
    rest = [i for i in keep if i >= after]
    return [*name, verb, *before, *between, *rest]


def _apposition_end(text: str, clause: Sequence[Word], keep: list[int], start: int) -> int:
    """The last word of an apposition set off by a comma after the subject's name,
    from `start`: up to the next comma, or, when none closes it, up to what was said
    («قال شفيق صرصار، المستقيل من رئاسة الهيئة إنه سيواصل…») or a date left out
    («أعلن محمود بن رمضان، القيادي بالحزب اليوم الأربعاء عن استقالته»)."""
    end = start
    while end < len(clause) and not _COMMA.search(_gap(text, clause, end)):
        end += 1
    # «قالت هيدي توماس، أمام المحكمة إن كوسبي…، عام 1984»: what was said begins
    # before the next comma, which then closes no apposition.
    said_first = any(clause[i].folded in SAID_OPENERS for i in range(start + 1, end))
    if end < len(clause) and not said_first:
        return end
    kept = set(keep)
    for index in range(start + 1, len(clause)):
        if clause[index].folded in SAID_OPENERS or (index not in kept and index - 1 in kept):
            return index - 1
    return end


# How many words besides a date a phrase after the subject, closed by a comma, may
# hold and still be an aside («السبسي، ظهر يوم الجمعة بقصر قرطاج، ميركل»).
DATE_ASIDE_MAX_WORDS = 4


LED_BY = fold_set(*clauses.LED_BY)


def _led_by_end(text: str, clause: Sequence[Word], keep: list[int], last: int) -> int | None:
    """The last word of «بقيادة السعودية», «برئاسة الأمير نواف» right after the
    subject's name at `last`, or None: the name of who leads, and its adjectives."""
    opener = last + 1
    if opener + 1 >= len(clause) or opener not in keep or clause[opener].folded not in LED_BY:
        return None
    if _COMMA.search(_gap(text, clause, last)) or _COMMA.search(_gap(text, clause, opener)):
        return None
    leader = opener + 1
    if leader not in keep or clause[leader].folded in FUNCTION:
        return None
    matched = match_at(clause, leader)
    if matched is not None and matched[1] is not None:
        end = leader + matched[0] - 1  # «بقيادة الولايات المتحدة»
    elif clause[leader].folded.startswith("ال") and not any(
        r in TITLES for r in readings(clause[leader].folded)
    ):
        end = leader  # «بقيادة الجيش»; a title («بقيادة المشير») needs its name: unsure
    else:
        return None
    while (
        end + 1 < len(clause)
        and end + 1 in keep
        and _relative_adjective(clause, end + 1)
        and not _COMMA.search(_gap(text, clause, end))
    ):
        end += 1  # «بقيادة الجيش الأمريكي»
    return end


def _relative_adjective(clause: Sequence[Word], index: int) -> bool:
    """A definite relative adjective («الرسمية», «الأمريكي»), not a place («السعودية»)."""
    written = without_marks(clause[index].text)
    if not written.startswith("ال") or len(written) < 6 or not written.endswith(("ي", "ية")):
        return False
    matched = match_at(clause, index)
    return matched is None or matched[1] is None


# A name in quotation marks after another («وكالة الأنباء السورية "سانا"», «شركة
# "سبيس إكس"») is no quotation of what was said.
QUOTED_APPOSITION_MAX_WORDS = 2


def _opens_quotation(text: str, clause: Sequence[Word], index: int) -> bool:
    """Whether a quotation opens after word `index` (a colon or an opening mark, no
    comma); a straight «"» opens one only when those before it are paired."""
    gap = _gap(text, clause, index)
    if _QUOTATION_OPENS.fullmatch(gap) is None:
        return False
    if '"' in gap:
        return text[clause[0].start : clause[index].end].count('"') % 2 == 0
    return True


def _quoted_words(text: str, clause: Sequence[Word], first: int) -> int:
    """How many words from `first` on stand before the quotation closes (all the
    clause's, if it does not)."""
    for index in range(first, len(clause)):
        if re.search(r"[\"»”]", _gap(text, clause, index)):
            return index - first + 1
    return len(clause) - first


VERB_OBJECT_OPENERS = fold_set(*clauses.VERB_OBJECT_OPENERS)


def _cut(
    text: str,
    clause: Sequence[Word],
    order: list[int],
    verb: int | None,
    subject: tuple[int, int] | None,
    implicit: list[str] | None = None,
    feminine_subject: bool = False,
    plural_subject: bool = False,
    dual_subject: bool = False,
) -> list[str]:
    out: list[str] = list(implicit or [])
    # Where the verb went in `out`: a subject, its verb and an object («ترامب يلغي
    # القمة») make a headline that a boundary or a comma may end.
    verb_at: int | None = None

    def complete() -> bool:
        if verb is not None and verb in order and verb_at is None:
            return False  # «وكان الرئيس دونالد ترامب، قد أعلن…»: the verb is still to come
        if len(out) >= MIN_WORDS_BEFORE_CUT:
            return True
        return verb_at is not None and 0 < verb_at < len(out) - 1

    skip_to = -1  # the last word of an apposition the headline passes over
    for position, index in enumerate(order):
        word = clause[index]
        if index <= skip_to:
            continue
        if len(out) >= MAX_WORDS:
            break
        if (
            complete()
            and word.folded in BOUNDARY_WORDS
            and index != verb
            # «هيئة الطيران تنفي ما تداولته…», «مواعيد الحفلات تتغير بسبب…»: what the
            # verb just written does or why, not a clause of its own
            and not (verb_at == len(out) - 1 and word.folded in VERB_OBJECT_OPENERS)
        ):
            break
        if index == verb:
            verb_at = len(out)
        written = word.text
        if index == verb and out:
            # The subject comes first now: the verb follows it in the present.
            written = _as_present(word, feminine_subject)
            if _happened(clause, index, subject) and written[1:3] == "وق":
                # «وقع الحادث» happened: «الحادث يقع», not «يوقع» (signs)
                written = written[0] + written[2:]
            if plural_subject:
                written = _plural_present(written)
            elif dual_subject:
                if not feminine_subject and fold(written).startswith("ت"):
                    # Two men do not take «ت»: «توصل سالفا كير ورياك مشار» is the past
                    # of form V, «يتوصلان».
                    written = present_tense(written, False)
                written = _dual_present(written)
        elif (
            written.startswith("إن")
            and fold(written) in THAT_FORMS
            and verb_at is not None
            and verb_at == len(out) - 1
            and not fold(out[-1]).startswith(SAYS)
        ):
            # «قال إنها» becomes «يؤكد أنها»: only «يقول» takes «إن», and no headline
            # says «يقول».
            written = "أ" + written[1:]
        elif (
            word.folded in PARTICLES_BEFORE_VERB
            and position + 1 < len(order)
            and (order[position + 1] == verb)
        ):
            continue
        elif (
            position == 0
            and word.folded.startswith(("و", "ف"))
            and (
                _is_clitic_conjunction(word)
                # «وصف», «وافق»: the verb's own «و» stays
                or (index == verb and word.folded not in IRREGULAR)
            )
        ):
            written = written[1:]  # «وعاد المدافع…»: the headline does not start with «و»
        elif (
            verb is not None
            and verb_at is not None
            and index > verb
            and _joined_past_verb(word)
            # «باغتصاب وقتل فتاة»: after a verbal noun governed by «بـ», a second one
            and not (index > 0 and governed_verbal_noun(clause[index - 1]))
        ):
            # «احتل المتظاهرون المبنى واشتبكوا مع الشرطة» → «…ويشتبكون مع الشرطة».
            rest = Word(word.start, word.end, written[1:], word.folded[1:])
            present = _as_present(rest, feminine_subject)
            if plural_subject and plural_past(rest.folded) is None:
                present = _plural_present(present)
            written = written[0] + present
        if word.folded.isdigit() and text[word.end : word.end + 1] in PERCENT_SIGNS:
            written += text[word.end]  # «10%» is a figure, «10» alone a bare number
        if (
            word.folded.isdigit()
            and out
            and position > 0
            and order[position - 1] == index - 1
            and clause[index - 1].folded.isdigit()
            and (
                text[clause[index - 1].end : word.start] in DECIMAL_POINTS
                or _thousands(text, clause, index - 1)
            )
        ):
            # «2.2%» is one figure, which the words of the clause split in two.
            out[-1] += text[clause[index - 1].end : word.start] + written
            continue
        out.append(written)
        # A comma after the object ends the headline.
        following = order[position + 1] if position + 1 < len(order) else None
        # A comma after the object ends the headline (one after a date does not:
        # «التقى الوزير، الأحد، نظيره…»).
        if (
            complete()
            and following == index + 1
            and _HEADLINE_END.search(_gap(text, clause, index))
            and not _thousands(text, clause, index)
        ):
            apposition = _apposition_after(text, clause, index)
            if apposition is None:
                break
            skip_to = apposition  # «السفير السعودي، الأمير خالد بن سلمان، في طريق…»
    while out and fold(out[-1]) in DANGLING:
        out.pop()
    return out


def _happened(clause: Sequence[Word], index: int, subject: tuple[int, int] | None) -> bool:
    """Whether the verb at `index` is «وقع» meaning «happened», not «signed»: nothing
    signed follows, and its subject, if any, is no one by title or name («وقع وزير
    الخارجية…» signs; «وقع الحادث» happens)."""
    folded = clause[index].folded
    bare = folded[1:] if folded[:1] in "وف" and folded[1:] in SIGN_OR_HAPPEN else folded
    if bare not in SIGN_OR_HAPPEN or signs(clause, index):
        return False
    if subject is None:
        return True
    first = clause[subject[0]].folded
    return not (
        first in GIVEN_NAMES
        or first in KNOWN_FIRST_WORDS
        or any(r in TITLES for r in readings(first))
    )


APPOSITION_MAX_WORDS = 6


def _apposition_after(text: str, clause: Sequence[Word], index: int) -> int | None:
    """The last word of a name or title set off by commas after word `index`
    («السفير السعودي، الأمير خالد بن سلمان، في طريق عودته»), or None when the comma
    ends the headline."""
    start = index + 1
    if start >= len(clause):
        return None
    first = readings(clause[start].folded)
    if not any(r in TITLES or r in GIVEN_NAMES or r in KNOWN_FIRST_WORDS for r in first):
        return None
    for end in range(start, min(start + APPOSITION_MAX_WORDS, len(clause) - 1)):
        if _HEADLINE_END.search(_gap(text, clause, end)):
            return end
    return None


WORDS_IN_WAL = fold_set(*clauses.WORDS_IN_WAL)


def governed_verbal_noun(word: Word) -> bool:
    """«باغتصاب», «بالاعتداء», «للتحقيق»: a verbal noun after «بـ» or «لـ»."""
    folded = word.folded
    if not folded.startswith(("ب", "ل")) or len(folded) < 5:
        return False
    rest, written = folded[1:], without_marks(word.text)[1:]
    for article in ("ال", "ل"):  # «بالاعتداء», «للتحقيق»; not «بالعراق»
        if rest.startswith(article):
            rest, written = rest[len(article) :], written[len(article) :]
            break
    return indefinite_verbal_noun(Word(word.start + 1, word.end, written, rest))


def _joined_past_verb(word: Word) -> bool:
    """«و» and a past verb the lexicon knows («واشتبكوا», «وأضرموا»), a second verb of
    the same subject."""
    folded = word.folded
    if not folded.startswith("و") or len(folded) < 4:
        return False
    rest = folded[1:]
    if _is_present(rest):
        return False
    return bool(VERB_KINDS.get(rest)) or plural_past(rest) is not None


def _is_clitic_conjunction(word: Word) -> bool:
    """Whether the word's first «و»/«ف» is the conjunction: before the article, a
    reporting or leading word, or an imperfect verb's person prefix («ويفصل»,
    «وتخشى»); words that start with «و» themselves («وزير», «وصول», «واشنطن», «وتيرة»)
    do not qualify."""
    rest = word.folded[1:]
    if (
        word.folded not in WORDS_IN_WAL
        # «فان هورميرن»: after «ف», two letters may be a name's own («فان», «فون»)
        and len(rest) >= (2 if word.folded.startswith("و") else 3)
        and is_function_word(Word(word.start + 1, word.end, word.text[1:], rest))
    ):
        return True  # «ومنذ», «وعلى», «وهي»: a function word after the conjunction
    if len(rest) < 3:
        return False
    if word.folded.startswith("وو"):
        return True  # «ووطدت»: no word starts with «وو», the first is the conjunction
    if without_marks(word.text)[:2] in ("وأ", "وإ", "وآ"):
        return True  # «وأظهرت», «وإسرائيل»: no word starts with «و» and a hamza's alef
    if word.folded in WORDS_IN_WAL:
        return False  # «والد الطفل»: a word of its own
    if rest.startswith("ال") or rest in REPORTING or rest in LEADING_WORDS:
        return True
    if rest in NOUN_KINDS:
        return True  # «وانتخابات المكسيك»: an event noun after the conjunction
    if word.text.endswith("ة"):
        return False  # «فترة», «وتيرة»: a noun in «ة», no verb after a conjunction
    if word.folded in GIVEN_NAMES or word.folded in KNOWN_FIRST_WORDS:
        return False  # «فيصل», «وليد»: a name, not «ف» + «يصل»
    if word.folded.startswith("و") and (rest in IRREGULAR or VERB_KINDS.get(rest)):
        return True  # «وأثار», «وجاء»: a verb the lexicon knows after the conjunction
    if word.folded.startswith("في") and not VERB_KINDS.get(rest):
        return False  # «فيدرير», «فيضانات»: «في…» starts many words; «فيقول» is known
    if rest.startswith(("سي", "ست")) and len(rest) >= 5:
        return True  # «وسيتناول», «وستعقد»: the future's «س» after the conjunction
    return rest[0] in VERB_PREFIXES and not rest.startswith("تي")


# Diacritics that may end a written word.
_MARKS = "".join(chr(c) for c in range(0x064B, 0x0653))

# The person prefixes of an imperfect verb: «يفصل», «تخشى», «نعلن» («أ» is left out:
# folded it is «ا», which starts names too, «واشنطن»).
VERB_PREFIXES = ("ي", "ت", "ن")


def _as_present(word: Word, feminine: bool = False) -> str:
    """The main verb in the present tense; one already present (or future) stays so.
    `feminine`: the subject is («إسرائيل تقصف», «الحكومة تقرر»)."""
    written, folded = word.text, word.folded
    singular = plural_past(folded)
    if singular is not None:
        # «اعتقلوا» → «يعتقلون»: the singular's present, made plural.
        written = written.rstrip(_MARKS)[:-2]
        return _plural_present(_as_present(Word(word.start, word.end, written, singular)))
    if (
        len(folded) >= 4
        and folded.endswith("ا")
        and not folded.endswith("تا")
        and (VERB_KINDS.get(folded[:-1]) or folded[:-1] in IRREGULAR)
        # «ودعا» is «و» and «دعا», no dual of «ودع»
        and not (folded[:1] in "وف" and folded[1:] in IRREGULAR)
    ):
        # «اتفقا» → «يتفقان»: a past for two takes the dual of the present.
        for_one = Word(word.start, word.end, written.rstrip(_MARKS)[:-1], folded[:-1])
        return _dual_present(_as_present(for_one, feminine))
    # Readings without a clitic before it (not the singulars of a plural form).
    readings_ = [r for r in verb_readings(folded) if folded.endswith(r)]
    # A verb the lexicon does not know keeps its letters: «سجلت» is no «س» + «جلت»;
    # a conjunction before it goes below.
    bare = next((r for r in readings_ if VERB_KINDS.get(r)), folded)
    clitic = len(folded) - len(bare)
    if clitic > 0 and not bare.startswith(("ي", "ت")):
        written, folded = _drop_letters(written, clitic), bare
    elif (
        folded.startswith(("و", "ف"))
        # «وشن»: the conjunction before a doubled verb of two letters («شن»)
        and (len(folded) > 3 or folded[1:] in IRREGULAR)
        and not VERB_KINDS.get(folded)
        and folded not in IRREGULAR
        # «وجهت»: the feminine of a verb whose own first letter is «و»
        and not (folded.endswith("ت") and folded[:-1] in IRREGULAR)
    ):
        # «وأعلن»: the conjunction goes; «وافق», «وصل» keep their own «و».
        written, folded = written[1:], folded[1:]
    if (
        folded.startswith(("سي", "ست"))
        and len(folded) >= 4
        # «سيطرت» is the past of «سيطر», no future
        and folded.removesuffix("ت") not in IRREGULAR
    ):
        return written[1:]  # future «سيلتقي», «سيصل»
    if folded.startswith(("لي", "لت")) and len(folded) > 4:
        # «ليصبح», «لتواصل»: «لـ» of purpose comes before a present only
        return written[1:]
    if _is_present(folded) and not (folded.startswith("ت") and written.endswith("ى")):
        return written  # but «تولى», «تلقى»: a past of form V, whose present is «يتولى»
    if folded in SAID:
        # Headlines do not «say»: «قال الوزير إن…» is «الوزير يؤكد أن…».
        return "تؤكد" if feminine or folded.endswith("ت") else "يؤكد"
    return present_tense(written, feminine)


TO = fold("إلى")
# «إن» and «إنّ» with a pronoun: after «يؤكد» they are written «أن».
THAT_FORMS = fold_set(*clauses.THAT_FORMS)
# «يقول» and «تقول» (and their plurals), the one verb «إن» follows.
SAYS = tuple(fold_set(*clauses.SAYS))
# «قال» in its forms, which a headline writes «يؤكد».
SAID = fold_set(*clauses.SAID)


def _plural_present(verb: str) -> str:
    """«يقول» → «يقولون», «يلتقي» → «يلتقون», «يدعو» → «يدعون»: the present for a
    plural subject. A future «ستعقد» and forms already plural stay as they are."""
    folded = fold(verb)
    if not folded.startswith("ي") or folded.endswith(("ون", "ان")):
        return verb
    if folded.endswith(("ي", "و")):
        return verb[:-1] + "ون"
    return verb + "ون"


PERCENT_SIGNS = ("%", "٪")
DECIMAL_POINTS = (".", "٫")
# «1,700», «1٬700»: a thousands separator before three digits
THOUSANDS_SEPARATORS = (",", "٬")


def _dual_present(verb: str) -> str:
    """«يلتقي» → «يلتقيان», «تتفق» → «تتفقان»: the present for two who act. A future
    «ستعقد» and forms already dual or plural stay as they are."""
    folded = fold(verb)
    if not folded.startswith(("ي", "ت")) or folded.endswith(("ون", "ان")):
        return verb
    return verb + "ان"


def _thousands(text: str, clause: Sequence[Word], index: int) -> bool:
    """Whether word `index` and the next are one number split by a thousands
    separator: «1,700»."""
    if index + 1 >= len(clause):
        return False
    word, following = clause[index], clause[index + 1]
    return (
        word.folded.isdigit()
        and following.folded.isdigit()
        and len(following.folded) == 3
        and text[word.end : following.start] in THOUSANDS_SEPARATORS
    )


def _drop_letters(written: str, count: int) -> str:
    """`written` without its first `count` letters (and the marks on them)."""
    position = 0
    while count and position < len(written):
        position += 1
        while position < len(written) and unicodedata.category(written[position]) == "Mn":
            position += 1
        count -= 1
    return written[position:]


# The presents of the irregular verbs, folded: «يعد», «يود», «يجد».
KNOWN_PRESENTS = frozenset(fold(present) for present in IRREGULAR.values())


def _is_present(folded: str) -> bool:
    """A verb already in the present: «يلتقي», «تعلن», «تتواصل», «تستمر», «تلتقي».

    Past verbs start with «ت» only in forms V and VI («تظاهر», «تعادل»): five letters
    with no second «ت» and no final «ي».
    """
    if folded.startswith(("ي", "تت", "تست")):
        return True
    if folded.startswith("ت") and len(folded) == 3 and "ي" + folded[1:] in KNOWN_PRESENTS:
        return True  # «تود», «تعد»
    if folded.startswith("ت"):
        return len(folded) == 4 or folded.endswith("ي") or folded[2:3] == "ت" or len(folded) > 5
    return False


def _without_fillers(clause: Sequence[Word], keep: list[int]) -> list[int]:
    result: list[int] = []
    position = 0
    while position < len(keep):
        size = _filler_at(clause, keep, position)
        if size:
            position += size
        else:
            result.append(keep[position])
            position += 1
    return result


def _filler_at(clause: Sequence[Word], keep: list[int], position: int) -> int:
    """How many kept words from `position` on make a filler phrase (0 if none)."""
    for reading in readings(clause[keep[position]].folded):
        for phrase in FILLERS_BY_FIRST_WORD.get(reading, ()):
            window = keep[position : position + len(phrase)]
            if len(window) == len(phrase) and all(
                w in readings(clause[i].folded) for i, w in zip(window[1:], phrase[1:], strict=True)
            ):
                return len(phrase)
    return 0


def _to_what_was_said(clause: Sequence[Word], order: list[int], verb: int) -> list[int]:
    """«قال الوزير، خلال استضافته في برنامج، إن المشروع…» → «الوزير يقول إن المشروع…»:
    what stands between the reporting verb (and its subject) and «أن» goes."""
    at = order.index(verb)
    that = next(
        (
            p
            for p in range(at + 1, len(order))
            if order[p] > verb and clause[order[p]].folded in SAID_OPENERS
        ),
        None,
    )
    if that is None or that - at > 10:
        return order
    if that > 0 and clause[order[that - 1]].folded in TIME_CONJUNCTIONS:
        return order  # «رفض المشروع بعد أن وافق عليه…»: «أن» of «بعد أن», not of «رفض»
    act = impersonal_act(clause, order, that)
    if act is not None:
        return act
    if at == 0:
        return order  # no subject was found: nothing says where it ends
    return [*order[: at + 1], *order[that:]]


IMPERSONAL_VERBS = PASSIVE_AUXILIARIES | fold_set(*clauses.IMPERSONAL_DECISIONS)


def impersonal_act(clause: Sequence[Word], order: list[int], that: int) -> list[int] | None:
    """What was reported done with no one doing it, from its verbal noun on, or None:
    «أفادت سانا أنه تم التوصل إلى اتفاق…» is the agreement («التوصل إلى اتفاق…»),
    not the agency's words; so is «أضاف أنه تقرر فتح خط جوي»."""
    if that + 4 >= len(order) or clause[order[that]].folded not in SAID_OPENERS:
        return None  # «أنه تم الإفراج عنه»: too little to say what happened
    if clause[order[that + 1]].folded not in IMPERSONAL_VERBS:
        return None
    return order[that + 2 :]


# Words that make «أن» after them a conjunction of their own («بعد أن», «قبل أن»).
TIME_CONJUNCTIONS = fold_set(*clauses.TIME_CONJUNCTIONS)

ASIDE_OPENERS = tuple(tuple(fold(w) for w in phrase.split()) for phrase in clauses.ASIDE_OPENERS)
ASIDE_MAX_WORDS = 10


def _without_aside(
    text: str, clause: Sequence[Word], order: list[int], verb: int | None
) -> list[int]:
    """«أعلنت المنصة، بالتعاون مع مجلس الأبحاث، عن مبادرة…» → «المنصة تعلن عن
    مبادرة…»: a phrase set off by commas right after the verb (or its subject) that
    says with whom or by what means goes, so the headline reaches the object."""
    if verb is None or verb not in order:
        return order
    at = order.index(verb) + 1
    if order[0] == verb:
        # Verb first: a subject right after it keeps its place (subject first, the
        # aside follows the verb itself).
        while (
            at < len(order)
            and order[at] == order[at - 1] + 1
            and not _COMMA.search(_gap(text, clause, order[at - 1]))
        ):
            at += 1
    if at >= len(order) - 1:
        return order
    before = text[clause[order[at - 1]].end : clause[order[at]].start]
    if not _COMMA.search(before) or not _opens_aside(clause, order, at):
        return order
    for end in range(at + 1, min(at + ASIDE_MAX_WORDS + 1, len(order))):
        if _COMMA.search(text[clause[order[end - 1]].end : clause[order[end]].start]):
            return [*order[:at], *order[end:]]
    return order


def _opens_aside(clause: Sequence[Word], order: list[int], at: int) -> bool:
    for phrase in ASIDE_OPENERS:
        window = order[at : at + len(phrase)]
        if len(window) == len(phrase) and all(
            word in readings(clause[i].folded) for i, word in zip(window, phrase, strict=True)
        ):
            return True
    return False


_TOKEN = re.compile(r"\w+")
_ELLIPSIS = re.compile(r"…|\.{2,}")


def fitted(title: str) -> str:
    """The title within MAX_WORDS words as readers count them (every run of letters or
    digits: «كيم يونغ-تشول» is three), with no ellipsis and no dangling last word."""
    title = _ELLIPSIS.sub(" ", title)
    kept: list[str] = []
    count = 0
    for word in title.split():
        size = len(_TOKEN.findall(word))
        if count + size > MAX_WORDS:
            break
        kept.append(word)
        count += size
    while kept and fold(kept[-1]) in DANGLING:
        kept.pop()
    return " ".join(kept).strip(" ،,؛:-–—")


def _without_brackets(text: str, clause: Sequence[Word], keep: list[int]) -> list[int]:
    """Words inside brackets are an aside: «الترويكا الأوروبية (بريطانيا، فرنسا،
    ألمانيا)» is headlined «الترويكا الأوروبية»."""
    if not clause or "(" not in text[clause[0].start : clause[-1].end]:
        return keep
    result, depth, position = [], 0, clause[0].start
    kept = set(keep)
    for index, word in enumerate(clause):
        gap = text[position : word.start]
        depth = max(depth + gap.count("(") - gap.count(")"), 0)
        position = word.end
        if index in kept and depth == 0:
            result.append(index)
    return result
