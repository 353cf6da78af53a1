"""The columns of an indicator table (`goalframe import table`), in English and Dutch.

One record per column: the goal-file field it fills, the headers that name it (matched without
case, surrounding spaces or a parenthesis: ``Streefwaarde (2030)`` is ``streefwaarde``), and
what it holds. The command's help, the docs table and the tests read this list.

Added in 0.3.
"""

from __future__ import annotations

import attrs

__all__ = ["DIRECTION_WORDS", "KIND_WORDS", "TABLE_COLUMNS", "TableColumn"]


@attrs.frozen(kw_only=True)
class TableColumn:
    """A column of an indicator table.

    Attributes:
        field: What it fills in the goal file.
        headers: The headers that name it (lower case), English first, then Dutch.
        meaning: What a cell holds, for the docs.
    """

    field: str
    headers: tuple[str, ...]
    meaning: str


TABLE_COLUMNS = (
    TableColumn(
        field="indicator",
        headers=("indicator", "id", "indicator id", "code", "indicatorcode", "nummer", "nr"),
        meaning="the indicator's id (else made from its name: `Drug-waste dumpings` -> "
        "`drug_waste_dumpings`)",
    ),
    TableColumn(
        field="name",
        headers=("name", "indicator name", "title", "naam", "indicatornaam", "omschrijving"),
        meaning="what is measured; a row needs an id or a name",
    ),
    TableColumn(
        field="unit",
        headers=("unit", "units", "eenheid", "meeteenheid"),
        meaning="a unit of goalframe's registry (`kg`, `EUR`, `percent`, `%`, `procent`), or "
        "any text, which becomes a counting unit of the goal file labelled with it; required",
    ),
    TableColumn(
        field="direction",
        headers=("direction", "better", "richting", "gewenste richting", "beter"),
        meaning="which way is better: `increase`/`decrease`, `higher`/`lower`, `up`/`down`, "
        "`hoger`/`lager`, `stijgen`/`dalen`, `toename`/`afname`, `meer`/`minder`, `+`/`-`",
    ),
    TableColumn(
        field="baseline",
        headers=("baseline", "baseline value", "nulmeting", "basiswaarde", "uitgangswaarde"),
        meaning="the baseline value (a number; a decimal comma is read)",
    ),
    TableColumn(
        field="baseline_year",
        headers=("baseline year", "baseline period", "basisjaar", "jaar nulmeting", "peiljaar"),
        meaning="its period (`2019`, `2019Q4`, `2019-12`)",
    ),
    TableColumn(
        field="target",
        headers=("target", "target value", "streefwaarde", "streefcijfer", "doelwaarde"),
        meaning="the value to reach (a number); prose such as `halveren` is kept as a note, "
        "and the indicator is written without a target for lint to flag",
    ),
    TableColumn(
        field="deadline",
        headers=("deadline", "target year", "target period", "streefjaar", "einddatum"),
        meaning="when the target should be reached (a period)",
    ),
    TableColumn(
        field="source",
        headers=("source", "data source", "bron", "databron"),
        meaning="where the figures come from (a web address becomes the source's url)",
    ),
    TableColumn(
        field="objective",
        headers=("objective", "goal", "policy goal", "doel", "doelstelling", "beleidsdoel"),
        meaning="the objective the indicator measures: rows with the same text share one",
    ),
    TableColumn(
        field="kind",
        headers=("kind", "type", "soort", "indicatortype"),
        meaning="`input`, `output`, `outcome`, `impact` or `context` (Dutch: `prestatie` is "
        "output, `effect` outcome)",
    ),
)

#: Words for a direction, by the direction they name (lower case).
DIRECTION_WORDS = {
    **dict.fromkeys(
        ("increase", "up", "higher", "more", "rise", "+", "hoger", "stijgen", "stijging",
         "toename", "toenemen", "omhoog", "meer", "hoger is beter"),
        "increase",
    ),
    **dict.fromkeys(
        ("decrease", "down", "lower", "less", "fall", "-", "lager", "dalen", "daling", "afname",
         "afnemen", "omlaag", "minder", "lager is beter"),
        "decrease",
    ),
}  # fmt: skip

#: Words for an indicator's kind (lower case).
KIND_WORDS = {
    "input": "input",
    "output": "output",
    "outcome": "outcome",
    "impact": "impact",
    "context": "context",
    "prestatie": "output",
    "effect": "outcome",
    "maatschappelijk effect": "impact",
}
