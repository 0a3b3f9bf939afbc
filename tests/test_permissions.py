"""Every URL × every role × the methods it answers: the status each must get.

Roles: an anonymous reader, a signed-in user who is no editor, the editor who
wrote the annotation, another editor, and an admin (staff). 302 means the login
page for those not signed in, and the action's redirect for those allowed.
"""

from dataclasses import dataclass

import pytest
from django.test import Client

from tests.factories import make_admin, make_editor, make_event, make_reader
from timeline.models import Annotation, Event, Story

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "reader", "editor", "other_editor", "admin")


@dataclass(frozen=True)
class Row:
    method: str
    path: str  # formatted with the fixture's ids
    expected: tuple[int, int, int, int, int]  # in the order of ROLES
    data: tuple[tuple[str, str], ...] = ()


EVERYONE = (200, 200, 200, 200, 200)
EDITORS_PAGE = (302, 403, 200, 200, 200)
EDITORS_ACTION = (302, 403, 302, 302, 302)
NOT_ALLOWED = (405, 405, 405, 405, 405)
HIDDEN_FROM_READERS = (404, 404, 200, 200, 200)

ROWS = [
    # The reader's side.
    Row("get", "/", EVERYONE),
    Row("get", "/stories/{published}/", EVERYONE),
    Row("get", "/stories/{draft}/", HIDDEN_FROM_READERS),
    Row("get", "/events/{confirmed}/", EVERYONE),
    Row("get", "/events/{candidate}/", HIDDEN_FROM_READERS),
    Row("get", "/articles/{article}/", EVERYONE),
    Row("get", "/articles/new/", EDITORS_PAGE),
    Row("post", "/articles/{article}/published/", EDITORS_ACTION, (("published", "2025-07-21"),)),
    Row("get", "/articles/{article}/published/", NOT_ALLOWED),
    Row("get", "/accounts/login/", EVERYONE),
    # The review queue and its actions.
    Row("get", "/review/", EDITORS_PAGE),
    Row("post", "/review/", NOT_ALLOWED),
    Row(
        "post", "/review/bulk/", EDITORS_ACTION, (("action", "confirm"), ("events", "{candidate}"))
    ),
    Row("get", "/review/bulk/", NOT_ALLOWED),
    Row("post", "/events/{candidate}/confirm/", EDITORS_ACTION),
    Row("get", "/events/{candidate}/confirm/", NOT_ALLOWED),
    Row("post", "/events/{candidate}/reject/", EDITORS_ACTION),
    Row("get", "/events/{candidate}/reject/", NOT_ALLOWED),
    Row("get", "/events/{candidate}/correct/", EDITORS_PAGE),
    Row("get", "/events/999999/correct/", (302, 403, 404, 404, 404)),
    Row(
        "post",
        "/events/{candidate}/correct/",
        EDITORS_ACTION,
        (
            ("title", "مصحح"),
            ("first_day", "2025-07-25"),
            ("last_day", "2025-07-25"),
            ("granularity", "day"),
            ("kind", "other"),
        ),
    ),
    Row("put", "/events/{candidate}/correct/", NOT_ALLOWED),
    Row("post", "/events/{candidate}/split/{second_source}/", EDITORS_ACTION),
    Row("get", "/events/{candidate}/split/{second_source}/", NOT_ALLOWED),
    # Stories.
    Row("get", "/review/stories/", EDITORS_PAGE),
    Row("post", "/review/stories/", EDITORS_ACTION, (("title", "جديدة"), ("slug", "new-story"))),
    Row("get", "/review/stories/{draft_id}/", EDITORS_PAGE),
    Row(
        "post",
        "/review/stories/{draft_id}/",
        EDITORS_ACTION,
        (("title", "مسودة"), ("slug", "draft")),
    ),
    Row("post", "/events/{candidate}/stories/", EDITORS_ACTION, (("story", "{draft_id}"),)),
    Row("get", "/events/{candidate}/stories/", NOT_ALLOWED),
    Row("post", "/events/{candidate}/stories/{draft_id}/remove/", EDITORS_ACTION),
    Row("get", "/events/{candidate}/stories/{draft_id}/remove/", NOT_ALLOWED),
    # Annotations: the author and admins change them, other editors may not.
    Row("get", "/events/{candidate}/annotations/", EDITORS_PAGE),
    Row(
        "post",
        "/events/{candidate}/annotations/",
        EDITORS_ACTION,
        (("text", "ملاحظة"), ("format", "plain")),
    ),
    Row("get", "/annotations/{annotation}/edit/", (302, 403, 200, 403, 200)),
    Row(
        "post",
        "/annotations/{annotation}/edit/",
        (302, 403, 302, 403, 302),
        (("text", "معدلة"), ("format", "plain")),
    ),
    Row("post", "/annotations/{annotation}/delete/", (302, 403, 302, 403, 302)),
    Row("get", "/annotations/{annotation}/delete/", NOT_ALLOWED),
    Row("get", "/annotations/999999/edit/", (302, 403, 404, 404, 404)),
    # The Django admin: staff only (others go to its login page).
    Row("get", "/admin/", (302, 302, 302, 302, 200)),
    Row("get", "/admin/timeline/event/", (302, 302, 302, 302, 200)),
    Row("get", "/admin/timeline/article/{article}/change/", (302, 302, 302, 302, 200)),
]


@pytest.fixture
def world() -> dict:
    users = {
        "anonymous": None,
        "reader": make_reader(),
        "editor": make_editor("editor"),
        "other_editor": make_editor("other"),
        "admin": make_admin(),
    }
    candidate = make_event("مقترح", sources=2)
    confirmed = make_event("مؤكد", status=Event.Status.CONFIRMED)
    draft = Story.objects.create(title="مسودة", slug="draft")
    Story.objects.create(title="منشورة", slug="published", published=True)
    annotation = Annotation.objects.create(event=candidate, author=users["editor"], text="ن")
    ids = {
        "candidate": candidate.pk,
        "confirmed": confirmed.pk,
        "second_source": candidate.sources.last().pk,
        "article": candidate.sources.first().article_id,
        "draft": "draft",
        "draft_id": draft.pk,
        "published": "published",
        "annotation": annotation.pk,
    }
    return {"users": users, "ids": ids}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.method.upper()} {row.path}")
def test_each_role_gets_the_expected_status(world, row: Row, role: str):
    client = Client()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    path = row.path.format(**world["ids"])
    data = {key: value.format(**world["ids"]) for key, value in row.data}

    response = getattr(client, row.method)(path, data)

    expected = row.expected[ROLES.index(role)]
    assert response.status_code == expected, f"{role} {row.method.upper()} {path}"
    if expected == 302 and role == "anonymous" and not path.startswith("/admin/"):
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", ROLES)
def test_a_fragment_requested_directly_gets_the_same_check_as_its_page(world, role):
    client = Client(headers={"HX-Request": "true"})
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    expected = EDITORS_PAGE[ROLES.index(role)]
    for path in ("/review/", f"/events/{world['ids']['candidate']}/correct/"):
        assert client.get(path).status_code == expected, f"{role} {path}"
    candidate = client.get(f"/events/{world['ids']['candidate']}/")
    assert candidate.status_code == HIDDEN_FROM_READERS[ROLES.index(role)]
