"""On SQLite, an FTS5 trigram index of events' search_text (timeline/search_fts.py)."""

from django.db import migrations

from timeline import search_fts


def add_index(apps, schema_editor) -> None:
    search_fts.install(schema_editor.connection)


def drop_index(apps, schema_editor) -> None:
    search_fts.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0015_event_counts"),
    ]

    operations = [
        migrations.RunPython(add_index, drop_index),
    ]
