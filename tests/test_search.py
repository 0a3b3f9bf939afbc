"""Search keeps one contract on SQLite and PostgreSQL: the same rows, the same ranks."""

from datetime import date

import pytest
from django.db import connection

from timeline.models import Article, Event, EventSource, Mention, Place
from timeline.search import MAX_WORDS, query_words, search, search_rank, text_rank

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
    assert query_words("إسطنبولُ  الدّوحة، والمفاوضات") == ["اسطنبول", "دوحه", "مفاوضات"]
    assert len(query_words(" ".join(["كلمة"] * 20))) == MAX_WORDS


@pytest.mark.django_db
def test_postgresql_answers_search_from_the_trigram_index(events):
    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm is PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        # Unordered: with statistics from a larger table (an earlier test's ANALYZE)
        # the planner may prefer walking the (first_day, id) index to sorting.
        sql, params = search(Event.objects.order_by(), "اجتماع").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "event_search_trgm" in plan


@pytest.mark.django_db
def test_the_reader_timeline_searches_through_the_same_function(client, events):
    html = client.get("/", {"q": "اسطنبول"}).content.decode()
    assert "إسطنبول" in html and "الدوحة" not in html


@pytest.fixture
def reported() -> dict[str, Event]:
    """Events whose words are in the excerpt or the places, not only in the title."""
    place = Place.objects.create(name="إسطنبول")
    talks = Event.objects.create(
        title="جولة جديدة في جنيف", first_day=date(2025, 3, 1), last_day=date(2025, 3, 1)
    )
    talks.places.add(place)
    article = Article.objects.create(title="مقال", body="نص", content_hash="c" * 64)
    mention = Mention.objects.create(article=article, start=0, end=3, text="نص", type="DATE")
    EventSource.objects.create(
        event=talks,
        article=article,
        mention=mention,
        excerpt="وقال مصدر في الكرملين إن المفاوضاتِ ستُستأنف.",
        highlight_start=0,
        highlight_end=3,
    )
    titled = Event.objects.create(
        title="مفاوضات الكرملين وأنقرة", first_day=date(2025, 1, 1), last_day=date(2025, 1, 1)
    )
    return {"talks": talks, "titled": titled}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("مفاوضات", {"talks", "titled"}),  # «المفاوضاتِ» in the excerpt: ال and a kasra
        ("المفاوضات", {"talks", "titled"}),
        ("والمفاوضات", {"talks", "titled"}),  # a conjunction on the query
        ("الكرملين", {"talks", "titled"}),  # the excerpt says it
        ("بالكرملين", {"talks", "titled"}),
        ("كرملين", {"talks", "titled"}),
        ("اسطنبول", {"talks"}),  # the place, without its hamza
        ("إسطنبول جنيف", {"talks"}),  # a place and a title word
        ("انقره", {"titled"}),  # «وأنقرة»: و, hamza and ة
        ("موسكو", set()),
    ],
)
def test_one_analysis_for_titles_excerpts_and_places(reported, query, expected):
    ids = set(search(Event.objects.all(), query).values_list("id", flat=True))
    assert ids == {reported[key].pk for key in expected}, (connection.vendor, query)


@pytest.mark.django_db
def test_search_text_follows_what_editors_change(reported):
    talks = reported["talks"]
    assert list(search(Event.objects.all(), "القاهرة")) == []
    talks.places.add(Place.objects.create(name="القاهرة"))
    assert list(search(Event.objects.all(), "القاهرة")) == [talks]
    talks.title = "جولة في فيينا"
    talks.save()
    assert list(search(Event.objects.all(), "فيينا")) == [talks]
    talks.sources.all().delete()
    assert list(search(Event.objects.all(), "الكرملين")) == [reported["titled"]]


@pytest.mark.django_db
def test_matches_in_the_title_rank_first(client, reported):
    ranked = search(Event.objects.all(), "الكرملين").annotate(rank=search_rank("الكرملين"))
    assert dict(ranked.values_list("id", "rank")) == {
        reported["titled"].pk: 0,
        reported["talks"].pk: 1,
    }
    Event.objects.update(status=Event.Status.CONFIRMED)
    html = client.get("/", {"q": "الكرملين"}).content.decode()
    # The older event, named in its title, before the newer one whose excerpt names it.
    assert html.index("مفاوضات الكرملين وأنقرة") < html.index("جولة جديدة في جنيف")


@pytest.mark.django_db
def test_the_rank_in_python_is_the_databases():
    texts = [
        "مفاوضات الكرملين",  # the title alone, no «|»
        "مفاوضات الكرملين | انقرة",
        "جولة في جنيف | الكرملين والمفاوضات",
        "الكرملين | الكرملين",  # in both: the first occurrence counts
        "جولة | ",
        "| مفاوضات",
        "abc | ABC abc",
    ]
    for n, text in enumerate(texts):
        Event.objects.create(
            title=f"حدث {n}",
            search_text=text,
            first_day=date(2020, 1, 1),
            last_day=date(2020, 1, 1),
        )
    for query in ("الكرملين", "مفاوضات الكرملين", "جنيف والمفاوضات", "abc", "غائب", "|", ""):
        ranked = Event.objects.annotate(rank=search_rank(query)).values_list("search_text", "rank")
        words = query_words(query)
        assert [(text, text_rank(text, words)) for text, _ in ranked] == list(ranked), query
