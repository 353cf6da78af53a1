"""Linting goal files by path: a file that cannot be read or validated still yields findings.

A linter's output stays machine-readable whatever happens (as ruff reports a syntax error as a
diagnostic): a goal file that does not parse is a finding F003, one that parses but does not
validate gives a finding F004 per problem, each with its line and column; observations that
cannot be read give F005. The command line still exits 2 for them.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from goalframe._lint._engine import (
    RULES,
    Finding,
    Severity,
    lint,
    loader_fix,
    measurability,
    select_findings,
)
from goalframe._messages import Message
from goalframe._model import Framework
from goalframe._observations import ObservationSet
from goalframe._periods import Period
from goalframe._scorecard import Measurability
from goalframe.errors import (
    DataError,
    Location,
    ObservationError,
    SpecSyntaxError,
    SpecValidationError,
)

__all__ = ["GOAL_SUFFIXES", "FileReport", "expand_paths", "lint_path", "unreadable_data"]

#: The suffixes of goal files, looked for in folders.
GOAL_SUFFIXES = (".yaml", ".yml", ".json", ".toml")


@attrs.frozen(kw_only=True)
class FileReport:
    """The lint result for one goal file.

    Attributes:
        origin: The path as given.
        framework: The framework, when the file could be read and validated.
        findings: Every finding, load failures included (F003, F004, F005).
        score: The measurability score, when the file could be read.
        unreadable: True when the file (or the data) could not be read or validated.
    """

    origin: str
    framework: Framework | None
    findings: tuple[Finding, ...]
    score: Measurability | None
    unreadable: bool = False


def expand_paths(given: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Files, folders (searched for goal files, recursively) and globs, in a stable order.

    A path that exists is taken as it is; one that does not but holds ``*``, ``?`` or ``[``
    is expanded as a glob; anything else is kept, so that reading it reports it missing.
    """
    out: list[Path] = []
    for item in given:
        path = Path(item)
        text = str(item)
        if path.is_dir():
            out += sorted(
                p for p in path.rglob("*") if p.suffix.lower() in GOAL_SUFFIXES and p.is_file()
            )
        elif not path.exists() and any(c in text for c in "*?["):
            found = glob.glob(text, recursive=True)  # noqa: PTH207 - a pattern from the user
            out += sorted(Path(p) for p in found if Path(p).is_file())
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def _finding(
    code: str, message: str, location: Location | None, subject_id: str, subject: str = "file"
) -> Finding:
    """A finding about a file that cannot be loaded: its subject is the file, by name."""
    rule = RULES[code]
    return Finding(
        code=code,
        severity=rule.severity,
        subject=subject,
        subject_id=subject_id,
        message=message,
        fix=loader_fix(code),
        location=location,
    )


def lint_path(
    path: str | os.PathLike[str],
    observations: ObservationSet | None = None,
    *,
    as_of: Period | str | int | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> FileReport:
    """Load and lint one goal file; a load failure becomes findings, never an exception."""
    from goalframe.io import load_framework

    origin = str(path)
    try:
        framework = load_framework(path, strict=False)
    except SpecSyntaxError as exc:
        finding = _finding("F003", exc.message, exc.location, Path(origin).name)
        return _unreadable(origin, (finding,))
    except SpecValidationError as exc:
        problems = tuple(
            _finding(
                problem.code or "F004",  # an unknown unit keeps its own rule (M009)
                Message("goal_at", path=problem.dotted_path, message=problem.message)
                if problem.path
                else problem.message,
                problem.location or Location(origin),
                Path(origin).name,
            )
            for problem in exc.problems
        )
        return _unreadable(origin, problems)
    try:
        everything = lint(framework, observations, as_of=as_of)
    except DataError as exc:
        location = getattr(exc, "location", None)
        if location is not None:  # the data file, by name
            found = (_finding("F005", str(exc), location, Path(location.file).name),)
        else:  # no place: the goal file's data as a whole
            found = (_finding("F005", str(exc), None, framework.id, subject="framework"),)
        return FileReport(
            origin=origin, framework=framework, findings=found, score=None, unreadable=True
        )
    score = measurability(framework, everything)
    findings = tuple(select_findings(everything, select=select, ignore=ignore))
    return FileReport(origin=origin, framework=framework, findings=findings, score=score)


def _unreadable(origin: str, found: tuple[Finding, ...]) -> FileReport:
    return FileReport(origin=origin, framework=None, findings=found, score=None, unreadable=True)


def unreadable_data(error: ObservationError | DataError, data: str) -> FileReport:
    """A report for an observations file that cannot be read (finding F005)."""
    from goalframe._messages import Lines, Message

    location = getattr(error, "location", None) or Location(data)
    message = getattr(error, "message", None) or str(error).removeprefix(f"{location}: ")
    said = error.args[0] if error.args else None
    if isinstance(said, Lines) and said.lines:
        # "obs.csv: 3 rows cannot be read": the place is the finding's; the heading, not.
        head, *rows = said.lines
        if isinstance(head, Message) and head.values.get("where") == str(location):
            message = Lines([head.values["problem"], *rows])  # type: ignore[list-item]
    elif isinstance(said, Message) and not hasattr(error, "message"):
        message = said
    return _unreadable(data, (_finding("F005", message, location, Path(data).name),))


def worst(reports: Iterable[FileReport]) -> Severity | None:
    """The most serious severity among findings that are not ignored."""
    ranks = [f.severity for r in reports for f in r.findings if not f.ignored]
    return max(ranks, key=lambda s: s.rank) if ranks else None
