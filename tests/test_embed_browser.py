"""An embed inside another site's page, in Chromium: loads, follows its height, works by keys.

The other site is a second local server, on another port (so another origin), serving a
page with the embed code copied from the story page's «تضمين».
"""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.test_browser import axe_violations, browser, demo, new_page, screenshot  # noqa: F401

pytestmark = pytest.mark.browser


# A page of the other site, framed like an embed, that claims a height for itself
# when the page around it (once loaded, the resizer listening) says "go".
FORGER = (
    "<!DOCTYPE html><title>forger</title><script>"
    "addEventListener('message', e => { if (e.data !== 'go') return;"
    " parent.postMessage({type: 'newsroom-embed:height', height: 90}, '*');"
    " parent.postMessage('forged', '*'); });</script>"
)
FORGER_FRAME = (
    '<iframe data-newsroom-embed src="/forger.html" height="300"></iframe><script>'
    "addEventListener('message', e => { if (e.data === 'forged') window.forged = true; });"
    "addEventListener('load', () => document.querySelector('iframe[src=\"/forger.html\"]')"
    ".contentWindow.postMessage('go', '*'));</script>"
)


class OtherSite:
    """A page of another origin holding whatever HTML the test puts in it."""

    def __init__(self) -> None:
        self.body = ""
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = FORGER if self.path == "/forger.html" else site.body
                content = body.encode("utf-8")
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
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_url)
    page.get_by_role("button", name="نسخ").click()
    page.get_by_role("status").filter(has_text="نُسخ الرمز.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == code
    return code


def frame_of(page, n: int = 0):
    handle = page.locator("iframe[data-newsroom-embed]").nth(n).element_handle()
    frame = handle.content_frame()
    assert frame is not None
    return frame


def iframe_height(page, n: int = 0) -> float:
    return page.locator("iframe[data-newsroom-embed]").nth(n).bounding_box()["height"]


SWIPE_ATTEMPTS = 3


def swipe(frame, dx: int) -> None:
    """A one-finger swipe of dx pixels across the embed's axis."""
    frame.evaluate(
        """dx => {
            const axis = document.querySelector(".axis-panel");
            const box = axis.getBoundingClientRect();
            const x = box.left + box.width / 2, y = box.top + box.height / 2;
            const touch = clientX => new Touch({identifier: 1, target: axis, clientX, clientY: y});
            const fire = (type, t, list) => axis.dispatchEvent(new TouchEvent(type,
                {touches: list, changedTouches: [t], bubbles: true, cancelable: true}));
            fire("touchstart", touch(x), [touch(x)]);
            fire("touchend", touch(x + dx), []);
        }""",
        dx,
    )


def wait_for_height(page, n: int, condition: str) -> None:
    """Until the n-th iframe's height satisfies `condition` (JavaScript, on `h`)."""
    page.wait_for_function(
        "([n, condition]) => { const h = document.querySelectorAll('iframe')[n]"
        ".getBoundingClientRect().height; return eval(condition); }",
        arg=[n, condition],
    )


@pytest.mark.django_db(transaction=True)
def test_the_embed_in_another_sites_page_loads_resizes_and_works_by_keys(
    browser,  # noqa: F811
    demo,  # noqa: F811
    other_site,
    settings,
):
    settings.EMBED_ALLOWED_ORIGINS = [other_site.origin]
    # Tall enough for the whole iframe: full-page screenshots cut frames at the viewport.
    context = browser.new_context(
        locale="ar", viewport={"width": 1100, "height": 1600}, has_touch=True
    )
    page = context.new_page()
    refused = []
    page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
    code = embed_code_from_the_story_page(page, demo)
    # A second embed on the same page (the deadlines): each iframe follows its own content.
    second = code.replace("/embed/stories/iran-nuclear/", "/embed/?kind=deadline")
    # (The page now loads the resizer script twice: one copy listens.)
    host_url = other_site.page_with(code + second + FORGER_FRAME)

    page.goto(host_url)
    frame = frame_of(page)
    frame.wait_for_selector(".event-card")
    assert frame.locator(".event-card").count() == 4
    assert frame.locator(".site-header, .filters").count() == 0
    frame_of(page, 1).wait_for_selector(".event-card")
    assert frame_of(page, 1).locator(".event-card").count() == 1

    # The iframe takes its content's height (it started at 600).
    content_height = frame.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
    wait_for_height(page, 0, f"h === {content_height}")
    second_height = frame_of(page, 1).evaluate(
        "Math.ceil(document.body.getBoundingClientRect().height)"
    )
    wait_for_height(page, 1, f"h === {second_height}")
    # A message from anywhere else (here the page itself) is not believed.
    # (Messages from one window arrive in order: once the marker has, so has the forgery.)
    page.evaluate(
        """() => new Promise(done => {
            window.addEventListener("message", e => e.data === "marker" && done());
            window.postMessage({type: "newsroom-embed:height", height: 90}, "*");
            window.postMessage("marker", "*");
        })"""
    )
    assert iframe_height(page) == content_height
    # Nor is one from another origin, even from a frame marked as an embed.
    # (Its height message came before its "forged", which has now arrived.)
    page.wait_for_function("window.forged === true")
    assert page.locator("iframe").nth(2).evaluate("frame => frame.style.height") == ""
    screenshot(page, "embed")

    # Keys, as on the site: right is earlier, left later.
    frame.locator(".event-card[data-first-day='2025-07-25'] .event-link").focus()
    page.keyboard.press("ArrowRight")
    assert frame.evaluate("document.activeElement.closest('.event-card').dataset.firstDay") == (
        "2025-07-20"
    )
    # Enter opens the event's panel inside the embed, and only that iframe grows to show it.
    page.keyboard.press("Enter")
    frame.locator("#event-panel h2").wait_for()
    wait_for_height(page, 0, f"h > {content_height}")
    assert iframe_height(page, 1) == second_height
    assert frame.url.endswith("/embed/stories/iran-nuclear/"), "the embed keeps its URL"
    screenshot(page, "embed-panel")

    # Zoom by key, inside the embed.
    frame.locator("#event-panel h2").focus()
    page.keyboard.press("+")
    frame.locator(".zoom-level strong", has_text="أشهر").wait_for()
    # The zoom's swap (and the height message after it) settled before the swipe:
    # a swipe on the outgoing axis is lost under load.
    page.wait_for_load_state("networkidle")

    # And by touch: a swipe towards the left on the axis pans to later dates.
    caption = frame.locator(".axis-caption time").first.get_attribute("datetime")
    for attempt in range(SWIPE_ATTEMPTS):
        # A swipe that lands on an axis being swapped out is lost; on a busy machine
        # that happens even after «networkidle». A broken swipe fails every attempt.
        swipe(frame, -120)
        frame.locator(".axis-caption time").first.wait_for()
        try:
            frame.wait_for_function(
                "before => document.querySelector('.axis-caption time')"
                ".getAttribute('datetime') > before",
                arg=caption,
                timeout=10_000,
            )
            break
        except PlaywrightTimeoutError:
            if attempt == SWIPE_ATTEMPTS - 1:
                raise

    # Its links open the site in a new tab, with no handle on the page that embeds it.
    with page.context.expect_page() as opened:
        frame.get_by_role("link", name="صفحة الحدث").click()
    site_page = opened.value
    site_page.wait_for_load_state()
    assert site_page.url.startswith(demo + "/events/")
    assert site_page.evaluate("window.opener") is None
    assert frame.locator(".event-card").count() >= 1, "the embed stays where it was"
    assert not refused, refused

    # The embed on its own passes the accessibility checks the site's pages pass.
    site_page.goto(demo + "/embed/stories/iran-nuclear/")
    assert axe_violations(site_page) == []
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
