"""python manage.py ingest PATH… [--published YYYY-MM-DD]"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.ingest import IngestError, ingest_text, read_text_file


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published {value!r} is not a date in the form YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = "Store articles from .txt files (first line is the title) and queue their extraction."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help=".txt files to ingest")
        parser.add_argument(
            "--published",
            type=parse_day,
            default=None,
            help="publication date (YYYY-MM-DD) that relative dates are resolved against",
        )

    def handle(self, *args, paths: list[Path], published: date | None, **options) -> None:
        failures = 0
        for path in paths:
            try:
                if path.suffix.lower() != ".txt":
                    raise IngestError(f"{path}: only .txt files are read for now.")
                if not path.is_file():
                    raise IngestError(f"{path}: no such file.")
                result = ingest_text(read_text_file(path), published=published)
            except IngestError as exc:
                failures += 1
                self.stderr.write(self.style.ERROR(str(exc)))
                continue
            article = result.article
            if result.created:
                self.stdout.write(f"{path}: stored as article {article.pk} «{article.title}»")
            else:
                self.stdout.write(
                    self.style.WARNING(f"{path}: already stored as article {article.pk}; skipped")
                )
        if failures:
            raise CommandError(f"{failures} of {len(paths)} file(s) could not be ingested.")
