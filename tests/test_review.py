"""The review queue: confirm, reject, correct, bulk, merge, split, stories."""

import re
from datetime import date

import pytest

from tests.factories import make_editor, make_event
from timeline.models import Annotation, Event, Story
from timeline.pipeline.extract import extract_into_database

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def test_the_queue_lists_candidates_with_their_excerpt_highlighted(editor_client):
    make_event("حدث مقترح")
    make_event("حدث مؤكد", status=Event.Status.CONFIRMED)

    html = editor_client.get("/review/").content.decode()

    assert "حدث مقترح" in html
    assert "حدث مؤكد" not in html
    assert "<mark>يوم الجمعة</mark>" in html


def test_the_queue_groups_candidates_by_article(editor_client):
    first = make_event("الأول")
    make_event("الثاني")
    article = first.sources.get().article

    html = editor_client.get("/review/?order=article").content.decode()
    assert html.index(article.title) < html.index("الأول") < html.index("الثاني")
    only = editor_client.get(f"/review/?article={article.pk}").content.decode()
    assert "الأول" in only and "الثاني" not in only


def test_an_htmx_request_gets_the_queue_fragment_only(editor_client):
    make_event()
    html = editor_client.get("/review/", headers=HX).content.decode()
    assert 'id="review-queue"' in html
    assert "<html" not in html


def test_confirming_through_htmx_replaces_the_item_and_records_who(editor_client):
    event = make_event()

    response = editor_client.post(f"/events/{event.pk}/confirm/", headers=HX)

    assert response.status_code == 200
    assert "data-review-done" in response.content.decode()
    event.refresh_from_db()
    assert event.status == Event.Status.CONFIRMED
    assert event.history.first().history_user.username == "editor"


def test_rejecting_without_javascript_redirects_back_to_the_queue(editor_client):
    event = make_event()

    response = editor_client.post(f"/events/{event.pk}/reject/")

    assert response.status_code == 302
    assert response["Location"] == "/review/"
    event.refresh_from_db()
    assert event.status == Event.Status.REJECTED


def test_a_correction_marks_the_event_as_the_editors(editor_client):
    event = make_event()

    response = editor_client.post(
        f"/events/{event.pk}/correct/",
        {
            "title": "عنوان مصحح",
            "first_day": "2025-08-01",
            "last_day": "2025-08-31",
            "granularity": "month",
            "kind": "meeting",
            "confirm": "1",
        },
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.first_day, event.granularity) == (
        "عنوان مصحح",
        date(2025, 8, 1),
        "month",
    )
    assert event.edited_by_editor
    assert event.status == Event.Status.CONFIRMED


def test_a_correction_with_the_last_day_first_is_refused_in_arabic(editor_client):
    event = make_event()
    response = editor_client.post(
        f"/events/{event.pk}/correct/",
        {
            "title": "x",
            "first_day": "2025-08-02",
            "last_day": "2025-08-01",
            "granularity": "day",
            "kind": "other",
        },
        headers=HX,
    )
    assert "اليوم الأخير قبل اليوم الأول" in response.content.decode()
    event.refresh_from_db()
    assert not event.edited_by_editor


def test_a_corrected_candidate_survives_re_extraction(editor_client, seed_article):
    event = Event.objects.filter(sources__article=seed_article).first()
    editor_client.post(
        f"/events/{event.pk}/correct/",
        {
            "title": "عنوان المحرر",
            "first_day": "2030-01-01",
            "last_day": "2030-01-01",
            "granularity": "day",
            "kind": "other",
        },
    )

    extract_into_database(seed_article)

    event.refresh_from_db()
    assert (event.title, event.first_day, event.status) == (
        "عنوان المحرر",
        date(2030, 1, 1),
        Event.Status.CANDIDATE,
    )


def test_bulk_confirm_changes_every_selected_event(editor_client):
    events = [make_event(f"حدث {i}") for i in range(3)]

    response = editor_client.post(
        "/review/bulk/", {"action": "confirm", "events": [e.pk for e in events[:2]]}
    )

    assert response.status_code == 302
    statuses = [Event.objects.get(pk=e.pk).status for e in events]
    assert statuses == ["confirmed", "confirmed", "candidate"]


def test_bulk_without_a_selection_explains_in_arabic(editor_client):
    response = editor_client.post("/review/bulk/", {"action": "confirm"}, headers=HX)
    assert "حدّد حدثاً واحداً على الأقل" in response.content.decode()


def test_merging_keeps_every_source_annotation_and_story(editor_client):
    first, second = make_event("أ"), make_event("ب")
    story = Story.objects.create(title="قصة", slug="story")
    story.events.add(second)
    Annotation.objects.create(event=second, author=make_editor("other"), text="ملاحظة")

    response = editor_client.post(
        "/review/bulk/", {"action": "merge", "events": [first.pk, second.pk]}, headers=HX
    )

    assert "HX-Redirect" not in response  # the queue stays
    assert not Event.objects.filter(pk=second.pk).exists()
    first.refresh_from_db()
    assert first.sources.count() == 2
    assert first.annotations.get().text == "ملاحظة"
    assert list(story.events.all()) == [first]
    assert first.edited_by_editor


def test_merging_needs_two_events(editor_client):
    event = make_event()
    editor_client.post("/review/bulk/", {"action": "merge", "events": [event.pk]})
    assert Event.objects.filter(pk=event.pk).exists()


def test_adding_selected_events_to_a_story(editor_client):
    event = make_event()
    story = Story.objects.create(title="قصة", slug="story")
    editor_client.post(
        "/review/bulk/", {"action": "add_to_story", "events": [event.pk], "story": story.pk}
    )
    assert list(story.events.all()) == [event]


def test_splitting_moves_one_source_into_a_new_event(editor_client):
    event = make_event(sources=2)
    source = event.sources.last()

    response = editor_client.post(f"/events/{event.pk}/split/{source.pk}/")

    source.refresh_from_db()
    assert source.event_id != event.pk
    assert response["Location"] == f"/events/{source.event_id}/correct/"
    assert event.sources.count() == 1
    assert source.event.edited_by_editor


def test_the_only_source_cannot_be_split_out(editor_client):
    event = make_event()
    source = event.sources.get()
    editor_client.post(f"/events/{event.pk}/split/{source.pk}/")
    source.refresh_from_db()
    assert source.event_id == event.pk


def test_editors_create_publish_and_fill_a_story(editor_client):
    response = editor_client.post(
        "/review/stories/", {"title": "الملف النووي", "slug": "nuclear", "description": "وصف"}
    )
    story = Story.objects.get(slug="nuclear")
    assert response["Location"] == f"/review/stories/{story.pk}/"
    assert not story.published
    editor_client.post(
        f"/review/stories/{story.pk}/",
        {"title": "الملف النووي", "slug": "nuclear", "description": "وصف", "published": "on"},
    )
    event = make_event(status=Event.Status.CONFIRMED)

    panel = editor_client.post(f"/events/{event.pk}/stories/", {"story": story.pk}, headers=HX)
    assert "الملف النووي" in panel.content.decode()
    story.refresh_from_db()
    assert story.published
    assert list(story.events.all()) == [event]

    editor_client.post(f"/events/{event.pk}/stories/{story.pk}/remove/")
    assert not story.events.exists()


def test_the_event_page_shows_editors_the_history(editor_client):
    event = make_event()
    editor_client.post(f"/events/{event.pk}/confirm/")
    html = editor_client.get(f"/events/{event.pk}/").content.decode()
    assert "سجل التغييرات" in html
    assert "editor" in html and "الحالة" in html


def _queue_ids(html: str) -> list[int]:
    import re

    return [int(pk) for pk in re.findall(r'id="review-(\d+)" tabindex', html)]


def test_the_queue_filters_by_kind_place_story_source_and_dates(editor_client):
    from timeline.models import Place, Source

    meeting = make_event("لقاء في القاهرة", day=date(2024, 5, 1))
    Event.objects.filter(pk=meeting.pk).update(kind="meeting")
    place = Place.objects.create(name="القاهرة")
    meeting.places.add(place)
    source = Source.objects.create(name="وكالة")
    meeting.sources.get().article.__class__.objects.filter(
        pk=meeting.sources.get().article_id
    ).update(source=source)
    other = make_event("حدث آخر", day=date(2025, 7, 25))
    story = Story.objects.create(title="قصة", slug="s")
    story.events.add(other)

    def shown(**params) -> list[int]:
        params = {"order": "date", **params}
        return _queue_ids(editor_client.get("/review/", params).content.decode())

    assert shown() == [meeting.pk, other.pk]
    assert shown(kind="meeting") == [meeting.pk]
    assert shown(place="القاهرة") == [meeting.pk]
    assert shown(story=story.pk) == [other.pk]
    assert shown(source=source.pk) == [meeting.pk]
    assert shown(start="2025-01-01") == [other.pk]
    assert shown(end="2024-12-31") == [meeting.pk]
    assert shown(q="القاهره") == [meeting.pk]


def test_the_queue_filters_by_actor_and_salience(editor_client):
    from timeline.models import Actor, ActorAlias

    putin = Actor.objects.create(name="فلاديمير بوتين", type="person")
    ActorAlias.objects.create(actor=putin, name="بوتين")
    with_putin = make_event("لقاء بوتين", day=date(2024, 5, 1))
    with_putin.actors.add(putin)
    main = make_event("الحدث الرئيسي", day=date(2024, 6, 1))
    Event.objects.filter(pk=main.pk).update(salience=0.8)

    def shown(**params) -> list[int]:
        params = {"order": "date", **params}
        return _queue_ids(editor_client.get("/review/", params).content.decode())

    assert shown() == [with_putin.pk, main.pk]
    assert shown(actor="بوتين") == [with_putin.pk]  # any of its names
    assert shown(salience="0.5") == [main.pk]
    assert shown(salience="0") == [with_putin.pk, main.pk]
    # An unknown name says so, and filters nothing out.
    html = editor_client.get("/review/", {"actor": "مجهول"}).content.decode()
    assert "لا يوجد فاعل بهذا الاسم." in html
    assert sorted(_queue_ids(html)) == sorted([with_putin.pk, main.pk])


def test_a_bulk_action_keeps_the_page_and_the_filters(editor_client, monkeypatch):
    monkeypatch.setattr("timeline.editorial.views.QUEUE_PAGE_SIZE", 2)
    events = [make_event(f"حدث {n}", day=date(2025, 1, 1 + n)) for n in range(7)]
    query = "order=date&page=3&end=2025-01-07"
    html = editor_client.get(f"/review/?{query}", headers=HX).content.decode()
    assert _queue_ids(html) == [events[4].pk, events[5].pk]

    response = editor_client.post(
        f"/review/bulk/?{query}", {"action": "reject", "events": [events[4].pk]}, headers=HX
    )
    html = response.content.decode()
    # Still page 3 of the same filtered queue, now one event further on.
    assert _queue_ids(html) == [events[5].pk, events[6].pk]
    assert "3 / 3" in html
    assert "رُفض حدث واحد." in html
    assert "end=2025-01-07" in html and "page=3" in html  # the next action posts them too

    plain = editor_client.post(
        f"/review/bulk/?{query}",
        {"action": "confirm", "events": [events[5].pk], "next": f"/review/?{query}"},
    )
    assert plain["Location"] == f"/review/?{query}"


def test_all_matching_acts_on_every_filtered_candidate_in_one_update(
    editor_client, django_assert_max_num_queries
):
    wanted = [make_event(f"مطابق {n}", day=date(2024, 1, 1 + n)) for n in range(12)]
    kept = make_event("خارج التصفية", day=date(2025, 7, 25))
    with django_assert_max_num_queries(20):
        response = editor_client.post(
            "/review/bulk/?end=2024-12-31",
            {"action": "reject", "scope": "all"},
            headers=HX,
        )
    assert "رُفض 12 حدثاً." in response.content.decode()  # 11–99: singular accusative
    assert set(Event.objects.filter(status="rejected").values_list("pk", flat=True)) == {
        e.pk for e in wanted
    }
    Event.objects.get(pk=kept.pk, status="candidate")
    # Each change is in the history, attributed to the editor.
    record = Event.objects.get(pk=wanted[0].pk).history.first()
    assert record.status == "rejected" and record.history_user.username == "editor"


def test_bulk_status_of_ten_thousand_events_is_one_update_with_bulk_history():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from timeline.actions import set_status

    Event.objects.bulk_create(
        Event(title=f"حدث {n}", first_day=date(2025, 1, 1), last_day=date(2025, 1, 1))
        for n in range(10_000)
    )
    with CaptureQueriesContext(connection) as queries:
        assert set_status(Event.objects.all(), Event.Status.CONFIRMED) == 10_000
    updates = [q for q in queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1
    assert Event.history.filter(status="confirmed").count() == 10_000
    assert len(queries) < 20


@pytest.mark.parametrize(
    ("count", "message"),
    [
        (1, "رُفض حدث واحد."),
        (2, "رُفض حدثان."),
        (3, "رُفضت 3 أحداث."),
        (10, "رُفضت 10 أحداث."),
        (11, "رُفض 11 حدثاً."),
        (100, "رُفض 100 حدث."),
        (103, "رُفضت 103 أحداث."),
    ],
)
def test_counts_agree_in_arabic(count, message):
    from django.utils import translation

    from timeline.actions import rejected_message

    with translation.override("ar"):
        assert rejected_message(count) == message


def test_a_split_off_event_is_titled_from_its_own_sentence(editor_client):
    event = make_event("لقاء الوزيرين", sources=2)
    source = event.sources.order_by("id").last()
    source.excerpt = "وأعلنت الحكومة عن خطة جديدة للنقل يوم الجمعة."
    source.highlight_start = source.excerpt.index("يوم الجمعة")
    source.highlight_end = source.highlight_start + len("يوم الجمعة")
    source.save()

    editor_client.post(f"/events/{event.pk}/split/{source.pk}/")

    # Headlined the way extraction titles a clause: subject first, no date words.
    new = Event.objects.exclude(pk=event.pk).get()
    assert new.title == "الحكومة تعلن عن خطة جديدة للنقل"
    assert "لقاء" not in new.title


def test_the_queue_opens_on_the_most_salient_events(editor_client):
    minor = make_event("حدث ثانوي", day=date(2025, 7, 18))
    main = make_event("الحدث الرئيسي", day=date(2025, 7, 20))
    Event.objects.filter(pk=main.pk).update(salience=0.9)
    Event.objects.filter(pk=minor.pk).update(salience=0.2)

    html = editor_client.get("/review/").content.decode()
    assert _queue_ids(html) == [main.pk, minor.pk]
    by_date = editor_client.get("/review/", {"order": "date"}).content.decode()
    assert _queue_ids(by_date) == [minor.pk, main.pk]


def _focused(html: str) -> list[int]:
    import re

    return [int(pk) for pk in re.findall(r'id="review-(\d+)"[^>]*autofocus', html)]


def test_merging_in_the_queue_keeps_its_page_and_filters(editor_client, monkeypatch):
    monkeypatch.setattr("timeline.editorial.views.QUEUE_PAGE_SIZE", 2)
    events = [make_event(f"حدث {n}", day=date(2025, 1, 1 + n)) for n in range(8)]
    query = "order=date&page=2&end=2025-01-07"

    response = editor_client.post(
        f"/review/bulk/?{query}",
        {"action": "merge", "events": [events[2].pk, events[3].pk]},
        headers=HX,
    )

    html = response.content.decode()
    assert response.status_code == 200 and "HX-Redirect" not in response
    # Still page 2 of the same filtered queue: the merged event, then the next one.
    assert _queue_ids(html) == [events[2].pk, events[4].pk]
    assert "2 / 3" in html and "end=2025-01-07" in html
    assert _focused(html) == [events[2].pk]
    assert "«حدث 2»" in html  # the message names the merged event
    assert Event.objects.get(pk=events[2].pk).sources.count() == 2

    # Without JavaScript: back to the same queue page, not to the event.
    plain = editor_client.post(
        f"/review/bulk/?{query}",
        {"action": "merge", "events": [events[4].pk, events[5].pk], "next": f"/review/?{query}"},
    )
    assert plain["Location"] == f"/review/?{query}"


def test_splitting_in_the_queue_puts_the_new_event_after_the_old_one(editor_client):
    event = make_event("لقاء الوزيرين", sources=2)
    other = make_event("حدث آخر")
    source = event.sources.order_by("id").last()
    source.excerpt = "وأعلنت الحكومة عن خطة جديدة للنقل يوم الجمعة."
    source.highlight_start = source.excerpt.index("يوم الجمعة")
    source.highlight_end = source.highlight_start + len("يوم الجمعة")
    source.save()
    html = editor_client.get("/review/?order=date").content.decode()
    assert f'action="/events/{event.pk}/split/{source.pk}/?order=date"' in html
    assert f"/events/{other.pk}/split/" not in html  # its only source stays

    response = editor_client.post(
        f"/events/{event.pk}/split/{source.pk}/?order=date",
        headers={**HX, "HX-Target": f"review-{event.pk}"},
    )

    html = response.content.decode()
    new = Event.objects.exclude(pk__in=[event.pk, other.pk]).get()
    # The two items replace the old one; the split-off one, titled from its own
    # sentence, is focused to be corrected; the counts follow.
    assert _queue_ids(html) == [event.pk, new.pk]
    assert _focused(html) == [new.pk]
    assert "الحكومة تعلن عن خطة جديدة للنقل" in html
    assert "/split/" not in html  # one source each now
    assert _swapped_out_of_band(html) == {
        "review-count": "3 أحداث مقترحة",
        "matching-count": "كل المطابق: 3 أحداث",
    }
    assert "<html" not in html

    # Without JavaScript, from the queue: back to the queue.
    event = make_event(sources=2)
    source = event.sources.last()
    plain = editor_client.post(
        f"/events/{event.pk}/split/{source.pk}/", {"next": "/review/?order=date"}
    )
    assert plain["Location"] == "/review/?order=date"


def test_confirming_one_event_brings_both_counts_up_to_date(editor_client):
    events = [make_event() for _ in range(4)]
    html = editor_client.post(f"/events/{events[0].pk}/confirm/", headers=HX).content.decode()
    assert _swapped_out_of_band(html) == {
        "review-count": "3 أحداث مقترحة",
        "matching-count": "كل المطابق: 3 أحداث",
    }


def _swapped_out_of_band(html: str) -> dict[str, str]:
    import re

    return dict(re.findall(r'id="([\w-]+)"[^>]*hx-swap-oob="true">([^<]*)<', html))


def test_a_story_without_a_slug_gets_one_from_its_arabic_title(editor_client):
    editor_client.post("/review/stories/", {"title": "الملف النووي الإيراني"})
    editor_client.post("/review/stories/", {"title": "الملف  النووي: الإيراني!"})
    slugs = sorted(Story.objects.values_list("slug", flat=True))
    assert slugs == ["الملف-النووي-الإيراني", "الملف-النووي-الإيراني-2"]

    # Readers reach it at that address once it is published.
    story = Story.objects.get(slug="الملف-النووي-الإيراني-2")
    Story.objects.filter(pk=story.pk).update(published=True)
    make_event("حدث في القصة", status=Event.Status.CONFIRMED).stories.add(story)
    response = editor_client.get(story.get_absolute_url())
    assert response.status_code == 200 and "حدث في القصة" in response.content.decode()

    # A slug given by hand is kept; an emptied one is made again from the title.
    editor_client.post(f"/review/stories/{story.pk}/", {"title": "عنوان آخر", "slug": "other"})
    assert Story.objects.get(pk=story.pk).slug == "other"
    editor_client.post(f"/review/stories/{story.pk}/", {"title": "عنوان آخر", "slug": ""})
    assert Story.objects.get(pk=story.pk).slug == "عنوان-آخر"


def test_the_story_editor_finds_events_to_add_and_confirms_them(editor_client):
    story = Story.objects.create(title="قصة", slug="s")
    wanted = make_event("وصول الوفد")
    source = wanted.sources.get()
    source.excerpt = "وصل الوفد إلى الكرملين يوم الجمعة."
    source.save()
    make_event("حدث لا يطابق")
    rejected = make_event("وصول وفد مرفوض", status=Event.Status.REJECTED).sources.get()
    rejected.excerpt = "في الكرملين"
    rejected.save()
    other = make_event("مقترح آخر في القصة")
    story.events.add(other)

    # Found by a word of its excerpt, «ال» or not; only it, with its «إضافة» button.
    html = editor_client.get(f"/review/stories/{story.pk}/", {"q": "كرملين"}, headers=HX)
    html = html.content.decode()
    assert 'id="search-results"' in html and "<html" not in html
    assert re.findall(r'id="result-(\d+)"', html) == [str(wanted.pk)]
    assert "إضافة" in html

    response = editor_client.post(
        f"/review/stories/{story.pk}/events/", {"events": [wanted.pk]}, headers=HX
    )
    html = response.content.decode()
    assert set(story.events.all()) == {wanted, other}
    assert f'id="story-event-{wanted.pk}"' in html
    assert f'id="result-{wanted.pk}" class="added" hx-swap-oob="true"' in html
    # Now in the story: no longer a search result.
    again = editor_client.get(f"/review/stories/{story.pk}/", {"q": "كرملين"}).content.decode()
    assert f'id="result-{wanted.pk}"' not in again

    # Confirmed from the story editor.
    html = editor_client.post(
        f"/review/stories/{story.pk}/confirm/", {"events": [wanted.pk]}, headers=HX
    ).content.decode()
    wanted.refresh_from_db()
    assert wanted.status == Event.Status.CONFIRMED
    assert Event.objects.get(pk=other.pk).status == Event.Status.CANDIDATE
    assert "أُكّد حدث واحد." in html
    assert wanted.history.first().history_user.username == "editor"


def test_the_story_editor_confirms_all_its_candidates_at_once(editor_client):
    story = Story.objects.create(title="قصة", slug="s")
    events = [make_event(f"حدث {n}") for n in range(3)]
    outside = make_event("خارج القصة")
    story.events.add(*events)

    page = editor_client.get(f"/review/stories/{story.pk}/").content.decode()
    assert "تأكيد الأحداث المقترحة (3)" in page
    plain = editor_client.post(
        f"/review/stories/{story.pk}/confirm/", {"next": f"/review/stories/{story.pk}/"}
    )
    assert plain["Location"] == f"/review/stories/{story.pk}/"
    assert set(story.events.values_list("status", flat=True)) == {"confirmed"}
    assert Event.objects.get(pk=outside.pk).status == "candidate"
