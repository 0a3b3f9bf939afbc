"""The review queue: confirm, reject, correct, bulk, merge, split, stories."""

from datetime import date

import pytest

from tests.editorial import make_editor, make_event
from timeline.models import Annotation, Event, Story
from timeline.pipeline import extract_into_database

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

    assert response["HX-Redirect"] == f"/events/{first.pk}/"
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
