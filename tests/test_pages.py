import re
from datetime import date

import pytest
from django.urls import reverse

from timeline.models import Event
from timeline.pipeline.ingest import ingest_text


@pytest.mark.django_db
def test_timeline_lists_events_newest_first_with_arabic_dates(client, confirmed_seed):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    dates = re.findall(r'<time class="event-date" datetime="([^"]+)"[^>]*>', html)
    assert dates == ["2025-08", "2025-07-25", "2025-07-20", "2015"]
    assert "الأحد 20 تموز/يوليو 2025" in html
    assert "الجمعة 25 تموز/يوليو 2025" in html
    assert "نهاية آب/أغسطس 2025" in html
    assert "<mark>يوم الجمعة المقبل</mark>" in html


@pytest.mark.django_db
def test_timeline_loads_htmx_from_our_own_static_files(client, confirmed_seed):
    html = client.get("/").content.decode()
    assert "/static/vendor/htmx/htmx.min.js" in html
    assert "https://" not in html.split("<body")[0]


@pytest.mark.django_db
def test_event_links_work_with_and_without_htmx(client, confirmed_seed):
    event = Event.objects.get(first_day=date(2025, 7, 25))
    url = reverse("timeline:event", args=[event.pk])
    assert f'href="{url}"' in client.get("/").content.decode()

    page = client.get(url)
    fragment = client.get(url, headers={"HX-Request": "true"})

    assert page.status_code == fragment.status_code == 200
    assert "<html" in page.content.decode()
    assert "<html" not in fragment.content.decode()
    for body in (page.content.decode(), fragment.content.decode()):
        assert "الجمعة 25 تموز/يوليو 2025" in body
        assert event.title in body


@pytest.mark.django_db
def test_unknown_event_and_article_are_404(client):
    assert client.get("/events/999/").status_code == 404
    assert client.get("/articles/999/").status_code == 404


@pytest.mark.django_db
def test_article_page_highlights_every_mention_with_its_value(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()

    marks = re.findall(
        r'<mark class="mention[^"]*" id="mention-\d+"[^>]*data-value="([^"]*)">([^<]+)</mark>', html
    )
    assert ("2025-07-25", "يوم الجمعة المقبل") in marks
    assert ("2025-08 END", "نهاية آب/أغسطس") in marks
    assert len(marks) == seed_article.mentions.count()


@pytest.mark.django_db
def test_excerpts_link_to_the_sentence_in_the_article(client, confirmed_seed):
    html = client.get("/").content.decode()
    mention = confirmed_seed.mentions.get(text="يوم الأحد")
    assert f'href="/articles/{confirmed_seed.pk}/#mention-{mention.pk}"' in html


@pytest.mark.django_db
def test_hostile_article_text_is_escaped(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = ingest_text(
            "<script>alert(1)</script>\n<img src=x onerror=alert(2)> التقى الوزيران يوم الأحد.",
            published=date(2025, 7, 20),
        ).article
    assert Event.objects.update(status=Event.Status.CONFIRMED) == 1

    for url in ("/", article.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html


@pytest.mark.django_db
def test_site_is_arabic_even_for_english_browsers(client):
    html = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"}).content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "الخط الزمني للأحداث" in html


@pytest.mark.django_db
def test_a_reader_can_switch_to_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302

    html = client.get("/").content.decode()
    assert 'lang="en" dir="ltr"' in html
    assert "Event timeline" in html
