from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from goalframe._assessment import Status

#: Where the catalogues live: one ``<language>.toml`` per language (see ``en.toml``).
_LOCALES = "locales"


@functools.cache
def _catalogues() -> Mapping[str, Mapping[str, Any]]:
    """Every language's catalogue, read once from the ``locales`` folder of the package."""
    import tomllib
    from importlib import resources

    found: dict[str, Mapping[str, Any]] = {}
    folder = resources.files("goalframe.render").joinpath(_LOCALES)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            found[entry.name.removesuffix(".toml")] = tomllib.loads(entry.read_text("utf-8"))
    return found


def languages() -> tuple[str, ...]:
    """The languages there is a catalogue for, English first."""
    from goalframe._text import catalogue_languages

    return catalogue_languages()


def target_words(lang: str) -> Mapping[str, str]:
    """The words a target is described with (`Goal.describe`), in ``lang``."""
    catalogue = _catalogues()[lang]
    return {**catalogue["target_words"], "number_style": catalogue["language"]["decimal"]}


def decimal_comma(lang: str) -> bool:
    """Whether ``lang`` writes decimals with a comma (40.641,5)."""
    return bool(_catalogues()[lang]["language"]["decimal"] == "comma")


def language(lang: str | None, default: str) -> str:
    """The language to render in: ``lang`` if given, else the goal file's."""
    chosen = lang or default
    if chosen not in _catalogues():
        from goalframe.errors import UnknownLanguageError

        msg = (
            f"unknown language {chosen!r}; choose one of {', '.join(languages())} (or add "
            f"a catalogue, goalframe/render/locales/{chosen}.toml)"
        )
        raise UnknownLanguageError(msg)
    return chosen


def text(lang: str, key: str, **values: object) -> str:
    """A fixed text in ``lang``, with values filled in."""
    message = str(_catalogues()[lang]["text"][key])
    return message.format(**values) if values else message


def texts(lang: str) -> Mapping[str, str]:
    """Every fixed text in ``lang``, by key (for templates)."""
    return _catalogues()[lang]["text"]  # type: ignore[no-any-return]


def status(lang: str, value: Status) -> str:
    """A status in plain words."""
    return str(_catalogues()[lang]["status"][value.value])


def flag(lang: str, name: str) -> str:
    """A flag's meaning in plain words."""
    return str(_catalogues()[lang]["flags"][name])
