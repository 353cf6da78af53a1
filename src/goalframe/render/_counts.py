"""The counts a card is read by first: verdicts, targets due, an objective's count."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from goalframe._assessment import TargetCounts
from goalframe._messages import number
from goalframe.render import _i18n

if TYPE_CHECKING:
    from goalframe._results import IndicatorResult, ObjectiveResult
    from goalframe._scorecard import ScorecardData


def status_counts(card: ScorecardData, lang: str = "en") -> str:
    """``2 on track, 1 moving away`` for the statuses present."""
    return ", ".join(f"{n} {_i18n.status(lang, s)}" for s, n in card.counts.items() if n)


def target_counts(card: ScorecardData, lang: str = "en") -> str:
    """``official: met 1 of 3 due (1 missed, 1 unknown); 2 not yet due · illustrative: ...``.

    Every target that was due, official ones first; empty when no indicator has a target.
    """
    t = functools.partial(_i18n.text, lang)
    return " · ".join(
        f"{t('targets_kind_' + kind)}: {_due_text(counts, lang)}"
        for kind, counts in card.target_counts.items()
    )


def verdict_extra(result: ObjectiveResult, lang: str = "en") -> str:
    """``met 1 of 4 due (1 missed, 2 unknown); 1 not yet due``: the count an audit report reads.

    Every target under the objective that was due counts, unknowns included; nothing is
    said while none was due.
    """
    if not result.due:
        return ""
    counts = TargetCounts(
        met=result.met or 0,
        missed=result.missed,
        unknown=result.unknown,
        not_due=result.not_due,
    )
    return _due_text(counts, lang)


def _due_text(counts: TargetCounts, lang: str) -> str:
    """``met 1 of 4 due (1 missed, 2 unknown); 1 not yet due``, or ``none due yet; ...``."""
    t = functools.partial(_i18n.text, lang)
    if not counts.due:
        return t("targets_none_due") + "; " + t("not_yet_due", count=counts.not_due)
    text = t("met_of", met=counts.met, due=counts.due)
    others = [
        t(key, count=count)
        for key, count in (("met_of_missed", counts.missed), ("met_of_unknown", counts.unknown))
        if count
    ]
    if others:
        text += f" ({', '.join(others)})"
    if counts.not_due:
        text += "; " + t("not_yet_due", count=counts.not_due)
    return text


def deciding_text(result: IndicatorResult, lang: str = "en") -> str:
    """``on 12 (2020); since: 2 (2022)``: the figure a final verdict was decided on.

    Beside every final verdict, so that the figure that decided it stands on the card, and
    a later figure is shown as what it is. Empty for a verdict no figure decided.
    """
    deciding = result.assessment.deciding
    if deciding is None:
        return ""
    t = functools.partial(_i18n.text, lang)
    text = t("decided_on", figure=f"{number(deciding.value, lang)} ({deciding.period})")
    latest = result.latest
    if latest is not None and latest.period > deciding.period:
        text += "; " + t("since_then", figure=f"{number(latest.value, lang)} ({latest.period})")
    return text
