"""Headers and limits every page shares: CSP, unreadable input, upload size, SQLite locks."""

import re
import sqlite3
import threading
import time

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import override_settings

from tests.factories import make_editor, make_event
from timeline.models import Article, Event, Story


@pytest.fixture
def pages(db):
    event = make_event(status=Event.Status.CONFIRMED)
    Story.objects.create(title="قصة", slug="story", published=True).events.add(event)
    article = event.sources.first().article
    return ["/", "/stories/story/", event.get_absolute_url(), article.get_absolute_url()]


@pytest.mark.django_db
def test_every_page_has_a_csp_allowing_only_our_own_scripts(client, pages):
    editor = make_editor()
    editor.user_permissions.add(Permission.objects.get(codename="add_article"))
    for user, extra in ((None, ["/accounts/login/"]), (editor, ["/articles/new/", "/review/"])):
        if user:
            client.force_login(user)
        for url in [*pages, "/api/events", *extra]:
            response = client.get(url)
            assert response.status_code == 200, url
            policy = response["Content-Security-Policy"]
            assert (
                "script-src 'self'" in policy
                and "unsafe-inline" not in policy.split("style-src-attr")[0]
            )
            assert "frame-ancestors 'none'" in policy
            html = response.content.decode()
            # No inline script: every <script> loads a file (or is inert JSON data).
            for tag in re.findall(r"<script\b[^>]*>", html):
                assert "src=" in tag or 'type="application/json"' in tag, (url, tag)
            assert not re.search(r"\son[a-z]+=", html), url  # no inline event handlers


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/articles?q=%00",
        "/api/events?q=a%00b",
        "/?q=%00",
        "/stories/%00/",
        "/events/1/?x=%FF",
        "/?q=%D8",
    ],
)
def test_nul_and_undecodable_input_is_answered_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


@pytest.mark.django_db
def test_an_article_as_long_as_the_limit_gets_through_and_a_longer_one_is_explained(client):
    editor = make_editor()
    editor.user_permissions.add(Permission.objects.get(codename="add_article"))
    client.force_login(editor)
    assert "حتى 2,000,000 حرف." in client.get("/articles/new/").content.decode()
    long_text = ("التقى الوزيران في عمّان. " * 52_000)[:1_300_000]  # ≈2.6 MB of UTF-8

    stored = client.post("/articles/new/", {"title": "طويل", "text": long_text})
    assert stored.status_code == 302
    assert len(Article.objects.get(title="طويل").body) > 1_200_000

    with override_settings(ARTICLE_MAX_CHARS=1_000):
        # The form's field limit was fixed at import; the ingest limit is read each time.
        refused = client.post("/articles/new/", {"title": "أطول", "text": "كلمة " * 400})
    assert refused.status_code == 200
    assert "أطول من الحد المسموح" in refused.content.decode()


@pytest.mark.django_db
def test_a_body_over_the_upload_limit_gets_an_arabic_400(client):
    client.force_login(make_editor())
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1_000):
        response = client.post("/articles/new/", {"text": "ا" * 2_000})
    assert response.status_code == 400
    assert "طلب غير صالح" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_on_sqlite_a_login_waits_for_a_long_write_instead_of_failing(client):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's write lock")
    make_editor("editor", password="the-right-password-42")
    assert connection.cursor().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    held = threading.Event()

    def long_reextraction() -> None:
        other = sqlite3.connect(connection.settings_dict["NAME"], timeout=1)
        other.execute("BEGIN IMMEDIATE")  # the write lock, as a worker's transaction
        other.execute("UPDATE timeline_article SET title = title")
        held.set()
        time.sleep(6)  # longer than Django's default 5 s busy timeout
        other.commit()
        other.close()

    writer = threading.Thread(target=long_reextraction)
    writer.start()
    held.wait(5)
    response = client.post(
        "/accounts/login/", {"username": "editor", "password": "the-right-password-42"}
    )
    writer.join()

    assert response.status_code == 302
