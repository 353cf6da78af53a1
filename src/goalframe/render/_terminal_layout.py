"""Line layout for the terminal card: hanging indentation, labels kept with their values.

rich wraps a `Text` at any space and starts every continuation line at the left edge, so at
60-80 columns the objective tree's depth showed on first lines only and ``Target:`` could end
one line with ``6,000 (2025)`` on the next. `Hanging` indents continuation lines under their
first; `Items` lays out ``label: value`` items and breaks only between them (an item wider
than the line is wrapped on its own, with the same indentation).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

__all__ = ["Hanging", "Items"]

#: Narrower than this, continuation lines are not indented further (there is no room).
_MIN_TEXT = 12


def _wrapped(text: Text, console: Console, width: int) -> list[Text]:
    """``text`` wrapped at ``width`` cells, each line without its trailing spaces."""
    lines = text.wrap(console, max(width, 1), overflow="fold")
    for line in lines:
        line.rstrip()
    return list(lines)


def _emit(console: Console, lines: Iterable[tuple[int, Text]]) -> Iterator[Segment]:
    for indent, line in lines:
        if indent:
            yield Segment(" " * indent)
        yield from line.render(console)
        yield Segment.line()


class Hanging:
    """A text whose first line is indented by ``first`` cells and the rest by ``rest``."""

    def __init__(self, text: Text | str, first: int = 0, rest: int = 2) -> None:
        self.text = Text(text) if isinstance(text, str) else text
        self.first = first
        self.rest = max(rest, first)

    def _indents(self, width: int) -> tuple[int, int]:
        if width - self.rest < _MIN_TEXT:  # too narrow to indent: use the whole width
            return 0, 0
        return self.first, self.rest

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        first, rest = self._indents(options.max_width)
        lines = _wrapped(self.text, console, options.max_width - rest)
        indents = [first] + [rest] * (len(lines) - 1)
        yield from _emit(console, zip(indents, lines, strict=True))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        words = self.text.plain.split()
        shortest = max((len(w) for w in words), default=1)
        return Measurement(shortest + self.rest, self.text.cell_len + self.first)


class Items:
    """Items (``Baseline: 191 (2019)``) on lines of the width offered, joined by ``sep``.

    A line breaks only between items; the first line is indented by ``first``, the others by
    ``rest``. An item wider than a whole line is wrapped by itself at ``rest``.
    """

    def __init__(
        self, items: Sequence[Text | str], first: int = 2, rest: int = 4, sep: str = "  ·  "
    ) -> None:
        self.items = [Text(i) if isinstance(i, str) else i for i in items if i]
        self.first = first
        self.rest = max(rest, first)
        self.sep = sep

    def _lines(self, console: Console, width: int) -> Iterator[tuple[int, Text]]:
        first, rest = (0, 0) if width - self.rest < _MIN_TEXT else (self.first, self.rest)
        line: Text | None = None
        indent = first
        for item in self.items:
            if line is not None and indent + line.cell_len + len(self.sep) + item.cell_len <= width:
                line.append(self.sep)
                line.append_text(item)
                continue
            if line is not None:
                yield indent, line
                indent = rest
            if indent + item.cell_len <= width:
                line = item.copy()
                continue
            pieces = _wrapped(item, console, width - rest)
            for piece in pieces[:-1]:
                yield indent, piece
                indent = rest
            line = pieces[-1]
        if line is not None:
            yield indent, line

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        yield from _emit(console, self._lines(console, options.max_width))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((i.cell_len for i in self.items), default=1)
        total = sum(i.cell_len for i in self.items) + len(self.sep) * (len(self.items) - 1)
        return Measurement(min(longest, 20) + self.rest, total + self.first)
