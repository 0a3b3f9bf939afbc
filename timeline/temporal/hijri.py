"""Hijri dates by the Umm al-Qura calendar (via hijridate) and Hijri holidays."""

from __future__ import annotations

from datetime import date

from hijridate import Gregorian, Hijri


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Gregorian day of a Hijri date, or None when it does not exist or is out of range."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def hijri_month_bounds(year: int, month: int) -> tuple[date, date] | None:
    """First and last Gregorian day of a Hijri month, or None out of range."""
    try:
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
    except (ValueError, OverflowError):
        return None
    a, b = first.to_gregorian(), last.to_gregorian()
    return date(a.year, a.month, a.day), date(b.year, b.month, b.day)


def hijri_year_bounds(year: int) -> tuple[date, date] | None:
    """First and last Gregorian day of a Hijri year, or None out of range."""
    start = hijri_month_bounds(year, 1)
    end = hijri_month_bounds(year, 12)
    if start is None or end is None:
        return None
    return start[0], end[1]


def hijri_year_of(day: date) -> int | None:
    """Hijri year that ``day`` falls in, or None out of the supported range."""
    try:
        return Gregorian(day.year, day.month, day.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def nearest_hijri_day(reference: date, month: int, day: int) -> date | None:
    """The Gregorian day of Hijri (month, day) in the Hijri year putting it nearest ``reference``.

    Holidays (عيد الفطر = 1 Shawwal) and Hijri dates without a year resolve this way.
    """
    year = hijri_year_of(reference)
    if year is None:
        return None
    candidates = [d for y in (year - 1, year, year + 1) if (d := hijri_to_gregorian(y, month, day))]
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - reference).days))


def nearest_hijri_month(reference: date, month: int) -> int | None:
    """Hijri year that puts Hijri ``month`` nearest ``reference`` (by its middle day)."""
    year = hijri_year_of(reference)
    if year is None:
        return None
    best: tuple[int, int] | None = None
    for y in (year - 1, year, year + 1):
        middle = hijri_to_gregorian(y, month, 15)
        if middle is not None:
            distance = abs((middle - reference).days)
            if best is None or distance < best[0]:
                best = (distance, y)
    return best[1] if best else None
