"""The reader timeline served by Django: who sees what, filters, pages, fragments."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from tests.conftest import SEED_PATH
from timeline.models import Article, Event, EventSource, Mention, Place, Story

CARD_DATES = re.compile(r'<time class="event-date" datetime="([^"]+)">')
CARD_IDS = re.compile(r'<li class="event-card[^"]*" id="event-(\d+)"')


@pytest.fixture
def confirmed_seed(seed_article):
    Event.objects.update(status=Event.Status.CONFIRMED)
    return seed_article


def make_events(count: int, start: date = date(2000, 1, 1), **fields) -> list[Event]:
    """`count` confirmed one-day events a day apart, each reported by its own article."""
    fields.setdefault("status", Event.Status.CONFIRMED)
    events = Event.objects.bulk_create(
        Event(
            title=f"حدث رقم {n}",
            search_text=f"حدث رقم {n}",
            first_day=start + timedelta(days=n),
            last_day=start + timedelta(days=n),
            **fields,
        )
        for n in range(count)
    )
    tag = f"{start.isoformat()}-{count}"
    articles = Article.objects.bulk_create(
        Article(title=f"مقال {n}", body="التقيا يوم الأحد.", content_hash=f"{tag}-{n}")
        for n in range(count)
    )
    mentions = Mention.objects.bulk_create(
        Mention(article=a, start=6, end=15, text="يوم الأحد", type="DATE") for a in articles
    )
    EventSource.objects.bulk_create(
        EventSource(
            event=e, article=a, mention=m, excerpt=a.body, highlight_start=6, highlight_end=15
        )
        for e, a, m in zip(events, articles, mentions, strict=True)
    )
    return events


@pytest.mark.django_db
def test_readers_see_only_confirmed_events(client, seed_article):
    event = Event.objects.get(first_day=date(2025, 7, 25))
    assert CARD_DATES.findall(client.get("/").content.decode()) == []
    assert client.get(event.get_absolute_url()).status_code == 404

    Event.objects.filter(pk=event.pk).update(status=Event.Status.CONFIRMED)

    assert CARD_DATES.findall(client.get("/").content.decode()) == ["2025-07-25"]
    assert client.get(event.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_editors_also_see_candidates_and_can_filter_by_status(client, seed_article):
    editor = User.objects.create_user("editor")
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    client.force_login(editor)
    Event.objects.filter(first_day=date(2025, 7, 25)).update(status=Event.Status.REJECTED)

    assert len(CARD_DATES.findall(client.get("/").content.decode())) == 4
    rejected = client.get("/", {"status": "rejected"}).content.decode()
    assert CARD_DATES.findall(rejected) == ["2025-07-25"]


@pytest.mark.django_db
def test_a_reader_cannot_ask_for_rejected_events(client, seed_article):
    Event.objects.update(status=Event.Status.REJECTED)
    assert CARD_DATES.findall(client.get("/", {"status": "rejected"}).content.decode()) == []


@pytest.mark.django_db
def test_search_ignores_diacritics_and_letter_variants(client, confirmed_seed):
    # The title has «اسطنبول»; readers type it with hamza, or with diacritics.
    for query in ("إسطنبول", "اسْطَنبول", "إسطنبول طهران"):
        html = client.get("/", {"q": query}).content.decode()
        assert CARD_DATES.findall(html) == ["2025-07-25"], query
    assert CARD_DATES.findall(client.get("/", {"q": "باريس"}).content.decode()) == []


@pytest.mark.django_db
def test_kind_place_and_date_filters_narrow_the_list(client, confirmed_seed):
    def dates(**params):
        return CARD_DATES.findall(client.get("/", params).content.decode())

    assert dates(kind="deadline") == ["2025-08"]
    assert dates(place="إسطنبول") == ["2025-07-25"]
    assert dates(start="2025-07-21", end="2025-07-31") == ["2025-07-25"]
    assert dates(kind="no-such-kind") == ["2015", "2025-07-20", "2025-07-25", "2025-08"]


@pytest.mark.django_db
def test_story_page_shows_its_events_and_unpublished_stories_are_hidden(client, confirmed_seed):
    story = Story.objects.create(title="قصة الاختبار", slug="test-story", published=False)
    story.events.add(*Event.objects.filter(first_day__year=2025, granularity="day"))

    assert client.get("/stories/test-story/").status_code == 404
    Story.objects.filter(pk=story.pk).update(published=True)
    html = client.get("/stories/test-story/").content.decode()
    assert "قصة الاختبار" in html
    assert CARD_DATES.findall(html) == ["2025-07-20", "2025-07-25"]
    from_root = client.get("/", {"story": "test-story"}).content.decode()
    assert CARD_DATES.findall(from_root) == ["2025-07-20", "2025-07-25"]


@pytest.mark.django_db
def test_htmx_requests_get_fragments_and_history_restores_get_pages(client, confirmed_seed):
    htmx = {"HX-Request": "true"}
    view = client.get("/", {"kind": "meeting"}, headers=htmx)
    assert "<html" not in view.content.decode()
    assert view.content.decode().lstrip().startswith('<div id="timeline-view"')
    assert "HX-Request" in view["Vary"]

    restore = client.get("/", headers={**htmx, "HX-History-Restore-Request": "true"})
    assert "<html" in restore.content.decode()


@pytest.mark.django_db
def test_keyset_pages_follow_each_other_without_gaps_or_repeats(client, settings):
    settings.TIMELINE_PAGE_SIZE = 5
    events = make_events(12)
    # Two events on one day: the id breaks the tie.
    twin = Event.objects.create(
        title="توأم", first_day=events[4].first_day, last_day=events[4].first_day,
        status=Event.Status.CONFIRMED,
    )  # fmt: skip
    seen, url, params = [], "/", {}
    for _ in range(10):
        html = client.get(url, params, headers={"HX-Request": "true"}).content.decode()
        seen += [
            int(pk) for pk in re.findall(r'<li class="event-card[^"]*" id="event-(\d+)"', html)
        ]
        cursor = re.search(r'hx-get="\?after=([^"]+)"', html)
        if not cursor:
            break
        params = {"after": cursor.group(1)}
    expected = sorted([*events, twin], key=lambda e: (e.first_day, e.pk))
    assert seen == [e.pk for e in expected]


@pytest.mark.django_db
def test_without_javascript_the_next_page_is_a_plain_link(client, settings):
    settings.TIMELINE_PAGE_SIZE = 5
    make_events(7)
    html = client.get("/").content.decode()
    href = re.search(r'<li class="more">\s*<a href="([^"]+)"', html).group(1)
    page_two = client.get("/" + href.replace("&amp;", "&")).content.decode()
    assert "<html" in page_two
    assert len(CARD_DATES.findall(page_two)) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{}, {"kind": "meeting"}, {"q": "رقم"}, {"zoom": "months"}])
def test_queries_per_page_do_not_grow_with_the_archive(
    client, settings, django_assert_num_queries, params
):
    settings.TIMELINE_PAGE_SIZE = 10
    place = Place.objects.create(name="القاهرة")
    make_events(15, kind="meeting")
    for event in Event.objects.all()[:3]:
        event.places.add(place)
    params = {**params, "at": "2000-02-01"} if "zoom" in params else params

    client.get("/", params)  # warm up the session and content-type caches
    with django_assert_num_queries(6) as small:
        client.get("/", params)
    make_events(300, start=date(1990, 1, 1), kind="meeting")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get("/", params)


@pytest.mark.django_db
def test_zoom_and_pan_links_keep_filters_and_name_the_window(client, confirmed_seed):
    html = client.get("/", {"kind": "meeting"}).content.decode()
    # One meeting: the axis fits it at the closest zoom, days.
    assert "المقياس: <strong>أيام</strong>" in html
    zoom_out = re.search(r'<a id="zoom-out"[^>]* href="([^"]+)"', html).group(1)
    assert "kind=meeting" in zoom_out and "zoom=months" in zoom_out

    months = client.get("/", {"zoom": "months", "at": "2025-07-20"}).content.decode()
    # The list starts at the window (Jan 2025): the 2015 agreement is off it.
    assert CARD_DATES.findall(months) == ["2025-07-20", "2025-07-25", "2025-08"]
    assert "المقياس: <strong>أشهر</strong>" in months


@pytest.mark.django_db
def test_event_page_shows_hijri_date_and_every_excerpt(client, confirmed_seed):
    event = Event.objects.get(first_day=date(2025, 7, 20))
    html = client.get(event.get_absolute_url()).content.decode()
    assert "الأحد 20 تموز/يوليو 2025" in html
    assert "25 محرم 1447 هـ" in html
    assert "يرد في مقال واحد" in html
    assert "<mark>يوم الأحد</mark>" in html


@pytest.mark.django_db
def test_load_demo_confirms_the_seed_in_a_story_and_twice_changes_nothing():
    if not SEED_PATH.exists():
        pytest.skip("no seed")
    call_command("load_demo", str(SEED_PATH), published="2025-07-20")
    story = Story.objects.get()
    assert story.title == "الملف النووي الإيراني" and story.published
    assert story.events.count() == 4
    assert set(Event.objects.values_list("status", flat=True)) == {"confirmed"}
    before = list(Event.objects.values_list("id", "status", "updated_at"))

    call_command("load_demo", str(SEED_PATH), published="2025-07-20")

    assert list(Event.objects.values_list("id", "status", "updated_at")) == before
    assert Story.objects.count() == 1 and story.events.count() == 4


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True])
def test_every_htmx_request_of_a_story_page_answers_its_fragment(client, settings, signed_in):
    """Zoom, pan, filters, more cards and event panels: each hx-get on a story page works."""
    settings.TIMELINE_PAGE_SIZE = 5
    story = Story.objects.create(title="قصة الاختبار", slug="test-story", published=True)
    story.events.add(*make_events(12, kind="meeting"))
    make_events(3, start=date(2001, 1, 1))  # not in the story: never shown on its page
    if signed_in:
        editor = User.objects.create_user("editor")
        editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
        client.force_login(editor)
    htmx = {"HX-Request": "true"}
    path = "/stories/test-story/"

    def hx_gets(html: str) -> list[str]:
        return [url.replace("&amp;", "&") for url in re.findall(r'hx-get="([^"]+)"', html)]

    page = client.get(path).content.decode()
    requests = {url for url in hx_gets(page)}
    # The filter form's own requests (hx-get is the page's path, with its fields).
    requests |= {
        path + "?kind=meeting",
        path + "?q=رقم",
        path + "?start=2000-01-03&end=2000-01-09",
    }
    kinds = set()
    for url in sorted(requests):
        full = url if url.startswith("/") else path + url
        response = client.get(full, headers=htmx)
        html = response.content.decode()
        assert response.status_code == 200, full
        assert "<html" not in html, full
        if full.startswith("/events/"):
            kinds.add("event")
            assert "حدث رقم" in html
            continue
        story_ids = {str(event.pk) for event in story.events.all()}
        assert set(CARD_IDS.findall(html)) <= story_ids, full
        if "after=" in full:
            kinds.add("more")
            assert html.lstrip().startswith('<li class="event-card')
        else:
            kinds.add("view")
            assert html.lstrip().startswith('<div id="timeline-view"'), full
    assert kinds == {"event", "more", "view"}
    # The zoom, pan and more links were all there to follow.
    for control in ("pan-earlier", "pan-later", "zoom-out"):
        assert f'id="{control}"' in page
    restore = client.get(
        path + "?zoom=months&at=2000-01-05", headers={**htmx, "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restore.content.decode() and "قصة الاختبار" in restore.content.decode()
