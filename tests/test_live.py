"""Open reader pages learn of new events («أحداث جديدة (3)») cheaply: 304 until a change."""

import html
import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from timeline import reader_cache
from timeline.actions import set_status
from timeline.models import Event, Story
from timeline.pipeline.ingest import ingest_text
from timeline.reader.live import new_events_label

pytestmark = pytest.mark.django_db

PAST = date(2025, 3, 13)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def make_event(title: str, day: date = PAST, status=Event.Status.CONFIRMED, **fields) -> Event:
    return Event.objects.create(title=title, first_day=day, last_day=day, status=status, **fields)


def live_of(page: str) -> tuple[str, str]:
    """The page's changes URL and the ETag it starts from."""
    url = re.search(r'data-live-url="([^"]+)"', page)
    etag = re.search(r'data-live-etag="([^"]*)"', page)
    assert url and etag, "the page has no live marker"
    return html.unescape(url.group(1)), html.unescape(etag.group(1))


def open_page(client: Client, path: str) -> tuple[str, str]:
    response = client.get(path)
    assert response.status_code == 200
    return live_of(response.content.decode())


def poll(client: Client, url: str, etag: str):
    return client.get(url, headers={"If-None-Match": etag} if etag else {})


@pytest.fixture
def candidate() -> Event:
    make_event("لقاء في جنيف")
    return make_event("اتفاق في موسكو", status=Event.Status.CANDIDATE, kind="agreement")


def test_nothing_changed_is_a_304_without_a_query(client, candidate, django_assert_num_queries):
    url, etag = open_page(client, "/")
    with django_assert_num_queries(0):
        response = poll(client, url, etag)
    assert response.status_code == 304
    assert response["ETag"] == etag


def test_a_confirmed_event_is_counted_on_an_open_page(
    client, candidate, django_capture_on_commit_callbacks
):
    url, etag = open_page(client, "/")
    with django_capture_on_commit_callbacks(execute=True):
        set_status([candidate], Event.Status.CONFIRMED)

    response = poll(client, url, etag)
    assert response.status_code == 200
    assert response.json() == {"count": 1, "label": "حدث جديد (1)"}
    # The new ETag says «seen»: asked again, nothing more to tell.
    assert response["ETag"] != etag
    assert poll(client, url, response["ETag"]).status_code == 304
    # The button reloads the page's view, which now holds the event.
    fragment = client.get("/", headers={"HX-Request": "true"}).content.decode()
    assert "اتفاق في موسكو" in fragment and 'id="timeline-view"' in fragment


def test_a_change_outside_the_pages_filters_is_not_counted(
    client, candidate, django_capture_on_commit_callbacks
):
    meetings = open_page(client, "/?kind=meeting")
    agreements = open_page(client, "/?kind=agreement")
    with django_capture_on_commit_callbacks(execute=True):
        set_status([candidate], Event.Status.CONFIRMED)  # an agreement

    assert poll(client, *meetings).json()["count"] == 0
    assert poll(client, *agreements).json()["count"] == 1


def test_an_event_added_to_a_story_is_new_on_the_storys_page(client):
    story = Story.objects.create(title="جنيف", slug="geneva", published=True)
    story.events.add(make_event("لقاء في جنيف"))
    other = make_event("محادثات في جنيف")
    url, etag = open_page(client, "/stories/geneva/")

    story.events.add(other)

    assert poll(client, url, etag).json() == {"count": 1, "label": "حدث جديد (1)"}


def test_a_confirmed_future_event_is_new_on_upcoming(client, django_capture_on_commit_callbacks):
    planned = make_event("قمة مقبلة", date(2099, 1, 1), status=Event.Status.CANDIDATE)
    url, etag = open_page(client, "/upcoming/")

    with django_capture_on_commit_callbacks(execute=True):
        set_status([planned], Event.Status.CONFIRMED)

    assert poll(client, url, etag).json()["count"] == 1
    fragment = client.get("/upcoming/", headers={"HX-Request": "true"}).content.decode()
    assert "قمة مقبلة" in fragment and "<html" not in fragment


def test_readers_of_one_page_share_one_count(
    client, settings, candidate, django_assert_num_queries
):
    settings.READER_CACHE_SECONDS = 60
    url, etag = open_page(client, "/")
    candidate.status = Event.Status.CONFIRMED
    candidate.save()
    assert poll(client, url, etag).json()["count"] == 1

    with django_assert_num_queries(0):
        assert poll(Client(), url, etag).json()["count"] == 1


def test_a_malformed_marker_is_refused(client):
    assert client.get("/live/?since=yesterday").status_code == 400
    assert client.get("/live/").status_code == 400


def test_a_bulk_confirm_moves_the_generation_once_committed(
    candidate, django_capture_on_commit_callbacks
):
    before = reader_cache.generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        set_status(Event.objects.filter(pk=candidate.pk), Event.Status.CONFIRMED)
    assert callbacks, "nothing waits for the commit"
    assert reader_cache.generation() > before


def test_the_admins_bulk_confirm_moves_the_generation(
    client, candidate, django_capture_on_commit_callbacks
):
    client.force_login(User.objects.create_superuser("admin", password="pw"))
    before = reader_cache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/timeline/event/",
            {"action": "confirm", "_selected_action": [candidate.pk]},
        )
    assert response.status_code == 302
    assert Event.objects.get(pk=candidate.pk).status == Event.Status.CONFIRMED
    assert reader_cache.generation() > before


def test_a_pipeline_attaching_a_report_to_a_confirmed_event_is_news(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ingest_text(
            "وزيرا الخارجية يلتقيان في جنيف\nالتقى وزير الخارجية الأمريكي نظيره الروسي في جنيف"
            " يوم الخميس لبحث الحرب في أوكرانيا.",
            published=date(2025, 3, 13),
        )
    event = Event.objects.get()
    set_status([event], Event.Status.CONFIRMED)
    url, etag = open_page(client, "/")
    before = reader_cache.generation()

    with django_capture_on_commit_callbacks(execute=True):
        ingest_text(
            "محادثات أمريكية روسية في جنيف\nعقد وزيرا الخارجية الأمريكي والروسي محادثات في"
            " جنيف أمس تناولت الحرب في أوكرانيا.",
            published=date(2025, 3, 14),
        )

    assert Event.objects.get().sources.count() == 2  # the second report joined the event
    assert reader_cache.generation() > before
    assert poll(client, url, etag).json()["count"] == 1


def test_a_change_moves_the_generation_again_when_it_commits(
    candidate, django_capture_on_commit_callbacks
):
    # A page or a count taken between the change and its commit showed the database
    # before it: the commit starts another generation, so neither is kept.
    with django_capture_on_commit_callbacks() as callbacks:
        candidate.status = Event.Status.CONFIRMED
        candidate.save()
        during = reader_cache.generation()
    for callback in callbacks:
        callback()
    assert reader_cache.generation() > during


@pytest.mark.parametrize(
    ("count", "arabic", "english"),
    [
        (1, "حدث جديد (1)", "New event (1)"),
        (2, "حدثان جديدان (2)", "New events (2)"),
        (3, "أحداث جديدة (3)", "New events (3)"),
        (11, "أحداث جديدة (11)", "New events (11)"),
    ],
)
def test_the_new_events_label_agrees_with_its_count(count, arabic, english):
    with translation.override("ar"):
        assert new_events_label(count) == arabic
    with translation.override("en"):
        assert new_events_label(count) == english
