"""goalframe benchmarks: start-up, the bundled example, and evaluation at statistics-office scale.

Run from the repository root:

    python benchmarks/bench.py            # all benchmarks, medians of repeated runs
    python benchmarks/bench.py --quick    # fewer repeats

Figures are medians (and the spread as min-max) because shared machines are noisy; compare
ratios between runs on the same machine rather than absolute numbers across machines.
"""

from __future__ import annotations

import argparse
import csv
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "nl-drug-policy"


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def report(name: str, seconds: list[float], per: int | None = None, unit: str = "") -> None:
    med = statistics.median(seconds)
    line = (
        f"{name:<48} median {med * 1000:9.1f} ms  (min {min(seconds) * 1000:.1f}, "
        f"max {max(seconds) * 1000:.1f}, n={len(seconds)})"
    )
    if per:
        line += f"  = {med / per * 1e6:.2f} µs per {unit}"
    print(line)


def run_command(args: list[str]) -> Callable[[], object]:
    return lambda: subprocess.run(args, check=True, capture_output=True)


def synthetic(tmp: Path, indicators: int, years: int) -> tuple[Path, Path]:
    """A goal file with many indicators and a long CSV with a series for each."""
    goals = tmp / "goals.yaml"
    lines = ["id: bench", "title: Benchmark", "indicators:"]
    for i in range(indicators):
        lines += [
            f"  - id: ind{i}",
            f"    name: Indicator {i}",
            "    unit: kg",
            "    direction: increase",
            f"    target: {{baseline: {{value: {100 + i % 7}, period: 2010}}, value: 200, "
            "deadline: 2030}",
        ]
    goals.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = tmp / "observations.csv"
    with data.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["indicator", "period", "value", "unit"])
        for i in range(indicators):
            for y in range(years):
                # Half the rows in tonnes, so that unit conversion is on the measured path.
                value = 100 + i % 7 + y * (1 + i % 5)
                unit = "kg" if y % 2 else "t"
                writer.writerow([f"ind{i}", 2010 + y, value / 1000 if unit == "t" else value, unit])
    return goals, data


# Long: the benchmark's steps in the order it reports them, each timed beside its anchor.
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    repeat = 5 if args.quick else 15

    import goalframe as gf
    from goalframe.progress import get_method

    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.system()}; "
        f"goalframe {gf.__version__}"
    )
    exe = [sys.executable, "-m", "goalframe"]
    report("process: python -c pass", timed(run_command([sys.executable, "-c", "pass"]), repeat))
    report(
        "process: import goalframe",
        timed(run_command([sys.executable, "-c", "import goalframe"]), repeat),
    )
    report("process: goalframe --version", timed(run_command([*exe, "--version"]), repeat))
    report("process: goalframe --help", timed(run_command([*exe, "--help"]), repeat))
    report(
        "process: goalframe scorecard (bundled example)",
        timed(
            run_command(
                [
                    *exe,
                    "scorecard",
                    str(EXAMPLE / "goals.yaml"),
                    "--data",
                    str(EXAMPLE / "observations.csv"),
                ]
            ),
            repeat,
        ),
    )

    framework = gf.load_framework(EXAMPLE / "goals.yaml")
    observations = gf.load_observations(EXAMPLE / "observations.csv")
    report(
        "in-process: evaluate bundled example",
        timed(lambda: gf.evaluate(framework, observations), repeat),
    )
    card = gf.evaluate(framework, observations)
    report("in-process: render example as table", timed(lambda: card.to_text(), repeat))
    report("in-process: render example as markdown", timed(lambda: card.to_markdown(), repeat))
    report("in-process: render example as json", timed(lambda: card.to_json(), repeat))
    report("in-process: render example as html", timed(lambda: card.to_html(), repeat))
    report("in-process: render example as csv", timed(lambda: card.to_csv(), repeat))
    print(f"{'html size of the example':<48} {len(card.to_html().encode()):,} bytes")

    method = get_method("trajectory")
    series = gf.Series.from_pairs({2010 + y: 100 + 3 * y for y in range(15)})
    goal = framework.indicator("drug_waste_dumpings").goal
    assert goal is not None
    calls = 20_000
    report(
        "method: trajectory on a 15-point series",
        timed(lambda: [method(series, goal, {}) for _ in range(calls)], max(3, repeat // 3)),
        per=calls,
        unit="series",
    )

    with tempfile.TemporaryDirectory() as tmp:
        n, years = 10_000, 10
        goals_path, data_path = synthetic(Path(tmp), n, years)
        small = max(3, repeat // 3)
        report(
            f"load goal file ({n:,} indicators)",
            timed(lambda: gf.load_framework(goals_path), small),
            per=n,
            unit="indicator",
        )
        big = gf.load_framework(goals_path)
        report(
            f"load CSV ({n * years:,} rows)",
            timed(lambda: gf.load_observations(data_path), small),
            per=n * years,
            unit="row",
        )
        obs = gf.load_observations(data_path)
        report(
            f"evaluate ({n:,} series x {years} points, half in t)",
            timed(lambda: gf.evaluate(big, obs), small),
            per=n,
            unit="series",
        )
        # Rendering must grow linearly with the card: the same measure at 2,000 and 4,000
        # indicators, side by side; a ratio near 2 is linear, near 4 quadratic.
        medians = {}
        for m in (2_000, 4_000):
            (Path(tmp) / f"r{m}").mkdir()
            goals_m, data_m = synthetic(Path(tmp) / f"r{m}", m, years)
            card_m = gf.evaluate(gf.load_framework(goals_m), gf.load_observations(data_m))
            for form in ("html", "json"):
                render = getattr(card_m, f"to_{form}")
                seconds = timed(render, small)
                medians[form, m] = statistics.median(seconds)
                report(f"render {form} ({m:,} indicators)", seconds, per=m, unit="indicator")
        for form in ("html", "json"):
            ratio = medians[form, 4_000] / medians[form, 2_000]
            print(f"{'render ' + form + ': time at 4,000 / at 2,000':<48} {ratio:.2f}x")


if __name__ == "__main__":
    main()
