"""Events counted by day and by month, kind and status: what the axis reads instead of
grouping every event of a wide window (timeline/reader/axis.py).

The two tables (`EventDayCount`, `EventMonthCount`) are written by the database
alone: triggers on timeline_event (installed by migration 0015, and again after any
migrate that lost them) add what each INSERT adds and take away what each DELETE
takes away, and an UPDATE that moves an event's days, kind or status does both. So
every write is counted, whoever makes it: the actions (timeline/actions.py), bulk
updates of a queryset, the pipeline's bulk writes and its deletion of orphans,
cascades, raw SQL (`fill_events --sql`), the admin; in the same transaction, so the
counts are exactly as committed as the events are.

SQLite has triggers per row only (one writer at a time, so no contention);
PostgreSQL's are per statement and read the statement's rows (transition tables): a
bulk write of a million events is one aggregate, applied in key order.

`python manage.py event_counts` compares the tables with a live count of the events
and checks the triggers are there; `--rebuild` counts them again.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Count

from timeline.models import Event, EventDayCount, EventMonthCount

EVENTS = "timeline_event"
DAY = "timeline_eventdaycount"
MONTH = "timeline_eventmonthcount"
DAY_KEY = "first_day, last_day, kind, status"
MONTH_KEY = "month, kind, status"
# The month a day is in, as SQL.
MONTH_OF = {
    "postgresql": "CAST(date_trunc('month', CAST({day} AS timestamp)) AS date)",
    "sqlite": "date({day}, 'start of month')",
}


@dataclass(frozen=True)
class CountScope:
    """Which events a count covers: their statuses (None: every status) and kind."""

    statuses: tuple[str, ...] | None = None
    kind: str | None = None


def maintained() -> bool:
    """Whether this database keeps the tables (the triggers are written for it)."""
    return connection.vendor in MONTH_OF


# -- The triggers -------------------------------------------------------------------


def _sqlite_add(row: str) -> str:
    month = MONTH_OF["sqlite"].format(day=f"{row}.first_day")
    return (
        f" INSERT INTO {DAY} ({DAY_KEY}, n) VALUES"
        f" ({row}.first_day, {row}.last_day, {row}.kind, {row}.status, 1)"
        f" ON CONFLICT ({DAY_KEY}) DO UPDATE SET n = n + 1;"
        f" INSERT INTO {MONTH} ({MONTH_KEY}, n) VALUES ({month}, {row}.kind, {row}.status, 1)"
        f" ON CONFLICT ({MONTH_KEY}) DO UPDATE SET n = n + 1;"
    )


def _sqlite_take(row: str) -> str:
    day = (
        f"first_day = {row}.first_day AND last_day = {row}.last_day"
        f" AND kind = {row}.kind AND status = {row}.status"
    )
    month = (
        f"month = {MONTH_OF['sqlite'].format(day=f'{row}.first_day')}"
        f" AND kind = {row}.kind AND status = {row}.status"
    )
    return (
        f" UPDATE {DAY} SET n = n - 1 WHERE {day}; DELETE FROM {DAY} WHERE {day} AND n = 0;"
        f" UPDATE {MONTH} SET n = n - 1 WHERE {month};"
        f" DELETE FROM {MONTH} WHERE {month} AND n = 0;"
    )


def _pg_apply(changes: str, old: bool) -> str:
    """Add each key's change (`changes`: rows of the key and a signed d) to both
    tables: an UPDATE where it takes away (a row never goes below zero, checked), an
    upsert in key order where it adds; with `old`, the rows left at zero go."""
    month = MONTH_OF["postgresql"].format(day="first_day")
    sql = ""
    for table, key, select in (
        (DAY, DAY_KEY.split(", "), DAY_KEY),
        (MONTH, MONTH_KEY.split(", "), f"{month} AS month, kind, status"),
    ):
        columns = ", ".join(key)
        match = " AND ".join(f"c.{column} = x.{column}" for column in key)
        sql += (
            f" WITH x AS (SELECT {columns}, SUM(d) AS n FROM"
            f" (SELECT {select}, d FROM ({changes}) changes) keyed"
            f" GROUP BY {columns} HAVING SUM(d) <> 0),"
            f" taken AS (UPDATE {table} c SET n = c.n + x.n FROM x WHERE x.n < 0 AND {match})"
            f" INSERT INTO {table} AS c ({columns}, n)"
            f" SELECT {columns}, n FROM x WHERE n > 0 ORDER BY {columns}"
            f" ON CONFLICT ({columns}) DO UPDATE SET n = c.n + EXCLUDED.n;"
        )
        if old:
            sql += (
                f" DELETE FROM {table} c USING (SELECT DISTINCT {select} FROM old_events) x"
                f" WHERE c.n = 0 AND {match};"
            )
    return sql


_NEW = f"SELECT {DAY_KEY}, 1 AS d FROM new_events"
_OLD = f"SELECT {DAY_KEY}, -1 AS d FROM old_events"
TRIGGER = "timeline_event_counts"

CREATE = {
    "sqlite": [
        f"CREATE TRIGGER {TRIGGER}_insert AFTER INSERT ON {EVENTS} BEGIN{_sqlite_add('NEW')} END",
        f"CREATE TRIGGER {TRIGGER}_delete AFTER DELETE ON {EVENTS} BEGIN{_sqlite_take('OLD')} END",
        f"CREATE TRIGGER {TRIGGER}_update"
        f" AFTER UPDATE OF first_day, last_day, kind, status ON {EVENTS}"
        " WHEN OLD.first_day IS NOT NEW.first_day OR OLD.last_day IS NOT NEW.last_day"
        " OR OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status"
        f" BEGIN{_sqlite_take('OLD')}{_sqlite_add('NEW')} END",
    ],
    "postgresql": [
        f"CREATE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        f" IF TG_OP = 'INSERT' THEN{_pg_apply(_NEW, old=False)}"
        f" ELSIF TG_OP = 'DELETE' THEN{_pg_apply(_OLD, old=True)}"
        f" ELSE{_pg_apply(f'{_NEW} UNION ALL {_OLD}', old=True)}"
        " END IF; RETURN NULL; END $$",
        f"CREATE FUNCTION {TRIGGER}_truncate() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN DELETE FROM {DAY}; DELETE FROM {MONTH}; RETURN NULL; END $$",
        f"CREATE TRIGGER {TRIGGER}_insert AFTER INSERT ON {EVENTS}"
        f" REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}()",
        f"CREATE TRIGGER {TRIGGER}_update AFTER UPDATE ON {EVENTS}"
        " REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events"
        f" FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}()",
        f"CREATE TRIGGER {TRIGGER}_delete AFTER DELETE ON {EVENTS}"
        f" REFERENCING OLD TABLE AS old_events FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}()",
        f"CREATE TRIGGER {TRIGGER}_truncate AFTER TRUNCATE ON {EVENTS}"
        f" FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}_truncate()",
    ],
}
TRIGGERS = {
    "sqlite": {f"{TRIGGER}_{op}" for op in ("insert", "update", "delete")},
    "postgresql": {f"{TRIGGER}_{op}" for op in ("insert", "update", "delete", "truncate")},
}
DROP = {
    "sqlite": [f"DROP TRIGGER IF EXISTS {name}" for name in sorted(TRIGGERS["sqlite"])],
    "postgresql": [
        f"DROP TRIGGER IF EXISTS {name} ON {EVENTS}" for name in sorted(TRIGGERS["postgresql"])
    ]
    + [f"DROP FUNCTION IF EXISTS {TRIGGER}()", f"DROP FUNCTION IF EXISTS {TRIGGER}_truncate()"],
}


def _rebuild_sql(vendor: str) -> list[str]:
    month = MONTH_OF[vendor].format(day="first_day")
    return [
        f"DELETE FROM {DAY}",
        f"DELETE FROM {MONTH}",
        f"INSERT INTO {DAY} ({DAY_KEY}, n) SELECT {DAY_KEY}, COUNT(*) FROM {EVENTS}"
        f" GROUP BY {DAY_KEY}",
        f"INSERT INTO {MONTH} ({MONTH_KEY}, n) SELECT {month}, kind, status, COUNT(*)"
        f" FROM {EVENTS} GROUP BY {month}, kind, status",
    ]


def _hold_writers(db: BaseDatabaseWrapper) -> None:
    """Until the transaction ends, no event is written: none is counted twice or never.
    (On SQLite the first DELETE that follows takes the database's write lock.)"""
    if db.vendor == "postgresql":
        with db.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {EVENTS} IN SHARE ROW EXCLUSIVE MODE")


def install(db: BaseDatabaseWrapper = connection) -> None:
    """(Re)create the triggers and count the events already there (migration 0015)."""
    if db.vendor not in CREATE:
        return  # no triggers: the axis groups the events
    with transaction.atomic(using=db.alias), db.cursor() as cursor:
        _hold_writers(db)
        for sql in [*DROP[db.vendor], *CREATE[db.vendor], *_rebuild_sql(db.vendor)]:
            cursor.execute(sql)


def uninstall(db: BaseDatabaseWrapper = connection) -> None:
    with db.cursor() as cursor:
        for sql in DROP.get(db.vendor, []):
            cursor.execute(sql)


def rebuild() -> None:
    """Count the tables again from the events, writers held off meanwhile."""
    if not maintained():
        return
    with transaction.atomic(), connection.cursor() as cursor:
        _hold_writers(connection)
        for sql in _rebuild_sql(connection.vendor):
            cursor.execute(sql)


def triggers(db: BaseDatabaseWrapper = connection) -> set[str]:
    """The names of the counting triggers this database holds."""
    sql = {
        "sqlite": "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
        "postgresql": "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE %s",
    }.get(db.vendor)
    if sql is None:
        return set()
    with db.cursor() as cursor:
        cursor.execute(sql, [f"{TRIGGER}%"])
        return {name for (name,) in cursor.fetchall()}


def missing_triggers(db: BaseDatabaseWrapper = connection) -> set[str]:
    return TRIGGERS.get(db.vendor, set()) - triggers(db)


def reinstall_if_lost(db: BaseDatabaseWrapper) -> bool:
    """After a migrate: a migration that rebuilt timeline_event (SQLite remakes a table
    to alter it) dropped its triggers; then they are made again and the events
    counted. Whether that was needed."""
    from django.db.migrations.recorder import MigrationRecorder

    applied = MigrationRecorder(db).applied_migrations()
    if ("timeline", "0015_event_counts") not in applied or not missing_triggers(db):
        return False
    install(db)
    return True


# -- Verifying ----------------------------------------------------------------------


def differences(limit: int = 20) -> list[str]:
    """What the tables say that a live count of the events does not (empty: exact),
    at most `limit` lines; missing triggers first."""
    found = [f"trigger {name} is missing" for name in sorted(missing_triggers())]
    live_days: Counter[tuple[date, date, str, str]] = Counter(
        {
            (row["first_day"], row["last_day"], row["kind"], row["status"]): row["n"]
            for row in Event.objects.order_by()
            .values("first_day", "last_day", "kind", "status")
            .annotate(n=Count("id"))
        }
    )
    live_months: Counter[tuple[date, str, str]] = Counter()
    for (first, _, kind, status), n in live_days.items():
        live_months[(first.replace(day=1), kind, status)] += n
    days = {
        (row.first_day, row.last_day, row.kind, row.status): row.n
        for row in EventDayCount.objects.all()
    }
    months = {(row.month, row.kind, row.status): row.n for row in EventMonthCount.objects.all()}
    compared: list[tuple[str, dict[Any, int], dict[Any, int]]] = [
        ("day", live_days, days),
        ("month", live_months, months),
    ]
    for name, live, table in compared:
        for key in sorted(set(live) | set(table), key=str):
            if live.get(key, 0) != table.get(key, 0):
                counted = ", ".join(str(part) for part in key)
                found.append(
                    f"{name} {counted}: {table.get(key, 0)} counted, {live.get(key, 0)} events"
                )
    return found[:limit]
