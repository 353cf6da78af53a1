"""The card's texts every renderer shares: figures, notes, counts, the groups' matrix."""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

import attrs

from goalframe import _messages
from goalframe._periods import Frequency
from goalframe._results import GroupResult, group_label
from goalframe._text import clean
from goalframe.render import _i18n
from goalframe.render._card_words import (
    breakdown_heading as breakdown_heading,
)
from goalframe.render._card_words import (
    caveat_codes as caveat_codes,
)
from goalframe.render._card_words import (
    caveat_count as caveat_count,
)
from goalframe.render._card_words import (
    caveat_text as caveat_text,
)
from goalframe.render._card_words import (
    marks_legend as marks_legend,
)
from goalframe.render._card_words import (
    reproduce_note as reproduce_note,
)
from goalframe.render._card_words import (
    unit_label as unit_label,
)
from goalframe.render._card_words import (
    unit_sign as unit_sign,
)
from goalframe.render._format import FLAG_MARK, STATUS_SYMBOL, flags, number

if TYPE_CHECKING:
    from goalframe._assessment import Assessment, Status
    from goalframe._periods import Period
    from goalframe._results import IndicatorResult, ObjectiveResult
    from goalframe._scorecard import ScorecardData


def status_text(status: Status, lang: str = "en") -> str:
    """``▲ on track``: the symbol and the status in words."""
    return f"{STATUS_SYMBOL[status]} {_i18n.status(lang, status)}"


def header_facts(
    card: ScorecardData, lang: str = "en", *, page: bool = False
) -> list[tuple[str, str]]:
    """The facts under the title, shared by every renderer.

    ``page``: for a published page (HTML), whose readers run no command: an assessment date
    that was the day of the run says so without the ``--as-of`` hint (`reproduce_note`).
    """
    spec = card.spec
    t = _i18n.text
    facts = []
    if spec.owner:
        facts.append((t(lang, "owner"), spec.owner))
    if spec.period:
        facts.append((t(lang, "period"), f"{spec.period.start}–{spec.period.end}"))
    if card.as_of is None:
        when = t(lang, "latest_data")
    elif card.as_of_given:
        when = _when(card.as_of, lang)
    elif page:  # a published page speaks to readers; the command's hint is in its footer
        when = t(lang, "assessment_date_made", date=_when(card.as_of, lang))
    else:
        when = t(lang, "assessment_date_today", date=_when(card.as_of, lang))
    facts.append((t(lang, "assessment_date"), when))
    methods = [card.method] if card.method else list(card.methods_used)
    facts.append((t(lang, "method"), ", ".join(_i18n.method(lang, m) for m in methods) or "–"))
    if spec.source_document:
        facts.append((t(lang, "policy_document"), spec.source_document.name))
    score = card.measurability
    if score is not None and score.score is not None:
        facts.append(
            (
                t(lang, "measurability"),
                t(
                    lang,
                    "measurability_value",
                    score=_messages.percent(score.score, lang),
                    passing=score.passing,
                    total=score.total,
                ),
            )
        )
    return facts


def figures(result: IndicatorResult, *, sep: str = " ", lang: str = "en") -> dict[str, str]:
    """Baseline, latest, target and progress as display text (``sep`` before the period).

    A figure in percent or percentage points carries its sign (``57.1%``, ``2.5 pp``).
    """
    goal = result.indicator.goal
    baseline = goal.baseline if goal else None
    latest = result.latest
    a = result.assessment
    sign = unit_sign(result.indicator.unit, lang)

    def figure(value: float) -> str:
        return sign.format(number(value, lang))

    target = "–"
    if goal is not None and goal.target is not None:
        target = figure(goal.target) + (f"{sep}({goal.deadline})" if goal.deadline else "")
    elif goal is not None and goal.milestones:
        final = goal.milestones[-1]
        target = f"{figure(final.value)}{sep}({final.period})"
    elif goal is not None and goal.low is not None and goal.high is not None:
        target = f"{figure(goal.low)}–{figure(goal.high)}"
    return {
        "baseline": f"{figure(baseline.value)}{sep}({baseline.period})" if baseline else "–",
        "latest": (
            f"{figure(latest.value)}{flags(latest.flags)}{sep}({latest.period})" if latest else "–"
        ),
        "target": target,
        "progress": progress_text(a, lang),
    }


def group_view(result: IndicatorResult, group: GroupResult) -> IndicatorResult:
    """One breakdown series shown as an indicator line (its own target, verdict, figures)."""
    import attrs

    indicator = attrs.evolve(result.indicator, goal=group.goal)
    return attrs.evolve(
        result,
        indicator=indicator,
        assessment=group.assessment,
        series=group.series,
        latest=group.latest,
        trend=group.trend,
        breakdown=group.group,
        groups=(),
        targets=(),
    )


@attrs.frozen
class MatrixRow:
    """One group's line of the breakdown matrix: a cell per indicator, a verdict per root."""

    group: tuple[tuple[str, str], ...]
    label: str
    cells: tuple[GroupResult | None, ...]
    verdicts: tuple[ObjectiveResult | None, ...]


@attrs.frozen
class Matrix:
    """Indicators x groups, as DHIS2's scorecards show organisation units x indicators.

    Attributes:
        heading: The breakdown columns, ``region`` (``region, sex`` for several).
        indicators: The indicators assessed per group (columns), in goal-file order.
        roots: The top-level objectives with a verdict for some group (columns after them).
        rows: One row per group, sorted by the group's values.
    """

    heading: str
    indicators: tuple[IndicatorResult, ...]
    roots: tuple[ObjectiveResult, ...]
    rows: tuple[MatrixRow, ...]


def matrix(card: ScorecardData) -> Matrix | None:
    """The breakdown matrix of a card, or None when no indicator has ``by:``."""
    columns = card.breakdowns
    if not columns:
        return None
    keys = card.group_keys
    heading = ", ".join(dict.fromkeys(c for key in keys for c, _ in key))
    index = [{g.group: g for g in r.groups} for r in columns]
    rollups = {g.group: {o.id: o for o in g.objectives} for g in card.groups}
    roots = tuple(
        o
        for o in card.objectives
        if o.depth == 0 and any(o.id in found for found in rollups.values())
    )
    rows = tuple(
        MatrixRow(
            group=key,
            label=group_label(key),
            cells=tuple(i.get(key) for i in index),
            verdicts=tuple(rollups.get(key, {}).get(o.id) for o in roots),
        )
        for key in keys
    )
    return Matrix(heading=heading, indicators=columns, roots=roots, rows=rows)


def group_notes(result: IndicatorResult, lang: str = "en") -> list[tuple[str, str]]:
    """Each group's reason and caveats, as (group label, text), but those of the headline.

    A caveat the indicator's own line already shows (an illustrative target) is not
    repeated for every group; one that only a group has (its own baseline on a peak) is.
    """
    shown = {c.code for c in result.caveats}
    out: list[tuple[str, str]] = []
    for group in result.groups:
        a = group.assessment
        if a.reason:
            out.append((group.label, reason_text(a.status, a.reason, lang)))
        out += [(group.label, caveat_text(c, lang)) for c in a.caveats if c.code not in shown]
    return out


def gap_text(result: IndicatorResult, lang: str = "en") -> str:
    """``Gap 2020: best Rotterdam 636, worst Landelijke Eenheid 2 (11 groups)``, or ""."""
    gap = result.gap
    if gap is None:
        return ""
    return _i18n.text(
        lang,
        "gap",
        period=str(gap.period),
        best=clean(group_label(gap.best), newlines=False),  # user text: no control reaches
        best_value=number(gap.best_value, lang),  # a terminal through the gap line
        worst=clean(group_label(gap.worst), newlines=False),
        worst_value=number(gap.worst_value, lang),
        size=number(gap.size, lang),
        groups=gap.groups,
    )


#: How each method's key number is shown; a method's own index keeps its own name.
_VALUE_NAME = {
    "open-sdg": "pv",
    "eurostat": "ratio",
    "unsd": "ratio",
    "escap": "AP",
    "okr": "grade",
}


def _when(period: Period, lang: str) -> str:
    """An assessment date in full (``28 November 2026``); other periods as written."""
    if period.frequency is Frequency.DAY:
        return _messages.date(period.start, lang)
    return str(period)


def share(value: float, lang: str = "en") -> str:
    """A share as a whole percentage, bounded for readers: never "-0 %", never "-3212 %"."""
    if value > 2:
        return _i18n.text(lang, "progress_beyond")
    rounded = round(value * 100)
    return _messages.percent(rounded / 100 if rounded else 0.0, lang)


def progress_text(a: Assessment, lang: str = "en") -> str:
    """The method's key number as a reader can take it in.

    Trajectory progress is a bounded percentage ("moved away" below the baseline); norms and
    milestones count the periods met; other methods' indices keep their own name (Open SDG's
    progress value is ``pv``, never a percentage).
    """
    t = _i18n.text
    comp = a.components
    if a.method == "norm" or comp.get("periods_decided") is not None:
        met, total = _count(comp.get("met")), _count(comp.get("met")) + _count(comp.get("missed"))
        return t(lang, "periods_met", met=met, total=total) if total else "–"
    value = a.value
    if value is None or not math.isfinite(value):
        return "–"
    if a.method in ("trajectory", "range"):
        made = t(lang, "progress_moved_away") if value < 0 else share(value, lang)
        expected = a.expected
        if expected is not None and math.isfinite(expected) and 0 <= expected <= 1:
            return f"{made} / {share(expected, lang)}"
        return made
    if a.method == "forecast":
        return f"P = {share(value, lang)}"
    name = _VALUE_NAME.get(a.method, "value")
    return f"{name} {_messages.localise(f'{value:.3g}', lang)}"


def _count(listed: object) -> int:
    return len(listed) if isinstance(listed, tuple) else 0


def provenance_mark(result: IndicatorResult, lang: str = "en") -> str:
    """``illustrative`` or ``proposed`` for targets nobody has adopted; empty otherwise."""
    goal = result.indicator.goal
    if goal is None or goal.provenance not in ("illustrative", "proposed"):
        return ""
    return _i18n.text(lang, f"provenance_{goal.provenance}")


def reason_text(status: Status, reason: str, lang: str = "en") -> str:
    """A result's reason, introduced by its status: ``not assessable: no observations``."""
    return f"{_i18n.status(lang, status)}: {_i18n.say(reason, lang)}"


def indicator_notes(result: IndicatorResult, lang: str = "en") -> list[tuple[str, str]]:
    """What a reader needs to know about one indicator's verdict, as (kind, text) pairs.

    Kinds: ``reason``, ``caveat`` (one per caveat, with its code), ``target`` (provenance
    and note), ``interpretation``.
    """
    t = _i18n.text
    a = result.assessment
    out: list[tuple[str, str]] = []
    if a.reason:
        out.append(("reason", reason_text(a.status, a.reason, lang)))
    out += [("caveat", caveat_text(c, lang)) for c in a.caveats]
    goal = result.indicator.goal
    if goal is not None and (goal.note or goal.provenance in ("illustrative", "proposed")):
        mark = t(lang, f"provenance_{goal.provenance}") if goal.provenance else ""
        text = f"{t(lang, 'provenance')} ({mark})" if mark else t(lang, "target_note")
        out.append(("target", f"{text}: {goal.note}" if goal.note else text))
    if goal is not None and goal.history:
        words = _i18n.target_words(lang)
        out.append(("target", f"{t(lang, 'goalposts')}: {goal.goalposts(words)}"))
    for other in result.targets:
        if other.role == "in force":
            continue
        a = other.assessment
        role = t(lang, "target_" + other.role.replace(" ", "_"))
        verdict = _i18n.status(lang, a.status)
        words = _i18n.target_words(lang)
        described = other.goal.describe(words)
        line = f"{t(lang, 'target')} {described} ({role}): {verdict}"
        if other.goal.history:  # its goalposts wherever the target is shown
            line += f"; {t(lang, 'goalposts')}: {other.goal.goalposts(words)}"
        out.append(("target", line))
    if result.indicator.interpretation:
        out.append(("interpretation", result.indicator.interpretation))
    return out


def flags_used(card: ScorecardData, lang: str = "en") -> list[str]:
    """Legend entries for the flags that occur on the card: ``~ approximate``."""
    seen = {f for r in card.indicators for o in r.series for f in o.flags}
    return [f"{FLAG_MARK[f]} {_i18n.flag(lang, f)}" for f in FLAG_MARK if f in seen]


def set_aside_summary(card: ScorecardData, lang: str = "en") -> list[tuple[str, int]]:
    """Reasons for setting observations aside, with counts, most frequent first."""
    counts = Counter(s.reason for s in card.set_aside)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(_i18n.say(reason, lang), n) for reason, n in ranked]


def score_text(score: float | None, lang: str = "en") -> str:
    """An objective's score (the mean rank, 0-4) with two decimals as ``lang`` writes them."""
    return _messages.localise(f"{score:.2f}", lang) if score is not None else "–"


def file_name(source: str) -> str:
    """A source as a published card shows it: the file's name, never a local folder.

    ``/home/ana/work/obs.csv`` -> ``obs.csv``; ``-`` (standard input) and ``<records>`` stay.
    """
    if source.startswith("<") or source == "-":
        return source
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source
