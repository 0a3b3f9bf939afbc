"""Holidays and national days: the day they fall on, by name.

Hijri holidays are (Hijri month, day) and resolve to the Gregorian day in the
Hijri year nearest the reference date (or the one a year names); fixed holidays
and the national days of Arab states are (month, day) of the Gregorian
calendar. Names are written naturally and folded at import.
"""

from __future__ import annotations

from .normalise import normalise_arabic


def _keyed(table: dict[str, tuple[int, int]]) -> dict[tuple[str, ...], tuple[int, int]]:
    return {tuple(normalise_arabic(k).split()): v for k, v in table.items()}


HIJRI_HOLIDAYS: dict[tuple[str, ...], tuple[int, int]] = _keyed(
    {
        "عيد الفطر": (10, 1), "عيد الأضحى": (12, 10), "عيد النحر": (12, 10),
        "رأس السنة الهجرية": (1, 1), "المولد النبوي": (3, 12), "ذكرى المولد النبوي": (3, 12),
        "عيد المولد النبوي": (3, 12), "يوم عرفة": (12, 9), "يوم عرفات": (12, 9),
        "وقفة عرفات": (12, 9), "وقفة عرفة": (12, 9), "يوم عاشوراء": (1, 10),
        "ليلة القدر": (9, 27), "الإسراء والمعراج": (7, 27), "ذكرى الإسراء والمعراج": (7, 27),
        "ليلة الإسراء والمعراج": (7, 27),
    }
)  # fmt: skip

GREGORIAN_HOLIDAYS: dict[tuple[str, ...], tuple[int, int]] = _keyed(
    {
        "عيد الميلاد": (12, 25), "عيد الميلاد المجيد": (12, 25), "رأس السنة الميلادية": (1, 1),
        "ليلة رأس السنة": (12, 31), "رأس السنة": (1, 1), "عيد العمال": (5, 1),
        "عيد الشغل": (5, 1), "عيد الحب": (2, 14), "عيد الأم": (3, 21), "يوم الأرض": (3, 30),
        "يوم المرأة العالمي": (3, 8), "اليوم العالمي للمرأة": (3, 8),
        "عيد المرأة العالمي": (3, 8), "عيد المرأة التونسية": (8, 13),
        "عيد العرش": (7, 30), "عيد المسيرة الخضراء": (11, 6), "ذكرى المسيرة الخضراء": (11, 6),
        "عيد الوحدة اليمنية": (5, 22),
    }
)  # fmt: skip
# Left out on purpose: names whose day depends on the country (عيد المرأة is 8 March in
# most places but 13 August in Tunisia; عيد الثورة، عيد الجمهورية، عيد الشهداء، عيد الجلاء
# differ from state to state).

# National days of Arab states: (independence day, national day); None when it has none.
_COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[int, int] | None, tuple[int, int] | None]] = {
    # name: (adjectives and name forms, independence, national day)
    "الجزائر": (("الجزائري", "للجزائر"), (7, 5), (11, 1)),
    "تونس": (("التونسي", "لتونس"), (3, 20), (3, 20)),
    "المغرب": (("المغربي", "للمغرب"), (11, 18), (7, 30)),
    "لبنان": (("اللبناني", "للبنان"), (11, 22), (11, 22)),
    "الأردن": (("الأردني", "للأردن"), (5, 25), (5, 25)),
    "سوريا": (("السوري", "لسوريا"), (4, 17), (4, 17)),
    "ليبيا": (("الليبي", "لليبيا"), (12, 24), (12, 24)),
    "السودان": (("السوداني", "للسودان"), (1, 1), (1, 1)),
    "العراق": (("العراقي", "للعراق"), (10, 3), (10, 3)),
    "الكويت": (("الكويتي", "للكويت"), (6, 19), (2, 25)),
    "قطر": (("القطري", "لقطر"), (9, 3), (12, 18)),
    "البحرين": (("البحريني", "للبحرين"), (8, 15), (12, 16)),
    "الإمارات": (("الإماراتي", "للإمارات"), None, (12, 2)),
    "عمان": (("العماني", "لعمان"), None, (11, 18)),
    "السعودية": (("السعودي", "للسعودية", "للمملكة"), None, (9, 23)),
    "اليمن": (("اليمني", "لليمن"), (11, 30), (5, 22)),
    "موريتانيا": (("الموريتاني", "لموريتانيا"), (11, 28), (11, 28)),
    "فلسطين": (("الفلسطيني", "لفلسطين"), (11, 15), (11, 15)),
    "مصر": (("المصري", "لمصر"), None, (7, 23)),
    "جيبوتي": (("الجيبوتي", "لجيبوتي"), (6, 27), (6, 27)),
    "الصومال": (("الصومالي", "للصومال"), (7, 1), (7, 1)),
    # Two national days Arab news reports every year.
    "فرنسا": (("الفرنسي", "لفرنسا"), None, (7, 14)),
    "أمريكا": (("الأمريكي", "الأميركي", "لأمريكا", "للولايات"), (7, 4), (7, 4)),
}


def _national_days() -> dict[tuple[str, ...], tuple[int, int]]:
    table: dict[str, tuple[int, int]] = {}
    for name, (forms, independence, national) in _COUNTRIES.items():
        if independence:
            for form in forms:
                table[f"عيد الاستقلال {form}"] = independence
            table[f"عيد استقلال {name}"] = independence
        if national:
            for head in ("العيد الوطني", "اليوم الوطني"):
                for form in forms:
                    table[f"{head} {form}"] = national
    return _keyed(table)


NATIONAL_DAYS: dict[tuple[str, ...], tuple[int, int]] = _national_days()
# Names of a national holiday with no country in them: found, but their day is unknown.
UNRESOLVED_HOLIDAYS: frozenset[tuple[str, ...]] = frozenset(
    tuple(normalise_arabic(k).split()) for k in ("عيد الاستقلال", "العيد الوطني", "اليوم الوطني")
)
# Country names (folded, with the clitics news attaches) near a bare "عيد الاستقلال" or
# "العيد الوطني" name whose day it is: "احتفلت تونس بعيد الاستقلال".
COUNTRY_DAYS: dict[str, tuple[tuple[int, int] | None, tuple[int, int] | None]] = {
    normalise_arabic(prefix + name): (independence, national)
    for name, (_, independence, national) in _COUNTRIES.items()
    for prefix in ("", "و", "ب", "ل", "في ")
    if " " not in prefix
}
