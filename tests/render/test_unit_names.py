"""Units by name (issue 28, point 2): cards, axes and tables say a unit as a reader does.

Found: `EUR_million`, `per_100k_inhabitants` and an imported repository's `u_percentage`
on cards and axis titles; a `units:` entry in the goal file had no label.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import goalframe as gf
from goalframe.render._card_text import unit_label

EXAMPLE = Path(__file__).parents[2] / "examples" / "nl-drug-policy"
GOALS = """\
id: u
title: U
units:
  - name: per_100k_inhabitants
    definition: '1e-5'
    label: {en: 'per 100,000 inhabitants', nl: per 100.000 inwoners}
  - {name: unit_test_line, label: test lines}
  - {name: bare_thing}
objectives:
  - {id: o, statement: O, indicators: [rate]}
indicators:
  - id: rate
    name: Rate
    unit: per_100k_inhabitants
    direction: decrease
    target: {baseline: {value: 10, period: 2015}, value: 5, deadline: 2030}
"""


@pytest.mark.parametrize(
    ("unit", "lang", "said"),
    [
        ("EUR_million", "en", "EUR million"),
        ("EUR_million", "nl", "miljoen euro"),
        ("plantation", "nl", "plantages"),
        ("percent", "en", "%"),
        ("percentage_point", "nl", "procentpunt"),
        ("per_100k_inhabitants", "en", "per 100,000 inhabitants"),
        ("per_100k_inhabitants", "nl", "per 100.000 inwoners"),
        ("per_100k_inhabitants", "fr", "per 100,000 inhabitants"),  # no French: the English
        ("unit_test_line", "nl", "test lines"),  # one label for every language
        ("bare_thing", "en", "bare thing"),  # no label: the name, with spaces
        ("some_unit", "en", "some unit"),
    ],
)
def test_a_unit_as_cards_say_it(unit: str, lang: str, said: str) -> None:
    spec = gf.parse_framework(GOALS).spec
    assert unit_label(unit, lang, spec) == said


def test_every_catalogued_unit_has_a_name_in_every_language() -> None:
    from goalframe import _messages

    english, dutch = (_messages.catalogues()[lang]["units"] for lang in ("en", "nl"))
    assert set(english) == set(dutch)
    from goalframe.units import conversion

    for unit in english:  # every name is one the registry reads
        conversion(unit, unit)


def test_the_card_and_its_charts_name_units_in_the_readers_words() -> None:
    framework = gf.load_framework(EXAMPLE / "goals.yaml")
    card = gf.evaluate(framework, gf.load_observations(EXAMPLE / "observations.csv"))
    assert "| EUR million |" in card.to_markdown()
    assert "| miljoen euro |" in card.to_markdown(lang="nl")
    page = card.to_html(lang="nl")
    assert 'class="unit">miljoen euro</text>' in page  # the chart's axis title
    shown = re.sub(r'<details class="explain">.*?</details>', "", page, flags=re.DOTALL)
    assert "EUR_million" not in card.to_text(width=160) and "EUR_million" not in shown
    # (the folded explanation is `explain`'s text, which names units by their identifiers)
    assert '"unit": "EUR_million"' in card.to_json()  # programs keep the identifier


def test_an_imported_unit_keeps_the_repository_s_words(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "meta").mkdir()
    (tmp_path / "data" / "indicator_1-1-1.csv").write_text(
        "Year,Units,Value\n2015,Percentage,10\n2020,Percentage,12\n", encoding="utf-8"
    )
    (tmp_path / "meta" / "1-1-1.md").write_text(
        "---\nindicator_name: One\nreporting_status: complete\n---\n", encoding="utf-8"
    )
    imported = gf.import_open_sdg(tmp_path)
    # Issue 28, point 2: a share is the registry's percent (its sign, its limits), not a
    # unit of its own named after the text; other units keep the repository's words.
    assert imported.framework.spec.units == []
    assert imported.framework.indicators[0].unit == "percent"
    card = gf.evaluate(imported.framework, imported.observations, as_of=2021)
    assert "12% (2020)" in card.to_markdown()
    (tmp_path / "data" / "indicator_1-1-1.csv").write_text(
        "Year,Units,Value\n2015,Tonnes per capita,10\n2020,Tonnes per capita,12\n",
        encoding="utf-8",
    )
    (unit,) = gf.import_open_sdg(tmp_path).framework.spec.units
    assert (unit.name, unit.label) == ("u_tonnes_per_capita", "Tonnes per capita")


SHARES = """\
id: s
title: S
objectives:
  - {id: o, statement: O, indicators: [share, gap]}
indicators:
  - id: share
    name: Share of cases solved
    unit: percent
    direction: increase
    target: {baseline: {value: 40, period: 2015}, value: 57.5, deadline: 2030}
  - id: gap
    name: Pay gap
    unit: percentage_point
    direction: decrease
    target: {type: range, low: 0, high: 2.5, deadline: 2030}
"""


def test_percentages_and_points_carry_their_sign_beside_the_figure() -> None:
    # Issue 28, point 2: percentages printed without `%` ("57.5 (2030)" under a column
    # named "%"). Now the figure carries the sign, in the card's language.
    framework = gf.parse_framework(SHARES)
    data = gf.observations_from_records(
        [
            {"indicator": "share", "period": 2015, "value": 40.0, "unit": "percent"},
            {"indicator": "share", "period": 2020, "value": 48.25, "unit": "percent"},
            {"indicator": "gap", "period": 2020, "value": 3.5, "unit": "percentage_point"},
        ]
    )
    card = gf.evaluate(framework, data, as_of=2021)
    english = card.to_markdown()
    assert "40% (2015)" in english and "48.25% (2020)" in english and "57.5% (2030)" in english
    assert "3.5 pp (2020)" in english and "0 pp–2.5 pp" in english
    dutch = card.to_markdown(lang="nl")
    assert "48,25% (2020)" in dutch and "3,5 procentpunt (2020)" in dutch
    assert "48.25% (2020)" in card.to_html() and "48.25%" in card.to_text(width=120)
    # Identifiers and plain numbers stay as they are where scripts read them.
    assert '"value": 48.25' in card.to_json() and "48.25%" not in card.to_csv()


def test_breakdown_columns_by_the_goal_files_label_then_the_catalogue() -> None:
    # Issue 28, point 1: breakdown columns by a label from the goal file (one per language,
    # or one text for all), falling back to the catalogue for common ones (region, sex, age).
    from goalframe.render._card_words import breakdown_heading

    spec = gf.parse_framework(
        GOALS + "breakdowns:\n  region: {en: police unit, nl: politie-eenheid}\n  team: Werkteam\n"
    ).spec
    assert breakdown_heading("region", "en", spec) == "police unit"
    assert breakdown_heading("region", "nl", spec) == "politie-eenheid"
    assert breakdown_heading("region", "fr", spec) == "police unit"  # no French: English
    assert breakdown_heading("team, sex", "nl", spec) == "Werkteam, geslacht"
    assert breakdown_heading("region", "nl") == "regio"  # no label: the catalogue's word
    assert breakdown_heading("police_zone", "en", spec) == "police zone"


@pytest.mark.parametrize(("lang", "heading"), [("en", "police unit"), ("nl", "politie-eenheid")])
def test_the_regional_example_names_its_police_units_on_every_card(lang: str, heading: str) -> None:
    card = gf.evaluate(
        gf.load_framework(EXAMPLE / "goals-regional.yaml"),
        gf.load_observations(EXAMPLE / "observations.csv"),
        as_of=2026,
    )
    for text in (card.to_markdown(lang=lang), card.to_html(lang=lang), card.to_text(lang=lang)):
        assert heading in text
        assert "Per region" not in text and "Per regio" not in text
