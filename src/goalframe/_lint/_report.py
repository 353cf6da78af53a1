"""Lint reports: text (one line per finding, like a compiler), JSON and Markdown."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from goalframe._lint._engine import Finding, Severity
from goalframe._model import Framework
from goalframe._scorecard import Measurability
from goalframe._text import clean
from goalframe._text import escape_markdown as escape

__all__ = ["report_dict", "report_markdown", "report_text", "to_json"]


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
    counts = ", ".join(f"{sum(1 for f in active if f.severity is s)} {s.value}s" for s in Severity)
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
