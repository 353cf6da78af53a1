"""The whole goal file checked (ids, the tree, units) and compiled into a framework."""

from __future__ import annotations

from collections.abc import Callable

from goalframe._compile._goal import Path, _check_method, _compile_indicator, _Problems, _suggest
from goalframe._messages import Message, Term, message_of
from goalframe._model import Framework, Objective
from goalframe.errors import Location, Problem, SpecValidationError, UnitError
from goalframe.schema import (
    FrameworkSpec,
)


def _check_ids(spec: FrameworkSpec, problems: _Problems) -> None:
    groups: list[tuple[str, list[str]]] = [
        ("objective", [o.id for o in spec.objectives]),
        ("indicator", [i.id for i in spec.indicators]),
    ]
    for kind, ids in groups:
        seen: dict[str, int] = {}
        for i, item_id in enumerate(ids):
            if item_id in seen:
                problems.add(
                    "S003",
                    (f"{kind}s", i, "id"),
                    Message(
                        "goal_duplicate_id",
                        kind=Term("lint_words", kind),
                        id=item_id,
                        also=f"{kind}s[{seen[item_id]}]",
                    ),
                )
            else:
                seen[item_id] = i


#: The deepest a goal tree may be (a policy rarely needs more than five levels).
MAX_TREE_DEPTH = 100


def _check_tree(spec: FrameworkSpec, problems: _Problems) -> dict[str, list[str]]:
    objective_ids = {o.id for o in spec.objectives}
    indicator_ids = {i.id for i in spec.indicators}
    children: dict[str, list[str]] = {o.id: [] for o in spec.objectives}
    for i, objective in enumerate(spec.objectives):
        for j, ref in enumerate(objective.indicators):
            if ref not in indicator_ids:
                problems.add(
                    "S005",
                    ("objectives", i, "indicators", j),
                    Message("goal_unknown_indicator", ref=ref, hint=_suggest(ref, indicator_ids)),
                )
        if objective.parent is None:
            continue
        if objective.parent == objective.id:
            problems.add("S006", ("objectives", i, "parent"), Message("goal_own_parent"))
        elif objective.parent not in objective_ids:
            problems.add(
                "S006",
                ("objectives", i, "parent"),
                Message(
                    "goal_unknown_parent",
                    ref=objective.parent,
                    hint=_suggest(objective.parent, objective_ids),
                ),
            )
        else:
            children[objective.parent].append(objective.id)
    parents = {o.id: o.parent for o in spec.objectives}
    for i, objective in enumerate(spec.objectives):
        seen = {objective.id}
        node = parents.get(objective.id)
        while node is not None and node in parents:
            if node in seen:
                problems.add(
                    "S006",
                    ("objectives", i, "parent"),
                    Message("goal_cycle", id=objective.id, node=node),
                )
                break
            seen.add(node)
            node = parents[node]
        else:
            if len(seen) > MAX_TREE_DEPTH:
                problems.add(
                    "S006",
                    ("objectives", i, "parent"),
                    Message(
                        "goal_too_deep", id=objective.id, levels=len(seen), most=MAX_TREE_DEPTH
                    ),
                )
    for i, indicator in enumerate(spec.indicators):
        for j, ref in enumerate(indicator.context):
            if ref not in indicator_ids or ref == indicator.id:
                problems.add(
                    "S005",
                    ("indicators", i, "context", j),
                    Message("goal_unknown_context", ref=ref, hint=_suggest(ref, indicator_ids)),
                )
    return children


def _define_units(spec: FrameworkSpec, problems: _Problems) -> None:
    """Define the goal file's own units before any unit is checked."""
    if not spec.units:
        return
    from goalframe.units import define_unit

    for k, unit in enumerate(spec.units):
        try:
            define_unit(unit.name, unit.definition, tuple(unit.aliases))
        except UnitError as exc:
            problems.add("M016", ("units", k), message_of(exc))


def compile_framework(
    spec: FrameworkSpec,
    *,
    origin: str = "<spec>",
    locate: Callable[[Path], Location | None] | None = None,
    strict: bool = True,
) -> Framework:
    """Check a validated goal specification as a whole and compile it for evaluation.

    Checks that ids are unique, that referenced objectives and indicators exist and form a
    tree, that units are defined and convert, that methods exist, and that each target lies
    after its baseline and in the indicator's direction. Relative targets are resolved.

    Args:
        spec: The specification, e.g. ``FrameworkSpec.model_validate(data)``.
        origin: Where it came from, for messages.
        locate: Maps a path in the document to a file location (set by `load_framework`).
        strict: Raise on problems (the default). With False, return the framework with the
            problems in ``framework.problems`` (what ``goalframe lint`` reports); parts with a
            problem are left out (a target that does not compile becomes no target).

    Returns:
        The compiled framework.

    Raises:
        SpecValidationError: Every problem found, each with its place in the file (strict).

    Added in 0.1.
    """
    problems = _Problems()
    _define_units(spec, problems)
    _check_ids(spec, problems)
    children = _check_tree(spec, problems)
    _check_method(spec.default_method, ("default_method",), problems)
    indicators = tuple(_compile_indicator(s, i, problems) for i, s in enumerate(spec.indicators))
    known = {i.id for i in indicators}
    parents = {o.id for o in spec.objectives}
    objectives = tuple(
        Objective(
            id=o.id,
            statement=o.statement,
            level=o.level,
            parent=o.parent if o.parent in parents and o.parent != o.id else None,
            weight=o.weight,
            indicators=tuple(ref for ref in o.indicators if ref in known),
            children=tuple(children.get(o.id, ())),
            note=o.note,
        )
        for o in spec.objectives
    )
    find = locate or (lambda path: None)
    found = tuple(
        Problem(path, message, find(path), code=code) for code, path, message in problems.items
    )
    if found and strict:
        raise SpecValidationError(found, source=origin)
    return Framework(
        spec=spec,
        indicators=indicators,
        objectives=objectives,
        origin=origin,
        locate=find,
        problems=found,
    )
