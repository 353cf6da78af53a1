"""Student's t distribution in closed form, with arithmetic every engine has."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from goalframe._frames._expr import Frame


def student_t(s: Frame, z: str, nu: str, out: str, *, terms: int) -> Any:
    """Student's t distribution ``F(z)`` with ``nu`` (whole) degrees of freedom, as ``out``.

    The closed form for whole degrees of freedom (Abramowitz and Stegun 26.7.3-4): with
    ``θ = atan(z / sqrt(d))``, ``F = (1 + A) / 2``, where ``A = sin θ Σ a_k cos^2k θ`` for an
    even ``d`` (``a_0 = 1``, ``a_k = a_{k-1} (2k - 1) / 2k``, ``k < d/2``) and ``A = 2/π (θ +
    sin θ cos θ Σ b_k cos^2k θ)`` for an odd one (``b_k = b_{k-1} 2k / (2k + 1)``, ``k <
    (d - 1)/2``; ``A = 2θ/π`` for ``d = 1``). The arc tangent comes from three half-angle
    steps and nine terms of its Taylor series. Only arithmetic and square roots: every engine
    computes it, within 1e-13 of `goalframe.progress._stats.t_cdf`. ``terms`` bounds ``d/2``.
    ``z`` must be finite with ``z²`` finite (the caller clips it).
    """
    import narwhals as nw

    zc, nc = nw.col(z), nw.col(nu).cast(nw.Float64)
    s = s.with_columns(_st_r=nc + zc * zc)
    r = nw.col("_st_r")
    s = s.with_columns(_st_sin=zc / r.sqrt(), _st_c2=nc / r, _st_u=zc / nc.sqrt())
    for _ in range(3):  # atan(u) = 2 atan(u / (1 + sqrt(1 + u²))): |u| ends below tan(π/16)
        u = nw.col("_st_u")
        s = s.with_columns(_st_u=u / (1 + (1 + u * u).sqrt()))
    u = nw.col("_st_u")
    series = nw.lit(0.0)
    for k in range(9):  # error below 0.2**19 / 19
        series = series + (-1) ** k * u ** (2 * k + 1) / (2 * k + 1)
    s = s.with_columns(_st_theta=series * 8)
    c2, sin, theta = nw.col("_st_c2"), nw.col("_st_sin"), nw.col("_st_theta")
    whole = nw.col(nu).cast(nw.Int64)
    even, odd = nw.lit(0.0), nw.lit(0.0)
    a = b = 1.0
    for k in range(terms):
        if k:
            a *= (2 * k - 1) / (2 * k)
            b *= (2 * k) / (2 * k + 1)
        power = c2**k if k else nw.lit(1.0)
        even = even + nw.when(whole >= 2 * k + 2).then(a * power).otherwise(0.0)
        odd = odd + nw.when(whole >= 2 * k + 3).then(b * power).otherwise(0.0)
    two_over_pi = 2 / math.pi
    share = (
        nw.when(whole % 2 == 0)
        .then(sin * even)
        .when(whole == 1)
        .then(theta * two_over_pi)
        .otherwise((theta + sin * c2.sqrt() * odd) * two_over_pi)
    )
    return s.with_columns(((share + 1) * 0.5).cast(nw.Float64).alias(out))
