"""The public result type of the tagger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Mention:
    """One temporal expression found in a text.

    ``start``/``end`` are code-point offsets into the text as given and
    ``text == original[start:end]``. ``value`` and ``mod`` follow TIMEX3 as
    described in GUIDELINES.md; ``first_day``/``last_day`` bound the resolved
    period (None for durations, sets, vague references and unresolved values);
    ``anchored`` is True when the value depended on the reference date.
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None
    first_day: date | None
    last_day: date | None
    anchored: bool

    def as_json(self) -> dict[str, object]:
        """The mention as the extractor output format's JSON object (dates as ISO strings)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "anchored": self.anchored,
        }
