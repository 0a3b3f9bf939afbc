"""An index on each event's span (last_day − first_day), for `longest_span_days`.

A date filter «from `start`» keeps the events that end on or after it; knowing the
longest span lets it also bound `first_day` from below, so that an index range scan
answers it (reader_filters.filter_events). The index makes MAX(span) one probe.
Written per database: the expression differs (PostgreSQL subtracts dates, SQLite
subtracts Julian days), and Django's own date subtraction would need a Python
function inside a SQLite index.
"""

from django.db import migrations

SPAN_SQL = {
    "postgresql": "CREATE INDEX event_span ON timeline_event ((last_day - first_day))",
    "sqlite": (
        "CREATE INDEX event_span ON timeline_event (julianday(last_day) - julianday(first_day))"
    ),
}


def add_index(apps, schema_editor):
    sql = SPAN_SQL.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor in SPAN_SQL:
        schema_editor.execute("DROP INDEX IF EXISTS event_span")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0013_editors_review_permission")]

    operations = [migrations.RunPython(add_index, drop_index)]
