"""Small, self-contained SVG charts for the HTML scorecard (no chart library, no scripts).

Each chart shows the observed series (flagged points marked), the target line from the
baseline through any milestones to the target, the target itself, a norm or range where the
goal has one, and for the forecast method its projection with the prediction interval. All
numbers come from the scorecard; this module only places them.

The rules that keep a chart honest (see "Publish a scorecard" in the docs):

- the value axis starts at zero (ends at zero for negative series), so a rise of 29 % never
  fills the whole height;
- a missing period is a gap in the line, never a straight line across it;
- a target line is drawn only where the target defines a path (a trajectory from its
  baseline); milestones and targets are points;
- a norm is a line over its own span only, and periods that missed it are marked;
- every target is drawn: earlier ones (with their verdict's mark) and those to come, each
  where it applies, labelled, an illustrative or proposed one said to be so;
- the legend names only what the chart shows (`chart_parts`).

Added in 0.1.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from goalframe.render import _i18n
from goalframe.render._chart_targets import OtherTarget, other_targets
from goalframe.render._format import number
from goalframe.schema import TargetType

if TYPE_CHECKING:
    from goalframe._results import IndicatorResult

__all__ = ["chart_parts", "indicator_chart"]

#: The spacing of consecutive periods, in years, by frequency; a wider step is a gap.
_STEP = {"year": 1.0, "fiscal_year": 1.0, "quarter": 0.25, "month": 1 / 12}


def draws_target_line(result: IndicatorResult) -> bool:
    """Whether the target defines a path to draw: a trajectory from a baseline to a target."""
    goal = result.indicator.goal
    return (
        goal is not None
        and goal.type is TargetType.TRAJECTORY
        and goal.baseline is not None
        and goal.target is not None
        and goal.deadline is not None
    )


def chart_parts(result: IndicatorResult) -> set[str]:
    """What the chart draws, for its legend: observed, target_line, norm, target, projection."""
    goal, a = result.indicator.goal, result.assessment
    parts = {"observed"} if result.series else set()
    if draws_target_line(result):
        parts.add("target_line")
    if goal is not None and goal.type is TargetType.NORM and goal.target is not None:
        parts.add("norm")
    elif goal is not None and (goal.milestones or goal.target is not None):
        parts.add("target")
    for other in other_targets(result, "en", 0.5):
        parts.add("norm" if other.norm is not None else "target")
    if a.method == "forecast" and "projected" in a.components:
        parts.add("projection")
    return parts


def _runs(points: Sequence[tuple[float, float, object]], frequency: str) -> list[list[int]]:
    """Indices of the points split where a period is missing (gaps stay gaps)."""
    step = _STEP.get(frequency)
    runs: list[list[int]] = []
    for i in range(len(points)):
        if runs and step is not None and points[i][0] - points[i - 1][0] > step * 1.5:
            runs.append([i])
        elif runs:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


WIDTH, HEIGHT = 360, 160
LEFT, RIGHT, TOP, BOTTOM = 56, 14, 18, 24
OBSERVED, TARGET, FORECAST, FLAGGED = "#0072B2", "#444444", "#CC79A7", "#D55E00"


def _other_marks(others: list[OtherTarget], s: _Scale, unit: str) -> list[str]:
    """The targets beside the one in force: norms over their spans, points, verdict marks."""
    out = []
    for o in others:
        title = escape(f"{o.title} ({unit})" if unit else o.title)
        where = (s.x(s.x1), s.y(s.y0))
        if o.norm is not None:
            start, end, value = o.norm
            x0, x1, y = _fmt(s.x(max(start, s.x0))), _fmt(s.x(min(end, s.x1))), _fmt(s.y(value))
            out.append(
                f'<path d="M{x0},{y}H{x1}" class="norm-line {o.css}" stroke="{TARGET}">'
                f"<title>{title}</title></path>"
            )
            where = (s.x(min(end, s.x1)), s.y(value))
        for t, v in o.points:
            out.append(
                f'<path d="M{_fmt(s.x(t))},{_fmt(s.y(v) - 5)}l5,5l-5,5l-5,-5z" '
                f'class="target {o.css}" fill="{TARGET}"><title>{title}</title></path>'
            )
            where = (s.x(t), s.y(v))
        if o.mark:
            out.append(
                f'<text x="{_fmt(where[0] + 4)}" y="{_fmt(where[1] - 6)}" class="verdict-mark">'
                f"{escape(o.mark)}<title>{title}</title></text>"
            )
    return out


def _span_end(result: IndicatorResult) -> float:
    """How far past its start the norm's last period reaches (a year: 1, a quarter: 0.25)."""
    frequency = result.series[0].period.frequency.value if result.series else "year"
    return _STEP.get(frequency, 1.0) * 0.5


def _in_span(goal: Any, period: Any) -> bool:
    start, end = goal.base_period, goal.deadline
    return (start is None or period >= start) and (end is None or period <= end)


def _float(value: object) -> float:
    assert isinstance(value, float)
    return value


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def nice_ticks(lo: float, hi: float, *, whole: bool = False) -> list[float]:
    """Three to six ticks from ``lo`` down to ``hi`` up, at 1, 2, 2.5 or 5 times a power of 10.

    ``whole``: the figures are whole numbers (counts), so no tick is a fraction. The first and
    last ticks bound the axis (``lo`` and ``hi`` lie within them).
    """
    span = hi - lo
    if not span > 1e-200:  # one figure (or a span below what a chart shows): a unit around it
        span = max(abs(hi), abs(lo))
        span = span if span > 1e-200 else 1.0
    raw = span / 4
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * 0.999)
    if whole:
        step = max(1.0, step if step == int(step) else math.ceil(step))
    digits = max(0, 1 - math.floor(math.log10(step)))  # 0.1 -> 2 places: 3 * 0.1 is 0.3

    def tick(k: int) -> float:
        return round(k * step, digits) + 0.0

    first, last = _snap(lo / step, math.floor), _snap(hi / step, math.ceil)
    if tick(first) > lo:  # (a figure a hair off a tick stays inside the axis)
        first -= 1
    if tick(last) < hi or last == first:
        last += 1
    return [tick(k) for k in range(first, last + 1)]


def _snap(k: float, towards: Callable[[float], int]) -> int:
    """``k`` as a whole number, rounded ``towards`` (floor or ceiling).

    The nearest whole number when float error put ``k`` a hair off it (0.3 / 0.1).
    """
    near = round(k)
    return near if abs(k - near) <= 1e-9 * max(1.0, abs(k)) else towards(k)


class _Scale:
    def __init__(self, xs: list[float], ys: list[float], *, whole: bool = False) -> None:
        self.x0, self.x1 = min(xs), max(xs)
        if self.x1 == self.x0:
            self.x0, self.x1 = self.x0 - 0.5, self.x1 + 0.5
        lo, hi = min(ys), max(ys)
        # Zero in view: positive series from 0 up, negative ones from their low up to 0.
        if lo >= 0:
            lo = 0.0
        elif hi <= 0:
            hi = 0.0
        self.ticks = nice_ticks(lo, hi, whole=whole)
        self.y0, self.y1 = self.ticks[0], self.ticks[-1]

    def x(self, t: float) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (t - self.x0) / (self.x1 - self.x0)

    def y(self, v: float) -> float:
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (v - self.y0) / (self.y1 - self.y0)


# Long: one SVG drawn top to bottom (axes, bands, series, marks); each part reads the scales above
# it.
def indicator_chart(result: IndicatorResult, lang: str = "en", *, unit: str | None = None) -> str:
    """An SVG chart of one indicator's series against its target.

    Returns an empty string when there is nothing to draw (no observation and no target).
    ``unit``: the unit as the card names it on the axis and in the tooltips (the
    indicator's identifier when not given; added in 0.3).

    Added in 0.1.
    """
    ind, goal, a = result.indicator, result.indicator.goal, result.assessment
    points = [(o.period.time, o.value, o) for o in result.series]
    xs = [t for t, _, _ in points]
    ys = [v for _, v, _ in points]
    knots: list[tuple[float, float]] = []
    if goal is not None:
        if goal.baseline is not None:
            knots.append((goal.baseline.period.time, goal.baseline.value))
        knots += [(m.period.time, m.value) for m in goal.milestones]
        if goal.target is not None and goal.deadline is not None:
            knots.append((goal.deadline.time, goal.target))
        xs += [t for t, _ in knots]
        ys += [v for _, v in knots]
        ys += [v for v in (goal.low, goal.high) if v is not None]
        if goal.type is TargetType.NORM and goal.target is not None:
            ys.append(goal.target)
    others = other_targets(result, lang, _span_end(result))
    for other in others:
        if other.norm is not None:
            xs += [other.norm[0], other.norm[1]]
            ys.append(other.norm[2])
        xs += [t for t, _ in other.points]
        ys += [v for _, v in other.points]
    forecast = None
    c = a.components
    if (
        a.method == "forecast"
        and goal
        and goal.deadline
        and all(isinstance(c.get(k), float) for k in ("projected", "lower", "upper"))
    ):
        forecast = (
            goal.deadline.time,
            _float(c["projected"]),
            _float(c["lower"]),
            _float(c["upper"]),
        )
        xs.append(forecast[0])
        ys += list(forecast[1:])
    if not xs or not ys:
        return ""
    s = _Scale(xs, ys, whole=all(float(y).is_integer() for y in ys))
    unit = unit if unit is not None else ind.unit or ""  # the card's name for it
    title = _i18n.text(lang, "chart_title", name=ind.name)
    first = str(result.series[0].period) if result.series else "–"
    last = str(result.series[-1].period) if result.series else "–"
    desc = _i18n.text(
        lang,
        "chart_desc",
        unit=unit or "values",
        first=first,
        last=last,
        verdict=_i18n.status(lang, a.status),
    )
    ident = f"chart-{escape(ind.id)}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="chart" role="img" aria-labelledby="{ident}-t {ident}-d">',
        f'<title id="{ident}-t">{escape(title)}</title>',
        f'<desc id="{ident}-d">{escape(desc)}</desc>',
    ]
    left, right, bottom = LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM
    out.append(f'<path d="M{left},{TOP}V{bottom}H{right}" class="axis"/>')
    for value in s.ticks:
        y = _fmt(s.y(value))
        out.append(
            f'<text x="{left - 4}" y="{y}" class="tick" text-anchor="end" '
            f'dominant-baseline="middle">{escape(number(value, lang))}</text>'
        )
        out.append(f'<path d="M{left},{y}H{right}" class="grid"/>')
    out.append(f'<text x="2" y="{TOP - 6}" class="unit">{escape(unit)}</text>')
    years = sorted({int(s.x0 + 0.5), int(s.x1 + 0.5)})
    out.extend(
        f'<text x="{_fmt(s.x(year))}" y="{HEIGHT - 6}" class="tick" '
        f'text-anchor="middle">{year}</text>'
        for year in years
    )
    if goal is not None and goal.low is not None and goal.high is not None:
        y_hi, y_lo = s.y(goal.high), s.y(goal.low)
        out.append(
            f'<rect x="{left}" y="{_fmt(y_hi)}" width="{right - left}" '
            f'height="{_fmt(y_lo - y_hi)}" class="band"><title>{escape(number(goal.low, lang))}'
            f"–{escape(number(goal.high, lang))} {escape(unit)}</title></rect>"
        )
    norm = goal is not None and goal.type is TargetType.NORM and goal.target is not None
    if norm and goal is not None and goal.target is not None:
        # Over the norm's own span (its periods, start to end), not the whole chart.
        start = goal.base_period.time if goal.base_period else s.x0
        end = goal.deadline.time + _span_end(result) if goal.deadline else s.x1
        y = _fmt(s.y(goal.target))
        out.append(
            f'<path d="M{_fmt(s.x(max(start, s.x0)))},{y}H{_fmt(s.x(min(end, s.x1)))}" '
            f'class="norm-line" stroke="{TARGET}"><title>{escape(number(goal.target, lang))} '
            f"{escape(unit)}</title></path>"
        )
    elif draws_target_line(result) and len(knots) >= 2:
        path = "M" + "L".join(f"{_fmt(s.x(t))},{_fmt(s.y(v))}" for t, v in knots)
        out.append(
            f'<path d="{path}" class="target-line" stroke="{TARGET}">'
            f"<title>{escape(_i18n.text(lang, 'target_line'))}</title></path>"
        )
    out.extend(_other_marks(others, s, unit))
    targets = knots[1:] if goal is not None and goal.baseline is not None else knots
    for t, v in targets:
        out.append(
            f'<path d="M{_fmt(s.x(t))},{_fmt(s.y(v) - 5)}l5,5l-5,5l-5,-5z" '
            f'class="target" fill="{TARGET}"><title>{escape(number(v, lang))} '
            f"{escape(unit)}</title></path>"
        )
    if forecast is not None and points:
        t_last, v_last, _ = points[-1]
        tx, centre, lower, upper = forecast
        out.append(
            f'<path d="M{_fmt(s.x(t_last))},{_fmt(s.y(v_last))}L{_fmt(s.x(tx))},'
            f'{_fmt(s.y(centre))}" class="forecast" stroke="{FORECAST}"/>'
        )
        out.append(
            f'<path d="M{_fmt(s.x(tx))},{_fmt(s.y(lower))}V{_fmt(s.y(upper))}" '
            f'class="interval" stroke="{FORECAST}"><title>{escape(number(lower, lang))}–'
            f"{escape(number(upper, lang))} {escape(unit)}</title></path>"
        )
    # A point below a norm over its span (the one in force, or an earlier one) is marked.
    norms = [o.goal for o in others if o.norm is not None and o.role == "earlier"]
    if norm and goal is not None:
        norms.append(goal)
    frequency = result.series[0].period.frequency.value if result.series else ""
    for run in _runs(points, frequency):
        if len(run) >= 2:
            path = "M" + "L".join(
                f"{_fmt(s.x(points[i][0]))},{_fmt(s.y(points[i][1]))}" for i in run
            )
            out.append(f'<path d="{path}" class="observed" stroke="{OBSERVED}"/>')
    for t, v, obs in points:
        flags = ", ".join(_i18n.flag(lang, f) for f in sorted(obs.flags))
        label = f"{obs.period}: {number(v, lang)} {unit}" + (f" ({flags})" if flags else "")
        css = "point flagged" if obs.flags else "point"
        colour = FLAGGED if obs.flags else OBSERVED
        if any(_in_span(g, obs.period) and not g.meets(v) for g in norms):
            css, colour = "point missed", FLAGGED
            label += f" ({_i18n.text(lang, 'norm_missed')})"
        out.append(
            f'<circle cx="{_fmt(s.x(t))}" cy="{_fmt(s.y(v))}" r="3.2" class="{css}" '
            f'stroke="{colour}"><title>{escape(label)}</title></circle>'
        )
    out.append("</svg>")
    return "".join(out)
