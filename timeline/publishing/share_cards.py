"""The picture a shared link shows when its event has no image of its own.

`/events/<id>/card.png` and `/stories/<slug>/card.png` are 1200×630 PNGs (the size
link previews ask for), drawn with Pillow: the kind's label in the kind's colour, the
Arabic title on at most three lines, the date as the site writes it, the site's name.
The font is Noto Naskh Arabic, shipped in static/fonts/ (OFL); libraqm shapes the
letters and lays them right to left. Naskh has no Latin letters and little punctuation
(no quotes, «/», «–», «?»): a text that needs one is drawn whole in DejaVu Sans (also
shipped there), which has both scripts, so that no character is a blank box and the
direction of the line stays one layout's. The card is always in Arabic, as titles are.

Drawing one costs tens of milliseconds, so the bytes are kept with the reader pages'
generation (`timeline.reader_cache.cached_answer`): any change readers see draws them
anew. Only what readers may see has a card; an editor may see a candidate's, never
kept by a shared cache.
"""

import hashlib
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db.models import Max, Min
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_safe
from PIL import Image, ImageDraw, ImageFont

from timeline.access import is_editor
from timeline.event_kinds import EventKind
from timeline.models import Event, Story
from timeline.reader.dates import format_hijri_period, format_period, site_date_style
from timeline.reader_cache import cached_answer, generation

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
TITLE_MAX_LINES = 3
# How long a platform or a browser may keep a card before asking again (with its ETag).
MAX_AGE_SECONDS = 600

FONTS = settings.BASE_DIR / "static" / "fonts"
# (Naskh, the fallback with Latin and punctuation), regular and bold.
REGULAR = (FONTS / "NotoNaskhArabic-Regular.ttf", FONTS / "DejaVuSans.ttf")
BOLD = (FONTS / "NotoNaskhArabic-Bold.ttf", FONTS / "DejaVuSans-Bold.ttf")

BACKGROUND = (255, 255, 255)
INK = (28, 30, 38)
MUTED = (85, 89, 106)
# Each kind's colour, as the cards of the timeline show it (static/timeline/timeline.css
# `.kind-*`; tests/test_share_cards.py checks that the two agree).
KIND_COLOURS = {
    "meeting": "#0072b2",
    "talks": "#00795a",
    "visit": "#1f6f9f",
    "deadline": "#b34700",
    "agreement": "#7a5c00",
    "attack": "#b00020",
    "election": "#a8457f",
    "statement": "#6a3d9a",
    "other": "#55596a",
    "decision": "#9c4a00",
    "legal": "#2f4b7c",
    "protest": "#a0285a",
    "disaster": "#6b4226",
    "sports": "#1b7a3d",
    "economy": "#00695c",
}
STORY_COLOUR = "#55596a"


@dataclass(frozen=True)
class Card:
    label: str
    colour: str
    title: str
    date: str


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


@cache
def _has_glyph(path: Path, char: str) -> bool:
    """Whether the font draws `char` (rather than its «missing glyph» box)."""
    if char.isspace() or unicodedata.category(char) in ("Cf", "Mn"):
        return True  # nothing to draw, or drawn on the letter before
    font = _font(path, 40)
    missing = font.getmask("\uffff")
    mask = font.getmask(char)
    return mask.size != missing.size or bytes(mask) != bytes(missing)


def font_for(text: str, fonts: tuple[Path, Path], size: int) -> ImageFont.FreeTypeFont:
    """Naskh if it has every character of `text`, else the fallback."""
    naskh, fallback = fonts
    return _font(naskh if all(_has_glyph(naskh, c) for c in text) else fallback, size)


def _width(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont) -> float:
    left, _top, right, _bottom = draw.textbbox((0, 0), text, font=font, direction="rtl")
    return right - left


def _cut(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """The text, shortened to end in «…» («...» in Naskh) if it is wider than `width`."""
    if _width(draw, text, font) <= width:
        return text
    mark = "…" if _has_glyph(Path(str(font.path)), "…") else "..."
    while text and _width(draw, text + mark, font) > width:
        text = text[:-1].rstrip()
    return text + mark


def wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    """The words of `text` in lines at most `width` wide, at most TITLE_MAX_LINES of them;
    what does not fit ends the last line in «…»."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < TITLE_MAX_LINES:
        line = words.pop(0)
        while words and _width(draw, f"{line} {words[0]}", font) <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = _cut(draw, f"{lines[-1]} {' '.join(words)}", font, width)
    return [_cut(draw, line, font, width) for line in lines]


def draw_card(card: Card) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    right, text_width = WIDTH - MARGIN, WIDTH - 2 * MARGIN
    # A band of the kind's colour along the right edge, where an Arabic reader starts.
    draw.rectangle((WIDTH - 24, 0, WIDTH, HEIGHT), fill=card.colour)
    draw.text(
        (right, 56),
        card.label,
        font=font_for(card.label, BOLD, 40),
        fill=card.colour,
        anchor="ra",
        direction="rtl",
    )
    y = 140
    title_font = font_for(card.title, BOLD, 62)
    for line in wrap(draw, card.title, title_font, text_width):
        draw.text((right, y), line, font=title_font, fill=INK, anchor="ra", direction="rtl")
        y += 104
    if card.date:
        date_font = font_for(card.date, REGULAR, 36)
        draw.text(
            (right, y + 12),
            _cut(draw, card.date, date_font, text_width),
            font=date_font,
            fill=MUTED,
            anchor="ra",
            direction="rtl",
        )
    draw.line((MARGIN, 548, right, 548), fill=(222, 224, 230), width=2)
    site_name = gettext("الخط الزمني")
    draw.text(
        (right, 560),
        site_name,
        font=font_for(site_name, BOLD, 34),
        fill=MUTED,
        anchor="ra",
        direction="rtl",
    )
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def event_card(event: Event) -> Card:
    style = site_date_style()
    day = format_period(event.first_day, event.last_day, event.granularity, event.mod, style)
    hijri = format_hijri_period(event.first_day, event.last_day, event.granularity, style)
    return Card(
        label=str(EventKind(event.kind).label),
        colour=KIND_COLOURS.get(event.kind, KIND_COLOURS["other"]),
        title=event.title,
        date=f"{day}، {hijri}" if hijri else day,
    )


def story_card(story: Story) -> Card:
    """A story's card: its title and the months its confirmed events span."""
    span = story.events.filter(status=Event.Status.CONFIRMED).aggregate(
        first=Min("first_day"), last=Max("last_day")
    )
    style = site_date_style()
    first, last = span["first"], span["last"]
    date = ""
    if first is not None and last is not None:
        start = format_period(first, first, "month", None, style)
        end = format_period(last, last, "month", None, style)
        date = start if start == end else f"{start} – {end}"
    return Card(label=gettext("قصة"), colour=STORY_COLOUR, title=story.title, date=date)


def _png(
    request: HttpRequest, variant: str, card: Callable[[], Card], public: bool
) -> HttpResponse:
    """The card's bytes (kept with the reader pages' generation), with an ETag."""

    def compute() -> bytes:
        with translation.override(settings.LANGUAGE_CODE):
            return draw_card(card())

    current = generation()
    data = cached_answer(current, variant, compute) if current is not None else compute()
    etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
    cache_control = f"public, max-age={MAX_AGE_SECONDS}" if public else "private, no-store"
    response: HttpResponse
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(data, content_type="image/png")
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    return response


@require_safe
def event_card_png(request: HttpRequest, event_id: int) -> HttpResponse:
    """/events/<id>/card.png: 404 for an event the user may not see."""
    event = get_object_or_404(Event.objects.visible_to(request.user), pk=event_id)
    public = event.status == Event.Status.CONFIRMED
    return _png(request, f"share-card:event:{event.pk}", lambda: event_card(event), public)


@require_safe
def story_card_png(request: HttpRequest, slug: str) -> HttpResponse:
    """/stories/<slug>/card.png: 404 for an unpublished story, but to editors."""
    story = get_object_or_404(Story, slug=slug)
    if not story.published and not is_editor(request.user):
        raise Http404("No such story.")
    return _png(request, f"share-card:story:{story.pk}", lambda: story_card(story), story.published)
