"""HTML scorecard: one self-contained file with inline CSS and SVG, no scripts, no requests.

User text is escaped by the template engine (jinja2 with autoescape); the charts escape their
own text. The same card gives byte-identical output: there is no timestamp.

Added in 0.1.
"""

from __future__ import annotations

import functools
import math
from importlib import resources
from typing import TYPE_CHECKING, Any

from goalframe import _messages
from goalframe._assessment import Status
from goalframe._collector import while_paused
from goalframe.render import _i18n
from goalframe.render._card_text import (
    breakdown_heading,
    figures,
    file_name,
    gap_text,
    group_notes,
    group_view,
    header_facts,
    indicator_notes,
    marks_legend,
    matrix,
    progress_text,
    provenance_mark,
    reason_text,
    reproduce_note,
    score_text,
    set_aside_summary,
    unit_label,
)
from goalframe.render._counts import deciding_text, target_counts, verdict_extra
from goalframe.render._format import COLOURS, STATUS_SYMBOL, flags, number, trend_arrow
from goalframe.render.svg import chart_parts, indicator_chart

if TYPE_CHECKING:
    from goalframe._results import IndicatorResult, ObjectiveResult
    from goalframe._scorecard import ComparisonData, ScorecardData

__all__ = ["render_html"]


@functools.cache
def _template() -> Any:
    import jinja2

    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    text = (resources.files("goalframe.render") / "templates" / "scorecard.html.j2").read_text(
        encoding="utf-8"
    )
    return env.from_string(text)


def _bar(result: IndicatorResult, lang: str) -> dict[str, Any] | None:
    a = result.assessment
    # A bar only for a share of the way to the target; other methods' indices are not shares.
    if a.value is None or a.method not in ("trajectory", "okr") or not math.isfinite(a.value):
        return None
    made = max(0.0, min(1.0, a.value))
    expected = None
    if a.expected is not None and math.isfinite(a.expected):
        expected = max(0.0, min(1.0, a.expected))
    label = _i18n.text(lang, "progress")
    text = f"{label}: {progress_text(a, lang)}"
    return {
        "made": f"{made * 100:.1f}",
        "expected": None if expected is None else f"{expected * 100:.1f}",
        "text": text,
    }


def _indicator(card: ScorecardData, result: IndicatorResult, lang: str) -> dict[str, Any]:
    from markupsafe import Markup

    ind, a = result.indicator, result.assessment
    f = figures(result, lang=lang)
    used = sorted({flag for o in result.series for flag in o.flags})
    context = []
    for ref in ind.context:
        other = card.find_indicator(ref)  # an index: no scan of every indicator per indicator
        if other is not None:
            latest = other.latest
            context.append(
                {
                    "id": ref,
                    "name": other.indicator.name,
                    "latest": (
                        f"{number(latest.value, lang)}{flags(latest.flags)} ({latest.period}) "
                        f"{other.indicator.unit or ''}"
                    ).strip()
                    if latest
                    else "–",
                    "trend": trend_arrow(other.trend),
                }
            )
    return {
        "id": ind.id,
        "name": ind.name,
        "unit": unit_label(ind.unit, lang, card.spec) or "–",
        "status": a.status.value,
        "symbol": STATUS_SYMBOL[a.status],
        "label": _i18n.status(lang, a.status),
        "deciding": deciding_text(result, lang),
        "method": _i18n.method(lang, a.method),
        "method_label": _messages.label(a.label, lang),
        "baseline": f["baseline"],
        "latest": f["latest"],
        "target": f["target"],
        "trend": trend_arrow(result.trend) or "–",
        "bar": _bar(result, lang),
        "reason": reason_text(a.status, a.reason, lang) if a.reason else None,
        "caveats": [
            {
                "code": c.code,
                "title": _i18n.caveat(lang, c.code),
                "message": _i18n.say(c.message, lang),
            }
            for c in a.caveats
        ],
        "provenance": provenance_mark(result, lang),
        "target_notes": [line for kind, line in indicator_notes(result, lang) if kind == "target"],
        "final": a.final,
        "interpretation": ind.interpretation,
        "definition": ind.definition,
        "source": ind.source.name if ind.source else None,
        "source_url": ind.source.url
        if ind.source and ind.source.url and ind.source.url.startswith(("https://", "http://"))
        else None,
        "target_source": ind.goal.source.name if ind.goal and ind.goal.source else None,
        "context": context,
        "chart": Markup(indicator_chart(result, lang, unit=unit_label(ind.unit, lang, card.spec))),
        "forecast": a.method == "forecast" and "projected" in a.components,
        "parts": chart_parts(result),
        "flags": ", ".join(_i18n.flag(lang, name) for name in used),
        "explain": card.explain(ind.id, lang=lang),
    }


def _objectives(card: ScorecardData, lang: str) -> list[dict[str, Any]]:
    results = {o.id: o for o in card.objectives}
    indicators = {r.id: r for r in card.indicators}

    def node(o: ObjectiveResult) -> dict[str, Any]:
        return {
            "statement": o.objective.statement,
            "level": _i18n.level(lang, o.objective.level),
            "status": o.status.value,
            "symbol": STATUS_SYMBOL[o.status],
            "label": _i18n.status(lang, o.status),
            "score": score_text(o.score, lang)
            if o.score is not None
            else _i18n.say(o.reason, lang),
            "extra": verdict_extra(o, lang),
            "note": o.objective.note,
            "caveats": [
                {
                    "code": c.code,
                    "title": _i18n.caveat(lang, c.code),
                    "message": _i18n.say(c.message, lang),
                }
                for c in o.caveats
            ],
            "indicators": [
                {
                    "id": i,
                    "name": indicators[i].indicator.name,
                    "label": _i18n.status(lang, indicators[i].status),
                }
                for i in o.objective.indicators
                if i in indicators
            ],
            "children": [node(results[c]) for c in o.objective.children if c in results],
        }

    return [node(o) for o in card.objectives if o.depth == 0]


def _breakdowns(card: ScorecardData, lang: str) -> dict[str, Any] | None:
    """Each ``by:`` indicator's groups (a table, a gap, group notes) and the verdicts matrix."""
    grid, spec = matrix(card), card.spec
    if grid is None:
        return None

    def cell(status: Status) -> dict[str, str]:
        return {
            "status": status.value,
            "symbol": STATUS_SYMBOL[status],
            "label": _i18n.status(lang, status),
        }

    indicators = []
    for r in grid.indicators:
        rows = []
        for group in r.groups:
            view = group_view(r, group)
            f = figures(view, lang=lang)
            rows.append(
                {
                    "label": group.label,
                    **{k: f[k] for k in ("baseline", "latest", "target", "progress")},
                    "trend": trend_arrow(view.trend),
                    "status": view.status.value,
                    "symbol": STATUS_SYMBOL[view.status],
                    "label_status": _i18n.status(lang, view.status),
                    "caveats": ", ".join(
                        dict.fromkeys(_i18n.caveat(lang, c.code) for c in view.caveats)
                    ),
                }
            )
        by = breakdown_heading(grid.heading, lang, spec)
        title = f"{r.indicator.name}: {_i18n.text(lang, 'breakdowns', by=by)}"
        indicators.append(
            {
                "title": title,
                "rows": rows,
                "gap": gap_text(r, lang),
                "notes": group_notes(r, lang),
            }
        )
    shown = None
    if len(grid.indicators) > 1 or grid.roots:
        heads = [r.indicator.name for r in grid.indicators]
        heads += [o.objective.statement for o in grid.roots]
        heading = breakdown_heading(grid.heading, lang, spec)
        shown = {
            "title": _i18n.text(lang, "breakdown_matrix", by=heading),
            "heading": heading,
            "heads": heads,
            "rows": [
                {
                    "label": row.label,
                    "cells": [cell(c.status) if c else None for c in row.cells]
                    + [cell(v.status) if v else None for v in row.verdicts],
                }
                for row in grid.rows
            ],
        }
    return {"indicators": indicators, "matrix": shown}


@while_paused
def render_html(card: ScorecardData, lang: str | None = None) -> str:
    """Render a scorecard as one self-contained HTML page.

    Args:
        card: The scorecard.
        lang: ``en`` or ``nl``; default the goal file's language.

    Returns:
        The page. It loads nothing from elsewhere and runs no scripts.

    Added in 0.1.
    """
    from goalframe._version import __version__

    lang = _i18n.language(lang, card.spec.language)
    t = _i18n.texts(lang)
    counts = [
        {"status": s.value, "symbol": STATUS_SYMBOL[s], "count": n, "label": _i18n.status(lang, s)}
        for s, n in card.counts.items()
        if n
    ]
    return str(
        _template().render(
            lang=lang,
            version=__version__,
            title=card.title,
            description=card.spec.description,
            facts=header_facts(card, lang, page=True),
            counts=counts,
            legend=marks_legend(card, lang),
            reproduce=reproduce_note(card, lang),
            targets_due=target_counts(card, lang) if card.target_counts else None,
            statuses=[s.value for s in Status],
            t=t,
            rollup=_i18n.rollup(lang, card.spec.rollup),
            objectives=_objectives(card, lang),
            indicators=[_indicator(card, r, lang) for r in card.indicators],
            set_aside=set_aside_summary(card, lang),
            breakdowns=_breakdowns(card, lang),
            origin=file_name(card.origin),
            data_source=file_name(card.data_source),
        )
    )


#: The class of the element a notebook fragment lives in; every style rule is scoped to it.
FRAGMENT_CLASS = "goalframe-card"


def render_html_fragment(card: ScorecardData, lang: str | None = None) -> str:
    """The scorecard as an HTML fragment for a host page (Jupyter's ``_repr_html_``).

    The same content as `render_html`, inside ``<div class="goalframe-card">``, with every
    style rule scoped to that element: the host page's own headings, tables and body keep
    their look.

    Added in 0.2.
    """
    page = render_html(card, lang)
    css = page[page.index("<style>") + len("<style>") : page.index("</style>")]
    body = page[page.index("<body>") + len("<body>") : page.index("</body>")]
    scoped = scope_css(css + HOST_PROOF, f".{FRAGMENT_CLASS}")
    return f'<div class="{FRAGMENT_CLASS}">\n<style>{scoped}</style>\n{body.strip()}\n</div>\n'


#: What a fragment's text depends on, set inside its scope and after its own rules, so a
#: host's table styles cannot change it: JupyterLab's ``td {overflow-wrap: break-word;
#: text-align: right}`` broke "acceleration" and "Rotterdam" mid-word and squeezed the
#: definition labels. Words wrap only between words; a wide table scrolls in its box.
HOST_PROOF = (
    "th,td,dt,dd,li,p,summary,figcaption{overflow-wrap:normal;word-break:normal;"
    "hyphens:manual}th,td{text-align:left}td.num,th.num{text-align:right}"
    "dt{white-space:nowrap}table{table-layout:auto}section.aside td{overflow-wrap:normal}"
)


def scope_css(css: str, scope: str) -> str:
    """Prefix every selector of a style sheet with ``scope`` (``body`` and ``:root`` become it).

    Handles the plain rules and ``@media`` blocks goalframe's own template uses; it is not a
    general CSS parser.
    """
    out: list[str] = []
    i = 0
    while i < len(css):
        brace = css.find("{", i)
        if brace == -1:
            break
        head = css[i:brace].strip()
        if head.startswith("@"):
            depth, j = 1, brace + 1
            while depth and j < len(css):
                depth += {"{": 1, "}": -1}.get(css[j], 0)
                j += 1
            out.append(f"{head}{{{scope_css(css[brace + 1 : j - 1], scope)}}}")
            i = j
            continue
        end = css.index("}", brace)
        selectors = ",".join(_scoped(s.strip(), scope) for s in head.split(","))
        out.append(f"{selectors}{{{css[brace + 1 : end]}}}")
        i = end + 1
    return "\n".join(out)


def _scoped(selector: str, scope: str) -> str:
    if selector in (":root", "html", "body"):
        return scope
    for top in ("body ", "html "):
        if selector.startswith(top):
            return f"{scope} {selector[len(top) :]}"
    return f"{scope} {selector}"


def render_comparison_fragment(comparison: ComparisonData) -> str:
    """A method comparison as a small HTML table for a notebook (styles scoped to it).

    Added in 0.2.
    """
    from html import escape

    heads = "".join(f"<th>{escape(m)}</th>" for m in comparison.methods)
    rows = []
    for n, own in enumerate(comparison.own.indicators):
        cells = "".join(
            f'<td class="s-{card.indicators[n].status.value}">'
            f"{escape(card.indicators[n].status.label)}</td>"
            for card in comparison.cards
        )
        rows.append(
            f"<tr><th>{escape(own.indicator.name)}</th>"
            f'<td class="s-{own.status.value}">{escape(own.status.label)} '
            f"({escape(own.assessment.method)})</td>{cells}</tr>"
        )
    css = scope_css(
        "table{border-collapse:collapse}th,td{padding:3px 8px;border-bottom:1px solid #ddd;"
        "text-align:left;vertical-align:top}"
        + "".join(f".s-{s.value}{{color:{ink}}}" for s, (ink, _) in COLOURS.items())
        + HOST_PROOF,
        f".{FRAGMENT_CLASS}",
    )
    return (
        f'<div class="{FRAGMENT_CLASS}"><style>{css}</style><table><thead><tr>'
        f"<th>Indicator</th><th>Own method</th>{heads}</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>\n"
    )
