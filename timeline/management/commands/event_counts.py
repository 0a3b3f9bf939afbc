"""python manage.py event_counts [--rebuild]"""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline import event_counts


class Command(BaseCommand):
    help = (
        "Compare the axis's counts of events (by day and by month, kind and status) with "
        "a live count of the events, and check the triggers that keep them; with "
        "--rebuild, make the triggers again if missing and count the events afresh."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="count the events afresh")

    def handle(self, *args, rebuild: bool = False, **options) -> None:
        if not event_counts.maintained():
            raise CommandError("This database keeps no counts: the axis counts the events.")
        if rebuild:
            if event_counts.missing_triggers():
                event_counts.install()
            else:
                event_counts.rebuild()
            self.stdout.write("Counts rebuilt.")
        found = event_counts.differences()
        if found:
            self.stdout.write("\n".join(found))
            raise CommandError(f"The counts differ from the events ({len(found)} shown).")
        self.stdout.write("The counts match the events.")
