"""Weekday names (folded) mapped to Python's ``date.weekday()`` numbers."""

from __future__ import annotations

from .normalise import normalise_arabic

# The display name of each weekday (Monday = 0, as ``date.weekday()``): the one place
# they are written; the tagger also reads the other spellings.
WEEKDAY_NAMES: dict[int, str] = {
    0: "الاثنين", 1: "الثلاثاء", 2: "الأربعاء", 3: "الخميس", 4: "الجمعة", 5: "السبت", 6: "الأحد",
}  # fmt: skip
_OTHER_WEEKDAY_SPELLINGS: dict[int, tuple[str, ...]] = {
    0: ("الإثنين", "الاتنين"),
    1: ("الثلاثا",),
    2: ("الاربعاء", "الأربعا"),
}
_WEEKDAY_SPELLINGS: dict[int, tuple[str, ...]] = {
    number: (name, *_OTHER_WEEKDAY_SPELLINGS.get(number, ()))
    for number, name in WEEKDAY_NAMES.items()
}

WEEKDAYS: dict[str, int] = {
    normalise_arabic(name): number for number, names in _WEEKDAY_SPELLINGS.items() for name in names
}

# Words before الجمعة that make it the Friday prayer, not a date.
NOT_A_DAY_BEFORE: frozenset[str] = frozenset(
    normalise_arabic(w) for w in ("صلاة", "خطبة", "صلوات", "خطب", "إمام", "مسجد", "جامع")
)
