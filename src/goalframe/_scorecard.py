"""The scorecard's data: results, the framework's context and the measurability figure.

Data only. Renderers (`goalframe.render`) and the facade read it; it imports neither.
"""

from __future__ import annotations

from typing import Final

import attrs

from goalframe._assessment import Assessment, Status, TargetCounts
from goalframe._messages import Term, catalogue, localise, number
from goalframe._model import Goal
from goalframe._observations import SetAside
from goalframe._periods import Period
from goalframe._results import (
    GroupResult,
    GroupRollUp,
    IndicatorResult,
    ObjectiveResult,
    find,
    index_results,
)
from goalframe._text import clean
from goalframe.schema import FrameworkSpec, TargetType

__all__ = ["SCHEMA_VERSION", "ComparisonData", "Measurability", "ScorecardData"]

#: Version of the scorecard's JSON layout; bumped on any incompatible change.
SCHEMA_VERSION: Final = 1


@attrs.frozen(kw_only=True)
class Measurability:
    """The share of objectives that pass every error-level rule.

    Added in 0.1.
    """

    passing: int
    total: int
    failing: tuple[str, ...] = ()

    @property
    def score(self) -> float | None:
        """The share passing (0-1), or None for a framework without objectives."""
        return self.passing / self.total if self.total else None

    def __str__(self) -> str:
        if self.score is None:
            return "measurability: no objectives"
        return (
            f"measurability: {self.score:.0%} ({self.passing} of {self.total} objectives "
            "pass every error-level rule)"
        )


@attrs.frozen(kw_only=True)
class ScorecardData:
    """The data of a scorecard: every verdict and its context, ready for any renderer.

    Renderers only read this; all numbers are computed by the time it exists. The public
    `goalframe.Scorecard` is this class with its outputs (``to_markdown()``, ``to_html()``,
    ...), defined above the renderers so that data never imports its presentation.

    Attributes:
        spec: The goal file, as validated (title, owner, sources, ...).
        as_of: The assessment date: the period evaluated as of (today when not given).
        method: The method forced for every indicator, or None (each indicator's own).
        indicators: One result per indicator, in goal-file order.
        objectives: One roll-up per objective, in tree order (parents before children).
        set_aside: Observations read but not used, each with the reason.
        origin: The goal file.
        data_source: The observations file.
        measurability: The share of objectives that pass every error-level lint rule.
        as_of_given: False when the assessment date ``as_of`` is the day of the run (no
            ``as_of`` given): the header then says how to reproduce the card.
        groups: The objectives' verdicts per group (a verdict per region), for indicators
            declared with ``by:``.

    Added in 0.1; ``as_of_given`` added in 0.2; ``groups`` added in 0.3.
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
    as_of_given: bool = True
    groups: tuple[GroupRollUp, ...] = ()
    _by_id: dict[str, IndicatorResult] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", index_results(self.indicators))

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
    def target_counts(self) -> dict[str, TargetCounts]:
        """The targets that count, by provenance: ``official`` first, the others apart.

        ``unstated`` (the goal file names no provenance and no source), ``proposed`` and
        ``illustrative`` follow, so that an illustrative verdict never stands for an official
        one. Every target that was due counts (an indicator's earlier targets included,
        unknowns included), with those not due yet: the headline an audit report starts from.

        Added in 0.3.
        """
        from goalframe._evaluate._rollup import counted_targets

        out: dict[str, TargetCounts] = {}
        for result in self.indicators:
            for c in counted_targets(result):
                kind = (c.goal.provenance if c.goal is not None else None) or "unstated"
                a = c.assessment
                out[kind] = out.get(kind, TargetCounts()).add(a.status, final=a.final)
        order = ("official", "unstated", "proposed", "illustrative")
        return {k: out[k] for k in sorted(out, key=lambda k: order.index(k) if k in order else 9)}

    @property
    def breakdowns(self) -> tuple[IndicatorResult, ...]:
        """The indicators assessed per group (declared with ``by:``), in goal-file order."""
        return tuple(r for r in self.indicators if r.groups)

    @property
    def group_keys(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        """Every group of any indicator, sorted: the columns of the breakdown matrix."""
        return tuple(sorted({g.group for r in self.indicators for g in r.groups}))

    @property
    def methods_used(self) -> tuple[str, ...]:
        """The methods that produced the verdicts, sorted."""
        return tuple(sorted({r.assessment.method for r in self.indicators}))

    def indicator(self, indicator_id: str) -> IndicatorResult:
        """The result for one indicator.

        Raises:
            KeyError: No such indicator on the card.
        """
        return find(self._by_id, indicator_id, "indicator")

    def find_indicator(self, indicator_id: str) -> IndicatorResult | None:
        """The result for one indicator, or None when the card has none by that id."""
        return self._by_id.get(indicator_id)

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

    def explain(self, indicator_id: str, *, lang: str = "en", group: str | None = None) -> str:
        """The explanation of one indicator's verdict, with every number compared.

        The indicator and the assessment date; the target's provenance, note and (for a
        relative target) its arithmetic; for norms and milestones, each period's figure
        against the value in force; then the method's formula, components, verdict and
        caveats (see `Assessment.explain`), in ``lang`` (formulas and component names keep
        the method's notation). ``group`` explains one ``by:`` series instead of the
        headline: its label (``Rotterdam``) or its breakdown (``region=Rotterdam``).

        Raises:
            KeyError: No such indicator, or no such group (the message lists them).
        """
        result = self.indicator(indicator_id)
        unit = result.indicator.unit or ""
        word = catalogue(lang)["explain"]
        lines = [f"{result.id} ({result.indicator.name}; {word['unit']}: {unit})"]
        if group is not None:
            chosen = _group_of(result, group)
            lines.append(f"{word['group']}: {chosen.label}")
            result = attrs.evolve(
                result,
                indicator=attrs.evolve(result.indicator, goal=chosen.goal),
                assessment=chosen.assessment,
                series=chosen.series,
                latest=chosen.latest,
                targets=(),
                groups=(),
            )
        if self.as_of is not None:
            lines.append(f"{word['assessment_date']}: {self.as_of}")
        goal = result.indicator.goal
        if goal is not None:
            lines += _target_lines(result, goal, lang)
        text = "\n".join(lines) + "\n" + result.assessment.explain(lang) + _figures(result, lang)
        return clean(text)  # names, groups and reasons quote user text: no raw controls


def _figures(result: IndicatorResult, lang: str) -> str:
    """The deciding figure and the latest one, named as the cards name them."""
    word = catalogue(lang)["explain"]
    out = ""
    deciding = result.assessment.deciding
    if deciding is not None:
        out += f"\n{word['decided_on']}: {number(deciding.value, lang)} ({deciding.period})"
    if result.latest is not None:
        out += f"\n{word['latest']}: {number(result.latest.value, lang)} ({result.latest.period})"
    return out


def _group_of(result: IndicatorResult, wanted: str) -> GroupResult:
    """The group named by its label (``Rotterdam``) or its breakdown (``region=Rotterdam``)."""
    for group in result.groups:
        written = ", ".join(f"{c}={v}" for c, v in group.group)
        if wanted.strip() in (group.label, written):
            return group
    from goalframe._messages import Message
    from goalframe._suggest import close_matches

    labels = [g.label for g in result.groups]
    if not labels:
        raise KeyError(Message("explain_no_groups", indicator=repr(result.id)))
    shown = ", ".join(labels[:12]) + (" ..." if len(labels) > 12 else "")
    close = close_matches(wanted, labels)
    hint = Message("explain_close", names=" / ".join(repr(c) for c in close)) if close else ""
    message = Message(
        "explain_no_group", group=repr(wanted), indicator=repr(result.id), hint=hint, groups=shown
    )
    raise KeyError(message)


@attrs.frozen(kw_only=True)
class ComparisonData:
    """The same framework assessed by several methods side by side (data only).

    The public `goalframe.Comparison` is this class with its outputs.

    Attributes:
        methods: The methods compared, in column order.
        own: The scorecard with each indicator's own method (the goal file's choice).
        cards: One scorecard per compared method, in ``methods`` order.

    Added in 0.1.
    """

    methods: tuple[str, ...]
    own: ScorecardData
    cards: tuple[ScorecardData, ...]

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


def _target_lines(result: IndicatorResult, goal: Goal, lang: str = "en") -> list[str]:
    from goalframe._assessment import Series
    from goalframe._judge import checks, value_for

    word = catalogue(lang)["explain"]
    lines = []
    if goal.provenance or goal.note:
        mark = word[f"provenance_{goal.provenance}" if goal.provenance else "provenance_unknown"]
        lines.append(f"{word['target']} ({mark})" + (f": {goal.note}" if goal.note else ""))
    if goal.change_percent is not None and goal.baseline is not None and goal.target is not None:
        factor = 1 + goal.change_percent / 100
        lines.append(
            f"target = baseline x (1 {'+' if goal.change_percent >= 0 else '-'} "
            f"{abs(goal.change_percent) / 100:g}) = {goal.baseline.value:,.6g} x {factor:g} "
            f"= {goal.target:,.6g}"
        )
    if goal.change_points is not None and goal.baseline is not None and goal.target is not None:
        sign = "+" if goal.change_points >= 0 else "-"
        lines.append(
            f"target = baseline {sign} {abs(goal.change_points):g} points = "
            f"{goal.baseline.value:,.6g} {sign} {abs(goal.change_points):g} = {goal.target:,.6g}"
        )
    words = {**catalogue(lang)["target_words"], "language": lang}
    if goal.history:
        lines.append(f"{word['goalposts']}: {goal.goalposts(words)}")
    for other in result.targets:
        if other.role != "in force":
            a = other.assessment
            role = word["role_" + other.role.replace(" ", "_")]
            status = Term("status", a.status.value).say(lang)
            lines.append(
                f"{word['other_target']} ({role}): {other.goal.describe(words)}: {status} "
                f"({a.label})"
            )
    if goal.type in (TargetType.NORM, TargetType.MILESTONES):
        series = Series(
            periods=tuple(o.period for o in result.series),
            values=[o.value for o in result.series],
        )
        sign = ">=" if goal.direction.value == "increase" else "<="
        for period, value in checks(goal):
            point = value_for(series, period)
            bar = localise(f"{value:,.6g}", lang)
            if point is None:
                lines.append(f"  {period}: {word['no_figure_against']} {sign} {bar}")
                continue
            verdict = word["met" if goal.meets(point.value, value) else "missed"]
            shown = localise(f"{point.value:,.6g}", lang)
            lines.append(f"  {period}: {shown} {word['against']} {sign} {bar}: {verdict}")
    return lines
