"""`lint`: every registered check run over a framework, findings selected, measurability scored."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from goalframe._collector import while_paused
from goalframe._evaluate import assess_all
from goalframe._lint._engine._rules import CHECKS, RULES, Context, Finding, Severity
from goalframe._lint._words import VAGUE_WORDS
from goalframe._model import Framework
from goalframe._observations import ObservationSet
from goalframe._periods import Period
from goalframe._scorecard import Measurability


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


# Long: the engine's one loop: load problems, every check, ignores, severities, in order.
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
