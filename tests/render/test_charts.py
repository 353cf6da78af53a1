"""The chart rules: zero in view, gaps as gaps, target lines only where a target defines one,
norms over their own span with missed periods marked, a legend of what is drawn."""

from __future__ import annotations

import re

import goalframe as gf
from goalframe.render.svg import BOTTOM, HEIGHT, indicator_chart


def _card(target: str, rows: list[tuple[int, float]], direction: str = "increase") -> gf.Scorecard:
    goals = (
        "id: c\ntitle: Charts\nobjectives: [{id: o, statement: S, indicators: [n]}]\n"
        f"indicators: [{{id: n, name: N, unit: case, direction: {direction}, target: {target}}}]\n"
    )
    records = [{"indicator": "n", "period": y, "value": v, "unit": "case"} for y, v in rows]
    return gf.evaluate(gf.parse_framework(goals), gf.observations_from_records(records), as_of=2030)


def _paths(svg: str, css: str) -> list[str]:
    return re.findall(rf'<path d="([^"]+)" class="{css}"', svg)


def test_the_value_axis_starts_at_zero() -> None:
    # A rise of 29 % (100 -> 129) must not fill the chart: 0 is the bottom tick.
    card = _card("{baseline: {value: 100, period: 2015}, value: 150, deadline: 2030}",
                 [(2015, 100), (2020, 129)])  # fmt: skip
    svg = indicator_chart(card.indicators[0])
    ticks = re.findall(r'class="tick" text-anchor="end" dominant-baseline="middle">([^<]+)<', svg)
    assert ticks[0] == "0"
    zero_y = float(re.findall(r'<text x="\d+" y="([\d.]+)" class="tick" text-anchor="end"', svg)[0])
    assert zero_y == HEIGHT - BOTTOM  # at the axis, not padded below it


def test_a_missing_year_is_a_gap() -> None:
    card = _card("{baseline: {value: 10, period: 2015}, value: 20, deadline: 2030}",
                 [(2015, 10), (2016, 11), (2017, 12), (2019, 14), (2020, 15)])  # fmt: skip
    svg = indicator_chart(card.indicators[0])
    lines = _paths(svg, "observed")
    # 2015-2017 and 2019-2020: two lines, none across the missing 2018.
    assert [line.count("L") for line in lines] == [2, 1]
    assert svg.count('class="point"') == 5


def test_milestones_are_points_not_a_line() -> None:
    card = _card("{type: milestones, milestones: {2021: 10, 2023: 12, 2025: 14}}",
                 [(2021, 11), (2023, 12)])  # fmt: skip
    result = card.indicators[0]
    svg = indicator_chart(result)
    assert _paths(svg, "target-line") == []
    assert svg.count('class="target"') == 3
    legend = re.search(r'<figcaption class="legend">(.*?)</figcaption>', card.to_html(), re.S)
    assert legend and "target line" not in legend[1] and "targets" in legend[1]


def test_a_norm_is_drawn_over_its_span_with_missed_periods_marked() -> None:
    card = _card("{type: norm, value: 950, period: {start: 2015, end: 2018}}",
                 [(2013, 500), (2015, 1188), (2016, 900), (2017, 1361), (2018, 1400),
                  (2020, 800)])  # fmt: skip
    svg = indicator_chart(card.indicators[0])
    (norm,) = _paths(svg, "norm-line")
    start, end = (float(v) for v in re.match(r"M([\d.]+),[\d.]+H([\d.]+)", norm).groups())  # type: ignore[union-attr]
    xs = {
        label: float(x)
        for x, label in re.findall(r'<circle cx="([\d.]+)"[^>]*><title>(\d{4}):', svg)
    }
    assert xs["2013"] < start <= xs["2015"] and xs["2018"] < end < xs["2020"]
    missed = re.findall(r'class="point missed"[^>]*><title>(\d{4})', svg)
    # 900 in 2016 missed the norm; 500 (2013) and 800 (2020) are outside its span.
    assert missed == ["2016"]


def test_the_legend_names_only_what_is_drawn() -> None:
    card = _card("{baseline: {value: 10, period: 2015}, value: 20, deadline: 2030}",
                 [(2015, 10), (2020, 15)])  # fmt: skip
    legend = re.search(r'<figcaption class="legend">(.*?)</figcaption>', card.to_html(), re.S)
    assert legend and "target line" in legend[1] and "Flags" not in legend[1]


def _several(as_of: int) -> gf.Scorecard:
    # Norms in turn: at least 950 a year in 2015-2016 (official), 1,370 in 2017-2018
    # (official), then an illustrative 1,530 by 2022.
    goals = """
id: c
title: Charts
objectives: [{id: o, statement: S, indicators: [n]}]
indicators:
  - id: n
    name: N
    unit: case
    direction: increase
    targets:
      - {type: norm, value: 950, period: {start: 2015, end: 2016}, source: {name: Plan}}
      - {type: norm, value: 1370, period: {start: 2017, end: 2018}, source: {name: Plan}}
      - {value: 1530, deadline: 2022, baseline: {value: 1400, period: 2018},
         provenance: illustrative}
"""
    rows = [(2015, 1188), (2016, 900), (2017, 1400), (2018, 1400), (2019, 1450)]
    records = [{"indicator": "n", "period": y, "value": v, "unit": "case"} for y, v in rows]
    return gf.evaluate(
        gf.parse_framework(goals), gf.observations_from_records(records), as_of=as_of
    )


def test_every_target_is_drawn_where_it_applies() -> None:
    # Read in 2019: the two norms are earlier (950 missed in 2016 by 900; 1,370 met in
    # 2017 and 2018), the illustrative 1,530 by 2022 is in force.
    svg = indicator_chart(_several(2019).indicators[0])
    earlier = re.findall(r'class="norm-line earlier" stroke="[^"]+"><title>([^<]+)<', svg)
    assert earlier == [
        "at least 950 a year, 2015-2016 · earlier · missed (case)",
        "at least 1,370 a year, 2017-2018 · earlier · achieved (case)",
    ]
    marks = re.findall(r'class="verdict-mark">([^<]+)<', svg)
    assert marks == ["✗", "✔"]
    # 900 (2016) is below the earlier norm of its own span, and marked.
    assert re.findall(r'class="point missed"[^>]*><title>(\d{4})', svg) == ["2016"]


def test_a_target_to_come_is_drawn_and_an_illustrative_one_says_so() -> None:
    # Read in 2015: the first norm is in force; the second and the illustrative 1,530 are
    # to come, drawn lighter, the illustrative one marked in its class and title.
    svg = indicator_chart(_several(2015).indicators[0])
    assert re.findall(r'class="norm-line to-come"[^>]*><title>([^<]+)<', svg) == [
        "at least 1,370 a year, 2017-2018 · to come (case)"
    ]
    assert re.findall(r'class="target to-come illustrative"[^>]*><title>([^<]+)<', svg) == [
        "1,530 by 2022 · to come · illustrative (case)"
    ]
    assert "verdict-mark" not in svg  # no verdict for targets to come
