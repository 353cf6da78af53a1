"""Terminal scorecard, built with rich. User text is never parsed as markup.

Added in 0.1.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from goalframe._assessment import Status
from goalframe._scorecard import status_counts
from goalframe.render._common import figures, flags_used, header_facts, set_aside_summary
from goalframe.render._format import STATUS_SYMBOL, status_text, trend_arrow, unit

if TYPE_CHECKING:
    from goalframe._assessment import Assessment
    from goalframe._compare import Comparison
    from goalframe._scorecard import Scorecard

__all__ = ["build_comparison", "build_renderable", "render_comparison_text", "render_text"]

# Colour only helps: the status words carry the meaning (Okabe-Ito colour-blind-safe hues).
STYLE = {
    Status.ACHIEVED: "bold #009E73",
    Status.ON_TRACK: "#009E73",
    Status.NEEDS_ACCELERATION: "#E69F00",
    Status.INSUFFICIENT_PROGRESS: "#D55E00",
    Status.MOVING_AWAY: "bold #D55E00",
    Status.NOT_ASSESSABLE: "dim",
}


def _status(status: Status) -> Text:
    return Text(status_text(status), style=STYLE[status])


def build_renderable(card: Scorecard) -> Any:
    """The scorecard as a rich renderable (print it with a `rich.console.Console`)."""
    parts: list[Any] = [Text(card.title, style="bold")]
    for key, value in header_facts(card):
        parts.append(Text.assemble((f"{key}: ", "dim"), value))
    parts += [Text(f"Verdicts: {status_counts(card.counts)}"), Text()]

    if card.objectives:
        objectives = Table(
            box=box.SIMPLE_HEAVY, title="Objectives", title_justify="left", expand=True
        )
        objectives.add_column("Objective", ratio=3, overflow="fold")
        objectives.add_column("Level")
        objectives.add_column("Verdict", no_wrap=True)
        objectives.add_column("Score", justify="right")
        for o in card.objectives:
            score = f"{o.score:.2f}" if o.score is not None else "–"
            objectives.add_row(
                Text("  " * o.depth + o.objective.statement),
                o.objective.level.value if o.objective.level else "–",
                _status(o.status),
                score,
            )
        parts.append(objectives)

    table = Table(box=box.SIMPLE_HEAVY, title="Indicators", title_justify="left", expand=True)
    table.add_column("Indicator", ratio=3, overflow="fold", min_width=16)
    table.add_column("Baseline", justify="right", no_wrap=True)
    table.add_column("Latest", justify="right", no_wrap=True)
    table.add_column("Target", justify="right", no_wrap=True)
    table.add_column("Progress\nmade / expected", justify="right", no_wrap=True)
    table.add_column("Trend", justify="center", no_wrap=True)
    table.add_column("Verdict", no_wrap=True)
    for r in card.indicators:
        f = figures(r, sep="\n")
        name = Text(r.indicator.name)
        if unit(r):
            name.append(f"\n{unit(r)}", style="dim")
        table.add_row(
            name,
            f["baseline"],
            f["latest"],
            f["target"],
            f["progress"],
            trend_arrow(r.trend),
            _status(r.status),
        )
    parts.append(table)

    notes = Text()
    for r in card.indicators:
        if r.assessment.reason:
            notes.append(f"{r.indicator.id}: ", style="bold")
            notes.append(f"not assessable: {r.assessment.reason}\n")
        if r.indicator.interpretation:
            notes.append(f"{r.indicator.id}: ", style="bold")
            notes.append(f"{r.indicator.interpretation}\n")
    if notes:
        parts += [Text("Notes", style="bold"), notes]
    legend = flags_used(card)
    if legend:
        parts.append(Text("Flags: " + "; ".join(legend), style="dim"))
    summary = set_aside_summary(card)
    if summary:
        total = sum(n for _, n in summary)
        text = Text(
            f"{total} observation(s) set aside (see --format json for each row):\n", style="dim"
        )
        for reason, n in summary:
            text.append(f"  {n} × {reason}\n", style="dim")
        parts.append(text)
    parts.append(Text(f"Goals: {card.origin}  ·  Data: {card.data_source}", style="dim"))
    return Group(*parts)


def render_text(card: Scorecard, *, width: int = 100) -> str:
    """The terminal scorecard as plain text, without colour.

    Added in 0.1.
    """
    return _plain(build_renderable(card), width)


SHORT = {
    Status.ACHIEVED: "achieved",
    Status.ON_TRACK: "on track",
    Status.NEEDS_ACCELERATION: "accelerate",
    Status.INSUFFICIENT_PROGRESS: "insufficient",
    Status.MOVING_AWAY: "moving away",
    Status.NOT_ASSESSABLE: "n/a",
}


def _cell(assessment: Assessment) -> Text:
    text = Text(
        f"{STATUS_SYMBOL[assessment.status]} {SHORT[assessment.status]}",
        style=STYLE[assessment.status],
    )
    text.append(f"\n{assessment.label}", style="dim")
    return text


def build_comparison(comparison: Comparison) -> Any:
    """A method comparison as a rich renderable."""
    own = comparison.own
    table = Table(
        box=box.SIMPLE_HEAVY, title=f"{own.title}: method comparison", title_justify="left"
    )
    table.add_column("Indicator", overflow="fold", min_width=14, max_width=24)
    table.add_column("Own method", overflow="fold", min_width=8)
    for name in comparison.methods:
        table.add_column(name, overflow="fold", min_width=8)
    for _, name, mine, others in comparison.rows():
        first = Text(f"{STATUS_SYMBOL[mine.status]} {SHORT[mine.status]}", style=STYLE[mine.status])
        first.append(f"\n{mine.method}", style="dim")
        table.add_row(Text(name), first, *(_cell(a) for a in others))
    disagreements = comparison.disagreements()
    note = Text("The verdict depends on the method for: ", style="dim")
    note.append(", ".join(disagreements) or "no indicator")
    return Group(table, note)


def render_comparison_text(comparison: Comparison, *, width: int = 140) -> str:
    """A method comparison as plain text, without colour.

    Added in 0.1.
    """
    return _plain(build_comparison(comparison), width)


def _plain(renderable: Any, width: int) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system=None,
        force_terminal=False,
        legacy_windows=False,
        emoji=False,
        highlight=False,
    )
    console.print(renderable)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
