"""Small Arabic text helpers shared by ingest, events and search."""

import re

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_SPACES = re.compile(r"\s+")


def normalise_for_matching(text: str) -> str:
    """Fold diacritics, tatweel and letter variants so spellings compare equal.

    The result is for comparing and hashing only; its offsets do not match the input.
    """
    return _SPACES.sub(" ", _DIACRITICS.sub("", text).translate(_FOLD)).strip()
