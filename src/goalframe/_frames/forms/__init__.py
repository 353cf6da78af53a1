"""The frame forms: one module per target form, each registered by one `FrameForm` record.

A form covers the indicators its ``covers`` says it reads (a target of its type, in years,
with the options it understands) and assesses all of them at once with grouped passes.
`plan` gives each indicator to the one form that covers it, or to the reference path; the
"what runs where" table of the docs is generated from the same records. The registry is
built from the modules found here (``FORM`` in each), never from a list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

import attrs

if TYPE_CHECKING:
    from goalframe._frames._expr import Frame
    from goalframe._frames._run import FormRun
    from goalframe._model import Framework, Indicator
    from goalframe._periods import Period

__all__ = ["FrameForm", "frame_forms", "plan"]


class FormAssess(Protocol):
    """A form's assessment of its indicators (``ids``: each one's method).

    Returns the results (see `goalframe.FrameEvaluation`) and the rows set aside, counted.
    """

    def __call__(self, run: FormRun, ids: Mapping[str, str]) -> tuple[Frame, Frame]: ...


@attrs.frozen(kw_only=True)
class FrameForm:
    """A target form the engine assesses by expressions.

    Attributes:
        name: The form's name (the "what runs where" table uses it).
        covers: Whether the form reads an indicator's target under a method, as of a date.
        assess: The assessment of every indicator it covers.
    """

    name: str
    covers: Callable[[Indicator, str, Period], bool]
    assess: FormAssess


_found: list[FrameForm] = []


def frame_forms() -> tuple[FrameForm, ...]:
    """Every frame form: the ``FORM`` of each module found here, by module name."""
    if not _found:
        import importlib
        import pkgutil

        found = sorted(m.name for m in pkgutil.iter_modules(__path__))
        _found.extend(
            importlib.import_module(f"{__name__}.{name}").FORM
            for name in found
            if not name.startswith("_")
        )
    return tuple(_found)


def plan(
    framework: Framework, method: str | None, cutoff: Period
) -> tuple[dict[str, dict[str, str]], set[str]]:
    """Per form, the indicators it covers (with their method); and the reference path's."""
    from goalframe._evaluate import _method_for

    forms = frame_forms()
    chosen: dict[str, dict[str, str]] = {form.name: {} for form in forms}
    reference: set[str] = set()
    for indicator in framework.indicators:
        name = _method_for(indicator, framework, method)
        form = next((f for f in forms if f.covers(indicator, name, cutoff)), None)
        if form is None:
            reference.add(indicator.id)
        else:
            chosen[form.name][indicator.id] = name
    return chosen, reference
