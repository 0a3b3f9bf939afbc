"""Dates written the way Arabic newsrooms write them: «الأحد 20 تموز/يوليو 2025»."""

from datetime import date

from timeline.temporal.months import _GREGORIAN_SPELLINGS
from timeline.temporal.weekdays import _WEEKDAY_SPELLINGS

WEEKDAY_NAMES = [_WEEKDAY_SPELLINGS[n][0] for n in range(7)]

MOD_WORDS = {"START": "بداية", "MID": "منتصف", "END": "نهاية", "APPROX": "نحو"}
SEASON_NAMES = {"SP": "ربيع", "SU": "صيف", "FA": "خريف", "WI": "شتاء"}
QUARTER_NAMES = {1: "الربع الأول", 2: "الربع الثاني", 3: "الربع الثالث", 4: "الربع الرابع"}


def month_name(month: int) -> str:
    """Both common names of a Gregorian month, Syriac first: «تموز/يوليو»."""
    syriac, egyptian = _GREGORIAN_SPELLINGS[month][:2]
    return f"{syriac}/{egyptian}"


def format_day(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {month_name(day.month)} {day.year}"


def format_period(first_day: date, last_day: date, granularity: str, mod: str | None) -> str:
    """The period an event covers, only as precise as what the article said."""
    match granularity:
        case "day":
            text = format_day(first_day)
        case "week":
            text = f"أسبوع {first_day.day} {month_name(first_day.month)} – {format_day(last_day)}"
        case "month":
            text = f"{month_name(first_day.month)} {first_day.year}"
        case "season":
            text = f"{SEASON_NAMES[season_of(first_day)]} {last_day.year}"
        case "quarter":
            text = f"{QUARTER_NAMES[(first_day.month - 1) // 3 + 1]} من {first_day.year}"
        case "year":
            text = str(first_day.year)
        case _:
            text = f"{first_day.year}–{last_day.year}"
    if mod in MOD_WORDS:
        text = f"{MOD_WORDS[mod]} {text}"
    return text


def season_of(day: date) -> str:
    """TIMEX3 season code of the (northern) season a day falls in."""
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP"}.get(
        day.month, "SU" if day.month <= 8 else "FA"
    )
