"""The lint vocabulary: severities, rules and their registration, findings, a check's context."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

from goalframe._model import Framework, Objective
from goalframe._periods import Period
from goalframe._results import Evaluation, IndicatorResult
from goalframe.errors import Location


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
