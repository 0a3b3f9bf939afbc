"""The README's «first hour», walked in Debian's Chromium, taking the README's pictures.

An editor made by `createuser` signs in, an article is ingested from a .jsonl file,
`pipeline_status` shows it extracted, the editor reviews its candidates, gathers
them in a new story and publishes it; a reader then sees the story. Each main view
is photographed: into test-output/tour/ on every run, into docs/screenshots/ with
`make screenshots` (TOUR_SCREENSHOTS=docs/screenshots), as small palette PNGs.

Only the seed article and the short article written below appear in the pictures.
"""

import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import REPO, SEED_PATH, missing_service
from tests.test_browser import browser, new_page  # noqa: F401 - the fixture
from timeline.models import Event, Story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OUTPUT = Path(
    os.environ.get("TOUR_SCREENSHOTS")
    or Path(os.environ.get("TEST_OUTPUT_DIR", REPO / "test-output")) / "tour"
)
if not OUTPUT.is_absolute():
    OUTPUT = REPO / OUTPUT
MAX_BYTES = 150_000
PASSWORD = "tour-password-5127"

# Written for this tour: a made-up event, no outlet's text.
ARTICLE = {
    "title": "افتتاح معرض الكتاب في عمّان بمشاركة مئتي دار نشر",
    "text": (
        "افتتح وزير الثقافة يوم الأحد معرض الكتاب السنوي في عمّان بمشاركة مئتي دار نشر "
        "من عشرين بلداً.\n\n"
        "وقال المنظمون إن ندوة عن الترجمة الأدبية تعقد يوم الثلاثاء المقبل في قاعة المعرض، "
        "وإن المعرض يختتم أعماله يوم الجمعة المقبل.\n\n"
        "وكان المعرض قد ألغي في عام 2020 بسبب الجائحة."
    ),
    "published": "2025-07-20",
    "source": "نشرة الثقافة",
}


@pytest.fixture(autouse=True)
def plain_http_cookies(settings):
    # The live server speaks plain HTTP; production cookies are Secure.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def photograph(page, name: str) -> Path:
    """A viewport screenshot, reduced to a 256-colour palette: text and flat colours
    lose nothing visible, and the file shrinks to a fraction."""
    from PIL import Image

    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"{name}.png"
    page.screenshot(path=path)
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
    assert path.stat().st_size < MAX_BYTES, f"{path} is {path.stat().st_size:,} bytes"
    return path


def test_the_first_hour(browser, live_server, tmp_path, monkeypatch):  # noqa: F811
    if not SEED_PATH.exists():
        missing_service(f"seed article not found at {SEED_PATH}")
    call_command("load_demo", str(SEED_PATH), published="2025-07-20", stdout=StringIO())
    site = live_server.url

    # 1. The reader's timeline, and one event opened beside it.
    reader = new_page(browser, width=1280, height=800)
    reader.goto(site + "/")
    reader.locator(".event-card").first.wait_for()
    photograph(reader, "timeline")
    reader.get_by_role("link", name="اسطنبول").first.click()
    reader.locator("#event-panel h2").wait_for()
    reader.locator("#event-panel").evaluate("e => e.scrollIntoView({block: 'start'})")
    photograph(reader, "event-panel")

    # 2. An editor, as the README makes one.
    monkeypatch.setenv("NEWSROOM_PASSWORD", PASSWORD)
    call_command("createuser", "huda", "--role", "editor", stdout=StringIO())

    # 3. An article from a .jsonl file; extraction runs in-process in the tests.
    feed = tmp_path / "articles.jsonl"
    feed.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    out = StringIO()
    call_command("ingest", str(feed), stdout=out, stderr=StringIO())
    assert "Done: 1 stored" in out.getvalue()

    # 4. Watching the pipeline until nothing waits.
    out = StringIO()
    call_command("pipeline_status", "--watch", "--until-done", "--interval", "0.5", stdout=out)
    assert "Oldest queued:      none" in out.getvalue()

    # 5. The editor signs in and reviews the article's candidates.
    page = new_page(browser, width=1280, height=800)
    page.goto(site + "/accounts/login/?next=/review/")
    page.get_by_label("اسم المستخدم").fill("huda")
    page.get_by_label("كلمة المرور").fill(PASSWORD)
    page.get_by_role("button", name="دخول").click()
    page.wait_for_url("**/review/")
    candidates = list(
        Event.objects.filter(
            status=Event.Status.CANDIDATE, sources__article__title=ARTICLE["title"]
        ).distinct()
    )
    assert len(candidates) >= 2
    page.locator(f"#review-{candidates[0].pk}").wait_for()
    photograph(page, "review-queue")

    # 6. A story for them, published.
    page.goto(site + "/review/stories/")
    page.get_by_label("العنوان").fill("معرض عمّان للكتاب")
    page.get_by_label("المعرّف في الرابط").fill("amman-book-fair")
    page.get_by_label("الوصف").fill("افتتاح المعرض وندواته وختامه.")
    page.get_by_label("منشورة").check()
    page.get_by_role("button", name="إنشاء القصة").click()
    page.wait_for_url("**/review/stories/*/")
    story = Story.objects.get(slug="amman-book-fair")
    assert story.published

    page.goto(site + "/review/")
    for event in candidates:
        page.locator(f"#select-{event.pk}").check()
    page.locator("#bulk-story").select_option(str(story.pk))
    page.get_by_role("button", name="إضافة إلى القصة").click()
    page.get_by_role("status").wait_for()
    for event in candidates:
        page.locator(f"#select-{event.pk}").check()
    page.get_by_role("button", name="تأكيد", exact=True).first.click()
    page.get_by_text("أُكّد").wait_for()
    assert set(story.events.values_list("status", flat=True)) == {Event.Status.CONFIRMED}

    # 7. The reader sees the published story.
    reader.goto(site + story.get_absolute_url())
    reader.get_by_text("افتتاح").first.wait_for()
    assert reader.locator(".event-card").count() == len(candidates)
    photograph(reader, "story")

    # 8. The article with its dates marked, and the admin's lists.
    article = candidates[0].sources.first().article
    assert article.source.name == "نشرة الثقافة"
    page.goto(site + article.get_absolute_url())
    photograph(page, "article")

    admin = new_page(browser, width=1280, height=1200)  # the date range filter in view
    call_command("createuser", "admin", "--role", "admin", stdout=StringIO())
    admin.goto(site + "/admin/login/?next=/admin/timeline/article/")
    admin.locator("#id_username").fill("admin")
    admin.locator("#id_password").fill(PASSWORD)
    admin.locator("input[type=submit]").click()
    admin.wait_for_url("**/admin/timeline/article/")
    admin.locator("input[name=published__range__gte]").wait_for()
    photograph(admin, "admin-articles")

    # Fields in the site's Arabic font, never monospace.
    admin.goto(site + f"/admin/timeline/article/{article.pk}/change/")
    for field in ("textarea#id_body", "input#id_title"):
        font = admin.locator(field).evaluate("e => getComputedStyle(e).fontFamily")
        assert font.startswith('"Noto Naskh Arabic"'), font
    page.goto(site + "/articles/new/")
    font = page.locator("textarea").first.evaluate("e => getComputedStyle(e).fontFamily")
    assert "Naskh" in font and "monospace" not in font, font
    for context in {reader.context, page.context, admin.context}:
        context.close()
