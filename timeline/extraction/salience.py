"""How central a happening is to its article: the main event is the one the
headline and the lead report.

A weighted sum of signals that each lie in [0, 1]: how much of the article's
headline the clause shares (words and actors), whether its subject opens the
headline, how early its sentence comes, how near its date is to publication, how
often the article dates it, and whether its kind is known. The weights were set
by reading articles, not fitted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.event_kinds import EventKind

WEIGHTS = {
    "headline": 0.3,
    "headline_subject": 0.05,
    "position": 0.35,
    "recency": 0.2,
    "repeats": 0.05,
    "kind": 0.05,
}
# A sentence that dates this many happenings lists them.
LIST_SIZE = 3
# A year or a month is «recent» less surely than a day.
RECENCY_CAP = {"day": 1.0, "week": 0.8, "month": 0.5, "season": 0.4, "quarter": 0.4}


@dataclass(frozen=True, slots=True)
class SalienceSignals:
    headline_overlap: float  # share of the headline's content words in the clause
    sentence_index: int  # 0 for the lead: the first sentence the article dates
    days_from_publication: int | None
    anchors: int  # date expressions of the article that date it
    kind: str
    granularity: str = "day"
    # Whether who acts is who the headline opens on («نجيب ساويرس يدعم…»).
    headline_subject: bool = False
    # How many happenings the sentence dates: three or more make it a list
    # («انتخابات تركيا في يونيو، وانتخابات المكسيك في يوليو…»), whose items are
    # examples, not the news.
    sentence_happenings: int = 1


def salience(signals: SalienceSignals) -> float:
    # The lead (the first dated sentence) is the news; later sentences fade fast.
    position = 1.0 / (1 + 2 * signals.sentence_index)
    if signals.sentence_happenings >= LIST_SIZE:
        position /= signals.sentence_happenings
    if signals.days_from_publication is None:
        recency = 0.0
    else:
        days = abs(signals.days_from_publication)
        recency = 1.0 if days <= 2 else 0.6 if days <= 10 else 0.3 if days <= 60 else 0.0
        recency = min(recency, RECENCY_CAP.get(signals.granularity, 0.2))
    repeats = min(signals.anchors - 1, 2) / 2
    known_kind = 0.0 if signals.kind == EventKind.OTHER else 1.0
    score = (
        WEIGHTS["headline"] * signals.headline_overlap
        + WEIGHTS["headline_subject"] * signals.headline_subject
        + WEIGHTS["position"] * position
        + WEIGHTS["recency"] * recency
        + WEIGHTS["repeats"] * repeats
        + WEIGHTS["kind"] * known_kind
    )
    return round(min(max(score, 0.0), 1.0), 4)


def days_between(first: date | None, last: date | None, published: date | None) -> int | None:
    if published is None or first is None or last is None:
        return None
    if first <= published <= last:
        return 0
    return (first - published).days if first > published else (last - published).days
