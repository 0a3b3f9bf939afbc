"""On SQLite, an FTS5 index of events' `search_text` (the trigram tokenizer), so that a
rare search word finds its few events without reading every event's text.

PostgreSQL has its trigram GIN index (migration 0006_issue14_search); SQLite had a
scan: 2–5 s at 1,000,000 events for a word that matches few or none. The FTS5 table
is an index over timeline_event's own column (external content, no copy of the
text), kept in step by triggers on INSERT, DELETE and a changed `search_text`
(migration 0016, and again after any migrate that lost them). Its trigram index
answers `LIKE '%word%'` itself: the same substring test as `search`'s, so it finds
the same rows. How `search` uses it: timeline/search.py (`rare_word_ids`).
"""

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

FTS_TABLE = "timeline_event_fts"
_TRIGGER = "timeline_event_fts"
_TRIGGERS = {f"{_TRIGGER}_{op}" for op in ("insert", "update", "delete")}
_ADD = f"INSERT INTO {FTS_TABLE} (rowid, search_text) VALUES (NEW.id, NEW.search_text);"
_TAKE = (
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, search_text)"
    " VALUES ('delete', OLD.id, OLD.search_text);"
)
CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(search_text,"
    " content='timeline_event', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER {_TRIGGER}_insert AFTER INSERT ON timeline_event BEGIN {_ADD} END",
    f"CREATE TRIGGER {_TRIGGER}_delete AFTER DELETE ON timeline_event BEGIN {_TAKE} END",
    f"CREATE TRIGGER {_TRIGGER}_update AFTER UPDATE OF search_text ON timeline_event"
    f" WHEN OLD.search_text IS NOT NEW.search_text BEGIN {_TAKE} {_ADD} END",
    # Index what is already there.
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')",
]
DROP = [f"DROP TRIGGER IF EXISTS {name}" for name in sorted(_TRIGGERS)] + [
    f"DROP TABLE IF EXISTS {FTS_TABLE}"
]


def install(db: BaseDatabaseWrapper) -> None:
    """(Re)make the index and its triggers (SQLite only)."""
    if db.vendor != "sqlite":
        return
    with transaction.atomic(using=db.alias), db.cursor() as cursor:
        for sql in [*DROP, *CREATE]:
            cursor.execute(sql)


def uninstall(db: BaseDatabaseWrapper) -> None:
    if db.vendor == "sqlite":
        with db.cursor() as cursor:
            for sql in DROP:
                cursor.execute(sql)


def missing(db: BaseDatabaseWrapper) -> set[str]:
    """The index's triggers (and table) this SQLite database lacks."""
    if db.vendor != "sqlite":
        return set()
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE name = %s OR (type = 'trigger' AND name LIKE %s)",
            [FTS_TABLE, f"{_TRIGGER}_%"],
        )
        found = {name for (name,) in cursor.fetchall()}
    return (_TRIGGERS | {FTS_TABLE}) - found


def reinstall_if_lost(db: BaseDatabaseWrapper) -> bool:
    """After a migrate (SQLite drops triggers with a table it remakes)."""
    from django.db.migrations.recorder import MigrationRecorder

    applied = MigrationRecorder(db).applied_migrations()
    if ("timeline", "0016_event_search_fts") not in applied or not missing(db):
        return False
    install(db)
    return True


def integrity_check(db: BaseDatabaseWrapper) -> None:
    """Raises (DatabaseError) when the index does not match the events' text."""
    with db.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rank) VALUES ('integrity-check', 1)")
