"""Word lists for clock times, durations, sets, years after nouns and false dates.

Written in natural spelling and folded with ``normalise_arabic`` at import, like
the other lexicon modules; the scanner only ever sees the folded forms.
"""

from __future__ import annotations

from .normalise import normalise_arabic


def _words(*words: str) -> frozenset[str]:
    return frozenset(normalise_arabic(w) for w in words)


def _table(table: dict[str, str]) -> dict[str, str]:
    return {normalise_arabic(k): v for k, v in table.items()}


# ------------------------------------------------------------------ clock times

# Feminine ordinals name an hour (الثامنة صباحاً) only with a cue after them
# (a part of the day, a fraction, minutes, a time zone) or a word before them that
# only clock times take (تمام العاشرة).
CLOCK_LEAD_WORDS = _words("تمام", "بتمام", "وتمام", "حدود", "بحدود")
# Parts of the day said after a clock time, beyond the adverbs in markers.py.
CLOCK_PART_PHRASES: dict[tuple[str, ...], str] = {
    tuple(normalise_arabic(k).split()): v
    for k, v in {
        "بعد الظهر": "AF", "بعد الظهيرة": "AF", "بعد العصر": "AF", "قبل الظهر": "MO",
        "قبل الظهيرة": "MO", "بعد منتصف الليل": "NI", "منتصف الليل": "NI",
        "وقت الغداء": "MI", "وقت الظهيرة": "MI", "بالليل": "NI", "في الليل": "NI",
        "في الصباح": "MO", "في المساء": "EV", "صباحا": "MO", "مساء": "EV",
        "ليلا": "NI", "فجرا": "MO", "ظهرا": "MI", "عصرا": "AF", "ضحى": "MO",
        "بعد صلاة الفجر": "MO", "بعد صلاة الظهر": "MI", "بعد صلاة العصر": "AF",
        "بعد صلاة المغرب": "EV", "بعد صلاة العشاء": "NI", "قبل صلاة الفجر": "MO",
        "قبل صلاة المغرب": "AF", "بعد الفجر": "MO", "بعد المغرب": "EV", "بعد العشاء": "NI",
        "قبل الفجر": "MO", "قبل المغرب": "AF", "من الفجر": "MO", "من الظهر": "MI",
        "من العصر": "AF", "من المغرب": "EV", "من الليل": "NI", "من الصباح": "MO",
        "من المساء": "EV", "ظهيرة": "MI", "عشاء": "NI", "مغربا": "EV", "العصر": "AF",
        "الظهر": "MI", "المساء": "EV", "الصبح": "MO", "الفجر": "MO",
    }.items()
}  # fmt: skip
CLOCK_PART_HEADS = frozenset(k[0] for k in CLOCK_PART_PHRASES)
# "بتوقيت غرينتش", "بالتوقيت المحلي", "بتوقيت مكة المكرمة": kept in the extent.
TIME_ZONE_WORDS = _words("بتوقيت", "بالتوقيت", "توقيت", "التوقيت", "حسب توقيت")
# Second words of a time zone name that stay in the extent (مكة المكرمة).
TIME_ZONE_SECOND = _words(
    "المكرمة", "المحلي", "الصيفي", "الشتوي", "العالمي", "المنسق", "الرياض", "القاهرة",
    "غرينتش", "جرينتش", "غرينيتش", "الوسطى", "الشرقي", "الغربي", "الشرقية", "الغربية",
)  # fmt: skip
# Spoken halves and quarters after an hour: "الثالثة ونص", "الساعة 3 و نص".
SPOKEN_FRACTIONS: dict[str, int] = {
    normalise_arabic(k): v for k, v in {"ونص": 30, "والنص": 30, "وثلث": 20}.items()
}
SPACED_FRACTIONS: dict[str, int] = {
    normalise_arabic(k): v
    for k, v in {"نصف": 30, "نص": 30, "النصف": 30, "ربع": 15, "الربع": 15, "ثلث": 20}.items()
}
# "منتصف الليل" is 00:00 and "منتصف النهار" 12:00.
MIDDLE_OF: dict[str, int] = {
    normalise_arabic(k): v for k, v in {"الليل": 0, "النهار": 12, "الظهيرة": 12}.items()
}
# "هذا المساء", "هذا الصباح": a part of the reference day.
THIS_PART_OF_DAY: dict[str, str] = _table(
    {"المساء": "EV", "الصباح": "MO", "الصبح": "MO", "العصر": "AF", "الظهر": "MI"}
)
# Minutes after an hour: "وسبع دقائق", "و25 دقيقة", "ودقيقتين".
MINUTE_UNITS = _words("دقيقة", "دقائق", "دقيقه")
MINUTE_DUALS = _words("دقيقتين", "دقيقتان", "ودقيقتين", "ودقيقتان")
MINUTE_SINGULARS = _words("دقيقة", "ودقيقة")
CLOCK_THIRD = _words("ثلثا", "ثلث", "الثلث")
# Word minutes said without "دقيقة" after the hour: "الرابعة وعشرين", "الخامسة وخمس".
BARE_MINUTE_VALUES = frozenset({5, 10, 20, 25, 35, 40, 45, 50, 55})

# ------------------------------------------------------------------- durations

# Words before a bare unit or an indefinite plural that make it a length of time:
# "خلال عام", "لأيام", "على مدى سنوات", "استمر ساعات".
DURATION_LEAD_WORDS = _words(
    "لمدة", "مدة", "مدته", "مدتها", "طيلة", "طوال", "قرابة", "خلال", "غضون", "مدى",
    "استمر", "استمرت", "يستمر", "تستمر", "دام", "دامت", "يدوم", "تدوم", "امتد", "امتدت",
    "يمتد", "تمتد", "استغرق", "استغرقت", "يستغرق", "تستغرق", "قضى", "قضت", "أمضى",
    "أمضت", "يمضي", "قضاها", "أمضاها", "مضت", "مرت", "منذ", "لعدة", "بعدة", "عدة",
    "ظل", "ظلت", "بقي", "بقيت", "انتظر", "انتظرت", "ينتظر", "لنحو", "بنحو", "نحو",
)  # fmt: skip
# Indefinite plurals that stand for an unspecified number of units.
VAGUE_PLURAL_UNITS: dict[str, str] = _table(
    {"أيام": "D", "أسابيع": "W", "أشهر": "M", "شهور": "M", "سنوات": "Y", "سنين": "Y",
     "أعوام": "Y", "ساعات": "H", "دقائق": "MIN", "عقود": "DE", "قرون": "CE", "ثوان": "S",
     "ثواني": "S"}
)  # fmt: skip
# Adjectives that make a plain plural a vague length: "أيام قليلة", "سنوات طويلة".
VAGUE_PLURAL_ADJECTIVES = _words(
    "قليلة", "طويلة", "عديدة", "معدودة", "متتالية", "متواصلة", "كثيرة", "عدة", "قلائل",
)  # fmt: skip
# Fractions of a unit: "نصف ساعة", "ربع قرن", "سنة ونصف".
FRACTION_WORDS: dict[str, float] = {
    normalise_arabic(k): v
    for k, v in {"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3, "ثلاثة أرباع": 0.75}.items()
}
AND_HALF = _words("ونصف", "والنصف")
AND_QUARTER = _words("وربع", "والربع")

# --------------------------------------------------------------------- sets

# Weekday names without the article, as after "كل" and "يوم" (كل جمعة، كل يوم اثنين).
BARE_WEEKDAYS: dict[str, int] = {
    normalise_arabic(k): v
    for k, v in {
        "اثنين": 0, "إثنين": 0, "ثلاثاء": 1, "أربعاء": 2, "خميس": 3, "جمعة": 4, "سبت": 5,
        "أحد": 6,
    }.items()
}  # fmt: skip
# Parts of the day after "كل": "كل ليلة", "كل صباح" recur daily.
DAILY_PARTS = _words("ليلة", "صباح", "مساء", "ليله", "ظهر", "فجر", "عصر")
# "مرة/مرتين/ثلاث مرات في الأسبوع": the period after في.
TIMES_WORDS = _words("مرة", "مرتين", "مرتان", "مرات")
PER_PERIODS: dict[str, str] = _table(
    {"اليوم": "P1D", "الأسبوع": "P1W", "الشهر": "P1M", "السنة": "P1Y", "العام": "P1Y",
     "الساعة": "PT1H", "يوميا": "P1D", "أسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y"}
)  # fmt: skip
# "بشكل يومي", "بصورة شهرية", "على أساس سنوي": the adjective names the period.
MANNER_HEADS = _words("بشكل", "بصورة", "أساس", "بصفة")
PERIOD_ADJECTIVES: dict[str, str] = _table(
    {"يومي": "P1D", "يومية": "P1D", "أسبوعي": "P1W", "أسبوعية": "P1W", "شهري": "P1M",
     "شهرية": "P1M", "سنوي": "P1Y", "سنوية": "P1Y", "فصلي": "P3M", "فصلية": "P3M"}
)  # fmt: skip
# "أيام الاثنين": weekly.
DAYS_PLURAL = normalise_arabic("أيام")

# ------------------------------------------------------------ years and false dates

# Nouns after which a four-digit number is a year: "انتخابات 2021", "مونديال 2022".
YEAR_EVENT_NOUNS = _words(
    "انتخابات", "الانتخابات", "مونديال", "المونديال", "أولمبياد", "الأولمبياد",
    "دورة", "موسم", "الموسم", "ميزانية", "الميزانية", "موازنة", "الموازنة",
    "دستور", "الدستور", "رؤية", "خطة", "أجندة", "استراتيجية", "إستراتيجية", "مؤتمر",
    "قمة", "ثورة", "حرب", "أحداث", "انتفاضة", "بطولة", "نسخة", "تعداد", "إحصاء", "مسابقة",
    "كأس", "يورو", "قانون", "تقرير", "صيف", "شتاء", "ربيع", "خريف", "استفتاء", "مواليد",
    "مونديالي", "دفعة", "حملة", "مهرجان", "معرض", "احتجاجات", "اتفاقية", "اتفاق",
    "معاهدة", "نكبة", "نكسة", "تصفيات", "دوري", "بكالوريا", "باكالوريا", "الباكالوريا",
    "البكالوريا", "امتحانات", "ماي", "إصدار", "طراز", "موديل", "نهائيات", "رالي",
    "ميلاد", "أفق", "آفاق", "غاية", "حدود", "أواخر", "أوائل", "منتصف",
    "عامي", "سنتي", "أعوام", "سنوات",
)  # fmt: skip
# Words after a number that show it counts or measures something, beyond
# markers.NOT_YEAR_AFTER: "بين 2000 و2500 مسافر".
COUNTED_NOUNS = _words(
    "مسافر", "مسافرا", "زائر", "زائرا", "قتيلا", "قتلى", "جريحا", "جرحى", "مصابا", "شخصا",
    "أشخاص", "طفل", "طفلا", "أطفال", "امرأة", "رجل", "رجلا", "عائلة", "أسرة", "مهاجر",
    "مهاجرا", "معتقل", "معتقلا", "سجين", "سجينا", "جنديا", "عنصرا", "مقاتلا", "موظف",
    "موظفا", "عامل", "عاملا", "تلميذ", "تلميذا", "طالبا", "مدرسة", "مستشفى", "قرية",
    "مسكن", "مسكنا", "هكتار", "هكتارا", "كلغ", "كغ", "كيلوغرام", "غرام", "لتر", "ميلي",
    "ملم", "سم", "ميغابايت", "جيغابايت", "دولارا", "دينارا", "يورو", "جنيها", "ريالا",
    "درهما", "فرنك", "روبل", "ين", "يوان", "صاروخ", "صاروخا", "غارة", "طائرة", "مركبة",
    "شاحنة", "حافلة", "رحلة", "مشروع", "مشروعا", "مؤسسة", "شركة", "وظيفة", "فرصة",
    "منصب", "نسمة", "ناخب", "ناخبا", "صوتا", "أصوات", "هدف", "هدفا", "نقطه", "نقاط",
    "ميدالية", "مباراة", "لاعب", "لاعبا", "متفرج", "متفرجا", "مشجع", "مشجعا", "سائحا",
    "حاج", "حاجا", "معتمر", "طن", "أطنان", "برميلا", "متر", "ميل", "قدم", "كيلو",
    "واط", "كيلوواط", "ميغاوات", "ميغاواط", "قدما", "دقيقة", "ثانية", "مرة", "مرات",
    "مليون", "مليار", "ألف", "آلاف", "ملايين", "مليارات", "بالمئة", "بالمائة", "في المئة",
    "درجة", "درجات", "سعرة", "سهم", "سهما", "رأس", "نسخة", "صفحة", "كتاب", "ملف",
    "حساب", "تغريدة", "مستخدم", "مستخدما", "مشترك", "مشتركا", "عضو", "عضوا", "حالة",
    "إصابة", "وفاة", "ضحية", "حادث", "حادثا", "كلم", "كم", "م2", "م3", "مربع",
    "أسير", "أسيرا", "لاجئا", "نازح", "نازحا", "جثة", "جثث", "بئر", "بئرا", "وحدة",
    "وحدات", "شقة", "منزلا", "مبنى", "قطعة", "جرعة", "عينة", "اختبار", "ميغا",
)  # fmt: skip
# Abbreviations after "م" that make it "million" or "metre", not the Gregorian era:
# "130 م د" (million dinars), "500 م ج".
MILLION_ABBREVIATION_AFTER = _words("د", "ج", "ر", "دج", "دولار", "دينار", "جنيه", "ريال", "درهم")
# Words before a bracketed number that make it an amount: "عدد الضحايا (2000)".
AMOUNT_WORDS = _words(
    "عدد", "العدد", "بلغ", "بلغت", "يبلغ", "تبلغ", "قيمة", "مجموع", "إجمالي", "حصيلة",
    "الضحايا", "القتلى", "الجرحى", "المصابين", "الإصابات", "الحالات", "نحو", "حوالي",
)  # fmt: skip
# Accusative adverbs after a year that do not make it a count ("2015 أيضاً").
YEAR_ADVERBS = _words(
    "أيضا", "تقريبا", "تحديدا", "خصوصا", "أساسا", "مثلا", "فصاعدا", "تقريباً", "سابقا",
    "لاحقا", "حاليا", "أولا", "ثانيا", "مجددا", "كذلك", "فقط", "حصرا",
)  # fmt: skip
# Names that contain "اليوم" but do not mean today: "أخبار اليوم", "روسيا اليوم".
NOT_TODAY_NAME_BEFORE = _words(
    "أخبار", "صحيفة", "جريدة", "مجلة", "قناة", "موقع", "برنامج", "روسيا", "نشرة",
    "لصحيفة", "لجريدة", "لقناة", "لموقع", "ومجلة", "وصحيفة", "وجريدة", "وقناة", "ولصحيفة",
    "وأخبار", "بأخبار", "لأخبار", "سبورت",
)  # fmt: skip
# Words before "القرن" that make it part of a name: "فوكس القرن الحادي والعشرين".
NOT_CENTURY_BEFORE = _words(
    "فوكس", "وفوكس", "لفوكس", "شركة", "استوديوهات", "ستوديوهات", "صفقة", "مشروع",
    "جريمة", "مباراة", "لقاء", "فضيحة", "سرقة", "عملية", "إنجاز", "حدث", "اكتشاف",
    "زفاف", "محاكمة", "نزال", "قمة", "خطاب", "صفقه", "كارثة", "عاصفة", "فيلم",
)  # fmt: skip
# Words before "15/7" that make it a day and month, not a fraction or a score.
NUMERIC_DAY_LEAD_WORDS = _words(
    "في", "يوم", "بتاريخ", "تاريخ", "منذ", "حتى", "إلى", "الى", "من", "قبل", "بعد",
    "لغاية", "الموافق", "يومي", "ليلة", "صباح", "مساء", "غاية",
)  # fmt: skip
# Hijri years written as numerals without هـ (26/9/1439): no Gregorian date in news is this early.
HIJRI_ERA_YEAR_RANGE = (1300, 1500)

# Years in words after عام/سنة: "عام ألفين وعشرين", "سنة ألف وتسعمائة وتسعين".
THOUSANDS_WORDS: dict[str, int] = {
    normalise_arabic(k): v for k, v in {"ألفين": 2000, "ألفان": 2000, "ألف": 1000}.items()
}
HUNDREDS_COMPOUNDS: dict[str, int] = {
    normalise_arabic(prefix + k): v
    for k, v in {
        "مئة": 100, "مائة": 100, "مئتين": 200, "مائتين": 200, "ثلاثمئة": 300, "ثلاثمائة": 300,
        "أربعمئة": 400, "أربعمائة": 400, "خمسمئة": 500, "خمسمائة": 500, "ستمئة": 600,
        "ستمائة": 600, "سبعمئة": 700, "سبعمائة": 700, "ثمانمئة": 800, "ثمانمائة": 800,
        "تسعمئة": 900, "تسعمائة": 900,
    }.items()
    for prefix in ("", "و")
}  # fmt: skip

# ------------------------------------------------------------------ scanner words

# Words that may start an expression beyond the other lists' heads: «في الآونة
# الأخيرة», «في أول», «الواحدة» (one o'clock).
EXTRA_TRIGGERS = _words("أونة", "الآونة", "الوقت", "أول", "الواحدة")
# Singular units in the accusative after a count: «عشرين يوماً».
ACCUSATIVE_SINGULARS = _words("يوما", "أسبوعا", "شهرا", "عاما")
# One o'clock, a feminine ordinal with no ordinal number of its own.
ONE_OCLOCK = normalise_arabic("الواحدة")
# Abbreviations after a clock time: «ص» (morning), «م» (evening).
AM_PM: dict[str, str] = _table({"ص": "MO", "م": "EV"})
# «منتصف»: the middle, of a day or of a period.
MIDDLE_WORD = normalise_arabic("منتصف")
# Words that say «now»: «حتى الآن», «حتى اليوم».
NOW_WORDS = _words("الآن", "اليوم")
# Words that may follow a vague definite plural of units and end it: «الأيام الماضية في…».
AFTER_VAGUE_PLURAL = _words("في", "على", "من", "قبل", "بعد", "حتى", "ثم", "و", "أو")
# Heads of vague references beyond the vague words: «في الآونة الأخيرة», «في الوقت الراهن».
VAGUE_HEADS = _words("الآونة", "الوقت")
# Nouns after an ordinal that make it no day of the month: «الأسبوع الثالث», «الجولة الأولى».
NOT_DAY_ORDINAL_AFTER = _words(
    "الأسبوع", "الشهر", "العام", "السنة", "الربع", "النصف", "الدقيقة", "الساعة", "الجولة",
    "الأسابيع", "الأشهر", "الأيام", "الفصل", "الثلث", "الشوط", "المرحلة", "الدور",
)  # fmt: skip
# Words that introduce a duration: «لمدة ثلاثة أيام», «طوال الأسبوع».
DURATION_WORDS = _words("لمدة", "مدة", "مدته", "مدتها", "طيلة", "طوال", "قرابة")
# Words that join the two ends of a range: «من 5 إلى 10 مايو», «الأحد حتى الخميس».
RANGE_CONNECTORS = _words("إلى", "حتى", "و", "لغاية", "وحتى", "أو")

# ------------------------------------------------------------------ scanner rules' words
# «على» before «أن»: «على أن يبدأ…» speaks of the future.
ON_WORDS = _words("على", "وعلى")
# «الحادي عشر»: the eleventh, the one ordinal whose first word is no ordinal of its own.
ELEVENTH_WORDS = _words("الحادي", "الحادية")
# Words before «3 صفر» that make it a day of the Hijri month, not a score («فاز 3 صفر»):
# «في 3 صفر», «منذ 3 صفر».
ZERO_MONTH_BEFORE = _words("في", "يوم", "منذ", "حتى", "من", "إلى")
# «عام» and «سنة» without the article: «مارس من عام 2024».
BARE_YEAR_NOUNS = _words("عام", "سنة")
# Words after «من الشهر» that refer back to a month already named: «من الشهر نفسه», «الذي».
SAME_OR_WHICH = _words("الذي", "نفسه", "ذاته")
# Words before «اليوم نفسه» that make it the day already named: «في اليوم نفسه», «ذلك اليوم ذاته».
SAME_DAY_BEFORE = _words("في", "ذلك", "هذا")
# «نفسه», «ذاته»: the same one, already named.
SAME_WORDS = _words("نفسه", "ذاته")
# «ذات العام», «نفس الشهر»: the same one, already named, the word before its noun.
SAME_BEFORE_WORDS = _words("ذات", "نفس")
# «الجمعة الحزينة», «الجمعة العظيمة»: Good Friday, a holiday, not a weekday.
GOOD_FRIDAY_WORDS = _words("الحزينة", "العظيمة")
# Words after a bare day number that say another month follows:
# «يوم 19 من نفس الشهر», «يوم 14 أو 15 أفريل».
ANOTHER_MONTH_AFTER = _words("من", "و", "أو", "إلى", "حتى")
# Greenwich, as a time zone after a clock time.
GREENWICH_WORDS = _words("غرينتش", "جرينتش", "غرينيتش")
# Words between two years of a range: «2015 و2016», «من 2010 إلى 2015».
YEAR_RANGE_CONNECTORS = _words("و", "إلى", "حتى", "لغاية")
# «الأخير», «الأخيرة»: the last one.
LAST_WORDS = _words("الأخير", "الأخيرة")
# «الميلادي», «للميلاد» after a century: AD.
AD_WORDS = _words("الميلادي", "للميلاد")
# «واحد», «واحدة»: one, after a unit («يوم واحد»).
ONE_WORDS = _words("واحد", "واحدة")
# Plural units with no count: «قبل سنوات», «منذ أشهر».
PLURAL_UNITS = _words("سنوات", "أعوام", "أيام", "أشهر", "شهور", "أسابيع", "عقود", "ساعات")
# Words after an offset that tie it to an event, not to today: «قبل ثلاثة أيام من الانتخابات».
RELATIVE_TO_EVENT = _words("من", "على")
# Bare weekday names that are also numbers: «كل أحد» is everyone, «كل اثنين» every two.
NOT_WEEKLY_WEEKDAYS = _words("أحد", "اثنين")
# «بالأسبوع», «باليوم»: per week, per day (and «بال» before a number, «بالـ»).
PER_PERIOD_WORDS = _words("بال", "بالأسبوع", "بالشهر", "باليوم", "بالسنة")
# Epithets after a holiday's name, part of it: «عيد الفطر المبارك».
HOLIDAY_EPITHETS = _words("المبارك", "السعيد", "المجيد")
# «الوقت الحالي», «الوقت الراهن»: the present.
PRESENT_WORDS = _words("الحالي", "الراهن")
# Words before an ambiguous month name that say it is the month: «في مايو», «منذ صفر».
MONTH_NAME_BEFORE = _words("في", "منذ", "خلال", "حتى", "من", "إلى", "شهر")

# Single words the scanner's rules compare with.
# «من»: from, of («من الشهر», «ديسمبر من العام الماضي»).
FROM_WORD = normalise_arabic("من")
# «في»: in («في الأسبوع»: per week).
IN_WORD = normalise_arabic("في")
# «أول»: first, before a day or a period («أول أمس», «أول يوم»).
FIRST_BARE = normalise_arabic("أول")
# «غرة فيفري»: the first day of a month (Maghrebi and Hijri usage).
FIRST_DAY_WORDS = frozenset(normalise_arabic(w) for w in ("غرة", "غرّة"))
# «الأولى»: the first, feminine.
FIRST_FEMININE = normalise_arabic("الأولى")
# «قد» before a present verb: may, no past cue («قد يزور»).
PERFECT_PARTICLE = normalise_arabic("قد")
# «أن»: that («على أن يبدأ…»).
THAT_WORD = normalise_arabic("أن")
# «م»: AD after a year, evening after a clock time, or metres («سباق 100 م»).
M_ABBREVIATION = normalise_arabic("م")
# «صفر»: the Hijri month, or zero.
SAFAR = normalise_arabic("صفر")
# «الجمعة»: Friday, or the Friday prayer.
FRIDAY = normalise_arabic("الجمعة")
# «بالتوقيت المحلي»: local time, no time zone.
LOCAL_WORD = normalise_arabic("المحلي")
# «يوماً ما»: some day, no duration.
DAY_ACCUSATIVE = normalise_arabic("يوما")
# «ما» after «يوماً»: «يوماً ما».
WHAT_WORD = normalise_arabic("ما")
# «عقد»: a decade, or a contract.
DECADE_BARE = normalise_arabic("عقد")
# «عيد الاستقلال»: independence day.
INDEPENDENCE_WORD = normalise_arabic("الاستقلال")
# «الآونة الأخيرة»: recently.
RECENT_TIMES_WORD = normalise_arabic("الآونة")
# «الأخيرة»: the last, latest.
LATEST_WORD = normalise_arabic("الأخيرة")
# «الوقت الحالي»: the present time.
TIME_WORD = normalise_arabic("الوقت")
# «بعد الغد»: the day after tomorrow.
TOMORROW_DEFINITE = normalise_arabic("الغد")
# «بعد ظهر»: in the afternoon of.
NOON_BARE = normalise_arabic("ظهر")
# Words before a time zone's name: «بالتوقيت المحلي», «التوقيت العالمي».
ZONE_LEAD_WORDS = _words("بالتوقيت", "التوقيت")

# «من عمره», «من العمر»: after a decade word, an age («في الأربعينيات من عمره»).
AGE_NOUN_FORMS: tuple[str, ...] = (normalise_arabic("عمر"), normalise_arabic("العمر"))
