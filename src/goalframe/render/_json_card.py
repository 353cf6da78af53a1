"""The JSON card's shape: the types its writer (`goalframe.render.json`) returns.

Each object of the card is a `TypedDict` here, and each function of the writer is annotated
with the one it builds, so mypy holds the writer to these keys and types; the published
JSON Schema (`scorecard_schema`, ``goalframe schema --kind scorecard``) is generated from
the same types by pydantic (`goalframe.render._json_schema`), with the descriptions below
and the vocabularies (statuses, levels, kinds, target types) read from their registries. A
test keeps the file in the docs current.

This module imports pydantic; the writer imports it only for type checking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import Field, WithJsonSchema
from typing_extensions import TypedDict  # pydantic needs it before Python 3.12

from goalframe._assessment import Status
from goalframe._results import TARGET_ROLES
from goalframe._text import catalogue_languages
from goalframe.schema import Direction, IndicatorKind, Level, Provenance, RollUp, TargetType

__all__ = ["Card"]


def _one_of(values: Any, *, nullable: bool = False, about: str | None = None) -> Any:
    """A string from a vocabulary (an enum or a tuple), written once in its registry."""
    words: list[str | None] = [str(getattr(v, "value", v)) for v in values]
    schema: dict[str, Any] = {"enum": [*words, None] if nullable else words}
    if about:
        schema["description"] = about
    return Annotated[str | None if nullable else str, WithJsonSchema(schema)]


_PROVENANCE = "Where the target comes from; null when the goal file does not say."
if TYPE_CHECKING:  # to mypy, the words are strings; to pydantic, one of their registry's
    StatusName: TypeAlias = str
    TargetTypeName: TypeAlias = str
    RoleName: TypeAlias = str
    RollUpName: TypeAlias = str
    LanguageName: TypeAlias = str
    ProvenanceName: TypeAlias = str | None
    TargetProvenance: TypeAlias = str | None
    DirectionName: TypeAlias = str | None
    KindName: TypeAlias = str | None
    LevelName: TypeAlias = str | None
else:
    StatusName = _one_of(Status)
    TargetTypeName = _one_of(TargetType)
    RoleName = _one_of(TARGET_ROLES)
    RollUpName = _one_of(RollUp)
    LanguageName = _one_of(catalogue_languages())
    ProvenanceName = _one_of(Provenance, nullable=True)
    TargetProvenance = _one_of(Provenance, nullable=True, about=_PROVENANCE)
    DirectionName = _one_of(Direction, nullable=True)
    KindName = _one_of(IndicatorKind, nullable=True)
    LevelName = _one_of(Level, nullable=True)
Count = Annotated[int, Field(ge=0)]
Period = Annotated[
    int | str,
    Field(description="A year as an integer, otherwise 2020Q1, 2020-03 or 2020-03-15."),
]
Number = float | None
Breakdown = dict[str, str]
_DECIDING = (
    "The figure a final verdict was decided on (the one for the deadline period; for a norm "
    "or milestones the first period missed, else the last met); null for an unknown outcome "
    "or a running verdict (added in 0.3)."
)
_FINAL = (
    "The verdict is final: the deadline has passed, or a period already decided it (a norm "
    "failed, a cap exceeded); the status is achieved, missed or outcome_unknown (or "
    "not_assessable)."
)


class Point(TypedDict):
    """A value at a period (a baseline, a milestone)."""

    period: Period
    value: float


class Observed(TypedDict):
    """An observation as used: its period, value, flags and note."""

    period: Period
    value: float
    flags: list[str]
    note: str | None


class SeriesColumns(TypedDict):
    """A series as four parallel lists (the compact layout, ``--compact``)."""

    periods: list[Period]
    values: list[float]
    flags: list[list[str]]
    notes: list[str | None]


Series = Annotated[
    list[Observed] | SeriesColumns,
    Field(description="A series: one object per point, or (`--compact`) four parallel lists."),
]


class Source(TypedDict):
    """Where a figure or a target comes from."""

    name: str
    url: str | None
    note: str | None


class Caveat(TypedDict):
    """A fact a reader needs beside the verdict, with its stable code (caveats reference)."""

    code: str
    message: str


class Deciding(TypedDict):
    """The figure that decided a final verdict."""

    value: float
    period: Period


class Goalpost(TypedDict):
    """An earlier value of a target, with when it was set and the deadline it had then."""

    value: float
    set: Period
    deadline: Annotated[
        Period | None,
        Field(description="The deadline the target had then: a postponement is visible."),
    ]
    source: Source | None
    note: str | None


class Verdict(TypedDict):
    """A verdict's fields after its status, the same for an indicator and each group."""

    reason: str | None
    final: Annotated[bool, Field(description=_FINAL)]
    caveats: list[Caveat]
    progress: Annotated[Number, Field(description="The method's key number.")]
    expected_progress: Annotated[Number, Field(description="The share expected by now.")]
    score: Annotated[Number, Field(description="The method's own score, where it has one.")]
    deciding: Annotated[Deciding | None, Field(description=_DECIDING)]


Components = dict[str, float | str | bool | list[float | str] | None]


class Target(TypedDict):
    """The target in force."""

    type: TargetTypeName
    value: Number
    deadline: Period | None
    milestones: list[Point]
    tolerance: Annotated[float, Field(ge=0)]
    source: Source | None
    provenance: TargetProvenance
    note: str | None
    history: Annotated[list[Goalpost], Field(description="Earlier values, oldest first.")]


class TargetOfSeveral(TypedDict):
    """One of an indicator's several targets, with its role and verdict."""

    description: str
    role: RoleName
    type: TargetTypeName
    value: Number
    deadline: Period | None
    status: StatusName
    label: str
    final: bool
    provenance: ProvenanceName
    source: Source | None
    history: list[Goalpost]


class Trend(TypedDict):
    """The latest change: from which figure, by how much, and whether for the better."""

    previous: Observed | None
    change: float
    better: bool | None


class GroupVerdict(Verdict):
    """With ``by``: one breakdown series, assessed from its own baseline (added in 0.3)."""

    group: Breakdown
    label: str
    status: StatusName
    method_label: str
    baseline: Point | None
    target: Number
    latest: Observed | None
    series: Series
    components: Components


class Gap(TypedDict):
    """The best and the worst group at the latest period two or more groups share."""

    period: Period
    best: Breakdown
    best_value: float
    worst: Breakdown
    worst_value: float
    size: Annotated[float, Field(ge=0)]
    groups: Annotated[int, Field(ge=2)]


class Indicator(Verdict):
    """An indicator: its definition, its verdict with the numbers behind it, its series."""

    id: str
    name: str
    unit: str | None
    direction: DirectionName
    kind: KindName
    objectives: list[str]
    breakdown: Breakdown
    method: str
    status: StatusName
    label: str
    baseline: Point | None
    latest: Observed | None
    target: Target | None
    targets: Annotated[
        list[TargetOfSeveral],
        Field(description="For an indicator with several targets: each one, with its role."),
    ]
    trend: Trend | None
    series: Series
    source: Source | None
    definition: str | None
    interpretation: str | None
    components: Components
    formula: str
    citation: str
    by: Annotated[
        list[str],
        Field(description="The breakdown columns whose every value is a series of its own."),
    ]
    groups: list[GroupVerdict]
    gap: Gap | None


class ObjectiveCounts(TypedDict):
    """An objective's verdict and the count of the targets under it."""

    status: StatusName
    score: Number
    final: Annotated[bool, Field(description="Every part's deadline has passed.")]
    met: Annotated[int | None, Field(ge=0, description="Parts met among those decided.")]
    decided: Annotated[int | None, Field(ge=0, description="Parts decided: met or missed.")]
    missed: Annotated[Count, Field(description="Targets due and missed.")]
    unknown: Annotated[Count, Field(description="Targets due with no known outcome.")]
    due: Annotated[Count, Field(description="Every target that was due, unknowns included.")]
    not_due: Annotated[Count, Field(description="Targets not due yet.")]


class Objective(ObjectiveCounts):
    """An objective of the goal tree, with its verdict."""

    id: str
    statement: str
    level: LevelName
    parent: str | None
    weight: float
    indicators: list[str]
    children: list[str]
    reason: str | None
    note: str | None
    caveats: list[Caveat]


class GroupObjective(ObjectiveCounts):
    """An objective's verdict for one group."""

    id: str


class GroupRollUp(TypedDict):
    """The objectives' verdicts for one group (a verdict per region; added in 0.3)."""

    group: Breakdown
    label: str
    objectives: list[GroupObjective]


class TargetCounts(TypedDict):
    """How many targets were due (earlier ones included), how they ended, how many are not.

    Added in 0.3.
    """

    met: Count
    missed: Count
    unknown: Count
    due: Count
    not_due: Count


class SetAsideCount(TypedDict):
    """How many rows of one indicator were set aside for one reason."""

    indicator: str | None
    reason: str
    rows: Annotated[int, Field(ge=1)]


class SetAside(TypedDict):
    """A row not used, with the reason and its place."""

    location: str | None
    indicator: str | None
    period: str | None
    value: str | None
    reason: str


class Measurability(TypedDict):
    """The share of objectives that pass every lint rule of error level."""

    score: Annotated[float | None, Field(ge=0, le=1)]
    passing: Count
    total: Count
    failing: list[str]


class Framework(TypedDict):
    """The goal file's framework: what the card is about."""

    id: str
    title: str
    owner: str | None
    description: str | None
    period: dict[str, Period] | None
    source_document: dict[str, Any] | None
    language: LanguageName
    rollup: RollUpName


class Sources(TypedDict):
    """The files the card was made from (names as given)."""

    goals: str
    observations: str


class Card(TypedDict):
    """The JSON scorecard of goalframe.

    Consumers should ignore fields they do not know: new fields may appear in any release
    (additive changes); removing or changing the meaning of a field bumps schema_version.
    """

    schema_version: Literal[1]
    framework: Framework
    as_of: Period | None
    as_of_given: Annotated[
        bool, Field(description="False when as_of is the day of the run (no --as-of given).")
    ]
    method: str | None
    methods_used: list[str]
    counts: Annotated[dict[str, Count], WithJsonSchema(
        {"type": "object", "propertyNames": {"enum": [s.value for s in Status]},
         "additionalProperties": {"type": "integer", "minimum": 0}}
    )]  # fmt: skip
    targets: Annotated[
        dict[str, TargetCounts],
        Field(description="Every target that counts, by provenance (official first)."),
    ]
    measurability: Measurability | None
    objectives: list[Objective]
    indicators: list[Indicator]
    set_aside: Annotated[
        list[SetAside],
        Field(description="The rows not used: the first 1,000, or every one when asked "
              "(--set-aside all; set_aside_total says how many there are)."),
    ]  # fmt: skip
    set_aside_total: Annotated[int, Field(ge=0, description="How many rows were set aside.")]
    set_aside_counts: Annotated[
        list[SetAsideCount],
        Field(description="The rows set aside, counted by indicator and reason."),
    ]
    groups: list[GroupRollUp]
    sources: Sources
