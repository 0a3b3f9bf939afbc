"""The seed article end to end: ingest, extraction, events, idempotence."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from timeline.models import Article, Event, EventSource, Mention
from timeline.pipeline.extract import Outcome, process_article, requeue_article

# (first day, last day, granularity, mod, kind, words the excerpt must hold)
EXPECTED_EVENTS = [
    (date(2015, 1, 1), date(2015, 12, 31), "year", None, "agreement", "الاتفاق النووي لعام 2015"),
    (date(2025, 7, 20), date(2025, 7, 20), "day", None, "meeting", "بالرئيس الروسي فلاديمير بوتين"),
    (date(2025, 7, 25), date(2025, 7, 25), "day", None, "talks", "في اسطنبول"),
    (date(2025, 8, 1), date(2025, 8, 31), "month", "END", "deadline", "أمهلت إيران"),
]


@pytest.mark.django_db
def test_seed_mentions_are_found_and_resolved(seed_article):
    seed_article.refresh_from_db()
    assert seed_article.status == Article.Status.DONE, seed_article.error
    # The words at each mention's offsets in the article, not the text stored with it
    # (which the tagger cuts from those same offsets): a wrong span shows here.
    body = seed_article.body
    found = {(body[m.start : m.end], m.type, m.value, m.mod) for m in seed_article.mentions.all()}

    assert {
        ("يوم الأحد", "DATE", "2025-07-20", None),
        ("يوم الجمعة المقبل", "DATE", "2025-07-25", None),
        ("نهاية آب/أغسطس", "DATE", "2025-08", "END"),
        ("عام 2015", "DATE", "2015", None),
        ("مؤخراً", "DATE", "PAST_REF", None),
        ("الأشهر الماضية", "DURATION", "PXM", None),
    } <= found


@pytest.mark.django_db
def test_seed_gives_the_four_dated_events_each_tied_to_its_sentence(seed_article):
    events = list(Event.objects.order_by("first_day").prefetch_related("sources"))

    got = [(e.first_day, e.last_day, e.granularity, e.mod, e.kind) for e in events]
    assert got == [expected[:5] for expected in EXPECTED_EVENTS]
    for event, expected in zip(events, EXPECTED_EVENTS, strict=True):
        (source,) = event.sources.all()
        assert source.article == seed_article
        assert expected[5] in source.excerpt
        _before, highlighted, _after = source.excerpt_parts
        assert highlighted == source.mention.text
        assert source.excerpt in seed_article.body
        assert event.status == Event.Status.CANDIDATE
    places = {e.first_day: sorted(e.places.values_list("name", flat=True)) for e in events}
    assert "موسكو" in places[date(2025, 7, 20)]
    assert "إسطنبول" in places[date(2025, 7, 25)]


@pytest.mark.django_db
def test_running_extraction_twice_leaves_the_same_rows(seed_article):
    def snapshot():
        return (
            sorted(Mention.objects.values_list("id", "start", "end", "value", "mod")),
            sorted(Event.objects.values_list("id", "title", "first_day", "last_day", "kind")),
            sorted(EventSource.objects.values_list("id", "event_id", "mention_id", "excerpt")),
        )

    before = snapshot()
    assert process_article(seed_article.pk) is Outcome.SKIPPED  # a repeated message
    assert snapshot() == before

    requeue_article(seed_article)  # a deliberate re-extraction
    assert process_article(seed_article.pk) is Outcome.DONE
    assert snapshot() == before
    assert all(before)


@pytest.mark.django_db
def test_reextraction_keeps_what_an_editor_changed(seed_article):
    event = Event.objects.get(first_day=date(2025, 7, 20))
    Event.objects.filter(pk=event.pk).update(title="لقاء لاريجاني وبوتين", edited_by_editor=True)

    requeue_article(seed_article)
    assert process_article(seed_article.pk) is Outcome.DONE

    event.refresh_from_db()
    assert event.title == "لقاء لاريجاني وبوتين"
    assert Event.objects.count() == len(EXPECTED_EVENTS)


@pytest.mark.django_db
def test_an_article_being_processed_is_not_claimed_twice(seed_article):
    Article.objects.filter(pk=seed_article.pk).update(
        status=Article.Status.PROCESSING, claimed_at=timezone.now()
    )
    assert process_article(seed_article.pk) is Outcome.BUSY


@pytest.mark.django_db
def test_a_claim_older_than_the_timeout_is_taken_over(seed_article, settings):
    settings.ARTICLE_PROCESSING_TIMEOUT = 60
    Article.objects.filter(pk=seed_article.pk).update(
        status=Article.Status.PROCESSING, claimed_at=timezone.now() - timedelta(seconds=61)
    )
    assert process_article(seed_article.pk) is Outcome.DONE


@pytest.mark.django_db
def test_a_failing_extraction_is_recorded_on_the_article(seed_article, monkeypatch):
    def explode(text, reference):
        raise RuntimeError("tagger broke")

    monkeypatch.setattr("timeline.pipeline.extract.temporal.extract", explode)
    requeue_article(seed_article)
    assert process_article(seed_article.pk) is Outcome.FAILED

    seed_article.refresh_from_db()
    assert seed_article.status == Article.Status.FAILED
    assert "tagger broke" in seed_article.error
