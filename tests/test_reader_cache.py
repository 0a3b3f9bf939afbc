"""Anonymous readers' pages come from the cache; editors and changes are never stale."""

import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from timeline.models import Event


@pytest.fixture
def reader_cache(settings):
    settings.READER_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def confirmed(seed_article):
    for event in Event.objects.all():
        event.status = Event.Status.CONFIRMED
        event.save()
    return seed_article


def meeting() -> Event:
    return Event.objects.get(first_day=date(2025, 7, 20))


@pytest.mark.django_db
def test_a_second_reader_gets_the_page_without_a_query(
    client, reader_cache, confirmed, django_assert_num_queries
):
    first = client.get("/")
    with django_assert_num_queries(0):
        second = client.get("/")
    assert first.status_code == second.status_code == 200
    assert meeting().title in second.content.decode()


def form_token(html: str) -> str:
    """The CSRF token of the page's language form, as a browser would send it."""
    (token,) = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    return token


@pytest.mark.django_db
def test_each_reader_gets_their_own_csrf_token(reader_cache, confirmed, csrf_client):
    one, two = csrf_client(), csrf_client()
    page_one = one.get("/").content.decode()
    page_two = two.get("/").content.decode()  # from the cache, made for reader one
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value

    # Each reader's page carries a token their own cookie accepts: the language switch
    # works for both, and a token from the other reader's page is refused.
    for client, page in ((one, page_one), (two, page_two)):
        response = client.post(
            "/i18n/setlang/",
            {"language": "en", "next": "/", "csrfmiddlewaretoken": form_token(page)},
        )
        assert response.status_code == 302
    stolen = two.post(
        "/i18n/setlang/",
        {"language": "en", "next": "/", "csrfmiddlewaretoken": form_token(page_one)},
    )
    assert stolen.status_code == 403


@pytest.mark.django_db
def test_a_change_to_an_event_reaches_readers_at_once(client, reader_cache, confirmed):
    client.get("/")
    event = meeting()
    event.title = "لقاء لاريجاني وبوتين في الكرملين"
    event.save()

    assert "لقاء لاريجاني وبوتين في الكرملين" in client.get("/").content.decode()


@pytest.mark.django_db
def test_pages_and_htmx_fragments_are_kept_apart(client, reader_cache, confirmed):
    page = client.get("/").content.decode()
    fragment = client.get("/", headers={"HX-Request": "true"}).content.decode()
    assert "<html" in page and "<html" not in fragment


@pytest.mark.django_db
def test_signed_in_editors_always_get_a_fresh_page(client, reader_cache, confirmed):
    editor = User.objects.create_user("editor", password="pw", is_staff=True)
    client.force_login(editor)
    client.get("/")
    Event.objects.update(title="عنوان جديد")  # no signal: a reader could see this late

    assert "عنوان جديد" in client.get("/").content.decode()


@pytest.mark.django_db
def test_api_reads_come_from_the_cache_too(
    client, reader_cache, confirmed, django_assert_num_queries
):
    first = client.get("/api/events")
    with django_assert_num_queries(0):
        second = client.get("/api/events")
    assert first.json() == second.json()
    assert "csrftoken" not in second.cookies


@pytest.mark.django_db
def test_a_new_article_joining_a_confirmed_event_reaches_readers_at_once(
    client, reader_cache, django_capture_on_commit_callbacks
):
    from timeline.pipeline.ingest import ingest_text

    first = "لاريجاني في موسكو\nالتقى لاريجاني بوتين في موسكو يوم الأحد."
    second = "لقاء في الكرملين\nقالت الرئاسة إن لاريجاني التقى بوتين في موسكو يوم الأحد."
    with django_capture_on_commit_callbacks(execute=True):
        ingest_text(first, published=date(2025, 7, 22))
    event = Event.objects.get()
    event.status = Event.Status.CONFIRMED
    event.save()
    assert "مقال واحد" in client.get(f"/events/{event.pk}/").content.decode()
    assert "مقال واحد" in client.get("/").content.decode()

    # The pipeline's bulk writes add the second report: no model signal is sent.
    with django_capture_on_commit_callbacks(execute=True):
        ingest_text(second, published=date(2025, 7, 22))
    assert Event.objects.get().sources.count() == 2

    assert "يرد في مقالين" in client.get(f"/events/{event.pk}/").content.decode()
    assert "مقالان" in client.get("/").content.decode()


@pytest.mark.django_db
def test_merging_two_actors_reaches_readers_at_once(
    client, reader_cache, django_capture_on_commit_callbacks
):
    from tests.factories import make_event
    from timeline.actions import merge_actors
    from timeline.models import Actor

    event = make_event(status=Event.Status.CONFIRMED)
    duplicate = Actor.objects.create(name="بوتن", type=Actor.Type.PERSON)
    putin = Actor.objects.create(name="فلاديمير بوتين", type=Actor.Type.PERSON)
    event.actors.add(duplicate)
    assert "بوتن" in client.get(f"/events/{event.pk}/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        merge_actors([duplicate, putin], into=putin)

    page = client.get(f"/events/{event.pk}/").content.decode()
    assert "فلاديمير بوتين" in page


@pytest.mark.django_db
def test_the_timelinejs_export_comes_from_the_cache_and_follows_changes(
    client, reader_cache, confirmed, django_assert_num_queries
):
    first = client.get("/timeline.json?limit=5")
    with django_assert_num_queries(0):
        second = client.get("/timeline.json?limit=5")
    assert first.json() == second.json()
    assert second["Content-Type"] == "application/json"
    assert second["Access-Control-Allow-Origin"] == "*"
    event = meeting()
    event.title = "عنوان جديد للقاء"
    event.save()
    headlines = [
        slide["text"]["headline"] for slide in client.get("/timeline.json").json()["events"]
    ]
    assert "عنوان جديد للقاء" in headlines
