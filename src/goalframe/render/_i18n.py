"""The renderers' words: fixed texts, statuses, flags, levels and built messages in a language.

The catalogues themselves are read by `goalframe._messages` (one TOML file per language in
``goalframe/locales``); this module looks words up in them for the renderers.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from goalframe._assessment import Status
from goalframe._messages import Term, catalogues, say

__all__ = [
    "flag",
    "language",
    "languages",
    "level",
    "rollup",
    "say",
    "status",
    "target_words",
    "text",
    "texts",
]


def languages() -> tuple[str, ...]:
    """The languages there is a catalogue for, English first."""
    from goalframe._text import catalogue_languages

    return catalogue_languages()


def target_words(lang: str) -> Mapping[str, str]:
    """The words a target is described with (`Goal.describe`), in ``lang``."""
    return {**catalogues()[lang]["target_words"], "language": lang}


def level(lang: str, value: Enum | None) -> str:
    """An objective's level (impact, outcome, output, input) in ``lang``."""
    return Term("levels", str(value.value)).say(lang) if value is not None else ""


def rollup(lang: str, value: Enum) -> str:
    """A roll-up rule in plain words, with its name: ``mean of the verdicts' ranks (mean)``."""
    return f"{Term('rollup', str(value.value)).say(lang)} ({value.value})"


def language(lang: str | None, default: str) -> str:
    """The language to render in: ``lang`` if given, else the goal file's."""
    chosen = lang or default
    if chosen not in catalogues():
        from goalframe.errors import UnknownLanguageError

        msg = (
            f"unknown language {chosen!r}; choose one of {', '.join(languages())} (or add "
            f"a catalogue, goalframe/locales/{chosen}.toml)"
        )
        raise UnknownLanguageError(msg)
    return chosen


def text(lang: str, key: str, **values: object) -> str:
    """A fixed text in ``lang``, with values filled in."""
    message = str(catalogues()[lang]["text"][key])
    return message.format(**values) if values else message


def texts(lang: str) -> Mapping[str, str]:
    """Every fixed text in ``lang``, by key (for templates)."""
    return catalogues()[lang]["text"]  # type: ignore[no-any-return]


def status(lang: str, value: Status) -> str:
    """A status in plain words."""
    return str(catalogues()[lang]["status"][value.value])


def method(lang: str, name: str) -> str:
    """A method's display name (``traject``); the registered name when none is catalogued."""
    from goalframe._messages import Term

    return Term("methods", name).say(lang)


def caveat(lang: str, code: str) -> str:
    """A caveat's title (``trendbreuk``); the stable code stays in JSON, CSV and `explain`."""
    from goalframe._messages import Term

    return Term("caveats", code).say(lang)


def flag(lang: str, name: str) -> str:
    """A flag's meaning in plain words."""
    return str(catalogues()[lang]["flags"][name])
