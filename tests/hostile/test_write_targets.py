"""Every command that writes, against every target it must not replace (issue 29, point 2).

`test_writes.py` has the cases as found; here each writing command meets each harmful target:
a device, a folder, a link out of the working folder, its own inputs and a folder that does
not exist. Each ends in exit 2 with goalframe's message, the target as it was (its kind and
its bytes), and no file left behind in the folder.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from ._helpers import DATA, GOALS, cli
from .test_writes import COMMANDS

#: What each command reads (its output must never replace one of them).
READS = {"scorecard": ("goals", "data"), "lint": ("goals",), "verdicts": ("goals", "data")}


def _device(work: Path) -> Path:
    path = work / "full"
    try:  # a character device like /dev/full (1, 7), made here rather than touched there
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except (PermissionError, OSError):
        pytest.skip("making a device needs root")
    return path


def _folder(work: Path) -> Path:
    (work / "cards").mkdir()
    return work / "cards"


def _link_out(work: Path) -> Path:
    outside = work.parent / "elsewhere.csv"
    outside.write_text("keep me\n", encoding="utf-8")
    (work / "card.csv").symlink_to(outside)
    return work / "card.csv"


def _missing_folder(work: Path) -> Path:
    return work / "no-such-folder" / "card.csv"


TARGETS: dict[str, Callable[[Path], Path]] = {
    "device": _device,
    "folder": _folder,
    "link-out-of-the-working-folder": _link_out,
    "goal-file": lambda work: work / "goals.yaml",
    "data-file": lambda work: work / "data.csv",
    "missing-folder": _missing_folder,
}


def _state(path: Path) -> tuple[int, bytes | None]:
    """A path's kind and, for a regular file (or a link's target), its bytes."""
    if not os.path.lexists(path):
        return (0, None)
    mode = path.lstat().st_mode
    content = path.read_bytes() if path.is_file() and not stat.S_ISCHR(mode) else None
    return (stat.S_IFMT(mode), content)


@pytest.mark.parametrize("target", sorted(TARGETS))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_command_replaces_what_it_must_not(
    command: str, target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if command == "verdicts":
        pytest.importorskip("polars")
    name = {"goal-file": "goals", "data-file": "data"}.get(target)
    if name is not None and name not in READS.get(command, ()):
        pytest.skip(f"{command} does not read the {name} file: writing it is its user's choice")
    work = tmp_path / "work"
    work.mkdir()
    (work / "goals.yaml").write_text(GOALS, encoding="utf-8")
    (work / "data.csv").write_text(DATA, encoding="utf-8")
    monkeypatch.chdir(work)
    path = TARGETS[target](work)
    before = _state(path)
    listing = sorted(p.name for p in work.iterdir())
    ended = cli(*COMMANDS[command](work / "goals.yaml", work / "data.csv", path))
    assert ended.code == 2, ended
    assert ended.err.startswith("goalframe: error: "), ended.err
    assert "wrote" not in ended.err
    assert _state(path) == before  # the same kind of thing, the same bytes
    assert sorted(p.name for p in work.iterdir()) == listing  # no temporary file left
    if target == "link-out-of-the-working-folder":
        assert (tmp_path / "elsewhere.csv").read_text(encoding="utf-8") == "keep me\n"
