"""Small Arabic text helpers shared by ingest, events and search."""

import re

from timeline.temporal import normalise_arabic

_SPACES = re.compile(r"\s+")


def normalise_for_matching(text: str) -> str:
    """Fold diacritics, tatweel, letter variants and digits so spellings compare equal.

    The tagger's folding (one definition of «the same spelling» for the whole
    app) with runs of white space made one. For comparing, searching and hashing
    only: offsets do not match the input.
    """
    return _SPACES.sub(" ", normalise_arabic(text)).strip()
