"""The goal file's spec compiled into the model: units resolved, ids and the tree checked.

`_framework` checks the whole file and builds the framework, `_goal` each indicator and its
targets, `_problems` says pydantic's validation errors in the reader's words.
"""

from __future__ import annotations

from goalframe._compile._framework import compile_framework as compile_framework
from goalframe._compile._problems import unit_problems as unit_problems
from goalframe._compile._problems import validation_problems as validation_problems
