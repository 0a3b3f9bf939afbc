"""In Debian's Chromium: an editor uploads an image on the event page, and it shows,
with its alt text, on the page, on the reader's card and in the panel.

Screenshots go to test-output/screenshots/ (event-image, timeline-card-image).
"""

import pytest
from PIL import Image

from tests.factories import make_editor, make_event
from tests.test_browser import axe_violations, browser, screenshot  # noqa: F401 - the fixture
from tests.test_editor_browser import plain_http_cookies, signed_in  # noqa: F401 - the fixture
from timeline.models import Event, EventImage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALT = "وزيرا الخارجية يتصافحان أمام العلمين"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SERVE_MEDIA = True  # the live server serves MEDIA_URL, as in DEBUG


def loaded_width(locator) -> int:
    """The width the browser decoded: 0 if the image did not load."""
    locator.wait_for()
    return locator.evaluate("img => img.decode().then(() => img.naturalWidth, () => 0)")


def test_an_uploaded_image_shows_with_its_alt_text(browser, live_server, tmp_path):  # noqa: F811
    event = make_event("وزيرا الخارجية يلتقيان في إسطنبول", status=Event.Status.CONFIRMED)
    photo = tmp_path / "photo.png"
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(photo)

    page = signed_in(browser, live_server, make_editor())
    page.goto(live_server.url + event.get_absolute_url())
    form = page.locator("form.image-form")
    form.get_by_label("ملف الصورة").set_input_files(str(photo))
    form.get_by_label("التعليق").fill("الوزيران قبل الاجتماع")
    form.get_by_label("المصدر والحقوق").fill("وكالة الأنباء")
    form.get_by_label("النص البديل").fill(ALT)
    form.get_by_role("button", name="إضافة الصورة").click()

    page.get_by_text("أُضيفت الصورة.").wait_for()
    figure = page.locator("figure.event-image")
    assert loaded_width(figure.get_by_role("img", name=ALT)) > 0
    assert "الوزيران قبل الاجتماع" in figure.inner_text()
    assert "وكالة الأنباء" in figure.inner_text()
    screenshot(page, "event-image")
    page.context.close()

    # A reader: the card's small image (lazy), then the panel's.
    page = signed_in(browser, live_server, None)
    page.goto(live_server.url + "/")
    card_image = page.locator(f"#event-{event.pk} img.card-image")
    assert card_image.get_attribute("alt") == ALT
    assert card_image.get_attribute("loading") == "lazy"
    assert loaded_width(card_image) > 0
    screenshot(page, "timeline-card-image")
    page.locator(f"#event-{event.pk} .event-link").click()
    panel_image = page.locator("#event-panel figure.event-image").get_by_role("img", name=ALT)
    assert loaded_width(panel_image) > 0
    violations = axe_violations(page)
    assert violations == [], violations
    page.context.close()
    assert EventImage.objects.get().alt_text == ALT
