"""python manage.py poll_feeds [--source NAME]"""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.models import Source
from timeline.pipeline.health import waiting_for_workers
from timeline.pipeline.ingest import IngestError, poll_feed
from timeline.pipeline.progress import CommandProgress


class Command(BaseCommand):
    help = "Poll the feeds of active sources now and store their new articles."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--source", default="", help="only the source with this name")

    def handle(self, *args, source: str, **options) -> None:
        sources = Source.objects.filter(active=True).exclude(feed_url="")
        if source:
            sources = sources.filter(name=source)
            if not sources.exists():
                raise CommandError(f"No active source named {source!r} has a feed.")
        failed = 0
        feeds = list(sources)
        with CommandProgress(self, "poll_feeds", len(feeds), "feeds") as progress:
            for item in feeds:
                progress.advance()
                try:
                    report = poll_feed(item)
                except IngestError as exc:
                    failed += 1
                    self.stderr.write(self.style.ERROR(f"{item}: {exc}"))
                    continue
                self.stdout.write(
                    f"{item}: {report.entries} entries, {report.created} new, "
                    f"{report.duplicates} already stored, {report.failed} failed"
                )
        self.stdout.write(waiting_for_workers())
        if failed:
            raise CommandError(f"{failed} feed(s) could not be polled.")
