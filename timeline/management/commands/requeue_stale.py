"""python manage.py requeue_stale [--older-than SECONDS]"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.pipeline.extract import requeue_stale
from timeline.pipeline.queueing import send_extraction


class Command(BaseCommand):
    help = "Re-send articles left queued or processing for too long to the workers."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than",
            type=int,
            default=None,
            metavar="SECONDS",
            help=f"age that counts as stuck (default ARTICLE_PROCESSING_TIMEOUT, "
            f"now {settings.ARTICLE_PROCESSING_TIMEOUT})",
        )

    def handle(self, *args, older_than: int | None, **options) -> None:
        if older_than is None:
            older_than = settings.ARTICLE_PROCESSING_TIMEOUT
        if older_than < 0:
            raise CommandError("--older-than must be 0 or more.")
        sent = requeue_stale(older_than, send_extraction)
        self.stdout.write(f"{sent} article(s) sent to the workers.")
