"""Text helpers shared by every output: Markdown escaping and numbers people read.

Lint reports and scorecard renderers both write user text and numbers; they take them from
here so that one rule holds everywhere. This module imports nothing from goalframe.
"""

from __future__ import annotations

import math
import re

__all__ = ["clean", "escape_markdown", "link_target", "number", "percent"]

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


#: Languages whose numbers use a decimal comma and a thousands point (40.641,5).
DECIMAL_COMMA = frozenset({"nl", "de", "fr", "es", "it", "pt"})
_SWAP = str.maketrans({",": ".", ".": ","})


def number(value: float | None, lang: str = "en") -> str:
    """Numbers people read: thousands separators, at most four significant decimals.

    In a language that writes decimals with a comma (Dutch: ``40.641``, ``35.357,7``) the
    separators are swapped, so that no reader takes forty thousand for forty.
    """
    if value is None or not math.isfinite(value):
        return "–"
    if value == int(value) and abs(value) < 1e15:
        text = f"{int(value):,}"
    elif abs(value) >= 100:
        text = f"{value:,.1f}"
    elif abs(value) >= 1:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.4g}"
    return text.translate(_SWAP) if lang in DECIMAL_COMMA else text


def percent(share: float | None) -> str:
    """A share as a whole percentage: 0.734 -> 73 %."""
    if share is None or not math.isfinite(share):
        return "–"
    return f"{share * 100:.0f} %"
