"""Pydantic's validation errors said in the reader's words, with the place and an example."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from goalframe._messages import Message, Term, message_of
from goalframe.errors import Location, Problem

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


def unit_problems(data: Any, locate: Callable[..., Location | None]) -> list[Problem]:
    """The unknown units of a goal file that failed the schema, found in the same pass.

    When the schema refuses a file, its units are not compiled; a misspelt unit would only be
    reported after the other problems are fixed. This reads the raw document: every
    indicator's and target's ``unit`` that is text, checked as `compile_framework` checks it,
    except those that name a unit the file's own ``units:`` defines (defined only when the
    file compiles).
    """
    import re

    from goalframe.errors import UnitError
    from goalframe.units import check_unit

    if not isinstance(data, dict):
        return []
    defined: set[str] = set()
    units, indicators = data.get("units"), data.get("indicators")
    for entry in units if isinstance(units, list) else []:
        if isinstance(entry, dict):
            names = [entry.get("name"), *(entry.get("aliases") or [])]
            defined.update(n for n in names if isinstance(n, str))
    places: list[tuple[tuple[str | int, ...], Any]] = []
    for i, indicator in enumerate(indicators if isinstance(indicators, list) else []):
        if not isinstance(indicator, dict):
            continue
        places.append((("indicators", i, "unit"), indicator.get("unit")))
        targets = indicator.get("targets")
        if isinstance(indicator.get("target"), dict):
            places.append((("indicators", i, "target", "unit"), indicator["target"].get("unit")))
        for k, target in enumerate(targets if isinstance(targets, list) else []):
            if isinstance(target, dict):
                places.append((("indicators", i, "targets", k, "unit"), target.get("unit")))
    out = []
    for path, unit in places:
        if not isinstance(unit, str) or not unit.strip():
            continue
        if set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", unit)) & defined:
            continue  # made of the file's own units: checked once they are defined
        try:
            check_unit(unit)
        except UnitError as exc:
            out.append(Problem(path, message_of(exc), locate(path), code="M009"))
    return out
