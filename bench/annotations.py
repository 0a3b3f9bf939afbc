"""Rendering Markdown annotations: pathological inputs against an ordinary one.

Run: ``python bench/annotations.py``. Not part of the test suite. For each input
(at most ANNOTATION_MAX_CHARS characters) prints the time the annotation renderer
takes and its ratio to an ordinary annotation of the same length rendered in the
same run, then the same for Python-Markdown (the renderer used before) on inputs
a tenth as long, so that it finishes.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django

django.setup()

import markdown  # noqa: E402

from timeline.models import ANNOTATION_MAX_CHARS, Annotation  # noqa: E402
from timeline.reader.annotation_text import render_annotation  # noqa: E402

ORDINARY_UNIT = (
    "التقى **الوزيران** في [عمّان](https://example.org) يوم الأحد.\n\n- بند أول\n- بند ثانٍ\n\n"
)
CASES = {
    "nested ordered lists": "1. ",
    "open brackets": "[",
    "unclosed links": "[a](",
    "emphasis runs": "*_",
    "nested quotes": "> ",
    "image openers": "![",
}


def timed(render, text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        render(text)
        best = min(best, time.perf_counter() - start)
    return best


def fill(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def run(name: str, render, length: int) -> None:
    baseline = timed(render, fill(ORDINARY_UNIT, length))
    print(f"{name}, {length:,} characters: ordinary {baseline * 1000:.1f} ms")
    for label, unit in CASES.items():
        try:
            seconds = timed(render, fill(unit, length), repeat=1)
        except RecursionError:
            print(f"  {label:22} RecursionError")
            continue
        print(f"  {label:22} {seconds * 1000:8.1f} ms  ×{seconds / baseline:6.1f}")


def main() -> None:
    def current(text: str) -> str:
        return render_annotation(Annotation(format=Annotation.Format.MARKDOWN, text=text))

    run("markdown-it-py (current)", current, ANNOTATION_MAX_CHARS)
    run("Python-Markdown (before)", markdown.markdown, ANNOTATION_MAX_CHARS // 10)


if __name__ == "__main__":
    main()
