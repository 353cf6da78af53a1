"""The columnar engine: every series of a data frame assessed by grouped expressions.

`evaluate_frame` takes observations as any data frame narwhals supports (pandas, polars eager
or lazy, pyarrow, DuckDB, PySpark, Dask) and returns the verdicts as a frame of the same
backend, lazy in, lazy out. The package mirrors `goalframe.progress`:

- `_engine`: `evaluate_frame`, which prepares the rows once and runs each form;
- `forms/`: one module per target form (the path to a target, levels, norms, milestones,
  indicators without a target), each with what it covers; `forms.plan` says which path each
  indicator takes (a frame form, or the reference path);
- `_prepare`: the rows made ready once (periods as years, values in the indicator's unit,
  each row's role), given to every form as a `_run.FormRun`; `_rows`: a form's first pass
  and the rows it sets aside; `_options`: whether a form reads an indicator's options;
- `_expr`, `_caveats`: the narwhals expression helpers and the caveat codes every form adds;
- `methods/`: each progress method's frame form, in a module named as its reference code in
  `goalframe.progress`, registered under the method's name;
- `_reference`: the series no form covers, assessed one by one by the reference path;
- `_table`: the results' columns and small frames of the caller's backend.

A differential test (``tests/frames/``) keeps the engine and the reference path equal, and
an import-linter contract in pyproject.toml keeps these modules in layers.
"""

from __future__ import annotations

from goalframe._frames._engine import FrameEvaluation, evaluate_frame
from goalframe._frames._observations import observations_from_frame
from goalframe._frames._table import result_rows, result_table
from goalframe._verdict_columns import RESULT_COLUMNS

__all__ = [
    "RESULT_COLUMNS",
    "FrameEvaluation",
    "evaluate_frame",
    "observations_from_frame",
    "result_rows",
    "result_table",
]
