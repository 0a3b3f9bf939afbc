"""Weekday names (folded) mapped to Python's ``date.weekday()`` numbers."""

from __future__ import annotations

from .normalise import normalise_arabic

_WEEKDAY_SPELLINGS: dict[int, tuple[str, ...]] = {
    0: ("الاثنين", "الإثنين", "الاتنين"),
    1: ("الثلاثاء", "الثلاثا"),
    2: ("الأربعاء", "الاربعاء", "الأربعا"),
    3: ("الخميس",),
    4: ("الجمعة",),
    5: ("السبت",),
    6: ("الأحد",),
}

WEEKDAYS: dict[str, int] = {
    normalise_arabic(name): number for number, names in _WEEKDAY_SPELLINGS.items() for name in names
}

# Words before الجمعة that make it the Friday prayer, not a date.
NOT_A_DAY_BEFORE: frozenset[str] = frozenset(
    normalise_arabic(w) for w in ("صلاة", "خطبة", "صلوات", "خطب", "إمام", "مسجد", "جامع")
)
