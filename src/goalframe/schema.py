"""The goal-file schema: what users write in YAML, JSON or TOML, as pydantic models.

A goal file describes a framework: objectives in a tree, the indicators that measure them,
and on each indicator a target (baseline, target value, deadline, milestones). These models
check the shape and the values of each field; checks that need the whole file (that ids are
unique and referenced ids exist, that units convert, that a target lies in the indicator's
direction) happen when the file is compiled by `goalframe.load_framework`.

``FrameworkSpec.model_json_schema()`` (or ``goalframe schema`` on the command line) gives the
JSON Schema, for editors that complete and check YAML as you type.

Added in 0.1.
"""

from __future__ import annotations

import enum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from goalframe._numbers import check_number, parse_number
from goalframe._periods import Period, parse_period

__all__ = [
    "BaselineSpec",
    "Direction",
    "FrameworkSpec",
    "IndicatorKind",
    "IndicatorSpec",
    "Level",
    "LintIgnoreSpec",
    "LintSettingsSpec",
    "MilestoneSpec",
    "ObjectiveSpec",
    "PeriodField",
    "PeriodRangeSpec",
    "Provenance",
    "RollUp",
    "SourceSpec",
    "SpecModel",
    "TargetChangeSpec",
    "TargetSpec",
    "TargetType",
    "UnitSpec",
]


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


class TargetChangeSpec(SpecModel):
    """An earlier value of a target: what it was, when it was set, and where (goalposts)."""

    value: Number = Field(description="The value the target had.")
    set: PeriodField = Field(description="When this value was set (a year or a date).")
    source: Source | None = Field(default=None, description="The document that set it.")
    note: str | None = None


class TargetSpec(SpecModel):
    """What an indicator should reach, from where, and by when.

    Give a trajectory target either as an absolute ``value`` or as ``change_percent`` against
    the baseline (``-13`` means 13 % below the baseline); a relative target is resolved to an
    absolute value when the file is loaded. Values are in the indicator's unit unless
    ``unit`` says otherwise (it applies to every number in the target).
    """

    type: TargetType = Field(default=TargetType.TRAJECTORY, description="The kind of target.")
    baseline: BaselineSpec | None = Field(default=None, description="Starting point.")
    value: Number | None = Field(default=None, description="The value to reach.")
    change_percent: Number | None = Field(
        default=None,
        ge=-100,
        le=1_000_000,
        description="The target as a change against the baseline, in percent (-13 = 13 % "
        "lower). Needs a baseline; give this or `value`, not both.",
    )
    change_points: Number | None = Field(
        default=None,
        description="The target as an absolute change against the baseline, in the target's "
        "unit: +10 on a percentage means 35 % -> 45 % (percentage points; `change_percent: 10` "
        "would mean 35 % -> 38.5 %). Needs a baseline.",
    )
    deadline: PeriodField | None = Field(default=None, description="When it should be reached.")
    period: PeriodRangeSpec | None = Field(
        default=None,
        description="For a norm: the span in which every period must meet it; for a "
        "cumulative target: the span whose figures add up to the value.",
    )
    low: Number | None = Field(default=None, description="For a range: the lowest good value.")
    high: Number | None = Field(default=None, description="For a range: the highest good value.")
    milestones: Annotated[list[MilestoneSpec], BeforeValidator(_milestones_from_mapping)] = Field(
        default_factory=list,
        description="Intermediate targets, as a list or a mapping period -> value.",
        json_schema_extra=_list_or_mapping,
    )
    tolerance: Number = Field(
        default=0.0,
        ge=0,
        description="How far short of the target still counts as reaching it (in the unit).",
    )
    unit: str | None = Field(
        default=None, description="Unit of the numbers in this target, if not the indicator's."
    )
    source: Source | None = Field(default=None, description="The document that sets the target.")
    set: PeriodField | None = Field(
        default=None,
        description="When the target got its current value (with `history`, for the goalposts).",
    )
    groups: dict[Annotated[str, Field(min_length=1)], Number] = Field(
        default_factory=dict,
        description="With `by:` on the indicator: a value of its own for some groups, by the "
        "group's label as the card shows it (`Rotterdam`; `Utrecht, F` for several columns), "
        "in the target's unit; the other groups get the target as written (a relative one "
        "resolved from each group's baseline). Added in 0.3.",
        examples=[{"Rotterdam": 650, "Amsterdam": 200}],
    )
    history: list[TargetChangeSpec] = Field(
        default_factory=list,
        description="Earlier values of this target, oldest first, each with when and where it "
        "was set: the goalposts. The card shows them; lint (T006) warns when a target was "
        "lowered after the figures showed it would be missed.",
    )
    provenance: Provenance | None = Field(
        default=None,
        description="official, proposed or illustrative; default official when `source` is "
        "given. Shown on every card.",
    )
    note: str | None = Field(
        default=None,
        description="Anything a reader should know about the target; shown on every card.",
    )

    @model_validator(mode="after")
    def _value_or_change(self) -> TargetSpec:
        given = [
            k for k in ("value", "change_percent", "change_points") if getattr(self, k) is not None
        ]
        if len(given) > 1:
            msg = (
                f"give either `{given[0]}` or `{given[1]}`, not both (a target is one of "
                "`value`, `change_percent` and `change_points`)"
            )
            raise ValueError(msg)
        for key in ("change_percent", "change_points"):
            if getattr(self, key) is not None and self.baseline is None:
                msg = (
                    f"`{key}` is relative to the baseline: add `baseline: {{value: ..., "
                    "period: ...}`"
                )
                raise ValueError(msg)
        needs = {
            TargetType.NORM: ("value", "period"),
            TargetType.CUMULATIVE: ("value", "period"),
            TargetType.MILESTONES: ("milestones",),
            TargetType.RANGE: ("low", "high"),
        }.get(self.type, ())
        missing = [name for name in needs if not getattr(self, name) and getattr(self, name) != 0]
        if missing:
            msg = f"a {self.type.value} target needs `{'`, `'.join(missing)}`"
            raise ValueError(msg)
        if (
            self.type is TargetType.RANGE
            and self.low is not None
            and self.high is not None
            and self.low >= self.high
        ):
            msg = f"`low` ({self.low:g}) must be below `high` ({self.high:g})"
            raise ValueError(msg)
        return self


class UnitSpec(SpecModel):
    """A unit a goal file defines: a counting unit of its own, a scale, or another name."""

    name: Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$", description="The unit's name.")]
    definition: str | None = Field(
        default=None,
        description="What it is: empty for a new countable thing (its own dimension, e.g. "
        "county_line); a number for a scale (per_100k: '1e-5'); a unit expression for another "
        "name of a unit (kt_cocaine: kilotonne).",
    )
    aliases: list[Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$")]] = Field(
        default_factory=list, description="Other names for it (plural forms, abbreviations)."
    )


class LintIgnoreSpec(SpecModel):
    """A lint rule switched off for one objective, indicator or the whole file, with a reason."""

    code: Annotated[str, Field(pattern=r"^[A-Z][0-9]{3}$", description="The rule's code.")]
    reason: Text = Field(description="Why the rule does not apply here (required).")


class LintSettingsSpec(SpecModel):
    """Settings for ``goalframe lint``."""

    vague_words: list[Text] = Field(
        default_factory=list,
        description="Extra vague words or stems (any language) for rule S002, matched at the "
        "start of a word, case-insensitively.",
    )
    ignore: list[LintIgnoreSpec] = Field(
        default_factory=list, description="Rules switched off for the whole file."
    )


class IndicatorSpec(SpecModel):
    """A measurable quantity with a unit, a direction, a source and (usually) a target."""

    @model_validator(mode="after")
    def _one_way_of_targets(self) -> IndicatorSpec:
        if self.target is not None and self.targets:
            msg = "give `target` (one) or `targets` (several over time), not both"
            raise ValueError(msg)
        return self

    @field_validator("by")
    @classmethod
    def _by_once(cls, value: list[str]) -> list[str]:
        repeated = sorted({c for c in value if value.count(c) > 1})
        if repeated:
            msg = f"`by` names {', '.join(repeated)} more than once; name each column once"
            raise ValueError(msg)
        return value

    @property
    def all_targets(self) -> list[TargetSpec]:
        """The indicator's targets, whichever way they are written."""
        return [self.target] if self.target is not None else list(self.targets)

    id: Id
    name: Text
    unit: str | None = Field(
        default=None,
        description="A pint unit expression: 'plantation', 'kg', 'EUR_million', 'percent'.",
        examples=["plantation", "kg", "EUR_million", "case / person"],
    )
    direction: Direction | None = Field(
        default=None, description="Which way is better. Required when there is a target."
    )
    kind: IndicatorKind | None = Field(
        default=None, description="input, output, outcome, impact or context."
    )
    source: Source | None = None
    definition: str | None = Field(default=None, description="What exactly is counted.")
    frequency: Literal["yearly", "quarterly", "monthly", "daily", "irregular"] | None = None
    interpretation: str | None = Field(
        default=None,
        description="How to read the figures, e.g. 'an enforcement count: reflects "
        "investigative capacity as well as the size of the problem'.",
    )
    method: str | None = Field(default=None, description="Assessment method for this indicator.")
    options: dict[str, Any] = Field(
        default_factory=dict, description="Options for the assessment method."
    )
    select: dict[str, str] = Field(
        default_factory=dict,
        description="Which breakdown of the observations to assess, e.g. {region: NL}. "
        "Default: the rows whose breakdown columns are all blank.",
    )
    by: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list,
        description="Breakdown columns whose every value is a series of its own, assessed "
        "against the indicator's target beside the headline (`select`), e.g. [region]. A "
        "relative target (change_percent, change_points) resolves per series from its own "
        "baseline. Added in 0.3.",
        examples=[["region"], ["region", "sex"]],
    )
    context: list[Id] = Field(
        default_factory=list, description="Ids of context indicators to show beside this one."
    )
    target: TargetSpec | None = None
    targets: list[TargetSpec] = Field(
        default_factory=list,
        description="Several targets over time (norms per span, successive deadlines), instead "
        "of `target`: the card assesses the one in force at the assessment date and shows the "
        "others (met, missed, to come).",
    )
    lint_ignore: list[LintIgnoreSpec] = Field(
        default_factory=list, description="Lint rules that do not apply here, with reasons."
    )


class ObjectiveSpec(SpecModel):
    """A goal statement, placed in the tree and linked to the indicators that measure it."""

    id: Id
    statement: Text
    level: Level | None = None
    parent: Id | None = Field(default=None, description="Id of the parent objective.")
    weight: Number = Field(
        default=1.0, gt=0, le=1_000_000, description="Weight in the parent's roll-up."
    )
    indicators: list[Id] = Field(default_factory=list)
    note: str | None = Field(
        default=None, description="Anything a reader should know; shown on every card."
    )
    lint_ignore: list[LintIgnoreSpec] = Field(
        default_factory=list, description="Lint rules that do not apply here, with reasons."
    )


def _known_language(code: str) -> str:
    from goalframe._text import catalogue_languages

    known = catalogue_languages()
    if code not in known:
        msg = f"no catalogue for language {code!r}; choose one of {', '.join(known)}"
        raise ValueError(msg)
    return code


class FrameworkSpec(SpecModel):
    """A whole goal file: the framework, its objectives and its indicators."""

    schema_version: Literal[1] = Field(default=1, description="Version of this schema.")
    id: Id
    title: Text
    owner: str | None = Field(default=None, description="Who is accountable.")
    period: PeriodRangeSpec | None = None
    description: str | None = None
    source_document: Source | None = Field(
        default=None, description="The policy document the goals come from."
    )
    language: Annotated[str, AfterValidator(_known_language)] = Field(
        default="en",
        pattern=r"^[a-z]{2,3}$",
        description="Language of the cards (ISO 639 code): en, nl, or any language with a "
        "catalogue in goalframe/locales.",
    )
    default_method: str = Field(
        default="trajectory", description="Method for indicators that name none."
    )
    rollup: RollUp = Field(default=RollUp.MEAN, description="How objectives are rolled up.")
    units: list[UnitSpec] = Field(
        default_factory=list,
        description="Units this goal file defines (counting units such as county_line, scales "
        "such as per_100k), checked like any other unit.",
    )
    year_start: int | None = Field(
        default=None,
        ge=1,
        le=12,
        description="The month financial years start in (2022/23, FY2023): 4 (April, the "
        "default: UK, Dutch schools), 7 (Australia), 10 (US federal). Applies to the goal file "
        "and its observations.",
    )
    lint: LintSettingsSpec | None = Field(default=None, description="Settings for the linter.")
    objectives: list[ObjectiveSpec] = Field(default_factory=list)
    indicators: list[IndicatorSpec] = Field(default_factory=list)
