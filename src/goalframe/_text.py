"""Text helpers shared by every output: Markdown escaping and numbers people read.

Lint reports and scorecard renderers both write user text and numbers; they take them from
here so that one rule holds everywhere. This module imports nothing from goalframe.
"""

from __future__ import annotations

import math
import re

__all__ = ["catalogue_languages", "clean", "escape_markdown", "link_target", "number"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
#: C0 and C1 controls (but tab and newline), DEL, and the bidirectional-text controls that
#: can make text read differently from what it is (U+202E turns the rest of a line around).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str, *, newlines: bool = True) -> str:
    r"""User text made safe to print: controls and bidi overrides become visible escapes.

    ``ESC`` becomes ``\x1b`` and U+202E ``\u202e``, so no escape sequence reaches a terminal
    and no text turns itself around. Tabs become spaces; newlines stay unless
    ``newlines=False``.
    """
    text = _CONTROLS.sub(_visible, text.replace("\t", " "))
    return text if newlines else " ".join(text.splitlines())


def escape_markdown(text: str) -> str:
    """Escape user text for Markdown: no markup, no HTML, no broken table cells, no controls."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(clean(text).split()))


_LINK = re.compile(r"(?:https?://|mailto:)[^\s<>\"'`\\\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)


def link_target(url: str | None) -> str | None:
    """The URL when it is safe to make a link of (http, https or mailto, nothing odd in it)."""
    if url and _LINK.fullmatch(url.strip()):
        return url.strip()
    return None


def number(value: float | None) -> str:
    """Numbers people read: thousands separators, at most four significant decimals.

    Written the English way (``40,641.5``); `goalframe._messages.number` gives another
    language's separators.
    """
    if value is None or not math.isfinite(value):
        return "–"
    if value == int(value) and abs(value) <= 1e15:
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.1f}"
    if abs(value) >= 1:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    # Below 1: four significant digits as plain decimals (0.00001, not 1e-05), down to 1e-15;
    # smaller magnitudes, which no indicator has, keep the exponent.
    if abs(value) < 1e-15:
        return f"{value:.4g}"
    decimals = 3 - math.floor(math.log10(abs(value)))
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def catalogue_languages() -> tuple[str, ...]:
    """The languages with a message catalogue (``goalframe/locales/<code>.toml``).

    Read from the package's files, not by importing the renderers, so that the goal-file
    schema can check ``language:`` where it is written. English first.
    """
    from importlib import resources

    folder = resources.files("goalframe").joinpath("locales")
    codes = [e.name.removesuffix(".toml") for e in folder.iterdir() if e.name.endswith(".toml")]
    return tuple(sorted(codes, key=lambda code: (code != "en", code)))
