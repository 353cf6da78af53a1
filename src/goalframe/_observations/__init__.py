"""Observations: one figure of one indicator at one period, and the rows set aside.

`_values` holds the values (an observation, a row set aside, the table's columns and flags);
`_build` reads rows into them, setting aside what cannot be read with the reason.
"""

from __future__ import annotations

from goalframe._observations._build import build_observations as build_observations
from goalframe._observations._build import observations_from_columns as observations_from_columns
from goalframe._observations._build import observations_from_records as observations_from_records
from goalframe._observations._values import COLUMNS as COLUMNS
from goalframe._observations._values import FLAGS as FLAGS
from goalframe._observations._values import KNOWN_COLUMNS as KNOWN_COLUMNS
from goalframe._observations._values import RELEASE_COLUMNS as RELEASE_COLUMNS
from goalframe._observations._values import REQUIRED_COLUMNS as REQUIRED_COLUMNS
from goalframe._observations._values import Breakdown as Breakdown
from goalframe._observations._values import Observation as Observation
from goalframe._observations._values import ObservationSet as ObservationSet
from goalframe._observations._values import SetAside as SetAside
from goalframe._observations._values import describe_breakdown as describe_breakdown
from goalframe._observations._values import parse_flags as parse_flags
from goalframe._observations._values import parse_value as parse_value
