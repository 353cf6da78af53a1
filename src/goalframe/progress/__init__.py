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
from collections.abc import Mapping
from typing import Any

from goalframe.errors import MethodOptionsError, UnknownMethodError
from goalframe.progress._register import (
    MethodFunction,
    MethodInfo,
    load_builtins,
    register_method,
    registry,
)
from goalframe.progress._register import (
    builtin_modules as builtin_modules,  # (the tests reload the built-ins)
)

__all__ = [
    "MethodFunction",
    "MethodInfo",
    "check_options",
    "get_method",
    "method_names",
    "methods",
    "register_method",
]

ENTRY_POINT_GROUP = "goalframe.methods"
_loaded: list[bool] = []
_registry = registry  # the same dict, under the name the tests and plugins of 0.1 used


def _load() -> None:
    if _loaded:
        return
    _loaded.append(True)
    load_builtins()
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
        return registry[name]
    except KeyError:
        from goalframe._suggest import did_you_mean

        hint = did_you_mean(name, registry)
        msg = f"unknown method {name!r}{hint}; choose one of {', '.join(sorted(registry))}"
        raise UnknownMethodError(msg) from None


def method_names() -> tuple[str, ...]:
    """Names of every registered method, sorted."""
    _load()
    return tuple(sorted(registry))


def methods() -> tuple[MethodInfo, ...]:
    """Every registered method, sorted by name.

    Examples:
        >>> import goalframe as gf
        >>> "trajectory" in [m.name for m in gf.methods()]
        True

    Added in 0.1.
    """
    _load()
    return tuple(registry[name] for name in sorted(registry))


def check_options(options: Mapping[str, Any]) -> None:
    """Check an indicator's options against every method that declares them.

    Raises:
        MethodOptionsError: A name no method declares, or a value a method refuses.

    Added in 0.1.
    """
    _load()
    declared = {name for info in registry.values() for name in info.options}
    unknown = sorted(set(options) - declared)
    if unknown:
        from goalframe._messages import Message

        message = Message(
            "method_option_unknown", option=repr(unknown[0]), options=", ".join(sorted(declared))
        )
        raise MethodOptionsError(message)
    for info in registry.values():
        if info.validate is not None and any(name in options for name in info.options):
            try:
                info.validate(options)
            except (TypeError, ValueError) as exc:
                msg = f"{info.name}: {exc}"
                raise MethodOptionsError(msg) from None
