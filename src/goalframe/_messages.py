"""Texts in every language goalframe speaks: the catalogues, numbers and built messages.

Each language has one catalogue, ``goalframe/locales/<code>.toml`` (a TOML file a translator
edits: the keys stay, the values are translated). Its ``[language]`` table names the babel
locale (``nl_NL``) whose CLDR data decide how numbers, percentages and dates are written.

Texts built from data (a verdict's reason, a caveat) are `Message` values: an English
``str`` that also keeps its catalogue key and the values it was built from, so that a card
in another language says it in its own words (`say`). Code that reads them as strings sees
the English text, unchanged.

This module is at the bottom of the layers: it imports nothing from goalframe but `_text` and
`_locale_numbers`.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from goalframe._text import number as _english_number

if TYPE_CHECKING:
    from goalframe._locale_numbers import LocaleNumbers

__all__ = [
    "Lines",
    "Message",
    "Term",
    "catalogue",
    "catalogues",
    "date",
    "label",
    "localise",
    "message_of",
    "number",
    "percent",
    "say",
]

ENGLISH = "en"


@functools.cache
def catalogues() -> Mapping[str, Mapping[str, Any]]:
    """Every language's catalogue, read once from the package's ``locales`` folder."""
    import tomllib
    from importlib import resources

    found: dict[str, Mapping[str, Any]] = {}
    folder = resources.files("goalframe").joinpath("locales")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            found[entry.name.removesuffix(".toml")] = tomllib.loads(entry.read_text("utf-8"))
    return found


def catalogue(lang: str) -> Mapping[str, Any]:
    """One language's catalogue (English when ``lang`` has none)."""
    found = catalogues()
    return found.get(lang) or found[ENGLISH]


class Term:
    """A word from a catalogue table, said in the card's language: a status, a level, a flag.

    ``Term("status", "missed")`` is ``missed`` in English and ``niet gehaald`` in Dutch.
    """

    __slots__ = ("key", "table")

    def __init__(self, table: str, key: str) -> None:
        self.table = table
        self.key = key

    def say(self, lang: str) -> str:
        """The word in ``lang`` (the key itself when no catalogue has it)."""
        words = catalogue(lang).get(self.table, {})
        english = catalogue(ENGLISH).get(self.table, {})
        return str(words.get(self.key) or english.get(self.key) or self.key)

    def __str__(self) -> str:
        return self.say(ENGLISH)

    def __repr__(self) -> str:
        return f"Term({self.table!r}, {self.key!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Term) and (other.table, other.key) == (self.table, self.key)

    def __hash__(self) -> int:
        return hash((self.table, self.key))


class Message(str):
    """A text built from data, in English, that other languages can say in their own words.

    ``Message("no_figure_for", periods=["2023", "2024"])`` is the string
    ``no figure for 2023, 2024``; its ``key`` names the template in every catalogue's
    ``[messages]`` table and ``values`` keep what was filled in. Values are said in the
    card's language: numbers with its separators, `Term` and nested `Message` in its words,
    lists joined with commas, anything else as ``str()``.
    """

    key: str
    values: Mapping[str, object]

    def __new__(cls, key: str, /, **values: object) -> Message:
        self = super().__new__(cls, _fill(ENGLISH, key, values))
        self.key = key
        self.values = values
        return self

    def say(self, lang: str) -> str:
        """This message in ``lang``."""
        return self if lang == ENGLISH else _fill(lang, self.key, self.values)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.key, dict(self.values)))


class Lines(Message):
    r"""Several texts on lines of their own (a heading, then indented items), each said in turn.

    ``Lines([heading, row, row])`` is the English text ``heading\n  row\n  row``; `say` says
    each line that is a `Message` or `Term` in the language asked for.
    """

    def __new__(cls, lines: Sequence[str], /) -> Lines:
        self = str.__new__(cls, "\n  ".join(lines))
        self.key = ""
        self.values = {"lines": tuple(lines)}
        return self

    @property
    def lines(self) -> tuple[str, ...]:
        """The lines, each a text or a message."""
        return tuple(self.values["lines"])  # type: ignore[arg-type]

    def say(self, lang: str) -> str:
        """The lines in ``lang``."""
        return "\n  ".join(say(line, lang) for line in self.lines)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Lines, (list(self.lines),))


def _rebuild(key: str, values: dict[str, object]) -> Message:
    return Message(key, **values)


def _fill(lang: str, key: str, values: Mapping[str, object]) -> str:
    template = catalogue(lang).get("messages", {}).get(key)
    if template is None:
        template = catalogue(ENGLISH)["messages"][key]
    return str(template).format(**{name: _value(v, lang) for name, v in values.items()})


def _value(value: object, lang: str) -> str:
    if isinstance(value, Message | Term):
        return value.say(lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return number(value, lang)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Sequence) and not isinstance(value, str):
        # Messages listed are clauses (``revised: 2016; provisional: 2023``); words are items.
        joiner = "; " if value and all(isinstance(v, Message) for v in value) else ", "
        return joiner.join(_value(v, lang) for v in value)
    return str(value)


_OF_MET = re.compile(r"^(.*) \((\d+) of (\d+) met\)$")
_MET_OF = re.compile(r"^met \((\d+) of (\d+)\)$")


def label(text: str, lang: str) -> str:
    """A method's label (``far_behind_trajectory``, ``missed, moved away``) in ``lang``.

    Labels the catalogue's ``[labels]`` table has are translated, with the counts of
    ``... (2 of 6 met)``; any other label, an identifier of its method, stays as it is.
    """
    if lang == ENGLISH:
        return text
    words = catalogue(lang).get("labels", {})
    if found := _MET_OF.match(text):
        return str(words.get("met ({met} of {total})", text)).format(met=found[1], total=found[2])
    if found := _OF_MET.match(text):
        template = str(words.get("{base} ({met} of {total} met)", text))
        return template.format(base=label(found[1], lang), met=found[2], total=found[3])
    return str(words.get(text, text))


def message_of(exc: BaseException) -> str:
    """The text an error was raised with: the catalogue `Message` itself where it was one.

    ``str(exc)`` would give its English words only (and a ``KeyError``'s text in quotes).
    """
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, str) else str(exc)


def say(text: str | None, lang: str) -> str:
    """``text`` in ``lang``: a `Message` or `Term` translated, any other text as it is."""
    if text is None:
        return ""
    if isinstance(text, Message | Term):
        return text.say(lang)
    return text


@functools.cache
def _numbers(lang: str) -> LocaleNumbers | None:
    """How ``lang``'s locale writes numbers (`goalframe._locale_numbers`); None for English."""
    if lang == ENGLISH:
        return None
    from goalframe._locale_numbers import for_locale

    return for_locale(str(catalogue(lang).get("language", {}).get("locale") or lang))


def localise(text: str, lang: str = ENGLISH) -> str:
    """The numbers in ``text``, written the English way (``40,641.5``), in ``lang``'s way.

    Its separators, minus sign and group sizes, from babel's CLDR data.
    """
    style = _numbers(lang)
    return style.localise(text) if style else text


def number(value: float | None, lang: str = ENGLISH) -> str:
    """A number as ``lang`` writes it: ``40,641.5`` in English, ``40.641,5`` in Dutch.

    The digits are goalframe's (thousands grouped, at most four significant decimals, never
    an exponent); the symbols, group sizes and digits are the locale's, from babel's CLDR
    data (what its ``format_decimal`` writes, a test checks).
    """
    text = _english_number(value)
    style = _numbers(lang)
    return style.number(text) if style and text != "–" else text


def percent(share: float | None, lang: str = ENGLISH) -> str:
    """A share as a whole percentage in ``lang``: 0.734 -> ``73%`` (``73 %`` in French)."""
    import math

    if share is None or not math.isfinite(share):
        return "–"
    whole = f"{share * 100:,.0f}"
    style = _numbers(lang)
    return style.percent.format(style.number(whole)) if style else f"{whole}%"


def date(day: datetime.date, lang: str = ENGLISH) -> str:
    """A date as ``lang`` writes it in full: ``28 November 2026``, ``28 november 2026``."""
    from babel.dates import format_date

    locale_name = str(catalogue(lang).get("language", {}).get("locale") or lang)
    return str(format_date(day, format="long", locale=locale_name))
