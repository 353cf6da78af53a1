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

from goalframe.schema._fields import (
    BaselineSpec,
    Direction,
    IndicatorKind,
    Level,
    MilestoneSpec,
    PeriodField,
    PeriodRangeSpec,
    Provenance,
    RollUp,
    SourceSpec,
    SpecModel,
    TargetType,
)
from goalframe.schema._framework import (
    FrameworkSpec,
    IndicatorSpec,
    LintIgnoreSpec,
    LintSettingsSpec,
    ObjectiveSpec,
    UnitSpec,
)
from goalframe.schema._target import TargetChangeSpec, TargetSpec

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
