"""Event images: editors add them (upload or URL fetched once), readers see them on
the event page, the cards and in the TimelineJS export; bad files are refused."""

import io
import json
import random
import re
import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache
from django.test import Client
from PIL import Image

from tests.factories import make_editor, make_event, make_reader
from timeline.actions import add_event_image
from timeline.history import event_history
from timeline.images import ImageRejected
from timeline.models import Event, EventImage

pytestmark = pytest.mark.django_db

ALT = "وزيرا الخارجية يتصافحان أمام العلمين"
CAPTION = "لقاء الوزيرين في إسطنبول"
CREDIT = "وكالة الأنباء"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SERVE_MEDIA = True
    return settings.MEDIA_ROOT


def png(width: int = 1200, height: int = 800, color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


def upload(data: bytes, name: str = "photo.png") -> io.BytesIO:
    file = io.BytesIO(data)
    file.name = name
    return file


def form(data: bytes | None = None, name: str = "photo.png", **fields) -> dict:
    values = {"caption": CAPTION, "credit": CREDIT, "alt_text": ALT, **fields}
    if data is not None:
        values["image"] = upload(data, name)
    return values


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


@pytest.fixture
def event():
    return make_event(status=Event.Status.CONFIRMED)


def stored_files(media_root) -> list:
    return sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []


def test_an_upload_shows_with_its_alt_text_on_the_page_the_cards_and_the_export(
    editor_client, event, media_root
):
    response = editor_client.post(f"/events/{event.pk}/images/", form(png(2000, 1000)))
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()

    reader = Client()
    page = reader.get(event.get_absolute_url()).content.decode()
    img = re.search(r'<figure class="event-image"[^>]*>\s*<img ([^>]+)>', page).group(1)
    assert f'alt="{ALT}"' in img
    # Web sizes, never wider than 1600 nor than the original.
    widths = re.findall(r" (\d+)w", re.search(r'srcset="([^"]+)"', img).group(1))
    assert widths == ["480", "960", "1600"]
    assert CAPTION in page and CREDIT in page

    # The stored files are WebP that Django serves here (SERVE_MEDIA, as in DEBUG).
    src = re.search(r'src="([^"]+)"', img).group(1)
    served = reader.get(src)
    assert served.status_code == 200
    assert Image.open(io.BytesIO(b"".join(served.streaming_content))).format == "WEBP"
    assert len(stored_files(media_root)) == 3

    # The card on the timeline: the small one, loaded lazily.
    timeline = reader.get("/").content.decode()
    card_img = re.search(r'<img class="card-image" ([^>]+)>', timeline).group(1)
    assert f'alt="{ALT}"' in card_img and 'loading="lazy"' in card_img
    assert "-480.webp" in re.search(r'src="([^"]+)"', card_img).group(1)

    slide = reader.get("/timeline.json").json()["events"][0]
    assert slide["media"]["alt"] == ALT
    assert slide["media"]["caption"] == CAPTION and slide["media"]["credit"] == CREDIT
    assert slide["media"]["url"].startswith("http://testserver/media/events/")
    assert slide["media"]["url"].endswith("-1600.webp")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "photo.jpg",
            "هذا نص وليس صورة".encode() * 10,
            "ليس صورة JPEG أو PNG أو WebP أو GIF سليمة",
        ),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "صور SVG غير مقبولة",
        ),
        (
            "logo.png",  # an SVG whatever it is called
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
            "صور SVG غير مقبولة",
        ),
        ("empty.png", b"", "الملف فارغ"),
    ],
    ids=["text-named-jpg", "svg", "svg-named-png", "empty"],
)
def test_files_that_are_not_images_are_refused_with_a_message(
    editor_client, event, media_root, name, data, message
):
    response = editor_client.post(f"/events/{event.pk}/images/", form(data, name))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not EventImage.objects.exists() and stored_files(media_root) == []


def test_other_image_formats_are_refused(editor_client, event, media_root):
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50)).save(buffer, "BMP")  # Pillow reads it, the site does not take it
    response = editor_client.post(f"/events/{event.pk}/images/", form(buffer.getvalue()))
    assert response.status_code == 400
    assert "ليس صورة JPEG أو PNG أو WebP أو GIF سليمة" in response.content.decode()
    assert not EventImage.objects.exists() and stored_files(media_root) == []


def test_the_size_limit_holds_whatever_brings_the_bytes(event, settings, media_root):
    settings.IMAGE_MAX_BYTES = 20_000
    with pytest.raises(ImageRejected, match=re.escape("(0.02 ميغابايت)")):
        add_event_image(event, png() + bytes(20_000), caption="c", credit="c", alt_text="a")
    assert stored_files(media_root) == []


def test_a_file_over_the_size_limit_is_refused(editor_client, event, settings, media_root):
    settings.IMAGE_MAX_BYTES = 20_000
    noise = Image.frombytes("RGB", (200, 200), random.Random(0).randbytes(200 * 200 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    assert len(buffer.getvalue()) > 20_000
    response = editor_client.post(f"/events/{event.pk}/images/", form(buffer.getvalue()))
    assert response.status_code == 400
    assert "الملف أكبر من الحد المسموح (0.02 ميغابايت)" in response.content.decode()
    assert not EventImage.objects.exists() and stored_files(media_root) == []


def bomb(width: int, height: int) -> bytes:
    """A PNG whose header claims width × height pixels, in a few bytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit grey
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("size", [(8_000, 8_000), (100_000, 100_000)], ids=["64M", "10G"])
def test_a_decompression_bomb_is_refused(editor_client, event, media_root, size):
    data = bomb(*size)
    assert len(data) < 200
    response = editor_client.post(f"/events/{event.pk}/images/", form(data))
    assert response.status_code == 400
    assert "الصورة أكبر من الحد المسموح (40 مليون نقطة)" in response.content.decode()
    assert not EventImage.objects.exists() and stored_files(media_root) == []


def test_orientation_is_applied_and_metadata_stripped(event, media_root):
    image = Image.new("RGB", (400, 200), (10, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x8825] = {2: (48.0, 51.0, 30.0)}  # GPS latitude
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"secret comment")
    stored = add_event_image(event, buffer.getvalue(), caption="c", credit="c", alt_text="a")
    assert (stored.width, stored.height) == (200, 400)  # upright: portrait
    written = Image.open(stored.file.open("rb"))
    assert written.format == "WEBP"
    assert not written.getexif() and "icc_profile" not in written.info
    assert "exif" not in written.info and "xmp" not in written.info
    assert b"CameraMaker" not in media_root.joinpath(stored.file.name).read_bytes()


def test_readers_cannot_add_or_remove_images(client, event, media_root):
    image = add_event_image(event, png(), caption="c", credit="c", alt_text="a")
    url = f"/events/{event.pk}/images/"
    anonymous = client.post(url, form(png()))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    client.force_login(make_reader())
    assert client.post(url, form(png())).status_code == 403
    assert client.post(f"/images/{image.pk}/remove/").status_code == 403
    assert list(EventImage.objects.all()) == [image]
    # Readers see no upload form.
    assert (
        'enctype="multipart/form-data"' not in client.get(event.get_absolute_url()).content.decode()
    )


def test_texts_are_required_and_limited(editor_client, event, media_root):
    response = editor_client.post(
        f"/events/{event.pk}/images/", form(png(), caption="ت" * 301, alt_text="", credit="")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "التعليق أطول من 300 حرف." in html
    assert "صف ما في الصورة لمن لا يراها." in html
    assert "اذكر مصدر الصورة وصاحب حقوقها." in html
    assert not EventImage.objects.exists() and stored_files(media_root) == []
    # Neither a file nor a URL.
    response = editor_client.post(f"/events/{event.pk}/images/", form())
    assert "ارفع ملف صورة أو أعطِ رابطها." in response.content.decode()


def test_the_event_page_has_the_upload_form_for_editors(editor_client, event):
    html = editor_client.get(event.get_absolute_url()).content.decode()
    form_html = re.search(r'<form class="image-form".*?</form>', html, re.S).group(0)
    assert 'enctype="multipart/form-data"' in form_html
    assert 'name="csrfmiddlewaretoken"' in form_html
    assert 'accept="image/jpeg,image/png,image/webp,image/gif"' in form_html


class _ImageServer:
    def __init__(self, body: bytes, content_type: str = "image/png"):
        self.hits = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                owner.hits += 1
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/photo.png"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_an_image_url_is_fetched_once_and_served_from_here(editor_client, event, settings):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = True  # the test's server is on loopback
    server = _ImageServer(png(600, 300))
    try:
        response = editor_client.post(f"/events/{event.pk}/images/", form(url=server.url))
        assert response.status_code == 302
        image = EventImage.objects.get()
        assert image.source_url == server.url and (image.width, image.height) == (600, 300)
        html = Client().get(event.get_absolute_url()).content.decode()
        html += Client().get("/").content.decode()
        html += Client().get("/timeline.json").content.decode()
        assert server.url not in html  # pages link to our copy, never to the source
        assert server.hits == 1
    finally:
        server.close()


def test_an_image_url_on_the_private_network_is_refused(editor_client, event, settings):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False
    server = _ImageServer(png())
    try:
        response = editor_client.post(f"/events/{event.pk}/images/", form(url=server.url))
        assert response.status_code == 400
        assert "لا يُسمح بجلب عناوين الشبكة الداخلية" in response.content.decode()
        assert server.hits == 0 and not EventImage.objects.exists()
    finally:
        server.close()


def test_removing_an_image_deletes_its_files_and_is_in_the_history(
    editor_client, event, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"/events/{event.pk}/images/", form(png()))
    image = EventImage.objects.get()
    assert len(stored_files(media_root)) == 3
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/images/{image.pk}/remove/")
    assert response.status_code == 302
    assert not EventImage.objects.exists() and stored_files(media_root) == []
    lines = [(line.who, line.what, line.subject) for line in event_history(event)]
    assert ("editor", "حذف", "صورة") in lines and ("editor", "أنشأ", "صورة") in lines


def test_adding_an_image_moves_the_reader_cache_generation(event, settings):
    settings.READER_CACHE_SECONDS = 60
    cache.clear()
    client = Client()
    before = client.get(event.get_absolute_url()).content.decode()
    assert ALT not in before
    add_event_image(event, png(), caption=CAPTION, credit=CREDIT, alt_text=ALT)
    assert ALT in client.get(event.get_absolute_url()).content.decode()
    cache.clear()


def test_timelinejs_export_escapes_image_texts(event):
    add_event_image(event, png(), caption="<b>x</b>", credit="a & b", alt_text='"q"')
    media = json.loads(Client().get("/timeline.json").content)["events"][0]["media"]
    assert media["caption"] == "&lt;b&gt;x&lt;/b&gt;" and media["credit"] == "a &amp; b"
    assert media["alt"] == "&quot;q&quot;"


def test_the_admin_lists_an_events_images_and_deleting_the_event_deletes_their_files(
    client, event, media_root, django_capture_on_commit_callbacks
):
    from tests.factories import make_admin

    with django_capture_on_commit_callbacks(execute=True):
        image = add_event_image(event, png(), caption=CAPTION, credit=CREDIT, alt_text=ALT)
    client.force_login(make_admin())
    html = client.get(f"/admin/timeline/event/{event.pk}/change/").content.decode()
    assert f'<img src="{image.small_url}" alt="{ALT}"' in html
    assert f'value="{CREDIT}"' in html
    assert len(stored_files(media_root)) == 3  # 480, 960 and the picture's own 1200
    with django_capture_on_commit_callbacks(execute=True):
        event.delete()
    assert stored_files(media_root) == []


def test_a_shared_event_link_previews_its_image(event):
    image = add_event_image(event, png(), caption=CAPTION, credit=CREDIT, alt_text=ALT)
    html = Client().get(event.get_absolute_url()).content.decode()
    assert f'<meta property="og:image" content="http://testserver{image.url}">' in html
    assert f'<meta property="og:image:alt" content="{ALT}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
