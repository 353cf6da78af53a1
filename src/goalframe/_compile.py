from __future__ import annotations

from collections.abc import Callable
from typing import Any

from goalframe._messages import Message, Term, message_of
from goalframe._model import Framework, Goal, Indicator, Objective, Point, Source, TargetChange
from goalframe.errors import Location, Problem, SpecValidationError, UnitError
from goalframe.schema import (
    Direction,
    FrameworkSpec,
    IndicatorSpec,
    SourceSpec,
    TargetSpec,
    TargetType,
)

Path = tuple[str | int, ...]


def _source(spec: SourceSpec | None) -> Source | None:
    if spec is None:
        return None
    return Source(name=spec.name, url=spec.url, note=spec.note)


class _Problems:
    def __init__(self) -> None:
        self.items: list[tuple[str, Path, str]] = []

    def add(self, code: str, path: Path, message: str) -> None:
        self.items.append((code, path, message))


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


def _suggest(name: str, known: set[str]) -> str:
    """`` (did you mean 'x'?)`` in the reader's language, or ``""`` when nothing is close."""
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=1)
    return Message("goal_hint", name=close[0]) if close else ""


def _check_method(name: str, path: Path, problems: _Problems) -> None:
    from goalframe.progress import method_names

    names = method_names()
    if name not in names:
        problems.add(
            "F001",
            path,
            Message(
                "goal_unknown_method",
                name=name,
                names=sorted(names),
                hint=_suggest(name, set(names)),
            ),
        )


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


def _value_key(target: TargetSpec) -> str:
    """Which key of a target gave its value (for error positions)."""
    for key in ("change_percent", "change_points"):
        if getattr(target, key) is not None:
            return key
    return "value"


def _compile_goal(
    indicator: IndicatorSpec, target: TargetSpec, tpath: Path, problems: _Problems
) -> Goal | None:
    from goalframe.units import conversion

    path = tpath[:2]
    kind = target.type
    if kind in (TargetType.RANGE, TargetType.BINARY) and indicator.direction is None:
        # A range has no better direction; for a binary target done (1) is better.
        indicator = indicator.model_copy(update={"direction": Direction.INCREASE})
    if indicator.direction is None:
        problems.add(
            "M012",
            (*path, "direction"),
            Message("goal_no_direction"),
        )
        return None
    direction = indicator.direction
    convert: Callable[[float], float] = float
    if target.unit is not None and indicator.unit is not None:
        try:
            convert = conversion(target.unit, indicator.unit)
        except UnitError as exc:
            problems.add(
                "M007", (*tpath, "unit"), Message("goal_target_unit", error=message_of(exc))
            )
            return None
    baseline = None
    if target.baseline is not None:
        baseline = Point(period=target.baseline.period, value=convert(target.baseline.value))
    value = None if target.value is None else convert(target.value)
    if target.change_percent is not None and baseline is not None:
        value = baseline.value * (1 + target.change_percent / 100)
    if target.change_points is not None and baseline is not None:
        value = baseline.value + convert(target.change_points) - convert(0.0)
    ok = True
    if kind is TargetType.TRAJECTORY and baseline is not None and value is not None:
        if value == baseline.value:
            problems.add(
                "M008",
                (*tpath, _value_key(target)),
                Message("goal_target_equals_baseline", value=value),
            )
            ok = False
        elif (value > baseline.value) != (direction is Direction.INCREASE):
            side = "above" if value > baseline.value else "below"
            problems.add(
                "M011",
                (*tpath, _value_key(target)),
                Message(
                    f"goal_target_{side}",
                    value=value,
                    baseline=baseline.value,
                    direction=direction.value,
                ),
            )
            ok = False
    if (
        baseline is not None
        and target.deadline is not None
        and (target.deadline <= baseline.period or target.deadline.time <= baseline.period.time)
    ):
        problems.add(
            "T002",
            (*tpath, "deadline"),
            Message(
                "goal_deadline_not_after",
                deadline=str(target.deadline),
                baseline=str(baseline.period),
            ),
        )
        ok = False
    milestones = []
    for k, milestone in enumerate(target.milestones):
        mpath = (*tpath, "milestones", k)
        if baseline is not None and (
            milestone.period <= baseline.period or milestone.period.time <= baseline.period.time
        ):
            problems.add(
                "T005",
                (*mpath, "period"),
                Message(
                    "goal_milestone_not_after",
                    period=str(milestone.period),
                    baseline=str(baseline.period),
                ),
            )
            ok = False
        if (
            kind is not TargetType.MILESTONES
            and target.deadline is not None
            and milestone.period > target.deadline
        ):
            problems.add(
                "T005",
                (*mpath, "period"),
                Message(
                    "goal_milestone_after_deadline",
                    period=str(milestone.period),
                    deadline=str(target.deadline),
                ),
            )
            ok = False
        milestones.append(Point(period=milestone.period, value=convert(milestone.value)))
    periods = [m.period for m in milestones]
    if len(set(periods)) != len(periods):
        problems.add("T005", (*tpath, "milestones"), Message("goal_milestones_share"))
        ok = False
    if not ok:
        return None
    scale = convert(1.0) - convert(0.0)
    tolerance = target.tolerance * scale if target.unit else target.tolerance
    deadline, base_period = target.deadline, None
    if kind in (TargetType.NORM, TargetType.CUMULATIVE) and target.period is not None:
        base_period, deadline = target.period.start, target.period.end
    return Goal(
        direction=direction,
        baseline=baseline,
        base_period=base_period,
        target=value,
        deadline=deadline,
        milestones=tuple(sorted(milestones, key=lambda m: m.period)),
        tolerance=abs(tolerance),
        source=_source(target.source),
        type=kind,
        low=None if target.low is None else convert(target.low),
        high=None if target.high is None else convert(target.high),
        provenance=(
            target.provenance.value
            if target.provenance is not None
            else ("official" if target.source is not None else None)
        ),
        note=target.note,
        change_percent=target.change_percent,
        change_points=target.change_points,
        history=tuple(
            TargetChange(value=convert(h.value), set=h.set, source=_source(h.source), note=h.note)
            for h in target.history
        ),
        set=target.set,
        groups=tuple(sorted((label.strip(), convert(v)) for label, v in target.groups.items())),
    )


def _compile_indicator(spec: IndicatorSpec, i: int, problems: _Problems) -> Indicator:
    from goalframe.units import check_unit

    path: Path = ("indicators", i)
    unit = spec.unit
    if unit is not None:
        try:
            unit = check_unit(unit)
        except UnitError as exc:
            problems.add("M009", (*path, "unit"), message_of(exc))
            unit = None
    if spec.method is not None:
        _check_method(spec.method, (*path, "method"), problems)
    if spec.options:
        from goalframe.errors import MethodOptionsError
        from goalframe.progress import check_options

        try:
            check_options(spec.options)
        except MethodOptionsError as exc:
            problems.add("F002", (*path, "options"), message_of(exc))
    goals = []
    for k, target in enumerate(spec.all_targets):
        tpath: Path = (*path, "target") if spec.target is not None else (*path, "targets", k)
        if target.unit is not None:
            try:
                check_unit(target.unit)
            except UnitError as exc:
                problems.add("M009", (*tpath, "unit"), message_of(exc))
                continue
        compiled = _compile_goal(spec, target, tpath, problems)
        if compiled is not None:
            goals.append(compiled)
    goals.sort(key=_last_period)
    return Indicator(
        id=spec.id,
        name=spec.name,
        unit=unit,
        direction=spec.direction,
        kind=spec.kind,
        source=_source(spec.source),
        definition=spec.definition,
        frequency=spec.frequency,
        interpretation=spec.interpretation,
        method=spec.method,
        options=spec.options,
        select=tuple(sorted(spec.select.items())),
        by=tuple(spec.by),
        context=tuple(spec.context),
        goal=goals[-1] if goals else None,
        goals=tuple(goals),
    )


def _last_period(goal: Goal) -> tuple[int, int]:
    """Order targets by the period that closes them (deadline, span end, last milestone)."""
    last = [m.period for m in goal.milestones]
    if goal.deadline is not None:
        last.append(goal.deadline)
    end = max(last) if last else None
    return (end.end.toordinal(), 0) if end is not None else (10**9, 0)


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


#: The right form of each shape a goal file has, shown when a value has the wrong shape.
EXAMPLES = {
    "FrameworkSpec": "id: ..., title: ..., objectives: [...], indicators: [...]",
    "ObjectiveSpec": "{id: less-waste, statement: Halve drug-waste dumpings by 2026, "
    "indicators: [dumpings]}",
    "IndicatorSpec": "{id: dumpings, name: Drug-waste dumpings, unit: dumping, "
    "direction: decrease}",
    "TargetSpec": "{baseline: {value: 292, period: 2018}, value: 146, deadline: 2026}",
    "BaselineSpec": "{value: 292, period: 2018}",
    "MilestoneSpec": "{period: 2022, value: 200} (or milestones: {2022: 200, 2024: 180})",
    "PeriodRangeSpec": "{start: 2015, end: 2026}",
    "SourceSpec": "{name: Politie, url: https://www.politie.nl} (or just a name)",
    "LintIgnoreSpec": "{code: D002, reason: figures for later years are not yet published}",
    "LintSettingsSpec": "{vague_words: [...], ignore: [{code: ..., reason: ...}]}",
}
_SHAPES = {
    "dict_type": "mapping",
    "list_type": "list",
    "string_type": "text",
    "float_type": "number",
    "float_parsing": "number",
    "int_type": "whole_number",
    "int_parsing": "whole_number",
    "int_from_float": "whole_number",
    "bool_type": "true_false",
    "enum": "listed",
    "literal_error": "listed",
}  # each a key of the catalogues' [shapes] table


#: The form of a field with a pattern (keys of the catalogues' [shapes] table).
_FORMS = {"code": "code", "id": "id", "parent": "parent"}


def _model_name(err: dict[str, Any]) -> str | None:
    ctx = err.get("ctx") or {}
    return str(ctx.get("class_name")) if ctx.get("class_name") else None


def _fields_at(path: tuple[Any, ...]) -> set[str]:
    """The keys the schema allows at the mapping that holds ``path[-1]``."""
    from goalframe import schema

    model: Any = schema.FrameworkSpec
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return set()
        inner = _model_in(field.annotation)
        if inner is None:
            return set()
        model = inner
    return set(model.model_fields)


def _model_in(annotation: Any) -> Any:
    import typing

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def validation_problems(errors: list[Any], locate: Callable[..., Location | None]) -> list[Problem]:
    """Turn pydantic's error list into problems with file positions and plain words.

    pydantic's own wording (class names such as ``PeriodRangeSpec``) never reaches a user: a
    value of the wrong shape is described by what it should be, with an example of the right
    form; an unknown key gets a did-you-mean.
    """
    from goalframe._suggest import close_matches

    out = []
    for err in errors:
        path = tuple(err["loc"])
        # pydantic puts the validator of an Annotated type in the path; it means nothing here.
        path = tuple(p for p in path if not (isinstance(p, str) and p.startswith("function-")))
        message = err["msg"]
        kind = err["type"]
        where = locate(path, at_key=kind == "extra_forbidden")
        model = _model_name(err)
        raised = (err.get("ctx") or {}).get("error")
        said = message_of(raised) if isinstance(raised, BaseException) else None
        if kind == "value_error" and isinstance(said, Message):
            message = said  # a number's or a period's own message, in every language
        elif kind == "extra_forbidden":
            key = str(path[-1]) if path else ""
            close = close_matches(key, _fields_at(path))
            message = (
                Message("goal_unknown_key_close", names=[repr(c) for c in close])
                if close
                else Message("goal_unknown_key")
            )
        elif kind == "missing":
            message = Message("goal_missing_key")
        elif model is not None or kind == "model_type":
            example = EXAMPLES.get(model or "", "")
            got = _plain(type(err.get("input")).__name__)
            message = (
                Message("goal_mapping_example", example=example, got=got)
                if example
                else Message("goal_mapping", got=got)
            )
            if "input" in err and not isinstance(err["input"], dict | list):
                message = Message("goal_got", message=message, input=repr(err["input"]))
        elif kind == "string_pattern_mismatch":
            field = str(path[-1]) if path else ""
            form = Term("shapes", _FORMS.get(field, "schema"))
            message = Message(
                "goal_got",
                message=Message("goal_should_be", shape=form),
                input=repr(err.get("input")),
            )
        elif kind in _SHAPES:
            expected = (err.get("ctx") or {}).get("expected")
            if kind in ("enum", "literal_error") and expected:
                message = Message("goal_should_be", shape=_either(str(expected)))
            else:
                message = Message("goal_should_be", shape=Term("shapes", _SHAPES[kind]))
            if "input" in err and not isinstance(err["input"], dict | list):
                message = Message("goal_got", message=message, input=repr(err["input"]))
        elif (
            "input" in err
            and not isinstance(err["input"], dict | list)
            and repr(err["input"]) not in message
        ):
            message = f"{message} (got {err['input']!r})"
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        if message.startswith("Input should be "):  # pydantic's wording, in plain words
            message = "should be " + message[len("Input should be ") :]
        out.append(Problem(path, message, where))
    return out


def _either(expected: str) -> Message | str:
    """The choices pydantic lists (``'a', 'b' or 'c'``) with the reader's word for "or"."""
    head, sep, last = expected.rpartition(" or ")
    return Message("goal_either", first=head, last=last) if sep else expected


def _plain(type_name: str) -> Term | str:
    """A Python type's name as the shape a goal file's reader knows (``a number``)."""
    shape = {
        "str": "text",
        "int": "number",
        "float": "number",
        "list": "list",
        "dict": "mapping",
        "NoneType": "nothing",
        "bool": "true_false",
        "date": "date",
    }.get(type_name)
    return Term("shapes", shape) if shape else type_name
