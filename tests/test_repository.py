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


#: The sizes the house keeps to (CONTRIBUTING.md): a module fits a reader's head, a function a
#: screen. A longer function says why in a comment above it that starts with "# Long:".
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80
CHECKED = ("src", "tests", "benchmarks", "docs/_scripts")


def _python_files() -> list[Path]:
    return sorted(p for folder in CHECKED for p in (ROOT / folder).rglob("*.py"))


def _says_why(lines: list[str], first: int) -> bool:
    """Whether the comment block right above line ``first`` (0-based) starts with # Long:."""
    at = first - 1
    block = []
    while at >= 0 and lines[at].lstrip().startswith("#"):
        block.append(lines[at].strip())
        at -= 1
    return bool(block) and block[-1].startswith("# Long:")


def long_functions(path: Path) -> list[str]:
    """The functions of ``path`` over the limit without a "# Long:" comment, with lengths."""
    import ast

    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    out = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            first = (node.decorator_list[0].lineno if node.decorator_list else node.lineno) - 1
            if length > MAX_FUNCTION_LINES and not _says_why(lines, first):
                where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
                out.append(f"{where}:{node.lineno} {node.name} ({length} lines)")
    return out


def test_no_module_over_the_limit() -> None:
    big = [
        f"{p.relative_to(ROOT)} ({n} lines)"
        for p in _python_files()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert not big, f"split these modules (at most {MAX_MODULE_LINES} lines): {big}"


def test_no_long_function_without_a_reason() -> None:
    found = [f for p in _python_files() for f in long_functions(p)]
    assert not found, f"split these, or say why above them with '# Long:': {found}"


def test_the_length_check_sees_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    probe = tmp_path / "probe.py"
    probe.write_text(f"def f() -> None:\n{body}\n", encoding="utf-8")
    assert long_functions(probe) == [f"probe.py:1 f ({MAX_FUNCTION_LINES + 1} lines)"]
    probe.write_text(f"# Long: a worked example.\ndef f() -> None:\n{body}\n", encoding="utf-8")
    assert long_functions(probe) == []
