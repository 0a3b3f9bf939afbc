"""Number words: cardinals, ordinals (masculine and feminine), tens, and time units.

All keys are folded with ``normalise_arabic``. Compound numbers
(خمسة وعشرين، الثالث والعشرين، الحادي عشر) are assembled by the scanner from
these parts.
"""

from __future__ import annotations

from .normalise import normalise_arabic


def _fold[V](table: dict[str, V]) -> dict[str, V]:
    return {normalise_arabic(k): v for k, v in table.items()}


# Units 1-10 (both genders, case forms).
UNIT_WORDS: dict[str, int] = _fold(
    {
        "واحد": 1, "واحدة": 1, "أحد": 1, "إحدى": 1,
        "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2,
        "ثلاث": 3, "ثلاثة": 3,
        "أربع": 4, "أربعة": 4,
        "خمس": 5, "خمسة": 5,
        "ست": 6, "ستة": 6,
        "سبع": 7, "سبعة": 7,
        "ثمان": 8, "ثماني": 8, "ثمانية": 8,
        "تسع": 9, "تسعة": 9,
        "عشر": 10, "عشرة": 10,
    }
)  # fmt: skip

# "عشر"/"عشرة" after a unit makes 11-19 (ثلاثة عشر).
TEEN_SUFFIX: frozenset[str] = frozenset(normalise_arabic(w) for w in ("عشر", "عشرة"))

TENS_WORDS: dict[str, int] = _fold(
    {
        "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
        "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
        "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    }
)  # fmt: skip

HUNDREDS_WORDS: dict[str, int] = _fold({"مئة": 100, "مائة": 100, "مئتي": 200, "مائتي": 200})

# Words that stand for an unspecified number (بضعة أيام -> PXD).
VAGUE_COUNT_WORDS: frozenset[str] = frozenset(
    normalise_arabic(w) for w in ("بضعة", "بضع", "عدة", "بضعه", "عدّة")
)

# Ordinals 1-10 with the article, masculine and feminine (الحادية for 11).
ORDINAL_WORDS: dict[str, int] = _fold(
    {
        "الأول": 1, "الأولى": 1, "الحادي": 1, "الحادية": 1,
        "الثاني": 2, "الثانية": 2, "الثالث": 3, "الثالثة": 3, "الرابع": 4, "الرابعة": 4,
        "الخامس": 5, "الخامسة": 5, "السادس": 6, "السادسة": 6, "السابع": 7, "السابعة": 7,
        "الثامن": 8, "الثامنة": 8, "التاسع": 9, "التاسعة": 9, "العاشر": 10, "العاشرة": 10,
    }
)  # fmt: skip

# Tens as ordinals (العشرين = twentieth) and as the second half of compounds (والعشرين).
ORDINAL_TENS_WORDS: dict[str, int] = _fold(
    {"العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30, "الأربعين": 40,
     "الخمسين": 50, "الستين": 60, "السبعين": 70, "الثمانين": 80, "التسعين": 90}
)  # fmt: skip

# Time units. Value: (TIMEX unit letter, is-time-unit, count implied by the form).
# The count is 2 for duals, 1 for singulars, None for plurals and accusatives
# that need a number before them.
UNIT_FORMS: dict[str, tuple[str, int | None]] = {
    normalise_arabic(k): v
    for k, v in {
        "يوم": ("D", 1), "يوماً": ("D", None), "أيام": ("D", None), "يومين": ("D", 2),
        "يومان": ("D", 2),
        "أسبوع": ("W", 1), "أسبوعاً": ("W", None), "أسابيع": ("W", None),
        "أسبوعين": ("W", 2), "أسبوعان": ("W", 2),
        "شهر": ("M", 1), "شهراً": ("M", None), "أشهر": ("M", None), "شهور": ("M", None),
        "شهرين": ("M", 2), "شهران": ("M", 2),
        "سنة": ("Y", 1), "سنوات": ("Y", None), "سنين": ("Y", None), "سنتين": ("Y", 2),
        "سنتان": ("Y", 2), "عام": ("Y", 1), "عاماً": ("Y", None), "أعوام": ("Y", None),
        "عامين": ("Y", 2), "عامان": ("Y", 2), "سنه": ("Y", 1),
        "ساعة": ("H", 1), "ساعات": ("H", None), "ساعتين": ("H", 2), "ساعتان": ("H", 2),
        "دقيقة": ("MIN", 1), "دقائق": ("MIN", None), "دقيقتين": ("MIN", 2),
        "دقيقتان": ("MIN", 2),
        "ثانية": ("S", 1), "ثوان": ("S", None), "ثواني": ("S", None),
        "عقد": ("DE", 1), "عقود": ("DE", None), "عقدين": ("DE", 2),
        "قرن": ("CE", 1), "قرون": ("CE", None), "قرنين": ("CE", 2),
    }.items()
}  # fmt: skip

# Definite plurals used for vague or counted spans (الأشهر الماضية, الأسابيع الثلاثة الماضية).
DEFINITE_PLURAL_UNITS: dict[str, str] = _fold(
    {"الأيام": "D", "الأسابيع": "W", "الأشهر": "M", "الشهور": "M", "السنوات": "Y",
     "الأعوام": "Y", "السنين": "Y", "الساعات": "H", "العقود": "DE", "الدقائق": "MIN",
     "اليومين": "D", "الأسبوعين": "W", "الشهرين": "M", "العامين": "Y", "السنتين": "Y",
     "العقدين": "DE", "الساعتين": "H"}
)  # fmt: skip
DEFINITE_DUALS: frozenset[str] = frozenset(
    normalise_arabic(w)
    for w in ("اليومين", "الأسبوعين", "الشهرين", "العامين", "السنتين", "العقدين", "الساعتين")
)

# Decades: الثمانينيات (1980s). Value is the decade of the 1900s unless a century follows.
DECADE_WORDS: dict[str, int] = {
    normalise_arabic(prefix + suffix): decade
    for stem, decade in (
        ("عشرين", 2), ("ثلاثين", 3), ("أربعين", 4), ("خمسين", 5),
        ("ستين", 6), ("سبعين", 7), ("ثمانين", 8), ("تسعين", 9),
    )
    for prefix in ("ال", "")
    for suffix in (stem + "يات", stem + "ات")
}  # fmt: skip
