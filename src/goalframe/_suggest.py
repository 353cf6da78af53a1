"""Did-you-mean suggestions for names that are almost right (ids, codes, keys, methods)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["close_matches", "did_you_mean"]


def close_matches(name: str, known: Iterable[str], *, limit: int = 3) -> list[str]:
    """The known names close to ``name``, closest first (ignoring case when none is)."""
    choices = sorted(set(known))
    close = difflib.get_close_matches(name, choices, n=limit, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        close = [lowered[c] for c in difflib.get_close_matches(name.lower(), lowered, n=limit)]
    return close


def did_you_mean(name: str, known: Iterable[str], *, limit: int = 3) -> str:
    """``"; did you mean 'trajectory'?"``, or ``""`` when nothing is close."""
    close = close_matches(name, known, limit=limit)
    if not close:
        return ""
    return "; did you mean " + " or ".join(repr(c) for c in close) + "?"
