"""Embeds for other sites' iframes, their code on story pages, and oEmbed."""

import json
import re
from datetime import date
from html import unescape

import pytest

from tests.conftest import REPO
from tests.factories import make_editor
from tests.test_settings import run_check
from tests.test_sharing import reported_event
from timeline.models import Event, Story

ORIGIN = "https://news.example.org"


@pytest.fixture
def story(settings) -> Story:
    settings.EMBED_ALLOWED_ORIGINS = [ORIGIN, "https://*.example.net"]
    story = Story.objects.create(title="مفاوضات فيينا", slug="vienna", published=True)
    story.events.add(
        reported_event("جولة أولى", date(2025, 7, 1), "اجتمع الوفدان في فيينا.", n=1),
        reported_event("جولة ثانية", date(2025, 7, 9), "عاد الوفدان إلى فيينا.", n=2),
    )
    return story


def frame_ancestors(response) -> str:
    policy = response["Content-Security-Policy"]
    return re.search(r"frame-ancestors ([^;]+)", policy).group(1)


# --- the embed pages --------------------------------------------------------------------


@pytest.mark.django_db
def test_a_story_embed_is_the_timeline_alone_framable_by_the_listed_origins(client, story):
    response = client.get("/embed/stories/vienna/")
    assert response.status_code == 200
    assert frame_ancestors(response) == f"{ORIGIN} https://*.example.net"
    assert "X-Frame-Options" not in response
    html = response.content.decode()
    assert "جولة أولى" in html and "جولة ثانية" in html
    assert 'class="site-header"' not in html, "no site chrome"
    assert 'class="filters"' not in html
    assert '<html lang="ar" dir="rtl" data-embed>' in html
    # Links open the site in a new tab: its own pages cannot be framed.
    assert '<base target="_blank">' in html
    assert 'href="http://testserver/stories/vienna/" target="_blank" rel="noopener"' in html


@pytest.mark.django_db
def test_every_other_page_still_refuses_to_be_framed(client, story):
    event = story.events.first()
    for path in ("/", "/stories/vienna/", "/stories/", event.get_absolute_url()):
        response = client.get(path)
        assert response["X-Frame-Options"] == "DENY", path
        assert frame_ancestors(response) == "'none'", path


@pytest.mark.django_db
def test_with_no_origin_listed_embeds_are_refused_everywhere(client, story, settings):
    settings.EMBED_ALLOWED_ORIGINS = []
    assert frame_ancestors(client.get("/embed/stories/vienna/")) == "'none'"


@pytest.mark.django_db
def test_embeds_show_only_what_readers_see(client, story):
    candidate = Event.objects.create(
        title="حدث مقترح", first_day=date(2025, 7, 5), last_day=date(2025, 7, 5)
    )
    story.events.add(candidate)
    Story.objects.create(title="مسودة", slug="draft", published=False)
    client.force_login(make_editor())
    assert "حدث مقترح" not in client.get("/embed/stories/vienna/").content.decode()
    assert "حدث مقترح" in client.get("/stories/vienna/").content.decode(), "the site shows it"
    assert client.get("/embed/stories/draft/").status_code == 404


@pytest.mark.django_db
def test_the_timeline_embed_takes_the_timelines_filters(client, story):
    reported_event("قمة إسطنبول", date(2025, 7, 25), "التقى الوزراء في إسطنبول.", n=3)
    html = client.get("/embed/", {"q": "إسطنبول"}).content.decode()
    assert "قمة إسطنبول" in html and "جولة أولى" not in html
    # Zooming inside the embed swaps the view in place (HTMX), as on the site.
    fragment = client.get("/embed/", {"zoom": "years"}, headers={"HX-Request": "true"})
    assert fragment.content.decode().lstrip().startswith('<div id="timeline-view"')
    assert frame_ancestors(fragment) == f"{ORIGIN} https://*.example.net"


# --- the embed code on story pages -------------------------------------------------------


@pytest.mark.django_db
def test_a_story_page_gives_its_embed_code(client, story):
    story.title = 'فيينا "الأخيرة" </textarea>'
    story.save()
    html = client.get("/stories/vienna/").content.decode()
    assert "<summary>تضمين</summary>" in html
    code = unescape(re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', html, re.S)[1])
    assert code == (
        '<iframe src="http://testserver/embed/stories/vienna/"'
        ' title="فيينا &quot;الأخيرة&quot; &lt;/textarea&gt;" width="100%" height="600"'
        ' style="border:0;max-width:100%" loading="lazy" data-newsroom-embed></iframe>\n'
        '<script src="http://testserver/static/timeline/embed-resize.js" async></script>'
    )
    assert (REPO / "static" / "timeline" / "embed-resize.js").exists()


@pytest.mark.django_db
def test_an_editor_is_told_when_no_site_may_show_the_embed(client, story, settings):
    settings.EMBED_ALLOWED_ORIGINS = []
    client.force_login(make_editor())
    assert "EMBED_ALLOWED_ORIGINS" in client.get("/stories/vienna/").content.decode()


@pytest.mark.parametrize("value", ["*", "https://example.org/path", "example.org", "ftp://x.org"])
def test_a_bad_embed_origin_stops_the_process(value):
    result = run_check(DEBUG="1", EMBED_ALLOWED_ORIGINS=value)
    assert result.returncode != 0
    assert "EMBED_ALLOWED_ORIGINS" in result.stderr and "is not an origin" in result.stderr


# --- oEmbed ------------------------------------------------------------------------------


def oembed(client, url: str, **params):
    return client.get("/oembed", {"url": url, **params})


@pytest.mark.django_db
def test_oembed_gives_the_rich_embed_of_a_story(client, story):
    response = oembed(client, "http://testserver/stories/vienna/", format="json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    answer = json.loads(response.content)
    assert answer["version"] == "1.0" and answer["type"] == "rich"
    assert answer["title"] == "مفاوضات فيينا"
    assert answer["provider_name"] == "الخط الزمني"
    assert (answer["width"], answer["height"]) == (800, 600)
    assert '<iframe src="http://testserver/embed/stories/vienna/"' in answer["html"]
    assert 'width="800" height="600"' in answer["html"]


@pytest.mark.django_db
def test_oembed_keeps_within_maxwidth_and_maxheight(client, story):
    answer = oembed(client, "http://testserver/stories/vienna/", maxwidth="480", maxheight="300")
    answer = json.loads(answer.content)
    assert (answer["width"], answer["height"]) == (480, 300)
    assert 'width="480" height="300"' in answer["html"]
    bad = oembed(client, "http://testserver/stories/vienna/", maxwidth="-5")
    assert bad.status_code == 400


@pytest.mark.django_db
def test_oembed_of_the_timeline_keeps_its_filters(client, story):
    answer = json.loads(
        oembed(
            client, "http://testserver/?kind=meeting&zoom=years&q=%D9%81%D9%8A%D9%8A%D9%86%D8%A7"
        ).content
    )
    assert (
        '<iframe src="http://testserver/embed/?q=%D9%81%D9%8A%D9%8A%D9%86%D8%A7&amp;kind=meeting"'
        in answer["html"]
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "http://elsewhere.example/stories/vienna/",
        "http://testserver.evil.example/stories/vienna/",
        "javascript:alert(1)",
        "http://testserver/stories/draft/",
        "http://testserver/stories/nothing/",
        "http://testserver/stories/",
        "http://testserver/review/",
        "http://testserver/no/such/page/",
    ],
)
def test_oembed_refuses_what_is_not_our_story_or_timeline(client, story, url):
    Story.objects.create(title="مسودة", slug="draft", published=False)
    assert oembed(client, url).status_code == 404


@pytest.mark.django_db
def test_oembed_refuses_an_event_page_and_xml(client, story):
    event = story.events.first()
    assert oembed(client, f"http://testserver{event.get_absolute_url()}").status_code == 404
    assert oembed(client, "http://testserver/stories/vienna/", format="xml").status_code == 501


@pytest.mark.django_db
def test_a_story_page_points_oembed_consumers_to_its_embed(client, story):
    html = client.get("/stories/vienna/").content.decode()
    link = re.search(
        r'<link rel="alternate" type="application/json\+oembed"[^>]* href="([^"]+)"', html
    )
    assert link, "no oEmbed discovery link"
    answer = json.loads(client.get(unescape(link[1])).content)
    assert answer["title"] == "مفاوضات فيينا"


@pytest.mark.django_db
def test_an_embed_served_from_the_reader_cache_keeps_its_framing_headers(
    client, story, settings, django_assert_num_queries
):
    settings.READER_CACHE_SECONDS = 60
    first = client.get("/embed/stories/vienna/")
    with django_assert_num_queries(0):  # from the cache
        again = client.get("/embed/stories/vienna/")
    for response in (first, again):
        assert frame_ancestors(response) == f"{ORIGIN} https://*.example.net"
        assert "X-Frame-Options" not in response
    # And the site's own page, cached too, still refuses framing.
    client.get("/stories/vienna/")
    assert client.get("/stories/vienna/")["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_oembed_takes_an_arabic_slug_and_a_bare_host(client, story):
    Story.objects.create(title="غزة", slug="حرب-غزة", published=True)
    answer = json.loads(
        oembed(client, "http://testserver/stories/%D8%AD%D8%B1%D8%A8-%D8%BA%D8%B2%D8%A9/").content
    )
    assert answer["title"] == "غزة"
    assert "/embed/stories/%D8%AD%D8%B1%D8%A8-%D8%BA%D8%B2%D8%A9/" in answer["html"]
    bare = json.loads(oembed(client, "http://testserver").content)
    assert '<iframe src="http://testserver/embed/"' in bare["html"]
