"""Formats follow -o's extension everywhere; an extension no format has is refused (issue 30, 4).

Found: `lint -o report.sarif` wrote text, `scorecard -o card.pdf` wrote text with exit 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile._helpers import DATA, GOALS, cli


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "goals.yaml").write_text(GOALS, encoding="utf-8")
    (tmp_path / "data.csv").write_text(DATA, encoding="utf-8")
    return tmp_path / "goals.yaml", tmp_path / "data.csv"


def test_lint_writes_sarif_to_a_sarif_file(files: tuple[Path, Path]) -> None:
    ended = cli("lint", files[0], "-o", "report.sarif")
    assert ended.code in (0, 1), ended.err
    sarif = json.loads(Path("report.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["tool"]["driver"]["name"]


@pytest.mark.parametrize(("name", "start"), [("report.md", "#"), ("report.json", "{")])
def test_lint_follows_other_extensions(files: tuple[Path, Path], name: str, start: str) -> None:
    cli("lint", files[0], "-o", name)
    assert Path(name).read_text(encoding="utf-8").lstrip().startswith(start)


@pytest.mark.parametrize(
    "command",
    [
        ("lint", "goals.yaml", "-o", "report.pdf"),
        ("scorecard", "goals.yaml", "-d", "data.csv", "-o", "card.pdf"),
    ],
)
def test_an_extension_no_format_has_is_refused_before_anything_is_written(
    files: tuple[Path, Path], command: tuple[str, ...]
) -> None:
    ended = cli(*command)
    assert ended.code == 2
    assert "writes no .pdf file" in ended.err and "--format" in ended.err
    assert not Path(command[-1]).exists()


def test_an_explicit_format_writes_any_name(files: tuple[Path, Path]) -> None:
    ended = cli("scorecard", "goals.yaml", "-d", "data.csv", "-o", "card.pdf", "-f", "markdown")
    assert ended.code == 0
    assert Path("card.pdf").read_text(encoding="utf-8").startswith("# ")


def test_markdown_by_its_long_extension(files: tuple[Path, Path]) -> None:
    assert cli("scorecard", "goals.yaml", "-d", "data.csv", "-o", "card.markdown").code == 0
    assert Path("card.markdown").read_text(encoding="utf-8").startswith("# ")
