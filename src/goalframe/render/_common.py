from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from goalframe.render._format import FLAG_MARK, flags, number, percent

if TYPE_CHECKING:
    from goalframe._scorecard import IndicatorResult, Scorecard

#: Words behind the flag marks, for legends.
FLAG_WORDS = {
    "approx": "approximate",
    "derived": "derived",
    "revised": "revised",
    "provisional": "provisional",
    "estimated": "estimated",
    "break": "break in series",
    "suspect": "suspect",
}


def header_facts(card: Scorecard) -> list[tuple[str, str]]:
    """The facts under the title, shared by every renderer."""
    spec = card.spec
    facts = []
    if spec.owner:
        facts.append(("Owner", spec.owner))
    if spec.period:
        facts.append(("Period", f"{spec.period.start}–{spec.period.end}"))
    facts.append(("As of", str(card.as_of) if card.as_of else "latest data"))
    facts.append(("Method", card.method or ", ".join(card.methods_used) or "–"))
    if spec.source_document:
        facts.append(("Policy document", spec.source_document.name))
    score = card.measurability
    if score is not None and score.score is not None:
        facts.append(
            (
                "Measurability",
                f"{score.score:.0%} of objectives pass every "
                f"error-level lint rule ({score.passing} of {score.total})",
            )
        )
    return facts


def figures(result: IndicatorResult, *, sep: str = " ") -> dict[str, str]:
    """Baseline, latest, target and progress as display text (``sep`` before the period)."""
    goal = result.indicator.goal
    baseline = goal.baseline if goal else None
    latest = result.latest
    a = result.assessment
    target = "–"
    if goal is not None and goal.target is not None:
        target = number(goal.target) + (f"{sep}({goal.deadline})" if goal.deadline else "")
    elif goal is not None and goal.milestones:
        final = goal.milestones[-1]
        target = f"{number(final.value)}{sep}({final.period})"
    elif goal is not None and goal.low is not None and goal.high is not None:
        target = f"{number(goal.low)}–{number(goal.high)}"
    return {
        "baseline": f"{number(baseline.value)}{sep}({baseline.period})" if baseline else "–",
        "latest": (
            f"{number(latest.value)}{flags(latest.flags)}{sep}({latest.period})" if latest else "–"
        ),
        "target": target,
        "progress": (f"{percent(a.value)} / {percent(a.expected)}" if a.value is not None else "–"),
    }


def flags_used(card: Scorecard) -> list[str]:
    """Legend entries for the flags that occur on the card: ``~ approximate``."""
    seen = {f for r in card.indicators for o in r.series for f in o.flags}
    return [f"{FLAG_MARK[f]} {FLAG_WORDS[f]}" for f in FLAG_MARK if f in seen]


def set_aside_summary(card: Scorecard) -> list[tuple[str, int]]:
    """Reasons for setting observations aside, with counts, most frequent first."""
    counts = Counter(s.reason for s in card.set_aside)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
