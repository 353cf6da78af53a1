"""Command-line and API conventions (issue 28, point 11).

Found: `-q`/`-v` worked only before the command; `validate` had no `--lang`; a frame with
`year` instead of `period` got "no column 'period'" without a hint.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import goalframe as gf
from tests.hostile._helpers import DATA, GOALS, cli


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "goals.yaml").write_text(GOALS, encoding="utf-8")
    (tmp_path / "data.csv").write_text(DATA, encoding="utf-8")
    return tmp_path / "goals.yaml", tmp_path / "data.csv"


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_and_verbose_stand_before_or_after_the_command(
    files: tuple[Path, Path], where: str
) -> None:
    goals, data = files
    out = goals.parent / "card.md"
    command = ["scorecard", str(goals), "-d", str(data), "-o", str(out)]

    def run(flag: str) -> str:
        args = [flag, *command] if where == "before" else [*command, flag]
        return cli(*args).err

    assert "wrote" not in run("-q")
    assert "read" in run("-v") and "assessed" in run("-v")
    assert "wrote" in cli(*command).err  # the default, between the two


def test_a_root_flag_after_a_double_dash_is_an_argument(files: tuple[Path, Path]) -> None:
    # after `--` everything is an argument: "-q" is then a file name, which does not exist
    ended = cli("validate", "--", "-q")
    assert ended.code == 2 and "-q" in ended.err


def test_validate_speaks_the_language_asked(files: tuple[Path, Path]) -> None:
    ended = cli("validate", files[0], "--lang", "nl")
    assert ended.code == 0 and "geldig: 1 doelen" in ended.out
    broken = files[0].parent / "broken.yaml"
    broken.write_text(GOALS.replace("unit: dumping", "unit: 5"), encoding="utf-8")
    ended = cli("validate", broken, "--lang", "nl")
    assert ended.code == 2 and "probleem in het doelenbestand" in ended.err


@pytest.mark.parametrize(("given", "meant"), [("year", "period"), ("valeu", "value")])
def test_a_frame_column_by_another_name_gets_a_hint(given: str, meant: str) -> None:
    pl = pytest.importorskip("polars")
    framework = gf.load_framework(
        Path(__file__).parent.parent / "examples/nl-drug-policy/goals.yaml"
    )
    columns = {"indicator": ["x"], "period": [2020], "value": [1.0], "unit": ["kg"]}
    columns[given] = columns.pop(meant)
    with pytest.raises(gf.DataError, match=f"no column '{meant}' \\(rename '{given}'\\?\\)"):
        gf.evaluate_frame(framework, pl.DataFrame(columns))


@pytest.mark.parametrize("columns", [60, 80, 160])
def test_columns_is_honoured_when_the_card_goes_to_a_pipe(
    files: tuple[Path, Path], columns: int
) -> None:
    # Issue 28, point 6: `COLUMNS=60 goalframe scorecard ... | less` printed 100 columns.
    from typer.testing import CliRunner

    from goalframe.cli import app

    env = {"COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "dumb"}
    result = CliRunner().invoke(app, ["scorecard", str(files[0]), "-d", str(files[1])], env=env)
    assert result.exit_code == 0, result.stderr
    widest = max(len(line) for line in result.stdout.splitlines())
    assert columns - 25 <= widest <= columns
    assert not any(line != line.rstrip() for line in result.stdout.splitlines())


def test_the_methods_read_as_a_list_of_names_and_what_they_do() -> None:
    # Issue 28, point 11: `repr(gf.methods())` printed raw tuples with functions in them.
    shown = repr(gf.methods())
    assert "function=" not in shown and "<function" not in shown
    assert "<MethodInfo 'trajectory': Progress made vs progress expected" in shown
    assert "(options: on_track, acceleration)" in shown
    assert all(len(repr(m)) < 300 for m in gf.methods())
