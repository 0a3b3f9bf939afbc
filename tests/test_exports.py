"""Exports: each parsed back the way the tool that reads it would."""

import csv
import io
import re
from datetime import date

import feedparser
import pytest
from django.contrib.auth.models import User
from icalendar import Calendar

from tests.factories import dated_event, make_editor
from timeline.models import Event, Story
from timeline.publishing.exports import EXPORT_LIMIT, csv_cell


@pytest.fixture
def events() -> dict[str, Event]:
    return {
        "day": dated_event(
            "اجتماع <b>فيينا</b>", date(2025, 7, 20), date(2025, 7, 20), kind="meeting"
        ),
        "month": dated_event(
            "مهلة آب", date(2025, 8, 1), date(2025, 8, 31), "month", kind="deadline"
        ),
        "year": dated_event("انتخابات 2026", date(2026, 1, 1), date(2026, 12, 31), "year"),
        "candidate": dated_event(
            "حدث مقترح", date(2025, 7, 21), date(2025, 7, 21), status=Event.Status.CANDIDATE
        ),
    }


# TimelineJS3's documented slide fields (https://timeline.knightlab.com/docs/json-format.html).
SLIDE_FIELDS = {
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "display_date",
    "background",
    "autolink",
    "unique_id",
}
DATE_FIELDS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}


def check_timelinejs(document: dict) -> None:
    """Fail unless `document` has the shape TimelineJS3 documents."""
    assert set(document) <= {"events", "title", "eras", "scale"}
    assert isinstance(document["events"], list)
    for slide in [*document["events"], document.get("title")]:
        if slide is None:
            continue
        assert set(slide) <= SLIDE_FIELDS, slide
        assert set(slide.get("text", {})) <= {"headline", "text"}
    for slide in document["events"]:
        for key in ("start_date", "end_date"):
            if key in slide:
                assert set(slide[key]) <= DATE_FIELDS
                assert isinstance(slide[key]["year"], int)
        assert "start_date" in slide


@pytest.mark.django_db
def test_timelinejs_export_has_the_documented_fields_and_precision(client, events):
    response = client.get("/timeline.json")
    assert response.status_code == 200
    document = response.json()
    check_timelinejs(document)
    slides = {slide["unique_id"]: slide for slide in document["events"]}
    assert set(slides) == {f"event-{events[k].pk}" for k in ("day", "month", "year")}
    day, month, year = (slides[f"event-{events[k].pk}"] for k in ("day", "month", "year"))
    assert day["start_date"] == {"year": 2025, "month": 7, "day": 20} and "end_date" not in day
    assert month["start_date"] == {"year": 2025, "month": 8}
    assert year["start_date"] == {"year": 2026}
    # TimelineJS renders text as HTML: titles are escaped.
    assert day["text"]["headline"] == "اجتماع &lt;b&gt;فيينا&lt;/b&gt;"


@pytest.mark.django_db
def test_timelinejs_export_of_a_story_and_of_a_filtered_view(client, events):
    story = Story.objects.create(title="قصة", slug="qissa", published=True)
    story.events.add(events["month"])
    document = client.get("/stories/qissa/timeline.json").json()
    check_timelinejs(document)
    assert [s["unique_id"] for s in document["events"]] == [f"event-{events['month'].pk}"]
    assert document["title"]["text"]["headline"] == "قصة"
    filtered = client.get("/timeline.json", {"kind": "meeting"}).json()
    assert [s["unique_id"] for s in filtered["events"]] == [f"event-{events['day'].pk}"]
    Story.objects.create(title="مسودة", slug="draft", published=False)
    assert client.get("/stories/draft/timeline.json").status_code == 404


@pytest.mark.django_db
def test_exports_answer_400_to_bad_filters(client, events):
    for url in ("/timeline.json", "/timeline.ics"):
        response = client.get(url, {"start": "tomorrow"})
        assert response.status_code == 400
        assert b"start" in response.content


@pytest.mark.django_db
def test_icalendar_export_parses_back_with_all_day_ranges(client, events):
    response = client.get("/timeline.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    entries = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(entries) == {"اجتماع <b>فيينا</b>", "مهلة آب", "انتخابات 2026"}
    # All-day: DATE values, with DTEND the day after the last (exclusive).
    month = entries["مهلة آب"]
    assert month.decoded("dtstart") == date(2025, 8, 1)
    assert month.decoded("dtend") == date(2025, 9, 1)
    year = entries["انتخابات 2026"]
    assert year.decoded("dtstart") == date(2026, 1, 1)
    assert year.decoded("dtend") == date(2027, 1, 1)
    assert entries["اجتماع <b>فيينا</b>"].decoded("dtend") == date(2025, 7, 21)
    assert len({str(e["uid"]) for e in entries.values()}) == 3


@pytest.mark.django_db
def test_atom_feed_of_confirmed_events_parses_with_feedparser(client, events):
    response = client.get("/feeds/confirmed.atom")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    titles = {entry.title for entry in feed.entries}
    assert titles == {"اجتماع <b>فيينا</b>", "مهلة آب", "انتخابات 2026"}
    links = {entry.link for entry in feed.entries}
    assert f"http://testserver/events/{events['day'].pk}/" in links


@pytest.mark.django_db
def test_atom_feed_puts_the_most_recently_confirmed_first(client, events):
    events["candidate"].status = Event.Status.CONFIRMED
    events["candidate"].save()
    feed = feedparser.parse(client.get("/feeds/confirmed.atom").content)
    assert feed.entries[0].title == "حدث مقترح"


@pytest.mark.django_db
def test_csv_export_is_for_editors_only(client, events):
    assert client.get("/exports/events.csv").status_code == 302  # to the login page
    client.force_login(User.objects.create_user("reader"))
    assert client.get("/exports/events.csv").status_code == 403


@pytest.mark.django_db
def test_csv_export_gives_editors_every_status_and_parses_back(client, events):
    client.force_login(make_editor())
    response = client.get("/exports/events.csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["title"] for row in rows} == {
        "اجتماع <b>فيينا</b>",
        "مهلة آب",
        "انتخابات 2026",
        "حدث مقترح",
    }
    month = next(row for row in rows if row["title"] == "مهلة آب")
    assert (month["first_day"], month["last_day"], month["granularity"]) == (
        "2025-08-01",
        "2025-08-31",
        "month",
    )
    only_candidates = client.get("/exports/events.csv", {"status": "candidate"})
    text = b"".join(only_candidates.streaming_content).decode("utf-8-sig")
    assert [row["title"] for row in csv.DictReader(io.StringIO(text))] == ["حدث مقترح"]


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted():
    assert csv_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert csv_cell("-1") == "'-1"
    assert csv_cell("اجتماع") == "اجتماع"


@pytest.mark.django_db
def test_public_exports_are_capped(client):
    Event.objects.bulk_create(
        Event(
            title=f"حدث {n}",
            first_day=date(2025, 1, 1),
            last_day=date(2025, 1, 1),
            status=Event.Status.CONFIRMED,
        )
        for n in range(EXPORT_LIMIT + 5)
    )
    assert len(client.get("/timeline.json").json()["events"]) == EXPORT_LIMIT


@pytest.mark.django_db
def test_exports_hold_the_newest_events_and_page_with_limit_and_link(client):
    Event.objects.bulk_create(
        Event(
            title=f"حدث {year}",
            first_day=date(year, 1, 1),
            last_day=date(year, 1, 1),
            status=Event.Status.CONFIRMED,
        )
        for year in range(1400, 2025)
    )
    whole = client.get("/timeline.json")
    headlines = [slide["text"]["headline"] for slide in whole.json()["events"]]
    assert headlines[:2] == ["حدث 2024", "حدث 2023"] and len(headlines) == EXPORT_LIMIT
    assert 'rel="next"' in whole["Link"]

    seen = []
    url = "/timeline.ics?limit=300"
    while url:
        response = client.get(url)
        seen += re.findall(r"SUMMARY:حدث (\d+)", response.content.decode())
        link = response.get("Link")
        url = re.search(r"<http://testserver([^>]+)>", link).group(1) if link else None
    assert seen == [str(year) for year in range(2024, 1399, -1)]

    assert client.get("/timeline.json", {"limit": "0"}).status_code == 400
    assert client.get("/timeline.json", {"limit": str(EXPORT_LIMIT + 1)}).status_code == 400
    assert client.get("/timeline.json", {"after": "nonsense"}).status_code == 400
