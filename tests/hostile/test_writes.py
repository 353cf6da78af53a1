"""Writes never harm (issue 29, point 2): only a regular file or a new path is replaced.

Found as root in a container: ``scorecard ... -o /dev/full`` replaced the device with a
regular file and said ``wrote /dev/full``, because the atomic writer renamed a temporary
file onto whatever the path named. Devices are made here with ``mknod`` in a temporary
folder, never the system's own.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from goalframe.cli import _writes

from ._helpers import DATA, GOALS, cli

COMMANDS = {
    "scorecard": lambda g, d, o: ["scorecard", g, "-d", d, "-o", o],
    "lint": lambda g, d, o: ["lint", g, "-o", o],
    "verdicts": lambda g, d, o: ["verdicts", g, "-d", d, "-o", o],
    "schema": lambda g, d, o: ["schema", "-o", o],
}


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "goals.yaml").write_text(GOALS, encoding="utf-8")
    (tmp_path / "data.csv").write_text(DATA, encoding="utf-8")
    return tmp_path / "goals.yaml", tmp_path / "data.csv"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_pipe_given_as_output_is_refused_and_left_a_pipe(
    command: str, inputs: tuple[Path, Path], tmp_path: Path
) -> None:
    pytest.importorskip("polars") if command == "verdicts" else None
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    ended = cli(*COMMANDS[command](*inputs, fifo))
    assert ended.code == 2
    assert "not a regular file" in ended.err and "-o -" in ended.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # not replaced by a regular file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv", "goals.yaml", "pipe.csv"]


def test_a_device_given_as_output_is_refused_and_left_a_device(
    inputs: tuple[Path, Path], tmp_path: Path
) -> None:
    device = tmp_path / "full"
    try:  # a character device like /dev/full (1, 7), made here rather than touched there
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except (PermissionError, OSError):
        pytest.skip("making a device needs root")
    ended = cli("scorecard", *inputs[:1], "-d", inputs[1], "-o", device)
    assert ended.code == 2 and "not a regular file" in ended.err
    assert "wrote" not in ended.err
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_dev_null_and_dev_stdout_are_never_replaced() -> None:
    # /dev/null writes nothing; /dev/stdout is standard output; neither is a file to rename
    assert _writes.destination(Path("/dev/null")) is None
    assert _writes.destination(Path("/dev/stdout")) is None
    assert _writes.destination(Path("-")) is None


def test_dev_stdout_writes_the_card_to_standard_output(inputs: tuple[Path, Path]) -> None:
    ended = cli("scorecard", inputs[0], "-d", inputs[1], "-f", "json", "-o", "/dev/stdout")
    assert ended.code == 0
    assert ended.out.lstrip().startswith("{") and '"dumpings"' in ended.out


def test_a_link_out_of_the_working_folder_is_refused(
    inputs: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    outside = tmp_path / "elsewhere.md"
    outside.write_text("keep me\n", encoding="utf-8")
    (work / "card.md").symlink_to(outside)
    monkeypatch.chdir(work)
    ended = cli("scorecard", inputs[0], "-d", inputs[1], "-o", "card.md")
    assert ended.code == 2 and "symbolic link" in ended.err and "outside" in ended.err
    assert outside.read_text(encoding="utf-8") == "keep me\n"
    assert (work / "card.md").is_symlink()


def test_a_link_inside_the_working_folder_writes_its_target_and_stays_a_link(
    inputs: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cards").mkdir()
    (tmp_path / "cards" / "2026.md").write_text("old\n", encoding="utf-8")
    (tmp_path / "latest.md").symlink_to(tmp_path / "cards" / "2026.md")
    ended = cli("scorecard", inputs[0], "-d", inputs[1], "-f", "markdown", "-o", "latest.md")
    assert ended.code == 0, ended.err
    assert (tmp_path / "latest.md").is_symlink()
    assert "Drug-waste dumpings" in (tmp_path / "cards" / "2026.md").read_text(encoding="utf-8")


def test_several_outputs_are_written_together_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "goals.yaml", tmp_path / "observations.csv"
    first.write_text("old goals\n", encoding="utf-8")
    second.write_text("old observations\n", encoding="utf-8")
    real_stage = _writes._stage
    calls: list[Path] = []

    def failing_second(text: _writes.Text, target: Path) -> Path:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(target))
        return real_stage(text, target)

    monkeypatch.setattr(_writes, "_stage", failing_second)
    with pytest.raises(Exception) as raised:  # the command's exit 2 (typer.Exit)
        _writes.write_outputs([("new goals\n", first), ("new observations\n", second)])
    assert getattr(raised.value, "exit_code", None) == 2
    assert first.read_text(encoding="utf-8") == "old goals\n"  # not half an import
    assert second.read_text(encoding="utf-8") == "old observations\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["goals.yaml", "observations.csv"]
