"""Open SDG unit texts that name a unit of goalframe's registry."""

from __future__ import annotations

__all__ = ["REGISTRY_UNITS", "UNSTATED", "registry_unit"]

#: The unit of figures whose repository states none (a counting unit labelled so).
UNSTATED = "unit not stated"


#: Open SDG unit texts that are a unit of goalframe's registry, by their words (lower case,
#: single spaces): such figures are in that unit, with its sign and limits on cards, instead
#: of a unit of their own named after the text.
REGISTRY_UNITS = {
    "percentage": "percent",
    "percentage (%)": "percent",
    "percent": "percent",
    "per cent": "percent",
    "per cent (%)": "percent",
    "%": "percent",
    "percentage points": "percentage_point",
    "percentage point": "percentage_point",
}


def registry_unit(text: str) -> str | None:
    """The registry's unit a repository's ``Units`` text names (``Percentage (%)``), or None."""
    return REGISTRY_UNITS.get(" ".join(text.lower().split()))
