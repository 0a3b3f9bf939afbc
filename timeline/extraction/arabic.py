"""Words of Arabic text with their offsets, folded and without their clitics."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from timeline.lexicon.stopwords import FUNCTION_WORDS
from timeline.text import normalise_for_matching

# Letters and digits, with the diacritics and tatweel written on them: «قُتل» is one word.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_WORD = re.compile(rf"(?:[^\W_]|[{_MARKS}])+(?:[-'](?:[^\W_]|[{_MARKS}])+)*")

# Proclitics glued to a word, longest first: conjunction, preposition, article.
PROCLITICS: tuple[str, ...] = (
    "وبال", "وكال", "ولل", "فبال", "فلل", "وال", "بال", "فال", "كال", "لل",
    "ال", "وب", "ول", "وف", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str  # as written
    folded: str  # normalise_for_matching(text)


# Words repeat across articles: fold each spelling once.
_fold_word = lru_cache(maxsize=262_144)(normalise_for_matching)


def words(text: str, offset: int = 0) -> list[Word]:
    """The words of `text` in order; offsets are shifted by `offset`."""
    return [
        Word(m.start() + offset, m.end() + offset, m.group(), _fold_word(m.group()))
        for m in _WORD.finditer(text)
    ]


def without_marks(written: str) -> str:
    """The word's letters as written, without diacritics («نظيرَه» → «نظيره»): «ة» and
    «ه» stay apart, as folding does not keep them."""
    return "".join(c for c in written if unicodedata.category(c) != "Mn")


def folded_words(text: str) -> list[str]:
    """The folded words of `text`, without their offsets (cheaper than `words`)."""
    return [_fold_word(token) for token in _WORD.findall(text)]


@lru_cache(maxsize=65_536)
def readings(folded: str) -> tuple[str, ...]:
    """The word itself, then the word without each proclitic it may carry.

    «والتقى» → («والتقي», «التقي», «تقي»…): a lexicon lookup tries each in turn, so
    «وزير» is found as itself before «زير» is ever tried.
    """
    found = [folded]
    for clitic in PROCLITICS:
        if folded.startswith(clitic) and len(folded) - len(clitic) >= 2:
            rest = folded[len(clitic) :]
            if rest not in found:
                found.append(rest)
            # Lexicons spell names with their article: «بالرئيس», «للرئيس» → «الرئيس».
            if not rest.startswith("ال") and "ال" + rest not in found:
                found.append("ال" + rest)
    return tuple(found)


def fold(text: str) -> str:
    return normalise_for_matching(text)


def fold_set(*spellings: str) -> frozenset[str]:
    """Words as written, folded for lookups: the way every word list here is held."""
    return frozenset(fold(spelling) for spelling in spellings)


FUNCTION: frozenset[str] = fold_set(*FUNCTION_WORDS)
# Diacritics that may end a word as written.
_FINAL_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


def is_function_word(word: Word) -> bool:
    """A function word; «علي» (the name) folds like «على» (on) but is written with «ي»."""
    if word.folded not in FUNCTION:
        return False
    return not (word.folded == "علي" and word.text.rstrip(_FINAL_MARKS).endswith("ي"))
