"""Every Python example in the docs, the README and the docstrings runs."""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil
import re
from pathlib import Path

import pytest

import goalframe
from goalframe import progress

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def blocks(page: Path) -> list[tuple[int, str]]:
    text = page.read_text(encoding="utf-8")
    return [(text[: m.start()].count("\n") + 1, m.group(1)) for m in BLOCK.finditer(text)]


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_docs_python_blocks_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The blocks of one page run in order in one namespace, as a reader would run them.
    monkeypatch.chdir(ROOT)
    progress.method_names()
    saved = dict(progress._registry)  # a block may register a method
    namespace: dict[str, object] = {"__name__": "__docs__"}
    try:
        for line, code in blocks(page):
            exec(compile(code, f"{page.name}:{line}", "exec"), namespace)
    finally:
        progress._registry.clear()
        progress._registry.update(saved)


def test_docs_have_examples() -> None:
    assert sum(len(blocks(page)) for page in PAGES) >= 8


MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(goalframe.__path__, "goalframe.")
    if not m.name.startswith(("goalframe.cli", "goalframe.__main__"))
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(module, name, globs={}):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0


@pytest.mark.skipif(
    os.environ.get("GOALFRAME_LOWEST_VERSIONS") == "1",
    reason="the generated pages are made with the current typer and pydantic, not the floors",
)
def test_generated_docs_are_current(monkeypatch: pytest.MonkeyPatch) -> None:
    # The tutorial's outputs, the CLI reference and the goal-file JSON Schema come from the
    # code; `python docs/_scripts/generated.py` rewrites them.
    import runpy

    monkeypatch.chdir(ROOT)
    script = runpy.run_path(str(ROOT / "docs" / "_scripts" / "generated.py"))
    stale = [
        str(path.relative_to(ROOT))
        for path, make in script["files"]().items()
        if not path.exists() or path.read_text(encoding="utf-8") != make()
    ]
    assert stale == [], f"run `python docs/_scripts/generated.py`; stale: {stale}"


def test_tutorial_commands_succeed_or_fail_as_shown() -> None:
    import runpy

    script = runpy.run_path(str(ROOT / "docs" / "_scripts" / "generated.py"))
    for name in script["TUTORIAL"]:
        page = ROOT / "docs" / "tutorial" / "output" / f"{name}.md"
        assert page.exists()
        tutorial = (ROOT / "docs" / "tutorial" / "index.md").read_text(encoding="utf-8")
        assert f'--8<-- "docs/tutorial/output/{name}.md"' in tutorial


def test_the_readmes_lint_output_is_what_lint_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    # The README quotes lint on the example as written: every line it shows is printed so.
    from typer.testing import CliRunner

    from goalframe.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("reports, among\nothers:\n\n```text\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT / "examples" / "nl-drug-policy")
    printed = CliRunner().invoke(app, ["lint", "goals-as-written.yaml"]).stdout
    lines = printed.splitlines()
    for line in shown.strip().splitlines():
        assert line in lines, line


def test_the_stated_size_of_the_example_page_is_true() -> None:
    # Docs kept true by tests (issue 28, point 10): the Publish page said 42.8 kB for a
    # page of 46.7 kB.
    import re

    import goalframe as gf

    example = ROOT / "examples" / "nl-drug-policy"
    card = gf.evaluate(
        gf.load_framework(example / "goals.yaml"),
        gf.load_observations(example / "observations.csv"),
        as_of="2026-11-28",
    )
    size = len(card.to_html().encode("utf-8")) / 1000
    page = (ROOT / "docs" / "how-to" / "publish.md").read_text(encoding="utf-8")
    stated = float(re.search(r"The example page is ([0-9.]+) kB", page)[1])  # type: ignore[index]
    assert abs(stated - size) <= 0.05 * size, (stated, size)


def test_the_csv_column_table_names_every_column() -> None:
    # Issue 28, point 10: the Publish page's table named 22 of the CSV's 29 columns.
    import re

    from goalframe.render.csv import COLUMNS

    page = (ROOT / "docs" / "how-to" / "publish.md").read_text(encoding="utf-8")
    table = page[page.index("## The CSV file") : page.index("## The Excel workbook")]
    named = {name for line in table.splitlines() if line.startswith("| `") for name in
             re.findall(r"`([a-z_]+)`", line.split("|")[1])}  # fmt: skip
    assert set(COLUMNS) <= named, sorted(set(COLUMNS) - named)
    assert named <= set(COLUMNS), sorted(named - set(COLUMNS))


def test_the_publish_pages_list_of_extensions_is_the_registrys() -> None:
    # Issue 28, point 10: the output formats' list in the docs is kept true by the registry.
    import re

    from goalframe.render._formats import FORMATS_BY_NAME

    page = (ROOT / "docs" / "how-to" / "publish.md").read_text(encoding="utf-8")
    sentence = page[page.index("The format follows `-o`'s extension") :].split(";")[0]
    stated = set(re.findall(r"`(\.[a-z]+)`", sentence))
    known = {s for f in FORMATS_BY_NAME.values() for s in f.suffixes}
    assert stated == known, (sorted(stated), sorted(known))
