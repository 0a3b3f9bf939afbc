"""Month names of every Arabic naming scheme, folded with ``normalise_arabic``.

Keys are folded spellings (one or two words); values are month numbers.
``AMBIGUOUS_MONTHS`` are also ordinary words or names (آب "father" once أ/آ fold,
مارس "he practised", شباط a surname, نيسان a car maker, صفر "zero", ...) and are
only taken as months with supporting context.
"""

from __future__ import annotations

from .normalise import normalise_arabic

_GREGORIAN_SPELLINGS: dict[int, tuple[str, ...]] = {
    1: ("كانون الثاني", "يناير", "جانفي", "ينايِر", "جانفييه"),
    2: ("شباط", "فبراير", "فيفري", "فبرير", "فبرائر"),
    3: ("آذار", "مارس"),
    4: ("نيسان", "أبريل", "إبريل", "ابريل", "أفريل", "افريل", "أبرايل"),
    5: ("أيار", "مايو", "ماي", "مايس"),
    6: ("حزيران", "يونيو", "يونيه", "جوان"),
    7: ("تموز", "يوليو", "يوليه", "جويلية", "جويليه", "يوليوز"),
    8: ("آب", "أغسطس", "اغسطس", "أغشت", "أوت", "غشت", "آوت"),
    9: ("أيلول", "سبتمبر", "شتنبر", "سيبتمبر"),
    10: ("تشرين الأول", "أكتوبر", "اكتوبر", "أكتوبار"),
    11: ("تشرين الثاني", "نوفمبر", "نونبر", "نوفمبير"),
    12: ("كانون الأول", "ديسمبر", "دجنبر", "ديسمبير"),
}

_HIJRI_SPELLINGS: dict[int, tuple[str, ...]] = {
    1: ("محرم", "المحرم"),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول"),
    4: ("ربيع الثاني", "ربيع الآخر", "ربيع ثاني", "ربيع آخر"),
    5: ("جمادى الأولى", "جمادى الأول", "جمادى أولى"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذو القعده"),
    12: ("ذو الحجة", "ذي الحجة"),
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
