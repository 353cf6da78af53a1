"""A target as a goal file writes it: its type, value, baseline, deadline and history."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BeforeValidator,
    Field,
    model_validator,
)

from goalframe.schema._fields import (
    BaselineSpec,
    MilestoneSpec,
    Number,
    PeriodField,
    PeriodRangeSpec,
    Provenance,
    Source,
    SpecModel,
    TargetType,
    _list_or_mapping,
    _milestones_from_mapping,
)


class TargetChangeSpec(SpecModel):
    """An earlier value of a target: what it was, when it was set, and where (goalposts)."""

    value: Number = Field(description="The value the target had.")
    set: PeriodField = Field(description="When this value was set (a year or a date).")
    deadline: PeriodField | None = Field(
        default=None,
        description="The deadline the target had then, when it differed: a postponement is "
        "then visible (`16 by 2020 -> 16 by 2023`). Added in 0.3.",
    )
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
        "resolved from each group's baseline). Added in 0.2.",
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
    holds_after_break: bool = Field(
        default=False,
        description="The target holds on the new definition after a series break flagged "
        "between its baseline (or its setting) and the figure that decides it. Without it such "
        "a verdict is not given like-for-like: the outcome is unknown, with the caveat "
        "definition-changed. Shown on every card. Added in 0.3.",
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
