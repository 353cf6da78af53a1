"""Evaluation of a framework: every indicator's series assessed, objectives rolled up.

`assess_all` is the reference path (one series at a time, in Python): `_run` reads the
observations into series and assesses each indicator and group, `_series` converts units and
sets rows aside with their reasons, `_targets` picks the method and the target in force, and
`_rollup` combines parts into objectives.
"""

from __future__ import annotations

from goalframe._evaluate._run import assess_all as assess_all
from goalframe._evaluate._run import prepare as prepare
from goalframe._evaluate._series import unit_mismatch as unit_mismatch
from goalframe._evaluate._targets import _method_for as _method_for
from goalframe._evaluate._targets import in_force_index as in_force_index
