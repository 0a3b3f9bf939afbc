"""Dates the Arab-world way, and the axis's windows."""

from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured

from timeline.models import Event
from timeline.reader.axis import fit_window, parse_window, place_on_axis, window_at
from timeline.reader.dates import DateStyle, format_day, format_hijri_period, format_period
from timeline.temporal import GREGORIAN_MONTHS, SYRIAC_MONTH_NAMES, normalise_arabic

JULY_20 = date(2025, 7, 20)


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (DateStyle("both", "western"), "الأحد 20 تموز/يوليو 2025"),
        (DateStyle("syriac", "western"), "الأحد 20 تموز 2025"),
        (DateStyle("egyptian", "eastern"), "الأحد ٢٠ يوليو ٢٠٢٥"),
    ],
)
def test_days_in_each_month_scheme_and_digit_style(style, expected):
    assert format_day(JULY_20, style) == expected


def test_precision_is_shown_honestly():
    assert format_period(date(2025, 8, 1), date(2025, 8, 31), "month", None) == "آب/أغسطس 2025"
    assert (
        format_period(date(2025, 8, 21), date(2025, 8, 31), "month", "END") == "نهاية آب/أغسطس 2025"
    )
    assert format_period(date(2015, 1, 1), date(2015, 12, 31), "year", None) == "2015"


def test_hijri_date_beside_gregorian():
    assert format_hijri_period(JULY_20, JULY_20, "day") == "25 محرم 1447 هـ"
    assert format_hijri_period(JULY_20, JULY_20, "day", DateStyle(digits="eastern")) == (
        "٢٥ محرم ١٤٤٧ هـ"
    )
    assert format_hijri_period(date(2015, 1, 1), date(2015, 12, 31), "year") == "1436–1437 هـ"
    # Outside the Umm al-Qura tables there is no Hijri date rather than a wrong one.
    assert format_hijri_period(date(1800, 1, 1), date(1800, 1, 1), "day") == ""


def test_display_names_are_recognised_by_the_tagger():
    for month, name in SYRIAC_MONTH_NAMES.items():
        assert GREGORIAN_MONTHS[normalise_arabic(name)] == month


def test_a_bad_date_style_setting_stops_the_process(monkeypatch):
    import importlib

    import newsroom.settings

    monkeypatch.setenv("TIMELINE_DIGITS", "roman")
    with pytest.raises(ImproperlyConfigured, match="TIMELINE_DIGITS"):
        importlib.reload(newsroom.settings)
    monkeypatch.delenv("TIMELINE_DIGITS")
    importlib.reload(newsroom.settings)


def test_zoom_levels_nest_from_decades_to_days():
    window = window_at("decades", JULY_20)
    seen = []
    while window.zoom_in:
        seen.append(window.zoom)
        window = window_at(window.zoom_in, window.at)
        assert window.start <= JULY_20 < window.end
    assert [*seen, window.zoom] == ["decades", "years", "months", "days"]
    assert window.zoom_out == "months"


def test_panning_moves_half_a_window_each_way():
    window = window_at("months", JULY_20)
    earlier = window_at("months", window.earlier)
    later = window_at("months", window.later)
    assert earlier.start < window.start < later.start


def test_fit_window_picks_the_closest_zoom_that_shows_both_ends():
    assert fit_window(JULY_20, date(2025, 7, 25)).zoom == "days"
    assert fit_window(JULY_20, date(2025, 8, 31)).zoom == "months"
    assert fit_window(date(2015, 1, 1), date(2025, 8, 31)).zoom == "years"


def test_a_malformed_window_in_the_url_is_ignored():
    assert parse_window("weeks", "2025-07-20") is None
    assert parse_window("days", "2025-13-40") is None
    assert parse_window("days", "2025-07-20").zoom == "days"


def test_points_for_days_bars_with_fuzzy_ends_for_vague_periods():
    window = window_at("months", JULY_20)
    day = Event(pk=1, first_day=JULY_20, last_day=JULY_20, granularity="day")
    end_of_august = Event(
        pk=2,
        first_day=date(2025, 8, 21),
        last_day=date(2025, 8, 31),
        granularity="month",
        mod="END",
    )
    point, bar = place_on_axis([day, end_of_august], window)
    assert point.is_point and not point.fuzzy
    assert not bar.is_point and bar.fuzzy == "start" and bar.offset > point.offset
