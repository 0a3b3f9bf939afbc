"""One way to read: who is an editor, what each page sends to HTMX, the API's filters."""

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from tests.factories import make_editor, make_event
from timeline.models import Annotation, Event, Story

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict:
    editor = make_editor()
    event = make_event("لقاء الوزيرين", status=Event.Status.CONFIRMED)
    Story.objects.create(title="قصة", slug="story", published=True).events.add(event)
    annotation = Annotation.objects.create(event=event, author=editor, text="ملاحظة")
    return {
        "editor": editor,
        "pages": [
            "/",
            "/stories/story/",
            f"/events/{event.pk}/",
            f"/articles/{event.sources.first().article_id}/",
            "/review/",
            f"/events/{event.pk}/correct/",
            f"/annotations/{annotation.pk}/edit/",
        ],
    }


def test_every_page_gives_htmx_a_fragment_and_a_history_restore_the_whole_page(world):
    client = Client()
    client.force_login(world["editor"])
    htmx = {"HX-Request": "true"}
    for path in world["pages"]:
        page = client.get(path)
        fragment = client.get(path, headers=htmx)
        restore = client.get(path, headers={**htmx, "HX-History-Restore-Request": "true"})
        assert page.status_code == fragment.status_code == restore.status_code == 200, path
        assert "<html" in page.content.decode(), path
        assert "<html" not in fragment.content.decode(), path
        assert "<html" in restore.content.decode(), path
        for response in (page, fragment, restore):
            assert "HX-Request" in response["Vary"], path


def test_a_staff_user_outside_the_editors_is_no_editor_anywhere(client):
    staff = User.objects.create_user("staff", is_staff=True)
    client.force_login(staff)
    assert "المراجعة" not in client.get("/").content.decode()
    assert client.get("/review/").status_code == 403
    assert client.get("/articles/new/").status_code == 403
    assert client.get("/exports/events.csv").status_code == 403


def test_editors_are_those_who_hold_the_review_permission(client):
    member = make_editor("member")
    client.force_login(member)
    assert "المراجعة" in client.get("/").content.decode()
    assert client.get("/review/").status_code == 200

    granted = User.objects.create_user("granted")
    granted.user_permissions.add(Permission.objects.get(codename="review_event"))
    client.force_login(granted)
    assert "المراجعة" in client.get("/").content.decode()
    assert client.get("/review/").status_code == 200
    assert client.get("/exports/events.csv").status_code == 200


def test_the_api_takes_exactly_the_timelines_filters(client):
    parameters = client.get("/api/openapi.json").json()["paths"]["/api/events"]["get"]
    names = [parameter["name"] for parameter in parameters["parameters"]]
    assert names == [
        "q", "kind", "place", "actor", "story", "start", "end", "upcoming", "after", "limit"
    ]  # fmt: skip
    # The form's limits: a place is named by Place.name, at most 100 characters.
    place = next(p for p in parameters["parameters"] if p["name"] == "place")
    assert place["schema"]["maxLength"] == 100
