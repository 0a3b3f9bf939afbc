"""``manage.py extract_dates --input FILE.jsonl``: run the temporal tagger over JSON Lines.

Reads ``{"id", "published", "text"}`` per line (``-`` for stdin; published may be
null) and writes ``{"id", "mentions": [...]}`` per document to stdout, as
GUIDELINES.md "Extractor output format" describes.
"""

from __future__ import annotations

import json
import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from timeline.temporal import EXTRACTOR_VERSION, extract


class Command(BaseCommand):
    help = "Extract temporal expressions from JSON Lines documents (id, published, text)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--input", required=True, help="JSON Lines file, or - for stdin")

    def handle(self, *args, **options) -> None:
        path = options["input"]
        source = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        try:
            for number, line in enumerate(source, 1):
                if not line.strip():
                    continue
                try:
                    doc = json.loads(line)
                    published = doc.get("published")
                    reference = date.fromisoformat(published) if published else None
                except (ValueError, TypeError, AttributeError) as error:
                    raise CommandError(f"line {number}: {error}") from error
                mentions = [m.as_json() for m in extract(doc.get("text") or "", reference)]
                record = {"id": doc.get("id"), "extractor_version": EXTRACTOR_VERSION,
                          "mentions": mentions}  # fmt: skip
                self.stdout.write(json.dumps(record, ensure_ascii=False))
        finally:
            if source is not sys.stdin:
                source.close()
