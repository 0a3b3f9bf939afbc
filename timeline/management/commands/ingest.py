"""python manage.py ingest PATH_OR_URL… [--published YYYY-MM-DD] [--source NAME]"""

from datetime import date
from itertools import islice
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DataError, IntegrityError, InterfaceError, OperationalError, transaction
from django.utils.translation import gettext

from timeline.management.arguments import publication_day
from timeline.models import Source
from timeline.pipeline.health import waiting_for_workers
from timeline.pipeline.ingest import (
    IngestError,
    IngestResult,
    ingest_html,
    ingest_record,
    ingest_text,
    ingest_url,
    parse_jsonl_line,
    read_text_file,
)
from timeline.pipeline.progress import CommandProgress

JSONL_BATCH = 10


class Command(BaseCommand):
    help = (
        "Store articles and queue their extraction. Reads .txt (first line is the title), "
        ".html/.htm (main text extracted), .jsonl (one {title, text, published, url} a line) "
        "and http(s) URLs. A .jsonl record's own `source` (a name) wins over --source."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("inputs", nargs="+", help="files or URLs to ingest")
        parser.add_argument(
            "--published",
            type=publication_day,
            default=None,
            help="publication date (YYYY-MM-DD) that relative dates are resolved against",
        )
        parser.add_argument("--source", default="", help="name of the Source to file them under")
        parser.add_argument(
            "--encoding",
            default=None,
            help="encoding of .txt/.html files that are not UTF-8 (e.g. windows-1256); "
            "without it such files are refused, never guessed",
        )

    def handle(
        self,
        *args,
        inputs: list[str],
        published: date | None,
        source: str,
        encoding: str | None = None,
        **options,
    ):
        self.source = Source.objects.get_or_create(name=source)[0] if source else None
        self.published = published
        self.encoding = encoding
        self.counts = {"stored": 0, "duplicates": 0, "failed": 0}
        sizes = {item: records_in(item) for item in inputs}
        try:
            with CommandProgress(self, "ingest", sum(sizes.values()), "articles") as progress:
                self.progress = progress
                for item in inputs:
                    done_before = progress.done
                    try:
                        self.ingest_one(item)
                    except (IngestError, OSError) as exc:
                        # One bad file is reported; the others still go in.
                        self.counts["failed"] += 1
                        self.stderr.write(self.style.ERROR(f"{item}: {exc}"))
                    # A .jsonl file advances line by line; anything else counts once.
                    progress.advance(max(0, sizes[item] - (progress.done - done_before)))
        except (KeyboardInterrupt, OperationalError, InterfaceError) as exc:
            # The database went away, or the operator stopped us: say what is stored.
            self.stdout.write(f"Interrupted: {self.summary()}.")
            raise CommandError(
                f"interrupted ({type(exc).__name__}: {exc}). Run the same command again: "
                "articles already stored are recognised and skipped."
            ) from None
        self.stdout.write(f"Done: {self.summary()}.")
        self.stdout.write(waiting_for_workers())
        if self.counts["failed"]:
            raise CommandError(f"{self.counts['failed']} input(s) could not be ingested.")

    def summary(self) -> str:
        return ", ".join(f"{count} {name}" for name, count in self.counts.items())

    def ingest_one(self, item: str) -> None:
        if item.startswith(("http://", "https://")):
            self.report(item, ingest_url(item, published=self.published, source=self.source))
            return
        path = Path(item)
        if not path.is_file():
            raise IngestError("no such file.")
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            # Read as bytes and decoded line by line: a line that is not UTF-8 is
            # reported on its own instead of stopping the file.
            with path.open("rb") as lines:
                numbered = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
                # Committing a few records at a time, not one by one, spares the
                # database a commit (and SQLite its write lock) per article; each
                # record still has its own savepoint, so a bad one loses nothing else.
                while batch := list(islice(numbered, JSONL_BATCH)):
                    counted = dict(self.counts)
                    try:
                        with transaction.atomic():
                            for number, line in batch:
                                self.ingest_line(f"{item}:{number}", line)
                    except BaseException:
                        self.counts = counted  # the batch was rolled back: not stored
                        raise
        elif suffix in (".html", ".htm"):
            self.report(
                item,
                ingest_html(
                    read_text_file(path, self.encoding, html=True),
                    published=self.published,
                    source=self.source,
                ),
            )
        elif suffix == ".txt":
            self.report(
                item,
                ingest_text(
                    read_text_file(path, self.encoding),
                    published=self.published,
                    source=self.source,
                ),
            )
        else:
            raise IngestError("only .txt, .html, .htm and .jsonl files are read.")

    def ingest_line(self, where: str, line: bytes) -> None:
        self.progress.advance()
        try:
            # Its own savepoint: a record the database refuses loses nothing else.
            with transaction.atomic():
                record = parse_jsonl_line(_utf8(line))
                result = ingest_record(record, source=self.source)
        except (IngestError, DataError, IntegrityError, ValueError) as exc:
            self.counts["failed"] += 1
            self.stderr.write(self.style.ERROR(f"{where}: {exc}"))
            return
        self.report(where, result, verbose=False)

    def report(self, item: str, result: IngestResult, verbose: bool = True) -> None:
        article = result.article
        if result.created:
            self.counts["stored"] += 1
            if verbose:
                self.stdout.write(f"{item}: stored as article {article.pk} «{article.title}»")
        else:
            self.counts["duplicates"] += 1
            self.stdout.write(
                self.style.WARNING(f"{item}: already stored as article {article.pk}; skipped")
            )


def records_in(item: str) -> int:
    """How many articles an input holds, for the progress bar: a .jsonl file's
    non-blank lines, else one."""
    path = Path(item)
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return 1
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


def _utf8(line: bytes) -> str:
    """A JSON Lines line as text: JSON Lines is UTF-8 (a BOM may open the file)."""
    try:
        return line.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise IngestError(
            gettext("ليس UTF-8: بايت غير صالح في الموضع %(at)s من السطر.")
            % {"at": f"{exc.start:,}"}
        ) from None
