"""Month names of every Arabic naming scheme, folded with ``normalise_arabic``.

Keys are folded spellings (one or two words); values are month numbers.
``AMBIGUOUS_MONTHS`` are also ordinary words or names (آب "father" once أ/آ fold,
مارس "he practised", شباط a surname, نيسان a car maker, صفر "zero", ...) and are
only taken as months with supporting context.
"""

from __future__ import annotations

from .normalise import normalise_arabic

# The display names, one per month and scheme: the one place they are written.
# Syriac (Levant, Iraq) and Egyptian (Egypt, Gulf) Gregorian names, Umm al-Qura Hijri names.
SYRIAC_MONTH_NAMES: dict[int, str] = {
    1: "كانون الثاني", 2: "شباط", 3: "آذار", 4: "نيسان", 5: "أيار", 6: "حزيران",
    7: "تموز", 8: "آب", 9: "أيلول", 10: "تشرين الأول", 11: "تشرين الثاني", 12: "كانون الأول",
}  # fmt: skip
EGYPTIAN_MONTH_NAMES: dict[int, str] = {
    1: "يناير", 2: "فبراير", 3: "مارس", 4: "أبريل", 5: "مايو", 6: "يونيو",
    7: "يوليو", 8: "أغسطس", 9: "سبتمبر", 10: "أكتوبر", 11: "نوفمبر", 12: "ديسمبر",
}  # fmt: skip
HIJRI_MONTH_NAMES: dict[int, str] = {
    1: "محرم", 2: "صفر", 3: "ربيع الأول", 4: "ربيع الآخر", 5: "جمادى الأولى",
    6: "جمادى الآخرة", 7: "رجب", 8: "شعبان", 9: "رمضان", 10: "شوال", 11: "ذو القعدة",
    12: "ذو الحجة",
}  # fmt: skip

# Other spellings the tagger recognises (Maghrebi names, variants, misspellings).
_OTHER_GREGORIAN_SPELLINGS: dict[int, tuple[str, ...]] = {
    1: ("جانفي", "ينايِر", "جانفييه"),
    2: ("فيفري", "فبرير", "فبرائر"),
    3: (),
    4: ("إبريل", "ابريل", "أفريل", "افريل", "أبرايل"),
    5: ("ماي", "مايس"),
    6: ("يونيه", "جوان"),
    7: ("يوليه", "جويلية", "جويليه", "يوليوز"),
    8: ("اغسطس", "أغشت", "أوت", "غشت", "آوت"),
    9: ("شتنبر", "سيبتمبر"),
    10: ("اكتوبر", "أكتوبار"),
    11: ("نونبر", "نوفمبير"),
    12: ("دجنبر", "ديسمبير"),
}
_OTHER_HIJRI_SPELLINGS: dict[int, tuple[str, ...]] = {
    1: ("المحرم",),
    3: ("ربيع أول",),
    4: ("ربيع الثاني", "ربيع ثاني", "ربيع آخر"),
    5: ("جمادى الأول", "جمادى أولى"),
    6: ("جمادى الثانية", "جمادى الآخر", "جمادى الثاني"),
    11: ("ذي القعدة", "ذو القعده"),
    12: ("ذي الحجة",),
}

_GREGORIAN_SPELLINGS: dict[int, tuple[str, ...]] = {
    month: (SYRIAC_MONTH_NAMES[month], EGYPTIAN_MONTH_NAMES[month], *others)
    for month, others in _OTHER_GREGORIAN_SPELLINGS.items()
}
_HIJRI_SPELLINGS: dict[int, tuple[str, ...]] = {
    month: (name, *_OTHER_HIJRI_SPELLINGS.get(month, ()))
    for month, name in HIJRI_MONTH_NAMES.items()
}

# Words that are month names only sometimes; they need a day, a year, a
# modifier, "شهر" or a twin spelling next to them.
_AMBIGUOUS = (
    "آب", "مارس", "شباط", "نيسان", "صفر", "محرم", "المحرم", "رجب", "ماي", "تموز", "رمضان",
    "شعبان",
)  # fmt: skip


def _fold_table(spellings: dict[int, tuple[str, ...]]) -> dict[str, int]:
    return {normalise_arabic(name): month for month, names in spellings.items() for name in names}


GREGORIAN_MONTHS: dict[str, int] = _fold_table(_GREGORIAN_SPELLINGS)
HIJRI_MONTHS: dict[str, int] = _fold_table(_HIJRI_SPELLINGS)
AMBIGUOUS_MONTHS: frozenset[str] = frozenset(normalise_arabic(w) for w in _AMBIGUOUS)

# First words of two-word month names, so a scanner knows to look one word ahead.
TWO_WORD_MONTH_HEADS: frozenset[str] = frozenset(
    key.split()[0] for key in (*GREGORIAN_MONTHS, *HIJRI_MONTHS) if " " in key
)
