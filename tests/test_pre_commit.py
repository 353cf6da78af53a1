"""The pre-commit hooks pick goal files by name and work on a normal repository (issue 30, 3).

Found: the hooks' `files:` caught every YAML, JSON and TOML file, so `goalframe validate`
failed on `.pre-commit-config.yaml` itself in any repository that used them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests._profile import THOROUGH

ROOT = Path(__file__).parents[1]
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("hook", HOOKS, ids=lambda h: h["id"])
def test_the_hooks_pick_goal_files_by_name(hook: dict[str, str]) -> None:
    pattern = re.compile(hook["files"])
    for goal_file in (
        "goals.yaml", "goals.yml", "goals.json", "goals.toml", "goals-regional.yaml",
        "policy/goals-as-written.yaml", "road.goals.yaml", "nl/road-safety.goals.toml",
        "goals/drugs.yaml", "policy/goals/sub/roads.yml",
    ):  # fmt: skip
        assert pattern.search(goal_file), goal_file
    for other in (
        ".pre-commit-config.yaml", "mkdocs.yml", ".github/workflows/ci.yml", "pyproject.toml",
        "data/observations.json", "goalsetting/notes.yaml", "goals/notes.txt",
    ):  # fmt: skip
        assert not pattern.search(other), other


@pytest.mark.skipif(not THOROUGH, reason="installs the hooks' environment (about 15 s): CI runs it")
def test_pre_commit_try_repo_on_a_repository_with_other_yaml(tmp_path: Path) -> None:
    if shutil.which("pre-commit") is None or shutil.which("git") is None:
        pytest.skip("pre-commit and git are needed")
    repo = tmp_path / "repo"
    (repo / "policy").mkdir(parents=True)
    shutil.copy(ROOT / "examples/nl-drug-policy/goals.yaml", repo / "policy/goals.yaml")
    (repo / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (repo / "mkdocs.yml").write_text("site_name: x\nnav: [a, b]\n", encoding="utf-8")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.email=ci@example.org", "-c", "user.name=ci", "commit", "-qm", "init")
    for hook in ("goalframe-validate", "goalframe-lint"):
        done = subprocess.run(
            ["pre-commit", "try-repo", str(ROOT), hook, "--all-files"],
            cwd=repo, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        assert "Passed" in done.stdout
        assert "mkdocs.yml" not in done.stdout and ".pre-commit-config" not in done.stdout
