"""Did-you-mean suggestions for names that are almost right (ids, codes, keys, methods)."""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable

__all__ = ["Index", "close_matches", "did_you_mean"]


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


def _grams(name: str) -> set[str]:
    padded = f"\x02{name.lower()}\x03"
    return {padded[k : k + 3] for k in range(len(padded) - 2)}


class Index:
    """Known names indexed by their character trigrams, for the close matches of many names.

    `close_matches` compares a name with every known one (difflib, quadratic over many
    names: 16,000 unknown ids against 1,000 took 30 s). Here each name is compared only with
    the few known names that share the most trigrams with it, trigrams shared by a tenth of
    the names or more not counted; up to 64 known names, every one is compared, as before.
    After `LIMIT` names the index suggests nothing more (a run with that many unknown names
    has a larger problem than spelling; each is still named).
    """

    #: How many names get suggestions.
    LIMIT = 1000

    #: Up to this many known names, every one is compared (`close_matches`).
    SMALL = 64
    #: How many of the names sharing the most trigrams are compared.
    CANDIDATES = 8

    def __init__(self, known: Iterable[str]) -> None:
        self.names = sorted(set(known))
        self._grams: dict[str, list[int]] = defaultdict(list)
        for k, name in enumerate(self.names):
            for gram in _grams(name):
                self._grams[gram].append(k)
        self._common = max(32, len(self.names) // 10)
        self._asked = 0

    def close(self, name: str, *, limit: int = 3) -> list[str]:
        """The known names close to ``name``, closest first (as `close_matches`)."""
        self._asked += 1
        if self._asked > self.LIMIT:
            return []
        if len(self.names) <= self.SMALL:
            return close_matches(name, self.names, limit=limit)
        counts: Counter[int] = Counter()
        for gram in _grams(name):
            found = self._grams.get(gram)
            if found is not None and len(found) <= self._common:
                counts.update(found)
        candidates = [self.names[k] for k, _ in counts.most_common(self.CANDIDATES)]
        return close_matches(name, candidates, limit=limit) if candidates else []
