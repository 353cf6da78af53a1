"""The card's words for its marks: caveat titles, breakdown headings, legends, notes.

Split from `goalframe.render._card_text`, which re-exports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goalframe.render import _i18n

if TYPE_CHECKING:
    from collections.abc import Mapping

    from goalframe._assessment import Caveat
    from goalframe._scorecard import ScorecardData
    from goalframe.schema import FrameworkSpec


def reproduce_note(card: ScorecardData, lang: str = "en") -> str | None:
    """A page's footer line on making the card again, when its date was the day of the run."""
    if card.as_of is None or card.as_of_given:
        return None
    return _i18n.text(lang, "reproduce", date=str(card.as_of))


def marks_legend(card: ScorecardData, lang: str = "en") -> list[str]:
    """What the card's marks mean, for those it shows: the trend arrows and the score."""
    from goalframe._assessment import Status

    t = _i18n.text
    lines = []
    if any(r.trend is not None for r in card.indicators):
        lines.append(t(lang, "legend_trend"))
    if any(o.score is not None for o in card.objectives):
        ranked: dict[int, list[str]] = {}
        for status in Status:
            if status.rank is not None:
                ranked.setdefault(status.rank, []).append(_i18n.status(lang, status))
        scale = ", ".join(f"{k} {' / '.join(ranked[k])}" for k in sorted(ranked, reverse=True))
        lines.append(t(lang, "legend_score", scale=scale))
    return lines


def breakdown_heading(heading: str, lang: str = "en", spec: FrameworkSpec | None = None) -> str:
    """The breakdown columns as a reader says them: ``region`` as ``regio`` in Dutch.

    The goal file's own label (``breakdowns:``, text or one per language) comes first, then
    the catalogue's ``breakdowns`` table for common column names, else the column as written
    (underscores as spaces).
    """
    from goalframe._messages import Term

    own = spec.breakdowns if spec is not None else {}
    columns = [c.strip() for c in heading.split(",")]
    return ", ".join(
        _said(own[c], lang) if c in own else Term("breakdowns", c).say(lang).replace("_", " ")
        for c in columns
    )


def _said(label: str | Mapping[str, str], lang: str) -> str:
    """A goal file's label in ``lang``: its text, or its ``lang`` entry.

    Else its English one, else the first.
    """
    if isinstance(label, str):
        return label
    return label.get(lang) or label.get("en") or next(iter(label.values()))


def caveat_codes(caveats: tuple[Caveat, ...], lang: str = "en") -> str:
    """``⚠ series break, flagged values``: the caveats' titles beside a verdict, in ``lang``."""
    titles = dict.fromkeys(_i18n.caveat(lang, c.code) for c in caveats)
    return "⚠ " + ", ".join(titles) if caveats else ""


def caveat_count(caveats: tuple[Caveat, ...], lang: str = "en") -> str:
    """``⚠ 2 caveats (notes)``: a short mark beside a verdict in narrow tables."""
    word = _i18n.text(lang, "caveats" if len(caveats) > 1 else "caveat").lower()
    return f"⚠ {len(caveats)} {word}"


def caveat_text(caveat: Caveat, lang: str = "en") -> str:
    """``⚠ missing periods: no figure for 2023``: a caveat's title and message in ``lang``."""
    return f"⚠ {_i18n.caveat(lang, caveat.code)}: {_i18n.say(caveat.message, lang)}"


def unit_sign(unit: str | None, lang: str = "en") -> str:
    """How a figure in ``unit`` is written, from the catalogue's ``unit_signs`` table.

    ``{}%`` for a percentage, ``{} pp`` for percentage points (``{} procentpunt``), ``{}``
    for any other unit (named in its own column or on the axis).
    """
    from goalframe._messages import catalogue

    signs = catalogue(lang).get("unit_signs", {})
    return str(signs.get(unit, "{}")) if unit else "{}"


def unit_label(unit: str | None, lang: str = "en", spec: FrameworkSpec | None = None) -> str:
    """A unit as cards name it: ``EUR_million`` as ``EUR million`` (``miljoen euro``).

    The goal file's own ``label`` for a unit it defines (text, or one per language) comes
    first, then goalframe's catalogue (``units`` table), then the identifier with its
    underscores as spaces. JSON and CSV keep the identifier.
    """
    from goalframe._messages import Term

    if not unit:
        return ""
    for defined in spec.units if spec is not None else ():
        if (unit != defined.name and unit not in defined.aliases) or defined.label is None:
            continue
        return _said(defined.label, lang)
    said = Term("units", unit).say(lang)
    return said.replace("_", " ")
