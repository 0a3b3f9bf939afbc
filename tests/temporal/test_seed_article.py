"""The seed article's six expressions must all come out right (extent, type, value, mod)."""

import json
from datetime import date

from tests.conftest import SHARED, missing_service
from timeline.temporal import extract

EVAL_DIR = SHARED / "eval"


def _seed_document() -> dict:
    path = EVAL_DIR / "seed_gold.jsonl"
    if not path.exists():
        # Skipped on a laptop without the data; a failure in CI, which has it.
        missing_service(f"shared eval data not found at {path}")
    return json.loads(path.read_text(encoding="utf-8").splitlines()[0])


def test_seed_article_expressions_match_gold_exactly() -> None:
    doc = _seed_document()
    mentions = extract(doc["text"], date.fromisoformat(doc["published"]))
    got = [(m.text, m.type, m.value, m.mod) for m in mentions]
    want = [(t["text"], t["type"], t["value"], t["mod"]) for t in doc["timexes"]]
    assert got == want


def test_seed_article_offsets_point_at_the_gold_text() -> None:
    # The gold's words, not the mention's own text (which is cut from its offsets).
    doc = _seed_document()
    mentions = extract(doc["text"], date.fromisoformat(doc["published"]))
    at_offsets = [doc["text"][m.start : m.end] for m in mentions]
    assert at_offsets == [t["text"] for t in doc["timexes"]]


def test_seed_article_resolves_period_bounds() -> None:
    doc = _seed_document()
    by_text = {m.text: m for m in extract(doc["text"], date.fromisoformat(doc["published"]))}
    friday = by_text["يوم الجمعة المقبل"]
    assert (friday.first_day, friday.last_day, friday.anchored) == (
        date(2025, 7, 25),
        date(2025, 7, 25),
        True,
    )
    august = by_text["نهاية آب/أغسطس"]
    assert (august.first_day, august.last_day) == (date(2025, 8, 1), date(2025, 8, 31))
    year = by_text["عام 2015"]
    assert (year.first_day, year.last_day, year.anchored) == (
        date(2015, 1, 1),
        date(2015, 12, 31),
        False,
    )
