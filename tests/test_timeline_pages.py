"""The reader timeline served by Django: who sees what, filters, pages, fragments."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connection

from tests.conftest import SEED_PATH, missing_service
from tests.factories import make_events
from timeline.models import Actor, Event, EventSource, Place, Story
from timeline.reader import filters
from timeline.reader.filters import format_news_cursor

CARD_DATES = re.compile(r'<time class="event-date" datetime="([^"]+)"[^>]*>')
CARD_IDS = re.compile(r'<li class="event-card[^"]*" id="event-(\d+)"')


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
    assert dates(kind="no-such-kind") == ["2025-08", "2025-07-25", "2025-07-20", "2015"]


@pytest.mark.django_db
def test_story_page_shows_its_events_and_unpublished_stories_are_hidden(client, confirmed_seed):
    story = Story.objects.create(title="قصة الاختبار", slug="test-story", published=False)
    story.events.add(*Event.objects.filter(first_day__year=2025, granularity="day"))

    assert client.get("/stories/test-story/").status_code == 404
    Story.objects.filter(pk=story.pk).update(published=True)
    html = client.get("/stories/test-story/").content.decode()
    assert "قصة الاختبار" in html
    assert CARD_DATES.findall(html) == ["2025-07-25", "2025-07-20"]
    from_root = client.get("/", {"story": "test-story"}).content.decode()
    assert CARD_DATES.findall(from_root) == ["2025-07-25", "2025-07-20"]


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
    # Newest first; on one day, the later id first.
    expected = sorted([*events, twin], key=lambda e: (e.first_day, e.pk), reverse=True)
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
@pytest.mark.parametrize("rare_links", [1_000, 3])
def test_a_place_or_actor_selects_the_same_events_rare_or_common(client, monkeypatch, rare_links):
    # Under RARE_LINKS events a place or actor is looked up first, as `id IN (…)`;
    # above, joined (timeline/reader/filters.py). The reader sees the same either way.
    monkeypatch.setattr(filters, "RARE_LINKS", rare_links)
    events = make_events(8)
    place = Place.objects.create(name="القاهرة")
    actor = Actor.objects.create(name="الأمم المتحدة", type="organization")
    for event in events[:5]:
        event.places.add(place)
    for event in events[3:]:
        event.actors.add(actor)
    Place.objects.create(name="دمشق").events.add(events[7])
    newest_first = [str(event.pk) for event in reversed(events)]
    for params, expected in [
        ({"place": "القاهرة"}, newest_first[3:]),
        ({"actor": "الأمم المتحدة"}, newest_first[:5]),
        ({"place": "القاهرة", "actor": "الأمم المتحدة"}, newest_first[3:5]),
        ({"place": "دمشق", "actor": "الأمم المتحدة"}, newest_first[:1]),
    ]:
        html = client.get("/", {**params, "zoom": "days", "at": "2000-01-10"}).content.decode()
        assert CARD_IDS.findall(html) == expected, params
        # The axis counts them too (the window is sparse: each one drawn as a mark).
        assert sorted(re.findall(r'data-event="(\d+)"', html)) == sorted(expected), params
        api = client.get("/api/events", {**params, "limit": 20}).json()
        assert sorted(str(item["id"]) for item in api["items"]) == sorted(expected), params


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
    # The list, the cards' three reads (sources, places and actors, images), the axis
    # (counts by bucket, then the few events), the filters' places and stories (one
    # query); a search's first page asks for every match first, one query more when
    # they do not fit on it (news_page); on SQLite a search looks up its rare words in
    # the FTS5 index first (timeline/search.py).
    searched = "q" in params
    with django_assert_num_queries(
        7 + searched + (searched and connection.vendor == "sqlite")
    ) as small:
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

    months = client.get("/", {"zoom": "months", "at": "2025-07-24"}).content.decode()
    # The list starts at `at`, newest first: the later events wait on the axis.
    assert CARD_DATES.findall(months) == ["2025-07-20", "2015"]
    assert "المقياس: <strong>أشهر</strong>" in months
    # Zooming keeps the first card (the event in focus) in place.
    zoom_in = re.search(r'<a id="zoom-in"[^>]* href="([^"]+)"', months).group(1)
    assert "zoom=days" in zoom_in and "at=2025-07-20" in zoom_in


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
        missing_service(f"seed article not found at {SEED_PATH}")
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
def test_the_first_screen_is_the_news_with_the_window_placed_on_it(client, settings):
    settings.TIMELINE_PAGE_SIZE = 5
    make_events(20, start=date(1439, 9, 1))  # an archive reaching far back
    make_events(8, start=date(2024, 3, 1))
    html = client.get("/").content.decode()
    # The five newest events, newest first…
    assert CARD_DATES.findall(html) == [f"2024-03-0{d}" for d in (8, 7, 6, 5, 4)]
    # …and the axis around them (days zoom, March 2024), not around the oldest page.
    window = re.search(
        r'<time datetime="([\d-]+)"[^>]*>.*?</time> –\s*<time datetime="([\d-]+)"[^>]*>', html
    )
    assert window.group(1) <= "2024-03-04" and window.group(2) > "2024-03-08"
    assert "المقياس: <strong>أيام</strong>" in html
    assert "1439" not in window.group(0)


@pytest.mark.django_db
def test_at_places_the_list_and_the_axis_on_that_day(client, settings):
    settings.TIMELINE_PAGE_SIZE = 3
    make_events(30, start=date(2010, 1, 1))
    for params in ({"at": "2010-01-20"}, {"at": "2010-01-20", "zoom": "months"}):
        html = client.get("/", params).content.decode()
        assert CARD_DATES.findall(html) == ["2010-01-20", "2010-01-19", "2010-01-18"], params
        start, end = re.search(
            r'<time datetime="([\d-]+)"[^>]*>.*?</time> –\s*<time datetime="([\d-]+)"[^>]*>', html
        ).groups()
        assert start <= "2010-01-20" < end


@pytest.mark.django_db
def test_the_next_pages_of_a_list_at_a_day_stay_on_or_before_it(client, settings):
    settings.TIMELINE_PAGE_SIZE = 3
    events = make_events(30, start=date(2010, 1, 1))
    by_day = {event.first_day.isoformat(): event for event in events}
    # A cursor before `at` goes on from it; one past `at` (a hand-made link) goes no
    # further than `at` all the same.
    for cursor_day, listed in [
        ("2010-01-10", ["2010-01-09", "2010-01-08", "2010-01-07"]),
        ("2010-01-25", ["2010-01-20", "2010-01-19", "2010-01-18"]),
    ]:
        after = format_news_cursor(by_day[cursor_day])
        html = client.get("/", {"at": "2010-01-20", "after": after}).content.decode()
        assert CARD_DATES.findall(html) == listed, cursor_day


@pytest.mark.django_db
def test_events_dated_in_the_future_wait_on_the_axis_not_atop_the_list(client):
    make_events(3, start=date(2020, 5, 1))
    future = make_events(1, start=date.today() + timedelta(days=400))[0]
    html = client.get("/").content.decode()
    assert CARD_DATES.findall(html) == ["2020-05-03", "2020-05-02", "2020-05-01"]
    later = client.get("/", {"at": future.first_day.isoformat()}).content.decode()
    assert CARD_DATES.findall(later)[0] == future.first_day.isoformat()


CLUSTERS = re.compile(r'<a class="axis-cluster kind-(\w+)"[^>]*data-count="(\d+)"')
POINTS = re.compile(r'<a class="axis-mark is-point[^"]*"')


@pytest.mark.django_db
def test_a_dense_window_shows_every_event_in_counted_clusters(client):
    # 900 events in one month: the old axis drew the first 200 only.
    make_events(450, start=date(2023, 3, 1), kind="meeting")
    make_events(450, start=date(2023, 3, 2), kind="attack")
    Event.objects.filter(first_day__gt=date(2023, 3, 31)).update(
        first_day=date(2023, 3, 15), last_day=date(2023, 3, 15)
    )
    html = client.get("/", {"zoom": "months", "at": "2023-03-31"}).content.decode()
    clusters = CLUSTERS.findall(html)
    in_window = Event.objects.filter(
        first_day__gte=date(2022, 9, 1), first_day__lt=date(2023, 9, 1)
    ).count()
    assert sum(int(n) for _, n in clusters) == in_window == 900
    assert POINTS.findall(html) == []
    assert {kind for kind, _ in clusters} <= {"meeting", "attack"}
    assert "(900 حدث)" in html  # hundreds: the singular, in Arabic
    # A cluster opens the list (and a closer axis) at its stretch's last day.
    href = re.search(r'<a class="axis-cluster[^>]*href="([^"]+)"', html).group(1)
    assert "zoom=days" in href and "at=2023-03-" in href


@pytest.mark.django_db
def test_a_sparse_window_draws_lone_events_and_clusters_those_that_share_a_day(client):
    make_events(5, start=date(2023, 3, 1))  # five days, one event each
    make_events(3, start=date(2023, 3, 20))
    Event.objects.filter(first_day__gte=date(2023, 3, 20)).update(
        first_day=date(2023, 3, 20), last_day=date(2023, 3, 20)
    )
    html = client.get("/", {"zoom": "days", "at": "2023-03-10"}).content.decode()
    assert len(POINTS.findall(html)) == 5
    assert [n for _, n in CLUSTERS.findall(html)] == ["3"]
    # At the deepest zoom a cluster opens the list on its day, at the same zoom.
    href = re.search(r'<a class="axis-cluster[^>]*href="([^"]+)"', html).group(1)
    assert "zoom=days" in href and "at=2023-03-20" in href
    assert "كبّر" not in html.split('class="axis"')[0].rsplit("axis-caption", 1)[-1]


@pytest.mark.django_db
def test_ranked_search_pages_follow_each_other_without_gaps_or_repeats(client, settings):
    settings.TIMELINE_PAGE_SIZE = 4
    # Eight: the title matches end exactly with the second page.
    titled = make_events(8, start=date(2001, 1, 1))  # «حدث رقم n»: the word in the title
    excerpt_only = make_events(5, start=date(2003, 1, 1))
    Event.objects.filter(pk__in=[e.pk for e in excerpt_only]).update(title="خبر")
    EventSource.objects.filter(event__in=excerpt_only).update(excerpt="حدث رقم في النص")
    from timeline.search_index import refresh_search_text

    refresh_search_text(e.pk for e in excerpt_only)
    seen, params = [], {"q": "رقم"}
    for _ in range(10):
        html = client.get("/", params, headers={"HX-Request": "true"}).content.decode()
        seen += [int(pk) for pk in CARD_IDS.findall(html)]
        cursor = re.search(r'hx-get="\?[^"]*after=([^"&]+)', html)
        if not cursor:
            break
        params = {"q": "رقم", "after": cursor.group(1)}
    # Title matches first (newest first among them), then the excerpt-only ones.
    assert seen == [e.pk for e in reversed(titled)] + [e.pk for e in reversed(excerpt_only)]


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


@pytest.mark.django_db
def test_event_and_article_links_keep_the_sites_path_prefix():
    # A site served under /newsroom/ (SCRIPT_NAME, set per request) links there;
    # the same process serving at / links at /.
    from django.urls import set_script_prefix

    event = make_events(1)[0]
    article = event.sources.get().article
    try:
        set_script_prefix("/newsroom/")
        assert event.get_absolute_url() == f"/newsroom/events/{event.pk}/"
        assert article.get_absolute_url() == f"/newsroom/articles/{article.pk}/"
    finally:
        set_script_prefix("/")
    assert event.get_absolute_url() == f"/events/{event.pk}/"
    assert article.get_absolute_url() == f"/articles/{article.pk}/"


LANE = re.compile(
    r'<div class="lane lane-([\w-]+)">\s*<span class="lane-label"[^>]*><bdi>([^<]*)</bdi>'
    r' <span class="lane-count">(\d+)</span>'
)


def lanes_of(html: str) -> list[tuple[str, str, int, int]]:
    """Each lane of the axis: key, label, count, and the events its marks and clusters hold."""
    rows = []
    for chunk in html.split('<div class="lane lane-')[1:]:
        if chunk.startswith("ticks"):
            continue
        key, label, count = LANE.match('<div class="lane lane-' + chunk).groups()
        drawn = sum(int(n) for _, n in CLUSTERS.findall(chunk)) + len(POINTS.findall(chunk))
        rows.append((key, label, int(count), drawn))
    return rows


@pytest.mark.django_db
def test_lanes_by_kind_draw_a_row_per_kind_busiest_first_with_the_database_counts(client):
    make_events(30, start=date(2023, 3, 1), kind="visit")
    make_events(12, start=date(2023, 3, 5), kind="attack")
    make_events(5, start=date(2023, 4, 1), kind="other")
    make_events(3, start=date(2023, 4, 10), kind="meeting")
    html = client.get("/", {"zoom": "months", "at": "2023-04-01", "lanes": "kind"}).content.decode()
    window = {"first_day__gte": date(2022, 10, 1), "first_day__lt": date(2023, 10, 1)}
    expected = [
        (kind, label, Event.objects.filter(kind=kind, **window).count())
        for kind, label in [("visit", "زيارة"), ("attack", "هجوم"), ("meeting", "لقاء")]
    ] + [("other", "أخرى", 5)]  # «أخرى» last
    assert [(key, label, count) for key, label, count, _ in lanes_of(html)] == expected
    # Each row draws exactly its own events, in its own kind's colour.
    assert all(count == drawn for _, _, count, drawn in lanes_of(html))
    attack_row = html.split('<div class="lane lane-attack">')[1].split('<div class="lane ')[0]
    assert set(re.findall(r'class="axis-(?:cluster|mark[^"]*) kind-(\w+)', attack_row)) == {
        "attack"
    }
    # The control is a field of the filter form, and links (zoom, pan, clusters) keep it.
    assert '<select name="lanes"' in html and '<option value="kind" selected>' in html
    for link in re.findall(
        r'<a (?:id="(?:zoom|pan)-[^"]*"|class="axis-cluster)[^>]*href="([^"]+)"', html
    ):
        assert "lanes=kind" in link, link
    # Without the parameter, one line as before.
    assert lanes_of(client.get("/", {"zoom": "months", "at": "2023-04-01"}).content.decode()) == []


@pytest.mark.django_db
def test_lanes_by_story_put_events_in_no_story_in_a_last_row(client):
    events = make_events(20, start=date(2023, 3, 1))
    big = Story.objects.create(title="حرب الموانئ", slug="ports", published=True)
    small = Story.objects.create(title="قمة الرياض", slug="riyadh", published=True)
    hidden = Story.objects.create(title="مسودة", slug="draft", published=False)
    big.events.add(*events[:9])
    small.events.add(*events[8:12])  # the ninth event is in both stories: in both rows
    hidden.events.add(*events[15:])  # unpublished: its events are in no story for readers
    html = client.get(
        "/", {"zoom": "months", "at": "2023-04-01", "lanes": "story"}
    ).content.decode()
    assert [row[:3] for row in lanes_of(html)] == [
        (str(big.pk), "حرب الموانئ", 9),
        (str(small.pk), "قمة الرياض", 4),
        ("no-story", "خارج القصص", 8),
    ]
    assert all(count == drawn for _, _, count, drawn in lanes_of(html))
    assert "(20 حدثاً)" in html  # the caption counts each event once


@pytest.mark.django_db
def test_more_than_eight_stories_fold_into_other(client):
    events = make_events(45, start=date(2023, 3, 1))
    for n in range(9):
        story = Story.objects.create(title=f"قصة {n}", slug=f"s{n}", published=True)
        story.events.add(*events[: 9 - n])  # story 0 the busiest
    html = client.get(
        "/", {"zoom": "months", "at": "2023-04-01", "lanes": "story"}
    ).content.decode()
    rows = lanes_of(html)
    assert len(rows) == 8
    assert [label for _, label, _, _ in rows] == [f"قصة {n}" for n in range(6)] + [
        "أخرى",
        "خارج القصص",
    ]
    assert rows[-2][2] == 3 + 2 + 1 and rows[-1][2] == 45 - 9
    assert all(count == drawn for _, _, count, drawn in rows)


@pytest.mark.django_db
def test_a_bad_lanes_value_is_ignored_and_said_so_by_the_form(client):
    make_events(3, start=date(2023, 3, 1))
    response = client.get("/", {"zoom": "days", "at": "2023-03-02", "lanes": "place"})
    html = response.content.decode()
    assert response.status_code == 200
    assert lanes_of(html) == [] and len(POINTS.findall(html)) == 3
    assert '<span class="error">المسارات: حسب النوع أو حسب القصة أو بلا مسارات.</span>' in html


@pytest.mark.django_db
@pytest.mark.parametrize("lanes, extra", [("kind", 0), ("story", 1)])
def test_lanes_cost_one_grouped_query_at_most_whatever_the_number_of_rows(
    client, django_assert_num_queries, lanes, extra
):
    make_events(15, start=date(2000, 1, 1), kind="meeting")
    params = {"zoom": "months", "at": "2000-01-10"}
    client.get("/", params)
    # The list holds every event up to `at`: the axis reads only the five after it.
    with django_assert_num_queries(6):
        client.get("/", params)
    for n, kind in enumerate(["attack", "visit", "talks", "legal"]):
        make_events(40, start=date(2000, 1, 1) + timedelta(days=n), kind=kind)
        Story.objects.create(title=kind, slug=kind, published=True).events.add(
            *Event.objects.filter(kind=kind)
        )
    # Dense now: no event is drawn alone, so the window's events are not read.
    with django_assert_num_queries(6 + extra):
        client.get("/", {**params, "lanes": lanes})


@pytest.mark.django_db
def test_the_upcoming_filter_shows_what_is_coming_on_the_main_timeline(client):
    from django.utils import timezone

    from tests.factories import dated_event

    today = timezone.localdate()
    past = dated_event("قمة انعقدت", today - timedelta(days=3))
    soon = dated_event("قمة مقبلة", today + timedelta(days=5))
    later = dated_event("انتخابات العام المقبل", today + timedelta(days=300))

    def cards(page: str) -> set[int]:
        return {int(pk) for pk in CARD_IDS.findall(page)}

    plain = client.get("/").content.decode()
    # The news first: what is dated in the future waits on the axis, not in the list.
    assert cards(plain) == {past.pk}
    assert 'name="upcoming"' in plain  # a checkbox of the filter form
    assert cards(client.get("/", {"upcoming": "on"}).content.decode()) == {soon.pk, later.pk}
    api = client.get("/api/events", {"upcoming": "true"}).json()
    assert sorted(item["title"] for item in api["items"]) == sorted([soon.title, later.title])


@pytest.mark.django_db
def test_a_short_list_leaves_what_is_coming_on_the_axis(client):
    from django.utils import timezone

    from tests.factories import dated_event

    today = timezone.localdate()
    past = dated_event("قمة انعقدت", today - timedelta(days=3))
    soon = dated_event("قمة مقبلة", today + timedelta(days=5))
    later = dated_event("قمة العام المقبل", today + timedelta(days=300))
    dated_event("انتخابات مقبلة", today + timedelta(days=6))

    def shown(params: dict) -> tuple[list[str], list[str]]:
        page = client.get("/", params).content.decode()
        return CARD_IDS.findall(page), sorted(re.findall(r'data-event="(\d+)"', page))

    # The list stops at today; the axis still draws what is coming in its window.
    assert shown({"q": "قمة"}) == ([str(past.pk)], sorted([str(past.pk), str(soon.pk)]))
    # Nothing matches up to today: the list is empty, the years window shows the rest.
    assert shown({"q": "قمة مقبلة"}) == ([], [str(soon.pk)])
    assert shown({"q": "قمة العام"}) == ([], [str(later.pk)])
    assert shown({"q": "لا شيء يطابق"}) == ([], [])
