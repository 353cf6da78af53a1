from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalframe as gf
from goalframe.errors import UnknownFormatError
from goalframe.render import render
from goalframe.render.markdown import escape

ROOT = Path(__file__).resolve().parents[2]

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("GOALFRAME_UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed; run with GOALFRAME_UPDATE_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("markdown", "example.md"), ("table", "example.txt"), ("json", "example.json")],
)
def test_golden_outputs(card: gf.Scorecard, fmt: str, name: str) -> None:
    check_golden(name, render(card, fmt))


def test_json_layout(card: gf.Scorecard) -> None:
    data = json.loads(card.to_json())
    assert data["schema_version"] == 1
    first = data["indicators"][0]
    for key in ("id", "status", "label", "method", "progress", "baseline", "latest", "target"):
        assert key in first
    assert first["baseline"] == {"period": 2019, "value": 191.0}
    assert data["counts"]["outcome_unknown"] == 2
    assert data["as_of"] == "2026-11-28" and data["as_of_given"] is False
    assert first["target"]["provenance"] == "illustrative" and first["target"]["note"]
    assert [c["code"] for c in first["caveats"]] == ["illustrative-target"]
    assets = next(i for i in data["indicators"] if i["id"] == "criminal_assets_collected")
    assert (assets["status"], assets["final"]) == ("achieved", True)
    # Periods are lists in JSON, not one string to split.
    assert (assets["components"]["met"], assets["components"]["missed"]) == (["2015", "2017"], [])
    effort = next(o for o in data["objectives"] if o["id"] == "enforcement-effort")
    assert (effort["status"], effort["met"], effort["decided"]) == ("outcome_unknown", 1, 1)
    first_aside = data["set_aside"][0]
    path, line = first_aside["location"].rsplit(":", 1)
    row = (ROOT / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert row.startswith("cannabis_plantations_dismantled,") and ",NL," not in row
    assert card.to_dict() == data


def test_unknown_format(card: gf.Scorecard) -> None:
    with pytest.raises(UnknownFormatError, match="choose one of table, markdown, json"):
        render(card, "pdf")


def test_explain(card: gf.Scorecard) -> None:
    text = card.explain("criminal_networks_tackled")
    assert text.startswith("criminal_networks_tackled (Criminal networks tackled; unit: network)")
    # Every number compared: each year of the norm in force against its value; the earlier
    # norms and the goalposts beside it.
    assert "  2023: no figure, against >= 1,530" in text
    assert "other target (earlier): at least 950 a year, 2015-2018: outcome unknown" in text
    assert "goalposts: 950 (set 2014, Veiligheidsagenda 2015-2018 (kst-29911-173)) -> " in text
    assert "caveat missing-periods: no figure for 2023, 2024, 2025" in text


HOSTILE = "<script>alert(1)</script> | [bold]x[/bold] *y* `z`"


def hostile_card(name: str) -> gf.Scorecard:
    spec = {
        "id": "h",
        "title": name,
        "objectives": [{"id": "o", "statement": name, "indicators": ["i"]}],
        "indicators": [
            {
                "id": "i",
                "name": name,
                "unit": "case",
                "direction": "increase",
                "interpretation": name,
                "source": name,
                "target": {"baseline": {"value": 1, "period": 2020}, "value": 3, "deadline": 2024},
            }
        ],
    }
    framework = gf.compile_framework(gf.schema.FrameworkSpec.model_validate(spec))
    obs = gf.observations_from_records(
        [{"indicator": "i", "period": 2022, "value": 2, "unit": "case", "note": name}]
    )
    return gf.evaluate(framework, obs)


def test_user_text_is_never_markup() -> None:
    card = hostile_card(HOSTILE)
    md = card.to_markdown()
    assert "<script>" not in md
    assert "\\<script\\>" in md
    assert "\\| \\[bold\\]" in md
    text = card.to_text(width=200)
    assert "[bold]x[/bold]" in text  # shown literally, not parsed as rich markup
    assert json.loads(card.to_json())["framework"]["title"] == HOSTILE


@given(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60)
    .map(str.strip)
    .filter(bool)
)
def test_renderers_never_crash_on_any_text(name: str) -> None:
    card = hostile_card(name)
    for fmt in ("table", "markdown", "json"):
        assert render(card, fmt)
    md_row = next(
        line for line in card.to_markdown().splitlines() if line.startswith("| ") and "case" in line
    )
    assert md_row.count(" | ") >= 7  # user text cannot break the table


def test_escape() -> None:
    assert escape("a|b") == "a\\|b"
    assert escape("line\nbreak") == "line break"


def _closed(node: object) -> object:
    """The schema with every object closed to undeclared properties."""
    if isinstance(node, dict):
        out = {k: _closed(v) for k, v in node.items()}
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out
    if isinstance(node, list):
        return [_closed(v) for v in node]
    return node


def test_json_matches_its_published_schema(card: gf.Scorecard) -> None:
    import jsonschema

    from goalframe.render.json import scorecard_schema

    schema = json.loads(scorecard_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "new fields may appear" in schema["description"]
    # The published schema lets new fields appear; here every field must be declared, so that
    # the schema cannot fall behind the output.
    validator = jsonschema.Draft202012Validator(_closed(schema))
    for method in (None, "forecast", "open-sdg", "eurostat", "norm"):
        document = json.loads(
            gf.evaluate(
                gf.load_framework("examples/nl-drug-policy/goals.yaml"),
                gf.load_observations("examples/nl-drug-policy/observations.csv"),
                method=method,
            ).to_json()
        )
        assert list(validator.iter_errors(document)) == []
    assert list(validator.iter_errors(json.loads(hostile_card(HOSTILE).to_json()))) == []
    bad = json.loads(card.to_json())
    bad["indicators"][0]["status"] = "great"
    assert list(validator.iter_errors(bad))  # the schema can fail


def test_the_scorecard_schema_is_generated_from_the_writers_types() -> None:
    # Issue 30, point 7: the schema was a 1,000-line hand-written file kept in step by tests.
    # It is generated from the TypedDicts the writer is annotated with; the vocabularies come
    # from their registries, so a new status or language is in the schema without an edit.
    from goalframe._assessment import Status
    from goalframe._text import catalogue_languages
    from goalframe.render._json_card import Card
    from goalframe.render.json import scorecard_schema
    from goalframe.schema import TargetType

    schema = json.loads(scorecard_schema())
    defs = schema["$defs"]
    assert set(schema["required"]) == set(Card.__annotations__)
    assert defs["Indicator"]["properties"]["status"]["enum"] == [s.value for s in Status]
    languages = defs["Framework"]["properties"]["language"]["enum"]
    assert languages == list(catalogue_languages())
    types = defs["Target"]["properties"]["type"]["enum"]
    assert types == [t.value for t in TargetType]
    assert "goalframe.invalid" not in json.dumps(schema)  # no invented address
    if os.environ.get("GOALFRAME_LOWEST_VERSIONS") != "1":  # (the docs' file is made with
        # the newest pydantic, whose wording of a schema differs from the floor's)
        published = (ROOT / "docs" / "reference" / "scorecard.schema.json").read_text()
        assert published == scorecard_schema()


def test_published_cards_name_files_not_local_folders() -> None:
    example = ROOT / "examples" / "nl-drug-policy"
    card = gf.evaluate(
        gf.load_framework(example / "goals.yaml"),
        gf.load_observations(example / "observations.csv"),
    )
    assert card.origin.startswith(str(ROOT))  # absolute in, as the caller gave it
    for text in (card.to_html(), card.to_markdown()):
        assert str(ROOT) not in text
        assert "goals.yaml" in text and "observations.csv" in text


def test_csv_numbers_are_rounded_computed_shares_and_exact_figures(card: gf.Scorecard) -> None:
    import csv
    import io

    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(card.to_csv()))}
    dumpings = rows["drug_waste_dumpings"]
    # 191 in 2019 to 95.5 by 2026, 191 in 2023: made 0 (not "-0.0"); expected 4 of 7 years.
    assert (dumpings["progress"], dumpings["expected_progress"]) == ("0.0", "0.571429")
    assert (dumpings["baseline"], dumpings["target"]) == ("191.0", "95.5")
    for row in rows.values():
        for key in ("progress", "expected_progress", "score"):
            assert row[key] == "" or len(row[key].split(".")[-1]) <= 6


def test_dutch_cards_write_numbers_the_dutch_way(card: gf.Scorecard) -> None:
    from goalframe.render._format import number

    # Forty thousand is 40,641 in English and 40.641 in Dutch; a decimal is 35.357,7.
    assert (number(40641), number(40641, "nl")) == ("40,641", "40.641")
    assert (number(35357.7), number(35357.7, "nl")) == ("35,357.7", "35.357,7")
    assert number(0.125, "nl") == "0,125"
    dutch, english = card.to_markdown(lang="nl"), card.to_markdown(lang="en")
    assert "25.900 (2024)" in dutch and "25,900 (2024)" not in dutch
    assert "25,900 (2024)" in english
    assert "ten minste 1.370 per jaar" in dutch
    assert "25.900" in card.to_html(lang="nl")
