"""In the English interface, Arabic strings keep their own (right-to-left) order.

Chromium lays the page out; the test measures where characters land (Range rects):
a title's closing ellipsis and an excerpt's full stop must stay at the left end of
their Arabic text, and the day of a Hijri or Gregorian date at its right.
"""

import pytest

from tests.test_browser import browser, demo, screenshot  # noqa: F401
from timeline.models import Event

pytestmark = pytest.mark.browser

# Where a part of an element's text is drawn: the first rect of a Range over it.
RECT_OF = """([selector, text, part, fromEnd]) => {
  const el = document.querySelector(selector);
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = fromEnd ? node.data.lastIndexOf(part) : node.data.indexOf(part);
    if (!node.data.includes(text) || at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + part.length);
    const r = range.getClientRects()[0];
    return {left: r.left, right: r.right, top: r.top};
  }
  return null;
}"""


def rect(page, selector: str, text: str, part: str, from_end: bool = False) -> dict:
    found = page.evaluate(RECT_OF, [selector, text, part, from_end])
    assert found, (selector, part)
    return found


def left_of(a: dict, b: dict) -> bool:
    """`a` drawn before `b` reading right to left: on the same line, to its left."""
    return a["top"] == b["top"] and a["right"] <= b["left"] + 0.5


@pytest.fixture
def english_page(browser):  # noqa: F811
    context = browser.new_context(locale="en", viewport={"width": 1400, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.django_db(transaction=True)
def test_arabic_titles_excerpts_and_dates_keep_their_order_in_english(english_page, demo):  # noqa: F811
    page = english_page
    event = Event.objects.get(first_day="2025-07-25")
    event.title = "استئناف المفاوضات في اسطنبول…"
    event.save()
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": demo}])
    page.goto(demo + "/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    card = f"#event-{event.pk}"

    # The ellipsis ends the title: left of its last word.
    title = f"{card} .event-link"
    ellipsis = rect(page, title, "اسطنبول", "…")
    assert left_of(ellipsis, rect(page, title, "اسطنبول", "اسطنبول"))

    # The excerpt's full stop, likewise, after «النووي».
    excerpt = f"{card} .excerpt p"
    full_stop = rect(page, excerpt, "النووي", ".", from_end=True)
    assert left_of(full_stop, rect(page, excerpt, "النووي", "النووي", from_end=True))

    # «30 محرم 1447 هـ»: the day on the right, the era on the left.
    hijri = f"{card} .hijri"
    day, month = rect(page, hijri, "محرم", "30"), rect(page, hijri, "محرم", "محرم")
    assert left_of(month, day)
    assert left_of(rect(page, hijri, "محرم", "هـ"), rect(page, hijri, "محرم", "1447"))
    # «الجمعة 25 تموز/يوليو 2025»: the year on the left.
    date = f"{card} .event-date"
    assert left_of(rect(page, date, "تموز", "2025"), rect(page, date, "تموز", "تموز"))
    screenshot(page, "timeline-english")

    # The same on the event's page.
    page.goto(demo + event.get_absolute_url())
    heading = "main h1"
    assert left_of(rect(page, heading, "اسطنبول", "…"), rect(page, heading, "اسطنبول", "اسطنبول"))
    hijri = "main .hijri"
    assert left_of(rect(page, hijri, "محرم", "محرم"), rect(page, hijri, "محرم", "30"))
    place = "main dd a[href*='place=']"
    assert page.locator(place).first.get_attribute("dir") == "auto"
    screenshot(page, "event-english")
