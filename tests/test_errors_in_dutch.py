"""Errors in the reader's language: with ``--lang nl`` every error reading the inputs is Dutch.

Each case below breaks one input the way users do (a row that cannot be read, a goal file
that is not YAML, a spreadsheet that is not a workbook, an SDMX file without units) and runs
the command in Dutch and in English. The Dutch message must hold the Dutch words, and no
fragment of four or more English words from the catalogue's error messages; the English
message must hold the English words, unchanged from before the catalogues said them.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from goalframe import _messages
from goalframe.cli import app

from .conftest import TODAY_EPOCH

ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "SOURCE_DATE_EPOCH": TODAY_EPOCH}

#: Catalogue messages that errors are built from, by the start of their key.
ERROR_KEYS = (
    "number_", "period_", "data_", "file_", "yaml_", "toml_", "goal_", "sdmx_", "unit_", "cli_",
    "explain_", "trap", "method_",
)  # fmt: skip


def _error_fragments() -> list[str]:
    """English error texts Dutch says otherwise, cut at placeholders: 4+ words each.

    Four words, not three: an error quotes its reader's own English text (pyarrow's
    "the file is corrupted"), which no catalogue says.
    """
    english, dutch = _messages.catalogues()["en"], _messages.catalogues()["nl"]
    texts = [
        (english[t][k], dutch[t][k])
        for t, keys in (
            ("messages", [k for k in english["messages"] if k.startswith(ERROR_KEYS)]),
            ("file_kinds", list(english["file_kinds"])),
            ("sdmx_missing", list(english["sdmx_missing"])),
        )
        for k in keys
    ]
    found: set[str] = set()
    for value, said in texts:
        if value == said:
            continue
        for literal, *_ in string.Formatter().parse(value):
            words = literal.strip(" ;:,().'`").split()
            # Code and examples the Dutch text shows as well (pip install ...) are not English.
            if len(words) >= 4 and " ".join(words) not in said:
                found.add(" ".join(words))
    return sorted(found)


def _run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env=ENV)
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.stderr.split())


GOALS = """\
id: g
title: G
objectives: [{id: o, statement: Minder afval, indicators: [afval]}]
indicators:
  - id: afval
    name: Afval
    unit: dumping
    direction: decrease
    target: {baseline: {value: 300, period: 2018}, value: 100, deadline: 2030}
"""

#: A CSV file with one row of every kind the reader refuses, each named by its line.
ROWS = """\
indicator,period,value,unit,flag,vintage
afval,2018,12x,dumping,,
afval,2016-13,5,dumping,,
afval,2021-02-30,5,dumping,,
afval,2019,5,dumping,guess,
,2019,5,dumping,,
afval,2020,5,,,
afval,2021,nan,dumping,,
afval,2022,1_000,dumping,,
afval,2023,5,dumping,,2023-14
afval,2024,5,dumping,,
afval,2024,6,dumping,,
afval,20x,5,dumping,,
afval,2025,1e-400,dumping,,
afval,2019/21,5,dumping,,
"""

SDMX_HEAD = "DATAFLOW,FREQ,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS"

Args = Callable[[Path], list[str | Path]]
Case = tuple[Args, list[str], list[str]]


def _files(folder: Path, **files: str | bytes) -> dict[str, Path]:
    made = {}
    for name, content in files.items():
        path = folder / name.replace("_", ".", 1)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        made[name] = path
    return made


def _scorecard(goals: str | None = GOALS, **data: str | bytes) -> Args:
    def args(folder: Path) -> list[str | Path]:
        made = _files(folder, **data)
        goal_file = folder / "goals.yaml"
        if goals is not None:
            goal_file.write_text(goals, encoding="utf-8")
        return ["scorecard", goal_file, "-d", next(iter(made.values()))]

    return args


def _goal_file(name: str, content: str | None) -> Args:
    def args(folder: Path) -> list[str | Path]:
        data = folder / "obs.csv"
        data.write_text("indicator,period,value,unit\nafval,2018,300,dumping\n", encoding="utf-8")
        path = folder / name
        if content is None:
            path.mkdir()
        elif content != "absent":
            path.write_text(content, encoding="utf-8")
        return ["scorecard", path, "-d", data]

    return args


CASES: dict[str, Case] = {
    "rows": (
        _scorecard(obs_csv=ROWS),
        [
            "obs.csv: 13 regels kunnen niet gelezen worden",
            "obs.csv:2: kolom 'value': waarde '12x' is geen getal; schrijf een getal zoals 12",
            "obs.csv:3: kolom 'period': periode '2016-13' heeft maand 13; maanden lopen van 01",
            "periode '2021-02-30' is geen echte datum: maand 2 van 2021 heeft geen dag 30",
            "kolom 'flag': onbekende markering 'guess'; gebruik een van",
            "obs.csv:6: de cel indicator is leeg",
            "obs.csv:7: de cel unit is leeg",
            "waarde 'nan' is geen eindig getal; laat de cel leeg voor een ontbrekende waarde",
            "waarde '1_000' is geen getal; schrijf cijfers zonder '_'",
            "kolom 'vintage': periode '2023-14' heeft maand 14",
            "afval 2024 heeft twee verschillende waarden: 5 dumping (",
            "verwacht een jaar (2020), boekjaar (2022/23 of FY2023)",
            "waarde '1e-400' is te klein om weer te geven",
            "periode '2019/21' leest als een boekjaar van 2019 tot 2021",
        ],
        [
            "obs.csv: 13 rows cannot be read",
            "obs.csv:2: column 'value': value '12x' is not a number; write a number such as 12",
            "period '2021-02-30' is not a real date: month 2 of 2021 has no day 30",
            "column 'flag': unknown flag 'guess'; use one of",
            "obs.csv:6: the indicator cell is empty",
            "value 'nan' is not a finite number; leave the cell empty for a missing value",
            "afval 2024 has two different values: 5 dumping (",
            "expected a year (2020), financial year (2022/23 or FY2023)",
        ],
    ),
    "many rows": (
        _scorecard(obs_csv="indicator,period,value,unit\n" + "afval,2020,x,dumping\n" * 25),
        ["25 regels kunnen niet gelezen worden", "... en nog 5"],
        ["25 rows cannot be read", "... and 5 more"],
    ),
    "one row": (
        _scorecard(obs_csv="indicator,period,value,unit\nafval,2020,1,dumping,\n"),
        ["obs.csv:2: 5 cellen waar de kopregel er 4 heeft"],
        ["obs.csv:2: 5 cells where the header has 4"],
    ),
    "no goal file": (
        _goal_file("goals.yaml", "absent"),
        ["goals.yaml: dit bestand bestaat niet; controleer het pad"],
        ["goals.yaml: no such file; check the path"],
    ),
    "a folder": (
        _goal_file("doelen", None),
        ["doelen: dit is een map; geef het bestand daarin (doelenbestand)"],
        ["doelen: this is a folder; give the goal file inside it"],
    ),
    "file type": (
        _goal_file("goals.txt", GOALS),
        ["onbekend type doelenbestand '.txt'; gebruik .yaml, .yml, .json of .toml"],
        ["unknown goal-file type '.txt'; use .yaml, .yml, .json or .toml"],
    ),
    "alias": (
        _goal_file("goals.yaml", "a: &x 1\nb: *x\n"),
        ["goals.yaml:1:4: YAML-ankers en -aliassen (&naam / *naam) zijn niet toegestaan"],
        ["goals.yaml:1:4: YAML anchors and aliases (&name / *name) are not allowed"],
    ),
    "duplicate key": (
        _goal_file("goals.yaml", "id: a\nid: b\n"),
        ["goals.yaml:2:1: dubbele sleutel 'id' (eerst op regel 1); verwijder er een"],
        ["goals.yaml:2:1: duplicate key 'id' (first at line 1); remove one of them"],
    ),
    "not yaml": (
        _goal_file("goals.yaml", "id: a\n  title: [b\n"),
        ["geen geldige YAML:", "controleer het inspringen en de aanhalingstekens op deze plaats"],
        ["not valid YAML:", "check the indentation and quoting at this place"],
    ),
    "not a mapping": (
        _goal_file("goals.yaml", "- a\n- b\n"),
        ["een doelenbestand bevat een mapping (id:, title:, objectives:, indicators:), geen list"],
        ["a goal file holds a mapping (id:, title:, objectives:, indicators:), not a list"],
    ),
    "not toml": (
        _goal_file("goals.toml", "x = \n"),
        ["goals.toml:1:5: geen geldige TOML:"],
        ["goals.toml:1:5: not valid TOML:"],
    ),
    "goal numbers": (
        _goal_file(
            "goals.yaml",
            GOALS.replace("value: 300", 'value: "12x"')
            .replace("deadline: 2030", "deadline: 2016-13")
            .replace("value: 100", "value: 1e20"),
        ),
        [
            "3 problemen in het doelenbestand",
            "indicators[0].target.baseline.value: '12x' is geen getal",
            "indicators[0].target.value: 1e+20 ligt buiten ±1e+15",
            "indicators[0].target.deadline: periode '2016-13' heeft maand 13",
        ],
        [
            "3 problems in the goal file",
            "indicators[0].target.baseline.value: '12x' is not a number",
            "indicators[0].target.value: 1e+20 is beyond ±1e+15",
        ],
    ),
    "unit in the data": (
        _scorecard(obs_csv="indicator,period,value,unit\nafval,2018,300,furlongz\n"),
        [
            "obs.csv:2: indicator 'afval' wordt in het doelenbestand gemeten in 'dumping', maar "
            "1 waarneming(en) staan in 'furlongz': onbekende eenheid 'furlongz'",
            "Herstel de kolom unit of de eenheid van de indicator",
        ],
        ["indicator 'afval' is measured in 'dumping' in the goal file, but 1 observation(s)"],
    ),
    "units that differ": (
        _scorecard(obs_csv="indicator,period,value,unit\nafval,2018,300,kg\n"),
        ["kan 'kg' ([mass]) niet omrekenen naar 'dumping' ([dumping]): ze meten verschillende"],
        ["cannot convert 'kg' ([mass]) into 'dumping' ([dumping]): they measure different"],
    ),
    "two frequencies": (
        _scorecard(
            obs_csv="indicator,period,value,unit\nafval,2018,300,dumping\nafval,2018Q1,3,dumping\n"
        ),
        ["indicator 'afval' mengt jaren en kwartalen (2018 op ", "obs.csv:2, 2018Q1 hier)"],
        ["indicator 'afval' mixes years and quarters"],
    ),
    "unit in the goal file": (
        _goal_file("goals.yaml", GOALS.replace("unit: dumping", "unit: furlongz")),
        ["indicators[0].unit: onbekende eenheid 'furlongz'"],
        ["indicators[0].unit: unknown unit 'furlongz'"],
    ),
    "method option": (
        _goal_file(
            "goals.yaml",
            GOALS.replace(
                "    direction: decrease", "    direction: decrease\n    options: {windo: 3}"
            ),
        ),
        ["indicators[0].options: onbekende methode-optie 'windo'; de methoden lezen"],
        ["indicators[0].options: unknown method option 'windo'; the methods read"],
    ),
    "not parquet": (
        _scorecard(obs_parquet=b"not a parquet file"),
        ["obs.parquet: geen leesbaar Parquet-bestand ("],
        ["obs.parquet: not a readable Parquet file ("],
    ),
    "not a workbook": (
        _scorecard(obs_xlsx=b"not a workbook"),
        ["obs.xlsx: kan de spreadsheet niet lezen (", "sla haar opnieuw op als .xlsx"],
        ["obs.xlsx: cannot read the spreadsheet (", "save it again as .xlsx"],
    ),
    "sdmx without units": (
        _scorecard(obs_csv="DATAFLOW,INDICATOR,TIME_PERIOD,OBS_VALUE\nX,afval,2020,1\n"),
        ["obs.csv:1: een SDMX-CSV-bestand heeft een kolom UNIT_MEASURE nodig"],
        ["obs.csv:1: an SDMX-CSV file needs a UNIT_MEASURE column"],
    ),
    "sdmx status": (
        _scorecard(obs_csv=f"{SDMX_HEAD}\nX,A,afval,NL,2020,1,dumping,QQ\n"),
        ["obs.csv:2: onbekende OBS_STATUS-code 'QQ'; de codes van SDMX zijn"],
        ["obs.csv:2: unknown OBS_STATUS code 'QQ'; SDMX's codes are"],
    ),
    "sdmx multiplier": (
        _scorecard(obs_csv=f"{SDMX_HEAD},UNIT_MULT\nX,A,afval,NL,2020,1,dumping,A,x\n"),
        ["obs.csv:2: UNIT_MULT 'x' is geen hele macht van tien"],
        ["obs.csv:2: UNIT_MULT 'x' is not a whole power of ten"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_an_input_error_in_dutch_and_in_english(tmp_path: Path, case: str) -> None:
    make, dutch, english = CASES[case]
    args = make(tmp_path)
    code, said = _run(*args, "--lang", "nl")
    assert code == 2, said
    for words in dutch:
        assert words in said, f"{words!r} not in {said!r}"
    leaks = [f for f in _error_fragments() if f in said]
    assert not leaks, f"English in a Dutch error: {leaks}"
    code, said = _run(*args)
    assert code == 2, said
    for words in english:
        assert words in said, f"{words!r} not in {said!r}"


def test_the_leak_check_sees_an_english_error() -> None:
    fragments = _error_fragments()
    assert "is not a number" in fragments or any("is not a number" in f for f in fragments)
    assert any("rows cannot be read" in f for f in fragments)
