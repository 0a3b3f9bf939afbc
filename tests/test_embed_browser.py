"""An embed inside another site's page, in Chromium: loads, follows its height, works by keys.

The other site is a second local server, on another port (so another origin), serving a
page with the embed code copied from the story page's «تضمين».
"""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.test_browser import browser, demo, new_page, screenshot  # noqa: F401

pytestmark = pytest.mark.browser


class OtherSite:
    """A page of another origin holding whatever HTML the test puts in it."""

    def __init__(self) -> None:
        self.body = ""
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                content = site.body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"

    def page_with(self, code: str) -> str:
        self.body = (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A news site</title>'
            "</head><body><h1>Our article</h1><p>Some text before the timeline.</p>"
            f"{code}<p id='after'>Some text after it.</p></body></html>"
        )
        return self.origin + "/article.html"


@pytest.fixture
def other_site() -> Iterator[OtherSite]:
    site = OtherSite()
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


def embed_code_from_the_story_page(page, demo_url: str) -> str:
    page.goto(demo_url + "/stories/iran-nuclear/")
    page.get_by_text("تضمين", exact=True).click()
    code = page.get_by_label("انسخ هذا الرمز").input_value()
    assert "/embed/stories/iran-nuclear/" in code
    return code


def frame_of(page):
    handle = page.locator("iframe[data-newsroom-embed]").element_handle()
    frame = handle.content_frame()
    assert frame is not None
    return frame


def iframe_height(page) -> float:
    return page.locator("iframe[data-newsroom-embed]").bounding_box()["height"]


@pytest.mark.django_db(transaction=True)
def test_the_embed_in_another_sites_page_loads_resizes_and_works_by_keys(
    browser,  # noqa: F811
    demo,  # noqa: F811
    other_site,
    settings,
):
    settings.EMBED_ALLOWED_ORIGINS = [other_site.origin]
    # Tall enough for the whole iframe: full-page screenshots cut frames at the viewport.
    page = new_page(browser, width=1100, height=1600)
    refused = []
    page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
    code = embed_code_from_the_story_page(page, demo)

    page.goto(other_site.page_with(code))
    frame = frame_of(page)
    frame.wait_for_selector(".event-card")
    assert frame.locator(".event-card").count() == 4
    assert frame.locator(".site-header").count() == 0

    # The iframe takes its content's height (it started at 600).
    content_height = frame.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
    page.wait_for_function(
        f"document.querySelector('iframe').getBoundingClientRect().height === {content_height}"
    )
    screenshot(page, "embed")

    # Keys, as on the site: right is earlier, left later.
    frame.locator(".event-card[data-first-day='2025-07-25'] .event-link").focus()
    page.keyboard.press("ArrowRight")
    assert frame.evaluate("document.activeElement.closest('.event-card').dataset.firstDay") == (
        "2025-07-20"
    )
    # Enter opens the event's panel inside the embed, and the iframe grows to show it.
    before = iframe_height(page)
    page.keyboard.press("Enter")
    frame.locator("#event-panel h2").wait_for()
    page.wait_for_function(
        f"document.querySelector('iframe').getBoundingClientRect().height > {before}"
    )
    assert page.url == other_site.page_with(code), "the embed leaves the page's history alone"
    screenshot(page, "embed-panel")

    # Its links open the site in a new tab, with no handle on the page that embeds it.
    with page.context.expect_page() as opened:
        frame.get_by_role("link", name="صفحة الحدث").click()
    site_page = opened.value
    site_page.wait_for_load_state()
    assert site_page.url.startswith(demo + "/events/")
    assert site_page.evaluate("window.opener") is None
    assert frame.locator(".event-card").count() == 4, "the embed stays where it was"
    assert not refused, refused
    page.context.close()


@pytest.mark.django_db(transaction=True)
def test_the_embed_is_refused_on_a_site_not_listed(browser, demo, other_site, settings):  # noqa: F811
    settings.EMBED_ALLOWED_ORIGINS = ["https://news.example.org"]
    page = new_page(browser, width=1100, height=800)
    messages = []
    page.on("console", lambda m: messages.append(m.text))
    code = embed_code_from_the_story_page(page, demo)

    page.goto(other_site.page_with(code))
    page.wait_for_function("() => true")
    page.wait_for_load_state("networkidle")
    assert any("frame-ancestors" in text for text in messages), messages
    frame = frame_of(page)
    assert frame.locator(".event-card").count() == 0
    assert iframe_height(page) == 600, "nothing came to resize it"
    screenshot(page, "embed-refused")
    page.context.close()
