"""Terminal scorecard, built with rich. User text is never parsed as markup.

Added in 0.1.
"""

from __future__ import annotations

import functools
import io
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from goalframe._assessment import Status
from goalframe._text import clean
from goalframe.render import _i18n
from goalframe.render._common import (
    caveat_count,
    figures,
    flags_used,
    header_facts,
    indicator_notes,
    progress_text,
    provenance_mark,
    set_aside_summary,
    status_counts,
    status_text,
    verdict_extra,
)
from goalframe.render._format import STATUS_SYMBOL, trend_arrow, unit

if TYPE_CHECKING:
    from goalframe._assessment import Assessment
    from goalframe._scorecard import ComparisonData, ScorecardData

__all__ = ["build_comparison", "build_renderable", "render_comparison_text", "render_text"]

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
    parts: list[Any] = [Text(clean(card.title, newlines=False), style="bold")]
    for key, value in header_facts(card, lang):
        parts.append(Text.assemble((f"{key}: ", "dim"), clean(value, newlines=False)))
    parts += [Text(f"{t('verdicts')}: {status_counts(card, lang)}"), Text()]

    if card.objectives:
        objectives = Table(
            box=box.SIMPLE_HEAVY, title=t("objectives"), title_justify="left", expand=True
        )
        objectives.add_column(t("objective"), ratio=3, overflow="fold")
        objectives.add_column(t("level"))
        objectives.add_column(t("verdict"), no_wrap=True)
        objectives.add_column(t("score"), justify="right")
        for o in card.objectives:
            score = f"{o.score:.2f}" if o.score is not None else "–"
            verdict = _status(o.status, lang)
            extra = verdict_extra(o, lang)
            if extra:
                verdict.append(f"\n{extra}", style="dim")
            if o.caveats:
                verdict.append(f"\n{caveat_count(o.caveats, lang)}", style="bold")
            objectives.add_row(
                Text("  " * o.depth + clean(o.objective.statement, newlines=False)),
                o.objective.level.value if o.objective.level else "–",
                verdict,
                score,
            )
        parts.append(objectives)

    table = Table(box=box.SIMPLE_HEAVY, title=t("indicators"), title_justify="left", expand=True)
    table.add_column(t("indicator"), ratio=3, overflow="fold", min_width=16)
    table.add_column(t("baseline"), justify="right", no_wrap=True)
    table.add_column(t("latest"), justify="right", no_wrap=True)
    table.add_column(t("target"), justify="right", no_wrap=True)
    table.add_column(
        t("progress_made_expected").replace(" ", "\n", 1), justify="right", no_wrap=True
    )
    table.add_column(t("trend"), justify="center", no_wrap=True)
    table.add_column(t("verdict"), min_width=12, max_width=16)
    for r in card.indicators:
        f = figures(r, sep="\n")
        name = Text(clean(r.indicator.name, newlines=False))
        if unit(r):
            name.append(f"\n{clean(unit(r), newlines=False)}", style="dim")
        mark = provenance_mark(r, lang)
        if mark:
            name.append(f"\n[{mark} {t('target').lower()}]", style="bold")
        verdict = _status(r.status, lang)
        if r.caveats:
            verdict.append(f"\n{caveat_count(r.caveats, lang)}", style="bold")
        table.add_row(
            name,
            f["baseline"],
            f["latest"],
            f["target"],
            progress_text(r.assessment, lang),
            trend_arrow(r.trend),
            verdict,
        )
    parts.append(table)

    notes = Text()
    for o in card.objectives:
        for line in [o.objective.note or "", *(f"⚠ {c.code}: {c.message}" for c in o.caveats)]:
            if line:
                notes.append(f"{o.id}: ", style="bold")
                notes.append(f"{clean(line, newlines=False)}\n")
    for r in card.indicators:
        for _, line in indicator_notes(r, lang):
            notes.append(f"{r.indicator.id}: ", style="bold")
            notes.append(f"{clean(line, newlines=False)}\n")
    if notes:
        parts += [Text(t("notes"), style="bold"), notes]
    legend = flags_used(card, lang)
    if legend:
        parts.append(Text(f"{t('flags')}: " + "; ".join(legend), style="dim"))
    summary = set_aside_summary(card)
    if summary:
        total = sum(n for _, n in summary)
        text = Text(t("set_aside_summary", count=total) + " (--format json):\n", style="dim")
        for reason, n in summary:
            text.append(f"  {n} × {clean(reason, newlines=False)}\n", style="dim")
        parts.append(text)
    parts.append(
        Text(
            clean(f"{t('goals')}: {card.origin}  ·  {t('data')}: {card.data_source}"),
            style="dim",
        )
    )
    return Group(*parts)


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


def _cell(assessment: Assessment) -> Text:
    text = Text(
        f"{STATUS_SYMBOL[assessment.status]} {SHORT[assessment.status]}",
        style=STYLE[assessment.status],
    )
    text.append(f"\n{assessment.label}", style="dim")
    return text


def build_comparison(comparison: ComparisonData) -> Any:
    """A method comparison as a rich renderable."""
    own = comparison.own
    table = Table(
        box=box.SIMPLE_HEAVY,
        title=f"{clean(own.title, newlines=False)}: method comparison",
        title_justify="left",
    )
    table.add_column("Indicator", overflow="fold", min_width=14, max_width=24)
    table.add_column("Own method", overflow="fold", min_width=8)
    for name in comparison.methods:
        table.add_column(name, overflow="fold", min_width=8)
    for _, name, mine, others in comparison.rows():
        first = Text(f"{STATUS_SYMBOL[mine.status]} {SHORT[mine.status]}", style=STYLE[mine.status])
        first.append(f"\n{mine.method}", style="dim")
        table.add_row(Text(clean(name, newlines=False)), first, *(_cell(a) for a in others))
    disagreements = comparison.disagreements()
    note = Text("The verdict depends on the method for: ", style="dim")
    note.append(", ".join(disagreements) or "no indicator")
    parts: list[Any] = [table, note]
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
