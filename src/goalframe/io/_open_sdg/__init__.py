"""Import an Open SDG data repository: a goal file and tidy observations from its files.

An Open SDG data repository keeps, per indicator ``1-2-1``:

- ``data/indicator_1-2-1.csv``: columns ``Year``, optional ``Series`` and ``Units``, any
  disaggregation columns, ``Value``; optionally ``GeoCode``, ``Observation status`` and
  ``Progress`` (a value used for the progress calculation instead of ``Value``);
- metadata in ``meta/1-2-1.yml`` (or ``.md`` with YAML front matter) and/or
  ``indicator-config/1-2-1.yml`` (which wins where both set a field): ``indicator_name``,
  ``target_id``, ``target``, ``computation_units``, ``reporting_status``,
  ``auto_progress_calculation``, ``progress_calculation_options``, ``progress_status``,
  ``source_organisation_1``, ``source_url_1``, ``data_start_values``.

The mapping follows sdg-build 2.4.0's progress measure (see the `open-sdg` method): one
objective per SDG target under one per goal; one goalframe indicator per item of
``progress_calculation_options`` (the series it selects: ``series``, ``unit`` and
``disaggregation`` values, else the headline rows, the ones whose disaggregation cells are all
empty); direction ``positive``/``negative`` (sdg-build's default is ``negative``, and the
summary says when it was used); ``target`` and ``target_year`` (default 2030) as the target;
``base_year`` and ``limit`` as method options. ``Year`` is cut to its first four characters, as
sdg-build does. Every unit text becomes a counting unit of its own in the goal file's
``units:`` section, so nothing is converted by guesswork. Whatever cannot be mapped is listed
with its file and field in `OpenSdgImport.skipped`; nothing is dropped silently.
"""

from __future__ import annotations

from goalframe.io._open_sdg._import import import_open_sdg as import_open_sdg
from goalframe.io._open_sdg._result import OpenSdgImport as OpenSdgImport
from goalframe.io._open_sdg._result import Skipped as Skipped
