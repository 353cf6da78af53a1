"""Worked examples per method on the frame engine, with the hand arithmetic."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalframe as gf

from .._profile import engines, examples
from ._compare import SMALL, _native_table
from .strategies import _framework


def test_open_sdg_in_the_frame_worked_example() -> None:
    # From 10 in 2016 to 20 by 2030; 15 in 2024. Open SDG's method 2 by hand:
    # observed CAGR (15/10)^(1/8) - 1 = 0.0519895, required (20/10)^(1/14) - 1 = 0.0507566,
    # pv = 0.0519895 / 0.0507566 = 1.02429 >= 0.95: substantial progress (on track);
    # score 7.1429 * 1.02429 - 4.2857 = 3.0307 (below the cap of 5).
    pd = pytest.importorskip("pandas")
    rows = [
        {"indicator": "x", "region": "", "period": 2016, "value": 10.0, "unit": "kg"},
        {"indicator": "x", "region": "", "period": 2024, "value": 15.0, "unit": "kg"},
    ]
    case = {**SMALL, "method": "open-sdg"}
    found = gf.evaluate_frame(_framework(case), pd.DataFrame(rows), as_of="2024").results
    row = found.iloc[0]
    observed = 1.5 ** (1 / 8) - 1
    required = 2 ** (1 / 14) - 1
    assert observed == pytest.approx(0.0519895, abs=1e-7)
    assert required == pytest.approx(0.0507566, abs=1e-7)
    assert observed / required == pytest.approx(1.02429, abs=1e-5)
    assert (row["engine"], row["method"]) == ("frame", "open-sdg")
    assert (row["status"], row["label"]) == ("on_track", "substantial_progress")
    assert row["progress"] == pytest.approx(observed / required, rel=1e-12)
    assert row["score"] == pytest.approx(7.1429 * observed / required - 4.2857, rel=1e-12)
    assert math.isnan(row["expected_progress"])


@pytest.mark.parametrize("backend", engines("polars", "pyarrow", "duckdb"))
@settings(max_examples=examples(40), deadline=None)
@given(
    cases=st.lists(
        st.tuples(
            st.one_of(
                st.floats(-8, 8),
                st.floats(-1e150, 1e150),
                st.floats(-1e-6, 1e-6),
                st.sampled_from([0.0, 1.0, -1.0]),
            ),
            st.integers(1, 60),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_the_closed_form_t_distribution_equals_t_cdf(
    backend: str, cases: list[tuple[float, int]]
) -> None:
    # The frame form's Student's t (whole degrees of freedom, arithmetic and square roots
    # only) against the reference's continued fraction, in the frame's own engine.
    pytest.importorskip(backend)
    import narwhals as nw

    from goalframe._frames.methods._student_t import student_t as _student_t
    from goalframe.progress._stats import t_cdf

    records = [{"z": z, "nu": nu} for z, nu in cases]
    native = _native_table(records, backend)
    found = _student_t(nw.from_native(native).lazy(), "z", "nu", "cdf", terms=31)
    got = found.collect().to_native()
    values = nw.from_native(got, eager_only=True)["cdf"].to_list()
    for (z, nu), value in zip(cases, values, strict=True):
        assert value == pytest.approx(t_cdf(z, nu), abs=1e-12), (z, nu)


def test_escap_in_the_frame_worked_example() -> None:
    # 100 in 2015 (the baseline), 110 in 2016, 115 in 2017; 200 by 2025.
    # Weights w_i = (T - t_0) / (T - t_i): 10/9 for 2016, 10/8 for 2017.
    # g = (10/9 ln 1.1 + 1.25 ln(115/110)) / (10/9 + 1.25)
    #   = (0.1059002 + 0.0555647) / 2.3611111 = 0.0683851;
    # Î_2025 = 115 exp(8 g) = 115 * 1.7282012 = 198.743; AP = (198.743 - 100) / 100 = 0.98743:
    # above 0 and below 1, "accelerate" (needs acceleration), expected 1.
    pd = pytest.importorskip("pandas")
    rows = [
        {"indicator": "x", "region": "", "period": year, "value": value, "unit": "kg"}
        for year, value in [(2015, 100.0), (2016, 110.0), (2017, 115.0)]
    ]
    case = {
        **SMALL,
        "method": "escap",
        "baseline": 100.0,
        "base_year": 2015,
        "target": 200.0,
        "deadline": 2025,
    }
    found = gf.evaluate_frame(_framework(case), pd.DataFrame(rows), as_of="2018").results
    row = found.iloc[0]
    growth = (10 / 9 * math.log(1.1) + 1.25 * math.log(115 / 110)) / (10 / 9 + 1.25)
    anticipated = (115 * math.exp(8 * growth) - 100) / 100
    assert growth == pytest.approx(0.0683851, abs=1e-7)
    assert anticipated == pytest.approx(0.98743, abs=1e-5)
    assert (row["engine"], row["method"]) == ("frame", "escap")
    assert (row["status"], row["label"]) == ("needs_acceleration", "accelerate")
    assert row["progress"] == pytest.approx(anticipated, rel=1e-12)
    assert row["expected_progress"] == 1.0
    # A missing year from the baseline on: that series goes to the reference path.
    gap = [r for r in rows if r["period"] != 2016]
    found = gf.evaluate_frame(_framework(case), pd.DataFrame(gap), as_of="2018").results
    assert found.iloc[0]["engine"] == "reference"


def test_forecast_in_the_frame_worked_example() -> None:
    # 10, 12, 14, 15 in 2016-2019 from the baseline 10 in 2016; 20 by 2022 (x = year - 2016).
    # x̄ = 1.5, ȳ = 12.75; Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5;
    # Sxy = (-1.5)(-2.75) + (-0.5)(-0.75) + (0.5)(1.25) + (1.5)(2.25) = 8.5; slope 1.7.
    # ŷ at x = 6: 12.75 + 1.7 * 4.5 = 20.4. Fitted 10.2, 11.9, 13.6, 15.3: residuals
    # -0.2, 0.1, 0.4, -0.3, SSR 0.30, s² = 0.30 / 2 = 0.15.
    # se = sqrt(0.15 * (1 + 1/4 + 4.5² / 5)) = sqrt(0.15 * 5.3) = 0.891628.
    # z = (20 - 20.4) / 0.891628 = -0.448618; t with 2 degrees of freedom has the closed
    # form F(z) = 1/2 + z / (2 sqrt(2 + z²)) = 0.348814; P = 1 - F = 0.651186:
    # 0.4 <= P < 0.75, "uncertain" (needs acceleration).
    pd = pytest.importorskip("pandas")
    rows = [
        {"indicator": "x", "region": "", "period": year, "value": value, "unit": "kg"}
        for year, value in [(2016, 10.0), (2017, 12.0), (2018, 14.0), (2019, 15.0)]
    ]
    case = {**SMALL, "method": "forecast", "deadline": 2022}
    found = gf.evaluate_frame(_framework(case), pd.DataFrame(rows), as_of="2020").results
    row = found.iloc[0]
    se = math.sqrt(0.15 * 5.3)
    z = (20 - 20.4) / se
    probability = 1 - (0.5 + z / (2 * math.sqrt(2 + z * z)))
    assert se == pytest.approx(0.891628, abs=1e-6)
    assert probability == pytest.approx(0.651186, abs=1e-6)
    assert (row["engine"], row["method"]) == ("frame", "forecast")
    assert (row["status"], row["label"]) == ("needs_acceleration", "uncertain")
    assert row["progress"] == pytest.approx(probability, rel=1e-12)
    card = gf.evaluate(_framework(case), gf.observations_from_records(rows), as_of="2020")
    assert card.indicator("x").assessment.value == pytest.approx(probability, rel=1e-12)
