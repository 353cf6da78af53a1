"""Every target that was due, in the table of verdicts: the one in force and each earlier one.

An indicator with several targets of one type goes through the frame forms once per target
that counts: first held to the target in force (every series), then to each earlier target
whose last period is over (the headline, as the reference path judges it: its final
verdict). Each pass is a plain run of the forms over that indicator's rows, so the
verdicts are the forms' own; the rows say which target they judge (``target_index``,
``target_role``, ``provenance``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from goalframe._frames._prepare import RELEASES
from goalframe._frames._table import provenance

if TYPE_CHECKING:
    from goalframe._frames._expr import Frame
    from goalframe._model import Framework
    from goalframe._periods import Period


@attrs.frozen
class Held:
    """One pass of the forms: the framework with each indicator held to one of its targets.

    Attributes:
        framework: The framework, each indicator of several targets held to one of them.
        index: For those indicators, the index of that target among theirs.
        role: ``in force`` or ``earlier``.
        only: The indicators this pass assesses (None: every one).
    """

    framework: Framework
    index: dict[str, int]
    role: str
    only: frozenset[str] | None = None

    def columns(self, results: Frame, *, reference: bool) -> Frame:
        """The rows of this pass with the target's columns (the reference path has its own).

        A reference row of an indicator this pass holds to one target says which one; an
        earlier pass keeps the headline only (a group is held to the target in force).
        """
        import narwhals as nw

        from goalframe._frames._expr import constant

        held = {i.id: provenance(i.goal) for i in self.framework.indicators}
        index = constant(self.index, nw.Int64, 0)
        role = nw.lit(self.role, dtype=nw.String)
        said = constant(held, nw.String)
        if reference and not self.index:  # the reference path said it already
            out = results
        elif reference:
            ours = nw.col("indicator").is_in(list(self.index))
            index = nw.when(ours).then(index).otherwise(nw.col("target_index"))
            role = nw.when(ours).then(role).otherwise(nw.col("target_role"))
            out = results.with_columns(target_index=index, target_role=role)
        else:
            out = results.with_columns(target_index=index, target_role=role, provenance=said)
        if self.role == "earlier":
            out = out.filter(nw.col("role") == "headline")
        return out


def target_passes(framework: Framework, cutoff: Period, names: list[str]) -> list[Held]:
    """The passes of the forms: the targets in force, then each earlier target's.

    Targets of mixed types (whose method could differ) and frames with releases (whose
    revision check the reference path makes) keep the reference path, which writes a row
    for each of their targets itself.
    """
    from goalframe._evaluate import in_force_index

    if set(RELEASES) & set(names):
        return [Held(framework=framework, index={}, role="in force")]
    several = {
        i.id: in_force_index(i.goals, cutoff)
        for i in framework.indicators
        if len(i.goals) > 1 and len({g.type for g in i.goals}) == 1
    }

    def held_to(which: dict[str, int]) -> Framework:
        indicators: list[Any] = []
        for indicator in framework.indicators:
            if indicator.id in which:
                goal = indicator.goals[which[indicator.id]]
                indicator = attrs.evolve(indicator, goal=goal, goals=(goal,))
            indicators.append(indicator)
        return attrs.evolve(framework, indicators=tuple(indicators))

    passes = [Held(framework=held_to(several), index=several, role="in force")]
    for k in range(max(several.values(), default=0)):
        earlier = {i: k for i, current in several.items() if k < current}
        passes.append(
            Held(framework=held_to(earlier), index=earlier, role="earlier", only=frozenset(earlier))
        )
    return passes
