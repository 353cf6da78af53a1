"""Every card explains its own marks, and a published page speaks to readers (issue 28, 8).

Found: nothing said what `↑✗`/`↓✓` in the Trend column or "Score 1.00" mean; a published
HTML page's header carried a command-line hint ("pass --as-of to reproduce").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import goalframe as gf

EXAMPLE = Path(__file__).parents[2] / "examples" / "nl-drug-policy"


@pytest.fixture(scope="module")
def card() -> gf.Scorecard:
    framework = gf.load_framework(EXAMPLE / "goals.yaml")
    return gf.evaluate(framework, gf.load_observations(EXAMPLE / "observations.csv"))


@pytest.mark.parametrize(
    ("lang", "trend", "score"),
    [
        ("en", "✓ in the desired direction, ✗ against it", "4 achieved, 3 on track"),
        ("nl", "✓ in de gewenste richting, ✗ ertegenin", "4 behaald, 3 op koers"),
    ],
)
def test_the_trend_marks_and_the_score_are_explained_on_every_card(
    card: gf.Scorecard, lang: str, trend: str, score: str
) -> None:
    page = " ".join(re.sub(r"<[^>]+>", " ", card.to_html(lang=lang)).split())
    for text in (card.to_markdown(lang=lang), card.to_text(width=200, lang=lang), page):
        flat = " ".join(text.split())
        assert trend in flat and score in flat
        assert "0 " in flat  # the bottom of the scale is said too


def test_a_page_made_today_says_so_and_keeps_the_command_for_its_footer(
    card: gf.Scorecard,
) -> None:
    page = card.to_html()
    header, footer = page.split("<footer>")
    assert "the day the card was made" in header and "--as-of" not in header
    assert f"give --as-of {card.as_of}" in footer
    assert "pass --as-of to reproduce" in card.to_markdown()  # a terminal's reader runs it


def test_a_page_with_a_given_date_needs_no_note(card: gf.Scorecard) -> None:
    framework = gf.load_framework(EXAMPLE / "goals.yaml")
    dated = gf.evaluate(
        framework, gf.load_observations(EXAMPLE / "observations.csv"), as_of="2024-06-30"
    )
    assert "--as-of" not in dated.to_html()
