"""An article's events as the records of EVENT_GUIDELINES.md, read from the database.

One record per event the article reports, however many of its date expressions
date it; the record hangs on the most precise of them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from timeline.extraction.events import precision_key
from timeline.models import Article, EventSource
from timeline.text import normalise_for_matching


def article_event_records(
    article: Article, original_text: str | None = None
) -> list[dict[str, Any]]:
    """The article's events in text order; offsets count in `original_text` if given.

    Ingest trims white space from the text it stores; offsets into the stored body
    are mapped back onto the text as it was given.
    """
    to_original = _offset_map(article.body, original_text) if original_text else None
    sources = (
        EventSource.objects.filter(article=article)
        .select_related("event", "mention")
        .prefetch_related("event__places", "event__actors__aliases")
        .order_by("mention__start")
    )
    folded_body = normalise_for_matching(article.body)
    by_event: dict[int, list[EventSource]] = defaultdict(list)
    for source in sources:
        by_event[source.event_id].append(source)
    records: list[dict[str, Any]] = []
    for group in by_event.values():
        lead = min(group, key=lambda s: precision_key(s.mention.value, s.mention.start))
        event, mention = lead.event, lead.mention
        anchors = [(s.mention.start, s.mention.end) for s in group]
        if to_original is not None:
            anchors = [(to_original(a), to_original(b - 1) + 1) for a, b in anchors]
        start, end = anchors[group.index(lead)]
        records.append(
            {
                "start": start,
                "end": end,
                "value": mention.value,
                "title": event.title,
                "kind": event.kind,
                "places": [place.name for place in event.places.all()],
                "actors": [actor.name_in(folded_body) for actor in event.actors.all()],
                "salience": round(max(s.salience for s in group), 4),
                "cluster": str(event.pk),
                "anchors": [list(anchor) for anchor in anchors],
            }
        )
    records.sort(key=lambda r: r["start"])
    return records


def _offset_map(body: str, original: str) -> Any:
    """A function from an offset in `body` to the offset of the same character in
    `original`, of which `body` is a copy with some white space and whole lines
    (a repeated headline, boilerplate) left out."""
    first_line = body.split("\n", 1)[0]
    position = max(original.find(first_line), 0)
    mapping = []
    for char in body:
        while position < len(original) and original[position] != char:
            position += 1
        mapping.append(min(position, len(original) - 1))
        position += 1

    def to_original(offset: int) -> int:
        return mapping[offset] if 0 <= offset < len(mapping) else offset

    return to_original
