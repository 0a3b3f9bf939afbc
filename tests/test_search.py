"""Search keeps one contract on SQLite (LIKE) and PostgreSQL (arabic full-text)."""

from datetime import date

import pytest
from django.db import connection

from timeline.models import Article, Event
from timeline.search import MAX_WORDS, query_words, search

TITLES = {
    "meeting": "الاجتماع الثاني لوزراء الخارجية في إسطنبول",
    "elections": "الانتخابات البلدية في طهران",
    "summit": "قمّة الرؤساء في الدوحة",
    "visit": "زيارة الوزير إلى القاهرة",
}


@pytest.fixture
def events() -> dict[str, Event]:
    made = {}
    for n, (key, title) in enumerate(TITLES.items()):
        made[key] = Event.objects.create(
            title=title,
            first_day=date(2025, 7, 1 + n),
            last_day=date(2025, 7, 1 + n),
            status=Event.Status.CONFIRMED,
        )
    return made


def found(query: str) -> set[str]:
    ids = set(search(Event.objects.all(), query).values_list("id", flat=True))
    return {key for key, title in TITLES.items() if Event.objects.get(title=title).pk in ids}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("إسطنبول", {"meeting"}),  # a whole word
        ("اسطنبول", {"meeting"}),  # hamza folded on both sides
        ("قمة", {"summit"}),  # shadda in the title, ة in both
        ("قمه", {"summit"}),  # ة/ه folded
        ("الاجتماع", {"meeting"}),  # with the article
        ("اجتماع", {"meeting"}),  # without it
        ("الوزير القاهرة", {"visit"}),  # every word must match
        ("الوزير طهران", set()),  # not one event has both
        ("باريس", set()),
        ("", set(TITLES)),  # no query: nothing is filtered
        ("   ", set(TITLES)),
    ],
)
def test_search_contract_is_the_same_on_every_database(events, query, expected):
    assert found(query) == expected, (connection.vendor, query)


@pytest.mark.django_db
def test_search_finds_articles_by_folded_title():
    article = Article.objects.create(title="قمّة الدوحة", body="نص", content_hash="a" * 64)
    Article.objects.create(title="زيارة", body="نص آخر", content_hash="b" * 64)
    assert article.search_text == "قمه الدوحه"
    assert list(search(Article.objects.all(), "قمة")) == [article]


def test_query_words_are_folded_and_limited():
    assert query_words("إسطنبولُ  الدّوحة") == ["اسطنبول", "الدوحه"]
    assert len(query_words(" ".join(["كلمة"] * 20))) == MAX_WORDS


@pytest.mark.django_db
def test_postgresql_search_is_full_text_with_the_arabic_configuration(events):
    if connection.vendor != "postgresql":
        pytest.skip("full-text search is PostgreSQL only")
    sql = str(search(Event.objects.all(), "اجتماع").query)
    assert "to_tsvector" in sql and "arabic" in sql
    # The stemmer also matches another form of the word.
    assert found("الاجتماعات") == {"meeting"}


@pytest.mark.django_db
def test_the_reader_timeline_searches_through_the_same_function(client, events):
    html = client.get("/", {"q": "اسطنبول"}).content.decode()
    assert "إسطنبول" in html and "الدوحة" not in html
