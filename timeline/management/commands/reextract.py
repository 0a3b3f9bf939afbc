"""python manage.py reextract [--outdated] [--failed] [ARTICLE_ID…]"""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Q

from timeline.models import Article
from timeline.pipeline.extract import EXTRACTOR_VERSION, requeue_article
from timeline.pipeline.health import waiting_for_workers
from timeline.pipeline.progress import CommandProgress


class Command(BaseCommand):
    help = (
        "Queue articles for extraction again: those done by an older extractor version "
        "(--outdated), those that failed (--failed), or the ones named. What editors "
        "confirmed or corrected is kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, metavar="ARTICLE_ID")
        parser.add_argument("--outdated", action="store_true", help="not extracted by this version")
        parser.add_argument("--failed", action="store_true", help="whose last extraction failed")

    def handle(self, *args, ids: list[int], outdated: bool, failed: bool, **options) -> None:
        if not (ids or outdated or failed):
            raise CommandError("Name article ids, or use --outdated and/or --failed.")
        wanted = Q(pk__in=ids)
        if outdated:
            wanted |= Q(status=Article.Status.DONE) & ~Q(extractor_version=EXTRACTOR_VERSION)
        if failed:
            wanted |= Q(status=Article.Status.FAILED)
        articles = list(Article.objects.filter(wanted).exclude(status=Article.Status.PROCESSING))
        with (
            CommandProgress(self, "reextract", len(articles), "articles") as progress,
            transaction.atomic(),
        ):
            for article in articles:
                requeue_article(article)
                progress.advance()
        self.stdout.write(f"{len(articles)} article(s) queued for extraction.")
        self.stdout.write(waiting_for_workers())
