"""Markdown scorecard: tables for objectives and indicators, notes and sources below.

Added in 0.1.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from goalframe import _messages
from goalframe._collector import while_paused
from goalframe._text import escape_markdown as escape
from goalframe._text import link_target
from goalframe.render import _i18n
from goalframe.render._card_text import (
    breakdown_heading,
    caveat_codes,
    caveat_text,
    figures,
    file_name,
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

if TYPE_CHECKING:
    from goalframe._scorecard import ComparisonData, ScorecardData

__all__ = ["escape", "render_comparison_markdown", "render_markdown"]


# Long: the document's sections in the order a reader meets them.
@while_paused
def render_markdown(card: ScorecardData, lang: str | None = None) -> str:
    """Render a scorecard as Markdown.

    Added in 0.1.
    """
    lang = _i18n.language(lang, card.spec.language)
    t = functools.partial(_i18n.text, lang)
    out = [f"# {escape(card.title)}", ""]
    out += [f"- **{k}:** {escape(v)}" for k, v in header_facts(card, lang)]
    # The count of the targets due first: an audit report starts from it.
    if card.target_counts:
        out += [f"- **{t('targets_due')}:** {target_counts(card, lang)}"]
    out += [f"- **{t('verdicts')}:** {status_counts(card, lang)}"]
    out += [""]
    if card.spec.description:
        out += [escape(card.spec.description), ""]
    if card.objectives:
        out += [
            f"## {t('objectives')}",
            "",
            f"| {t('objective')} | {t('level')} | {t('verdict')} | {t('score_range')} |",
            "|---|---|---|---|",
        ]
        for o in card.objectives:
            indent = "&nbsp;&nbsp;&nbsp;&nbsp;" * o.depth
            score = (
                score_text(o.score, lang)
                if o.score is not None
                else escape(_i18n.say(o.reason, lang) or "–")
            )
            level = _i18n.level(lang, o.objective.level) or "–"
            verdict = " ".join(
                x
                for x in (
                    status_text(o.status, lang),
                    f"— {verdict_extra(o, lang)}" if o.due else "",
                    caveat_codes(o.caveats, lang),
                )
                if x
            )
            out.append(
                f"| {indent}{escape(o.objective.statement)} | {level} | {verdict} | {score} |"
            )
        out.append("")
    out += [
        f"## {t('indicators')}",
        "",
        f"| {t('indicator')} | {t('unit')} | {t('baseline')} | {t('latest')} | "
        f"{t('target')} | {t('progress_made_expected')} | {t('trend')} | {t('verdict')} |",
        "|---|---|---:|---:|---:|---:|:-:|---|",
    ]
    for r in card.indicators:
        f = figures(r, lang=lang)
        mark = provenance_mark(r, lang)
        target = f"{f['target']} ({mark})" if mark else f["target"]
        verdict = status_text(r.status, lang)
        if deciding_text(r, lang):
            verdict += f" {escape(deciding_text(r, lang))}"
        if r.caveats:
            verdict += f" {escape(caveat_codes(r.caveats, lang))}"
        out.append(
            f"| {escape(r.indicator.name)} | {escape(unit_label(unit(r), lang, card.spec))} | "
            f"{f['baseline']} | "
            f"{escape(f['latest'])} | {target} | {escape(progress_text(r.assessment, lang))} | "
            f"{trend_arrow(r.trend)} | {verdict} |"
        )
    out.append("")
    out += _breakdowns(card, lang)
    legend = flags_used(card, lang)
    if legend:
        out += [f"{t('flags')}: {escape('; '.join(legend))}.", ""]
    marks = marks_legend(card, lang)
    if marks:
        out += [*(f"{escape(line)}.  " for line in marks[:-1]), f"{escape(marks[-1])}.", ""]
    out += [f"## {t('notes_and_sources')}", ""]
    for o in card.objectives:
        lines = [o.objective.note or "", *(caveat_text(c, lang) for c in o.caveats)]
        if any(lines):
            out.append(f"- **{escape(o.objective.statement)}** (`{o.id}`)")
            out += [f"    - {escape(line)}" for line in lines if line]
    for r in card.indicators:
        ind = r.indicator
        out.append(
            f"- **{escape(ind.name)}** (`{ind.id}`, {_i18n.method(lang, r.assessment.method)}: "
            f"{_messages.label(r.assessment.label, lang)})"
        )
        for kind, line in indicator_notes(r, lang):
            prefix = f"{t('how_to_read')}: " if kind == "interpretation" else ""
            out.append(f"    - {prefix}{escape(line)}")
        if ind.source:
            src = escape(ind.source.name)
            url = link_target(ind.source.url)
            if url:
                src += f" <{url}>"
            elif ind.source.url:
                src += f" ({escape(ind.source.url)})"
            out.append(f"    - {t('source')}: {src}")
        if ind.goal and ind.goal.source:
            out.append(f"    - {t('target_set_in')}: {escape(ind.goal.source.name)}")
        out += [f"    - {escape(label)}: {escape(line)}" for label, line in group_notes(r, lang)]
    out.append("")
    summary = set_aside_summary(card, lang)
    if summary:
        out += [f"## {t('set_aside')}", "", f"| {t('reason')} | {t('rows')} |", "|---|---:|"]
        out += [f"| {escape(reason)} | {n} |" for reason, n in summary]
        out.append("")
    origin, data = file_name(card.origin), file_name(card.data_source)
    out.append(f"{t('goals')}: {escape(origin)}; {t('data')}: {escape(data)}.")
    return "\n".join(out) + "\n"


def render_comparison_markdown(comparison: ComparisonData) -> str:
    """Render a method comparison as Markdown: one row per indicator, one column per method.

    Added in 0.1.
    """
    own = comparison.own
    out = [f"# {escape(own.title)}: method comparison", ""]
    out.append(f"- **Assessment date:** {own.as_of or 'latest data'}")
    disagreements = comparison.disagreements()
    out.append(
        f"- **Verdict depends on the method for:** "
        f"{', '.join(f'`{d}`' for d in disagreements) or 'no indicator'}"
    )
    out += [
        "",
        "| Indicator | Own method | " + " | ".join(comparison.methods) + " |",
        "|---|---|" + "---|" * len(comparison.methods),
    ]
    for _, name, mine, others in comparison.rows():
        cells = [f"{status_text(a.status)} ({escape(a.label)})" for a in others]
        out.append(
            f"| {escape(name)} | {status_text(mine.status)} ({escape(mine.method)}: "
            f"{escape(mine.label)}) | " + " | ".join(cells) + " |"
        )
    summary = set_aside_summary(own)
    if summary:
        out += ["", "## Observations set aside", "", "| Reason | Rows |", "|---|---:|"]
        out += [f"| {escape(reason)} | {n} |" for reason, n in summary]
    return "\n".join(out) + "\n"


def _breakdowns(card: ScorecardData, lang: str) -> list[str]:
    """Each ``by:`` indicator's groups as a table with its gap, then the verdicts matrix."""
    t = functools.partial(_i18n.text, lang)
    grid, spec = matrix(card), card.spec
    if grid is None:
        return []
    out: list[str] = []
    for r in grid.indicators:
        out += [
            f"## {escape(r.indicator.name)}: "
            f"{escape(t('breakdowns', by=breakdown_heading(grid.heading, lang, spec)))}",
            "",
            f"| {t('group')} | {t('baseline')} | {t('latest')} | {t('target')} | "
            f"{t('progress_made_expected')} | {t('trend')} | {t('verdict')} |",
            "|---|---:|---:|---:|---:|:-:|---|",
        ]
        for group in r.groups:
            view = group_view(r, group)
            f = figures(view, lang=lang)
            verdict = status_text(view.status, lang)
            if deciding_text(view, lang):
                verdict += f" {escape(deciding_text(view, lang))}"
            if view.caveats:
                verdict += f" {escape(caveat_codes(view.caveats, lang))}"
            out.append(
                f"| {escape(group.label)} | {f['baseline']} | {escape(f['latest'])} | "
                f"{f['target']} | {escape(f['progress'])} | {trend_arrow(view.trend)} | "
                f"{verdict} |"
            )
        gap = gap_text(r, lang)
        out += ["", escape(gap), ""] if gap else [""]
    if len(grid.indicators) > 1 or grid.roots:
        heads = [escape(r.indicator.name) for r in grid.indicators]
        heads += [escape(o.objective.statement) for o in grid.roots]
        out += [
            f"## {escape(t('breakdown_matrix', by=breakdown_heading(grid.heading, lang, spec)))}",
            "",
            f"| {escape(breakdown_heading(grid.heading, lang, spec))} | "
            + " | ".join(heads)
            + " |",
            "|---|" + "---|" * len(heads),
        ]
        for row in grid.rows:
            cells = [status_text(c.status, lang) if c else "–" for c in row.cells]
            cells += [status_text(v.status, lang) if v else "–" for v in row.verdicts]
            out.append(f"| {escape(row.label)} | " + " | ".join(cells) + " |")
        out.append("")
    return out
