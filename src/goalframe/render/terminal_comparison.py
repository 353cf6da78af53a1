"""A comparison of methods (``--method all``) as a terminal table: a column per method."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from goalframe._text import clean
from goalframe.render._card_text import set_aside_summary
from goalframe.render._format import STATUS_SYMBOL
from goalframe.render.terminal import SHORT, STYLE, _Fitted, _longest_word, _plain

if TYPE_CHECKING:
    from goalframe._assessment import Assessment
    from goalframe._scorecard import ComparisonData


def _cell(assessment: Assessment) -> Text:
    text = Text(
        f"{STATUS_SYMBOL[assessment.status]} {SHORT[assessment.status]}",
        style=STYLE[assessment.status],
    )
    text.append(f"\n{assessment.label.replace('_', ' ')}", style="dim")
    return text


def build_comparison(comparison: ComparisonData) -> Any:
    """A method comparison as a rich renderable."""
    own = comparison.own
    table = Table(
        box=box.SIMPLE_HEAVY,
        title=f"{clean(own.title, newlines=False)}: method comparison",
        title_justify="left",
    )
    rows = list(comparison.rows())
    names = [clean(name, newlines=False) for _, name, _, _ in rows]
    table.add_column("Indicator", min_width=max(_longest_word(names, 24), 10), max_width=28)
    table.add_column("Own method")
    for name in comparison.methods:
        table.add_column(name)
    words = [*names, *comparison.methods, "Own method"]
    blocks: list[Any] = [Text(f"{clean(own.title, newlines=False)}: method comparison")]
    for (_, _, mine, others), name in zip(rows, names, strict=True):
        first = Text(f"{STATUS_SYMBOL[mine.status]} {SHORT[mine.status]}", style=STYLE[mine.status])
        first.append(f"\n{mine.method}", style="dim")
        table.add_row(Text(name), first, *(_cell(a) for a in others))
        words += [SHORT[mine.status], mine.method, *(a.label.replace("_", " ") for a in others)]
        words += [SHORT[a.status] for a in others]
        block = Text(name, style="bold")
        block.append(f"\n  own method ({mine.method}): ")
        block.append(SHORT[mine.status], style=STYLE[mine.status])
        for method, a in zip(comparison.methods, others, strict=True):
            block.append(f"\n  {method}: ")
            block.append(f"{SHORT[a.status]} ({a.label})", style=STYLE[a.status])
        blocks.append(block)
    disagreements = comparison.disagreements()
    note = Text("The verdict depends on the method for: ", style="dim")
    note.append(", ".join(disagreements) or "no indicator")
    parts: list[Any] = [_Fitted(table, blocks, words), note]
    summary = set_aside_summary(own)
    if summary:
        total = sum(n for _, n in summary)
        text = Text(f"{total} observation(s) set aside:\n", style="dim")
        for reason, n in summary:
            text.append(f"  {n} × {clean(reason, newlines=False)}\n", style="dim")
        parts.append(text)
    return Group(*parts)


def render_comparison_text(comparison: ComparisonData, *, width: int = 140) -> str:
    """A method comparison as plain text, without colour.

    Added in 0.1.
    """
    return _plain(build_comparison(comparison), width)
