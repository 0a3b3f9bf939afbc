"""Relative markers, modifiers, tense cues, vague references and other lexicon words.

All sets hold folded spellings (``normalise_arabic``).
"""

from __future__ import annotations

import re

from . import holidays
from .normalise import normalise_arabic


def _words(*words: str) -> frozenset[str]:
    return frozenset(normalise_arabic(w) for w in words)


NEXT_MARKERS = _words(
    "المقبل", "المقبلة", "القادم", "القادمة", "الآتي", "المقبلين", "الجاي", "الجاية",
)  # fmt: skip
PREVIOUS_MARKERS = _words(
    "الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق",
    "المنقضي", "الماضيين",
)  # fmt: skip
CURRENT_MARKERS = _words("الجاري", "الجارية", "الحالي", "الحالية", "الراهن")
# Markers that close a vague span of definite plural units (الأشهر الماضية).
SPAN_MARKERS = NEXT_MARKERS | PREVIOUS_MARKERS | _words(
    "الأخيرة", "الأخيرين", "القليلة", "الماضيتين", "المقبلتين", "الأخيرتين", "القادمتين",
    "المنصرمتين",
)  # fmt: skip
DEMONSTRATIVES = _words("هذا", "هذه")

# Modifiers before a period, mapped to TIMEX mod.
MOD_WORDS: dict[str, str] = {
    **{w: "START" for w in _words("مطلع", "بداية", "أوائل", "مستهل", "بدايات", "أول", "مطالع")},
    **{w: "MID" for w in _words("منتصف", "أواسط")},
    **{w: "END" for w in _words("نهاية", "أواخر", "آخر", "ختام", "نهايات", "أخر", "خواتيم")},
}
# Modifiers that are also common ordinary words; only before an explicit period.
WEAK_MOD_WORDS = _words("أول", "آخر", "أخر")
APPROX_WORDS = _words("نحو", "حوالي", "قرابة", "زهاء", "حوالى", "يقارب", "يناهز")

# Cues that the clause speaks of the future (rule 2): سوف, من المقرر, ...
FUTURE_CUE_WORDS = _words(
    "سوف", "المقرر", "المتوقع", "المنتظر", "يعتزم", "تعتزم", "يعتزمون", "المرتقب",
    "المزمع", "ينوي", "تنوي", "مقرر", "يرتقب", "يتوقع", "تتوقع", "متوقع", "اعتباراً",
    "اعتبارا", "ابتداءً", "ابتداء",
    # Imperfect verbs of scheduled events: in news they announce what is coming.
    "يزور", "تزور", "يصل", "تصل", "يعقد", "تعقد", "تنطلق", "ينطلق", "تبدأ", "يبدأ",
    "يجتمع", "تجتمع", "يتوجه", "تتوجه", "يستضيف", "تستضيف", "تقام", "يقام", "تجرى",
    "يجرى", "تختتم", "يختتم", "يفتتح", "تفتتح", "يستأنف", "تستأنف", "يحيي", "تحيي",
)  # fmt: skip
# Cues of a past clause, nearer than any future cue, override it.
PAST_CUE_WORDS = _words(
    "كان", "كانت", "كانوا", "جرت", "جرى", "أجريت", "عقد", "عقدت", "التقى", "التقت",
    "أعلن", "أعلنت", "قال", "قالت", "أكد", "أكدت", "ذكر", "ذكرت", "أفاد", "أفادت",
    "شهد", "شهدت", "وقع", "وقعت", "استقبل", "استقبلت", "اختتمت", "اختتم", "انطلقت",
    "أجرى", "زار", "زارت", "توفي", "قتل", "أطلق", "أطلقت", "نشرت", "نشر", "صادق",
    "اعتمد", "أقر", "أقرت", "وصل", "وصلت", "بدأ", "بدأت", "انتهت", "انتهى", "مضى",
)  # fmt: skip
# Imperfect verbs with the future prefix سـ (سيزور، ستبدأ، سنعمل). Nouns and names
# that look the same are excluded by their stems.
FUTURE_VERB = re.compile(r"^[وف]?س[يتن][^\W\d_]{2,}$")
NOT_FUTURE_VERB = re.compile(
    "^[وف]?(?:سيا[سرقدحت]|سيطر|سينا|سنغا|سيد|سنو|سنه|سنت|سنين|ستين|ستون|ستار|ستاد|سيتي|سيما"
    "|سير[غجخا]|ستيف|ستري|ستور|سيلف|سيئ|سيول|سينم|سندا|سنجار|ستوك|ستاند|ستر[هاي]|سيله|سيمو"
    "|سيمي|سني|سنو|سيس[تا]|سيف|سيك|سيب[تر]|سيم|ستوا?ت|ستان|ستوديو|سيراليون|سيشل|سيرك|سنغال)"
)

VAGUE_WORDS: dict[str, str] = {
    **{w: "PAST_REF" for w in _words("مؤخراً", "مؤخرا", "مؤخرًا")},
    **{w: "PRESENT_REF" for w in _words("حالياً", "حاليا", "الآن", "آنذاك")},
    **{w: "FUTURE_REF" for w in _words("قريباً", "قريبا", "مستقبلاً", "مستقبلا")},
}
VAGUE_WORDS.pop(normalise_arabic("آنذاك"), None)  # "then": not the present

# Adverbs of recurrence (SET).
SET_ADVERBS: dict[str, str] = {
    normalise_arabic(k): v
    for k, v in {
        "يومياً": "P1D", "يوميا": "P1D", "أسبوعياً": "P1W", "أسبوعيا": "P1W",
        "شهرياً": "P1M", "شهريا": "P1M", "سنوياً": "P1Y", "سنويا": "P1Y",
        "فصلياً": "P3M", "فصليا": "P3M",
    }.items()
}  # fmt: skip
EVERY_WORD = normalise_arabic("كل")

# Words that name a year, month, week as a period (العام الماضي, هذا الشهر).
YEAR_NOUNS = _words("العام", "السنة", "عام", "سنة", "عامي", "سنتي")
DEFINITE_YEAR_NOUNS = _words("العام", "السنة")
MONTH_NOUN = normalise_arabic("الشهر")
MONTH_NOUN_BARE = normalise_arabic("شهر")
WEEK_NOUN = normalise_arabic("الأسبوع")
DAY_NOUN = normalise_arabic("يوم")
DAY_NOUN_DUAL = normalise_arabic("يومي")
HOUR_NOUN = normalise_arabic("الساعة")
CENTURY_NOUN = normalise_arabic("القرن")
QUARTER_NOUN = normalise_arabic("الربع")
HALF_NOUN = normalise_arabic("النصف")

SEASONS: dict[str, str] = {
    normalise_arabic(k): v
    for k, v in {
        "ربيع": "SP", "الربيع": "SP", "صيف": "SU", "الصيف": "SU",
        "خريف": "FA", "الخريف": "FA", "شتاء": "WI", "الشتاء": "WI",
    }.items()
}  # fmt: skip

# Parts of the day: nouns before a day (صباح الأحد) and adverbs after a clock time.
PART_OF_DAY_NOUNS: dict[str, str] = {
    normalise_arabic(k): v
    for k, v in {
        "صباح": "MO", "فجر": "MO", "ظهر": "MI", "عصر": "AF", "مساء": "EV", "ليلة": "NI",
        "ليل": "NI", "ضحى": "MO", "صبيحة": "MO", "عشية": "EV", "ظهيرة": "MI",
    }.items()
}  # fmt: skip
PART_OF_DAY_ADVERBS: dict[str, str] = {
    normalise_arabic(k): v
    for k, v in {
        "صباحاً": "MO", "صباحا": "MO", "فجراً": "MO", "فجرا": "MO", "ظهراً": "MI",
        "ظهرا": "MI", "عصراً": "AF", "عصرا": "AF", "مساءً": "EV", "مساء": "EV",
        "مساءا": "EV", "ليلاً": "NI", "ليلا": "NI",
    }.items()
}  # fmt: skip
AFTER_WORD = normalise_arabic("بعد")
BEFORE_WORD = normalise_arabic("قبل")
SINCE_WORD = normalise_arabic("منذ")
NOON_WORDS = _words("الظهر", "الظهيرة")
TONIGHT = normalise_arabic("الليلة")

# Relative day words (rule 4): offset in days from the reference date.
RELATIVE_DAYS: dict[str, int] = {
    normalise_arabic(k): v
    for k, v in {"اليوم": 0, "أمس": -1, "البارحة": -1, "غداً": 1, "غدا": 1, "الغد": 1}.items()
}
TODAY = normalise_arabic("اليوم")
YESTERDAY = normalise_arabic("أمس")
TOMORROW_BARE = normalise_arabic("غد")
FIRST_WORDS = _words("الأول", "أول")
# اليوم followed by these is "the day" of something, not today.
NOT_TODAY_AFTER = _words(
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "الأخير", "التالي", "الوطني",
    "العالمي", "نفسه", "ذاته", "السابق", "الموعود", "الواحد", "الدولي", "المفتوح",
    "الذي", "التي", "العربي", "المحدد", "الختامي", "الافتتاحي",
)  # fmt: skip
# اليوم after these is "the (whole) day", not today (على مدار اليوم).
NOT_TODAY_BEFORE = _words("مدار", "طوال", "طيلة", "نفس", "ذلك", "ذات")

# Fractions after a clock hour.
CLOCK_FRACTIONS: dict[str, int] = {
    normalise_arabic(k): v
    for k, v in {"والنصف": 30, "والربع": 15, "والثلث": 20, "ونصف": 30, "وربع": 15}.items()
}
EXCEPT_WORDS = _words("إلا", "الا")
QUARTER_WORDS = _words("ربعاً", "ربعا", "ربع", "الربع")

# Holidays: (Hijri month, Hijri day) or (month, day) for fixed Gregorian ones.
HIJRI_HOLIDAYS = holidays.HIJRI_HOLIDAYS
GREGORIAN_HOLIDAYS = {**holidays.GREGORIAN_HOLIDAYS, **holidays.NATIONAL_DAYS}
HOLIDAY_HEADS = frozenset(
    k[0] for k in (*HIJRI_HOLIDAYS, *GREGORIAN_HOLIDAYS, *holidays.UNRESOLVED_HOLIDAYS)
)

# Era markers after a year: هـ (Hijri), م (Gregorian).
HIJRI_ERA = _words("هـ", "ه", "هجري", "هجرية", "للهجرة")
GREGORIAN_ERA = _words("م", "ميلادي", "ميلادية", "للميلاد")

# Words before a bare four-digit number that make it a year (منذ 2015, بـ2024).
YEAR_CONTEXT_BEFORE = _words(
    "منذ", "في", "حتى", "قبل", "بعد", "خلال", "ب", "ل", "و", "مقارنة", "عن", "إلى", "بين",
    "الى", "لغاية", "بحلول", "مطلع", "ومنذ", "وفي", "وحتى", "من",
)  # fmt: skip
# Words after a number that show it counts things, so it is not a year.
NOT_YEAR_AFTER = _words(
    "نقطة", "دولار", "شخص", "قتيل", "جريح", "مليون", "مليار", "ألف", "طن", "كيلومتر",
    "متر", "برميل", "سائح", "طالب", "منزل", "مشارك", "لاجئ", "مواطن", "عامل", "دينار",
    "ريال", "درهم", "جنيه", "يورو", "ليرة", "حالة", "مصاب", "فرد", "عنصر", "جندي",
    "مقاتل", "وحدة", "صوت", "نائب", "مرشح", "مقعد", "سيارة", "في", "بالمئة", "بالمائة",
    "%", "كلم", "كم", "ميغاواط", "مترا", "شخصا", "قطعة", "سنة", "عام", "يوما", "ساعة",
)  # fmt: skip
SENTENCE_ENDS = frozenset(".!?؟؛\n:")
