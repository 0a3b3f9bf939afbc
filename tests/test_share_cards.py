"""The picture a shared link shows: the drawn card of an event or a story, and the
og:/Twitter tags that point to it (or to the event's own image)."""

import io
import re
from datetime import date

import pytest
from django.test import Client
from PIL import Image, ImageDraw

from tests.conftest import REPO
from tests.factories import make_editor
from tests.test_browser import browser, new_page, screenshot  # noqa: F401 - the fixture
from tests.test_event_images import ALT, CAPTION, CREDIT, png
from tests.test_sharing import meta
from timeline.actions import add_event_image
from timeline.event_kinds import EventKind
from timeline.models import Event, Story
from timeline.publishing.share_cards import BOLD, KIND_COLOURS, font_for, wrap

pytestmark = pytest.mark.django_db


def confirmed(title: str = "وزيرا الخارجية يلتقيان في مسقط", **fields) -> Event:
    fields = {"kind": EventKind.MEETING, "status": Event.Status.CONFIRMED} | fields
    day = date(2025, 7, 20)
    return Event.objects.create(title=title, first_day=day, last_day=day, **fields)


def card(client: Client, url: str) -> Image.Image:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    return image


def test_an_event_card_is_a_drawn_1200_by_630_png_that_follows_the_title(client, settings):
    settings.READER_CACHE_SECONDS = 60  # kept between the two, until the title changes
    event = confirmed()
    first = card(client, f"/events/{event.pk}/card.png")
    assert first.size == (1200, 630)
    # Not a blank page: ink, the kind's colour and the background, anti-aliased between.
    assert len(first.convert("RGB").getcolors(maxcolors=1_000_000)) > 50
    assert (0, 114, 178) in {colour for _, colour in first.convert("RGB").getcolors(1_000_000)}

    event.title = "وزيرا الخارجية يلتقيان في الدوحة"
    event.save()
    second = card(client, f"/events/{event.pk}/card.png")
    assert second.tobytes() != first.tobytes()


def test_a_card_is_cacheable_and_answers_304_to_its_etag(client):
    event = confirmed()
    response = client.get(f"/events/{event.pk}/card.png")
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    again = client.get(f"/events/{event.pk}/card.png", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    # Link checkers ask with HEAD.
    assert client.head(f"/events/{event.pk}/card.png").status_code == 200


def test_a_story_card_is_drawn_for_a_published_story(client):
    story = Story.objects.create(title="مفاوضات مسقط", slug="muscat", published=True)
    story.events.add(confirmed())
    assert card(client, "/stories/muscat/card.png").size == (1200, 630)


def test_readers_get_no_card_for_a_candidate_or_an_unpublished_story(client):
    candidate = confirmed(status=Event.Status.CANDIDATE)
    Story.objects.create(title="مسودة", slug="draft", published=False)
    assert client.get(f"/events/{candidate.pk}/card.png").status_code == 404
    assert client.get("/stories/draft/card.png").status_code == 404
    # An editor sees them, and no shared cache keeps them.
    client.force_login(make_editor())
    response = client.get(f"/events/{candidate.pk}/card.png")
    assert response.status_code == 200 and "public" not in response["Cache-Control"]
    assert client.get("/stories/draft/card.png").status_code == 200


def test_the_share_tags_of_an_event_without_an_image_point_to_its_card(client):
    event = confirmed()
    html = client.get(event.get_absolute_url()).content.decode()
    card_url = f"http://testserver/events/{event.pk}/card.png"
    assert meta(html, "og:image") == card_url
    assert meta(html, "twitter:image") == card_url
    assert meta(html, "og:image:width") == "1200"
    assert meta(html, "og:image:height") == "630"
    assert meta(html, "og:image:alt") == event.title
    assert meta(html, "twitter:image:alt") == event.title
    assert meta(html, "twitter:card") == "summary_large_image"


def test_the_share_tags_of_an_event_with_an_image_point_to_the_image(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    event = confirmed()
    image = add_event_image(event, png(), caption=CAPTION, credit=CREDIT, alt_text=ALT)
    html = client.get(event.get_absolute_url()).content.decode()
    assert meta(html, "og:image") == f"http://testserver{image.url}"
    assert meta(html, "twitter:image") == f"http://testserver{image.url}"
    assert meta(html, "og:image:width") == str(image.width)
    assert meta(html, "og:image:alt") == ALT


def test_the_share_tags_of_a_story_point_to_its_card(client):
    Story.objects.create(title="مفاوضات مسقط", slug="muscat", published=True)
    html = client.get("/stories/muscat/").content.decode()
    assert meta(html, "og:image") == "http://testserver/stories/muscat/card.png"
    assert meta(html, "og:image:alt") == "مفاوضات مسقط"


def test_a_long_title_is_wrapped_to_three_lines_that_fit_and_end_cut():
    draw = ImageDraw.Draw(Image.new("RGB", (1200, 630)))
    font = font_for("مفاوضات", BOLD, 62)
    lines = wrap(draw, "جولة جديدة من المفاوضات النووية في مسقط " * 6, font, 1040)
    assert len(lines) == 3 and lines[-1].endswith("...")
    for line in lines:
        left, _, right, _ = draw.textbbox((0, 0), line, font=font, direction="rtl")
        assert right - left <= 1040
    assert wrap(draw, "قمة مسقط", font, 1040) == ["قمة مسقط"]


def test_a_title_with_latin_letters_or_quotes_is_drawn_in_the_font_that_has_them():
    assert "Naskh" in font_for("قمة مسقط", BOLD, 62).path
    assert "DejaVu" in font_for('قمة "G20" في الرياض', BOLD, 62).path


def test_the_cards_colours_are_the_timelines():
    css = (REPO / "static" / "timeline" / "timeline.css").read_text()
    in_css = dict(re.findall(r"\.kind-([a-z]+) \{ --kind: (#[0-9a-f]{6}); \}", css))
    assert in_css == KIND_COLOURS
    assert set(KIND_COLOURS) == set(EventKind.values)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_chromium_shows_the_shared_cards(browser, live_server):  # noqa: F811
    event = confirmed("وزيرا خارجية إيران والولايات المتحدة يلتقيان في مسقط لبحث المفاوضات")
    story = Story.objects.create(title="مفاوضات مسقط", slug="muscat", published=True)
    story.events.add(event)
    page = new_page(browser, width=1200, height=630)
    for name, url in (
        ("share-card-event", event.get_absolute_url()),
        ("share-card-story", "/stories/muscat/"),
    ):
        page.goto(live_server.url + url)
        image_url = page.locator('meta[property="og:image"]').get_attribute("content")
        assert image_url == f"{live_server.url}{url}card.png"
        response = page.goto(image_url)
        assert response.ok and response.headers["content-type"] == "image/png"
        size = page.locator("img").evaluate("img => [img.naturalWidth, img.naturalHeight]")
        assert size == [1200, 630]
        screenshot(page, name)
    page.context.close()
