"""Indicators, objectives, units and lint settings, and the framework that holds them."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    Field,
    field_validator,
    model_validator,
)

from goalframe.schema._fields import (
    Direction,
    Id,
    IndicatorKind,
    Level,
    Number,
    PeriodRangeSpec,
    RollUp,
    Source,
    SpecModel,
    Text,
)
from goalframe.schema._target import TargetSpec

#: A label cards show: text for every language, or one per language ({en: ..., nl: ...}).
Label = Text | dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")], Text]


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
    label: Label | None = Field(
        default=None,
        description="How cards name it, on axes and in tables: text ('per 100,000 "
        "inhabitants'), or one per language ({en: county lines, nl: provinciegrenzen}). "
        "Without it, goalframe's own name for the unit, else the name with spaces. Added "
        "in 0.3.",
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

    @model_validator(mode="after")
    def _whole_among_the_groups(self) -> IndicatorSpec:
        if self.whole is None:
            return self
        if not self.by:
            msg = "`whole` names the series that stands for the whole among `by:` groups; add `by:`"
            raise ValueError(msg)
        if isinstance(self.whole, dict) and sorted(self.whole) != sorted(self.by):
            msg = (
                f"`whole` names a group by every `by` column ({', '.join(self.by)}), "
                f"not {', '.join(self.whole) or 'none'}"
            )
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
        "baseline. Added in 0.2.",
        examples=[["region"], ["region", "sex"]],
    )
    whole: Literal["headline"] | dict[Annotated[str, Field(min_length=1)], str] | None = Field(
        default=None,
        description="With `by:`, the one series that stands for the whole in the objectives' "
        "counts: `headline` (the `select` series, for instance the national total) or a group "
        "by its breakdown values ({geo: EU27_2020}); only it counts, the other groups are "
        "shown but not counted. Without it every series with a target counts: the headline's "
        "targets and each group's. Added in 0.3.",
        examples=["headline", {"geo": "EU27_2020"}],
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
    breakdowns: dict[Annotated[str, Field(min_length=1)], Label] = Field(
        default_factory=dict,
        description="How cards name the breakdown columns of `by:` (a column of the data): "
        "text, or one per language ({region: {en: police unit, nl: politie-eenheid}}). "
        "Without it, goalframe's own word for common columns (region, sex, age), else the "
        "column's name. Added in 0.3.",
        examples=[{"region": {"en": "police unit", "nl": "politie-eenheid"}}],
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
