"""/upcoming/: confirmed events from today on, grouped, counted down, and as a calendar."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.factories import dated_event
from tests.test_browser import browser, new_page, screenshot  # noqa: F401
from timeline.models import Event, Place, Story
from timeline.reader.upcoming import countdown

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 10)  # a Tuesday


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """The site's "today", whatever day the tests run on."""
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 3, 10, 9, 30, tzinfo=UTC))


def day_of(html: str, title: str) -> tuple[str, str]:
    """(the group heading, the countdown) of the event titled `title`."""
    match = re.search(
        r'<h2 id="upcoming-([\d-]+)"[^>]*>[^<]*</h2>\s*<ol class="upcoming-events">'
        r'(?:(?!</ol>).)*?<span class="countdown">([^<]*)</span>\s*<a href="[^"]+"[^>]*>'
        + re.escape(title)
        + "<",
        html,
        re.S,
    )
    assert match, f"{title} not on the page"
    return match.group(1), match.group(2)


@pytest.fixture
def planned() -> dict[str, Event]:
    return {
        "yesterday": dated_event("اجتماع أمس", date(2026, 3, 9)),
        "today": dated_event("تصويت اليوم", date(2026, 3, 10)),
        "tomorrow": dated_event("قمة الغد", date(2026, 3, 11)),
        "in3": dated_event("مهلة الجمعة", date(2026, 3, 13)),
        "in9": dated_event("جولة بعد أسبوع", date(2026, 3, 19)),
        "in10": dated_event("جلسة بعد عشرة", date(2026, 3, 20)),
        "in30": dated_event("مؤتمر الشهر القادم", date(2026, 4, 9)),
        "candidate": dated_event("حدث غير مؤكد", date(2026, 3, 12), status=Event.Status.CANDIDATE),
    }


def test_upcoming_shows_confirmed_events_from_today_on_soonest_first(client, planned):
    html = client.get("/upcoming/").content.decode()
    days = re.findall(r'class="upcoming-event" data-first-day="([\d-]+)"', html)
    assert days == [
        "2026-03-10",
        "2026-03-11",
        "2026-03-13",
        "2026-03-19",
        "2026-03-20",
        "2026-04-09",
    ]
    assert "اجتماع أمس" not in html and "حدث غير مؤكد" not in html


def test_the_coming_week_is_grouped_by_day_and_later_events_by_week(client, planned):
    html = client.get("/upcoming/").content.decode()
    assert day_of(html, "تصويت اليوم") == ("2026-03-10", "اليوم")
    assert day_of(html, "قمة الغد") == ("2026-03-11", "غداً")
    assert day_of(html, "مهلة الجمعة") == ("2026-03-13", "بعد 3 أيام")
    # Days 7–13 from today are one week: both events under one heading.
    assert day_of(html, "جولة بعد أسبوع") == ("2026-03-17", "بعد 9 أيام")
    assert day_of(html, "جلسة بعد عشرة") == ("2026-03-17", "بعد 10 أيام")
    assert day_of(html, "مؤتمر الشهر القادم") == ("2026-04-07", "بعد 30 يوماً")
    assert html.count('class="upcoming-group"') == 5


@pytest.mark.parametrize(
    ("days", "arabic"),
    [
        (0, "اليوم"),
        (1, "غداً"),
        (2, "بعد يومين"),
        (3, "بعد 3 أيام"),
        (10, "بعد 10 أيام"),
        (11, "بعد 11 يوماً"),
        (99, "بعد 99 يوماً"),
        (100, "بعد 100 يوم"),
        (103, "بعد 103 أيام"),
    ],
)
def test_countdowns_take_the_arabic_plural_forms(days, arabic):
    assert countdown(TODAY + timedelta(days=days), TODAY) == arabic


def test_countdowns_in_english(client):
    dated_event("قمة الغد", date(2026, 3, 11))
    dated_event("مهلة الجمعة", date(2026, 3, 13))
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/upcoming/").content.decode()
    assert '<span class="countdown">tomorrow</span>' in html
    assert '<span class="countdown">in 3 days</span>' in html


def test_upcoming_takes_the_timelines_filters(client, planned):
    story = Story.objects.create(title="القمة", slug="summit", published=True)
    story.events.add(planned["tomorrow"])
    planned["in30"].places.add(Place.objects.create(name="الدوحة"))
    assert "مؤتمر الشهر القادم" not in client.get("/upcoming/?story=summit").content.decode()
    html = client.get("/upcoming/", {"place": "الدوحة"}).content.decode()
    assert "مؤتمر الشهر القادم" in html and "قمة الغد" not in html


def test_the_upcoming_calendar_holds_the_same_events(client, planned):
    html = client.get("/upcoming/").content.decode()
    assert 'href="/upcoming.ics"' in html
    response = client.get("/upcoming.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["x-wr-calname"]) == "ما هو قادم"
    entries = sorted(
        (entry.decoded("dtstart"), str(entry["summary"])) for entry in calendar.walk("VEVENT")
    )
    assert entries[0] == (date(2026, 3, 10), "تصويت اليوم")
    assert [summary for _, summary in entries] == [
        "تصويت اليوم",
        "قمة الغد",
        "مهلة الجمعة",
        "جولة بعد أسبوع",
        "جلسة بعد عشرة",
        "مؤتمر الشهر القادم",
    ]
    assert client.get("/upcoming.ics?story=none").status_code == 400


def test_the_main_timeline_links_to_upcoming(client):
    assert 'href="/upcoming/"' in client.get("/").content.decode()


def test_nothing_coming(client):
    dated_event("اجتماع أمس", date(2026, 3, 9))
    assert "لا أحداث مؤكدة قادمة." in client.get("/upcoming/").content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_upcoming_in_chromium(browser, live_server):  # noqa: F811
    dated_event("تصويت اليوم", date(2026, 3, 10))
    dated_event("قمة الغد", date(2026, 3, 11))
    dated_event("مؤتمر الشهر القادم", date(2026, 4, 9))
    page = new_page(browser, width=900, height=700)
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="ما هو قادم").click()
    page.wait_for_url("**/upcoming/")
    assert page.locator(".countdown").all_inner_texts() == ["اليوم", "غداً", "بعد 30 يوماً"]
    screenshot(page, "upcoming")
    page.context.close()
