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

from goalframe._assessment import Status
from goalframe.render import _i18n
from goalframe.render._common import (
    figures,
    file_name,
    header_facts,
    indicator_notes,
    progress_text,
    provenance_mark,
    reason_text,
    set_aside_summary,
    verdict_extra,
)
from goalframe.render._format import STATUS_SYMBOL, flags, number, trend_arrow
from goalframe.render.svg import indicator_chart

if TYPE_CHECKING:
    from goalframe._results import IndicatorResult, ObjectiveResult
    from goalframe._scorecard import ScorecardData

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
    f = figures(result)
    used = sorted({flag for o in result.series for flag in o.flags})
    by_id = {r.id: r for r in card.indicators}
    context = []
    for ref in ind.context:
        other = by_id.get(ref)
        if other is not None:
            latest = other.latest
            context.append(
                {
                    "id": ref,
                    "name": other.indicator.name,
                    "latest": (
                        f"{number(latest.value)}{flags(latest.flags)} ({latest.period}) "
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
        "unit": ind.unit or "–",
        "status": a.status.value,
        "symbol": STATUS_SYMBOL[a.status],
        "label": _i18n.status(lang, a.status),
        "method": a.method,
        "method_label": a.label,
        "baseline": f["baseline"],
        "latest": f["latest"],
        "target": f["target"],
        "trend": trend_arrow(result.trend) or "–",
        "bar": _bar(result, lang),
        "reason": reason_text(a.status, a.reason, lang) if a.reason else None,
        "caveats": [{"code": c.code, "message": c.message} for c in a.caveats],
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
        "chart": Markup(indicator_chart(result, lang)),
        "forecast": a.method == "forecast" and "projected" in a.components,
        "flags": ", ".join(_i18n.flag(lang, name) for name in used),
        "explain": card.explain(ind.id),
    }


def _objectives(card: ScorecardData, lang: str) -> list[dict[str, Any]]:
    results = {o.id: o for o in card.objectives}
    indicators = {r.id: r for r in card.indicators}

    def node(o: ObjectiveResult) -> dict[str, Any]:
        return {
            "statement": o.objective.statement,
            "level": o.objective.level.value if o.objective.level else "",
            "status": o.status.value,
            "symbol": STATUS_SYMBOL[o.status],
            "label": _i18n.status(lang, o.status),
            "score": f"{o.score:.2f}" if o.score is not None else (o.reason or ""),
            "extra": verdict_extra(o, lang),
            "note": o.objective.note,
            "caveats": [{"code": c.code, "message": c.message} for c in o.caveats],
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
            facts=header_facts(card, lang),
            counts=counts,
            statuses=[s.value for s in Status],
            t=t,
            rollup=card.spec.rollup.value,
            objectives=_objectives(card, lang),
            indicators=[_indicator(card, r, lang) for r in card.indicators],
            set_aside=set_aside_summary(card),
            origin=file_name(card.origin),
            data_source=file_name(card.data_source),
        )
    )
