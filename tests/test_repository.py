"""The repository's shape: no stray or empty file at the top level."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: The files a clone has at its top level, and why each is there.
TOP_LEVEL = {
    ".gitignore": "what git leaves out",
    ".pre-commit-hooks.yaml": "goalframe's hooks for pre-commit",
    "CHANGELOG.md": "what changed, release by release",
    "CITATION.cff": "how to cite goalframe",
    "CONTRIBUTING.md": "where each kind of change goes",
    "LICENSE": "MIT",
    "README.md": "the quick start",
    "mkdocs.yml": "the documentation site",
    "pyproject.toml": "the package, its extras and its tools",
}


def _tracked() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an sdist): nothing is tracked")
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return listed.splitlines()


def test_no_stray_or_empty_file_at_the_top_level() -> None:
    # Two empty files (a.json, b.json) were once committed by accident at the root.
    files = [f for f in _tracked() if "/" not in f]
    stray = sorted(set(files) - TOP_LEVEL.keys())
    assert not stray, f"files at the top level that belong elsewhere (or in TOP_LEVEL): {stray}"
    empty = [f for f in files if (ROOT / f).stat().st_size == 0]
    assert not empty, f"empty files tracked at the top level: {empty}"
