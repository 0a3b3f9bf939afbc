"""Cutting text around spans so templates can mark them up with autoescaping intact."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol


class Span(Protocol):
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    text: str
    span: Any = None  # the span object (e.g. a Mention) this text belongs to, if any


def split_by_spans(text: str, spans: Sequence[Span]) -> list[list[Segment]]:
    """Paragraphs (split at line breaks) of segments, the spans' text in their own.

    Overlapping spans after the first are ignored rather than double-marked.
    """
    segments: list[Segment] = []
    position = 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span.start < position or span.end > len(text):
            continue
        if span.start > position:
            segments.append(Segment(text[position : span.start]))
        segments.append(Segment(text[span.start : span.end], span))
        position = span.end
    if position < len(text):
        segments.append(Segment(text[position:]))

    paragraphs: list[list[Segment]] = [[]]
    for segment in segments:
        if segment.span is not None:
            paragraphs[-1].append(segment)
            continue
        first, *rest = segment.text.split("\n")
        if first:
            paragraphs[-1].append(Segment(first))
        for line in rest:
            paragraphs.append([Segment(line)] if line else [])
    return [paragraph for paragraph in paragraphs if paragraph]
