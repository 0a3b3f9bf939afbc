"""Progress of the long management commands (ingest, reextract, poll_feeds, fill_events).

On a terminal: a rich progress bar with the count, the rate and the time left. When
the output is a file or a pipe (cron, CI, `| tee log`): one plain line every
`REPORT_EVERY` seconds, as a bar's redraws would fill a log with noise. Either way
the command ends with one summary line.

    with CommandProgress(self, "ingest", total=len(items), unit="articles") as progress:
        for item in items:
            ...
            progress.advance()
"""

import time
from collections.abc import Callable
from types import TracebackType

from django.core.management.base import BaseCommand, OutputWrapper
from rich.console import Console
from rich.file_proxy import FileProxy
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

# Seconds between two progress lines when the output is not a terminal.
REPORT_EVERY = 5.0


class _RateColumn(ProgressColumn):
    """Items a second, as rich measures them over its recent samples."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.1f} {self.unit}/s")


def format_seconds(seconds: float) -> str:
    """`42 s`, `3 min 05 s`, `1 h 02 min`: short enough for a log line."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class CommandProgress:
    """Counts a command's work and shows it on the command's stderr (its stdout
    keeps the command's own results, so they can still be piped)."""

    def __init__(
        self,
        command: BaseCommand,
        label: str,
        total: int | None,
        unit: str = "items",
        *,
        clock: Callable[[], float] = time.monotonic,
        terminal: bool | None = None,
    ) -> None:
        self.command = command
        self.label = label
        self.total = total
        self.unit = unit
        self.done = 0
        self.clock = clock
        self.terminal = command.stderr.isatty() if terminal is None else terminal
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._saved: tuple[OutputWrapper, OutputWrapper] | None = None

    def __enter__(self) -> "CommandProgress":
        self.started = self.last_report = self.clock()
        if self.terminal:
            self._start_bar()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None and self._saved is not None:
            self._bar.stop()
            self.command.stdout, self.command.stderr = self._saved
        self.command.stdout.write(self.summary(interrupted=exc_type is not None))

    def _start_bar(self) -> None:
        # django-stubs types OutputWrapper._out, the stream it wraps, as a callable.
        console = Console(file=self.command.stderr._out, force_terminal=True)  # type: ignore[arg-type]
        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(self.unit),
            TextColumn("elapsed"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=console,
        )
        self._task = self._bar.add_task(self.label, total=self.total)
        # What the command prints meanwhile goes above the bar instead of through it.
        self._saved = (self.command.stdout, self.command.stderr)
        self.command.stdout = self._proxied(self.command.stdout, console)
        self.command.stderr = self._proxied(self.command.stderr, console)
        self._bar.start()

    @staticmethod
    def _proxied(wrapper: OutputWrapper, console: Console) -> OutputWrapper:
        proxied = OutputWrapper(FileProxy(console, wrapper._out), wrapper.ending)  # type: ignore[arg-type]
        proxied.style_func = wrapper.style_func
        return proxied

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, count)
            return
        now = self.clock()
        if now - self.last_report >= REPORT_EVERY:
            self.last_report = now
            self.command.stderr.write(self.line(now))

    def rate(self, now: float) -> float | None:
        elapsed = now - self.started
        return self.done / elapsed if elapsed > 0 and self.done else None

    def line(self, now: float) -> str:
        """`ingest: 1,200/2,250 articles (53%), 68.2 articles/s, about 15 s left`."""
        parts = [f"{self.label}: {self.done:,}"]
        if self.total:
            parts[0] += f"/{self.total:,} {self.unit} ({100 * self.done // self.total}%)"
        else:
            parts[0] += f" {self.unit}"
        rate = self.rate(now)
        if rate:
            parts.append(f"{rate:,.1f} {self.unit}/s")
            if self.total and self.done < self.total:
                parts.append(f"about {format_seconds((self.total - self.done) / rate)} left")
        return ", ".join(parts)

    def summary(self, interrupted: bool = False) -> str:
        """`ingest: 2,250 articles in 33 s (68.2 articles/s).`"""
        now = self.clock()
        text = f"{self.label}: {self.done:,} {self.unit} in {format_seconds(now - self.started)}"
        rate = self.rate(now)
        if rate:
            text += f" ({rate:,.1f} {self.unit}/s)"
        if interrupted:
            text += "; stopped before the end"
            if self.total:
                text += f", {self.total - self.done:,} not done"
        return text + "."
