"""The JSON card's small values: points, observations, sources, goalposts, set-aside rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from goalframe._model import Goal, Point, Source
    from goalframe._observations import SetAside
    from goalframe._results import Observed
    from goalframe.render import _json_card as shape


def _series(
    points: tuple[Observed, ...], columns: bool
) -> list[shape.Observed] | shape.SeriesColumns:
    """A series as a list of points, or (``columns``) as four parallel lists: far smaller."""
    if not columns:
        return [_one(o) for o in points]
    return {
        "periods": [o.period.to_json() for o in points],
        "values": [o.value for o in points],
        "flags": [sorted(o.flags) if o.flags else [] for o in points],
        "notes": [o.note for o in points],
    }


def _point(point: Point | None) -> shape.Point | None:
    if point is None:
        return None
    return {"period": point.period.to_json(), "value": point.value}


def _observed(obs: Observed | None) -> shape.Observed | None:
    return None if obs is None else _one(obs)


def _one(obs: Observed) -> shape.Observed:
    return {
        "period": obs.period.to_json(),
        "value": obs.value,
        "flags": sorted(obs.flags),
        "note": obs.note,
    }


def _aside(s: SetAside) -> shape.SetAside:
    return {
        "location": str(s.location) if s.location else None,
        "indicator": s.indicator,
        "period": s.period,
        "value": s.value,
        "reason": s.reason,
    }


def _source(source: Source | None) -> shape.Source | None:
    if source is None:
        return None
    return {"name": source.name, "url": source.url, "note": source.note}


def _history(goal: Goal) -> list[shape.Goalpost]:
    """The goalposts: each earlier value with when it was set and the deadline it had then."""
    return [
        {
            "value": h.value,
            "set": h.set.to_json(),
            "deadline": h.deadline.to_json() if h.deadline else None,
            "source": _source(h.source),
            "note": h.note,
        }
        for h in goal.history
    ]
