"""Debian's Chromium, driven by Playwright, reads the timeline as a reader would.

Screenshots of each main view go to test-output/screenshots/ (or $TEST_OUTPUT_DIR).
"""

import itertools
import json
import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import REPO, SEED_PATH, missing_service
from timeline.models import Article, Event

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(os.environ.get("TEST_OUTPUT_DIR", REPO / "test-output")) / "screenshots"


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        missing_service(f"Chromium not found at {CHROMIUM}; apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make here are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def new_page(browser, width=1400, height=900, javascript=True):
    context = browser.new_context(
        locale="ar", viewport={"width": width, "height": height}, java_script_enabled=javascript
    )
    return context.new_page()


@pytest.fixture
def page(browser):
    page = new_page(browser)
    refused = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and refused.append(message.text),
    )
    yield page
    page.context.close()
    assert not refused, f"the page broke its own Content-Security-Policy: {refused}"


@pytest.fixture
def demo(live_server):
    """What `make run` serves: the seed's events confirmed, in a published story."""
    if not SEED_PATH.exists():
        missing_service(f"seed article not found at {SEED_PATH}")
    call_command("load_demo", str(SEED_PATH), published="2025-07-20")
    return live_server.url


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def card_days(page) -> list[str]:
    cards = page.locator(".event-card")
    return [cards.nth(i).get_attribute("data-first-day") for i in range(cards.count())]


def focused_card(page) -> str | None:
    return page.evaluate(
        "() => document.activeElement.closest('.event-card')?.dataset.firstDay ?? null"
    )


@pytest.mark.django_db(transaction=True)
def test_events_run_right_to_left_and_a_click_opens_the_detail(page, demo):
    page.goto(demo + "/")

    cards = page.locator(".event-card")
    assert cards.count() == 4
    days = card_days(page)
    assert days == sorted(days, reverse=True), "the news first"
    lefts = [cards.nth(i).bounding_box()["x"] for i in range(4)]
    by_day = [left for _, left in sorted(zip(days, lefts, strict=True))]
    assert by_day == sorted(by_day, reverse=True), "the earliest event must be rightmost"
    # On the axis too: the 2015 agreement lies right of the 2025 meetings.
    # (The three events of summer 2025 share a quarter: one cluster, counted.)
    agreement = page.locator(".axis-mark.kind-agreement").bounding_box()["x"]
    summer = page.locator(".axis-cluster[data-count='3']").bounding_box()["x"]
    assert agreement > summer
    screenshot(page, "timeline")

    page.get_by_role("link", name="اسطنبول").first.click()
    panel = page.locator("#event-panel")
    panel.get_by_text("الجمعة 25 تموز/يوليو 2025").wait_for()
    event = Event.objects.get(first_day="2025-07-25")
    # In place, through HTMX, under the event's own URL (to share it).
    assert page.url == demo + event.get_absolute_url()
    assert page.locator(".event-card").count() == 4
    assert "يرد في مقال واحد" in panel.inner_text()
    assert "30 محرم 1447 هـ" in panel.inner_text()
    assert page.evaluate("document.activeElement.tagName") == "H2", "focus moves to the panel"
    screenshot(page, "timeline-detail-panel")

    panel.get_by_role("button", name="إغلاق التفاصيل").click()
    assert panel.inner_html().strip() == ""
    assert focused_card(page) == "2025-07-25", "focus returns to the event that opened it"
    assert page.url == demo + "/", "and the URL to the timeline's"


@pytest.mark.django_db(transaction=True)
def test_an_opened_events_url_is_shareable_and_back_closes_it(page, demo):
    event = Event.objects.get(first_day="2025-07-25")
    page.goto(demo + "/?zoom=months&at=2025-07-31")
    page.locator(f"#event-{event.pk} .event-link").click()
    page.locator("#event-panel h2").wait_for()
    assert page.url == demo + event.get_absolute_url()

    page.go_back()
    page.wait_for_url("**/?zoom=months&at=2025-07-31")
    page.wait_for_function("!document.querySelector('#event-panel').firstElementChild")
    assert page.locator(".event-card").count() == 3

    page.go_forward()
    page.wait_for_url("**" + event.get_absolute_url())
    page.locator("#event-panel h2", has_text=event.title).wait_for()

    # A reader given the URL (or reloading) gets the event.
    page.reload()
    assert page.locator("h1").inner_text() == event.title
    assert "الجمعة 25 تموز/يوليو 2025" in page.locator("main").inner_text()


@pytest.mark.django_db(transaction=True)
def test_arrow_keys_mirror_right_to_left_time(page, demo):
    page.goto(demo + "/")
    page.locator(".event-link").nth(1).focus()
    assert focused_card(page) == "2025-07-25"

    page.keyboard.press("ArrowRight")
    assert focused_card(page) == "2025-07-20", "right is earlier"
    page.keyboard.press("ArrowRight")
    assert focused_card(page) == "2015-01-01"
    page.keyboard.press("ArrowLeft")
    assert focused_card(page) == "2025-07-20", "left is later"
    page.keyboard.press("End")
    assert focused_card(page) == "2015-01-01"
    page.keyboard.press("Home")
    assert focused_card(page) == card_days(page)[0], "the newest"


@pytest.mark.django_db(transaction=True)
def test_zoom_keeps_the_focused_event_in_place(page, demo):
    page.goto(demo + "/")
    page.locator(".event-card[data-first-day='2015-01-01'] .event-link").focus()
    page.keyboard.press("+")
    page.wait_for_url("**zoom=months**")
    assert "at=2015-01-01" in page.url
    first, last = page.locator(".axis-caption time").evaluate_all(
        "times => times.map(t => t.getAttribute('datetime'))"
    )
    assert first <= "2015-01-01" < last
    assert card_days(page)[0] == "2015-01-01", "the list starts at the focused event"


@pytest.mark.django_db(transaction=True)
def test_zoom_in_and_out_goes_in_the_url_and_back_restores_it(page, demo):
    page.goto(demo + "/")
    assert page.locator(".zoom-level strong").inner_text() == "سنوات"

    page.locator("#zoom-in").click()
    page.wait_for_url("**zoom=months**")
    assert page.locator(".zoom-level strong").inner_text() == "أشهر"
    assert page.evaluate("document.activeElement.id") == "zoom-in", "focus stays on the button"
    screenshot(page, "timeline-months")

    page.keyboard.press("-")
    page.wait_for_url("**zoom=years**")
    assert page.locator(".zoom-level strong").inner_text() == "سنوات"

    page.go_back()
    page.wait_for_url("**zoom=months**")
    page.locator(".zoom-level strong", has_text="أشهر").wait_for()


@pytest.mark.django_db(transaction=True)
def test_a_filter_narrows_the_list_changes_the_url_and_back_restores_it(page, demo):
    page.goto(demo + "/")
    page.get_by_label("النوع").select_option("deadline")
    page.wait_for_url("**kind=deadline**")
    page.wait_for_function("document.querySelectorAll('.event-card').length === 1")
    assert "نهاية آب/أغسطس 2025" in page.locator(".event-card").inner_text()

    page.get_by_label("بحث").fill("إسطنبول")
    page.get_by_label("النوع").select_option("")
    # The URL already holds an empty q=: wait for the search itself to be in it.
    page.wait_for_url(lambda url: "kind=deadline" not in url and "q=%" in url)
    page.locator(".event-card", has_text="25 تموز/يوليو").wait_for()
    assert page.locator(".event-card").count() == 1
    screenshot(page, "timeline-filtered")

    page.go_back()
    page.wait_for_url("**kind=deadline**")
    page.wait_for_function("document.querySelectorAll('.event-card').length === 1")
    assert "نهاية آب/أغسطس 2025" in page.locator(".event-card").inner_text()


@pytest.mark.django_db(transaction=True)
def test_a_narrow_viewport_gets_the_vertical_layout(browser, demo):
    page = new_page(browser, width=390, height=800)
    page.goto(demo + "/stories/iran-nuclear/")
    cards = page.locator(".event-card")
    assert cards.count() == 4
    boxes = [cards.nth(i).bounding_box() for i in range(4)]
    tops = [box["y"] for box in boxes]
    assert tops == sorted(tops), "one under the other"
    days = card_days(page)
    assert days == sorted(days, reverse=True), "the newest at the top"
    assert len({round(box["x"]) for box in boxes}) == 1
    assert page.locator(".axis").is_visible(), "phones get the (compact) axis too"
    screenshot(page, "story-narrow")
    page.context.close()


@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_same_pages_work(browser, demo):
    page = new_page(browser, javascript=False)
    page.goto(demo + "/")
    assert page.locator(".event-card").count() == 4

    page.get_by_label("النوع").select_option("meeting")
    page.get_by_role("button", name="تصفية").click()
    page.wait_for_url("**kind=meeting**")
    assert card_days(page) == ["2025-07-20"]

    page.locator("#zoom-out").click()
    page.wait_for_url("**zoom=**")
    assert "kind=meeting" in page.url
    screenshot(page, "timeline-no-javascript")

    page.get_by_role("link", name="يلتقي بوتين").first.click()
    page.wait_for_url("**/events/**")
    assert "الأحد 20 تموز/يوليو 2025" in page.locator("main").inner_text()
    screenshot(page, "event-page")
    page.context.close()


def axe_violations(page) -> list[dict]:
    # Evaluated by the browser's devtools protocol, not as a <script> of the page: the
    # site's Content-Security-Policy (rightly) refuses inline scripts.
    page.evaluate(AXE.read_text(encoding="utf-8") + ";\nundefined")
    result = page.evaluate("async () => await axe.run(document)")
    assert result["passes"], "axe ran its checks"
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.django_db(transaction=True)
def test_no_serious_accessibility_violations(page, demo):
    event = Event.objects.get(first_day="2025-07-25")
    article = Article.objects.get()
    for name, path in [
        ("timeline", "/"),
        ("story", "/stories/iran-nuclear/"),
        ("event", event.get_absolute_url()),
        ("article", article.get_absolute_url()),
    ]:
        page.goto(demo + path)
        violations = axe_violations(page)
        assert violations == [], f"{name}: {json.dumps(violations, ensure_ascii=False)}"
        if name == "article":
            screenshot(page, "article")
    page.goto(demo + "/")
    page.locator(".event-link").first.click()
    page.locator("#event-panel h2").wait_for()
    assert axe_violations(page) == [], "the timeline with its detail panel open"


def _boxes(page, selector: str) -> list[dict]:
    return page.locator(selector).evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })"
    )


def _overlapping(boxes: list[dict]) -> list[tuple[dict, dict]]:
    boxes = sorted(boxes, key=lambda box: box["left"])
    return [
        (a, b)
        for a, b in itertools.pairwise(boxes)
        if b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
    ]


@pytest.mark.django_db(transaction=True)
def test_a_dense_archive_axis_counts_everything_without_overlaps(browser, live_server):
    call_command("fill_events", "5000")
    newest = Event.objects.filter(status="confirmed").latest("first_day", "id").first_day
    for width in (1366, 390):
        page = new_page(browser, width=width)
        page.goto(live_server.url + "/")
        # The first screen is the newest month's news.
        assert card_days(page)[0] == newest.isoformat()
        screenshot(page, f"dense-first-{width}")
        violations = axe_violations(page)
        assert violations == [], json.dumps(violations, ensure_ascii=False)
        for zoom in ("decades", "years", "months", "days"):
            page.goto(f"{live_server.url}/?zoom={zoom}&at={newest.isoformat()}")
            page.wait_for_load_state("networkidle")
            labels = _boxes(page, ".tick.is-major > span:not(.is-crowded)")
            marks = _boxes(page, ".axis-mark.is-point, .axis-cluster")
            assert labels and marks, (width, zoom)
            assert _overlapping(labels) == [], (width, zoom)
            assert _overlapping(marks) == [], (width, zoom)
            # Every event of the window is counted, once, merged or not.
            start, end = page.locator(".axis-caption time").evaluate_all(
                "times => times.map(t => t.getAttribute('datetime'))"
            )
            shown = sum(
                int(n)
                for n in page.locator(".axis-mark.is-point, .axis-cluster").evaluate_all(
                    "els => els.map(e => e.dataset.count)"
                )
            )
            ranges = page.locator(".axis-mark.is-range").count()
            in_window = Event.objects.filter(
                status="confirmed",
                first_day__lt=end,
                last_day__gte=start,
                first_day__gte=date.fromisoformat(start) - timedelta(days=400),
            ).count()
            assert shown + ranges == in_window, (width, zoom)
            screenshot(page, f"dense-{zoom}-{width}")
        page.context.close()
