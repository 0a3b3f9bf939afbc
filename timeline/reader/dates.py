"""Dates written the way Arabic newsrooms write them: «الأحد 20 تموز/يوليو 2025».

Month names come in the site's scheme (Syriac «تموز», Egyptian «يوليو» or both
«تموز/يوليو») and digits in Western (2025) or Eastern Arabic (٢٠٢٥) form; a
`DateStyle` carries both. The names themselves live in `timeline.temporal`.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from hijridate import Gregorian

from timeline.temporal import (
    EGYPTIAN_MONTH_NAMES,
    HIJRI_MONTH_NAMES,
    SYRIAC_MONTH_NAMES,
    WEEKDAY_NAMES,
)

MONTH_SCHEMES = ("both", "syriac", "egyptian")
DIGIT_STYLES = ("western", "eastern")

MOD_WORDS = {"START": "بداية", "MID": "منتصف", "END": "نهاية", "APPROX": "نحو"}
SEASON_NAMES = {"SP": "ربيع", "SU": "صيف", "FA": "خريف", "WI": "شتاء"}
QUARTER_NAMES = {1: "الربع الأول", 2: "الربع الثاني", 3: "الربع الثالث", 4: "الربع الرابع"}

_EASTERN_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True)
class DateStyle:
    """How dates are written: month-name scheme and digits."""

    months: str = "both"
    digits: str = "western"

    def __post_init__(self) -> None:
        if self.months not in MONTH_SCHEMES:
            raise ValueError(f"month scheme {self.months!r} is not one of {MONTH_SCHEMES}")
        if self.digits not in DIGIT_STYLES:
            raise ValueError(f"digit style {self.digits!r} is not one of {DIGIT_STYLES}")


DEFAULT_STYLE = DateStyle()


def site_date_style() -> DateStyle:
    """The style the site is set to (TIMELINE_MONTH_NAMES, TIMELINE_DIGITS)."""
    return DateStyle(months=settings.TIMELINE_MONTH_NAMES, digits=settings.TIMELINE_DIGITS)


def with_digits(text: str, style: DateStyle = DEFAULT_STYLE) -> str:
    """The text with its digits in the style's form (only for display, never for datetime=)."""
    return text.translate(_EASTERN_DIGITS) if style.digits == "eastern" else text


def month_name(month: int, style: DateStyle = DEFAULT_STYLE) -> str:
    """A Gregorian month in the style's scheme: «تموز», «يوليو» or «تموز/يوليو»."""
    match style.months:
        case "syriac":
            return SYRIAC_MONTH_NAMES[month]
        case "egyptian":
            return EGYPTIAN_MONTH_NAMES[month]
        case _:
            return f"{SYRIAC_MONTH_NAMES[month]}/{EGYPTIAN_MONTH_NAMES[month]}"


def _day(day: date, style: DateStyle) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {month_name(day.month, style)} {day.year}"


def format_day(day: date, style: DateStyle = DEFAULT_STYLE) -> str:
    """«الأحد 20 تموز/يوليو 2025»."""
    return with_digits(_day(day, style), style)


def format_period(
    first_day: date,
    last_day: date,
    granularity: str,
    mod: str | None,
    style: DateStyle = DEFAULT_STYLE,
) -> str:
    """The period an event covers, only as precise as what the article said."""
    match granularity:
        case "day":
            text = _day(first_day, style)
        case "week":
            week_start = f"{first_day.day} {month_name(first_day.month, style)}"
            text = f"أسبوع {week_start} – {_day(last_day, style)}"
        case "month":
            text = f"{month_name(first_day.month, style)} {first_day.year}"
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
    return with_digits(text, style)


def _hijri(day: date) -> tuple[int, int, int] | None:
    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except (ValueError, OverflowError):
        return None  # outside the Umm al-Qura tables (1343–1500 AH)
    return h.year, h.month, h.day


def format_hijri_period(
    first_day: date, last_day: date, granularity: str, style: DateStyle = DEFAULT_STYLE
) -> str:
    """The same period in the Umm al-Qura calendar: «25 محرم 1447 هـ», «صفر – ربيع الأول 1447 هـ».

    Empty outside the calendar's range. Longer periods give the Hijri years they span.
    """
    first, last = _hijri(first_day), _hijri(last_day)
    if first is None or last is None:
        return ""
    if granularity == "day" or first == last:
        text = f"{first[2]} {HIJRI_MONTH_NAMES[first[1]]} {first[0]}"
    elif granularity in ("week", "month", "season", "quarter"):
        start = HIJRI_MONTH_NAMES[first[1]]
        if first[0] != last[0]:
            start = f"{start} {first[0]}"
        end = HIJRI_MONTH_NAMES[last[1]]
        text = f"{start} – {end} {last[0]}" if (first[:2] != last[:2]) else f"{end} {last[0]}"
    else:
        text = str(first[0]) if first[0] == last[0] else f"{first[0]}–{last[0]}"
    return with_digits(f"{text} هـ", style)


def season_of(day: date) -> str:
    """TIMEX3 season code of the (northern) season a day falls in."""
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP"}.get(
        day.month, "SU" if day.month <= 8 else "FA"
    )


def machine_date(first_day: date, granularity: str) -> str:
    """A machine-readable date for <time datetime>, as precise as the event is:
    «2025-07», «2025» or the first day."""
    if granularity == "month":
        return first_day.strftime("%Y-%m")
    if granularity == "year":
        return f"{first_day.year:04d}"
    return first_day.isoformat()
