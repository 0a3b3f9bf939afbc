"""``manage.py extract_events --input FILE.jsonl``: the pipeline's events as JSON Lines.

Reads ``{"id", "published", "title", "text"}`` per line and prints
``{"id", "events": [...]}`` per document in the format of EVENT_GUIDELINES.md.

There is no second path: every document is ingested and extracted by the very code
the workers run (``ingest_text``, then the ``extract_article`` task, run in-process),
into a throwaway database created for the run and dropped after it, so nothing of
the archive changes the result and nothing of the run reaches the archive. Records
the pipeline attached to one Event share its ``cluster`` (the event's id).
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from datetime import date
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from newsroom.celery import app as celery_app
from timeline.extraction.output import article_event_records
from timeline.models import Article
from timeline.pipeline.ingest import IngestError, ingest_text


class Command(BaseCommand):
    help = (
        "Run documents (JSON Lines: id, published, title, text) through ingest and "
        "extraction in a throwaway database and print their events as JSON Lines."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, help="JSON Lines file, or - for stdin")

    def handle(self, *args: Any, **options: Any) -> None:
        documents = list(_read_documents(options["input"]))
        with _throwaway_database(), _tasks_in_process():
            articles: list[int | None] = []
            for doc in documents:
                try:
                    result = ingest_text(doc["text"], title=doc["title"], published=doc["day"])
                except IngestError as exc:
                    self.stderr.write(f"{doc['id']}: not ingested: {exc}")
                    articles.append(None)
                    continue
                articles.append(result.article.pk)
            for doc, article_id in zip(documents, articles, strict=True):
                events = []
                if article_id is not None:
                    article = Article.objects.get(pk=article_id)
                    if article.status == Article.Status.FAILED:
                        self.stderr.write(f"{doc['id']}: extraction failed: {article.error}")
                    events = article_event_records(article, doc["text"])
                record = {"id": doc["id"], "events": events}
                self.stdout.write(json.dumps(record, ensure_ascii=False))


def _read_documents(path: str):
    source: TextIO = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    try:
        for number, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                published = doc.get("published")
                day = date.fromisoformat(published) if published else None
                text = doc["text"]
            except (ValueError, TypeError, KeyError, AttributeError) as error:
                raise CommandError(f"line {number}: {error!r}") from error
            yield {"id": doc.get("id"), "day": day, "title": doc.get("title") or "", "text": text}
    finally:
        if source is not sys.stdin:
            source.close()


@contextmanager
def _throwaway_database():
    """A fresh, migrated database like the test runner's, dropped afterwards."""
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


@contextmanager
def _tasks_in_process():
    """The extraction task runs as it is sent, in this process, as with no broker."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = before
