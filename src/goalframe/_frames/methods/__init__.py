"""Each progress method's frame form, registered under the method's own name.

A module here has the name of the method's reference code in `goalframe.progress` and ends
with one `FrameMethod` record, ``FORM``: the expressions that give the method's running verdict
over one row per series (``assess``), the options it reads, how it finds its base without a
declared baseline, and the extra columns and passes it needs from the path form
(`goalframe._frames.forms.path`). The registry is built from the modules found here, never
from a list: a new method's frame form is one new module (see CONTRIBUTING.md).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import attrs

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._model import Goal

__all__ = ["Base", "FrameMethod", "MethodForm", "PathRun", "frame_method", "frame_methods"]


class Base(enum.Enum):
    """Where a method finds its base when the goal file declares no baseline."""

    FIRST_FIGURE = "the series' first figure read"
    BASE_YEAR = "its base year's figure, else the next year's"
    NEAREST = "the figure nearest its base year, the latest excepted"
    EVERY_POINT = "none: it fits every point"


class Meets(Protocol):
    """Whether a value meets the series' target (``_t``), in its direction, within tolerance."""

    def __call__(self, value: Expr) -> Expr: ...


class MethodForm(Protocol):
    """A method's frame form: its running verdict over one row per series.

    It reads the path form's columns (``_b`` the base, ``_t`` the target, ``_latest``,
    ``_a_last``, ``_by``, ``_dy`` and those of its own passes) and adds
    ``_<letter>_status``, ``_label``, ``_value``, ``_expected``, ``_score`` and ``_start`` (the
    target met at the start). ``periods`` bounds the points a series has.
    """

    def __call__(self, s: Frame, meets: Meets, *, periods: int) -> Frame: ...


@attrs.frozen(kw_only=True)
class PathRun:
    """What the path form knows when it asks a method for its columns and passes.

    Attributes:
        keys: The columns that name a series.
        ids: The path form's indicators, each with its method.
        goal: Each indicator's target.
        settings: Each indicator's option values as numbers (`FrameMethod.settings`).
        declared: Whether each indicator's target declares its baseline.
        base_year: Each row's base year (an expression; -1 for the first figure).
        point: Whether a row is a point a fit uses (assessed, from the base year on).
        constant: A per-indicator constant as an expression, for the path's indicators.
        periods: The most periods a series has (bounds its points).
    """

    keys: list[str]
    ids: Mapping[str, str]
    goal: Mapping[str, Goal]
    settings: Mapping[str, Mapping[str, float]]
    declared: Mapping[str, bool]
    base_year: Expr
    point: Expr
    constant: Callable[[Mapping[str, Any], Any], Expr]
    periods: int = 0

    @property
    def from_data(self) -> bool:
        """Whether any target finds its base in the data (declares no baseline)."""
        return not all(self.declared.values())

    def setting(self, name: str) -> Expr:
        """The per-indicator number ``name`` of `settings`, as an expression."""
        import narwhals as nw

        return self.constant({i: v[name] for i, v in self.settings.items()}, nw.Float64)


@attrs.frozen(kw_only=True)
class Passes:
    """The passes the path form runs so far, for a method to add its own to."""

    usable: Frame
    first: Frame
    second: Frame
    joined: Frame


def _no_settings(options: Mapping[str, Any], goal: Goal | None) -> dict[str, float]:
    return {}


def _accepts_all(options: Mapping[str, Any]) -> bool:
    return True


def _no_base_year(settings: Mapping[str, float]) -> int:
    return -1


@attrs.frozen(kw_only=True)
class FrameMethod:
    """A progress method's frame form.

    Attributes:
        name: The method's name, as `goalframe.progress` registers it.
        letter: The letter of its columns (``_<letter>_status`` and so on).
        assess: Its running verdict over one row per series.
        base: Where it finds its base without a declared baseline.
        reads: The options its frame form reads; a series with another option the method
            reads goes to the reference path.
        accepts: Whether the frame form reads these option values (else the reference path).
        settings: The numbers its options set, by name (``goal``: the indicator's target when
            this is its method, else None and the defaults), from the reference code's own
            option readers.
        base_year: The year it looks its base up in without a declared baseline (-1: none).
        growth_alone: Whether it reads a target without a value (Open SDG's method 1).
        rows: Row-level columns for its passes, and first-pass aggregations.
        carried: The row columns the second pass needs of it.
        joined: Second-pass row columns and aggregations.
        passes: Its further passes, joined to the series.
        keeps: The series it reads on the engine (an expression over the first pass; None:
            every series); the others go to the reference path.
        caveat: A caveat of its own: the code, and where it applies (over the series).
        limits: Whether it reads the unit's natural limits (`goalframe._unit_limits`): the
            settings ``unit_low`` and ``unit_high`` (±`NO_LIMIT` for a unit without one).
    """

    name: str
    letter: str
    assess: MethodForm
    base: Base
    reads: frozenset[str] = frozenset()
    accepts: Callable[[Mapping[str, Any]], bool] = _accepts_all
    settings: Callable[[Mapping[str, Any], Goal | None], dict[str, float]] = _no_settings
    base_year: Callable[[Mapping[str, float]], int] = _no_base_year
    growth_alone: bool = False
    rows: Callable[[PathRun, Frame], tuple[Frame, dict[str, Expr]]] | None = None
    carried: Callable[[PathRun], tuple[str, ...]] | None = None
    joined: Callable[[PathRun, Frame], tuple[Frame, dict[str, Expr]]] | None = None
    passes: Callable[[PathRun, Frame, Passes], Frame] | None = None
    keeps: Callable[[PathRun], Expr | None] | None = None
    caveat: Callable[[], tuple[str, Expr]] | None = None
    limits: bool = False


#: A unit's limit where it has none, as a number every engine writes as a literal.
NO_LIMIT = 1e300


def unit_settings(unit: str | None) -> dict[str, float]:
    """The settings ``unit_low`` and ``unit_high`` of a method that reads them (`limits`)."""
    from goalframe._unit_limits import natural_limits

    low, high = natural_limits(unit) if unit is not None else (-NO_LIMIT, NO_LIMIT)
    return {"unit_low": max(low, -NO_LIMIT), "unit_high": min(high, NO_LIMIT)}


def frame_methods() -> Mapping[str, FrameMethod]:
    """Every method with a frame form, by name: the ``FORM`` of each module found here."""
    return _registry()


def frame_method(name: str) -> FrameMethod | None:
    """The frame form of method ``name``, or None when the method has none."""
    return _registry().get(name)


_found: dict[str, FrameMethod] = {}


def _registry() -> Mapping[str, FrameMethod]:
    if not _found:
        import importlib
        import pkgutil

        for info in pkgutil.iter_modules(__path__):
            if not info.name.startswith("_"):
                form = importlib.import_module(f"{__name__}.{info.name}").FORM
                _found[form.name] = form
    return _found
