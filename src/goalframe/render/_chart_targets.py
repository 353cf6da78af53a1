"""The targets a chart draws beside the one in force: earlier ones and those to come.

An indicator with several `targets:` (norms in turn, successive deadlines) has a chart that
shows each of them where it applies: a norm over its own span, a point target at its
deadline (and its milestones), each labelled with its value, its role and, for an earlier
target, its verdict; an illustrative or proposed target says so. Nothing is computed here:
the verdicts are the scorecard's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from goalframe.render import _i18n
from goalframe.render._format import STATUS_SYMBOL
from goalframe.schema import TargetType

if TYPE_CHECKING:
    from goalframe._model import Goal
    from goalframe._periods import Period
    from goalframe._results import IndicatorResult


@attrs.frozen
class OtherTarget:
    """One target other than the one in force, as a chart draws it.

    Attributes:
        goal: The target.
        role: ``earlier`` or ``to come``.
        norm: For a norm, its value and span as times (start, end); else None.
        points: For a point target, its milestones and deadline as (time, value) pairs.
        mark: The verdict's symbol for an earlier target (``✗``), else empty.
        title: What a reader hovering it reads: value, role, verdict, provenance.
        css: The SVG classes: ``earlier`` or ``to-come``, and ``illustrative``.
    """

    goal: Goal
    role: str
    norm: tuple[float, float, float] | None
    points: tuple[tuple[float, float], ...]
    mark: str
    title: str
    css: str


def other_targets(result: IndicatorResult, lang: str, step: float) -> list[OtherTarget]:
    """Every target of ``result`` but the one in force, in their order (``step``: half a period)."""
    out = []
    words = _i18n.target_words(lang)
    for outcome in result.targets:
        if outcome.role == "in force":
            continue
        goal = outcome.goal
        said = [goal.describe(words), _i18n.text(lang, f"target_{outcome.role.replace(' ', '_')}")]
        mark = ""
        if outcome.role == "earlier":
            said.append(_i18n.status(lang, outcome.assessment.status))
            mark = STATUS_SYMBOL[outcome.assessment.status]
        css = outcome.role.replace(" ", "-")
        if goal.provenance in ("illustrative", "proposed"):
            said.append(_i18n.text(lang, f"provenance_{goal.provenance}"))
            css += " illustrative"
        norm = None
        points: tuple[tuple[float, float], ...] = ()
        start = _start(goal)
        if goal.type is TargetType.NORM and goal.target is not None and start and goal.deadline:
            norm = (start.time, goal.deadline.time + step, goal.target)
        else:
            points = tuple((m.period.time, m.value) for m in goal.milestones)
            if goal.target is not None and goal.deadline is not None:
                points += ((goal.deadline.time, goal.target),)
        if norm is None and not points:
            continue
        out.append(
            OtherTarget(
                goal=goal,
                role=outcome.role,
                norm=norm,
                points=points,
                mark=mark,
                title=" · ".join(said),
                css=css,
            )
        )
    return out


def _start(goal: Goal) -> Period | None:
    return goal.base_period or (goal.baseline.period if goal.baseline else None)
