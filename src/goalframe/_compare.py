from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from goalframe._assessment import Assessment
from goalframe._periods import Period

if TYPE_CHECKING:
    from goalframe._model import Framework
    from goalframe._observations import Observation, ObservationSet
    from goalframe._scorecard import Scorecard
    from goalframe.schema import FrameworkSpec

__all__ = ["Comparison", "compare"]

#: Column order of a comparison: the default method first, then the peers' methods.
PREFERRED = ("trajectory", "open-sdg", "eurostat", "unsd", "escap", "okr", "forecast")


@attrs.frozen(kw_only=True)
class Comparison:
    """The same framework assessed by several methods side by side.

    Attributes:
        methods: The methods compared, in column order.
        own: The scorecard with each indicator's own method (the goal file's choice).
        cards: One scorecard per compared method, in ``methods`` order.

    Added in 0.1.
    """

    methods: tuple[str, ...]
    own: Scorecard
    cards: tuple[Scorecard, ...]

    def rows(self) -> list[tuple[str, str, Assessment, tuple[Assessment, ...]]]:
        """Per indicator: id, name, its own assessment, and one assessment per method."""
        out = []
        for i, result in enumerate(self.own.indicators):
            if result.indicator.goal is None:
                continue  # context indicators and indicators without a target
            out.append(
                (
                    result.id,
                    result.indicator.name,
                    result.assessment,
                    tuple(card.indicators[i].assessment for card in self.cards),
                )
            )
        return out

    def disagreements(self) -> list[str]:
        """Ids of indicators whose assessable verdicts differ between methods."""
        out = []
        for indicator_id, _, own, others in self.rows():
            statuses = {a.status for a in (own, *others) if a.status.rank is not None}
            if len(statuses) > 1:
                out.append(indicator_id)
        return out

    def to_dict(self) -> dict[str, Any]:
        """The comparison as JSON-ready data."""

        def cell(a: Assessment) -> dict[str, Any]:
            return {
                "method": a.method,
                "status": a.status.value,
                "label": a.label,
                "value": a.value,
                "score": a.score,
                "reason": a.reason,
            }

        return {
            "schema_version": 1,
            "kind": "method_comparison",
            "framework": {"id": self.own.spec.id, "title": self.own.spec.title},
            "as_of": self.own.as_of.to_json() if self.own.as_of else None,
            "methods": list(self.methods),
            "indicators": [
                {
                    "id": i,
                    "name": name,
                    "own": cell(own),
                    "methods": {m: cell(a) for m, a in zip(self.methods, others, strict=True)},
                }
                for i, name, own, others in self.rows()
            ],
            "disagreements": self.disagreements(),
        }

    def to_json(self) -> str:
        """The comparison as JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_markdown(self) -> str:
        """The comparison as a Markdown table."""
        from goalframe.render.markdown import render_comparison_markdown

        return render_comparison_markdown(self)

    def to_text(self, *, width: int = 140) -> str:
        """The comparison as a plain-text table."""
        from goalframe.render.terminal import render_comparison_text

        return render_comparison_text(self, width=width)

    def __rich__(self) -> Any:
        from goalframe.render.terminal import build_comparison

        return build_comparison(self)


def compare(
    framework: Framework | FrameworkSpec,
    observations: ObservationSet | Iterable[Observation],
    *,
    methods: Sequence[str] | None = None,
    as_of: Period | str | int | None = None,
) -> Comparison:
    """Assess every indicator with several methods, to see where the verdict depends on it.

    Args:
        framework: The goal framework.
        observations: The observations.
        methods: Methods to compare; by default every general method (those that assess
            trajectory targets: trajectory, open-sdg, eurostat, unsd, escap, okr, forecast,
            and any plugin that declares itself general).
        as_of: Evaluate as if in this period.

    Returns:
        The comparison, with each indicator's own verdict beside every method's.

    Added in 0.1.
    """
    from goalframe._evaluate import assess_all, prepare
    from goalframe._lint import lint, measurability
    from goalframe.progress import get_method
    from goalframe.progress import methods as all_methods

    framework, obs_set = prepare(framework, observations)
    if methods is None:
        general = [m.name for m in all_methods() if m.general]
        order = {name: i for i, name in enumerate(PREFERRED)}
        chosen = tuple(sorted(general, key=lambda n: (order.get(n, len(order)), n)))
    else:
        chosen = tuple(methods)
    for name in chosen:
        get_method(name)
    # One lint run for the measurability score, shared by every card.
    score = measurability(framework, lint(framework))
    own, *cards = (
        attrs.evolve(assess_all(framework, obs_set, as_of=as_of, method=m), measurability=score)
        for m in (None, *chosen)
    )
    return Comparison(methods=chosen, own=own, cards=tuple(cards))
