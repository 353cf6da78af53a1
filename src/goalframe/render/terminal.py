"""Terminal scorecard, built with rich. User text is never parsed as markup.

Added in 0.1.
"""

from __future__ import annotations

import functools
import io
import re
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from goalframe._assessment import Status
from goalframe._collector import while_paused
from goalframe._text import clean
from goalframe.render import _i18n
from goalframe.render._card_text import (
    Matrix,
    breakdown_heading,
    caveat_count,
    caveat_text,
    figures,
    flags_used,
    gap_text,
    group_notes,
    group_view,
    header_facts,
    indicator_notes,
    marks_legend,
    matrix,
    progress_text,
    provenance_mark,
    score_text,
    set_aside_summary,
    status_text,
    unit_label,
)
from goalframe.render._counts import deciding_text, status_counts, target_counts, verdict_extra
from goalframe.render._format import trend_arrow, unit
from goalframe.render._terminal_layout import Hanging, Items

if TYPE_CHECKING:
    from goalframe._results import IndicatorResult
    from goalframe._scorecard import ScorecardData
    from goalframe.schema import FrameworkSpec

__all__ = ["build_renderable", "render_text"]

# Colour only helps: the status words carry the meaning (Okabe-Ito colour-blind-safe hues).
STYLE = {
    Status.ACHIEVED: "bold #009E73",
    Status.ON_TRACK: "#009E73",
    Status.NEEDS_ACCELERATION: "#E69F00",
    Status.INSUFFICIENT_PROGRESS: "#D55E00",
    Status.MOVING_AWAY: "bold #D55E00",
    Status.MISSED: "bold #CC3311",
    Status.OUTCOME_UNKNOWN: "#8866AA",
    Status.NOT_ASSESSABLE: "dim",
}


def _status(status: Status, lang: str = "en") -> Text:
    return Text(status_text(status, lang), style=STYLE[status])


def build_renderable(card: ScorecardData, lang: str | None = None) -> Any:
    """The scorecard as a rich renderable (print it with a `rich.console.Console`)."""
    lang = _i18n.language(lang, card.spec.language)
    t = functools.partial(_i18n.text, lang)
    parts: list[Any] = [Hanging(Text(clean(card.title, newlines=False), style="bold"))]
    for key, value in header_facts(card, lang):
        parts.append(Hanging(Text.assemble((f"{key}: ", "dim"), clean(value, newlines=False))))
    # The count of the targets due first: an audit report starts from it.
    if card.target_counts:
        parts += [Hanging(f"{t('targets_due')}: {target_counts(card, lang)}")]
    parts += [Hanging(f"{t('verdicts')}: {status_counts(card, lang)}")]
    parts += [Text()]

    if card.objectives:
        parts.append(_objectives(card, lang))
    parts.append(_indicators(card, lang))
    parts += _breakdowns(card, lang)

    notes = [
        (o.id, line)
        for o in card.objectives
        for line in [o.objective.note or "", *(caveat_text(c, lang) for c in o.caveats)]
        if line
    ]
    for r in card.indicators:
        notes += [(r.indicator.id, line) for _, line in indicator_notes(r, lang)]
        notes += [
            (f"{r.indicator.id} [{clean(label, newlines=False)}]", line)
            for label, line in group_notes(r, lang)
        ]
    if notes:
        parts.append(Text(t("notes"), style="bold"))
        parts += [
            Hanging(Text.assemble((f"{who}: ", "bold"), clean(line, newlines=False)))
            for who, line in notes
        ]
        parts.append(Text())
    legend = flags_used(card, lang)
    if legend:
        parts.append(Hanging(Text(f"{t('flags')}: " + "; ".join(legend), style="dim")))
    parts += [Hanging(Text(line, style="dim")) for line in marks_legend(card, lang)]
    summary = set_aside_summary(card, lang)
    if summary:
        total = sum(n for _, n in summary)
        parts.append(Text(t("set_aside_summary", count=total) + " (--format json):", style="dim"))
        parts += [
            Hanging(Text(f"{n} × {clean(reason, newlines=False)}", style="dim"), 2, 4)
            for reason, n in summary
        ]
        parts.append(Text())
    files = [f"{t('goals')}: {card.origin}", f"{t('data')}: {card.data_source}"]
    parts.append(Items([Text(clean(f), style="dim") for f in files], 0, 2))
    return Group(*parts)


class _Fitted:
    """A table where it fits, else the same content as one block per row (narrow terminals).

    "Fits" is checked on the table as rich lays it out at the width offered: every word of
    the ``words`` that must stay readable (names, statements, verdicts) is whole in the
    output, and nothing is cut with an ellipsis. Otherwise each row becomes a block of
    wrapped lines, so no name or verdict is ever cropped.
    """

    def __init__(self, table: Table, blocks: list[Any], words: list[str]) -> None:
        self.table = table
        self.blocks = blocks
        self.words = {w for text in words for w in text.split()}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = console.render_lines(self.table, options, pad=False)
        text = "\n".join("".join(segment.text for segment in line) for line in lines)
        tokens = set(text.split())
        if self.words <= tokens and not re.search(r"\S…", text):
            for line in lines:  # the table as already laid out: no second rendering
                yield from line
                yield Segment.line()
        else:
            yield from self.blocks


def _longest_word(texts: Any, cap: int) -> int:
    words = (w for text in texts for w in str(text).split())
    return min(max((len(w) for w in words), default=1), cap)


def _objectives(card: ScorecardData, lang: str) -> _Fitted:
    t = functools.partial(_i18n.text, lang)
    rows = []
    blocks: list[Any] = [Text(t("objectives"), style="italic")]
    for o in card.objectives:
        verdict = _status(o.status, lang)
        extra = verdict_extra(o, lang)
        caveats = caveat_count(o.caveats, lang) if o.caveats else ""
        cell = verdict.copy()
        if extra:
            cell.append(f"\n{extra}", style="dim")
        if caveats:
            cell.append(f"\n{caveats}", style="bold")
        statement = clean(o.objective.statement, newlines=False)
        level = _i18n.level(lang, o.objective.level) or "–"
        score = score_text(o.score, lang)
        rows.append((statement, o.depth, level, cell, score))
        # A narrow terminal: the tree's depth on every line of the block, labels with values.
        head = Text(statement, style="bold")
        head.append(f"  ({level})", style="dim")
        blocks.append(Hanging(head, 2 * o.depth, 2 * o.depth + 2))
        items = [Text(f"{t('verdict')}: ").append_text(verdict), Text(extra, style="dim")]
        items += [Text(caveats, style="bold"), Text(f"{t('score')}: {score}")]
        blocks.append(Items(items, 2 * o.depth + 2, 2 * o.depth + 4))
    table = Table(box=box.SIMPLE_HEAVY, title=t("objectives"), title_justify="left", expand=True)
    widest = _longest_word([r[0] for r in rows], 24) + 2 * max(o.depth for o in card.objectives)
    table.add_column(t("objective"), ratio=3, min_width=max(widest, 12))
    table.add_column(t("level"), no_wrap=True)
    table.add_column(t("verdict"), min_width=_longest_word([r[3] for r in rows], 16) + 2)
    table.add_column(t("score"), justify="right", no_wrap=True)
    for statement, depth, level, verdict, score in rows:
        table.add_row(Hanging(statement, 2 * depth, 2 * depth + 2), level, verdict, score)
    blocks.append(Text())
    words = [r[0] for r in rows] + [status_text(o.status, lang) for o in card.objectives]
    return _Fitted(table, blocks, words)


def _indicators(card: ScorecardData, lang: str) -> _Fitted:
    t = functools.partial(_i18n.text, lang)
    results = list(card.indicators)
    names = [r.indicator.name for r in results]
    units = [unit_label(unit(r), lang, card.spec) for r in results]
    return _indicator_table(results, names, t("indicators"), t("indicator"), lang, units=units)


def _indicator_table(
    results: list[IndicatorResult],
    names: list[str],
    title: str,
    first: str,
    lang: str,
    *,
    groups: bool = False,
    units: list[str] | None = None,
) -> _Fitted:
    """Indicator lines (or one indicator's ``groups``, named by ``names``): table or blocks.

    A group's line leaves out the unit and the target's provenance: they are its indicator's.
    """
    t = functools.partial(_i18n.text, lang)
    table = Table(box=box.SIMPLE_HEAVY, title=title, title_justify="left", expand=True)
    verdicts = [status_text(r.status, lang) for r in results]
    verdicts += [caveat_count(r.caveats, lang) for r in results if r.caveats]
    table.add_column(first, ratio=3, min_width=max(_longest_word(names, 24), 12))
    table.add_column(t("baseline"), justify="right", no_wrap=True)
    table.add_column(t("latest"), justify="right", no_wrap=True)
    table.add_column(t("target"), justify="right", no_wrap=True)
    table.add_column(
        t("progress_made_expected").replace(" ", "\n", 1), justify="right", no_wrap=True
    )
    table.add_column(t("trend"), justify="center", no_wrap=True)
    # The verdict's words come first: its column is as wide as the longest status (within
    # reason) before the name column takes the rest.
    longest = max((len(v) for v in verdicts), default=8)
    table.add_column(t("verdict"), min_width=max(_longest_word(verdicts, 16) + 2, min(longest, 24)))
    blocks: list[Any] = [Text(title, style="italic")]
    shown_units = units if units is not None else [""] * len(results)
    for r, label, shown_unit in zip(results, names, shown_units, strict=True):
        f = figures(r, sep="\n", lang=lang)
        name = Text(clean(label, newlines=False))
        if shown_unit and not groups:
            name.append(f"\n{clean(shown_unit, newlines=False)}", style="dim")
        mark = "" if groups else provenance_mark(r, lang)
        if mark:
            name.append(f"\n[{t('target_marked', mark=mark)}]", style="bold")
        verdict = _status(r.status, lang)
        decided = deciding_text(r, lang)
        if decided:
            verdict.append(f"\n{decided}")
        if r.caveats:
            verdict.append(f"\n{caveat_count(r.caveats, lang)}", style="bold")
        progress = progress_text(r.assessment, lang)
        table.add_row(
            name, f["baseline"], f["latest"], f["target"], progress, trend_arrow(r.trend), verdict
        )
        head = Text(clean(label, newlines=False), style="bold")
        if shown_unit and not groups:
            head.append(f" ({clean(shown_unit, newlines=False)})", style="dim")
        if mark:
            head.append(f" [{t('target_marked', mark=mark)}]", style="bold")
        blocks.append(Hanging(head, 0, 2))
        said = Text(f"{t('verdict')}: ").append_text(_status(r.status, lang))
        if decided:
            said.append(f" {decided}")
        count = Text(caveat_count(r.caveats, lang) if r.caveats else "", style="bold")
        flat = {k: v.replace("\n", " ") for k, v in figures(r, lang=lang).items()}
        blocks += [
            Items([said, count], sep="  "),
            Items([f"{t(k)}: {flat[k]}" for k in ("baseline", "latest", "target")]),
            Items(
                [
                    f"{t('progress_made_expected')}: {progress}",
                    f"{t('trend')}: {trend_arrow(r.trend)}",
                ]
            ),
        ]
    blocks.append(Text())
    return _Fitted(table, blocks, names + verdicts)


def _breakdowns(card: ScorecardData, lang: str) -> list[Any]:
    """Each ``by:`` indicator's groups as indicator lines, its gap, then the matrix."""
    t = functools.partial(_i18n.text, lang)
    grid, spec = matrix(card), card.spec
    if grid is None:
        return []
    parts: list[Any] = []
    for r in grid.indicators:
        views = [group_view(r, g) for g in r.groups]
        by = breakdown_heading(grid.heading, lang, spec)
        title = f"{clean(r.indicator.name, newlines=False)}: {t('breakdowns', by=by)}"
        labels = [g.label for g in r.groups]
        parts.append(_indicator_table(views, labels, title, t("group"), lang, groups=True))
        gap = gap_text(r, lang)
        if gap:
            parts += [Text(gap, style="dim"), Text()]
    if len(grid.indicators) > 1 or grid.roots:
        parts.append(_matrix(grid, lang, spec))
    return parts


def _matrix(grid: Matrix, lang: str, spec: FrameworkSpec) -> _Fitted:
    t = functools.partial(_i18n.text, lang)
    title = t("breakdown_matrix", by=breakdown_heading(grid.heading, lang, spec))
    table = Table(box=box.SIMPLE_HEAVY, title=title, title_justify="left", expand=True)
    table.add_column(
        breakdown_heading(grid.heading, lang, spec),
        ratio=2,
        min_width=_longest_word([r.label for r in grid.rows], 24),
    )
    heads = [clean(r.indicator.name, newlines=False) for r in grid.indicators]
    heads += [clean(o.objective.statement, newlines=False) for o in grid.roots]
    for head in heads:
        table.add_column(head, ratio=1, min_width=_longest_word([head], 14))
    blocks: list[Any] = [Text(title, style="italic")]
    words = [r.label for r in grid.rows]
    for row in grid.rows:
        cells = [_status(c.status, lang) if c else Text("–") for c in row.cells]
        cells += [_status(v.status, lang) if v else Text("–") for v in row.verdicts]
        table.add_row(Text(clean(row.label, newlines=False)), *cells)
        blocks.append(Hanging(Text(clean(row.label, newlines=False), style="bold"), 0, 2))
        blocks += [
            Hanging(Text(f"{head}: ").append_text(cell.copy()), 2, 4)
            for head, cell in zip(heads, cells, strict=True)
        ]
        words += [c.plain for c in cells]
    blocks.append(Text())
    return _Fitted(table, blocks, words)


@while_paused
def render_text(card: ScorecardData, *, width: int = 100, lang: str | None = None) -> str:
    """The terminal scorecard as plain text, without colour.

    Added in 0.1.
    """
    return _plain(build_renderable(card, lang), width)


SHORT = {
    Status.ACHIEVED: "achieved",
    Status.ON_TRACK: "on track",
    Status.NEEDS_ACCELERATION: "accelerate",
    Status.INSUFFICIENT_PROGRESS: "insufficient",
    Status.MOVING_AWAY: "moving away",
    Status.MISSED: "missed",
    Status.OUTCOME_UNKNOWN: "unknown",
    Status.NOT_ASSESSABLE: "n/a",
}


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
