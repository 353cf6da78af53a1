"""Word lists and unit sets the rules read: vague words, enforcement units, percent units.

Extend the vague words per goal file with ``lint: {vague_words: [...]}``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["ENFORCEMENT_UNITS", "NUMBER", "PERCENT_UNITS", "STEPS_PER_YEAR", "VAGUE_WORDS"]

#: Vague verbs and nouns, as word stems matched at the start of a word, by language (S002).
#: Extend them per goal file with ``lint: {vague_words: [...]}``.
VAGUE_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "strengthen",
        "improv",
        "tackl",
        "reduc",
        "combat",
        "fight",
        "enhanc",
        "promot",
        "support",
        "address",
        "counter",
        "curb",
        "increas",
        "boost",
        "prevent",
        "step up",
        "work towards",
        "contribute to",
        "intensif",
        "better",
    ),
    "nl": (
        "versterk",
        "verbeter",
        "aanpak",
        "aanpakken",
        "terugdring",
        "beteugel",
        "weerbaarheid vergro",
        "bestrijd",
        "tegengaa",
        "bevorder",
        "inzetten op",
        "intensiveer",
        "intensivering",
        "verminder",
        "vergro",
        "verhog",
        "stimuler",
    ),
}

#: Units of enforcement counts: they measure effort as much as the size of a problem (R002).
ENFORCEMENT_UNITS = frozenset(
    {
        "plantation",
        "plantations",
        "site",
        "sites",
        "laboratory",
        "lab",
        "laboratories",
        "seizure",
        "seizures",
        "investigation",
        "investigations",
        "conviction",
        "convictions",
        "case",
        "cases",
        "network",
        "networks",
        "dumping",
        "dumpings",
        "suspect",
    }
)

PERCENT_UNITS = frozenset({"percent", "%", "percentage_point", "pct_point", "pct"})
NUMBER = re.compile(r"\d")
STEPS_PER_YEAR = {"yearly": 1, "quarterly": 4, "monthly": 12, "daily": 365}
