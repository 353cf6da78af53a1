"""The terminal card at 60, 80, 100 and 140 columns, in English and Dutch.

Goldens record the layout; the checks below fail on their own when a name or a verdict is
cropped, folded mid-word or cut off, whatever the goldens say.
"""

from __future__ import annotations

import re

import pytest

import goalframe as gf
from goalframe.render import _i18n
from goalframe.render.terminal import render_text

from .test_render import ROOT, check_golden

WIDTHS = (60, 80, 100, 140)


@pytest.fixture(scope="module")
def example() -> gf.Scorecard:
    framework = gf.load_framework(ROOT / "examples/nl-drug-policy/goals.yaml")
    observations = gf.load_observations(ROOT / "examples/nl-drug-policy/observations.csv")
    card = gf.evaluate(framework, observations)
    # Golden files name files relatively, wherever the checkout is.
    import attrs

    return attrs.evolve(card, origin="goals.yaml", data_source="observations.csv")


def long_names() -> gf.Scorecard:
    """A framework with long, many-word names and statements, as ministries write them."""
    statement = (
        "Substantially reduce the number of regional drug-production waste dumpings reported "
        "by municipalities and water boards"
    )
    names = [
        "Number of dismantled synthetic-drug production and storage locations per police unit",
        "Proportion of confiscated criminal assets actually collected by the public prosecutor",
        "Cocaine",
    ]
    indicators = "".join(
        f"  - {{id: i{n}, name: '{name}', unit: case, direction: increase, "
        f"target: {{baseline: {{value: 10, period: 2020}}, value: 20, deadline: 2030}}}}\n"
        for n, name in enumerate(names)
    )
    goals = (
        "id: long\ntitle: Long names\n"
        f"objectives: [{{id: o, statement: '{statement}', indicators: [i0, i1, i2]}}]\n"
        f"indicators:\n{indicators}"
    )
    rows = [
        {"indicator": f"i{n}", "period": y, "value": v, "unit": "case"}
        for n in range(3)
        for y, v in ((2020, 10), (2023, 12 + n))
    ]
    return gf.evaluate(gf.parse_framework(goals), gf.observations_from_records(rows), as_of=2024)


def _tokens(text: str) -> set[str]:
    return set(re.split(r"\s+", text))


def assert_readable(card: gf.Scorecard, text: str, width: int, lang: str) -> None:
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width, "a line is wider than the terminal"
    # "…" means text was cut (an unknown outcome is marked "○", so the two cannot be confused)
    assert "…" not in text, "a cell was cut off with an ellipsis"
    tokens = _tokens(text)
    for result in card.indicators:
        for word in result.indicator.name.split():
            assert word in tokens, f"{word!r} of {result.indicator.name!r} was broken or cropped"
        for word in _i18n.status(lang, result.status).split():
            assert word in tokens, f"verdict word {word!r} was broken or cropped"
    for objective in card.objectives:
        for word in objective.objective.statement.split():
            assert word in tokens, f"{word!r} of an objective was broken or cropped"


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_example_at_every_width(example: gf.Scorecard, width: int, lang: str) -> None:
    text = render_text(example, width=width, lang=lang)
    assert_readable(example, text, width, lang)
    check_golden(f"terminal-{lang}-{width}.txt", text)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("width", WIDTHS)
def test_long_names_at_every_width(width: int, lang: str) -> None:
    card = long_names()
    assert_readable(card, render_text(card, width=width, lang=lang), width, lang)


def test_wide_terminals_keep_the_table_and_narrow_ones_stack(example: gf.Scorecard) -> None:
    wide = render_text(example, width=140)
    narrow = render_text(example, width=60)
    assert "━" in wide and "  Verdict: " not in wide
    assert "  Verdict: " in narrow  # one block per row, every name on its own line


@pytest.mark.parametrize("width", WIDTHS)
def test_the_method_comparison_at_every_width(width: int) -> None:
    from goalframe.render.terminal_comparison import render_comparison_text

    comparison = gf.compare(
        gf.load_framework(ROOT / "examples/nl-drug-policy/goals.yaml"),
        gf.load_observations(ROOT / "examples/nl-drug-policy/observations.csv"),
    )
    text = render_comparison_text(comparison, width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    tokens = _tokens(text)
    rows = list(comparison.rows())
    assert rows  # the indicators with a target; context indicators are not compared
    for _, name, _, _ in rows:
        for word in name.split():
            assert word in tokens, f"{word!r} was broken or cropped at {width} columns"
    for method in comparison.methods:
        assert method in tokens or f"{method}:" in tokens


def _block_of(text: str, first: str) -> list[str]:
    """The line starting with ``first`` and the lines that continue it (more indented)."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.strip().startswith(first))
    indent = len(lines[start]) - len(lines[start].lstrip())
    block = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.strip() or len(line) - len(line.lstrip()) <= indent:
            break
        block.append(line)
    return block


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("width", [60, 70, 80])
def test_continuation_lines_keep_the_trees_indentation(
    example: gf.Scorecard, width: int, lang: str
) -> None:
    # Issue 28, point 6: at 60-80 columns a wrapped statement's second line started at the
    # left edge, so the tree's depth showed on first lines only.
    text = render_text(example, width=width, lang=lang)
    for o in example.objectives:
        head = " ".join(o.objective.statement.split()[:3])
        block = _block_of(text, head)
        depth = len(block[0]) - len(block[0].lstrip())
        assert depth == 2 * o.depth, (head, block[0])
        words = " ".join(line.strip() for line in block)
        assert o.objective.statement in words  # the whole statement, under its first line
    # The header's facts hang under their label too.
    owner = _block_of(text, _i18n.text(lang, "owner"))
    assert len(owner) >= 2 and all(line.startswith("  ") for line in owner[1:])


@pytest.mark.parametrize("width", [60, 70, 80])
def test_a_label_is_never_split_from_its_value(example: gf.Scorecard, width: int) -> None:
    # Issue 28, point 6: "Target:" ended one line and "6,000 (2025)" began the next.
    text = render_text(example, width=width)
    for label in ("Baseline", "Latest", "Target", "Trend", "Verdict", "Score"):
        assert not re.search(rf"{label}:\s*$", text, re.MULTILINE), label
    for line in text.splitlines():
        # A figure's period starting a line (prose such as "(2021), Aanpak ..." may wrap).
        assert not re.match(r"\s*\(\d{4}\)\s*(·|$)", line), f"a period cut off: {line!r}"
    assert "Target: 6,000 (2025)" in text


def test_a_wide_terminal_gives_the_verdict_its_words_before_the_name_its_spare_room(
    example: gf.Scorecard,
) -> None:
    # Issue 28, point 6: at 140 columns "insufficient progress" wrapped in an 18-column
    # verdict column while the name column had 40 characters to spare.
    text = render_text(example, width=140)
    table = text[text.index("Indicators") :]
    assert "━" in table
    assert re.search(r"▼ insufficient progress\s*$", table, re.MULTILINE)
    assert "on 221 (2017); since: 261 (2019)" in table
