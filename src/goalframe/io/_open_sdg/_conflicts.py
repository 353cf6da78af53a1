"""Rows of an Open SDG file that give one period two different values."""

from __future__ import annotations

from typing import Any

from goalframe.errors import Location
from goalframe.io._open_sdg._files import _number
from goalframe.io._open_sdg._result import Skipped


def conflicts(
    rows: list[dict[str, Any]], origins: list[Location]
) -> tuple[list[dict[str, Any]], list[Location], list[Skipped]]:
    """The rows and their places without those that give one period different values.

    Which of them is right cannot be told from the file (an Open SDG file has no release
    date): every row of such a period is set aside, with the lines and values. Rows
    repeated with one value stay (the observations keep one).
    """
    seen: dict[tuple[Any, ...], list[int]] = {}
    for k, row in enumerate(rows):
        key = tuple(sorted((c, str(v)) for c, v in row.items() if c not in ("value", "note")))
        seen.setdefault(key, []).append(k)
    dropped: set[int] = set()
    said: list[Skipped] = []
    for ks in seen.values():
        if len(ks) < 2 or len({_value_key(rows[k]["value"]) for k in ks}) < 2:
            continue
        values = ", ".join(f"{rows[k]['value']} (line {origins[k].line})" for k in ks)
        reason = (
            f"rows set aside: one period with different values ({values}); which is right "
            "cannot be told from the file"
        )
        said.append(_set_aside(rows[ks[0]], origins[ks[0]], reason))
        dropped.update(ks)
    keep = [k for k in range(len(rows)) if k not in dropped]
    return [rows[k] for k in keep], [origins[k] for k in keep], said


def _value_key(text: str) -> object:
    """A value as compared: ``16`` and ``16.0`` are one value."""
    try:
        return _number(text)
    except ValueError:
        return text.strip()


def mixed_frequencies(
    rows: list[dict[str, Any]], origins: list[Location]
) -> tuple[list[dict[str, Any]], list[Location], list[Skipped]]:
    """The rows without those of a series in a second frequency (years beside quarters).

    A series written in years and in financial years (the UK's ``2005/06`` beside ``2006``)
    cannot be ordered: the frequency with the most rows is kept, the other rows set aside
    with the reason (the counts and the first line).
    """
    from goalframe._periods import parse_period

    kinds: dict[tuple[Any, ...], dict[str, list[int]]] = {}
    frequencies: dict[str, str | None] = {}  # each distinct period read once
    for k, row in enumerate(rows):
        key = tuple(
            sorted((c, str(v)) for c, v in row.items() if c not in ("value", "note", "period"))
        )
        text = str(row["period"])
        if text not in frequencies:
            try:
                frequencies[text] = parse_period(text).frequency.value
            except ValueError:
                frequencies[text] = None  # the observations say why, with the line
        frequency = frequencies[text]
        if frequency is not None:
            kinds.setdefault(key, {}).setdefault(frequency, []).append(k)
    dropped: set[int] = set()
    said: list[Skipped] = []
    for by_kind in kinds.values():
        if len(by_kind) < 2:
            continue
        kept = max(by_kind, key=lambda f: len(by_kind[f]))
        for frequency, ks in by_kind.items():
            if frequency == kept:
                continue
            reason = (
                f"{len(ks)} row(s) set aside from line {origins[ks[0]].line}: the series mixes "
                f"{frequency.replace('_', ' ')} periods with {kept.replace('_', ' ')} ones "
                f"({len(by_kind[kept])} rows, kept)"
            )
            said.append(_set_aside(rows[ks[0]], origins[ks[0]], reason))
            dropped.update(ks)
    keep = [k for k in range(len(rows)) if k not in dropped]
    return [rows[k] for k in keep], [origins[k] for k in keep], said


def _set_aside(row: dict[str, Any], origin: Location, reason: str) -> Skipped:
    """What the report says of rows set aside: the file, the indicator and period, why."""
    return Skipped(file=origin.file, field=f"{row['indicator']} {row['period']}", reason=reason)
