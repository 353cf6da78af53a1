"""Whether a form reads an indicator's method options: the ones it ignores, the values it takes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from goalframe._model import Indicator


def options_unread(indicator: Indicator, method: str) -> bool:
    """Whether ``method``'s verdict is the same without the indicator's options.

    Options of other methods (kept for ``--method`` or a comparison) change nothing; a range
    reads ``low`` and ``high`` only when its target has none (the goal file asks for both).
    """
    from goalframe.progress import get_method

    read = set(indicator.options) & set(get_method(method).options)
    goal = indicator.goal
    if method == "range" and goal is not None and goal.low is not None and goal.high is not None:
        read -= {"low", "high"}
    return not read


def options_valid(options: Mapping[str, Any], method: str) -> bool:
    """Whether ``method`` accepts the option values (else the reference path says why not)."""
    from goalframe.progress import get_method

    info = get_method(method)
    try:
        if info.validate is not None:
            info.validate(options)
    except (TypeError, ValueError):
        return False
    return True
