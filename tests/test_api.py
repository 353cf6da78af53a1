from __future__ import annotations

import json
import subprocess
import sys

import pytest

import goalframe as gf


def test_all_is_sorted_unique_and_importable() -> None:
    names = [n for n in gf.__all__ if n != "__version__"]
    assert names == sorted(names, key=lambda n: (n[0].islower(), n))
    assert len(set(gf.__all__)) == len(gf.__all__)
    for name in gf.__all__:
        assert getattr(gf, name) is not None
    assert set(gf.__all__) <= set(dir(gf))


def test_all_the_lazy_table_and_the_type_checking_block_agree() -> None:
    # Nine exports once sat in the lazy table but not in __all__ (evaluate_frame among them).
    import ast
    from pathlib import Path

    source = Path(gf.__file__).read_text(encoding="utf-8")
    checked: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom)
                for alias in stmt.names:
                    checked.add(alias.name)
                    assert gf._WHERE[alias.name] == stmt.module, alias.name
    assert set(gf.__all__) == set(gf._WHERE) == checked


def test_the_api_page_documents_every_export() -> None:
    import re
    from pathlib import Path

    import goalframe.errors

    page = (Path(__file__).parents[1] / "docs" / "reference" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^::: goalframe\.(\w+)\s*$", page, re.M))
    errors = {n for n in dir(goalframe.errors) if n.endswith("Error")}  # on the errors section
    missing = set(gf.__all__) - documented - errors - {"__version__"}
    assert not missing, f"add these to docs/reference/api.md: {sorted(missing)}"
    assert "::: goalframe.errors" in page
    assert "__version__" in page


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = gf.nope  # type: ignore[attr-defined]


def _modules_after(code: str) -> set[str]:
    probe = (
        "import sys, json\n" + code + "\n"
        "print(json.dumps(sorted(m for m in ('pint', 'rich', 'yaml', 'typer', 'jinja2', "
        "'narwhals', 'babel', 'pandas', 'polars') "
        "if m in sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_import_goalframe_loads_no_heavy_module() -> None:
    assert _modules_after("import goalframe; goalframe.Status; goalframe.Period") == set()


def test_help_does_not_load_pint_or_yaml() -> None:
    loaded = _modules_after(
        "from goalframe.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "try:\n    app(['scorecard', '--help'])\nexcept SystemExit:\n    pass"
    )
    assert "pint" not in loaded
    assert "yaml" not in loaded
    assert "typer" in loaded


def test_version_answers_without_typer() -> None:
    # `goalframe --version` (the console script's main) imports nothing but the version.
    loaded = _modules_after(
        "sys.argv = ['goalframe', '--version']\nfrom goalframe.cli import main\nmain()"
    )
    assert loaded == set()
    result = subprocess.run(
        [sys.executable, "-m", "goalframe", "--version"], capture_output=True, text=True
    )
    from goalframe import __version__

    assert (result.returncode, result.stdout) == (0, f"goalframe {__version__}\n")


def test_errors_are_builtin_subclasses() -> None:
    from goalframe import errors

    assert issubclass(errors.SpecValidationError, ValueError)
    assert issubclass(errors.UnknownMethodError, LookupError)
    assert issubclass(errors.IncompatibleUnitsError, gf.UnitError)
    assert issubclass(errors.ObservationError, gf.DataError)
    location = errors.Location("f.yaml", 3, 4)
    assert str(location) == "f.yaml:3:4"
    assert str(errors.Location("f.yaml")) == "f.yaml"
    problem = errors.Problem(("indicators", 2, "unit"), "bad", location)
    assert str(problem) == "f.yaml:3:4: indicators[2].unit: bad"


def test_methods_registry() -> None:
    from goalframe.errors import DuplicateMethodError, UnknownMethodError
    from goalframe.progress import register_method

    names = [m.name for m in gf.methods()]
    assert names == sorted(names)
    assert {"trajectory", "open-sdg"} <= set(names)
    assert gf.get_method("trajectory").summary
    with pytest.raises(UnknownMethodError):
        gf.get_method("nope")
    with pytest.raises(DuplicateMethodError):
        register_method("trajectory", summary="again")(lambda s, g, o: None)  # type: ignore[arg-type,return-value]


def test_citation_file_matches_the_version() -> None:
    from pathlib import Path

    import yaml

    citation = yaml.safe_load(
        (Path(__file__).parent.parent / "CITATION.cff").read_text(encoding="utf-8")
    )
    assert citation["cff-version"] == "1.2.0"
    assert citation["version"] == gf.__version__
    assert citation["title"] and citation["authors"] and citation["license"] == "MIT"


def test_the_bundled_example_needs_no_pint_and_no_frame_library() -> None:
    # Every unit of the example is a plain name goalframe defines, and data units equal the
    # indicators': pint (about 0.2 s to import) stays off the path of the README's example.
    loaded = _modules_after(
        "import goalframe as gf\n"
        "fw = gf.load_framework('examples/nl-drug-policy/goals.yaml')\n"
        "gf.evaluate(fw, gf.load_observations('examples/nl-drug-policy/observations.csv'))"
    )
    assert "pint" not in loaded and "narwhals" not in loaded and "pandas" not in loaded


def test_every_plain_unit_name_is_one_pint_knows() -> None:
    # The names checked without pint are exactly names goalframe's registry parses.
    from goalframe import units

    registry = units.get_registry()
    for name in sorted(units._plain_names()):
        registry.parse_units(name)
    assert {"plantation", "plantations", "EUR_million", "kg", "percent"} <= units._plain_names()


@pytest.mark.parametrize("goals", ["goals.yaml", "goals-regional.yaml"])
def test_compare_shares_its_preparation_and_gives_each_methods_own_card(goals: str) -> None:
    # Each series is cut, converted and checked for data caveats once for all the methods;
    # every card must still be exactly the card `evaluate` gives with that method alone.
    from .conftest import EXAMPLE

    framework = gf.load_framework(EXAMPLE / goals)
    observations = gf.load_observations(EXAMPLE / "observations.csv")
    comparison = gf.compare(framework, observations, as_of="2026-11-28")
    alone = gf.evaluate(framework, observations, as_of="2026-11-28")
    assert comparison.own.to_dict() == alone.to_dict()
    for method, card in zip(comparison.methods, comparison.cards, strict=True):
        alone = gf.evaluate(framework, observations, as_of="2026-11-28", method=method)
        assert card.to_dict() == alone.to_dict(), method


def test_the_version_the_changelog_and_the_added_in_notes_agree() -> None:
    # The version said 0.1.0 while notes said "Added in 0.3" and the changelog had no release.
    import re
    from pathlib import Path

    root = Path(__file__).parent.parent
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.M)
    assert releases, "the changelog has no release section"
    assert releases[0] == gf.__version__
    assert changelog.index("## [Unreleased]") < changelog.index(f"## [{releases[0]}]")
    major, minor = (int(x) for x in gf.__version__.split(".")[:2])
    for path in (root / "src" / "goalframe").rglob("*.py"):
        for found in re.findall(r"Added in (\d+)\.(\d+)", path.read_text(encoding="utf-8")):
            # A name added since the release is "Added in" the next one (under Unreleased).
            assert (int(found[0]), int(found[1])) <= (major, minor + 1), (path, found)
