"""Event images: checking an uploaded or fetched file and making its web sizes.

Nothing a user sends is ever served as it came. The bytes must be a JPEG, PNG,
WebP or GIF by their content (Pillow reads and verifies them; the name and the
declared type are ignored), at most IMAGE_MAX_BYTES long and IMAGE_MAX_PIXELS
decoded (a few bytes of PNG can claim a picture of billions of pixels). SVG is
refused outright: it is a document that can carry scripts. The picture is then
turned upright (EXIF orientation), stripped of every metadata block (EXIF, GPS,
XMP, ICC, comments) and re-encoded as WebP at web widths: what is stored and
served is only what Pillow wrote. An animated GIF keeps its first frame.
"""

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# The widths the pages ask for (srcset); a smaller picture is never enlarged.
WIDTHS = (480, 960, 1600)
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
WEBP_QUALITY = 82

# Limits of the texts that go with an image (characters).
CAPTION_MAX_CHARS = 300
CREDIT_MAX_CHARS = 200
ALT_MAX_CHARS = 300


class ImageRejected(ValueError):
    """The file is not an image we accept; the message says why, for the editor."""


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    data: bytes  # WebP


def _looks_like_svg(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head


def open_checked(data: bytes) -> Image.Image:
    """The picture in `data`, loaded and upright; ImageRejected with the reason if not."""
    if len(data) > settings.IMAGE_MAX_BYTES:
        raise ImageRejected(
            _("الملف أكبر من الحد المسموح (%(limit)s ميغابايت).")
            % {"limit": f"{settings.IMAGE_MAX_BYTES / 1_000_000:g}"}
        )
    if not data:
        raise ImageRejected(_("الملف فارغ."))
    if _looks_like_svg(data):
        raise ImageRejected(_("صور SVG غير مقبولة: ارفع JPEG أو PNG أو WebP أو GIF."))
    too_large = _("الصورة أكبر من الحد المسموح (%(limit)s مليون نقطة).") % {
        "limit": f"{settings.IMAGE_MAX_PIXELS / 1_000_000:g}"
    }
    not_an_image = _("الملف ليس صورة JPEG أو PNG أو WebP أو GIF سليمة.")
    try:
        with warnings.catch_warnings():
            # Pillow warns, then refuses, past its own limit: both are a refusal here.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Read twice: verify() checks the file's structure and leaves it unusable.
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in ACCEPTED_FORMATS:
                    raise ImageRejected(not_an_image)
                width, height = probe.size
                if width * height > settings.IMAGE_MAX_PIXELS:
                    raise ImageRejected(too_large)
                probe.verify()
            image = Image.open(io.BytesIO(data))
            image.seek(0)
            image.load()
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected(too_large) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        # Pillow's parsers raise all of these on a damaged or disguised file.
        raise ImageRejected(not_an_image) from None
    return ImageOps.exif_transpose(image)


def renditions(image: Image.Image) -> list[Rendition]:
    """The picture at each web width up to its own (smallest first), as clean WebP."""
    if image.mode not in ("RGB", "RGBA"):
        has_alpha = image.mode in ("LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    widths = sorted(
        {*(width for width in WIDTHS if width < image.width), min(image.width, WIDTHS[-1])}
    )
    out = []
    for width in widths:
        height = max(1, round(image.height * width / image.width))
        sized = image.resize((width, height), Image.Resampling.LANCZOS)
        sized.info = {}  # no EXIF, XMP, ICC profile or comment goes out
        buffer = io.BytesIO()
        sized.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
        out.append(Rendition(width=width, height=height, data=buffer.getvalue()))
    return out


def prepare(data: bytes) -> list[Rendition]:
    """Check the bytes and make their web sizes; ImageRejected says what is wrong."""
    image = open_checked(data)
    try:
        return renditions(image)
    except (OSError, ValueError):
        # A mode or a profile Pillow reads but cannot convert: refused, not a server error.
        raise ImageRejected(_("الملف ليس صورة JPEG أو PNG أو WebP أو GIF سليمة.")) from None
