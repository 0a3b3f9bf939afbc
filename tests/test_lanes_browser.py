"""Lanes on the timeline axis (?lanes=kind|story), as Chromium draws them.

Screenshots go where tests/test_browser.py puts its own (test-output/screenshots/).
"""

import itertools
import json

import pytest
from django.core.management import call_command

from tests.test_browser import axe_violations, browser, new_page, screenshot  # noqa: F401
from timeline.models import Event, Story

pytestmark = pytest.mark.browser

BOX = (
    "els => els.map(e => { const r = e.getBoundingClientRect();"
    " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })"
)


def overlapping(boxes: list[dict]) -> list[tuple[dict, dict]]:
    return [
        (a, b)
        for a, b in itertools.combinations(boxes, 2)
        if a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    ]


def check_lanes(page, width: int) -> list[tuple[str, int]]:
    """Asserts the lanes are drawn without overlaps; returns (label, count) per lane."""
    lanes = page.locator(".axis.has-lanes .lane:not(.lane-ticks)")
    assert 2 <= lanes.count() <= 8
    labels = page.locator(".lane:not(.lane-ticks) .lane-label").evaluate_all(BOX)
    assert overlapping(labels) == [], "lane labels overlap"
    assert all(box["left"] >= 0 and box["right"] <= width for box in labels)
    ticks = page.locator(".tick.is-major > span:not(.is-crowded)").evaluate_all(BOX)
    assert ticks and overlapping(ticks) == [], "tick labels overlap"
    rows = []
    for i in range(lanes.count()):
        lane = lanes.nth(i)
        marks = lane.locator(".axis-mark.is-point, .axis-cluster").evaluate_all(BOX)
        label = lane.locator(".lane-label").evaluate_all(BOX)
        assert overlapping(marks) == [], f"marks overlap in lane {i}"
        assert overlapping(marks + label) == [], f"a mark covers the label of lane {i}"
        periods = lane.locator(".axis-mark.is-range").evaluate_all(BOX)
        assert [
            (a, b) for a, b in overlapping(marks + periods) if a in marks and b in periods
        ] == [], f"a period covers a mark in lane {i}"
        assert all(box["left"] >= 0 and box["right"] <= width for box in marks)
        # Every event of the lane is drawn: merged clusters add their counts up.
        drawn = sum(
            int(n)
            for n in lane.locator(".axis-mark.is-point, .axis-cluster").evaluate_all(
                "els => els.map(e => e.dataset.count)"
            )
        )
        drawn += lane.locator(".axis-mark.is-range").count()
        count = int(lane.locator(".lane-count").inner_text())
        assert drawn == count, (i, drawn, count)
        rows.append((lane.locator(".lane-label bdi").inner_text(), count))
    return rows


@pytest.mark.django_db(transaction=True)
def test_lanes_by_kind_and_story_render_without_overlaps_on_desktop_and_phone(
    browser,  # noqa: F811
    live_server,
):
    call_command("fill_events", "3000")
    newest_events = Event.objects.order_by("-first_day").values_list("pk", flat=True)[:900]
    events = [pk for n, pk in enumerate(newest_events) if n % 3]  # a third in no story
    for n in range(10):
        story = Story.objects.create(
            title=f"قصة طويلة العنوان جداً عن المفاوضات رقم {n}", slug=f"long-{n}", published=True
        )
        story.events.add(*events[n * 40 : n * 40 + 40 + 20 * n])
    newest = Event.objects.latest("first_day").first_day.isoformat()
    for width in (1366, 390):
        page = new_page(browser, width=width)
        page.goto(f"{live_server.url}/?at={newest}")
        # The control is in the filter form: choosing swaps the view and names it in the URL.
        page.select_option("#id_lanes", "kind")
        page.wait_for_url("**lanes=kind**")
        page.locator(".axis.has-lanes").wait_for()
        for lanes, zoom in itertools.product(("story", "kind"), ("years", "months", "days")):
            page.goto(f"{live_server.url}/?zoom={zoom}&at={newest}&lanes={lanes}")
            page.wait_for_load_state("networkidle")
            rows = check_lanes(page, width)
            counts = [count for label, count in rows if label not in ("أخرى", "خارج القصص")]
            assert counts == sorted(counts, reverse=True), "the busiest rows first"
            if lanes == "story":
                assert rows[-1][0] == "خارج القصص"
            screenshot(page, f"lanes-{lanes}-{zoom}-{width}")
            if zoom == "years":
                violations = axe_violations(page)
                assert violations == [], json.dumps(violations, ensure_ascii=False)
        # A cluster of a lane opens the list at its dates, the lanes kept.
        cluster = page.locator(".lane .axis-cluster").first
        end = cluster.get_attribute("data-end")
        cluster.click()
        page.wait_for_url(f"**at={end}**")
        assert "lanes=kind" in page.url
        page.locator(".axis.has-lanes").wait_for()
        assert page.locator(".event-card").first.get_attribute("data-first-day") <= end
        page.context.close()
