"""Search: one folded text per event (title, places, excerpts) and trigram indexes.

The `arabic` full-text indexes of 0005 go: search is now a substring test on
`search_text` on every database (timeline/search.py), which PostgreSQL answers from
a pg_trgm GIN index. SQLite has neither and scans.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.contrib.postgres.search import SearchVector
from django.db import migrations

OLD_INDEXES = [("event", "event_search_arabic"), ("article", "article_search_arabic")]
TRIGRAM_INDEXES = [("event", "event_search_trgm"), ("article", "article_search_trgm")]


def _arabic(name: str) -> GinIndex:
    return GinIndex(SearchVector("search_text", config="arabic"), name=name)


def _trigram(name: str) -> GinIndex:
    # On the bare column: Django's `contains` is `search_text LIKE '%…%'`, which
    # gin_trgm_ops answers.
    return GinIndex(fields=["search_text"], opclasses=["gin_trgm_ops"], name=name)


def swap_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for (model_name, old), (_, new) in zip(OLD_INDEXES, TRIGRAM_INDEXES, strict=True):
        model = apps.get_model("timeline", model_name)
        schema_editor.remove_index(model, _arabic(old))
        schema_editor.add_index(model, _trigram(new))


def unswap_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for (model_name, old), (_, new) in zip(OLD_INDEXES, TRIGRAM_INDEXES, strict=True):
        model = apps.get_model("timeline", model_name)
        schema_editor.remove_index(model, _trigram(new))
        schema_editor.add_index(model, _arabic(old))


def refold(apps, schema_editor):
    """Every event's and article's search_text, as `search_document` makes it now."""
    from timeline.search import search_document

    Article = apps.get_model("timeline", "Article")
    batch = []
    for article in Article.objects.only("id", "title").iterator(chunk_size=2000):
        article.search_text = search_document(article.title)
        batch.append(article)
        if len(batch) == 2000:
            Article.objects.bulk_update(batch, ["search_text"])
            batch = []
    Article.objects.bulk_update(batch, ["search_text"])

    Event = apps.get_model("timeline", "Event")
    EventSource = apps.get_model("timeline", "EventSource")
    ids = list(Event.objects.order_by("id").values_list("id", flat=True))
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        places: dict[int, list[str]] = {}
        rows = Event.places.through.objects.filter(event_id__in=chunk)
        for event_id, name in rows.values_list("event_id", "place__name"):
            places.setdefault(event_id, []).append(name)
        excerpts: dict[int, list[str]] = {}
        rows = EventSource.objects.filter(event_id__in=chunk).order_by("id")
        for event_id, excerpt in rows.values_list("event_id", "excerpt"):
            excerpts.setdefault(event_id, []).append(excerpt)
        events = list(Event.objects.filter(id__in=chunk).only("id", "title"))
        for event in events:
            event.search_text = search_document(
                event.title, places.get(event.id, ()), excerpts.get(event.id, ())
            )
        Event.objects.bulk_update(events, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("timeline", "0006_event_period_index")]

    operations = [
        # Needs a role allowed to create extensions (or pg_trgm created beforehand).
        TrigramExtension(),
        migrations.RunPython(refold, migrations.RunPython.noop),
        migrations.RunPython(swap_indexes, unswap_indexes),
    ]
