"""How central a happening is to its article: the main event is the one the
headline and the lead report.

A weighted sum of signals that each lie in [0, 1]: how much of the article's
headline the clause shares (words and actors), how early its sentence comes, how
near its date is to publication, how often the article dates it, and whether its
kind is known. The weights were set by reading articles, not fitted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.event_kinds import EventKind

WEIGHTS = {"headline": 0.4, "position": 0.25, "recency": 0.2, "repeats": 0.1, "kind": 0.05}


@dataclass(frozen=True, slots=True)
class SalienceSignals:
    headline_overlap: float  # share of the headline's content words in the clause
    sentence_index: int  # 0 for the lead
    days_from_publication: int | None
    anchors: int  # date expressions of the article that date it
    kind: str


def salience(signals: SalienceSignals) -> float:
    position = 1.0 / (1 + signals.sentence_index)
    if signals.days_from_publication is None:
        recency = 0.0
    else:
        days = abs(signals.days_from_publication)
        recency = 1.0 if days <= 2 else 0.6 if days <= 10 else 0.3 if days <= 60 else 0.0
    repeats = min(signals.anchors - 1, 2) / 2
    known_kind = 0.0 if signals.kind == EventKind.OTHER else 1.0
    score = (
        WEIGHTS["headline"] * signals.headline_overlap
        + WEIGHTS["position"] * position
        + WEIGHTS["recency"] * recency
        + WEIGHTS["repeats"] * repeats
        + WEIGHTS["kind"] * known_kind
    )
    return round(min(max(score, 0.0), 1.0), 4)


def days_between(first: date, last: date, published: date | None) -> int | None:
    if published is None:
        return None
    if first <= published <= last:
        return 0
    return (first - published).days if first > published else (last - published).days
