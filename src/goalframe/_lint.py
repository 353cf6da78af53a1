from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from goalframe._assessment import Status
from goalframe._model import Framework, Indicator, Objective
from goalframe._periods import Period
from goalframe.errors import Location
from goalframe.schema import IndicatorKind, Level, TargetType

if TYPE_CHECKING:
    from goalframe._observations import ObservationSet
    from goalframe._scorecard import IndicatorResult, Scorecard

__all__ = [
    "ENFORCEMENT_UNITS",
    "RULES",
    "VAGUE_WORDS",
    "Finding",
    "Measurability",
    "Rule",
    "Severity",
    "lint",
    "measurability",
]


class Severity(enum.StrEnum):
    """How serious a finding is: ``error`` makes an objective unmeasurable.

    Added in 0.1.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info."""
        return {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}[self]


@attrs.frozen(kw_only=True)
class Rule:
    """A lint rule: its stable code, what it checks, and an example that breaks and keeps it.

    Attributes:
        code: Stable code: a SMART letter (S, M, A, R, T), D for data, F for file.
        name: Short kebab-case name.
        severity: Default severity.
        summary: What the rule checks, in one line.
        needs_data: Whether the rule runs only with observations (``--data``).
        bad: A goal file (YAML) that breaks the rule.
        good: The same goal file, fixed.
        data: Observations (CSV) that go with the bad example, for rules that need data.
        good_data: Observations for the good example, when they differ from ``data``.

    Added in 0.1.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    needs_data: bool = False
    bad: str = ""
    good: str = ""
    data: str = ""
    good_data: str | None = None


@attrs.frozen(kw_only=True)
class Finding:
    """One thing the linter found.

    Attributes:
        code: The rule's code.
        severity: error, warning or info.
        subject: ``objective``, ``indicator`` or ``framework``.
        subject_id: The objective's or indicator's id (the framework's for framework findings).
        message: What is wrong, in one line.
        fix: A concrete fix.
        location: File, line and column in the goal file.
        path: Where in the document (keys and indexes).
        ignored: Whether the goal file or the command line switched the rule off here.
        ignore_reason: The reason given for ignoring it.

    Added in 0.1.
    """

    code: str
    severity: Severity
    subject: str
    subject_id: str
    message: str
    fix: str
    location: Location | None = None
    path: tuple[str | int, ...] = ()
    ignored: bool = False
    ignore_reason: str | None = None

    def sort_key(self) -> tuple[Any, ...]:
        """File, line, column, code, subject: the order findings are reported in."""
        loc = self.location
        return (
            loc.file if loc else "",
            (loc.line or 0) if loc else 0,
            (loc.column or 0) if loc else 0,
            self.code,
            self.subject_id,
        )

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        mark = " (ignored: " + (self.ignore_reason or "") + ")" if self.ignored else ""
        return (
            f"{where}{self.code} [{self.severity.value}] {self.subject} "
            f"{self.subject_id}: {self.message}{mark}\n    fix: {self.fix}"
        )

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        loc = self.location
        return {
            "code": self.code,
            "severity": self.severity.value,
            "subject": self.subject,
            "id": self.subject_id,
            "message": self.message,
            "fix": self.fix,
            "file": loc.file if loc else None,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
            "ignored": self.ignored,
            "ignore_reason": self.ignore_reason,
        }


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


#: Vague verbs and nouns, as word stems matched at the start of a word, by language (S002).
#: Extend them per goal file with ``lint: {vague_words: [...]}``.
VAGUE_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "strengthen",
        "improv",
        "tackl",
        "reduc",
        "combat",
        "fight",
        "enhanc",
        "promot",
        "support",
        "address",
        "counter",
        "curb",
        "increas",
        "boost",
        "prevent",
        "step up",
        "work towards",
        "contribute to",
        "intensif",
        "better",
    ),
    "nl": (
        "versterk",
        "verbeter",
        "aanpak",
        "aanpakken",
        "terugdring",
        "beteugel",
        "weerbaarheid vergro",
        "bestrijd",
        "tegengaa",
        "bevorder",
        "inzetten op",
        "intensiveer",
        "intensivering",
        "verminder",
        "vergro",
        "verhog",
        "stimuler",
    ),
}

#: Units of enforcement counts: they measure effort as much as the size of a problem (R002).
ENFORCEMENT_UNITS = frozenset(
    {
        "plantation",
        "plantations",
        "site",
        "sites",
        "laboratory",
        "lab",
        "laboratories",
        "seizure",
        "seizures",
        "investigation",
        "investigations",
        "conviction",
        "convictions",
        "case",
        "cases",
        "network",
        "networks",
        "dumping",
        "dumpings",
        "suspect",
    }
)

_PERCENT_UNITS = frozenset({"percent", "%", "percentage_point", "pct_point", "pct"})
_NUMBER = re.compile(r"\d")
_STEPS_PER_YEAR = {"yearly": 1, "quarterly": 4, "monthly": 12, "daily": 365}


@attrs.define
class _Context:
    framework: Framework
    vague: tuple[str, ...]
    card: Scorecard | None = None
    now: Period | None = None
    linked: dict[str, list[Objective]] = attrs.field(factory=dict)
    findings: list[Finding] = attrs.field(factory=list)

    _positions: dict[tuple[str, str], int] = attrs.field(factory=dict)

    def index(self, kind: str, ident: str) -> int:
        if not self._positions:
            spec = self.framework.spec
            for i, o in enumerate(spec.objectives):
                self._positions.setdefault(("objective", o.id), i)
            for i, ind in enumerate(spec.indicators):
                self._positions.setdefault(("indicator", ind.id), i)
        return self._positions[(kind, ident)]

    def add(
        self,
        code: str,
        kind: str,
        ident: str,
        message: str,
        fix: str,
        field: tuple[str | int, ...] = (),
    ) -> None:
        if kind == "framework":
            path: tuple[str | int, ...] = field
        else:
            path = (f"{kind}s", self.index(kind, ident), *field)
        self.findings.append(
            Finding(
                code=code,
                severity=RULES[code].severity,
                subject=kind,
                subject_id=ident,
                message=message,
                fix=fix,
                location=self.framework.locate(path),
                path=path,
            )
        )

    def result(self, ident: str) -> IndicatorResult | None:
        return self.card.indicator(ident) if self.card is not None else None


Check = Callable[[_Context], None]
_CHECKS: list[tuple[str, Check]] = []


def _check(code: str) -> Callable[[Check], Check]:
    def decorator(fn: Check) -> Check:
        _CHECKS.append((code, fn))
        return fn

    return decorator


def _subtree_has_target(framework: Framework, objective: Objective) -> bool:
    """Whether the objective or one below it has an indicator with a target.

    Input indicators do not count: money committed is no measure of what it achieves.
    """
    by_id = {o.id: o for o in framework.objectives}
    stack = [objective]
    while stack:
        node = stack.pop()
        if any(
            framework.indicator(i).goal is not None
            and framework.indicator(i).kind is not IndicatorKind.INPUT
            for i in node.indicators
        ):
            return True
        stack.extend(by_id[c] for c in node.children if c in by_id)
    return False


def _vague_word(statement: str, words: Iterable[str]) -> str | None:
    """The first vague word of the statement, as written there."""
    for word in words:
        match = re.search(r"(?<![\w-])" + re.escape(word) + r"[\w-]*", statement, re.IGNORECASE)
        if match:
            return match.group(0)
    return None


@_check("S001")
def _objective_without_indicator(ctx: _Context) -> None:
    for o in ctx.framework.objectives:
        if not o.indicators and not o.children:
            ctx.add(
                "S001",
                "objective",
                o.id,
                "the objective is linked to no indicator and has no sub-objectives",
                f"link indicators that measure it: `indicators: [...]` on objective `{o.id}`",
                ("statement",),
            )


@_check("S002")
def _vague_statement(ctx: _Context) -> None:
    for o in ctx.framework.objectives:
        word = _vague_word(o.statement, ctx.vague)
        if word and not _NUMBER.search(o.statement) and not _subtree_has_target(ctx.framework, o):
            ctx.add(
                "S002",
                "objective",
                o.id,
                f"the statement uses the vague word {word!r} with no measurable anchor "
                "(no number in it, no indicator with a target below it)",
                "say how much by when (e.g. 'halve ... between 2018 and 2026'), or link an "
                "indicator with a baseline, target and deadline",
                ("statement",),
            )


@_check("S004")
def _unlinked_indicator(ctx: _Context) -> None:
    as_context = {c for i in ctx.framework.indicators for c in i.context}
    for ind in ctx.framework.indicators:
        if ind.id not in ctx.linked and ind.id not in as_context:
            ctx.add(
                "S004",
                "indicator",
                ind.id,
                "the indicator is linked to no objective and is no other indicator's context",
                f"add `{ind.id}` to an objective's `indicators:` or an "
                "indicator's `context:`, or remove it",
                ("id",),
            )


@_check("M001")
def _no_unit(ctx: _Context) -> None:
    for spec in ctx.framework.spec.indicators:
        if spec.unit is None:
            ctx.add(
                "M001",
                "indicator",
                spec.id,
                "the indicator has no unit",
                f"add `unit:` to indicator `{spec.id}` (e.g. 'case', 'kg', 'EUR_million')",
            )


@_check("M002")
def _no_source(ctx: _Context) -> None:
    for spec in ctx.framework.spec.indicators:
        if spec.source is None:
            ctx.add(
                "M002",
                "indicator",
                spec.id,
                "the indicator names no source",
                f"add `source: {{name: ..., url: ...}}` to indicator `{spec.id}`: the "
                "publication its figures come from",
            )


@_check("M003")
def _no_definition(ctx: _Context) -> None:
    for spec in ctx.framework.spec.indicators:
        if spec.definition is None and spec.kind is not IndicatorKind.CONTEXT:
            ctx.add(
                "M003",
                "indicator",
                spec.id,
                "the indicator has no definition",
                f"add `definition:` to indicator `{spec.id}`: what exactly is counted, "
                "per what period",
            )


@_check("M004")
def _no_baseline(ctx: _Context) -> None:
    for spec in ctx.framework.spec.indicators:
        target = spec.target
        if target is not None and target.type is TargetType.TRAJECTORY and target.baseline is None:
            ctx.add(
                "M004",
                "indicator",
                spec.id,
                "the target has no baseline",
                f"add `baseline: {{value: ..., period: ...}}` to the target of indicator "
                f"`{spec.id}`",
                ("target",),
            )


@_check("M005")
def _no_target_value(ctx: _Context) -> None:
    for spec in ctx.framework.spec.indicators:
        target = spec.target
        if (
            target is not None
            and target.type is TargetType.TRAJECTORY
            and target.value is None
            and target.change_percent is None
        ):
            ctx.add(
                "M005",
                "indicator",
                spec.id,
                "the target has no value to reach",
                f"add `value:` (or `change_percent:`) to the target of indicator `{spec.id}`",
                ("target",),
            )


@_check("M006")
def _no_target(ctx: _Context) -> None:
    for spec in ctx.framework.spec.indicators:
        if spec.target is None and spec.kind is not IndicatorKind.CONTEXT and spec.id in ctx.linked:
            ctx.add(
                "M006",
                "indicator",
                spec.id,
                "the indicator measures an objective but has no target",
                f"add `target:` (baseline, value, deadline) to indicator `{spec.id}`, or "
                "make it `kind: context`",
            )


@_check("A001")
def _implausible_pace(ctx: _Context) -> None:
    factor = 3.0
    for ind in ctx.framework.indicators:
        result = ctx.result(ind.id)
        goal = ind.goal
        if (
            result is None
            or goal is None
            or goal.target is None
            or goal.deadline is None
            or len(result.series) < 2
            or result.latest is None
        ):
            continue
        steps = [
            abs(b.value - a.value) / (b.period.time - a.period.time)
            for a, b in zip(result.series, result.series[1:], strict=False)
        ]
        years_left = goal.deadline.time - result.latest.period.time
        if years_left <= 0 or goal.meets(result.latest.value):
            continue
        needed = abs(goal.target - result.latest.value) / years_left
        fastest = max(steps)
        if needed > factor * fastest:
            ctx.add(
                "A001",
                "indicator",
                ind.id,
                f"reaching {goal.target:g} by {goal.deadline} needs {needed:,.4g} a year; "
                f"the fastest change seen was {fastest:,.4g} a year",
                "check the target and deadline against what the data show is possible, "
                "or explain in `note:` what will change",
                ("target",),
            )


@_check("A002")
def _beyond_limit(ctx: _Context) -> None:
    for spec, ind in zip(ctx.framework.spec.indicators, ctx.framework.indicators, strict=True):
        goal = ind.goal
        if goal is None or ind.unit is None:
            continue
        values = [v for v in (goal.target, goal.low, goal.high) if v is not None]
        values += [m.value for m in goal.milestones]
        unit = ind.unit.replace(" ", "")
        if unit in _PERCENT_UNITS:
            out = [v for v in values if not 0 <= v <= 100]
            limit = "0-100 %"
        elif unit in ENFORCEMENT_UNITS or unit in {"person", "persons", "people"}:
            out = [v for v in values if v < 0]
            limit = "zero or more (a count)"
        else:
            continue
        if out:
            ctx.add(
                "A002",
                "indicator",
                spec.id,
                f"the target {out[0]:g} lies beyond the natural limit {limit}",
                "set a target the indicator can reach",
                ("target",),
            )


def _is_enforcement_count(ind: Indicator) -> bool:
    return ind.kind is IndicatorKind.OUTPUT or (ind.unit or "").strip() in ENFORCEMENT_UNITS


@_check("R001")
def _outcome_by_outputs(ctx: _Context) -> None:
    for o in ctx.framework.objectives:
        if o.level not in (Level.OUTCOME, Level.IMPACT) or not o.indicators:
            continue
        kinds = [ctx.framework.indicator(i).kind for i in o.indicators]
        if all(k in (IndicatorKind.OUTPUT, IndicatorKind.INPUT) for k in kinds):
            ctx.add(
                "R001",
                "objective",
                o.id,
                f"an {o.level.value} objective measured only by output or input "
                "indicators: they measure effort, not the change sought",
                "add an outcome indicator (the size of the problem itself) or lower the "
                "objective's level",
                ("indicators",),
            )


@_check("R002")
def _count_without_context(ctx: _Context) -> None:
    for ind in ctx.framework.indicators:
        outcome_use = ind.kind in (IndicatorKind.OUTCOME, IndicatorKind.IMPACT) or any(
            o.level in (Level.OUTCOME, Level.IMPACT) for o in ctx.linked.get(ind.id, [])
        )
        if (
            outcome_use
            and _is_enforcement_count(ind)
            and not ind.interpretation
            and not ind.context
        ):
            ctx.add(
                "R002",
                "indicator",
                ind.id,
                "an enforcement count used as an outcome, with no interpretation note and "
                "no context indicator",
                f"add `interpretation:` to `{ind.id}` (what a rise or fall can mean) and "
                "`context: [...]` (capacity, budget, definition changes)",
            )


@_check("R003")
def _no_outcome_indicator(ctx: _Context) -> None:
    indicators = ctx.framework.indicators
    if indicators and not any(
        i.kind in (IndicatorKind.OUTCOME, IndicatorKind.IMPACT) for i in indicators
    ):
        ctx.add(
            "R003",
            "framework",
            ctx.framework.id,
            "no indicator in the framework measures an outcome or impact",
            "add at least one `kind: outcome` indicator that measures the problem itself",
            ("indicators",),
        )


@_check("R004")
def _conflicting_directions(ctx: _Context) -> None:
    by_id = {o.id: o for o in ctx.framework.objectives}
    for child in ctx.framework.objectives:
        parent = by_id.get(child.parent or "")
        if parent is None:
            continue
        for p_id in parent.indicators:
            p_ind = ctx.framework.indicator(p_id)
            for c_id in child.indicators:
                c_ind = ctx.framework.indicator(c_id)
                if (
                    p_ind.unit
                    and p_ind.unit == c_ind.unit
                    and p_ind.direction
                    and c_ind.direction
                    and p_ind.direction is not c_ind.direction
                ):
                    ctx.add(
                        "R004",
                        "objective",
                        child.id,
                        f"indicator `{c_id}` should {c_ind.direction.value} while the "
                        f"parent's `{p_id}`, in the same unit, should "
                        f"{p_ind.direction.value}",
                        "check that the two do not pull against each other, and say how "
                        "they relate in `note:`",
                        ("indicators",),
                    )


@_check("T001")
def _no_deadline(ctx: _Context) -> None:
    for spec in ctx.framework.spec.indicators:
        target = spec.target
        if (
            target is not None
            and target.type in (TargetType.TRAJECTORY, TargetType.BINARY)
            and target.deadline is None
        ):
            ctx.add(
                "T001",
                "indicator",
                spec.id,
                "the target has no deadline",
                f"add `deadline:` (e.g. 2026) to the target of indicator `{spec.id}`",
                ("target",),
            )


@_check("T003")
def _deadline_passed(ctx: _Context) -> None:
    if ctx.now is None or ctx.card is None:
        return
    for ind in ctx.framework.indicators:
        goal, result = ind.goal, ctx.result(ind.id)
        if goal is None or goal.deadline is None or result is None or ctx.now <= goal.deadline:
            continue
        if not any(o.period >= goal.deadline for o in result.series):
            ctx.add(
                "T003",
                "indicator",
                ind.id,
                f"the deadline {goal.deadline} has passed ({ctx.now}) and there is no "
                "observation for it",
                "add the figure for the deadline period, or note when it will be published",
                ("target", "deadline"),
            )


@_check("T004")
def _too_slow_data(ctx: _Context) -> None:
    for ind in ctx.framework.indicators:
        goal = ind.goal
        per_year = _STEPS_PER_YEAR.get(ind.frequency or "")
        if goal is None or goal.deadline is None or per_year is None:
            continue
        start = goal.baseline.period if goal.baseline else goal.base_period
        if start is None:
            continue
        years = goal.deadline.time - start.time
        between = round(years * per_year) - 1
        if 0 <= between < 2:
            ctx.add(
                "T004",
                "indicator",
                ind.id,
                f"{ind.frequency} data give {between} observation(s) between the baseline "
                f"{start} and the deadline {goal.deadline}: too few to see progress in "
                "time",
                "set a later deadline or intermediate milestones, or find more frequent data",
                ("frequency",),
            )


@_check("D001")
def _no_data_since_baseline(ctx: _Context) -> None:
    for ind in ctx.framework.indicators:
        goal, result = ind.goal, ctx.result(ind.id)
        if goal is None or result is None:
            continue
        start = goal.baseline.period if goal.baseline else goal.base_period
        if not result.series or (
            start is not None and all(o.period <= start for o in result.series)
        ):
            ctx.add(
                "D001",
                "indicator",
                ind.id,
                "no observation after the baseline" if result.series else "no observations",
                f"add observations of `{ind.id}` to the data file",
            )


@_check("D002")
def _stale(ctx: _Context) -> None:
    if ctx.now is None:
        return
    for ind in ctx.framework.indicators:
        result = ctx.result(ind.id)
        per_year = _STEPS_PER_YEAR.get(ind.frequency or "")
        if result is None or result.latest is None or per_year is None:
            continue
        behind = (ctx.now.time - result.latest.period.time) * per_year
        if behind >= 2 - 1e-9:
            ctx.add(
                "D002",
                "indicator",
                ind.id,
                f"the latest observation is {result.latest.period}, {behind:.0f} "
                f"{ind.frequency} periods before {ctx.now}",
                "add the newer figures, or say in `note:` why they are not published",
                ("frequency",),
            )


@_check("D003")
def _series_break(ctx: _Context) -> None:
    for ind in ctx.framework.indicators:
        result, goal = ctx.result(ind.id), ind.goal
        if result is None:
            continue
        start = (
            goal.baseline.period if goal and goal.baseline else goal.base_period if goal else None
        )
        breaks = [
            o for o in result.series if "break" in o.flags and (start is None or o.period > start)
        ]
        if breaks:
            ctx.add(
                "D003",
                "indicator",
                ind.id,
                f"the series has a break in {breaks[0].period}, inside the assessment window",
                "assess from the break on (a new baseline), or explain in "
                "`interpretation:` how the definition changed",
            )


@_check("D004")
def _not_assessable(ctx: _Context) -> None:
    if ctx.card is None:
        return
    for result in ctx.card.indicators:
        a = result.assessment
        if result.indicator.goal is not None and a.status is Status.NOT_ASSESSABLE:
            ctx.add(
                "D004",
                "indicator",
                result.id,
                f"the {a.method} method cannot assess it: {a.reason}",
                "add the observations the method needs, or choose another `method:`",
            )


def _ignores(framework: Framework) -> dict[tuple[str, str], dict[str, str]]:
    spec = framework.spec
    out: dict[tuple[str, str], dict[str, str]] = {}
    for o in spec.objectives:
        out[("objective", o.id)] = {i.code: i.reason for i in o.lint_ignore}
    for ind in spec.indicators:
        out[("indicator", ind.id)] = {i.code: i.reason for i in ind.lint_ignore}
    out[("framework", spec.id)] = {
        i.code: i.reason for i in (spec.lint.ignore if spec.lint else [])
    }
    return out


def _matches(code: str, prefixes: Sequence[str]) -> bool:
    return any(code.startswith(p.strip().upper()) for p in prefixes if p.strip())


def lint(
    framework: Framework,
    observations: ObservationSet | None = None,
    *,
    as_of: Period | str | int | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> list[Finding]:
    """Check that a framework's goals are measurable (SMART), like a linter checks code.

    Rules are grouped by the SMART letter (S specific, M measurable, A achievable, R relevant,
    T time-bound), D for data and F for the file; `RULES` lists them. Problems that stop a
    goal file from loading (duplicate ids, unknown units, a target equal to its baseline) are
    findings too, when the framework was loaded with ``strict=False``.

    Args:
        framework: From ``load_framework(path, strict=False)`` (or a strict load).
        observations: Observations, for the rules that need data (A001, T003, D...).
        as_of: The period to lint as of ("now" for stale data and passed deadlines); default
            the latest period in the observations.
        select: Only rules whose code starts with one of these (``["M", "T001"]``).
        ignore: Leave out rules whose code starts with one of these.

    Returns:
        Findings sorted by file position and code. Findings switched off in the goal file
        (``lint_ignore:`` with a reason) are included with ``ignored=True``.

    Examples:
        >>> import goalframe as gf
        >>> fw = gf.load_framework("examples/nl-drug-policy/goals-as-written.yaml",
        ...                        strict=False)
        >>> sorted({f.code for f in gf.lint(fw)})[:3]
        ['M002', 'M003', 'M004']

    Added in 0.1.
    """
    from goalframe._evaluate import assess_all

    spec = framework.spec
    words = tuple(w for ws in VAGUE_WORDS.values() for w in ws)
    if spec.lint:
        words += tuple(spec.lint.vague_words)
    ctx = _Context(framework=framework, vague=words)
    for o in framework.objectives:
        for ref in o.indicators:
            ctx.linked.setdefault(ref, []).append(o)
    if observations is not None:
        cutoff = Period.parse(as_of) if as_of is not None else None
        ctx.card = assess_all(framework, observations, as_of=cutoff)
        periods = [
            o.period for o in observations.observations if cutoff is None or o.period <= cutoff
        ]
        ctx.now = cutoff or (max(periods) if periods else None)
    elif as_of is not None:
        ctx.now = Period.parse(as_of)
    for problem in framework.problems:
        code = problem.code or "F000"
        kind, ident = _subject_of(framework, problem.path)
        ctx.findings.append(
            Finding(
                code=code,
                severity=RULES[code].severity if code in RULES else Severity.ERROR,
                subject=kind,
                subject_id=ident,
                message=problem.message,
                fix=_FIX_FOR_PROBLEM.get(code, "see the message"),
                location=problem.location,
                path=problem.path,
            )
        )
    for code, check in _CHECKS:
        if observations is None and RULES[code].needs_data:
            continue
        check(ctx)
    ignores = _ignores(framework)
    out = []
    for finding in select_findings(ctx.findings, select=select, ignore=ignore):
        reasons = {
            **ignores.get(("framework", spec.id), {}),
            **ignores.get((finding.subject, finding.subject_id), {}),
        }
        if finding.code in reasons:
            finding = attrs.evolve(finding, ignored=True, ignore_reason=reasons[finding.code])
        out.append(finding)
    return sorted(out, key=Finding.sort_key)


def select_findings(
    findings: Iterable[Finding],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> list[Finding]:
    """The findings whose codes start with a ``select`` prefix and with no ``ignore`` prefix."""
    return [
        f
        for f in findings
        if (not select or _matches(f.code, select)) and not (ignore and _matches(f.code, ignore))
    ]


def _subject_of(framework: Framework, path: tuple[str | int, ...]) -> tuple[str, str]:
    spec = framework.spec
    if len(path) >= 2 and path[0] == "objectives" and isinstance(path[1], int):
        return "objective", spec.objectives[path[1]].id
    if len(path) >= 2 and path[0] == "indicators" and isinstance(path[1], int):
        return "indicator", spec.indicators[path[1]].id
    return "framework", spec.id


_FIX_FOR_PROBLEM = {
    "S003": "give each objective and indicator its own id",
    "S005": "define the referenced indicator, or correct the id",
    "S006": "make each objective's `parent:` an existing objective, without cycles",
    "M007": "give the target in a unit that converts into the indicator's (or fix the unit)",
    "M008": "set the value the indicator should reach; to keep a level, use `type: norm`",
    "M009": "use a unit pint or goalframe defines, or define it",
    "M011": "fix `direction:` or the target value",
    "M012": "add `direction: increase` or `direction: decrease`",
    "T002": "move the deadline after the baseline period",
    "T005": "put milestones between the baseline and the deadline, one per period",
    "F001": "choose a registered method (`goalframe methods`)",
    "F002": "fix the option (see the method's documentation)",
}


def measurability(framework: Framework, findings: Iterable[Finding]) -> Measurability:
    """The share of objectives that pass every error-level rule.

    An objective fails when an error that is not ignored concerns it or one of its
    indicators.

    Added in 0.1.
    """
    bad_indicators = {
        f.subject_id
        for f in findings
        if f.subject == "indicator" and f.severity is Severity.ERROR and not f.ignored
    }
    findings = list(findings) if not isinstance(findings, list) else findings
    bad_objectives = {
        f.subject_id
        for f in findings
        if f.subject == "objective" and f.severity is Severity.ERROR and not f.ignored
    }
    failing = tuple(
        o.id
        for o in framework.objectives
        if o.id in bad_objectives or any(i in bad_indicators for i in o.indicators)
    )
    total = len(framework.objectives)
    return Measurability(passing=total - len(failing), total=total, failing=failing)


def _rules() -> dict[str, Rule]:
    from goalframe._lint_rules import RULE_TABLE

    return {rule.code: rule for rule in RULE_TABLE}


RULES: Mapping[str, Rule] = _rules()


def report_dict(
    framework: Framework, findings: Sequence[Finding], score: Measurability
) -> dict[str, Any]:
    """Findings and the measurability score as JSON-ready data."""
    active = [f for f in findings if not f.ignored]
    return {
        "schema_version": 1,
        "framework": framework.id,
        "file": framework.origin,
        "counts": {s.value: sum(1 for f in active if f.severity is s) for s in Severity},
        "ignored": sum(1 for f in findings if f.ignored),
        "measurability": {
            "score": score.score,
            "passing": score.passing,
            "total": score.total,
            "failing": list(score.failing),
        },
        "findings": [f.to_dict() for f in findings],
    }


def report_text(framework: Framework, findings: Sequence[Finding], score: Measurability) -> str:
    """Findings as text, one per finding (like a compiler), then counts and the score."""
    lines = [str(f) for f in findings]
    active = [f for f in findings if not f.ignored]
    counts = ", ".join(f"{sum(1 for f in active if f.severity is s)} {s.value}s" for s in Severity)
    ignored = sum(1 for f in findings if f.ignored)
    lines.append(f"{framework.origin}: {counts}" + (f", {ignored} ignored" if ignored else ""))
    lines.append(str(score))
    return "\n".join(lines) + "\n"


def report_markdown(framework: Framework, findings: Sequence[Finding], score: Measurability) -> str:
    """Findings as a Markdown table."""
    from goalframe.render.markdown import escape

    out = [
        f"# Lint: {escape(framework.title)}",
        "",
        f"- **File:** `{framework.origin}`",
        f"- **{escape(str(score)).capitalize()}**",
        "",
        "| Where | Code | Severity | Subject | Message | Fix |",
        "|---|---|---|---|---|---|",
    ]
    for f in findings:
        where = f"{f.location.line}:{f.location.column}" if f.location and f.location.line else ""
        sev = f.severity.value + (" (ignored)" if f.ignored else "")
        out.append(
            f"| {where} | {f.code} | {sev} | {f.subject} `{f.subject_id}` | "
            f"{escape(f.message)} | {escape(f.fix)} |"
        )
    return "\n".join(out) + "\n"


def to_json(data: Mapping[str, Any]) -> str:
    """JSON text."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
