"""Work shared between the cards of one comparison, and the progress ticks."""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

_T = TypeVar("_T")


#: Work shared between the cards of one `goalframe.compare` (`sharing`): a series' cut,
#: conversion and data caveats do not depend on the method.
_SHARED: contextvars.ContextVar[dict[Any, Any] | None] = contextvars.ContextVar(
    "goalframe_shared", default=None
)


@contextmanager
def sharing() -> Iterator[None]:
    """Share the method-independent preparation between evaluations inside the block.

    For several evaluations of the same framework and observations at the same date (one
    per method): each series is cut, converted and checked for data caveats once. The
    shared results are immutable; the store is dropped when the block ends.
    """
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def shared(key: Any, compute: Callable[..., _T], *args: Any) -> _T:
    """``compute(*args)``, or its result for ``key`` when already computed inside `sharing`."""
    store = _SHARED.get()
    if store is None:
        return compute(*args)
    if key not in store:
        store[key] = compute(*args)
    return store[key]  # type: ignore[no-any-return]


_TICK: contextvars.ContextVar[Callable[[int], None] | None] = contextvars.ContextVar(
    "goalframe_tick", default=None
)


@contextmanager
def ticking(tick: Callable[[int], None]) -> Iterator[None]:
    """Call ``tick(n)`` as series are assessed inside the block (a progress bar's advance)."""
    token = _TICK.set(tick)
    try:
        yield
    finally:
        _TICK.reset(token)


def tick(count: int = 1) -> None:
    """Report ``count`` series assessed to the block's `ticking` callback, if any."""
    callback = _TICK.get()
    if callback is not None:
        callback(count)
