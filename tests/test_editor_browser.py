"""Editors in Debian's Chromium: the review queue, annotations, merge, a story, and
hostile input rendered inert on every page it can reach.

Screenshots go to test-output/screenshots/ (review-queue, event-annotated, admin-events).
"""

import json
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import expect

from tests.factories import make_admin, make_editor, make_event
from tests.test_browser import axe_violations, browser, new_page, screenshot  # noqa: F401 - the fixture
from timeline.models import Annotation, Article, Event, Story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def plain_http_cookies(settings):
    # The live server speaks plain HTTP; production cookies are Secure.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def signed_in(browser, live_server, user: User | None):  # noqa: F811
    page = new_page(browser)
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies["sessionid"].value
        page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    return page


def test_review_queue_confirm_reject_correct_bulk_and_keys(browser, live_server):  # noqa: F811
    events = [make_event(f"حدث رقم {i}") for i in range(6)]
    page = signed_in(browser, live_server, make_editor())
    page.goto(live_server.url + "/review/?order=date")
    screenshot(page, "review-queue")
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, ensure_ascii=False)

    # Confirm the first through HTMX: the next candidate takes focus.
    page.locator(f"#review-{events[0].pk} button.confirm").click()
    page.locator(f"#review-{events[0].pk}.done").wait_for()
    assert page.evaluate("document.activeElement.id") == f"review-{events[1].pk}"
    # The count follows, in Arabic agreement (3–10: plural noun).
    assert page.locator("#review-count").inner_text() == "5 أحداث مقترحة"
    # Keyboard: r rejects the focused one, j moves on, c confirms.
    page.keyboard.press("r")
    page.locator(f"#review-{events[1].pk}.done").wait_for()
    assert page.evaluate("document.activeElement.id") == f"review-{events[2].pk}"
    page.keyboard.press("c")
    page.locator(f"#review-{events[2].pk}.done").wait_for()
    # Correct inline.
    page.locator(f"#review-{events[3].pk} a.correct").click()
    form = page.locator(f"#review-{events[3].pk} form.correct-form")
    form.get_by_label("العنوان").fill("عنوان صححه المحرر")
    form.get_by_role("button", name="حفظ وتأكيد").click()
    page.locator(f"#review-{events[3].pk}.done").wait_for()
    # Bulk: x selects, then reject the selection.
    page.locator(f"#review-{events[4].pk}").focus()
    page.keyboard.press("x")
    page.locator(f"#select-{events[5].pk}").check()
    page.get_by_role("button", name="رفض", exact=True).first.click()
    page.get_by_text("رُفض حدثان.").wait_for()  # the dual

    statuses = {e.pk: Event.objects.get(pk=e.pk) for e in events}
    assert [statuses[e.pk].status for e in events] == [
        "confirmed", "rejected", "confirmed", "confirmed", "rejected", "rejected",
    ]  # fmt: skip
    assert statuses[events[3].pk].title == "عنوان صححه المحرر"
    assert statuses[events[3].pk].edited_by_editor
    page.context.close()


def test_merge_and_split_in_place_keep_the_queues_filters_and_page(
    browser,  # noqa: F811
    live_server,
    monkeypatch,
):
    monkeypatch.setattr("timeline.editorial.views.QUEUE_PAGE_SIZE", 3)
    events = [make_event(f"حدث {n}", day=date(2025, 1, 1 + n)) for n in range(9)]
    page = signed_in(browser, live_server, make_editor())
    page.goto(live_server.url + "/review/?order=date")
    # Filter (through HTMX), then go to the second page.
    page.get_by_label("إلى").fill("2025-01-08")
    page.wait_for_url("**end=2025-01-08**")
    page.get_by_role("link", name="التالي").click()
    page.wait_for_url("**page=2**")
    queue_url = page.url
    assert "end=2025-01-08" in queue_url
    assert items(page) == [events[3].pk, events[4].pk, events[5].pk]

    # Select the page, leave one out, merge: the queue stays, same filters, same page.
    page.get_by_label("تحديد كل ما في هذه الصفحة").check()
    page.locator(f"#select-{events[5].pk}").uncheck()
    page.get_by_role("button", name="دمج في حدث واحد").click()
    page.get_by_text("«حدث 3»").wait_for()
    assert page.url == queue_url
    assert page.get_by_label("إلى").input_value() == "2025-01-08"
    assert items(page) == [events[3].pk, events[5].pk, events[6].pk]
    assert page.locator("#review-count").inner_text() == "7 أحداث مقترحة"
    page.wait_for_function(f"document.activeElement.id === 'review-{events[3].pk}'", timeout=5_000)
    assert not Event.objects.filter(pk=events[4].pk).exists()
    screenshot(page, "review-merged-in-place")

    # Split the second source back out: a new item after it, focused; the count follows.
    merged = page.locator(f"#review-{events[3].pk}")
    merged.get_by_role("button", name="فصل هذا المصدر في حدث جديد").last.click()
    page.locator("#review-count", has_text="8 أحداث مقترحة").wait_for()
    new = Event.objects.exclude(pk__in=[e.pk for e in events]).get()
    assert items(page) == [events[3].pk, new.pk, events[5].pk, events[6].pk]
    # Focus moves once htmx has settled the swap: wait for it rather than race it.
    expect(page.locator(f"#review-{new.pk}")).to_be_focused()
    assert page.url == queue_url
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, ensure_ascii=False)
    # The correction form opens beside the excerpt, not over it.
    page.locator(f"#review-{new.pk} a.correct").click()
    form = page.locator(f"#review-{new.pk} form.correct-form")
    form.wait_for()
    excerpt = page.locator(f"#review-{new.pk} .excerpt").bounding_box()
    box = form.bounding_box()
    assert box["y"] < excerpt["y"] + excerpt["height"] and excerpt["y"] < box["y"] + box["height"]
    assert box["x"] + box["width"] <= excerpt["x"] or excerpt["x"] + excerpt["width"] <= box["x"]
    page.context.close()


def items(page) -> list[int]:
    ids = page.locator(".review-item:not(.done)").evaluate_all("items => items.map(i => i.id)")
    return [int(pk.removeprefix("review-")) for pk in ids]


def test_annotations_created_edited_deleted_and_seen_by_the_right_people(browser, live_server):  # noqa: F811
    event = make_event("اجتماع في إسطنبول", status=Event.Status.CONFIRMED)
    story = Story.objects.create(title="الملف النووي الإيراني", slug="iran", published=True)
    page = signed_in(browser, live_server, make_editor())
    page.goto(live_server.url + event.get_absolute_url())

    notes = page.locator(f"#annotations-{event.pk}")
    notes.get_by_label("النص").fill("**مؤكد** من مصدرين")
    notes.get_by_label("ماركداون محدود").check()
    notes.get_by_label("عامة").check()
    notes.get_by_role("button", name="إضافة ملاحظة").click()
    page.locator(".annotation strong", has_text="مؤكد").wait_for()
    notes.get_by_label("النص").fill("للمحررين فقط")
    notes.get_by_role("button", name="إضافة ملاحظة").click()
    page.locator(".annotation.is-internal", has_text="للمحررين فقط").wait_for()
    # Edit the internal one inline.
    internal = Annotation.objects.get(public=False)
    page.locator(f"#annotation-{internal.pk}").get_by_role("link", name="تعديل").click()
    page.locator(f"#annotation-{internal.pk} textarea").fill("داخلية معدلة")
    page.locator(f"#annotation-{internal.pk}").get_by_role("button", name="حفظ").click()
    page.get_by_text("داخلية معدلة").wait_for()
    # The story from the panel.
    page.locator(f"#event-stories-{event.pk}").get_by_role("button", name="إضافة").click()
    page.locator(f"#event-stories-{event.pk}").get_by_role("button", name="إزالة").wait_for()
    assert list(story.events.all()) == [event]
    screenshot(page, "event-annotated")

    reader = new_page(browser)
    reader.goto(live_server.url + event.get_absolute_url())
    text = reader.inner_text("main")
    assert "مؤكد" in text and "داخلية معدلة" not in text
    reader.goto(live_server.url + story.get_absolute_url())
    assert "اجتماع في إسطنبول" in reader.inner_text("main")
    reader.context.close()

    page.on("dialog", lambda dialog: dialog.accept())
    page.locator(f"#annotation-{internal.pk}").get_by_role("button", name="حذف").click()
    page.locator(f"#annotation-{internal.pk}").wait_for(state="detached")
    assert Annotation.objects.count() == 1
    page.context.close()


def test_the_admin_event_list(browser, live_server):  # noqa: F811
    make_event("لقاء في إسطنبول")
    make_event("مهلة نهاية آب", status=Event.Status.CONFIRMED)
    page = signed_in(browser, live_server, make_admin())
    page.goto(live_server.url + "/admin/timeline/event/?q=اسطنبول")
    assert "لقاء في إسطنبول" in page.inner_text("#result_list")
    page.goto(live_server.url + "/admin/timeline/event/")
    screenshot(page, "admin-events")
    page.context.close()


PAYLOADS = [
    "<script>window.__pwned=1;alert(1)</script>",
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    '<svg onload="window.__pwned=1;alert(1)"><script>alert(1)</script></svg>',
    "javascript:window.__pwned=1",
    "\u202eevil\u202c",
]
HOSTILE = " ".join(PAYLOADS)

INJECTED = """() => {
  const bad = document.querySelectorAll(
    'script:not([src]):not([type="application/json"]), [onerror], [onload], [onclick], ' +
    'img[src="x"], svg script, a[href^="javascript:"]');
  return {count: bad.length, pwned: window.__pwned === 1};
}"""

# A U+202E must not reorder text outside the element that holds it.
BIDI_LEAKS = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const leaks = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.data.includes('\\u202e')) continue;
    const el = node.parentElement, style = getComputedStyle(el);
    const contained = ['isolate', 'plaintext', 'isolate-override'].includes(style.unicodeBidi)
      || !style.display.startsWith('inline') || el.tagName === 'BDI' || el.tagName === 'TEXTAREA'
      || el.tagName === 'OPTION' || el.tagName === 'TITLE';
    if (!contained) leaks.push(el.tagName);
  }
  return leaks;
}"""


def test_hostile_input_is_inert_on_every_page(browser, live_server):  # noqa: F811
    editor = make_editor()
    event = make_event(HOSTILE[:290], sources=2)
    article = event.sources.first().article
    Article.objects.filter(pk=article.pk).update(title=HOSTILE, body=HOSTILE + " " + article.body)
    Annotation.objects.create(event=event, author=editor, text=HOSTILE, public=True)
    Annotation.objects.create(
        event=event,
        author=editor,
        format=Annotation.Format.MARKDOWN,
        public=True,
        text=HOSTILE + "\n\n[click](javascript:window.__pwned=1) ![x](javascript:alert(1))",
    )
    story = Story.objects.create(
        title=HOSTILE[:290], slug="hostile", description=HOSTILE, published=True
    )
    story.events.add(event)
    confirmed = make_event(HOSTILE[:290], status=Event.Status.CONFIRMED)
    story.events.add(confirmed)
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CONFIRMED)

    pages = [
        "/",
        "/?q=" + "<script>alert(1)</script>",
        f"/stories/{story.slug}/",
        f"/events/{event.pk}/",
        f"/articles/{article.pk}/",
    ]
    editor_pages = [
        "/review/",
        f"/events/{confirmed.pk}/correct/",
        "/review/stories/",
        f"/review/stories/{story.pk}/",
        f"/events/{event.pk}/",
    ]
    admin_pages = [
        "/admin/timeline/event/",
        f"/admin/timeline/event/{event.pk}/change/",
        f"/admin/timeline/article/{article.pk}/change/",
        "/admin/timeline/story/",
    ]
    Event.objects.filter(pk=confirmed.pk).update(status=Event.Status.CANDIDATE)
    for user, paths in ((None, pages), (editor, editor_pages), (make_admin(), admin_pages)):
        page = signed_in(browser, live_server, user)
        dialogs = []
        page.on(
            "dialog", lambda dialog, seen=dialogs: (seen.append(dialog.message), dialog.dismiss())
        )
        for path in paths:
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
            found = page.evaluate(INJECTED)
            assert found == {"count": 0, "pwned": False}, path
            assert page.evaluate(BIDI_LEAKS) == [], path
        assert dialogs == [], paths
        page.context.close()


def test_the_story_editor_searches_adds_and_confirms_events(browser, live_server):  # noqa: F811
    story = Story.objects.create(title="الملف النووي", slug="nuclear")
    wanted = make_event("وصول الوفد")
    source = wanted.sources.get()
    source.excerpt = "وصل الوفد إلى الكرملين يوم الجمعة."
    source.save()
    make_event("حدث لا يطابق")
    page = signed_in(browser, live_server, make_editor())
    page.goto(live_server.url + f"/review/stories/{story.pk}/")

    page.get_by_label("ابحث عن أحداث لإضافتها").fill("كرملين")
    page.locator(f"#result-{wanted.pk}").wait_for()
    assert page.locator("#search-results li").count() == 1
    page.get_by_role("button", name="إضافة وصول الوفد").click()
    page.locator(f"#search-results #result-{wanted.pk}.added").wait_for(timeout=5_000)
    page.locator(f"#story-event-{wanted.pk}").wait_for()
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, ensure_ascii=False)
    screenshot(page, "story-editor-search")

    page.get_by_role("button", name="تأكيد وصول الوفد").click()
    page.get_by_text("أُكّد حدث واحد.").wait_for()
    assert Event.objects.get(pk=wanted.pk).status == Event.Status.CONFIRMED
    assert list(story.events.all()) == [wanted]
    page.context.close()
