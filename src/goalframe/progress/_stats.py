"""Small, dependency-free statistics for trend forecasts (checked against scipy in the tests)."""

from __future__ import annotations

import functools
import math
import statistics
from collections.abc import Sequence
from itertools import combinations

import attrs

_TINY = 1e-300
_EPS = 3e-16


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    # Modified Lentz's method for the continued fraction of the incomplete beta function
    # (Numerical Recipes, 3rd ed., section 6.4).
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, 1000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        step = d * c
        h *= step
        if abs(step - 1.0) < _EPS:
            break
    return h


def betainc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_continued_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_continued_fraction(b, a, 1.0 - x) / b


def t_cdf(x: float, df: float) -> float:
    """The cumulative distribution function of Student's t with ``df`` degrees of freedom."""
    if math.isinf(x):
        return 1.0 if x > 0 else 0.0
    x2 = x * x
    w = x2 / (df + x2)
    # For small |x| the argument df/(df + x²) rounds to 1: use the complementary form.
    if w < 0.5:
        tail = 0.5 * (1.0 - betainc(0.5, df / 2.0, w))
    else:
        tail = 0.5 * betainc(df / 2.0, 0.5, df / (df + x2))
    return 1.0 - tail if x > 0 else tail


@functools.lru_cache(maxsize=1024)
def t_ppf(q: float, df: float) -> float:
    """The quantile function of Student's t (bisection on `t_cdf`, to about 1e-12).

    Cached: every series of the same length asks for the same quantile.
    """
    if not 0.0 < q < 1.0:
        msg = f"quantile {q} is outside (0, 1)"
        raise ValueError(msg)
    if q == 0.5:
        return 0.0
    low, high = -1.0, 1.0
    while t_cdf(low, df) > q:
        low *= 2.0
    while t_cdf(high, df) < q:
        high *= 2.0
    for _ in range(200):
        mid = 0.5 * (low + high)
        if t_cdf(mid, df) < q:
            low = mid
        else:
            high = mid
        if high - low <= 1e-13 * max(1.0, abs(mid)):
            break
    return 0.5 * (low + high)


@attrs.frozen(kw_only=True)
class Fit:
    """A straight line ``y = intercept + slope * (x - x_mean)`` and what its intervals need."""

    slope: float
    intercept: float
    x_mean: float
    sxx: float
    residual_sd: float
    n: int

    def predict(self, x: float) -> float:
        """The fitted value at x."""
        return self.intercept + self.slope * (x - self.x_mean)

    def prediction_se(self, x: float) -> float:
        """Standard error of a new observation at x: s * sqrt(1 + 1/n + (x - x̄)² / Sxx)."""
        return self.residual_sd * math.sqrt(1 + 1 / self.n + (x - self.x_mean) ** 2 / self.sxx)


def _finish(
    xs: Sequence[float], ys: Sequence[float], slope: float, intercept_at_mean: float, x_mean: float
) -> Fit:
    sxx = sum((x - x_mean) ** 2 for x in xs)
    residuals = [
        y - (intercept_at_mean + slope * (x - x_mean)) for x, y in zip(xs, ys, strict=True)
    ]
    dof = len(xs) - 2
    sd = math.sqrt(sum(r * r for r in residuals) / dof) if dof > 0 else 0.0
    return Fit(
        slope=slope, intercept=intercept_at_mean, x_mean=x_mean, sxx=sxx, residual_sd=sd, n=len(xs)
    )


def ols(xs: Sequence[float], ys: Sequence[float]) -> Fit:
    """Ordinary least squares, x centred at its mean."""
    x_mean = statistics.fmean(xs)
    centred = [x - x_mean for x in xs]
    slope, intercept = statistics.linear_regression(centred, ys)
    return _finish(xs, ys, slope, intercept, x_mean)


def theil_sen(xs: Sequence[float], ys: Sequence[float]) -> Fit:
    """Theil-Sen: the median of pairwise slopes; intercept the median of y - slope * x."""
    slopes = [
        (y2 - y1) / (x2 - x1)
        for (x1, y1), (x2, y2) in combinations(zip(xs, ys, strict=True), 2)
        if x2 != x1
    ]
    slope = statistics.median(slopes)
    x_mean = statistics.fmean(xs)
    intercept = statistics.median([y - slope * (x - x_mean) for x, y in zip(xs, ys, strict=True)])
    return _finish(xs, ys, slope, intercept, x_mean)
