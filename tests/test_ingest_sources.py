"""Articles from HTML, URLs, JSON Lines and feeds; what happens without a date or a broker."""

import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import CommandError, call_command
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from timeline.models import Article, Event, Source
from timeline.pipeline.extract import EXTRACTOR_VERSION
from timeline.pipeline.ingest import IngestError, ingest_html, ingest_text, ingest_url, poll_feed

PAGE = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">
<title>موقع الأخبار | لقاء في موسكو</title>
<meta property="og:title" content="لاريجاني يلتقي بوتين في موسكو">
<meta property="article:published_time" content="2025-07-20T09:30:00+03:00">
</head><body><nav><a href="/">الرئيسية</a> <a href="/s">سياسة</a> <a href="/e">اقتصاد</a></nav>
<article><h1>لاريجاني يلتقي بوتين في موسكو</h1>
<p>التقى علي لاريجاني، يوم الأحد، بالرئيس الروسي فلاديمير بوتين في قصر الكرملين بالعاصمة موسكو،
في زيارة لم يُعلن عنها مسبقاً وسط تصاعد التوترات في المنطقة.</p>
<p>ومن المتوقع أن تُستأنف المفاوضات مع الترويكا الأوروبية يوم الجمعة المقبل في اسطنبول.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار</title><link>{base}/</link>
<item><title>لاريجاني يلتقي بوتين في موسكو</title><link>{base}/news/1</link>
<pubDate>Sun, 20 Jul 2025 09:30:00 GMT</pubDate></item>
<item><title>قمة في القاهرة</title><link>{base}/missing</link>
<pubDate>Mon, 21 Jul 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;تعقد القمة العربية في القاهرة يوم الخميس المقبل بمشاركة القادة العرب لبحث الأوضاع في المنطقة.&lt;/p&gt;</description></item>
</channel></rss>"""


class Site:
    """A tiny web site on loopback: path → (status, content type, body, delay)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes, float]] = {}
        self.redirects: dict[str, str] = {}
        self.hits: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.hits.append(self.path)
                if self.path in site.redirects:
                    self.send_response(302)
                    self.send_header("Location", site.redirects[self.path])
                    self.end_headers()
                    return
                status, content_type, body, delay = site.routes.get(
                    self.path, (404, "text/plain", b"not found", 0)
                )
                time.sleep(delay)
                if self.headers.get("If-None-Match") == '"v1"':
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", '"v1"')
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def add(self, path: str, body: str | bytes, content_type="text/html; charset=utf-8", delay=0.0):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (200, content_type, data, delay)


@pytest.fixture
def site(settings):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = True  # the test site is on loopback
    site = Site()
    yield site
    site.server.shutdown()


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run the extraction queued on commit, as a worker would, for the block's saves."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.mark.django_db
def test_html_gives_main_text_title_and_metadata_date(run_on_commit):
    with run_on_commit():
        article = ingest_html(PAGE).article

    article.refresh_from_db()
    assert article.title == "لاريجاني يلتقي بوتين في موسكو"
    assert article.published == date(2025, 7, 20)
    assert article.body.startswith("التقى علي لاريجاني")
    assert "الرئيسية" not in article.body and "جميع الحقوق" not in article.body
    assert sorted(Event.objects.values_list("first_day", flat=True)) == [
        date(2025, 7, 20),
        date(2025, 7, 25),
    ]


@pytest.mark.django_db
def test_a_url_is_fetched_once_and_its_repeat_is_reported(site):
    site.add("/news/1", PAGE)

    first = ingest_url(site.base + "/news/1")
    again = ingest_url(site.base + "/news/1")

    assert first.created and again.duplicate
    assert again.article.pk == first.article.pk
    assert first.article.url == site.base + "/news/1"
    assert site.hits == ["/news/1"]


@pytest.mark.django_db
def test_windows_1256_pages_are_read(site):
    site.add(
        "/legacy",
        PAGE.replace('charset="utf-8"', "").encode("cp1256"),
        "text/html; charset=windows-1256",
    )
    article = ingest_url(site.base + "/legacy").article
    assert "لاريجاني" in article.body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "setup", "message"),
    [
        ("/missing", None, "404"),
        ("/huge", ("huge", 0), "أكبر من الحد"),
        ("/slow", ("slow", 3), "المهلة"),
    ],
)
def test_bad_urls_are_refused_with_a_clear_message(site, settings, path, setup, message):
    settings.FETCH_MAX_BYTES = 10_000
    settings.FETCH_TIMEOUT = 1
    if setup:
        site.add(path, "ا" * 20_000 if setup[0] == "huge" else PAGE, delay=setup[1])

    with pytest.raises(IngestError, match=message):
        ingest_url(site.base + path)
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_redirects_are_followed_to_the_article(site):
    site.add("/news/1", PAGE)
    site.redirects["/short"] = "/news/1"

    article = ingest_url(site.base + "/short").article

    assert article.url == site.base + "/news/1"
    assert site.hits == ["/short", "/news/1"]


@pytest.mark.django_db
def test_addresses_inside_the_network_are_refused(site, settings):
    site.add("/news/1", PAGE)
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False

    for url in (site.base + "/news/1", "http://localhost:9/", "http://10.1.2.3/"):
        with pytest.raises(IngestError, match="الشبكة الداخلية"):
            ingest_url(url)
    assert site.hits == []


def test_only_http_urls_are_fetched():
    with pytest.raises(IngestError, match="http"):
        ingest_url("file:///etc/passwd")


@pytest.mark.django_db
def test_jsonl_records_are_ingested_with_duplicates_and_bad_lines_reported(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(
        '{"title": "أ", "text": "التقى الوزيران يوم الأحد في عمّان.", "published": "2018-03-04", "url": "https://x.test/1"}\n'
        "not json\n"
        '{"title": "سيئ", "text": "نص", "published": "04/03/2018"}\n'
        '{"title": "مكرر", "text": "نص مختلف", "url": "https://x.test/1"}\n'
        "\n"
        '{"title": "ب", "text": "نص آخر عن قمة الخميس المقبل.", "published": "2018-03-05"}\n',
        encoding="utf-8",
    )
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError, match="could not be ingested"):
        call_command("ingest", str(path), stdout=out, stderr=err)

    # Bad lines are reported with their numbers; the lines after them are not lost.
    assert Article.objects.count() == 2
    assert Article.objects.get(url="https://x.test/1").published == date(2018, 3, 4)
    assert Article.objects.filter(title="ب", published=date(2018, 3, 5)).exists()
    assert "already stored" in out.getvalue()
    assert "Done: 2 stored, 1 duplicates, 2 failed." in out.getvalue()
    assert f"{path}:2: ليس JSON" in err.getvalue()
    assert "04/03/2018" in err.getvalue()


@pytest.mark.django_db
def test_a_feed_is_polled_with_full_pages_and_falls_back_to_its_own_text(site):
    site.add("/news/1", PAGE)
    site.add("/feed.xml", FEED.format(base=site.base), "application/rss+xml")
    source = Source.objects.create(name="أخبار", feed_url=site.base + "/feed.xml")

    report = poll_feed(source)

    assert (report.entries, report.created, report.failed) == (2, 2, 0)
    titles = set(source.articles.values_list("title", flat=True))
    assert titles == {"لاريجاني يلتقي بوتين في موسكو", "قمة في القاهرة"}
    summit = source.articles.get(title="قمة في القاهرة")
    assert summit.published == date(2025, 7, 21)
    assert "القمة العربية" in summit.body

    source.refresh_from_db()
    second = poll_feed(source)  # the server answers 304 to the stored ETag
    assert second.entries == 0
    assert source.articles.count() == 2


@pytest.mark.django_db
def test_without_a_publication_date_relative_dates_wait_for_an_editor(client, run_on_commit):
    with run_on_commit():
        article = ingest_text(
            "لقاء\nالتقى الوزيران يوم الأحد، ووقعا اتفاقاً في 3 آذار 2024."
        ).article

    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    sunday = article.mentions.get(text="يوم الأحد")
    assert (sunday.value, sunday.first_day, sunday.anchored) == (None, None, False)
    assert list(Event.objects.values_list("first_day", flat=True)) == [date(2024, 3, 3)]
    assert "تاريخ النشر غير معروف" in client.get(article.get_absolute_url()).content.decode()

    editor = User.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(editor)
    with run_on_commit():
        response = client.post(f"/articles/{article.pk}/published/", {"published": "2024-03-05"})

    assert response.status_code == 302
    sunday.refresh_from_db()
    assert sunday.value == "2024-03-03"
    assert Event.objects.filter(first_day=date(2024, 3, 3)).count() == 1


@pytest.mark.django_db
def test_an_article_is_saved_and_stays_queued_when_the_broker_is_down(
    monkeypatch, run_on_commit, caplog
):
    def broker_down(*args, **kwargs):
        raise BrokerError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr("timeline.pipeline.tasks.extract_article.delay", broker_down)
    with run_on_commit():
        result = ingest_text("عنوان\nالتقى الوزيران يوم الأحد.", published=date(2025, 7, 20))

    result.article.refresh_from_db()
    assert result.article.status == Article.Status.QUEUED
    assert "stays queued" in caplog.text


@pytest.mark.django_db
def test_the_sweep_sends_articles_stuck_past_the_timeout(settings):
    settings.ARTICLE_PROCESSING_TIMEOUT = 600
    stuck = ingest_text("أ\nالتقى الوزيران يوم الأحد.", published=date(2025, 7, 20)).article
    fresh = ingest_text("ب\nاجتمع المجلس يوم الاثنين.", published=date(2025, 7, 20)).article
    Article.objects.filter(pk=stuck.pk).update(
        updated_at=timezone.now() - timezone.timedelta(hours=1)
    )
    out = StringIO()

    call_command("requeue_stale", stdout=out)

    assert "1 article(s) sent" in out.getvalue()
    assert Article.objects.get(pk=stuck.pk).status == Article.Status.DONE
    assert Article.objects.get(pk=fresh.pk).status == Article.Status.QUEUED


@pytest.mark.django_db
def test_editors_add_an_article_from_the_web_form(client, run_on_commit):
    assert client.get("/articles/new/").status_code == 302  # to the login page
    reader = User.objects.create_user("reader", password="pw")
    client.force_login(reader)
    assert client.get("/articles/new/").status_code == 403

    editor = User.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="add_article"))
    client.force_login(editor)
    assert "الصق نص المقال" in client.post("/articles/new/", {}).content.decode()
    with run_on_commit():
        response = client.post(
            "/articles/new/",
            {"title": "لقاء", "text": "التقى الوزيران يوم الأحد.", "published": "2025-07-20"},
        )

    article = Article.objects.get()
    assert response.status_code == 302 and response.url == article.get_absolute_url()
    assert article.title == "لقاء"
    page = client.get(article.get_absolute_url()).content.decode()
    assert "حدث واحد" in page
    assert 'hx-trigger="load delay:2s"' not in page  # done: the page stops refreshing


@pytest.mark.django_db
def test_a_queued_article_page_refreshes_itself_through_htmx(client):
    article = ingest_text("عنوان\nالتقى الوزيران يوم الأحد.", published=date(2025, 7, 20)).article

    page = client.get(article.get_absolute_url()).content.decode()
    fragment = client.get(
        article.get_absolute_url(), headers={"HX-Request": "true"}
    ).content.decode()

    assert 'hx-trigger="load delay:2s"' in page
    assert "في انتظار استخراج التواريخ" in fragment
    assert "<html" not in fragment


@pytest.mark.django_db
def test_reextract_outdated_redoes_only_articles_of_an_older_extractor(run_on_commit):
    with run_on_commit():
        old = ingest_text("أ\nالتقى الوزيران يوم الأحد.", published=date(2025, 7, 20)).article
        current = ingest_text("ب\nاجتمع المجلس يوم الاثنين.", published=date(2025, 7, 20)).article
    Article.objects.filter(pk=old.pk).update(extractor_version="0.9")
    out = StringIO()

    with run_on_commit():
        call_command("reextract", "--outdated", stdout=out)

    assert "1 article(s) queued" in out.getvalue()
    assert Article.objects.get(pk=old.pk).extractor_version == EXTRACTOR_VERSION
    assert Article.objects.get(pk=current.pk).extractor_version == EXTRACTOR_VERSION
    with pytest.raises(CommandError):
        call_command("reextract")
