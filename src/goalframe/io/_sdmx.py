"""SDMX-CSV (1.0 and 2.0) observations, mapped to goalframe's tidy columns.

A file is SDMX-CSV when its header has ``TIME_PERIOD`` and ``OBS_VALUE``. The mapping:

- ``TIME_PERIOD`` -> ``period`` (SDMX forms such as ``2020-Q1``, ``2020-M03``, ``2020-A1``);
  ``OBS_VALUE`` -> ``value`` (``NaN`` or empty: a missing value, set aside);
  ``UNIT_MEASURE`` -> ``unit``, with ``UNIT_MULT`` applied (``UNIT_MULT=6``: millions);
- the indicator is the ``INDICATOR`` column, else ``SERIES``, else the dataflow
  (``DATAFLOW`` or ``STRUCTURE_ID``) without agency and version, as Eurostat serves a
  dataset: ``ESTAT:NRG_IND_REN(1.0)`` names the indicator ``NRG_IND_REN`` (its dimensions
  are breakdowns: pick one with ``select:``);
- ``OBS_STATUS`` (Eurostat: ``OBS_FLAG``, each letter a flag, ``bp``) -> flags (`OBS_STATUS`
  below); the code and its meaning go to the note;
- ``CONF_STATUS`` other than ``F`` (free): a confidential value, set aside with the reason;
- header case and spaces do not matter (``LAST UPDATE`` is ``last_update``);
- ``LAST UPDATE`` (Eurostat: the day a figure was last updated, ``23/10/24 23:00:00``,
  ``23/10/2024`` or ``2024-10-23T23:00:00+02:00``) is the row's vintage, read as that day,
  unless the file has a ``vintage`` or ``published`` column;
- ``DATAFLOW``, ``STRUCTURE``, ``STRUCTURE_ID``, ``FREQ`` and known attribute columns
  (`ATTRIBUTES`) are not breakdowns; every other column is a dimension, that is, a breakdown;
- ``ACTION`` (SDMX-CSV 2.0): ``D`` (delete) rows are set aside;
- a header or cell written ``ID: Label`` (SDMX-CSV with labels) is read by its id.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

from goalframe._messages import Message, Term
from goalframe._observations import SetAside
from goalframe.errors import Location, ObservationError

#: OBS_STATUS codes -> (goalframe flag or None, meaning). Upper case: SDMX's code list
#: CL_OBS_STATUS 2.2; lower case: Eurostat's flags.
OBS_STATUS: Mapping[str, tuple[str | None, str]] = {
    "A": (None, "normal value"),
    "B": ("break", "time series break"),
    "D": ("break", "definition differs"),
    "E": ("estimated", "estimated value"),
    "F": ("estimated", "forecast value"),
    "G": ("provisional", "experimental value"),
    "I": ("estimated", "imputed value"),
    "J": (None, "derogation"),
    "K": (None, "data included in another category"),
    "N": (None, "not significant"),
    "P": ("provisional", "provisional value"),
    "S": (None, "strike or other special event"),
    "U": ("suspect", "low reliability"),
    "V": ("provisional", "unvalidated value"),
    "W": (None, "includes data from another category"),
    "b": ("break", "break in time series"),
    "d": ("break", "definition differs"),
    "e": ("estimated", "estimated"),
    "f": ("estimated", "forecast"),
    "n": (None, "not significant"),
    "p": ("provisional", "provisional"),
    "r": ("revised", "revised"),
    "s": ("estimated", "Eurostat estimate"),
    "u": ("suspect", "low reliability"),
}
#: OBS_STATUS codes for a value that is missing: the row is set aside with this reason.
MISSING: Mapping[str, str] = {
    "H": "missing value (holiday or weekend)",
    "L": "missing value (data exist but were not collected)",
    "M": "missing value (data cannot exist)",
    "O": "missing value",
    "Q": "missing value (suppressed)",
    "c": "confidential",
    "z": "not applicable",
    ":": "not available",
}
#: Columns that are neither a dimension nor mapped: left out of the breakdown.
ATTRIBUTES = frozenset(
    {
        "dataflow",
        "structure",
        "structure_id",
        "action",
        "freq",
        "obs_status",
        "obs_conf",
        "obs_flag",
        "conf_status",
        "unit_mult",
        "decimals",
        "time_format",
        "title",
        "comment_obs",
        "comment_ts",
        "comment_dset",
        "source_detail",
        "obs_pre_break",
        "embargo_time",
        "base_per",
        "compiling_org",
        "last_update",
    }
)
_RENAMED = {"time_period": "period", "obs_value": "value", "unit_measure": "unit"}


def is_sdmx(columns: list[str]) -> bool:
    """Whether a header (lower case) is SDMX-CSV's."""
    ids = [_id(c) for c in columns]
    return "time_period" in ids and "obs_value" in ids


_FREE_TEXT = frozenset({"value", "period", "note", "source", "vintage", "published"})


def _code(value: object) -> object:
    """``NL: Netherlands`` -> ``NL``: a coded cell of SDMX-CSV with labels, by its code."""
    if isinstance(value, str) and ": " in value:
        return value.split(":", 1)[0].strip()
    return value


def _id(text: str) -> str:
    """``REF_AREA: Reference area`` -> ``ref_area`` (labels); ``LAST UPDATE`` -> ``last_update``."""
    name = text.split(":", 1)[0] if ": " in text else text
    return "_".join(name.strip().lower().split())


_FLOW = re.compile(r"^[^:()]+:([^:()]+)\([^()]*\)$")


def _flow(value: object) -> object:
    """``ESTAT:NRG_IND_REN(1.0)`` -> ``NRG_IND_REN``: a dataflow without agency and version."""
    if isinstance(value, str) and (m := _FLOW.match(value.strip())) is not None:
        return m[1]
    return value


def sdmx_columns(columns: list[str], name: str) -> tuple[list[str], tuple[str, ...]]:
    """The tidy names of SDMX columns, and the breakdown (dimension) columns among them."""
    ids = [_id(c) for c in columns]
    indicator = next(
        (c for c in ("indicator", "series", "dataflow", "structure_id") if c in ids), None
    )
    if indicator is None:
        message = Message("sdmx_no_indicator", header=", ".join(c.upper() for c in ids))
        raise ObservationError(message, Location(name, 1))
    if "unit_measure" not in ids and "unit" not in ids:
        raise ObservationError(Message("sdmx_no_unit"), Location(name, 1))
    tidy = ["indicator" if c == indicator else _RENAMED.get(c, c) for c in ids]
    mapped = {"indicator", "period", "value", "unit", "note", "source", "vintage", "published"}
    breakdown = tuple(c for c in tidy if c not in mapped and c not in ATTRIBUTES)
    return tidy, breakdown


def sdmx_rows(
    rows: Iterator[tuple[Mapping[str, Any], Location]], set_aside: list[SetAside]
) -> Iterator[tuple[Mapping[str, Any], Location]]:
    """Tidy rows from SDMX rows: codes without labels, OBS_STATUS as flags, UNIT_MULT applied."""
    for raw, location in rows:
        row = {k: (_code(v) if k not in _FREE_TEXT else v) for k, v in raw.items()}
        row["indicator"] = _flow(row.get("indicator"))
        status = str(row.pop("obs_status", "") or row.pop("obs_flag", "") or "").strip()
        value = str(row.get("value") or "").strip()
        if str(row.get("action") or "").strip().upper() == "D":
            set_aside.append(_aside(row, Message("sdmx_deleted"), location))
            continue
        confidential = str(row.get("conf_status") or "").strip()
        if confidential and confidential.upper() != "F":
            set_aside.append(_aside(row, Message("sdmx_confidential", code=confidential), location))
            continue
        if status in MISSING or value.lower() == "nan":
            reason = Term("sdmx_missing", status if status in MISSING else "NaN")
            said = Message("sdmx_missing", reason=reason, status=status or Message("sdmx_none"))
            set_aside.append(_aside(row, said, location))
            continue
        notes = [str(row["note"])] if row.get("note") else []
        if status:
            # One code, or Eurostat's letters one flag each (``bp``: break, provisional).
            codes = [status] if status in OBS_STATUS else list(status)
            if not all(c in OBS_STATUS for c in codes):
                known = ", ".join(sorted({*OBS_STATUS, *MISSING}))
                message = Message("sdmx_status", code=repr(status), known=known)
                raise ObservationError(message, location)
            flags = dict.fromkeys(f for c in codes if (f := OBS_STATUS[c][0]) is not None)
            row["flag"] = ";".join(flags)
            if status != "A":  # a normal value needs no note
                meanings = ", ".join(OBS_STATUS[c][1] for c in codes)
                notes.append(f"OBS_STATUS {status} ({meanings})")
        row["note"] = "; ".join(notes) or None
        update = str(row.pop("last_update", "") or "").strip()
        if update and not row.get("vintage") and not row.get("published"):
            row["vintage"] = last_update_day(update, location)
        code = str(row.get("unit") or "").strip().upper()
        if code in SDMX_UNITS:  # ESTAT's code list: PC is a percentage here, not a parsec
            row["unit"] = SDMX_UNITS[code]
        mult = str(row.get("unit_mult") or "").strip()
        if mult and value:
            row["value"] = _scaled(value, mult, location)
        yield row, location


#: Units of Eurostat's UNIT code list (and the SDMX global one) read as goalframe's units.
#: Only codes with one meaning: ``PC`` is a percentage in SDMX, a parsec to pint; ``NR``
#: (a number of something) stays as it is, for the goal file to name (``units:``).
SDMX_UNITS = {
    "PC": "percent",
    "PC_POP": "percent",
    "PC_HH": "percent",
    "PC_GDP": "percent",
    "PC_TOT": "percent",
    "PC_IND": "percent",
    "PC_ENT": "percent",
    "PCH_PRE": "percent",
    "PP": "percentage_point",
    "EUR": "EUR",
    "THS_EUR": "EUR_thousand",
    "MIO_EUR": "EUR_million",
    "BN_EUR": "EUR_billion",
    "KG": "kg",
    "T": "tonne",
    "THS_T": "kilotonne",
    "HA": "hectare",
    "KM": "km",
}


def _scaled(value: str, mult: str, location: Location) -> str:
    from goalframe._numbers import parse_number

    try:
        power = int(mult)
    except ValueError:
        raise ObservationError(Message("sdmx_mult", mult=repr(mult)), location) from None
    if not -15 <= power <= 15:
        raise ObservationError(Message("sdmx_mult_range", power=str(power)), location)
    try:
        number = parse_number(value) * 10.0**power
    except ValueError:
        return value  # the reader reports the value with its own message
    return repr(number) if math.isfinite(number) else value


def _aside(row: Mapping[str, Any], reason: str, location: Location) -> SetAside:
    return SetAside(
        reason=reason,
        indicator=str(row.get("indicator") or ""),
        period=str(row.get("period") or ""),
        value=str(row.get("value") or ""),
        location=location,
    )


_EUROSTAT_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


def last_update_day(text: str, location: Location) -> str:
    """Eurostat's ``LAST UPDATE`` as the day it names (``23/10/24 23:00:00`` -> 2024-10-23).

    Eurostat writes day/month/year (two-digit years are 20xx); an SDMX API writes ISO 8601
    (``2024-10-23T23:00:00+02:00``: the day as written, its clock time dropped).
    """
    import datetime as dt

    if (m := _EUROSTAT_DAY.match(text)) is not None:
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        parts = (year, int(m[2]), int(m[1]))
    elif (m := _ISO_DAY.match(text)) is not None:
        parts = (int(m[1]), int(m[2]), int(m[3]))
    else:
        raise ObservationError(Message("sdmx_last_update", text=repr(text[:60])), location)
    try:
        return dt.date(*parts).isoformat()
    except ValueError:
        raise ObservationError(
            Message("sdmx_last_update", text=repr(text[:60])), location
        ) from None
