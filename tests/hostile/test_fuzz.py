"""Fuzzing the command line's newer surfaces: `verdicts` beside `scorecard`, and `import`.

Issue 29, point 7: the fuzzing covered `scorecard` and `lint` only. Here hypothesis draws goal
files, observation files with hostile cells, and Open SDG repositories with hostile files, and
requires of every run: exit 0, 1 or 2 (never 3, never a traceback: `cli` checks), and of
`verdicts` the scorecard's answer (both refuse, or both give each headline the same status).

CI runs these with many more examples (``GOALFRAME_FUZZ``, see `.ci/run`); a plain `pytest`
draws a few from a fixed seed.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .._profile import fuzz_examples
from ._helpers import cli, strict_json
from .test_properties import documents

#: Examples a fuzz test draws: ``GOALFRAME_FUZZ`` (CI's fuzzing step) or the profile's.
FUZZING = settings(
    max_examples=fuzz_examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: Cells someone could write where a number goes, readable or not.
HOSTILE_CELLS = st.sampled_from(
    ["", " 5 ", "nan", "inf", "-Infinity", "1e400", "1e-400", "1_000", "1,5", '"1,5"', "0x10",
     "١٢", "12%", "2e15", "true", "5.", ".5", "+5", "1e3", "\u202e5", '"5', "5\x00"]
)  # fmt: skip
#: Periods, readable or not.
HOSTILE_PERIODS = st.sampled_from(
    ["2020", "2020Q1", "2020-01", "2020-02-30", "2020.0", "2020/21", "10000", "", "20x0",
     "2021 Q1", "FY2021", "2015-2016", " 2019 "]
)  # fmt: skip


@st.composite
def hostile_documents(draw: st.DrawFn) -> tuple[str, str]:
    """A goal document and observations for it, some of whose rows are hostile."""
    goals, data = draw(documents())
    lines = data.splitlines()
    for _ in range(draw(st.integers(0, 3))):
        if len(lines) < 2:
            break
        k = draw(st.integers(1, len(lines) - 1))
        cells = next(csv.reader([lines[k]]))
        which = draw(st.sampled_from(["value", "period", "unit", "indicator", "row"]))
        if which == "value":
            cells[2] = draw(HOSTILE_CELLS)
        elif which == "period":
            cells[1] = draw(HOSTILE_PERIODS)
        elif which == "unit":
            cells[3] = draw(st.sampled_from(["", "kg", "case ", "percent"]))
        elif which == "indicator":
            cells[0] = draw(st.sampled_from(["", " i0 ", "i9", "I0"]))
        else:
            lines.append(lines[k])  # a repeated row
            continue
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(cells)
        lines[k] = out.getvalue().replace('"""', '"')
    return goals, "\n".join(lines) + "\n"


#: Goal file of the examples the fuzzer found: three norm targets over 2015-2020.
_NORMS = json.dumps({
    "id": "fuzz", "title": "0",
    "objectives": [{"id": "o", "statement": "0", "indicators": ["i0"]}],
    "indicators": [{
        "id": "i0", "name": "0", "unit": "case", "direction": "increase",
        "target": {"type": "norm", "value": 0.0, "period": {"start": 2015, "end": 2020}},
    }],
})  # fmt: skip


@FUZZING
@given(hostile_documents())
# Found by CI's fuzzing: rows that are one row once the spaces around a cell are gone were
# set aside as a duplicate on the card path and two rows for one period on the engine path.
@example(
    document=(_NORMS, "indicator,period,value,unit,flag\n i0 ,2010,0.0,case,\ni0,2010,0.0,case,\n")
)
@example(
    document=(_NORMS, "indicator,period,value,unit,flag\ni0,2010,0.0,case ,\ni0,2010,0.0,case,\n")
)
def test_fuzz_verdicts_answers_as_scorecard_does(tmp_path: Path, document: tuple[str, str]) -> None:
    pytest.importorskip("polars")
    goals = tmp_path / "fuzz.json"
    goals.write_text(document[0], encoding="utf-8")
    data = tmp_path / "fuzz.csv"
    data.write_text(document[1], encoding="utf-8")
    card = cli("scorecard", goals, "-d", data, "-f", "json", "--as-of", "2026")
    table = cli("verdicts", goals, "-d", data, "--as-of", "2026")
    assert (card.code == 2) == (table.code == 2), (card.err, table.err)
    for ended in (card, table):
        if ended.code == 2:
            assert ended.err.startswith("goalframe: error: ") and len(ended.err) < 20_000
    if card.code == 2:
        return
    statuses = {i["id"]: i["status"] for i in strict_json(card.out)["indicators"]}  # type: ignore[index]
    rows = list(csv.DictReader(io.StringIO(table.out)))
    for row in rows:
        if row["role"] == "headline" and row["target_role"] == "in force":
            assert row["status"] == statuses[row["indicator"]], (row, statuses)


# --- Open SDG repositories -----------------------------------------------------------------

HEADERS = st.sampled_from(
    ["Year,Value", "Year,Series,Units,Value", "Year,Sex,Value", "year,value", "Value",
     "Year,Value,Value", "Year,Units,Value", "Jaar,Waarde", ""]
)  # fmt: skip
META = st.sampled_from(
    [
        "indicator_name: A\nreporting_status: complete\n",
        "indicator_name: A\nauto_progress_calculation: true\nprogress_calculation_options:\n"
        "  - direction: negative\n    target: 5\n    target_year: 2030\n",
        "progress_calculation_options: 5\n",
        "indicator_name: [unclosed\n",
        "indicator_name: A\nindicator_name: B\n",
        "computation_units: Percentage (%)\ndata_start_values: 5\n",
        "---\nindicator_name: A\n---\nprose\n",
        "\x1b[31mindicator_name: red\n",
        "",
    ]
)


@st.composite
def repositories(draw: st.DrawFn) -> dict[str, str]:
    """The files of a small Open SDG repository: data and metadata, some of them hostile."""
    files: dict[str, str] = {}
    for n in range(draw(st.integers(1, 3))):
        code = draw(st.sampled_from([f"1-{n + 1}-1", f"3-{n + 1}-a", "x", "1-1-1"]))
        header = draw(HEADERS)
        width = len(header.split(",")) if header else 1
        rows = [header]
        for _ in range(draw(st.integers(0, 4))):
            row = [
                draw(st.one_of(HOSTILE_PERIODS, st.integers(2010, 2030).map(str)))
                if k == 0
                else draw(st.one_of(HOSTILE_CELLS, st.sampled_from(["Female", "Total", "%"])))
                for k in range(draw(st.sampled_from([width, width, width - 1, width + 1])))
            ]
            out = io.StringIO()
            csv.writer(out, lineterminator="").writerow(row)
            rows.append(out.getvalue())
        files[f"data/indicator_{code}.csv"] = "\n".join(rows) + "\n"
        suffix = draw(st.sampled_from(["yml", "md"]))
        files[f"meta/{code}.{suffix}"] = draw(META)
    return files


@FUZZING
@given(repositories())
# Found by the fuzzer: a blank Units cell became a unit with an empty label, which the goal
# file the import wrote then refused (the whole import ended in exit 2).
@example(
    files={
        "data/indicator_1-1-1.csv": "Year,Series,Units,Value\n2020,,\n2020,, 5 ,\n",
        "meta/1-1-1.yml": "indicator_name: A\nreporting_status: complete\n",
    }
)
def test_fuzz_import_open_sdg_never_aborts_on_one_file(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, str]
) -> None:
    repo = tmp_path_factory.mktemp("repo")
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    ended = cli("import", "open-sdg", repo, "--out", out, "--force")
    assert ended.code in (0, 2), ended
    if ended.code == 2:  # nothing could be imported: said, the report saying why
        assert any(line.startswith("goalframe: error: ") for line in ended.err.splitlines())
        return
    report = json.loads((out / "import-report.json").read_text(encoding="utf-8"))
    for item in report.get("set_aside", []):
        assert item["reason"], item  # every file or indicator set aside says why
    card = cli("scorecard", out / "goals.yaml", "-d", out / "observations.csv", "-f", "json")
    assert card.code in (0, 2), card
    if card.code == 0:
        strict_json(card.out)
    assert "\x1b" not in ended.err + card.err  # no terminal control reaches standard error
