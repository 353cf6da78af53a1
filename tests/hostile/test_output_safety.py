"""Hostile text in every field never breaks out of an output.

For each hostile string in each user-text field, every output is checked: the terminal and
`explain` carry no raw control character or bidi override; Markdown has no live HTML, link or
code span made of user text; HTML has no tag made of user text; CSV cells a spreadsheet would
run as formulas are neutralised; JSON parses strictly and carries the text unchanged.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest

import goalframe as gf
from goalframe.schema import FrameworkSpec

from ._helpers import strict_json

HOSTILE = {
    "esc-clear": "\x1b[2J\x1b[H wiped",
    "osc-hyperlink": "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",
    "bell-backspace": "a\x07b\x08c",
    "bidi-override": "safe \u202etxt.exe",
    "bidi-isolate": "\u2066x\u2069 \u200f",
    "c1-controls": "x\x85y\x9bz",
    "nul": "a\x00b",
    "html-img": '<img src=x onerror="alert(1)">',
    "html-script": "<script>alert(1)</script>",
    "md-link": "[click](javascript:alert(1))",
    "md-image-tab": "![x](https://e.example/\tx.png)",
    "md-table-pipe": "a | b | c",
    "md-code-break": "`x` ``y``",
    "md-heading": "# Owned\n## again",
    "formula-eq": '=HYPERLINK("http://evil")',
    "formula-plus": "+1+1",
    "formula-minus": "-2+3",
    "formula-at": "@SUM(A1)",
    "rich-markup": "[bold red]x[/bold red]",
    "long": "w" * 5000,
    "emoji-rtl": "👍 مرحبا",
}
FIELDS = ["title", "name", "statement", "note"]
_RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def card_with(field: str, text: str) -> gf.Scorecard:
    spec: dict[str, Any] = {
        "id": "h",
        "title": text if field == "title" else "Hostile",
        "objectives": [
            {
                "id": "o",
                "statement": text if field == "statement" else "Halve it",
                "indicators": ["i"],
                "note": text if field == "note" else None,
            }
        ],
        "indicators": [
            {
                "id": "i",
                "name": text if field == "name" else "Indicator",
                "unit": "case",
                "direction": "decrease",
                "source": {"name": "Source", "url": "https://e.example/x"},
                "interpretation": text if field == "note" else None,
                "target": {
                    "baseline": {"value": 100, "period": 2018},
                    "value": 50,
                    "deadline": 2026,
                    "note": text if field == "note" else None,
                    "provenance": "illustrative",
                },
            }
        ],
    }
    framework = gf.compile_framework(FrameworkSpec.model_validate(spec))
    obs = gf.observations_from_records(
        [
            {"indicator": "i", "period": 2018, "value": 100, "unit": "case"},
            {"indicator": "i", "period": 2022, "value": 80, "unit": "case", "note": text},
        ]
    )
    return gf.evaluate(framework, obs, as_of=2022)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_stays_text(field: str, name: str) -> None:
    text = HOSTILE[name]
    card = card_with(field, text)
    # Terminal and explain: no raw control character or bidi override reaches the screen.
    for shown in (card.to_text(width=120), card.explain("i")):
        from goalframe._text import clean

        assert not _RAW_CONTROL.search(clean(shown)), name  # what the CLI prints
    assert not _RAW_CONTROL.search(card.to_text(width=120)), name
    # Markdown: user text never becomes HTML, a link, an image or a code span.
    markdown = card.to_markdown()
    assert not _RAW_CONTROL.search(markdown), name
    for live in (r"(?<!\\)<img", r"(?<!\\)<script", r"(?<!\\)\]\(javascript", r"\n# Owned"):
        assert not re.search(live, markdown), (name, live)
    # HTML: escaped by the template engine.
    html = card.to_html()
    assert "<img src=x" not in html and "<script>alert" not in html
    # CSV: no cell starts a formula.
    for row in csv.reader(io.StringIO(card.to_csv())):
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")) or cell.startswith("'"), cell
            if cell.startswith("-") and not re.fullmatch(r"-[0-9.e+-]+", cell):
                pytest.fail(f"formula-like cell {cell!r}")
    # JSON: strict JSON, and the user's text comes back as written.
    data = strict_json(card.to_json())
    assert isinstance(data, dict)
    if field == "title":
        assert data["framework"]["title"] == text.strip()
