"""goalframe: turn policy goals into measurable objectives and check them against data.

The public API is what this module exports. Names are imported on first use, so that
``import goalframe`` stays fast and loads neither pint, rich, PyYAML nor typer::

    import goalframe as gf

    framework = gf.load_framework("goals.yaml")
    observations = gf.load_observations("observations.csv")
    card = gf.evaluate(framework, observations)
    print(card.to_markdown())
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from goalframe._api import compare, evaluate
    from goalframe._assess import assess
    from goalframe._assessment import Assessment, Caveat, Series, Status
    from goalframe._compile import compile_framework
    from goalframe._frames import FrameEvaluation, evaluate_frame, observations_from_frame
    from goalframe._lint import Finding, Rule, Severity, lint, measurability
    from goalframe._model import Framework, Goal, Indicator, Objective, Point, Source
    from goalframe._observations import (
        Observation,
        ObservationSet,
        SetAside,
        observations_from_records,
    )
    from goalframe._outputs import Comparison, Scorecard
    from goalframe._periods import Frequency, Period
    from goalframe._results import (
        Gap,
        GroupResult,
        GroupRollUp,
        IndicatorResult,
        ObjectiveResult,
        Observed,
        Trend,
    )
    from goalframe._scorecard import Measurability
    from goalframe._version import __version__
    from goalframe.errors import (
        DataError,
        GoalframeError,
        MethodError,
        RenderError,
        SpecError,
        UnitError,
    )
    from goalframe.io import dump_framework, load_framework, parse_framework
    from goalframe.io._load_observations import load_observations, read_frame
    from goalframe.io._open_sdg import OpenSdgImport, import_open_sdg
    from goalframe.io._table_import import TableImport, import_table
    from goalframe.progress import MethodInfo, get_method, methods, register_method

__all__ = [
    "Assessment",
    "Caveat",
    "Comparison",
    "DataError",
    "Finding",
    "FrameEvaluation",
    "Framework",
    "Frequency",
    "Gap",
    "Goal",
    "GoalframeError",
    "GroupResult",
    "GroupRollUp",
    "Indicator",
    "IndicatorResult",
    "Measurability",
    "MethodError",
    "MethodInfo",
    "Objective",
    "ObjectiveResult",
    "Observation",
    "ObservationSet",
    "Observed",
    "OpenSdgImport",
    "Period",
    "Point",
    "RenderError",
    "Rule",
    "Scorecard",
    "Series",
    "SetAside",
    "Severity",
    "Source",
    "SpecError",
    "Status",
    "TableImport",
    "Trend",
    "UnitError",
    "__version__",
    "assess",
    "compare",
    "compile_framework",
    "dump_framework",
    "evaluate",
    "evaluate_frame",
    "get_method",
    "import_open_sdg",
    "import_table",
    "lint",
    "load_framework",
    "load_observations",
    "measurability",
    "methods",
    "observations_from_frame",
    "observations_from_records",
    "parse_framework",
    "read_frame",
    "register_method",
]

_WHERE = {
    "assess": "goalframe._assess",
    "Comparison": "goalframe._outputs",
    "compare": "goalframe._api",
    "Assessment": "goalframe._assessment",
    "Caveat": "goalframe._assessment",
    "Series": "goalframe._assessment",
    "Status": "goalframe._assessment",
    "compile_framework": "goalframe._compile",
    "evaluate": "goalframe._api",
    "Finding": "goalframe._lint",
    "FrameEvaluation": "goalframe._frames",
    "evaluate_frame": "goalframe._frames",
    "observations_from_frame": "goalframe._frames",
    "Measurability": "goalframe._scorecard",
    "Rule": "goalframe._lint",
    "Severity": "goalframe._lint",
    "lint": "goalframe._lint",
    "measurability": "goalframe._lint",
    "Framework": "goalframe._model",
    "Goal": "goalframe._model",
    "Indicator": "goalframe._model",
    "Objective": "goalframe._model",
    "Point": "goalframe._model",
    "Source": "goalframe._model",
    "Observation": "goalframe._observations",
    "ObservationSet": "goalframe._observations",
    "SetAside": "goalframe._observations",
    "observations_from_records": "goalframe._observations",
    "Frequency": "goalframe._periods",
    "Period": "goalframe._periods",
    "Gap": "goalframe._results",
    "GroupResult": "goalframe._results",
    "GroupRollUp": "goalframe._results",
    "IndicatorResult": "goalframe._results",
    "ObjectiveResult": "goalframe._results",
    "Observed": "goalframe._results",
    "Scorecard": "goalframe._outputs",
    "Trend": "goalframe._results",
    "__version__": "goalframe._version",
    "DataError": "goalframe.errors",
    "GoalframeError": "goalframe.errors",
    "MethodError": "goalframe.errors",
    "RenderError": "goalframe.errors",
    "SpecError": "goalframe.errors",
    "UnitError": "goalframe.errors",
    "dump_framework": "goalframe.io",
    "load_framework": "goalframe.io",
    "parse_framework": "goalframe.io",
    "load_observations": "goalframe.io._load_observations",
    "read_frame": "goalframe.io._load_observations",
    "import_open_sdg": "goalframe.io._open_sdg",
    "OpenSdgImport": "goalframe.io._open_sdg",
    "import_table": "goalframe.io._table_import",
    "TableImport": "goalframe.io._table_import",
    "MethodInfo": "goalframe.progress",
    "get_method": "goalframe.progress",
    "methods": "goalframe.progress",
    "register_method": "goalframe.progress",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        msg = f"module 'goalframe' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
