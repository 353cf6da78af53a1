"""The columnar engine at scale: many breakdown series, side by side with its baselines.

Run from the repository root (needs polars, pyarrow and duckdb: ``pip install -e .[test]``):

    python benchmarks/scale.py                  # 10 indicators x 10,000 areas x 25 years
    python benchmarks/scale.py --areas 2000     # smaller
    python benchmarks/scale.py --areas 100000   # 1,000,000 series (25 M rows)

It times, in one process and side by side (medians of repeated runs):

- a bare polars read of the Parquet file (the floor for any reader);
- `goalframe.evaluate_frame` on polars (lazy scan of the Parquet; trajectory, then every
  indicator with each other method that has a frame form) and on DuckDB;
- the same trajectory formula as a bare numpy kernel on arrays already in memory;
- the reference per-series path (`goalframe.evaluate`) on a sample of the series, per series;

and reports the ratios. Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

YEARS = list(range(2000, 2025))


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    runs, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), out


def goals(indicators: int) -> str:
    lines = ["schema_version: 1", "id: scale", "title: Scale", "objectives:"]
    lines += [
        "  - id: all",
        "    statement: All",
        f"    indicators: [{', '.join(f'i{k}' for k in range(indicators))}]",
    ]
    lines.append("indicators:")
    for k in range(indicators):
        lines += [
            f"  - id: i{k}",
            f"    name: Indicator {k}",
            "    unit: percent",
            "    direction: increase",
            "    by: [area]",
            "    target:",
            "      baseline: {value: 50, period: 2005}",
            "      change_percent: 20",
            "      deadline: 2030",
        ]
    return "\n".join(lines) + "\n"


def other_goals(indicators: int, target: str | None) -> str:
    """The same indicators with another kind of target instead of a path (no baseline).

    ``None``: no target at all (context indicators).
    """
    old = (
        "      baseline: {value: 50, period: 2005}\n      change_percent: 20\n      deadline: 2030"
    )
    if target is None:
        return goals(indicators).replace(f"    target:\n{old}", "    kind: context")
    return goals(indicators).replace(old, f"      {target}")


#: Other targets, each with a frame form of its own.
OTHER_TARGETS: dict[str, str | None] = {
    "range": "{type: range, low: 45, high: 60, deadline: 2030}",
    "norm": "{type: norm, value: 50, period: {start: 2010, end: 2030}}",
    "cumulative": "{type: cumulative, value: 1500, period: {start: 2010, end: 2030}}",
    "milestones": "{type: milestones, milestones: {2015: 52, 2020: 55, 2025: 58, 2030: 60}}",
    "based milestones": "{type: milestones, milestones: {2015: 52, 2020: 55, 2025: 58, 2030: 60},"
    " baseline: {value: 50, period: 2005}}",
    # a path from each series' first figure (as Open SDG's imported targets have no baseline)
    "undeclared": "{value: 60, deadline: 2030}",
    "no": None,  # context indicators: not assessable, the latest figure shown
}


def data(indicators: int, areas: int) -> Any:
    """A long table: every indicator x area x year, values on a noisy upward trend."""
    import numpy as np
    import pyarrow as pa

    rng = np.random.default_rng(7)
    n_series = indicators * areas
    years = np.tile(np.array(YEARS, dtype=np.int64), n_series)
    series = np.repeat(np.arange(n_series), len(YEARS))
    start = rng.uniform(30, 70, n_series)
    slope = rng.normal(0.4, 0.5, n_series)
    values = start[series] + slope[series] * (years - 2000) + rng.normal(0, 1.5, len(years))
    return pa.table(
        {
            "indicator": pa.array([f"i{k}" for k in series // areas]).dictionary_encode(),
            "area": pa.array([f"a{k}" for k in series % areas]).dictionary_encode(),
            "period": years,
            "value": values,
            "unit": pa.array(["percent"] * len(years)).dictionary_encode(),
        }
    )


def numpy_kernel(values: Any, n_series: int, as_of: int = 2024) -> Any:
    """The trajectory formula for rectangular series (own baseline 2005, +20 % by 2030)."""
    import numpy as np

    grid = values.reshape(n_series, len(YEARS))
    base = grid[:, YEARS.index(2005)]
    target = base * 1.2
    latest = grid[:, YEARS.index(as_of)]
    progress = (latest - base) / (target - base)
    expected = (as_of - 2005) / (2030 - 2005)
    ratio = progress / expected
    return np.select(
        [latest >= target, progress < 0, ratio >= 0.95 - 1e-9, ratio >= 0.6 - 1e-9],
        [4, 0, 3, 2],
        default=1,
    )


# Long: the benchmark's steps in the order it reports them, each timed beside its anchor.
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--indicators", type=int, default=10)
    parser.add_argument("--areas", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sample", type=int, default=500, help="series for the reference path")
    args = parser.parse_args()

    import duckdb
    import polars as pl
    import pyarrow.parquet as pq

    import goalframe as gf

    n_series = args.indicators * args.areas
    machine = platform.processor() or platform.machine()
    print(f"{platform.platform()}, {machine}, Python {sys.version.split()[0]}")
    print(
        f"{args.indicators} indicators x {args.areas:,} areas x {len(YEARS)} years = "
        f"{n_series:,} series, {n_series * len(YEARS):,} rows"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "goals.yaml").write_text(goals(args.indicators), encoding="utf-8")
        framework = gf.load_framework(folder / "goals.yaml")
        table = data(args.indicators, args.areas)
        parquet = folder / "obs.parquet"
        pq.write_table(table, parquet)
        del table

        read, frame = timed(lambda: pl.read_parquet(parquet), args.repeat)
        print(f"bare polars read of the Parquet file        {read:8.3f} s")

        def on_polars() -> Any:
            found = gf.evaluate_frame(framework, pl.scan_parquet(parquet), as_of="2024")
            return found.results.collect()

        t_polars, results = timed(on_polars, args.repeat)
        assert results.height == n_series, results.height  # type: ignore[attr-defined]
        print(
            f"evaluate_frame, polars (Parquet -> results)  {t_polars:8.3f} s  "
            f"({t_polars / n_series * 1e6:.2f} µs per series; {t_polars / read:.1f}x the bare read)"
        )

        for name in ("open-sdg", "eurostat", "unsd", "okr", "forecast", "escap"):

            def on_polars_with(method: str = name) -> Any:
                found = gf.evaluate_frame(
                    framework, pl.scan_parquet(parquet), as_of="2024", method=method
                )
                return found.results.collect()

            t_other, other = timed(on_polars_with, args.repeat)
            engines = set(other["engine"].unique().to_list())  # type: ignore[index]
            assert engines == {"frame"}, engines
            print(
                f"  the same with method {name:<22} {t_other:8.3f} s  "
                f"({t_other / t_polars:.2f}x trajectory)"
            )

        for kind, target in OTHER_TARGETS.items():
            path = folder / f"{kind}.yaml"
            path.write_text(other_goals(args.indicators, target), encoding="utf-8")
            others = gf.load_framework(path)

            def on_polars_others(fw: Any = others) -> Any:
                found = gf.evaluate_frame(fw, pl.scan_parquet(parquet), as_of="2024")
                return found.results.collect()

            t_kind, other = timed(on_polars_others, args.repeat)
            assert set(other["engine"].unique().to_list()) == {"frame"}  # type: ignore[index]
            print(
                f"  the same as {kind + ' targets':<29} {t_kind:8.3f} s  "
                f"({t_kind / t_polars:.2f}x trajectory)"
            )

        connection = duckdb.connect()

        def on_duckdb() -> Any:
            relation = connection.read_parquet(str(parquet))
            found = gf.evaluate_frame(framework, relation, as_of="2024")
            return found.results.to_arrow_table()

        t_duck, out = timed(on_duckdb, args.repeat)
        assert out.num_rows == n_series  # type: ignore[attr-defined]
        print(
            f"evaluate_frame, DuckDB (Parquet -> results)  {t_duck:8.3f} s  "
            f"({t_duck / n_series * 1e6:.2f} µs per series)"
        )

        ordered = frame.sort(["indicator", "area", "period"])  # type: ignore[attr-defined]
        values = ordered["value"].to_numpy()
        t_numpy, _ = timed(lambda: numpy_kernel(values, n_series), args.repeat)
        print(
            f"bare numpy kernel (arrays in memory)         {t_numpy:8.3f} s  "
            f"(evaluate_frame on polars is {t_polars / t_numpy:.0f}x this, and includes "
            "reading, unit conversion, periods, caveats and labels)"
        )

        sample = frame.filter(  # type: ignore[attr-defined]
            pl.col("area")
            .cast(pl.String)
            .is_in([f"a{k}" for k in range(max(1, args.sample // args.indicators))])
        )
        records = gf.observations_from_frame(sample)
        n_sample = sample.select(pl.struct("indicator", "area").n_unique()).item()
        t_ref, _ = timed(lambda: gf.evaluate(framework, records, as_of="2024"), 1)
        per = t_ref / n_sample
        print(
            f"reference path (gf.evaluate), {n_sample} series   {t_ref:8.3f} s  "
            f"({per * 1e6:.0f} µs per series; the frame engine is "
            f"{per / (t_polars / n_series):.0f}x faster per series)"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory                          {peak:8.0f} MB")


if __name__ == "__main__":
    main()
