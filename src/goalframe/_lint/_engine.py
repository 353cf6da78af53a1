"""The lint engine: rules and findings, the context checks read, and `lint` itself.

Rules live in one module per family (`goalframe._lint.structure` for S, ``measurable`` M,
``achievable`` A, ``relevant`` R, ``timebound`` T, ``data`` D, ``file`` F) and register
themselves here with `rule` (a rule with a check) or `problem` (a rule whose findings come
from loading the goal file). Adding a rule touches its family module and nothing else.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from goalframe._collector import while_paused
from goalframe._evaluate import assess_all
from goalframe._lint._words import VAGUE_WORDS
from goalframe._model import Framework, Objective
from goalframe._observations import ObservationSet
from goalframe._periods import Period
from goalframe._results import Evaluation, IndicatorResult
from goalframe._scorecard import Measurability
from goalframe.errors import Location

__all__ = [
    "CHECKS",
    "RULES",
    "Context",
    "Finding",
    "Rule",
    "Severity",
    "lint",
    "measurability",
    "problem",
    "rule",
    "select_findings",
    "targets_of",
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
        fix: The fix shown with findings of a rule reported by the loader.

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
    fix: str = ""


@attrs.frozen(kw_only=True)
class Finding:
    """One thing the linter found.

    Attributes:
        code: The rule's code.
        severity: error, warning or info.
        subject: ``objective``, ``indicator``, ``framework``, or ``file`` for a file that
            cannot be loaded (F003, F004, F005).
        subject_id: The objective's or indicator's id (the framework's for framework
            findings, the file's name for file findings).
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


@attrs.define
class Context:
    framework: Framework
    vague: tuple[str, ...]
    card: Evaluation | None = None
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


Check = Callable[[Context], None]


def targets_of(spec: Any) -> list[tuple[tuple[str | int, ...], Any]]:
    """An indicator spec's targets, each with its path: ``("target",)`` or ``("targets", k)``."""
    if spec.target is not None:
        return [(("target",), spec.target)]
    return [(("targets", k), t) for k, t in enumerate(spec.targets)]


#: Every rule by code, in the order the family modules register them (S, M, A, R, T, D, F).
RULES: dict[str, Rule] = {}
#: The rules that have a check of their own, with it, in registration order.
CHECKS: list[tuple[str, Check]] = []


def problem(**fields: Any) -> Rule:
    """Register a rule whose findings come from loading the goal file (no check of its own).

    ``fix`` is the fix shown with each finding; the other fields are `Rule`'s.
    """
    spec = Rule(**fields)
    if spec.code in RULES:
        msg = f"lint rule {spec.code} is registered twice"
        raise ValueError(msg)
    RULES[spec.code] = spec
    return spec


def rule(**fields: Any) -> Callable[[Check], Check]:
    """Register a rule and its check (use as a decorator on the check)."""
    spec = problem(**fields)

    def decorator(fn: Check) -> Check:
        CHECKS.append((spec.code, fn))
        return fn

    return decorator


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


def loader_fix(code: str) -> str:
    """The fix for a finding from loading the goal file, in the catalogues when they have it.

    The rule's own ``fix`` is the English text (a test keeps the two the same).
    """
    from goalframe._messages import ENGLISH, Message, catalogue

    if f"lint_{code}_fix" in catalogue(ENGLISH)["messages"]:
        return Message(f"lint_{code}_fix")
    return RULES[code].fix if code in RULES and RULES[code].fix else "see the message"


def _matches(code: str, prefixes: Sequence[str]) -> bool:
    return any(code.startswith(p.strip().upper()) for p in prefixes if p.strip())


@while_paused
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
    from goalframe.errors import require

    require(framework, Framework, name="lint(framework)", takes="a Framework (load_framework)")
    if observations is not None:
        require(
            observations,
            ObservationSet,
            name="lint(observations)",
            takes="an ObservationSet (load_observations) or None",
        )
    spec = framework.spec
    words = tuple(w for ws in VAGUE_WORDS.values() for w in ws)
    if spec.lint:
        words += tuple(spec.lint.vague_words)
    ctx = Context(framework=framework, vague=words)
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
                fix=loader_fix(code),
                location=problem.location,
                path=problem.path,
            )
        )
    for code, check in CHECKS:
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
