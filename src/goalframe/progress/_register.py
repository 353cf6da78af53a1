"""The method registry: names to functions, filled by `register_method`.

Method modules import this module to register themselves; `goalframe.progress` loads the
built-in ones and the plugins before any look-up, so nothing here imports a method.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from goalframe.errors import DuplicateMethodError
from goalframe.schema import TargetType

if TYPE_CHECKING:
    from goalframe._assessment import Assessment, Series
    from goalframe._model import Goal

__all__ = ["MethodFunction", "MethodInfo", "register_method", "registry"]

MethodFunction = Callable[["Series", "Goal", Mapping[str, Any]], "Assessment"]
"""The signature every method has: ``(series, goal, options) -> Assessment``."""


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
        reads: The target types the method can read. Given any other, evaluation returns
            ``not_assessable`` with the reason instead of letting the method answer another
            question.

    Added in 0.1; ``reads`` added in 0.2.
    """

    name: str
    function: MethodFunction
    summary: str
    citation: str = ""
    options: Mapping[str, str] = attrs.field(factory=dict)
    validate: Callable[[Mapping[str, Any]], None] | None = None
    general: bool = True
    reads: frozenset[TargetType] = frozenset({TargetType.TRAJECTORY})

    def __call__(self, series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
        """Run the method."""
        return self.function(series, goal, options)

    def __repr__(self) -> str:
        options = f" (options: {', '.join(self.options)})" if self.options else ""
        return f"<MethodInfo {self.name!r}: {self.summary}{options}>"


#: Every registered method by name (read it through `goalframe.progress`).
registry: dict[str, MethodInfo] = {}

#: The module every built-in method is registered from (a name registered there is built in).
BUILTIN_PACKAGE = "goalframe.progress."


def builtin_names() -> frozenset[str]:
    """The built-in methods' names, as their modules registered them (never listed by hand).

    Added in 0.2.
    """
    load_builtins()
    return frozenset(n for n, i in registry.items() if _is_builtin(i.function) or n in _replaced)


def builtin_modules() -> tuple[str, ...]:
    """The built-in methods' modules: every public module of `goalframe.progress`, found."""
    import pkgutil
    from pathlib import Path

    found = pkgutil.iter_modules([str(Path(__file__).parent)])
    return tuple(sorted(BUILTIN_PACKAGE + m.name for m in found if not m.name.startswith("_")))


def load_builtins() -> None:
    """Import the built-in method modules (each registers its methods); idempotent."""
    import importlib

    for module in builtin_modules():
        importlib.import_module(module)


def _is_builtin(function: MethodFunction) -> bool:
    return function.__module__.startswith(BUILTIN_PACKAGE)


_replaced: set[str] = set()


def register_method(
    name: str,
    *,
    summary: str,
    citation: str = "",
    options: Mapping[str, str] | None = None,
    validate: Callable[[Mapping[str, Any]], None] | None = None,
    general: bool = True,
    reads: Iterable[TargetType | str] | None = None,
    replace: bool = False,
) -> Callable[[MethodFunction], MethodFunction]:
    """Register a function as a progress-assessment method (use as a decorator).

    Args:
        name: The method's name; lower case, words joined by ``-``.
        summary: One line on what it does.
        citation: Where the method is published.
        options: The option names it reads, each with a one-line meaning.
        validate: A function that checks those options' values and raises ValueError.
        general: False for a method that serves one target type only.
        reads: The target types it can read (default: ``trajectory`` for a general method,
            every type for the others).
        replace: Replace a method of this name, built-in ones included. Without it, a name
            that is taken (or a built-in's, even before the built-ins are loaded) is refused.

    Returns:
        A decorator that registers the function and returns it unchanged.

    Raises:
        DuplicateMethodError: A method with this name exists, or the name is a built-in's.

    Added in 0.1; ``replace`` added in 0.2.
    """

    def decorator(function: MethodFunction) -> MethodFunction:
        builtin = _is_builtin(function)
        if builtin and name in _replaced:
            return function  # a plugin replaced it on purpose, before the built-ins loaded
        if not builtin:  # the built-ins first, so that a plugin cannot take one of their names
            load_builtins()
        taken = name in registry
        if taken and not replace:
            msg = (
                f"a method named {name!r} is already registered (or is a built-in method); "
                "choose another name, or pass replace=True to replace it on purpose"
            )
            raise DuplicateMethodError(msg)
        if replace:
            _replaced.add(name)
        registry[name] = MethodInfo(
            name=name,
            function=function,
            summary=summary,
            citation=citation,
            options=dict(options or {}),
            validate=validate,
            general=general,
            reads=_reads(reads, general=general),
        )
        return function

    return decorator


def _reads(reads: Iterable[TargetType | str] | None, *, general: bool) -> frozenset[TargetType]:
    if reads is None:
        return frozenset({TargetType.TRAJECTORY}) if general else frozenset(TargetType)
    return frozenset(TargetType(r) for r in reads)
