"""Property tests over every method and target type, and a bounded fuzz of the command line.

For any series (extreme magnitudes, zeros, negatives, constants, single points, gaps) and any
method: no exception but goalframe's own, no non-finite number in the result, a status from
the vocabulary, the same result twice, and strict JSON from the card.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import goalframe as gf
from goalframe import Status

from .._profile import examples, fuzz_examples
from ._helpers import cli, strict_json

METHODS = (
    "trajectory",
    "open-sdg",
    "eurostat",
    "unsd",
    "escap",
    "okr",
    "forecast",
    "norm",
    "range",
    "binary",
)

magnitudes = st.one_of(
    st.floats(-1e15, 1e15, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, 1.0, -1.0, 1e-300, -1e-300, 1e15, -1e15, 1e-9, 0.5]),
)


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    years = sorted(draw(st.sets(st.integers(1990, 2040), min_size=1, max_size=9)))
    constant = draw(st.booleans())
    first = draw(magnitudes)
    series = {y: first if constant else draw(magnitudes) for y in years}
    kwargs: dict[str, Any] = {
        "direction": draw(st.sampled_from(["increase", "decrease"])),
        "method": draw(st.sampled_from(METHODS)),
        "as_of": draw(st.integers(1990, 2045)),
    }
    if draw(st.booleans()):
        kwargs["target"] = draw(magnitudes)
    if draw(st.booleans()):
        kwargs["target_period"] = draw(st.integers(1991, 2050))
    if draw(st.booleans()):
        kwargs["baseline_period"] = draw(st.sampled_from(years))
    if draw(st.booleans()) and kwargs.get("target_period"):
        mid = draw(st.integers(1991, kwargs["target_period"]))
        kwargs["milestones"] = {mid: draw(magnitudes)}
    if kwargs["method"] == "range":
        low, high = sorted(draw(st.lists(magnitudes, min_size=2, max_size=2)))
        if low < high:
            kwargs["low"], kwargs["high"] = low, high
    if kwargs["method"] == "binary":
        series = {y: float(draw(st.integers(0, 1))) for y in years}
    return {"series": series, "kwargs": kwargs}


def run(case: dict[str, Any]) -> gf.Assessment | None:
    try:
        return gf.assess(case["series"], **case["kwargs"])
    except gf.GoalframeError:
        return None
    except ValueError as exc:  # refused input: the message says why
        if not str(exc):
            raise
        return None


@settings(max_examples=examples(300))
@given(cases())
@example(  # open-sdg's components hold a key 'method', which once clashed with an argument
    {
        "series": {1990: 0.0, 1991: -3.13151306251402e-294, 1992: -1e15, 2035: 0.0},
        "kwargs": {"direction": "increase", "method": "open-sdg", "as_of": 1992},
    }
)
def test_every_method_on_any_series(case: dict[str, Any]) -> None:
    result = run(case)
    if result is None:
        return
    assert result.status in set(Status)
    for number in (result.value, result.expected, result.score):
        assert number is None or math.isfinite(number), result
    for value in result.components.values():
        assert not isinstance(value, float) or math.isfinite(value), result
    assert run(case) == result  # deterministic
    json.dumps({"components": dict(result.components), "value": result.value}, allow_nan=False)
    if result.status is not Status.NOT_ASSESSABLE:
        assert result.label
    else:
        assert result.reason


@given(
    st.lists(
        st.sampled_from(["2015", "2015Q1", "2015-01", "2015-01-01", "2016", "2016Q3"]),
        min_size=2,
        max_size=5,
        unique=True,
    )
)
def test_mixed_frequencies_are_refused_never_a_traceback(periods: list[str]) -> None:
    series = {p: float(i + 1) for i, p in enumerate(periods)}
    kinds = {gf.Period.parse(p).frequency for p in periods}
    if len(kinds) == 1:
        return
    with pytest.raises(ValueError, match="one frequency"):
        gf.assess(series, direction="increase", target=10, target_period=2030)


# --- a bounded fuzz of the command line --------------------------------------------------------

safe_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=30
)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str]:
    """A goal document (as JSON, which YAML reads) and a CSV of observations for it."""
    n = draw(st.integers(1, 3))
    indicators = []
    rows = ["indicator,period,value,unit,flag"]
    for k in range(n):
        direction = draw(st.sampled_from(["increase", "decrease"]))
        base = draw(st.floats(-1e6, 1e6, allow_nan=False))
        step = draw(st.floats(1e-3, 1e6))
        kind = draw(st.sampled_from(["trajectory", "norm", "milestones"]))
        target: dict[str, Any]
        if kind == "trajectory":
            target = {
                "baseline": {"value": base, "period": 2015},
                "value": base + step if direction == "increase" else base - step,
                "deadline": draw(st.integers(2016, 2030)),
            }
        elif kind == "norm":
            target = {"type": "norm", "value": base, "period": {"start": 2015, "end": 2020}}
        else:
            target = {"type": "milestones", "milestones": {2018: base, 2020: base + step}}
        indicators.append(
            {
                "id": f"i{k}",
                "name": draw(safe_text),
                "unit": "case",
                "direction": direction,
                "target": target,
            }
        )
        for year in sorted(draw(st.sets(st.integers(2010, 2030), max_size=6))):
            value = draw(st.one_of(st.floats(-1e15, 1e15, allow_nan=False), st.just(0.0)))
            flag = draw(st.sampled_from(["", "break", "revised", "approx"]))
            rows.append(f"i{k},{year},{value!r},case,{flag}")
    doc = {
        "id": "fuzz",
        "title": draw(safe_text),
        "objectives": [
            {"id": "o", "statement": draw(safe_text), "indicators": [i["id"] for i in indicators]}
        ],
        "indicators": indicators,
    }
    return json.dumps(doc), "\n".join(rows) + "\n"


@settings(
    max_examples=fuzz_examples(60), suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(documents(), st.sampled_from(["json", "table", "markdown", "csv", "html"]))
def test_cli_fuzz(tmp_path: Path, document: tuple[str, str], fmt: str) -> None:
    goals = tmp_path / "fuzz.json"
    goals.write_text(document[0], encoding="utf-8")
    data = tmp_path / "fuzz.csv"
    data.write_text(document[1], encoding="utf-8")
    ended = cli("scorecard", goals, "-d", data, "-f", fmt, "--as-of", "2026")
    assert ended.code in (0, 2), ended
    if ended.code == 2:
        assert ended.err.startswith("goalframe: error: ")
        return
    if fmt == "json":
        card = strict_json(ended.out)
        assert isinstance(card, dict)
        used = sum(len(i["series"]) for i in card["indicators"])
        assert used + len(card["set_aside"]) == len(document[1].splitlines()) - 1
    lint = cli("lint", goals, "-d", data, "--format", "json")
    assert lint.code in (0, 1, 2)
    if lint.code != 2:
        strict_json(lint.out)
