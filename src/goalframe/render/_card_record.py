"""One indicator's line of the tabular cards (CSV, Excel), typed: numbers stay numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from goalframe._results import IndicatorResult
    from goalframe._scorecard import ScorecardData

__all__ = ["indicator_record"]


def indicator_record(card: ScorecardData, result: IndicatorResult) -> dict[str, object]:
    """One indicator's line of the tabular cards (CSV, Excel), typed: numbers stay numbers.

    Keys are the CSV card's columns (without ``record`` and ``location``).
    """
    ind, a, goal, latest = result.indicator, result.assessment, result.indicator.goal, result.latest
    baseline = goal.baseline if goal else None
    return {
        "framework": card.spec.id,
        "objectives": ";".join(result.objectives),
        "indicator": ind.id,
        "name": ind.name,
        "kind": ind.kind.value if ind.kind else None,
        "method": a.method,
        "status": a.status.value,
        "label": a.label,
        "baseline": baseline.value if baseline else None,
        "baseline_period": str(baseline.period) if baseline else None,
        "latest": latest.value if latest else None,
        "latest_period": str(latest.period) if latest else None,
        "latest_flags": ";".join(sorted(latest.flags)) if latest else None,
        "target": goal.target if goal else None,
        "deadline": str(goal.deadline) if goal and goal.deadline else None,
        "progress": a.value,
        "expected_progress": a.expected,
        "score": a.score,
        "unit": ind.unit,
        "direction": ind.direction.value if ind.direction else None,
        "source": ind.source.name if ind.source else None,
        "reason": a.reason,
        "final": a.final,
        "deciding": a.deciding.value if a.deciding else None,
        "deciding_period": str(a.deciding.period) if a.deciding else None,
        "caveats": " | ".join(f"{c.code}: {c.message}" for c in a.caveats),
        "target_provenance": goal.provenance if goal else None,
        "target_note": goal.note if goal else None,
    }
