"""Sharing: the index of stories, link previews, feed links, and what the feed says."""

import re
from datetime import date
from html import unescape

import feedparser
import pytest

from tests.test_browser import browser, new_page  # noqa: F401
from timeline.models import Article, Event, EventSource, Mention, Story

pytestmark = pytest.mark.django_db


def reported_event(title: str, day: date, excerpt: str, url: str = "", n: int = 0) -> Event:
    """A confirmed event with one report: an article, its date mention, the excerpt."""
    event = Event.objects.create(
        title=title, first_day=day, last_day=day, status=Event.Status.CONFIRMED
    )
    article = Article.objects.create(
        title=f"مقال {title}", body=excerpt, url=url, content_hash=f"{n:064d}"
    )
    mention = Mention.objects.create(article=article, start=0, end=4, text=excerpt[:4], type="DATE")
    EventSource.objects.create(
        event=event,
        article=article,
        mention=mention,
        excerpt=excerpt,
        highlight_start=0,
        highlight_end=4,
    )
    return event


def meta(html: str, key: str) -> str | None:
    """The content of <meta property|name="key">, unescaped as a crawler reads it."""
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return unescape(match.group(1)) if match else None


def feed_href(html: str) -> str:
    match = re.search(
        r'<link rel="alternate" type="application/atom\+xml"[^>]* href="([^"]+)"', html
    )
    assert match, "no Atom link in the page"
    return unescape(match.group(1))


@pytest.fixture
def story() -> Story:
    story = Story.objects.create(
        title="مفاوضات فيينا",
        slug="vienna",
        description="جولات التفاوض <b>كلها</b>.",
        published=True,
    )
    story.events.add(
        reported_event("جولة أولى", date(2025, 7, 1), "اجتمع الوفدان يوم الثلاثاء في فيينا.", n=1),
        reported_event("جولة ثانية", date(2025, 7, 9), "عاد الوفدان إلى فيينا.", n=2),
        reported_event("جولة ثالثة", date(2025, 7, 20), "انتهت الجولة الثالثة.", n=3),
    )
    return story


# --- /stories/ -----------------------------------------------------------------------


def test_the_story_index_lists_published_stories_with_counts_and_dates(client, story):
    Story.objects.create(title="مسودة سرية", slug="draft", published=False)
    empty = Story.objects.create(title="قصة بلا أحداث", slug="empty", published=True)
    candidate = Event.objects.create(
        title="حدث مقترح", first_day=date(2030, 1, 1), last_day=date(2030, 1, 1)
    )
    story.events.add(candidate)  # not confirmed: neither counted nor in the date range

    html = client.get("/stories/").content.decode()

    assert "مسودة سرية" not in html
    assert f'href="{story.get_absolute_url()}"' in html
    assert f'href="{empty.get_absolute_url()}"' in html
    assert "جولات التفاوض &lt;b&gt;كلها&lt;/b&gt;." in html
    entry = html[html.index("مفاوضات فيينا") : html.index("قصة بلا أحداث")]
    assert "3 أحداث" in entry
    assert '<time datetime="2025-07-01"' in entry and '<time datetime="2025-07-20"' in entry
    assert "2030" not in entry


def test_the_site_header_links_to_the_story_index(client):
    assert 'href="/stories/"' in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("count", "arabic", "english"),
    [
        (0, "لا أحداث", "0 events"),
        (1, "حدث واحد", "One event"),
        (2, "حدثان", "2 events"),
        (3, "3 أحداث", "3 events"),
        (11, "11 حدثاً", "11 events"),
        (100, "100 حدث", "100 events"),
    ],
)
def test_event_counts_take_the_arabic_plural_forms(client, count, arabic, english):
    story = Story.objects.create(title="قصة العدّ", slug="count", published=True)
    story.events.add(
        *Event.objects.bulk_create(
            Event(
                title=f"حدث {n}",
                first_day=date(2025, 1, 1),
                last_day=date(2025, 1, 1),
                status=Event.Status.CONFIRMED,
            )
            for n in range(count)
        )
    )
    assert f'<span class="event-count">{arabic}</span>' in client.get("/stories/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert f'<span class="event-count">{english}</span>' in client.get("/stories/").content.decode()


# --- og: and Twitter tags ------------------------------------------------------------


def test_an_event_page_has_link_preview_tags_from_its_excerpt(client):
    event = reported_event(
        'اجتماع "فيينا" <الأول>', date(2025, 7, 1), "اجتمع الوفدان يوم الثلاثاء في فيينا.", n=9
    )
    html = client.get(event.get_absolute_url()).content.decode()
    url = f"http://testserver{event.get_absolute_url()}"
    assert meta(html, "og:title") == 'اجتماع "فيينا" <الأول>'
    assert meta(html, "twitter:title") == 'اجتماع "فيينا" <الأول>'
    assert meta(html, "og:description") == "اجتمع الوفدان يوم الثلاثاء في فيينا."
    assert meta(html, "twitter:description") == "اجتمع الوفدان يوم الثلاثاء في فيينا."
    assert meta(html, "og:url") == url
    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "twitter:card") == "summary_large_image"
    assert "<الأول>" not in html  # escaped everywhere


def test_a_story_page_has_link_preview_tags_from_its_description(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    assert meta(html, "og:title") == "مفاوضات فيينا"
    assert meta(html, "og:description") == "جولات التفاوض <b>كلها</b>."
    assert meta(html, "og:url") == "http://testserver/stories/vienna/"


def test_a_long_excerpt_is_cut_for_the_preview(client):
    event = reported_event("حدث", date(2025, 7, 1), "كلمة " * 200, n=8)
    description = meta(client.get(event.get_absolute_url()).content.decode(), "og:description")
    assert 100 < len(description) <= 200 and description.endswith("…")


# --- Atom feeds of the page's filters ------------------------------------------------


def test_each_reader_page_links_to_the_feed_of_its_filters(client, story):
    assert feed_href(client.get("/").content.decode()) == "/feeds/confirmed.atom"
    assert (
        feed_href(client.get("/?kind=meeting&zoom=months&q=فيينا").content.decode())
        == "/feeds/confirmed.atom?q=%D9%81%D9%8A%D9%8A%D9%86%D8%A7&kind=meeting"
    )
    assert feed_href(client.get(story.get_absolute_url()).content.decode()) == (
        "/feeds/confirmed.atom?story=vienna"
    )


def test_a_story_feed_holds_only_that_storys_events(client, story):
    reported_event("حدث خارج القصة", date(2025, 7, 2), "نص آخر.", n=7)
    href = feed_href(client.get(story.get_absolute_url()).content.decode())
    feed = feedparser.parse(client.get(href).content)
    assert {entry.title for entry in feed.entries} == {"جولة أولى", "جولة ثانية", "جولة ثالثة"}
    assert "مفاوضات فيينا" in feed.feed.title


def test_a_feed_with_bad_filters_is_a_bad_request(client):
    assert client.get("/feeds/confirmed.atom?story=no-such-story").status_code == 400


def test_atom_entries_carry_the_excerpt_and_a_link_to_the_source_article(client):
    reported_event(
        "قمة <الدوحة>",
        date(2025, 7, 1),
        "اجتمع القادة <b>في</b> الدوحة.",
        "https://example.org/a",
        5,
    )
    with_no_url = reported_event("حدث محلي", date(2025, 7, 2), "نص محلي.", n=6)
    feed = feedparser.parse(client.get("/feeds/confirmed.atom").content)
    assert not feed.bozo, feed.bozo_exception
    entries = {entry.title: entry for entry in feed.entries}
    doha = entries["قمة <الدوحة>"]
    assert "اجتمع القادة <b>في</b> الدوحة." in unescape(doha.summary)
    assert "<b>" not in doha.summary  # shown as text, not as markup
    related = [link for link in doha.links if link.rel == "related"]
    assert [(link.href, link.title) for link in related] == [
        ("https://example.org/a", "مقال قمة <الدوحة>")
    ]
    local = [link.href for link in entries["حدث محلي"].links if link.rel == "related"]
    article = with_no_url.sources.get().article
    assert local == [f"http://testserver{article.get_absolute_url()}"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_chromium_reads_the_share_tags_of_an_event_page(browser, live_server):  # noqa: F811
    event = reported_event("قمة الدوحة", date(2025, 7, 1), "اجتمع القادة في الدوحة.", n=4)
    Story.objects.create(title="القمم", slug="summits", published=True).events.add(event)
    page = new_page(browser)
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="كل القصص").click()
    page.get_by_role("link", name="القمم").click()
    page.goto(f"{live_server.url}{event.get_absolute_url()}")

    def content(selector: str) -> str | None:
        return page.locator(selector).get_attribute("content")

    assert content('meta[property="og:title"]') == "قمة الدوحة"
    assert content('meta[property="og:description"]') == "اجتمع القادة في الدوحة."
    assert content('meta[name="twitter:card"]') == "summary_large_image"
    assert content('meta[property="og:url"]') == f"{live_server.url}{event.get_absolute_url()}"
    feed = page.locator('link[rel="alternate"][type="application/atom+xml"]')
    assert page.request.get(live_server.url + feed.get_attribute("href")).ok
    page.context.close()
