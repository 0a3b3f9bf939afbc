"""python manage.py pipeline_status [--watch [--interval SECONDS] [--until-done]]

The extraction pipeline as the command line sees it: articles by status, the oldest
queued and the longest processing article, the last hour's failures, and the checks
`/healthz` makes (database, Redis, workers that answer a ping).
"""

import time
from datetime import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from timeline.models import Article
from timeline.pipeline.health import PipelineState, Waiting, pipeline_state, run_checks
from timeline.pipeline.progress import format_seconds

CLEAR_SCREEN = "\033[H\033[2J"


class Command(BaseCommand):
    help = (
        "Show the extraction pipeline: articles by status, the oldest queued and the "
        "longest processing article, failures of the last hour, and the workers that answer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--watch", action="store_true", help="show it again every few seconds")
        parser.add_argument(
            "--interval", type=float, default=2.0, help="seconds between two views (--watch)"
        )
        parser.add_argument(
            "--until-done",
            action="store_true",
            help="with --watch: stop once no article is queued or processing",
        )

    def handle(self, *args, watch: bool, interval: float, until_done: bool, **options) -> None:
        if not 0.5 <= interval <= 3600:
            raise CommandError("--interval must be between 0.5 and 3600 seconds.")
        if not watch:
            if not self.show():
                raise CommandError("Some checks failed (see above).")
            return
        terminal = self.stdout.isatty()
        try:
            while True:
                if terminal:
                    self.stdout.write(CLEAR_SCREEN, ending="")
                self.show()
                if until_done and self.state.waiting == 0:
                    return
                if not terminal:
                    self.stdout.write("")
                time.sleep(interval)
        except KeyboardInterrupt:
            self.stdout.write("")

    def show(self) -> bool:
        """Print one view; True when every check passed."""
        now = timezone.now()
        workers: list[str] = []
        checks = run_checks(workers)
        self.state = pipeline_state(now)
        for line in render(self.state, checks, workers, now):
            self.stdout.write(line)
        return not any(checks.values())


def render(
    state: PipelineState, checks: dict[str, str | None], workers: list[str], now: datetime
) -> list[str]:
    local = timezone.localtime(now)
    lines = [f"Pipeline at {local:%Y-%m-%d %H:%M:%S %Z}"]
    width = max(len(label) for label in Article.Status.values)
    for status in Article.Status.values:
        lines.append(f"  {status:<{width}}  {state.counts[status]:>9,}")
    lines.append("Oldest queued:      " + _waiting(state.oldest_queued, now, "waiting"))
    lines.append("Longest processing: " + _waiting(state.longest_processing, now, "for"))
    lines.append(
        f"Last hour: {state.failed_last_hour:,} article(s) failed, "
        f"{state.task_failures_last_hour:,} task failure(s) (admin: Celery task failures)"
    )
    lines.append("Database: " + (checks["database"] or "ok"))
    if not settings.REDIS_URL:
        lines.append("Redis: not configured (REDIS_URL is empty): extraction runs in-process.")
        return lines
    lines.append("Redis: " + (checks["redis"] or "ok"))
    if workers:
        lines.append(f"Workers answering: {len(workers)} ({', '.join(workers)})")
    else:
        lines.append(f"Workers answering: 0 ({checks['worker']})")
    return lines


def _waiting(article: Waiting | None, now: datetime, word: str) -> str:
    if article is None:
        return "none"
    return (
        f"article {article.article_id} «{article.title[:60]}», "
        f"{word} {format_seconds(article.age(now).total_seconds())}"
    )
