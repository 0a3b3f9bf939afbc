"""What extracting one article costs the database: a few queries, however many
happenings, periods, places and actors it reports (bench/pipeline.py times it)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from timeline.models import Event, EventSource
from timeline.pipeline.extract import Outcome, process_article
from timeline.pipeline.ingest import ingest_text

PUBLISHED = date(2025, 7, 20)
# Five happenings on five different days (five periods), in several places.
REPORT = (
    "جولة دبلوماسية\n"
    "التقى وزير الخارجية الأمريكي نظيره الروسي في جنيف يوم الأحد لبحث الأزمة. "
    "وزار الرئيس الفرنسي القاهرة يوم الاثنين الماضي حيث اجتمع مع الرئيس المصري. "
    "وعقد مجلس الأمن جلسة طارئة في نيويورك يوم 3 تموز 2025 لبحث الحرب في السودان. "
    "ووقعت الحكومة الأردنية اتفاقاً مع البنك الدولي في عمّان يوم 1 حزيران 2025. "
    "وافتتح ولي العهد السعودي معرضاً للكتاب في الرياض يوم 10 أيار 2025."
)


def statements(queries: list[dict]) -> list[str]:
    """The queries proper, without the savepoints the test's transaction adds."""
    return [q["sql"] for q in queries if not q["sql"].upper().startswith(("SAVEPOINT", "RELEASE"))]


# PostgreSQL takes the periods' locks (all of them in one statement); SQLite's write
# lock comes with the first write.
LOCKS = 1 if connection.vendor == "postgresql" else 0


def extract(text: str) -> list[str]:
    article = ingest_text(text, published=PUBLISHED).article
    with CaptureQueriesContext(connection) as queries:
        assert process_article(article.pk) is Outcome.DONE
    return statements(queries.captured_queries)


@pytest.mark.django_db
def test_an_article_reporting_new_events_is_saved_in_a_fixed_number_of_queries():
    # Its places and actors are new too: each kind is created (or found) in one INSERT.
    queries = extract(REPORT)

    assert Event.objects.count() == 5
    assert len(queries) <= 18 + LOCKS, "\n".join(queries)


@pytest.mark.django_db
def test_another_report_of_the_same_events_is_saved_in_a_fixed_number_of_queries():
    extract(REPORT)
    # Another outlet's copy: the same happenings, known now with their places and actors.
    queries = extract(REPORT + " ولم يصدر أي تعليق رسمي على ذلك.")

    assert Event.objects.count() == 5
    assert EventSource.objects.values("article").distinct().count() == 2
    assert len(queries) <= 19 + LOCKS, "\n".join(queries)
