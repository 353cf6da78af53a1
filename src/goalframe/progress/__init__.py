"""Progress-assessment methods, registered by name (``goalframe.progress``).

A method is a pure function ``(series, goal, options) -> Assessment``: it reads plain floats in
the indicator's unit (a `goalframe.Series`), the compiled target (a `goalframe.Goal`) and a
mapping of options, and returns an `goalframe.Assessment` that carries every number it used.
It does no I/O and reads no clock; the series it is given already ends at the evaluation
period. It never raises on data: a series it cannot assess gets ``not_assessable`` with the
reason.

Options are one flat mapping per indicator: each method reads the option names it declares
and ignores the others, so one indicator can carry options for several methods (useful with
``--method all``). A name no method declares is an error when the goal file is loaded.

Register a method with `register_method`; packages can ship methods through the entry-point
group ``goalframe.methods`` (each entry point names a module or callable that registers its
methods when imported), loaded once, the first time a method is looked up or listed.

Added in 0.1.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from goalframe.errors import DuplicateMethodError, MethodOptionsError, UnknownMethodError

if TYPE_CHECKING:
    from goalframe._assessment import Assessment, Series
    from goalframe._model import Goal

__all__ = [
    "MethodFunction",
    "MethodInfo",
    "check_options",
    "get_method",
    "method_names",
    "methods",
    "register_method",
]

MethodFunction = Callable[["Series", "Goal", Mapping[str, Any]], "Assessment"]
"""The signature every method has: ``(series, goal, options) -> Assessment``."""

ENTRY_POINT_GROUP = "goalframe.methods"
_BUILTIN = (
    "goalframe.progress.trajectory",
    "goalframe.progress.open_sdg",
    "goalframe.progress.eurostat",
    "goalframe.progress.unsd",
    "goalframe.progress.escap",
    "goalframe.progress.okr",
    "goalframe.progress.forecast",
    "goalframe.progress.targets",
)


@attrs.frozen(kw_only=True)
class MethodInfo:
    """A registered method.

    Attributes:
        name: The name goal files and ``--method`` use.
        function: The method itself.
        summary: One line on what it does.
        citation: Where the method is published.
        options: Option names the method reads, with their meaning.
        validate: Checks the values of those options; raises ValueError with the fix.
        general: True for methods that assess a trajectory target (compared side by side by
            ``--method all``); False for methods of one target type (norm, range, binary).

    Added in 0.1.
    """

    name: str
    function: MethodFunction
    summary: str
    citation: str = ""
    options: Mapping[str, str] = attrs.field(factory=dict)
    validate: Callable[[Mapping[str, Any]], None] | None = None
    general: bool = True

    def __call__(self, series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
        """Run the method."""
        return self.function(series, goal, options)


_registry: dict[str, MethodInfo] = {}
_loaded: list[bool] = []


def register_method(
    name: str,
    *,
    summary: str,
    citation: str = "",
    options: Mapping[str, str] | None = None,
    validate: Callable[[Mapping[str, Any]], None] | None = None,
    general: bool = True,
) -> Callable[[MethodFunction], MethodFunction]:
    """Register a function as a progress-assessment method (use as a decorator).

    Args:
        name: The method's name; lower case, words joined by ``-``.
        summary: One line on what it does.
        citation: Where the method is published.
        options: The option names it reads, each with a one-line meaning.
        validate: A function that checks those options' values and raises ValueError.
        general: False for a method that serves one target type only.

    Returns:
        A decorator that registers the function and returns it unchanged.

    Raises:
        DuplicateMethodError: A method with this name exists.

    Added in 0.1.
    """

    def decorator(function: MethodFunction) -> MethodFunction:
        if name in _registry:
            msg = f"a method named {name!r} is already registered; choose another name"
            raise DuplicateMethodError(msg)
        _registry[name] = MethodInfo(
            name=name,
            function=function,
            summary=summary,
            citation=citation,
            options=dict(options or {}),
            validate=validate,
            general=general,
        )
        return function

    return decorator


def _load() -> None:
    if _loaded:
        return
    _loaded.append(True)
    import importlib

    for module in _BUILTIN:
        importlib.import_module(module)
    from importlib.metadata import entry_points

    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            entry.load()
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not break goalframe
            warnings.warn(
                f"goalframe method plugin {entry.name!r} ({entry.value}) failed to load and "
                f"was skipped: {exc!r}",
                RuntimeWarning,
                stacklevel=2,
            )


def get_method(name: str) -> MethodInfo:
    """Look up a method by name.

    Raises:
        UnknownMethodError: No such method; the message lists the registered ones.

    Added in 0.1.
    """
    _load()
    try:
        return _registry[name]
    except KeyError:
        msg = f"unknown method {name!r}; choose one of {', '.join(sorted(_registry))}"
        raise UnknownMethodError(msg) from None


def method_names() -> tuple[str, ...]:
    """Names of every registered method, sorted."""
    _load()
    return tuple(sorted(_registry))


def methods() -> tuple[MethodInfo, ...]:
    """Every registered method, sorted by name.

    Examples:
        >>> import goalframe as gf
        >>> "trajectory" in [m.name for m in gf.methods()]
        True

    Added in 0.1.
    """
    _load()
    return tuple(_registry[name] for name in sorted(_registry))


def check_options(options: Mapping[str, Any]) -> None:
    """Check an indicator's options against every method that declares them.

    Raises:
        MethodOptionsError: A name no method declares, or a value a method refuses.

    Added in 0.1.
    """
    _load()
    declared = {name for info in _registry.values() for name in info.options}
    unknown = sorted(set(options) - declared)
    if unknown:
        msg = (
            f"unknown method option {unknown[0]!r}; the methods read {', '.join(sorted(declared))}"
        )
        raise MethodOptionsError(msg)
    for info in _registry.values():
        if info.validate is not None and any(name in options for name in info.options):
            try:
                info.validate(options)
            except (TypeError, ValueError) as exc:
                msg = f"{info.name}: {exc}"
                raise MethodOptionsError(msg) from None
