"""Debian's Chromium, driven by Playwright, reads the timeline as a reader would."""

import os
import shutil
from datetime import date

import pytest

from tests.conftest import missing_service
from timeline.ingest import ingest_text

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


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


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ar", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.django_db(transaction=True)
def test_events_run_right_to_left_and_a_click_opens_the_detail(page, live_server, seed_text):
    ingest_text(seed_text, published=date(2025, 7, 20))

    page.goto(live_server.url + "/")

    cards = page.locator(".event-card")
    assert cards.count() == 4
    days = [cards.nth(i).get_attribute("data-first-day") for i in range(4)]
    assert days == sorted(days)
    lefts = [cards.nth(i).bounding_box()["x"] for i in range(4)]
    assert lefts == sorted(lefts, reverse=True), "the earliest event must be rightmost"

    page.get_by_role("link", name="اسطنبول").first.click()
    panel = page.locator("#event-panel")
    panel.get_by_text("الجمعة 25 تموز/يوليو 2025").wait_for()
    assert page.url == live_server.url + "/", "the detail loads in place, through HTMX"
    assert "يرد في مقال واحد" in panel.inner_text()
