from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest

import goalframe as gf
from goalframe.render.csv import COLUMNS, safe_text

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
HOSTILE = '<script>alert(1)</script> & "quotes"'


def test_html_golden_and_deterministic(card: gf.Scorecard) -> None:
    html = card.to_html()
    assert html == card.to_html()  # byte-identical: no timestamps, stable order
    path = GOLDEN / "example.html"
    if os.environ.get("GOALFRAME_UPDATE_GOLDEN") == "1":
        path.write_text(html, encoding="utf-8")
    assert html == path.read_text(encoding="utf-8")


def test_html_is_self_contained_and_accessible(card: gf.Scorecard) -> None:
    html = card.to_html()
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<script" not in html.lower()
    assert not re.search(r"\b(src|srcset)=", html)  # no images, frames or scripts to load
    assert "<link" not in html and "@import" not in html and "url(" not in html
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs)
    assert html.count('<article class="indicator"') == len(card.indicators)
    svgs = re.findall(r"<svg.*?</svg>", html, re.DOTALL)
    assert len(svgs) == len(card.indicators)
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "<table>" in html and 'scope="col"' in html
    assert "<details open>" in html  # the objective tree is collapsible
    for words in ("insufficient progress", "outcome unknown", "achieved", "How to read it"):
        assert words in html


def test_html_in_dutch(card: gf.Scorecard) -> None:
    html = card.to_html(lang="nl")
    assert '<html lang="nl">' in html
    assert "onvoldoende voortgang" in html and "Streefwaarde" in html and "Zo lees je dit" in html
    assert "uitkomst onbekend" in html and "ter illustratie" in html
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        card.to_html(lang="fr")


def test_html_escapes_user_text() -> None:
    spec = {
        "id": "h",
        "title": HOSTILE,
        "description": HOSTILE,
        "objectives": [{"id": "o", "statement": HOSTILE, "indicators": ["i"]}],
        "indicators": [
            {
                "id": "i",
                "name": HOSTILE,
                "unit": "case",
                "direction": "increase",
                "interpretation": HOSTILE,
                "definition": HOSTILE,
                "source": {"name": HOSTILE, "url": "javascript:alert(1)"},
                "target": {"baseline": {"value": 1, "period": 2020}, "value": 3, "deadline": 2024},
            }
        ],
    }
    framework = gf.compile_framework(gf.schema.FrameworkSpec.model_validate(spec))
    obs = gf.observations_from_records(
        [{"indicator": "i", "period": 2022, "value": 2, "unit": "case", "note": HOSTILE}]
    )
    html = gf.evaluate(framework, obs).to_html()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html  # only http(s) sources become links
    assert html.count("&lt;script&gt;") >= 6  # title, header, tree, name, notes, chart


def test_repr_html_is_the_page_as_a_scoped_fragment(card: gf.Scorecard) -> None:
    fragment = card._repr_html_()
    assert fragment.startswith('<div class="goalframe-card">')
    assert "<html" not in fragment and "<body" not in fragment
    # Every style rule is scoped to the fragment: no bare `*`, `body` or `h1` rule remains.
    styles = fragment[fragment.index("<style>") + 7 : fragment.index("</style>")]
    selectors = re.findall(r"(?:^|})\s*([^{}@]+)\{", styles)
    assert selectors and all(
        all(s.strip().startswith(".goalframe-card") for s in group.split(","))
        for group in selectors
    )
    assert "Drug-waste dumpings found" in fragment


def test_csv_rows_and_columns(card: gf.Scorecard) -> None:
    text = card.to_csv()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    assert len([r for r in rows if r["record"] == "indicator"]) == len(card.indicators)
    # Every row read and not used is there too, with its reason and place.
    aside = [r for r in rows if r["record"] == "set_aside"]
    assert len(aside) == len(card.set_aside) == 55
    assert aside[0]["reason"].startswith("breakdown not assessed")
    assert aside[0]["location"].startswith("examples/nl-drug-policy/observations.csv:")
    dumpings = next(r for r in rows if r["indicator"] == "drug_waste_dumpings")
    assert dumpings["status"] == "insufficient_progress"
    assert float(dumpings["baseline"]) == 191.0
    assert float(dumpings["progress"]) == 0  # 191 in 2023, as in 2019: no progress
    assert (dumpings["target_provenance"], dumpings["final"]) == ("illustrative", "false")
    assert dumpings["caveats"].startswith("illustrative-target: ")
    assert dumpings["unit"] == "dumping"
    cannabis = next(r for r in rows if r["indicator"] == "cannabis_plantations_dismantled")
    assert float(cannabis["progress"]) < 0  # a negative number stays a number
    assets = next(r for r in rows if r["indicator"] == "criminal_assets_collected")
    assert assets["latest_flags"] == ""
    assert card.to_csv() == text


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+31 6", "'+31 6"),
        ("-1+1", "'-1+1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("", ""),
        (None, ""),
    ],
)
def test_formula_injection_is_neutralised(text: str | None, safe: str) -> None:
    assert safe_text(text) == safe


def test_csv_neutralises_hostile_names() -> None:
    spec = {
        "id": "cmd",
        "title": "T",
        "indicators": [
            {"id": "i", "name": '=HYPERLINK("http://x")', "unit": "case", "source": "@SUM(1)"}
        ],
    }
    framework = gf.compile_framework(gf.schema.FrameworkSpec.model_validate(spec))
    row = next(csv.DictReader(io.StringIO(gf.evaluate(framework, []).to_csv())))
    assert row["framework"] == "cmd"
    assert row["name"].startswith("'=HYPERLINK")
    assert row["source"] == "'@SUM(1)"


# --- a real browser --------------------------------------------------------------------------


# --- horizontal overflow at a phone's and a desktop's width ----------------------------------


# --- notebook display: the fragment leaves its host page alone --------------------------------


def test_short_reprs(card: gf.Scorecard) -> None:
    assert repr(card).startswith("<Scorecard 'nl-drug-policy' as of 2026-11-28: 8 indicators (")
    assert len(repr(card)) < 300
    first = card.indicators[0]
    assert repr(first) == (
        "<IndicatorResult 'drug_waste_dumpings': insufficient_progress (trajectory), "
        "latest 191 (2023), target 95.5 (2026)>"
    )
    assert repr(first.assessment).startswith(
        "<Assessment trajectory: insufficient_progress (far_behind_trajectory), value 0, "
        "expected 0.571429"
    )
    assert "<pre" in first.assessment._repr_html_()
    comparison = gf.compare(
        gf.load_framework(ROOT / "examples/nl-drug-policy/goals.yaml"),
        gf.load_observations(ROOT / "examples/nl-drug-policy/observations.csv"),
    )
    assert repr(comparison).startswith("<Comparison of 7 methods (trajectory, open-sdg")
    fragment = comparison._repr_html_()
    assert len(fragment) < 20_000 and fragment.count("<tr>") == 1 + len(card.indicators)
