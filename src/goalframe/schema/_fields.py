"""The goal file's vocabularies and small parts: directions, levels, kinds, periods, sources."""

from __future__ import annotations

import enum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)

from goalframe._numbers import check_number, parse_number
from goalframe._periods import Period, parse_period


class Direction(enum.StrEnum):
    """Which way an indicator should move. There is no default: a goal file must say.

    Added in 0.1.
    """

    INCREASE = "increase"
    DECREASE = "decrease"


class Level(enum.StrEnum):
    """Where an objective sits in the results chain (input -> output -> outcome -> impact).

    Added in 0.1.
    """

    IMPACT = "impact"
    OUTCOME = "outcome"
    OUTPUT = "output"
    INPUT = "input"


class IndicatorKind(enum.StrEnum):
    """What an indicator measures in the results chain; ``context`` indicators are not scored.

    Added in 0.1.
    """

    INPUT = "input"
    OUTPUT = "output"
    OUTCOME = "outcome"
    IMPACT = "impact"
    CONTEXT = "context"


class RollUp(enum.StrEnum):
    """How an objective's verdict is built from its indicators' and sub-objectives' verdicts.

    ``mean``: the weighted mean of the status ranks (achieved 4 ... moving away 0), read back
    as a status; ``achieved`` only when every part is achieved. ``worst``: the worst status.
    ``all_achieved``: ``achieved`` when every part is, otherwise ``insufficient_progress``
    (a pass/fail reading for binding commitments).

    Added in 0.1.
    """

    MEAN = "mean"
    WORST = "worst"
    ALL_ACHIEVED = "all_achieved"


PeriodField = Annotated[
    Period,
    PlainValidator(parse_period),
    PlainSerializer(lambda p: p.to_json(), return_type=int | str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {
                    "type": "string",
                    "pattern": r"^(\d{4}(-?[Qq][1-4]|-\d{1,2}(-\d{1,2})?|/\d{2}|/\d{4}"
                    r"|-M\d{2}|-A1)?|[Ff][Yy] ?\d{4})$",
                },
            ],
            "description": "A year (2020), financial year (2022/23 or FY2023; see "
            "`year_start`), quarter (2020Q1, 2020-Q1), month (2020-03, 2020-M03) or date "
            "(2020-03-15).",
            "examples": [2020, "2022/23", "FY2023", "2020Q1", "2020-03", "2020-03-15"],
        }
    ),
]
"""A period field: accepts what `Period.parse` accepts, writes years back as ints."""


Id = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$",
        max_length=200,
        description="Letters, digits, '_', '.', '-'; unique within the file.",
    ),
]


Text = Annotated[str, Field(min_length=1, max_length=20_000)]


def _number(value: Any) -> Any:
    # One number syntax everywhere (`goalframe._numbers`): finite, within ±1e15, no "1_000".
    if isinstance(value, bool):
        msg = f"{value!r} is not a number"
        raise ValueError(msg)
    if isinstance(value, str):
        return parse_number(value, what="")
    if isinstance(value, int | float):
        return check_number(value, what="")
    return value


Number = Annotated[float, BeforeValidator(_number)]
"""A finite number within ±1e15, written in goalframe's one number syntax."""


class SpecModel(BaseModel):
    """Base of every goal-file model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        allow_inf_nan=False,
        use_enum_values=False,
    )


def _source_from_text(value: Any) -> Any:
    return {"name": value} if isinstance(value, str) else value


class SourceSpec(SpecModel):
    """Where figures or a document come from. A plain string is read as ``name``."""

    name: Text = Field(
        description="Publisher and publication, e.g. 'Politie, Nationaal "
        "Overzicht Drugslocaties 2023'."
    )
    url: str | None = Field(default=None, description="Where to find it.")
    note: str | None = Field(default=None, description="Anything a reader should know.")


class _OrText:
    """In the JSON Schema, a source may be a mapping or just its name (as the loader reads)."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        return {"anyOf": [schema, {"type": "string", "description": "the source's name"}]}


Source = Annotated[SourceSpec, BeforeValidator(_source_from_text), _OrText()]


class PeriodRangeSpec(SpecModel):
    """The span a framework covers, e.g. ``{start: 2015, end: 2026}``."""

    start: PeriodField
    end: PeriodField

    @model_validator(mode="after")
    def _ordered(self) -> PeriodRangeSpec:
        if self.end < self.start:
            msg = f"end {self.end} is before start {self.start}; swap them"
            raise ValueError(msg)
        return self


class BaselineSpec(SpecModel):
    """The value an indicator had when the goal was set."""

    value: Number = Field(description="The baseline value, in the target's unit.")
    period: PeriodField = Field(description="When the baseline value was measured.")
    source: Source | None = Field(default=None, description="Where the baseline comes from.")


class MilestoneSpec(SpecModel):
    """An intermediate target: the value to reach by a period on the way to the deadline."""

    period: PeriodField
    value: Number


def _list_or_mapping(schema: dict[str, Any]) -> None:
    # The loader reads milestones as a list or as a mapping period -> value: so does the schema.
    as_list = {k: schema.pop(k) for k in ("type", "items") if k in schema}
    schema["anyOf"] = [
        as_list,
        {
            "type": "object",
            "additionalProperties": {"type": "number"},
            "description": "period -> value, e.g. {2023: 190, 2024: 200}",
        },
    ]


def _milestones_from_mapping(value: Any) -> Any:
    # `milestones: {2023: 190, 2024: 200}` is the natural way to write them in YAML.
    if isinstance(value, dict):
        return [{"period": k, "value": v} for k, v in value.items()]
    return value


class TargetType(enum.StrEnum):
    """The kinds of target a goal file can set.

    - ``trajectory``: from a baseline to a value by a deadline (through any milestones).
    - ``norm``: every period in a span must reach a value ("at least 950 a year, 2015-2018").
    - ``milestones``: each milestone is the target in force for its period.
    - ``range``: stay within ``[low, high]``.
    - ``binary``: done (1) or not done (0).
    - ``cumulative``: a total over a span ("close 2,000 county lines over 2022/23-2024/25"):
      the figures of the span's periods add up to the value.

    Added in 0.1.
    """

    TRAJECTORY = "trajectory"
    NORM = "norm"
    MILESTONES = "milestones"
    RANGE = "range"
    BINARY = "binary"
    CUMULATIVE = "cumulative"


class Provenance(enum.StrEnum):
    """Where a target comes from, shown on every card.

    ``official``: set by the body accountable for it (the default when the target names a
    source). ``proposed``: put forward, not (yet) adopted. ``illustrative``: an example of
    how the goal could be made measurable; nobody has set it.

    Added in 0.2.
    """

    OFFICIAL = "official"
    PROPOSED = "proposed"
    ILLUSTRATIVE = "illustrative"
