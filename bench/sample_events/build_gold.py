"""Join the hand annotations of 48 sample articles with their texts into a gold file
for ``score_events.py``: a second development set, of text the rules were not written
from.

The annotations (``annotations.jsonl``: id and events, no article text) were written
to ``../shared/eval/EVENT_GUIDELINES.md`` without looking at the extractor's output.
The texts stay in ``../shared/data/arabic_news_sample.jsonl`` (test data, never copied
into the repository)::

    python3 bench/sample_events/build_gold.py > /tmp/sample_gold.jsonl
    python3 ../shared/eval/score_events.py /tmp/sample_gold.jsonl \\
        --run ".venv/bin/python manage.py extract_events --input"
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[2] / "shared" / "data" / "arabic_news_sample.jsonl"


def main() -> None:
    articles = {}
    with SAMPLE.open(encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            articles[article["id"]] = article
    with (HERE / "annotations.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            annotated = json.loads(line)
            article = articles[annotated["id"]]
            record = {key: article[key] for key in ("id", "published", "title", "text")}
            record["events"] = annotated["events"]
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
