"""The read-only JSON API: what it shows, its filters, its pages and its errors."""

from datetime import date

import pytest

from tests.factories import dated_event, make_editor
from timeline.models import Article, Event, EventSource, Mention, Place, Story


@pytest.fixture
def archive() -> dict:
    tehran = Place.objects.create(name="طهران")
    meeting = dated_event("اجتماع في طهران", date(2025, 7, 20), kind="meeting")
    meeting.places.add(tehran)
    deadline = dated_event("مهلة نهاية آب", date(2025, 8, 31), kind="deadline")
    hidden = dated_event("حدث مقترح", date(2025, 7, 21), status=Event.Status.CANDIDATE)
    story = Story.objects.create(title="الملف", slug="file", published=True)
    story.events.add(meeting)
    draft = Story.objects.create(title="مسودة", slug="draft", published=False)
    article = Article.objects.create(
        title="مقال الاجتماع", body="اجتمع الوزراء يوم الأحد.", content_hash="c" * 64
    )
    mention = Mention.objects.create(
        article=article, start=15, end=24, text="يوم الأحد", type="DATE"
    )
    EventSource.objects.create(
        event=meeting,
        article=article,
        mention=mention,
        excerpt=article.body,
        highlight_start=15,
        highlight_end=24,
    )
    return {
        "meeting": meeting,
        "deadline": deadline,
        "hidden": hidden,
        "story": story,
        "draft": draft,
        "article": article,
    }


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.django_db
def test_events_lists_only_confirmed_events_in_timeline_order(client, archive):
    assert ids(client.get("/api/events")) == [archive["meeting"].pk, archive["deadline"].pk]


@pytest.mark.django_db
def test_events_take_the_timelines_filters(client, archive):
    meeting = [archive["meeting"].pk]
    assert ids(client.get("/api/events", {"kind": "meeting"})) == meeting
    assert ids(client.get("/api/events", {"place": "طهران"})) == meeting
    assert ids(client.get("/api/events", {"story": "file"})) == meeting
    assert ids(client.get("/api/events", {"q": "اجتماع"})) == meeting
    assert ids(client.get("/api/events", {"start": "2025-08-01"})) == [archive["deadline"].pk]
    assert ids(client.get("/api/events", {"end": "2025-07-31"})) == meeting


@pytest.mark.django_db
def test_a_start_date_keeps_long_events_that_began_long_before_it(client, archive):
    # A century and a decade still under way on 2025-08-01; a short event that ended before.
    century = Event.objects.create(
        title="القرن", first_day=date(1901, 1, 1), last_day=date(2000, 12, 31),
        granularity=Event.Granularity.CENTURY, status=Event.Status.CONFIRMED,
    )  # fmt: skip
    decade = Event.objects.create(
        title="العقد", first_day=date(2020, 1, 1), last_day=date(2029, 12, 31),
        granularity=Event.Granularity.DECADE, status=Event.Status.CONFIRMED,
    )  # fmt: skip
    dated_event("قبل", date(2024, 1, 1))
    assert ids(client.get("/api/events", {"start": "2025-08-01"})) == [
        decade.pk,
        archive["deadline"].pk,
    ]
    assert ids(client.get("/api/events", {"start": "2000-06-01", "end": "2020-06-01"})) == [
        century.pk,
        decade.pk,
    ]


@pytest.mark.django_db
def test_event_pages_follow_the_next_cursor_to_the_end(client):
    made = [dated_event(f"حدث {n}", date(2025, 1, 1 + n % 3)) for n in range(7)]
    expected = [e.pk for e in sorted(made, key=lambda e: (e.first_day, e.pk))]
    seen, after = [], ""
    for _ in range(10):
        body = client.get("/api/events", {"limit": 3, "after": after}).json()
        seen += [item["id"] for item in body["items"]]
        if body["next"] is None:
            break
        after = body["next"]
    assert seen == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 101},
        {"after": "yesterday"},
        {"start": "not-a-date"},
        {"kind": "nonsense"},
        {"place": "مكان لا وجود له"},
        {"story": "draft"},  # unpublished stories are not for readers
        {"q": "كلمة" * 30},
    ],
)
def test_bad_event_filters_answer_400_with_a_message(client, archive, params):
    response = client.get("/api/events", params)
    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.django_db
def test_an_event_shows_its_sources_and_published_stories(client, archive):
    body = client.get(f"/api/events/{archive['meeting'].pk}").json()
    assert body["title"] == "اجتماع في طهران"
    assert body["places"] == ["طهران"]
    assert body["stories"] == ["file"]
    assert body["sources"][0]["article_id"] == archive["article"].pk
    assert body["sources"][0]["excerpt"] == "اجتمع الوزراء يوم الأحد."


@pytest.mark.django_db
def test_an_unconfirmed_event_is_not_found_even_for_editors(client, archive):
    client.force_login(make_editor())
    assert client.get(f"/api/events/{archive['hidden'].pk}").status_code == 404


@pytest.mark.django_db
def test_articles_are_listed_newest_first_searched_and_shown(client, archive):
    older = archive["article"]
    newer = Article.objects.create(title="قمّة الدوحة", body="نص", content_hash="d" * 64)
    assert ids(client.get("/api/articles")) == [newer.pk, older.pk]
    assert ids(client.get("/api/articles", {"q": "قمة"})) == [newer.pk]
    first = client.get("/api/articles", {"limit": 1}).json()
    assert ids(client.get("/api/articles", {"limit": 1, "after": first["next"]})) == [older.pk]
    body = client.get(f"/api/articles/{older.pk}").json()
    assert body["event_ids"] == [archive["meeting"].pk]
    assert client.get("/api/articles", {"after": "-1"}).status_code == 400
    # Digits that are not ASCII (a superscript, Arabic-Indic) are refused, not a 500.
    for after in ("¹9", "٣"):
        assert client.get("/api/articles", {"after": after}).status_code == 400
        assert client.get("/api/stories", {"after": after}).status_code == 400


@pytest.mark.django_db
def test_stories_lists_published_stories_only(client, archive):
    body = client.get("/api/stories").json()
    assert [s["slug"] for s in body["items"]] == ["file"]
    assert client.get("/api/stories/file").json()["title"] == "الملف"
    assert client.get("/api/stories/draft").status_code == 404


@pytest.mark.django_db
def test_the_openapi_schema_describes_every_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/stories",
        "/api/stories/{slug}",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("cursor", ["¹", "٣", "12a", "-1"])
def test_a_story_cursor_that_is_not_ascii_digits_answers_400(client, cursor):
    response = client.get("/api/stories", {"after": cursor})
    assert response.status_code == 400
