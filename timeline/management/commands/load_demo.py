"""python manage.py load_demo SEED.txt [--published YYYY-MM-DD]

The demo `make run` serves: the seed article ingested and extracted here and now,
its events confirmed and gathered in the published story «الملف النووي الإيراني».
Running it again changes nothing.
"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from timeline.actions import add_to_story, save_story, set_status
from timeline.management.arguments import publication_day
from timeline.models import Article, Event, Story
from timeline.pipeline.extract import process_article
from timeline.pipeline.ingest import IngestError, ingest_text, read_text_file

STORY_SLUG = "iran-nuclear"
STORY_TITLE = "الملف النووي الإيراني"
STORY_DESCRIPTION = "المفاوضات حول البرنامج النووي الإيراني، من اتفاق 2015 إلى مهلة آب/أغسطس 2025."


class Command(BaseCommand):
    help = "Load the demo: ingest and extract the seed, confirm its events, put them in a story."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("seed", type=Path, help="the seed article (.txt, first line the title)")
        parser.add_argument("--published", type=publication_day, default=date(2025, 7, 20))

    def handle(self, *args, seed: Path, published: date, **options) -> None:
        if not seed.is_file():
            raise CommandError(f"{seed}: no such file.")
        try:
            # Extracted here, inside the transaction that stores it: the task that
            # ingest queues on commit then finds the article done and skips it.
            with transaction.atomic():
                article = ingest_text(read_text_file(seed), published=published).article
                if article.status == Article.Status.QUEUED:
                    process_article(article.pk)
                    article.refresh_from_db()
        except IngestError as exc:
            raise CommandError(f"{seed}: {exc}") from None
        if article.status != Article.Status.DONE:
            raise CommandError(f"article {article.pk} is {article.status}, not extracted.")
        with transaction.atomic():
            events = Event.objects.filter(sources__article=article).distinct()
            confirmed = set_status(events, Event.Status.CONFIRMED)
            story = Story.objects.filter(slug=STORY_SLUG).first()
            created = story is None
            if story is None:
                story = save_story(
                    Story(
                        slug=STORY_SLUG,
                        title=STORY_TITLE,
                        description=STORY_DESCRIPTION,
                        published=True,
                    )
                )
            add_to_story(story, events)
        self.stdout.write(
            f"Article {article.pk}: {events.count()} events ({confirmed} newly confirmed) "
            f"in the story «{story.title}» ({'created' if created else 'already there'})."
        )
