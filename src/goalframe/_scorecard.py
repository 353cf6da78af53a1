from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import attrs

from goalframe._assessment import Assessment, Status
from goalframe._model import Indicator, Objective, Point
from goalframe._observations import SetAside
from goalframe._periods import Period

if TYPE_CHECKING:
    from goalframe._lint import Measurability
    from goalframe.schema import FrameworkSpec

__all__ = ["IndicatorResult", "ObjectiveResult", "Observed", "Scorecard", "Trend"]

#: Version of the scorecard's JSON layout; bumped on any incompatible change.
SCHEMA_VERSION = 1


@attrs.frozen(kw_only=True)
class Observed:
    """An observed value in the indicator's unit, with its flags and note."""

    period: Period
    value: float
    flags: frozenset[str] = frozenset()
    note: str | None = None


@attrs.frozen(kw_only=True)
class Trend:
    """The latest value against the previous one.

    Attributes:
        previous: The previous observation.
        change: latest - previous, in the indicator's unit.
        better: True when the change is in the desired direction, False when against it,
            None when unchanged or when the indicator has no direction.
    """

    previous: Observed
    change: float
    better: bool | None


@attrs.frozen(kw_only=True)
class IndicatorResult:
    """An indicator's line on the scorecard: its figures, its verdict and their context.

    Attributes:
        indicator: The compiled indicator (name, unit, direction, source, notes).
        assessment: The method's verdict with every number it used.
        series: The observations used, in the indicator's unit, oldest first.
        latest: The latest observation used, if any.
        trend: Latest against previous, if there are two.
        objectives: Ids of the objectives this indicator measures.
        breakdown: The breakdown assessed (``()`` for the total).

    Added in 0.1.
    """

    indicator: Indicator
    assessment: Assessment
    series: tuple[Observed, ...] = ()
    latest: Observed | None = None
    trend: Trend | None = None
    objectives: tuple[str, ...] = ()
    breakdown: tuple[tuple[str, str], ...] = ()

    @property
    def id(self) -> str:
        """The indicator's id."""
        return self.indicator.id

    @property
    def status(self) -> Status:
        """The verdict."""
        return self.assessment.status

    @property
    def baseline(self) -> Point | None:
        """The baseline from the goal file."""
        return self.indicator.goal.baseline if self.indicator.goal else None

    @property
    def target(self) -> float | None:
        """The target value (a relative target already resolved)."""
        return self.indicator.goal.target if self.indicator.goal else None

    @property
    def deadline(self) -> Period | None:
        """The target's deadline."""
        return self.indicator.goal.deadline if self.indicator.goal else None

    @property
    def scored(self) -> bool:
        """Whether the verdict counts in roll-ups (not for context or not assessable)."""
        from goalframe.schema import IndicatorKind

        return (
            self.indicator.kind is not IndicatorKind.CONTEXT
            and self.status is not Status.NOT_ASSESSABLE
        )


@attrs.frozen(kw_only=True)
class ObjectiveResult:
    """An objective's roll-up verdict.

    Attributes:
        objective: The compiled objective.
        status: The roll-up verdict.
        score: The weighted mean rank (0 moving away ... 4 achieved), where defined.
        reason: Why it is not assessable, if so.
        depth: Depth in the tree (0 for a root objective).

    Added in 0.1.
    """

    objective: Objective
    status: Status
    score: float | None = None
    reason: str | None = None
    depth: int = 0

    @property
    def id(self) -> str:
        """The objective's id."""
        return self.objective.id


@attrs.frozen(kw_only=True)
class Scorecard:
    """The result of `goalframe.evaluate`: every verdict, ready for any renderer.

    Renderers only read a scorecard; all numbers are computed by the time it exists.

    Attributes:
        spec: The goal file, as validated (title, owner, sources, ...).
        as_of: The period evaluated as of, or None for "all data".
        method: The method forced for every indicator, or None (each indicator's own).
        indicators: One result per indicator, in goal-file order.
        objectives: One roll-up per objective, in tree order (parents before children).
        set_aside: Observations read but not used, each with the reason.
        origin: The goal file.
        data_source: The observations file.
        measurability: The share of objectives that pass every error-level lint rule.

    Added in 0.1.
    """

    spec: FrameworkSpec
    as_of: Period | None
    method: str | None
    indicators: tuple[IndicatorResult, ...]
    objectives: tuple[ObjectiveResult, ...]
    set_aside: tuple[SetAside, ...] = ()
    origin: str = "<spec>"
    data_source: str = "<records>"
    measurability: Measurability | None = None

    @property
    def title(self) -> str:
        """The framework's title."""
        return self.spec.title

    @property
    def counts(self) -> dict[Status, int]:
        """How many indicators have each status (every status present, zeros included)."""
        counts = dict.fromkeys(Status, 0)
        for result in self.indicators:
            counts[result.status] += 1
        return counts

    @property
    def methods_used(self) -> tuple[str, ...]:
        """The methods that produced the verdicts, sorted."""
        return tuple(sorted({r.assessment.method for r in self.indicators}))

    def indicator(self, indicator_id: str) -> IndicatorResult:
        """The result for one indicator.

        Raises:
            KeyError: No such indicator on the card.
        """
        for result in self.indicators:
            if result.id == indicator_id:
                return result
        msg = f"no indicator {indicator_id!r} on this scorecard"
        raise KeyError(msg)

    def objective(self, objective_id: str) -> ObjectiveResult:
        """The roll-up for one objective.

        Raises:
            KeyError: No such objective on the card.
        """
        for result in self.objectives:
            if result.id == objective_id:
                return result
        msg = f"no objective {objective_id!r} on this scorecard"
        raise KeyError(msg)

    def to_dict(self) -> dict[str, Any]:
        """The scorecard as JSON-ready data (``schema_version`` 1, documented in the docs)."""
        from goalframe.render.json import scorecard_to_dict

        return scorecard_to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The scorecard as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False) + "\n"

    def to_markdown(self, *, lang: str | None = None) -> str:
        """The scorecard as a Markdown document (``lang``: en or nl; default the file's)."""
        from goalframe.render.markdown import render_markdown

        return render_markdown(self, lang)

    def to_text(self, *, width: int = 100, lang: str | None = None) -> str:
        """The terminal scorecard as plain text (no colour), ``width`` columns wide."""
        from goalframe.render.terminal import render_text

        return render_text(self, width=width, lang=lang)

    def to_html(self, *, lang: str | None = None) -> str:
        """The scorecard as one self-contained HTML page with charts (no scripts, no requests)."""
        from goalframe.render.html import render_html

        return render_html(self, lang)

    def to_csv(self) -> str:
        """One row per indicator assessment, protected against spreadsheet formula injection."""
        from goalframe.render.csv import render_csv

        return render_csv(self)

    def _repr_html_(self) -> str:
        # Jupyter shows a scorecard as its HTML page.
        return self.to_html()

    def __rich__(self) -> Any:
        from goalframe.render.terminal import build_renderable

        return build_renderable(self)

    def explain(self, indicator_id: str) -> str:
        """The explanation of one indicator's verdict (see `Assessment.explain`)."""
        result = self.indicator(indicator_id)
        unit = result.indicator.unit or ""
        return (
            f"{result.id} ({result.indicator.name}; unit: {unit})\n" + result.assessment.explain()
        )
