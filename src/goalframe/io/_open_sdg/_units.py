"""Unit texts of other people's files, for the Open SDG and table imports.

A text that names a unit of goalframe's registry is that unit; any other becomes a counting
unit of the goal file, named after the text.
"""

from __future__ import annotations

__all__ = ["REGISTRY_UNITS", "UNSTATED", "counting_unit", "registry_unit"]

#: The unit of figures whose repository states none (a counting unit labelled so).
UNSTATED = "unit not stated"


#: Unit texts that are a unit of goalframe's registry, by their words (lower case, single
#: spaces; English and Dutch): such figures are in that unit, with its sign and limits on
#: cards, instead of a unit of their own named after the text.
REGISTRY_UNITS = {
    "percentage": "percent",
    "percentage (%)": "percent",
    "percent": "percent",
    "per cent": "percent",
    "per cent (%)": "percent",
    "%": "percent",
    "procent": "percent",
    "percentage points": "percentage_point",
    "percentage point": "percentage_point",
    "procentpunt": "percentage_point",
    "procentpunten": "percentage_point",
}


def registry_unit(text: str) -> str | None:
    """The registry's unit a repository's ``Units`` text names (``Percentage (%)``), or None."""
    return REGISTRY_UNITS.get(" ".join(text.lower().split()))


def counting_unit(text: str, units: dict[str, str]) -> str:
    """The goal file's counting unit for a unit text (``Tonnes`` -> ``u_tonnes``).

    Added to ``units`` (text -> name) the first time, with a name unique there.
    """
    import re

    if text not in units:
        slug = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
        name = base = "u_" + (slug or "unit")
        n = 2
        while name in units.values():
            name, n = f"{base}_{n}", n + 1
        units[text] = name
    return units[text]
