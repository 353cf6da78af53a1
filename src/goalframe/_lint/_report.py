"""Lint reports: text (one line per finding, like a compiler), JSON and Markdown."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from goalframe._lint._engine import RULES, Finding, Severity
from goalframe._lint._files import FileReport
from goalframe._messages import catalogue, percent, say
from goalframe._model import Framework
from goalframe._scorecard import Measurability
from goalframe._text import clean
from goalframe._text import escape_markdown as escape

__all__ = [
    "report_dict",
    "report_markdown",
    "report_text",
    "reports_github",
    "reports_json",
    "reports_markdown",
    "reports_sarif",
    "reports_text",
    "to_json",
]


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
    lines = [clean(str(f)) for f in findings]
    active = [f for f in findings if not f.ignored]
    counts = _english_counts(active)
    ignored = sum(1 for f in findings if f.ignored)
    lines.append(f"{framework.origin}: {counts}" + (f", {ignored} ignored" if ignored else ""))
    lines.append(str(score))
    return "\n".join(lines) + "\n"


def report_markdown(framework: Framework, findings: Sequence[Finding], score: Measurability) -> str:
    """Findings as a Markdown table."""
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
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


# --- many files: what `goalframe lint FILE...` prints -----------------------------------------


def _summary(report: FileReport) -> dict[str, Any]:
    active = [f for f in report.findings if not f.ignored]
    score = report.score
    return {
        "schema_version": 1,
        "framework": report.framework.id if report.framework else None,
        "file": report.origin,
        "readable": not report.unreadable,
        "counts": {s.value: sum(1 for f in active if f.severity is s) for s in Severity},
        "ignored": sum(1 for f in report.findings if f.ignored),
        "measurability": None
        if score is None
        else {
            "score": score.score,
            "passing": score.passing,
            "total": score.total,
            "failing": list(score.failing),
        },
        "findings": [f.to_dict() for f in report.findings],
    }


def reports_json(reports: Sequence[FileReport]) -> str:
    """One file: the single-file report. Several: ``{"files": [...], "counts": {...}}``."""
    if len(reports) == 1:
        return to_json(_summary(reports[0]))
    files = [_summary(r) for r in reports]
    totals = {s.value: sum(f["counts"][s.value] for f in files) for s in Severity}
    return to_json({"schema_version": 1, "kind": "lint_report", "counts": totals, "files": files})


def reports_text(reports: Sequence[FileReport], lang: str = "en") -> str:
    """Findings of every file, one per line, then each file's counts; a total for several.

    ``lang`` says the findings and the counts in another language (`goalframe._messages`);
    codes, ids and file names stay as they are.
    """
    if lang == "en":
        return _reports_text_english(reports)
    word = catalogue(lang)["lint_words"]
    out = []
    for report in reports:
        out += [clean(_finding_text(f, lang)) for f in report.findings]
        active = [f for f in report.findings if not f.ignored]
        ignored = sum(1 for f in report.findings if f.ignored)
        state = f" ({word['unreadable']})" if report.unreadable else ""
        extra = f", {ignored} {word['ignored']}" if ignored else ""
        out.append(f"{report.origin}: {_counts(active, lang)}{extra}{state}")
        if report.score is not None:
            out.append(_score_text(report.score, lang))
    if len(reports) > 1:
        active = [f for r in reports for f in r.findings if not f.ignored]
        out.append(f"{len(reports)} {word['files']}: {_counts(active, lang)}")
    return "\n".join(out) + "\n"


def _finding_text(f: Finding, lang: str) -> str:
    word = catalogue(lang)["lint_words"]
    where = f"{f.location}: " if f.location else ""
    mark = f" ({word['ignored_one']}: {f.ignore_reason or ''})" if f.ignored else ""
    return (
        f"{where}{f.code} [{word[f.severity.value]}] {word[f.subject]} {f.subject_id}: "
        f"{say(f.message, lang)}{mark}\n    {word['fix']}: {say(f.fix, lang)}"
    )


def _counts(active: Sequence[Finding], lang: str) -> str:
    word = catalogue(lang)["lint_words"]
    counts = [(sum(1 for f in active if f.severity is s), s.value) for s in Severity]
    return ", ".join(f"{n} {word[name + ('s_one' if n == 1 else 's')]}" for n, name in counts)


def _english_counts(active: Sequence[Finding]) -> str:
    """``1 error, 3 warnings, 0 infos``: the findings of each severity."""
    counts = [(sum(1 for f in active if f.severity is s), s.value) for s in Severity]
    return ", ".join(f"{n} {name}{'' if n == 1 else 's'}" for n, name in counts)


def _score_text(score: Measurability, lang: str) -> str:
    word = catalogue(lang)["lint_words"]
    if score.score is None:
        return str(word["no_objectives"])
    text = str(word["measurability"])
    return text.format(score=percent(score.score, lang), passing=score.passing, total=score.total)


def _reports_text_english(reports: Sequence[FileReport]) -> str:
    out = []
    for report in reports:
        out += [clean(str(f)) for f in report.findings]
        active = [f for f in report.findings if not f.ignored]
        counts = _english_counts(active)
        ignored = sum(1 for f in report.findings if f.ignored)
        state = "" if not report.unreadable else " (could not be read)"
        out.append(
            f"{report.origin}: {counts}" + (f", {ignored} ignored" if ignored else "") + state
        )
        if report.score is not None:
            out.append(str(report.score))
    if len(reports) > 1:
        active = [f for r in reports for f in r.findings if not f.ignored]
        counts = _english_counts(active)
        out.append(f"{len(reports)} files: {counts}")
    return "\n".join(out) + "\n"


def _where(f: Finding) -> str:
    return f"{f.location.line}:{f.location.column}" if f.location and f.location.line else ""


def _file(f: Finding, report: FileReport) -> str:
    return f.location.file if f.location else report.origin


def reports_markdown(reports: Sequence[FileReport]) -> str:
    """Markdown: a table of findings per file."""
    parts = []
    for report in reports:
        if report.framework is not None and report.score is not None:
            parts.append(report_markdown(report.framework, report.findings, report.score))
            continue
        lines = [f"# Lint: {escape(report.origin)}", "", "- **Could not be read**", ""]
        lines += ["| Where | Code | Message | Fix |", "|---|---|---|---|"]
        for f in report.findings:
            where = (
                f"{f.location.line}:{f.location.column}" if f.location and f.location.line else ""
            )
            lines.append(f"| {where} | {f.code} | {escape(f.message)} | {escape(f.fix)} |")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github_escape(text: str, *, property: bool = False) -> str:
    # GitHub's workflow-command escaping: %, CR and LF in data; also : and , in properties.
    text = clean(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def reports_github(reports: Sequence[FileReport]) -> str:
    """GitHub Actions annotations, one ``::error file=...,line=...::message`` line a finding.

    Findings switched off with a reason are left out (they are not problems to annotate).
    """
    out = []
    for report in reports:
        for f in report.findings:
            if f.ignored:
                continue
            props = [f"file={_github_escape(_file(f, report), property=True)}"]
            if f.location and f.location.line:
                props.append(f"line={f.location.line}")
                if f.location.column:
                    props.append(f"col={f.location.column}")
            title = f"{f.code} {RULES[f.code].name}" if f.code in RULES else f.code
            props.append(f"title={_github_escape(title, property=True)}")
            message = f"{f.subject} {f.subject_id}: {f.message} (fix: {f.fix})"
            out.append(
                f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_github_escape(message)}"
            )
    return "\n".join(out) + ("\n" if out else "")


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


#: The base of the relative paths in a SARIF log: the folder the command ran in.
SRCROOT = "%SRCROOT%"


def sarif_location(file: str) -> dict[str, str]:
    """A file as a SARIF artifact location: a percent-encoded URI reference.

    A relative path (``goals dir/my%goals.yaml``) is relative to `SRCROOT`, encoded
    (``goals%20dir/my%25goals.yaml``); an absolute one is a ``file://`` URI. Validators read
    ``uri`` as an RFC 3986 reference, which a space or a bare ``%`` is not.
    """
    from urllib.parse import quote

    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(path.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def reports_sarif(reports: Sequence[FileReport]) -> str:
    """A SARIF 2.1.0 log (for code-scanning tools): one run, every rule, every finding.

    Findings switched off in the goal file carry an in-source suppression with the reason.
    """
    from goalframe._version import __version__

    used = sorted({f.code for r in reports for f in r.findings} | set(RULES))
    rules = [
        {
            "id": code,
            "name": RULES[code].name,
            "shortDescription": {"text": RULES[code].summary},
            "help": {
                "text": f"{RULES[code].summary}. The rule, with an example that breaks it and "
                f"one that keeps it: goalframe's docs, reference/lint-rules ({code})."
            },
            "defaultConfiguration": {"level": _SARIF_LEVEL[RULES[code].severity]},
        }
        for code in used
        if code in RULES
    ]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for report in reports:
        for f in report.findings:
            location: dict[str, Any] = {
                "physicalLocation": {
                    "artifactLocation": sarif_location(
                        f.location.file if f.location else report.origin
                    ),
                }
            }
            if f.location and f.location.line:
                region: dict[str, int] = {"startLine": f.location.line}
                if f.location.column:
                    region["startColumn"] = f.location.column
                location["physicalLocation"]["region"] = region
            result: dict[str, Any] = {
                "ruleId": f.code,
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": f"{f.subject} {f.subject_id}: {f.message}. Fix: {f.fix}"},
                "locations": [location],
            }
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            if f.ignored:
                result["suppressions"] = [
                    {"kind": "inSource", "justification": f.ignore_reason or ""}
                ]
            results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "goalframe",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {
                    SRCROOT: {"description": {"text": "the folder goalframe lint ran in"}}
                },
                "results": results,
            }
        ],
    }
    return to_json(log)
