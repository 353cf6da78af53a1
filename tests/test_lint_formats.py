"""lint over many files, as a pre-commit hook, and in formats other tools read."""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from goalframe.cli import app

from .conftest import EXAMPLE, ROOT

Write = Callable[[str, str], Path]
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "SOURCE_DATE_EPOCH": "1795824000"}
AS_WRITTEN = EXAMPLE / "goals-as-written.yaml"
MEASURABLE = EXAMPLE / "goals.yaml"
BROKEN = "id: [x\ntitle: T\n"
INVALID = "id: x\nindicators: []\n"


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env=ENV)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    goals = tmp_path / "goals"
    (goals / "sub").mkdir(parents=True)
    (goals / "a.yaml").write_text(AS_WRITTEN.read_text(encoding="utf-8"), encoding="utf-8")
    (goals / "sub" / "b.yml").write_text(MEASURABLE.read_text(encoding="utf-8"), encoding="utf-8")
    (goals / "notes.txt").write_text("not a goal file", encoding="utf-8")
    return goals


def test_lint_a_folder_reports_each_file(folder: Path) -> None:
    code, out, _ = run("lint", folder)
    assert code == 1  # the as-written file has errors
    assert f"{folder / 'a.yaml'}:" in out and f"{folder / 'sub' / 'b.yml'}: 0 errors" in out
    assert out.rstrip().endswith("2 files: 4 errors, 12 warnings, 0 infos")
    assert "notes.txt" not in out


def test_lint_globs_and_several_files(folder: Path) -> None:
    code, out, _ = run("lint", f"{folder}/**/*.y*ml", "--format", "json")
    data = json.loads(out)
    assert data["kind"] == "lint_report" and len(data["files"]) == 2
    assert data["counts"]["error"] == 4
    code, out, _ = run("validate", folder / "a.yaml", folder / "sub" / "b.yml")
    assert code == 0 and out.count(": valid:") == 2


def test_pre_commit_hook_runs_over_changed_files(folder: Path) -> None:
    # pre-commit calls the hook's entry with the changed files that match `files`.
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    lint_hook = next(h for h in hooks if h["id"] == "goalframe-lint")
    changed = sorted(str(p) for p in folder.rglob("*"))
    matching = [p for p in changed if re.search(lint_hook["files"], p)]
    assert len(matching) == 2  # the two goal files, not notes.txt
    command = shlex.split(lint_hook["entry"])
    assert command[0] == "goalframe"
    code, out, _ = run(*command[1:], *matching)
    assert code == 1
    assert "a.yaml:" in out and "b.yml:" in out  # findings and counts from several files
    validate = next(h for h in hooks if h["id"] == "goalframe-validate")
    assert run(*shlex.split(validate["entry"])[1:], *matching)[0] == 0


@pytest.mark.parametrize(
    ("text", "code"), [(BROKEN, "F003"), (INVALID, "F004")], ids=["syntax", "invalid"]
)
@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "text", "markdown"])
def test_a_file_that_does_not_load_still_gives_findings(
    write: Write, text: str, code: str, fmt: str
) -> None:
    path = write("bad.yaml", text)
    exit_code, out, err = run("lint", path, "--format", fmt)
    assert exit_code == 2  # bad input, as before
    assert err.startswith(f"goalframe: error: {path}")
    assert code in out
    if fmt in ("json", "sarif"):
        json.loads(out)  # machine-readable whatever happens


def test_unreadable_data_is_a_finding(write: Write) -> None:
    data = write("obs.csv", "indicator,period,value,unit\ndumpings,2020,1_000,dumping\n")
    exit_code, out, _ = run("lint", MEASURABLE, "-d", data, "--format", "json")
    assert exit_code == 2
    report = json.loads(out)
    findings = [f for file in report["files"] for f in file["findings"]]
    # The finding is about the data file, named as such (not the goal file's framework).
    (found,) = [f for f in findings if f["code"] == "F005"]
    assert (found["subject"], found["id"]) == ("file", "obs.csv")


GITHUB_LINE = re.compile(
    r"^::(error|warning|notice) file=[^,:]+(,line=\d+(,col=\d+)?)?,title=[^:]+::[^\n]+$"
)


def test_github_annotations_follow_the_documented_line_format() -> None:
    code, out, _ = run("lint", AS_WRITTEN, "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 16  # 4 errors and 12 warnings; ignored findings are not annotated
    for line in lines:
        assert GITHUB_LINE.match(line), line
    assert lines[0].startswith(f"::warning file={AS_WRITTEN},line=") or lines[0].startswith(
        f"::error file={AS_WRITTEN},line="
    )
    assert any(",title=S001 objective-without-indicator::" in line for line in lines)


def test_github_escapes_newlines_percent_and_separators(write: Write) -> None:
    from goalframe._lint._report import _github_escape

    assert _github_escape("100% done\nnext") == "100%25 done%0Anext"
    assert _github_escape("a:b,c", property=True) == "a%3Ab%2Cc"
    path = write(
        "g.yaml",
        "id: x\ntitle: T\nindicators: [{id: i, name: n, unit: 'wom%bat', direction: increase}]\n",
    )
    _, out, _ = run("lint", path, "--format", "github")
    assert "wom%25bat" in out and all(line.startswith("::") for line in out.splitlines())


def sarif_schema() -> dict[str, object]:
    """OASIS's SARIF 2.1.0 schema (errata 01), vendored: tests/data/sarif-2.1.0.md."""
    text = (Path(__file__).parent / "data" / "sarif-2.1.0.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def validate_sarif(log: object) -> None:
    """Validate against the schema *with* its formats (``uri``, ``uri-reference``): a
    validator without them passed paths with spaces that code-scanning tools refuse."""
    import jsonschema

    checker = jsonschema.FormatChecker()  # every format (draft 4 knows no uri-reference)
    assert {"uri", "uri-reference"} <= set(checker.checkers)  # rfc3986-validator is installed
    validator = jsonschema.Draft4Validator(sarif_schema(), format_checker=checker)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(log)]
    assert not errors, errors[:5]


@pytest.mark.parametrize(
    "files", [[AS_WRITTEN], [MEASURABLE], [AS_WRITTEN, MEASURABLE]], ids=["one", "clean", "two"]
)
def test_sarif_validates_against_the_published_schema(files: list[Path]) -> None:
    _, out, _ = run("lint", *files, "--format", "sarif")
    log = json.loads(out)
    validate_sarif(log)
    run0 = log["runs"][0]
    assert run0["tool"]["driver"]["name"] == "goalframe"
    rules = {r["id"] for r in run0["tool"]["driver"]["rules"]}
    assert {"S001", "M004", "F003"} <= rules
    for result in run0["results"]:
        assert result["ruleId"] in rules
        region = result["locations"][0]["physicalLocation"].get("region", {})
        assert region.get("startLine", 1) >= 1


def test_sarif_marks_ignored_findings_as_suppressed() -> None:
    data = EXAMPLE / "observations.csv"
    _, out, _ = run("lint", MEASURABLE, "-d", data, "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    suppressed = [r for r in results if r.get("suppressions")]
    assert suppressed and all(s["suppressions"][0]["justification"] for s in suppressed)


def test_sarif_of_a_broken_file_validates(write: Write) -> None:
    _, out, _ = run("lint", write("bad.yaml", BROKEN), "--format", "sarif")
    validate_sarif(json.loads(out))


@pytest.mark.parametrize(
    ("name", "uri"),
    [("goals dir/my%goals.yaml", "goals%20dir/my%25goals.yaml"), ("d/é.yaml", "d/%C3%A9.yaml")],
)
def test_sarif_paths_with_spaces_and_percent_signs_are_uri_references(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, uri: str
) -> None:
    # Found: `Path.as_posix()` as the URI gave 32 format errors for such a path (issue 30, 2).
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).parent.mkdir(parents=True)
    (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    _, out, _ = run("lint", name, "--format", "sarif")
    log = json.loads(out)
    validate_sarif(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": uri, "uriBaseId": "%SRCROOT%"}
    assert "%SRCROOT%" in log["runs"][0]["originalUriBaseIds"]
    _, out, _ = run("lint", str(tmp_path / name), "--format", "sarif")  # an absolute path
    absolute = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert absolute["artifactLocation"]["uri"] == (tmp_path / name).as_uri()
    validate_sarif(json.loads(out))


def test_sarif_names_no_invented_web_address() -> None:
    _, out, _ = run("lint", MEASURABLE, "--format", "sarif")
    assert ".invalid" not in out and "helpUri" not in out


@pytest.mark.parametrize(
    ("option", "value", "hint"),
    [
        ("--select", "X999", "no lint rule has the code 'X999'"),
        ("--select", "M01", ""),  # a prefix of M010-M014: fine
        ("--ignore", "T0O1", "did you mean 'T001'"),
        ("--select", "S001,Z", "'Z'"),
    ],
)
def test_unknown_rule_codes_are_errors(option: str, value: str, hint: str) -> None:
    code, _, err = run("lint", MEASURABLE, option, value)
    if not hint:
        assert code == 0
        return
    assert code == 2 and hint in err


def test_did_you_mean_for_methods_indicator_ids_and_select(write: Write) -> None:
    import goalframe as gf

    with pytest.raises(gf.MethodError, match="did you mean 'trajectory'"):
        gf.get_method("trajectry")
    goals = write(
        "g.yaml",
        "id: x\ntitle: T\nobjectives: [{id: o, statement: S, indicators: [dumpings]}]\n"
        "indicators:\n  - {id: dumpings, name: D, unit: dumping, direction: decrease, "
        "select: {region: NL}, target: {baseline: {value: 10, period: 2020}, value: 5, "
        "deadline: 2030}}\n",
    )
    data = write(
        "obs.csv",
        "indicator,region,period,value,unit\n"
        "dumpngs,NL,2021,9,dumping\n"
        "dumpings,Nl,2021,9,dumping\n"
        "dumpings,Limburg,2021,9,dumping\n",
    )
    card = gf.evaluate(gf.load_framework(goals), gf.load_observations(data), as_of=2022)
    reasons = {s.reason for s in card.set_aside}
    assert "no indicator 'dumpngs' in the goal file; did you mean 'dumpings'?" in reasons
    assert card.indicator("dumpings").assessment.reason == (
        "no observations for region=NL: region='NL' is not in the data; did you mean 'Nl'?; "
        "they have Limburg, Nl"
    )
    wrong_column = write(
        "obs2.csv", "indicator,regoin,period,value,unit\ndumpings,NL,2021,9,dumping\n"
    )
    card = gf.evaluate(gf.load_framework(goals), gf.load_observations(wrong_column), as_of=2022)
    assert "no breakdown column 'region'; did you mean 'regoin'?" in (
        card.indicator("dumpings").assessment.reason or ""
    )


def test_scorecard_gate_as_github_annotations() -> None:
    data = EXAMPLE / "observations.csv"
    code, out, _ = run(
        "scorecard",
        MEASURABLE,
        "-d",
        data,
        "-f",
        "json",
        "-o",
        "-",
        "--fail-on",
        "outcome_unknown",
        "--annotations",
        "github",
    )
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("::")]
    assert len(lines) == 2
    for line in lines:
        assert GITHUB_LINE.match(line), line
    assert lines[0].startswith(f"::error file={MEASURABLE},line=")
    assert "criminal_networks_tackled" in lines[0]
    assert run("scorecard", MEASURABLE, "-d", data, "--annotations", "gitlab")[0] == 2


def test_main_turns_an_escaping_exception_into_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import goalframe.cli as cli
    import goalframe.cli._commands as commands

    def broken() -> None:
        msg = "simulated"
        raise RuntimeError(msg)

    monkeypatch.setattr(commands, "app", broken)
    monkeypatch.delenv("GOALFRAME_DEBUG", raising=False)
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 3
    assert "internal error: RuntimeError: simulated" in capsys.readouterr().err
