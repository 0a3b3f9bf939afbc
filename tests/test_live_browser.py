"""In Chromium: an event confirmed while a reader's page is open is offered to them
(«حدث جديد (1)») within the polling interval, with no reload, and shown on a click."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.test_browser import browser, demo, page, screenshot  # noqa: F401
from timeline.actions import set_status
from timeline.models import Event

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_a_confirmed_event_appears_on_an_open_page_without_a_reload(page, demo, settings):  # noqa: F811
    settings.LIVE_POLL_SECONDS = 1
    settings.READER_CACHE_SECONDS = 60  # as in production: the page comes from the cache
    news = Event.objects.create(
        title="وصول وفد المفاوضين إلى جنيف",
        first_day=date(2025, 7, 21),
        last_day=date(2025, 7, 21),
        status=Event.Status.CANDIDATE,
    )
    page.goto(demo + "/")
    page.evaluate("() => { window.sameDocument = true; }")
    button = page.locator(".live-button")
    expect(page.locator(".event-card").first).to_be_visible()
    assert page.locator(f"#event-{news.pk}").count() == 0
    expect(button).to_be_hidden()

    set_status([news], Event.Status.CONFIRMED)  # an editor confirms it

    expect(button).to_have_text("حدث جديد (1)", timeout=10_000)
    expect(button).to_be_visible()
    assert page.evaluate("() => window.sameDocument === true"), "the page was reloaded"
    screenshot(page, "live-new-events")

    button.click()

    expect(page.locator(f"#event-{news.pk}")).to_contain_text("وصول وفد المفاوضين إلى جنيف")
    expect(page.locator(".live-button")).to_be_hidden()
    assert page.evaluate("() => window.sameDocument === true"), "the page was reloaded"
    assert page.url == demo + "/"
    screenshot(page, "live-new-events-shown")


@pytest.mark.django_db(transaction=True)
def test_a_hidden_tab_does_not_ask_and_asks_at_once_when_shown(page, demo, settings):  # noqa: F811
    settings.LIVE_POLL_SECONDS = 1
    news = Event.objects.create(
        title="وصول وفد المفاوضين إلى جنيف",
        first_day=date(2025, 7, 21),
        last_day=date(2025, 7, 21),
        status=Event.Status.CANDIDATE,
    )
    asked = []
    page.on("request", lambda request: "/live/" in request.url and asked.append(request.url))
    page.goto(demo + "/")
    expect(page.locator(".event-card").first).to_be_visible()
    # The reader switches to another tab (the Page Visibility API says so).
    page.evaluate(
        """() => {
        window.tabHidden = true;
        Object.defineProperty(document, "hidden", { configurable: true, get: () => window.tabHidden });
        document.dispatchEvent(new Event("visibilitychange"));
    }"""
    )
    asked.clear()
    set_status([news], Event.Status.CONFIRMED)
    page.wait_for_timeout(3_000)  # three polling intervals
    assert asked == []
    expect(page.locator(".live-button")).to_be_hidden()

    page.evaluate(
        "() => { window.tabHidden = false; document.dispatchEvent(new Event('visibilitychange')); }"
    )

    expect(page.locator(".live-button")).to_have_text("حدث جديد (1)")
    assert asked, "the page did not ask when it was shown again"
