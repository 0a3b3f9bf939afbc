"""Resolution of relative expressions against the reference date, and period bounds.

Rules follow GUIDELINES.md "Resolution rules"; each function names the rule it implements.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# Rule 3: beyond this distance the nearest reading is not trusted and the tense decides.
NEAREST_LIMIT_MONTHS = 4
NEAREST_LIMIT_DAYS = 122

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def valid_day(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31 شباط, 30/02)."""
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999):
        return None
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    """(year, month) ``count`` months after (year, month); count may be negative."""
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


def resolve_weekday(reference: date, weekday: int, direction: str) -> date:
    """Rule 1 and 2: the weekday nearest ``reference`` in ``direction``.

    ``past``: latest on or before; ``future``: next on or after;
    ``next``: strictly after (المقبل); ``previous``: strictly before (الماضي).
    """
    delta = (weekday - reference.weekday()) % 7
    if direction == "future":
        return reference + timedelta(days=delta)
    if direction == "next":
        return reference + timedelta(days=delta or 7)
    back = (reference.weekday() - weekday) % 7
    if direction == "previous":
        return reference - timedelta(days=back or 7)
    return reference - timedelta(days=back)


def resolve_month(
    reference: date, month: int, relation: str | None, future: bool, year_hint: int | None = None
) -> tuple[int, int]:
    """Rule 3: the year of a month named without one.

    ``relation``: "next" (first such month after the reference month), "previous"
    (last one before it), "current" or None (nearest; beyond four months the
    tense decides). ``year_hint``: a year the sentence names, which decides instead
    of the tense when the clause has no tense cue and it is one of the candidates.
    """
    year = reference.year
    if relation == "next":
        return (year if month > reference.month else year + 1), month
    if relation == "previous":
        return (year if month < reference.month else year - 1), month
    here = year * 12 + reference.month
    candidates = [(y * 12 + month, y) for y in (year - 1, year, year + 1)]
    distance, best = min((abs(index - here), y) for index, y in candidates)
    if distance > NEAREST_LIMIT_MONTHS and relation != "current":
        if year_hint in (year - 1, year, year + 1):
            best = year_hint
        elif future:
            best = min(y for index, y in candidates if index >= here)
        else:
            best = max(y for index, y in candidates if index <= here)
    return best, month


def resolve_day_month(
    reference: date,
    day: int,
    month: int,
    relation: str | None,
    future: bool,
    year_hint: int | None = None,
) -> date | None:
    """Rule 1 and 3: a day and month without a year; None when the day cannot exist.
    ``year_hint`` as for resolve_month."""
    candidates = [d for y in (reference.year - 1, reference.year, reference.year + 1)
                  if (d := valid_day(y, month, day))]  # fmt: skip
    if not candidates:
        return None
    if relation == "next":
        after = [d for d in candidates if d > reference]
        return min(after) if after else None
    if relation == "previous":
        before = [d for d in candidates if d < reference]
        return max(before) if before else None
    best = min(candidates, key=lambda d: abs((d - reference).days))
    if abs((best - reference).days) > NEAREST_LIMIT_DAYS:
        hinted = [d for d in candidates if d.year == year_hint]
        if hinted:
            return hinted[0]
        later = [d for d in candidates if d >= reference]
        earlier = [d for d in candidates if d <= reference]
        if future and later:
            return min(later)
        if not future and earlier:
            return max(earlier)
    return best


def shift_by_unit(reference: date, count: int, unit: str) -> tuple[str, date, date]:
    """Rule 6: the period ``count`` units from ``reference`` (negative = ago), at unit precision."""
    if unit in ("D", "H", "MIN", "S"):
        day = reference + timedelta(days=count) if unit == "D" else reference
        return day_value(day), day, day
    if unit == "W":
        day = reference + timedelta(weeks=count)
        return (iso_week_value(day), *iso_week_bounds(day))
    if unit == "M":
        y, m = add_months(reference.year, reference.month, count)
        return (month_value(y, m), *month_bounds(y, m))
    years = {"Y": 1, "DE": 10, "CE": 100}.get(unit, 1) * count
    y = reference.year + years
    return (f"{y:04d}", *year_bounds(y))


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def iso_week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def iso_week_bounds(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def season_bounds(year: int, season: str) -> tuple[date, date]:
    """Meteorological seasons; winter runs from December of ``year`` into February."""
    first, last = SEASON_MONTHS[season]
    end_year = year + 1 if season == "WI" else year
    return date(year, first, 1), month_bounds(end_year, last)[1]


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    return date(year, 3 * quarter - 2, 1), month_bounds(year, 3 * quarter)[1]


def half_bounds(year: int, half: int) -> tuple[date, date]:
    return date(year, 6 * half - 5, 1), month_bounds(year, 6 * half)[1]


def decade_bounds(decade: int) -> tuple[date, date]:
    """``decade`` is the TIMEX prefix: 198 for the 1980s."""
    return date(max(decade * 10, 1), 1, 1), date(decade * 10 + 9, 12, 31)


def century_bounds(century: int) -> tuple[date, date]:
    """``century`` is the TIMEX prefix: 19 for the twentieth century (1900-1999)."""
    return date(max(century * 100, 1), 1, 1), date(century * 100 + 99, 12, 31)
