"""JSON scorecard: the full card as data, ``schema_version`` 1.

Added in 0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from goalframe._collector import paused, while_paused
from goalframe.render._json_text import dumps as encode
from goalframe.render._json_values import _aside, _history, _observed, _point, _series, _source

if TYPE_CHECKING:
    from goalframe._assessment import Assessment, TargetCounts
    from goalframe._model import Goal
    from goalframe._results import (
        GroupResult,
        IndicatorResult,
        ObjectiveResult,
    )
    from goalframe._scorecard import ComparisonData, ScorecardData
    from goalframe.render import _json_card as shape

__all__ = ["goal_file_schema", "scorecard_schema", "scorecard_to_dict"]


def scorecard_schema() -> str:
    """The JSON Schema of the JSON scorecard (``schema_version`` 1), as text.

    Generated from the types the writer returns (`goalframe.render._json_card`), so it
    cannot fall behind the card.

    Added in 0.1.
    """
    import json

    from goalframe.render._json_schema import schema_document

    return json.dumps(schema_document(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def goal_file_schema() -> str:
    """The JSON Schema of goal files, as text (what `goalframe schema` prints).

    Added in 0.1.
    """
    import json

    from goalframe.schema import FrameworkSpec

    document = FrameworkSpec.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "goalframe goal file"
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _indicator(result: IndicatorResult, columns: bool = False) -> shape.Indicator:
    ind = result.indicator
    goal = ind.goal
    a = result.assessment
    return {
        "id": ind.id,
        "name": ind.name,
        "unit": ind.unit,
        "direction": ind.direction.value if ind.direction else None,
        "kind": ind.kind.value if ind.kind else None,
        "objectives": list(result.objectives),
        "breakdown": dict(result.breakdown),
        "method": a.method,
        "status": a.status.value,
        "label": a.label,
        **_verdict(a),
        "baseline": _point(goal.baseline if goal else None),
        "latest": _observed(result.latest),
        "target": _target(goal),
        "targets": [
            {
                "description": o.goal.describe(),
                "role": o.role,
                "type": o.goal.type.value,
                "value": o.goal.target,
                "deadline": o.goal.deadline.to_json() if o.goal.deadline else None,
                "status": o.assessment.status.value,
                "label": o.assessment.label,
                "final": o.assessment.final,
                "provenance": o.goal.provenance,
                "source": _source(o.goal.source),
                "history": _history(o.goal),
            }
            for o in result.targets
        ],
        "trend": None
        if result.trend is None
        else {
            "previous": _observed(result.trend.previous),
            "change": result.trend.change,
            "better": result.trend.better,
        },
        "series": _series(result.series, columns),
        "source": _source(ind.source),
        "definition": ind.definition,
        "interpretation": ind.interpretation,
        "components": {k: list(v) if isinstance(v, tuple) else v for k, v in a.components.items()},
        "formula": a.formula,
        "citation": a.citation,
        "by": list(ind.by),
        "groups": [_group(g, columns) for g in result.groups],
        "gap": _gap(result),
    }


def _target(goal: Goal | None) -> shape.Target | None:
    if goal is None:
        return None
    return {
        "type": goal.type.value,
        "value": goal.target,
        "deadline": goal.deadline.to_json() if goal.deadline else None,
        "milestones": [p for p in map(_point, goal.milestones) if p is not None],
        "tolerance": goal.tolerance,
        "source": _source(goal.source),
        "provenance": goal.provenance,
        "note": goal.note,
        "history": _history(goal),
    }


def _verdict(a: Assessment) -> shape.Verdict:
    """A verdict's fields after its status, the same for an indicator and each group."""
    return {
        "reason": a.reason,
        "final": a.final,
        "caveats": [{"code": c.code, "message": c.message} for c in a.caveats],
        "progress": a.value,
        "expected_progress": a.expected,
        "score": a.score,
        "deciding": None
        if a.deciding is None
        else {"value": a.deciding.value, "period": a.deciding.period.to_json()},
    }


def _group(group: GroupResult, columns: bool = False) -> shape.GroupVerdict:
    a = group.assessment
    goal = group.goal
    return {
        "group": dict(group.group),
        "label": group.label,
        "status": a.status.value,
        "method_label": a.label,
        **_verdict(a),
        "baseline": _point(goal.baseline if goal else None),
        "target": goal.target if goal else None,
        "latest": _observed(group.latest),
        "series": _series(group.series, columns),
        "components": {k: list(v) if isinstance(v, tuple) else v for k, v in a.components.items()},
    }


def _gap(result: IndicatorResult) -> shape.Gap | None:
    gap = result.gap
    if gap is None:
        return None
    return {
        "period": gap.period.to_json(),
        "best": dict(gap.best),
        "best_value": gap.best_value,
        "worst": dict(gap.worst),
        "worst_value": gap.worst_value,
        "size": gap.size,
        "groups": gap.groups,
    }


@while_paused
def scorecard_to_dict(
    card: ScorecardData, *, series: str = "points", set_aside: str = "first"
) -> dict[str, Any]:
    """The scorecard as JSON-ready data.

    ``series="columns"`` writes every series as parallel lists (``periods``, ``values``,
    ``flags``, ``notes``) instead of one object per point: the compact layout for cards of
    many series. ``set_aside="all"`` lists every row set aside (default the first 1,000;
    the counts by indicator and reason are always there).
    """
    return dict(_card_dict(card, series == "columns", indicators=True, set_aside=set_aside))


#: Stands for the indicators in the card's text until they are written one by one.
_HOLE = "\x00goalframe-indicators\x00"


def scorecard_json_chunks(
    card: ScorecardData,
    *,
    indent: int | None = 2,
    series: str = "points",
    set_aside: str = "first",
) -> Iterator[str]:
    """The card's JSON text in pieces, one indicator at a time.

    The pieces join to exactly the text of `Scorecard.to_json` (`_json_text.dumps` of
    `scorecard_to_dict`, and a newline), but only one indicator's data is held at a time: a
    writer of a card of 100,000 series never holds all of it.
    """
    columns = series == "columns"

    def dumps(value: Any) -> str:
        return encode(value, indent=indent)

    with paused():
        frame: dict[str, Any] = dict(
            _card_dict(card, columns, indicators=False, set_aside=set_aside)
        )
        frame["indicators"] = _HOLE
        head, tail = dumps(frame).split(encode(_HOLE, indent=None), 1)
    yield head
    if not card.indicators:
        yield "[]"
    elif indent is None:
        yield "["
        for n, result in enumerate(card.indicators):
            with paused():
                text = dumps(_indicator(result, columns))
            yield text if n == 0 else "," + text
        yield "]"
    else:
        # The list is a value of the top-level object: its items sit two levels deep.
        item, close = " " * (2 * indent), " " * indent
        yield "[\n"
        for n, result in enumerate(card.indicators):
            with paused():
                text = dumps(_indicator(result, columns)).replace("\n", "\n" + item)
            yield (item if n == 0 else ",\n" + item) + text
        yield "\n" + close + "]"
    yield tail + "\n"


def _target_counts(c: TargetCounts) -> shape.TargetCounts:
    return {
        "met": c.met,
        "missed": c.missed,
        "unknown": c.unknown,
        "due": c.due,
        "not_due": c.not_due,
    }


def _objective_verdict(o: ObjectiveResult) -> shape.ObjectiveCounts:
    """An objective's verdict and its count of the targets under it."""
    return {
        "status": o.status.value,
        "score": o.score,
        "final": o.final,
        "met": o.met,
        "decided": o.decided,
        "missed": o.missed,
        "unknown": o.unknown,
        "due": o.due,
        "not_due": o.not_due,
    }


#: The set-aside rows a JSON card lists unless asked for every one (``set_aside="all"``): a
#: statistics office's repository sets aside 196,000 rows, which made a 42 MB card.
SET_ASIDE_LISTED = 1000
#: How a card lists its set-aside rows: the first `SET_ASIDE_LISTED`, or every one.
SET_ASIDE_CHOICES = ("first", "all")


def _set_aside(
    card: ScorecardData, listed: str
) -> tuple[list[shape.SetAside], list[shape.SetAsideCount]]:
    """The rows set aside to list (the first 1,000, or all) and their counts."""
    rows = card.set_aside if listed == "all" else card.set_aside[:SET_ASIDE_LISTED]
    counts: dict[tuple[str | None, str], int] = {}
    for aside in card.set_aside:
        key = (aside.indicator, str(aside.reason))
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (kv[0][0] or "", -kv[1], kv[0][1]))
    counted: list[shape.SetAsideCount] = [
        {"indicator": indicator, "reason": reason, "rows": n} for (indicator, reason), n in ordered
    ]
    return [_aside(s) for s in rows], counted


def _card_dict(
    card: ScorecardData, columns: bool, *, indicators: bool, set_aside: str = "first"
) -> shape.Card:
    from goalframe._scorecard import SCHEMA_VERSION

    spec = card.spec
    asides, counted = _set_aside(card, set_aside)
    return {
        "schema_version": SCHEMA_VERSION,
        "framework": {
            "id": spec.id,
            "title": spec.title,
            "owner": spec.owner,
            "description": spec.description,
            "period": None
            if spec.period is None
            else {"start": spec.period.start.to_json(), "end": spec.period.end.to_json()},
            "source_document": None
            if spec.source_document is None
            else spec.source_document.model_dump(mode="json"),
            "language": spec.language,
            "rollup": spec.rollup.value,
        },
        "as_of": card.as_of.to_json() if card.as_of else None,
        "as_of_given": card.as_of_given,
        "method": card.method,
        "methods_used": list(card.methods_used),
        "counts": {s.value: n for s, n in card.counts.items()},
        "targets": {kind: _target_counts(c) for kind, c in card.target_counts.items()},
        "measurability": None
        if card.measurability is None
        else {
            "score": card.measurability.score,
            "passing": card.measurability.passing,
            "total": card.measurability.total,
            "failing": list(card.measurability.failing),
        },
        "objectives": [
            {
                "id": o.id,
                "statement": o.objective.statement,
                "level": o.objective.level.value if o.objective.level else None,
                "parent": o.objective.parent,
                "weight": o.objective.weight,
                "indicators": list(o.objective.indicators),
                "children": list(o.objective.children),
                **_objective_verdict(o),
                "reason": o.reason,
                "note": o.objective.note,
                "caveats": [{"code": c.code, "message": c.message} for c in o.caveats],
            }
            for o in card.objectives
        ],
        "indicators": [_indicator(r, columns) for r in card.indicators] if indicators else [],
        "set_aside": asides,
        "set_aside_total": len(card.set_aside),
        "set_aside_counts": counted,
        "groups": [
            {
                "group": dict(g.group),
                "label": g.label,
                "objectives": [{"id": o.id, **_objective_verdict(o)} for o in g.objectives],
            }
            for g in card.groups
        ],
        "sources": {"goals": card.origin, "observations": card.data_source},
    }


def comparison_to_dict(comparison: ComparisonData) -> dict[str, Any]:
    """A method comparison as JSON-ready data."""

    def cell(a: Assessment) -> dict[str, Any]:
        return {
            "method": a.method,
            "status": a.status.value,
            "label": a.label,
            "value": a.value,
            "score": a.score,
            "reason": a.reason,
            "final": a.final,
            "caveats": [{"code": c.code, "message": c.message} for c in a.caveats],
        }

    own = comparison.own
    rows = comparison.rows()
    return {
        "schema_version": 1,
        "kind": "method_comparison",
        "framework": {"id": own.spec.id, "title": own.spec.title},
        "as_of": own.as_of.to_json() if own.as_of else None,
        "methods": list(comparison.methods),
        "indicators": [
            {
                "id": i,
                "name": name,
                "own": cell(own_assessment),
                "methods": {m: cell(a) for m, a in zip(comparison.methods, others, strict=True)},
            }
            for i, name, own_assessment, others in rows
        ],
        "disagreements": comparison.disagreements(),
        "set_aside": [_aside(s) for s in own.set_aside],
    }
