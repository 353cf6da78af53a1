from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import goalframe as gf
from goalframe._lint import RULES, Severity

Write = Callable[[str, str], Path]


def run_rule(text: str, data: str, write: Write, name: str) -> list[gf.Finding]:
    # As `goalframe lint` runs it: a file or data that cannot be read gives findings too.
    from goalframe._lint._files import lint_path, unreadable_data

    observations = None
    if data:
        path = write(f"{name}.csv", data)
        try:
            observations = gf.load_observations(path)
        except gf.DataError as exc:
            return list(unreadable_data(exc, str(path)).findings)
    return list(lint_path(write(f"{name}.yaml", text), observations).findings)


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_fires_on_its_bad_example_and_not_on_its_good_one(code: str, write: Write) -> None:
    rule = RULES[code]
    bad = run_rule(rule.bad, rule.data, write, "bad")
    assert code in {f.code for f in bad}, f"{code} did not fire on its bad example"
    good_data = rule.good_data if rule.good_data is not None else rule.data
    good = run_rule(rule.good, good_data, write, "good")
    assert code not in {f.code for f in good}, f"{code} fired on its good example"
    fired = next(f for f in bad if f.code == code)
    assert fired.severity is rule.severity
    assert fired.fix and fired.message


def test_rules_are_documented() -> None:
    for rule in RULES.values():
        assert rule.summary.endswith(".")
        assert rule.code[0] in "SMARTDF"
        assert rule.name == rule.name.lower()


def test_good_example_is_clean(write: Write) -> None:
    rule = RULES["M001"]
    findings = run_rule(rule.good, RULES["A001"].data, write, "good")
    assert [f.code for f in findings if f.severity is not Severity.INFO] == []


ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "lint_golden"


def example_report(fmt: str, monkeypatch: pytest.MonkeyPatch) -> str:
    from goalframe._lint import report_dict, report_text, to_json

    monkeypatch.chdir(ROOT)
    if fmt == "measurable":
        framework = gf.load_framework("examples/nl-drug-policy/goals.yaml", strict=False)
        findings = gf.lint(
            framework, gf.load_observations("examples/nl-drug-policy/observations.csv")
        )
        return report_text(framework, findings, gf.measurability(framework, findings))
    framework = gf.load_framework("examples/nl-drug-policy/goals-as-written.yaml", strict=False)
    findings = gf.lint(framework)
    score = gf.measurability(framework, findings)
    if fmt == "json":
        return to_json(report_dict(framework, findings, score))
    return report_text(framework, findings, score)


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("text", "as-written.txt"), ("json", "as-written.json"), ("measurable", "measurable.txt")],
)
def test_golden_reports(fmt: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    text = example_report(fmt, monkeypatch)
    path = GOLDEN / name
    if os.environ.get("GOALFRAME_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_as_written_example_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    framework = gf.load_framework("examples/nl-drug-policy/goals-as-written.yaml", strict=False)
    findings = gf.lint(framework)
    by_code = {(f.code, f.subject_id) for f in findings}
    assert ("S001", "weerbaarheid") in by_code
    assert ("S002", "versterken-aanpak") in by_code
    assert ("R001", "hennepteelt") in by_code
    assert ("R002", "ontmantelde_hennepkwekerijen") in by_code
    assert ("R003", "nl-drug-policy-as-written") in by_code
    assert ("M004", "ondermijningsfonds") in by_code
    vague = next(f for f in findings if f.code == "S002" and f.subject_id == "weerbaarheid")
    assert "'Weerbaarheid vergroten'" in vague.message
    score = gf.measurability(framework, findings)
    assert (score.passing, score.total, score.score) == (1, 5, 0.2)
    assert set(score.failing) == {
        "hennepteelt",
        "weerbaarheid",
        "ondermijningsfonds",
        "criminele-samenwerkingsverbanden",
    }


def test_findings_point_at_the_right_line_and_column(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    path = "examples/nl-drug-policy/goals-as-written.yaml"
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    findings = gf.lint(gf.load_framework(path, strict=False))
    for finding in findings:
        assert finding.location is not None
        assert finding.location.line is not None and finding.location.column is not None
        text = lines[finding.location.line - 1][finding.location.column - 1 :]
        if finding.code == "S002":
            assert text.startswith(("Versterken", "Terugdringen", "Weerbaarheid", "Criminele"))
        if finding.code == "M004":
            assert text.startswith("value: 100")  # the target mapping starts here
        if finding.subject == "indicator" and finding.code in ("M002", "M003", "M006"):
            assert text.startswith(("- id:", "id:"))


def test_measurable_example_has_no_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    framework = gf.load_framework("examples/nl-drug-policy/goals.yaml", strict=False)
    observations = gf.load_observations("examples/nl-drug-policy/observations.csv")
    findings = gf.lint(framework, observations)
    assert [f for f in findings if not f.ignored] == []
    # The extract's gaps, the regional rows, the cannabis count's change of source in 2021.
    assert {f.code for f in findings} == {"D001", "D002", "D003", "D006"}
    assert all(f.ignore_reason for f in findings)
    assert gf.measurability(framework, findings).score == 1.0


def test_ignore_in_the_goal_file_reports_as_ignored(write: Write) -> None:
    rule = RULES["M002"]
    text = rule.bad.replace(
        "kind: outcome,",
        "kind: outcome, lint_ignore: [{code: M002, reason: figures are our own survey}],",
    )
    findings = run_rule(text, "", write, "ignored")
    m002 = next(f for f in findings if f.code == "M002")
    assert m002.ignored and m002.ignore_reason == "figures are our own survey"
    assert "(ignored: figures are our own survey)" in str(m002)
    framework_wide = rule.bad.replace(
        "title: Demo\n",
        "title: Demo\nlint: {ignore: [{code: M002, reason: all figures are internal}]}\n",
    )
    assert next(f for f in run_rule(framework_wide, "", write, "fw") if f.code == "M002").ignored


def test_ignore_needs_a_reason(write: Write) -> None:
    text = RULES["M002"].bad.replace(
        "kind: outcome,", "kind: outcome, lint_ignore: [{code: M002}],"
    )
    with pytest.raises(gf.SpecError, match="reason"):
        gf.load_framework(write("g.yaml", text), strict=False)


def test_select_ignore_and_extra_vague_words(write: Write) -> None:
    framework = gf.load_framework(write("g.yaml", RULES["M002"].bad), strict=False)
    assert {f.code for f in gf.lint(framework, select=["M"])} == {"M002"}
    assert gf.lint(framework, ignore=["M00"]) == []
    text = (
        "id: demo\ntitle: Demo\nlint: {vague_words: [bolster]}\nobjectives:\n"
        "  - {id: o, statement: Bolster the response}\n"
    )
    found = gf.lint(gf.load_framework(write("v.yaml", text), strict=False), select=["S002"])
    assert "'Bolster'" in found[0].message


def test_finding_serialisation() -> None:
    finding = gf.Finding(
        code="M001",
        severity=gf.Severity.ERROR,
        subject="indicator",
        subject_id="x",
        message="m",
        fix="f",
    )
    assert finding.to_dict()["file"] is None
    assert str(finding).startswith("M001 [error] indicator x: m")


def test_lint_text_renders_markdown(monkeypatch: pytest.MonkeyPatch) -> None:
    from goalframe._lint import report_markdown

    monkeypatch.chdir(ROOT)
    framework = gf.load_framework("examples/nl-drug-policy/goals-as-written.yaml", strict=False)
    findings = gf.lint(framework)
    md = report_markdown(framework, findings, gf.measurability(framework, findings))
    assert md.startswith("# Lint: Aanpak georganiseerde drugscriminaliteit")
    lines = (
        (ROOT / "examples/nl-drug-policy/goals-as-written.yaml")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    line = next(n for n, text in enumerate(lines, 1) if "statement: Weerbaarheid" in text)
    assert f"| {line}:16 | S001 | error | objective `weerbaarheid` |" in md


def test_rule_reference_page_is_current() -> None:
    import runpy

    script = runpy.run_path(str(ROOT / "docs" / "_scripts" / "lint_rules.py"))
    expected = script["page"]()
    page = ROOT / "docs" / "reference" / "lint-rules.md"
    assert page.read_text(encoding="utf-8") == expected, (
        "run `python docs/_scripts/lint_rules.py` to regenerate docs/reference/lint-rules.md"
    )
