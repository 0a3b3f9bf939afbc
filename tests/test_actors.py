"""Actors: found by extraction, merged by admins, a filter for readers everywhere."""

import json
from datetime import date

import pytest
from django.contrib.auth.models import User

from timeline.actions import merge_actors
from timeline.models import Actor, ActorAlias, Event

CARD_DATES = r'<time class="event-date" datetime="([^"]+)"'


@pytest.mark.django_db
def test_extraction_links_events_to_the_actors_in_their_clause(confirmed_seed):
    meeting = Event.objects.get(first_day=date(2025, 7, 20))
    names = set(meeting.actors.values_list("name", flat=True))
    assert {"علي لاريجاني", "فلاديمير بوتين"} <= names
    putin = Actor.objects.get(name="فلاديمير بوتين")
    assert putin.type == Actor.Type.PERSON
    # Every spelling the curated list knows names the same row.
    assert ActorAlias.objects.get(folded="بوتين").actor == putin


@pytest.mark.django_db
def test_readers_filter_the_timeline_by_any_name_of_an_actor(client, confirmed_seed):
    import re

    def dates(**params):
        return re.findall(CARD_DATES, client.get("/", params).content.decode())

    assert dates(actor="فلاديمير بوتين") == ["2025-07-20"]
    assert dates(actor="بوتين") == ["2025-07-20"]
    page = client.get("/", {"actor": "نابليون"})
    assert page.status_code == 200
    assert "لا يوجد فاعل بهذا الاسم" in page.content.decode()


@pytest.mark.django_db
def test_the_api_and_exports_take_the_actor_filter_and_list_actors(client, confirmed_seed):
    answer = client.get("/api/events", {"actor": "بوتين"}).json()
    assert [item["first_day"] for item in answer["items"]] == ["2025-07-20"]
    assert "فلاديمير بوتين" in answer["items"][0]["actors"]
    assert 0 < answer["items"][0]["salience"] <= 1
    assert client.get("/api/events", {"actor": "نابليون"}).status_code == 400
    exported = client.get("/timeline.json", {"actor": "بوتين"})
    assert exported.status_code == 200
    assert len(json.loads(exported.content)["events"]) == 1


@pytest.mark.django_db
def test_merging_actors_keeps_every_name_and_event():
    first = Actor.objects.create(name="فلاديمير بوتين", type=Actor.Type.PERSON)
    ActorAlias.objects.create(actor=first, name="فلاديمير بوتين")
    second = Actor.objects.create(name="الرئيس بوتن", type=Actor.Type.PERSON)
    ActorAlias.objects.create(actor=second, name="بوتن")
    event = Event.objects.create(
        title="لقاء", first_day=date(2025, 7, 20), last_day=date(2025, 7, 20)
    )
    event.actors.add(second)

    merged = merge_actors([first, second])

    assert merged == first
    assert not Actor.objects.filter(pk=second.pk).exists()
    assert set(merged.aliases.values_list("name", flat=True)) == {
        "فلاديمير بوتين",
        "بوتن",
        "الرئيس بوتن",
    }
    assert list(event.actors.all()) == [first]


@pytest.mark.django_db
def test_admins_merge_actors_from_the_actor_list(client):
    admin = User.objects.create_superuser("admin", password="not-a-real-password-1")
    client.force_login(admin)
    actors = [
        Actor.objects.create(name=name, type=Actor.Type.PERSON)
        for name in ("دونالد ترامب", "ترامب")
    ]

    response = client.post(
        "/admin/timeline/actor/",
        {"action": "merge", "_selected_action": [a.pk for a in actors]},
        follow=True,
    )

    assert response.status_code == 200
    assert list(Actor.objects.values_list("name", flat=True)) == ["دونالد ترامب"]
    assert ActorAlias.objects.filter(name="ترامب").exists()


@pytest.mark.django_db
def test_an_alias_taken_by_another_actor_is_refused_with_a_reason(client):
    admin = User.objects.create_superuser("admin", password="not-a-real-password-1")
    client.force_login(admin)
    trump = Actor.objects.create(name="دونالد ترامب", type=Actor.Type.PERSON)
    ActorAlias.objects.create(actor=trump, name="ترامب")
    other = Actor.objects.create(name="شخص آخر", type=Actor.Type.PERSON)

    response = client.post(
        f"/admin/timeline/actor/{other.pk}/change/",
        {
            "name": "شخص آخر",
            "type": "person",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-0-name": "تْرامب",
        },
    )

    assert response.status_code == 200
    assert "هذا الاسم لفاعل آخر" in response.content.decode()
    assert not ActorAlias.objects.filter(actor=other).exists()


@pytest.mark.parametrize(
    ("found", "kept"),
    [
        ("سائرون بزعامة", "سائرون"),
        ("هيئة الاتصالات الفدرالية لإرسال الأقمار", "هيئة الاتصالات الفدرالية"),
        ("هشام حسني ضيف", "هشام حسني"),
        ("بإطلاق", None),
        ("أخباراً", None),
        ("يجب", None),
        ("مايكل أفيناتي", "مايكل أفيناتي"),
    ],
)
def test_a_name_found_by_its_shape_is_cut_to_the_name_or_dropped(found, kept):
    from timeline.extraction.actors import ActorRef, plausible

    result = plausible(ActorRef(found, "person"))
    assert (result.name if result else None) == kept
