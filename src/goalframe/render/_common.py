from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from goalframe.render import _i18n
from goalframe.render._format import FLAG_MARK, STATUS_SYMBOL, flags, number, percent

if TYPE_CHECKING:
    from goalframe._assessment import Status
    from goalframe._results import IndicatorResult
    from goalframe._scorecard import ScorecardData


def status_text(status: Status, lang: str = "en") -> str:
    """``▲ on track``: the symbol and the status in words."""
    return f"{STATUS_SYMBOL[status]} {_i18n.status(lang, status)}"


def status_counts(card: ScorecardData, lang: str = "en") -> str:
    """``2 on track, 1 moving away`` for the statuses present."""
    return ", ".join(f"{n} {_i18n.status(lang, s)}" for s, n in card.counts.items() if n)


def header_facts(card: ScorecardData, lang: str = "en") -> list[tuple[str, str]]:
    """The facts under the title, shared by every renderer."""
    spec = card.spec
    t = _i18n.text
    facts = []
    if spec.owner:
        facts.append((t(lang, "owner"), spec.owner))
    if spec.period:
        facts.append((t(lang, "period"), f"{spec.period.start}–{spec.period.end}"))
    facts.append((t(lang, "as_of"), str(card.as_of) if card.as_of else t(lang, "latest_data")))
    facts.append((t(lang, "method"), card.method or ", ".join(card.methods_used) or "–"))
    if spec.source_document:
        facts.append((t(lang, "policy_document"), spec.source_document.name))
    score = card.measurability
    if score is not None and score.score is not None:
        facts.append(
            (
                t(lang, "measurability"),
                t(
                    lang,
                    "measurability_value",
                    score=f"{score.score:.0%}",
                    passing=score.passing,
                    total=score.total,
                ),
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


def flags_used(card: ScorecardData, lang: str = "en") -> list[str]:
    """Legend entries for the flags that occur on the card: ``~ approximate``."""
    seen = {f for r in card.indicators for o in r.series for f in o.flags}
    return [f"{FLAG_MARK[f]} {_i18n.flag(lang, f)}" for f in FLAG_MARK if f in seen]


def set_aside_summary(card: ScorecardData) -> list[tuple[str, int]]:
    """Reasons for setting observations aside, with counts, most frequent first."""
    counts = Counter(s.reason for s in card.set_aside)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
