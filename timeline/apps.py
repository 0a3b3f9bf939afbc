from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# What the «Editors» group may do: review events (every editorial view checks
# `timeline.review_event`, timeline/access.py), add articles, correct a publication date.
EDITOR_PERMISSIONS = ("review_event", "add_article", "change_article", "view_article")


def ensure_editors_group(sender: AppConfig, **kwargs) -> None:
    """The «Editors» group exists after every migrate, with its permissions."""
    from django.contrib.auth.models import Group, Permission

    from timeline.access import EDITORS_GROUP

    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="timeline", codename__in=EDITOR_PERMISSIONS
        )
    )


def ensure_event_triggers(sender: AppConfig, using: str = "default", **kwargs) -> None:
    """The axis's counts (timeline/event_counts.py) and SQLite's search index
    (timeline/search_fts.py) keep their triggers after every migrate: SQLite drops
    them with a table it remakes to alter it."""
    from django.db import connections

    from timeline import event_counts, search_fts

    event_counts.reinstall_if_lost(connections[using])
    search_fts.reinstall_if_lost(connections[using])


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = _("الخط الزمني")

    def ready(self) -> None:
        post_migrate.connect(ensure_editors_group, sender=self)
        post_migrate.connect(ensure_event_triggers, sender=self)
        # Celery task failures, listed in the admin (a module of its own); the worker's
        # signal handlers (structured logs, failures recorded) connected.
        from timeline.admin import tasks as admin_tasks  # noqa: F401
        from timeline.pipeline import celery_signals  # noqa: F401
        from timeline.reader.live import connect_signals as connect_live_signals
        from timeline.reader_cache import connect_signals
        from timeline.search_index import connect_signals as connect_search_signals

        connect_signals()
        connect_search_signals()
        connect_live_signals()
