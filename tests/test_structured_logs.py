"""Pipeline log lines name their article; JSON logs parse; task failures are kept."""

import json
import logging

import pytest

from timeline.log_context import ContextFilter, JsonFormatter, log_context
from timeline.models import Article, TaskFailure
from timeline.pipeline import extract as pipeline
from timeline.pipeline.celery_signals import record_task_failure


def test_a_record_made_inside_log_context_carries_the_article_id():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello %s", ("world",), None)
    with log_context(article_id=7):
        ContextFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["article_id"] == 7 and line["message"] == "hello world"


def test_outside_any_context_the_article_id_is_a_dash():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "m", (), None)
    ContextFilter().filter(record)
    assert record.article_id == "-"
    assert "article_id" not in json.loads(JsonFormatter().format(record))


@pytest.mark.django_db
def test_every_pipeline_log_line_names_the_article(caplog, monkeypatch):
    article = Article.objects.create(title="t", body="نص", content_hash="e" * 64)

    def explode(article):
        logging.getLogger("timeline.extraction.events").warning("deep inside")
        raise ValueError("boom")

    monkeypatch.setattr(pipeline, "extract_into_database", explode)
    caplog.handler.addFilter(ContextFilter())
    with caplog.at_level(logging.INFO):
        assert pipeline.process_article(article.pk) is pipeline.Outcome.FAILED
    assert caplog.records
    assert {record.article_id for record in caplog.records} == {article.pk}


@pytest.mark.django_db
def test_a_failed_task_is_recorded_for_the_admin(admin_client):
    class FakeTask:
        name = "timeline.pipeline.tasks.poll_source"

    try:
        raise RuntimeError("feed server on fire")
    except RuntimeError as exc:
        record_task_failure(sender=FakeTask(), task_id="abc", exception=exc, args=[3], kwargs={})
    failure = TaskFailure.objects.get()
    assert failure.task_name == "timeline.pipeline.tasks.poll_source"
    assert "feed server on fire" in failure.error and "RuntimeError" in failure.traceback
    page = admin_client.get("/admin/timeline/taskfailure/")
    assert page.status_code == 200 and "feed server on fire" in page.content.decode()
