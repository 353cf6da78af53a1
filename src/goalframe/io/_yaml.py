from __future__ import annotations

import math
import re
from typing import Any

import yaml

from goalframe._messages import Message
from goalframe.errors import Location, SpecSyntaxError

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """Safe loader that leaves dates to pydantic and reads YAML 1.2 floats such as 1e6."""


# YAML 1.1 builds dates itself, and `2030-13-01` would fail with no position: let the schema
# parse periods and report them in place. Copy the table so the base loader stays untouched.
# Numbers follow goalframe's one number syntax: YAML 1.1 also reads 1_000, 0x10, 0o17 and
# 1:30 (sexagesimal) as numbers, which nobody who writes a goal file means; here they stay
# text, and the schema says where and why they are not numbers.
_DROPPED = {
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in entries if tag not in _DROPPED]
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_FLOAT_12 = re.compile(r"^[-+]?[0-9][0-9_]*(\.[0-9_]*)?[eE][-+]?[0-9]+$")
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+.0123456789"))


def _decimal_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    """An integer in decimal digits; with a leading zero (``08``, ``007``), the text as written.

    YAML 1.1's constructor reads a leading zero as octal and failed on ``08`` with no position;
    a number written so is a code or a label more often than a count, so it stays text, and
    the schema says where a number was wanted.
    """
    text = str(loader.construct_scalar(node))
    digits = text.lstrip("+-")
    return text if len(digits) > 1 and digits.startswith("0") else int(text)


_Loader.add_constructor("tag:yaml.org,2002:int", _decimal_int)


class _Dumper(yaml.SafeDumper):
    """Safe dumper that quotes strings the loader would read as YAML 1.2 floats ('0e0')."""


_Dumper.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT_12, list("-+0123456789"))


def dump_yaml(data: Any) -> str:
    """YAML text that `load_yaml` reads back to the same data."""
    return str(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100))


def _location(name: str, mark: Any) -> Location:
    return Location(name, mark.line + 1, mark.column + 1)


_STR, _INT_TAG, _FLOAT_TAG = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float"))
_BOOL, _NULL = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_SPECIAL_FLOATS = {".inf": math.inf, "-.inf": -math.inf, "+.inf": math.inf, ".nan": math.nan}


def _scalar(loader: _Loader, node: yaml.ScalarNode, name: str) -> Any:
    """The value of a scalar node of one of the core tags; any other tag is refused."""
    tag, text = node.tag, node.value
    if tag == _STR:
        return text
    if tag == _INT_TAG:
        return _decimal_int(loader, node)
    if tag == _FLOAT_TAG:
        special = _SPECIAL_FLOATS.get(text.lower())
        return special if special is not None else float(text)
    if tag == _BOOL:
        return loader.bool_values[text.lower()]
    if tag == _NULL:
        return None
    raise _tag_refused(node, name)


def _tag_refused(node: yaml.Node, name: str) -> SpecSyntaxError:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    return SpecSyntaxError(Message("yaml_tag", tag=tag), _location(name, node.start_mark))


# Long: one linear walk that checks and builds at once (a 100,000-indicator file has 2.5 M
# nodes; two walks and PyYAML's recursive constructor took three times as long).
def _build(loader: _Loader, root: yaml.Node, name: str, repeated: list[str] | None = None) -> Any:
    """The document's data, refusing aliases (billion-laughs), merge keys, tags, duplicate keys.

    One linear walk, no recursion. With ``repeated``, a duplicate key is listed there
    (``'unit' (lines 3 and 9)``) instead of refused, and the later value wins, as other
    readers of such files take it.
    """
    seen: set[int] = set()
    result: list[Any] = [None]
    # (node, the container to put its value in, the key or index there)
    stack: list[tuple[yaml.Node, Any, Any]] = [(root, result, 0)]
    while stack:
        node, into, at = stack.pop()
        if id(node) in seen:
            raise SpecSyntaxError(Message("yaml_alias"), _location(name, node.start_mark))
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            into[at] = _scalar(loader, node, name)
        elif isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise _tag_refused(node, name)
            items: list[Any] = [None] * len(node.value)
            into[at] = items
            stack.extend((item, items, i) for i, item in enumerate(node.value))
        else:
            if node.tag != _MAP:
                raise _tag_refused(node, name)
            mapping: dict[Any, Any] = {}
            into[at] = mapping
            marks: dict[str, Any] = {}
            values: list[tuple[yaml.Node, Any, Any]] = []
            for key, value in node.value:
                if key.tag == "tag:yaml.org,2002:merge":
                    raise SpecSyntaxError(Message("yaml_merge"), _location(name, key.start_mark))
                if not isinstance(key, yaml.ScalarNode):
                    problem = "a key that is a list or a mapping"
                    message = Message("yaml_invalid_here", problem=problem)
                    raise SpecSyntaxError(message, _location(name, key.start_mark))
                if key.value in marks and repeated is None:
                    first = marks[key.value]
                    message = Message(
                        "yaml_duplicate_key", key=repr(key.value), line=str(first.line + 1)
                    )
                    raise SpecSyntaxError(message, _location(name, key.start_mark))
                if key.value in marks:
                    lines = f"{marks[key.value].line + 1} and {key.start_mark.line + 1}"
                    repeated.append(f"{key.value!r} (lines {lines})")  # type: ignore[union-attr]
                marks[key.value] = key.start_mark
                for part in (key, value):  # an alias of a key or of a value
                    if id(part) in seen:
                        where = _location(name, part.start_mark)
                        raise SpecSyntaxError(Message("yaml_alias"), where)
                seen.add(id(key))
                constructed = _scalar(loader, key, name)
                mapping[constructed] = None  # keeps the key's first place, as PyYAML does
                values.append((value, mapping, constructed))
            stack.extend(reversed(values))  # in the document's order: a repeated key's last wins
    return result[0]


def load_yaml(
    text: str, name: str, *, repeated: list[str] | None = None
) -> tuple[Any, yaml.Node | None]:
    """Parse YAML (or JSON) text safely; return the data and the node tree for positions.

    ``repeated``: where to list duplicate keys instead of refusing them (see `_build`).
    """
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, None
        data = _build(loader, root, name, repeated)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        if exc.context:
            problem = f"{problem} ({exc.context})"
        where = _location(name, mark) if mark is not None else Location(name)
        raise SpecSyntaxError(Message("yaml_invalid_here", problem=problem), where) from None
    except yaml.YAMLError as exc:
        message = Message("yaml_invalid", problem=str(exc))
        raise SpecSyntaxError(message, Location(name)) from None
    except RecursionError:
        raise SpecSyntaxError(Message("yaml_too_deep"), Location(name)) from None
    finally:
        loader.dispose()
    return data, root


def node_position(
    root: yaml.Node | None, path: tuple[str | int, ...], *, at_key: bool = False
) -> tuple[int, int] | None:
    """Line and column (from 1) of the node at a pydantic-style path, or of its nearest parent.

    A mapping indexed by position (milestones written as ``{2023: 190}`` and validated as a
    list) resolves ``i`` to its i-th entry, ``"period"`` to that entry's key and ``"value"``
    to its value. With ``at_key``, the position of the last key rather than of its value.
    """
    if root is None:
        return None
    node: Any = root
    pair: tuple[Any, Any] | None = None
    for part in path:
        if pair is not None:
            node = pair[0] if part == "period" else pair[1]
            pair = None
            continue
        if isinstance(node, yaml.MappingNode):
            if isinstance(part, int):
                if part >= len(node.value):
                    break
                pair = node.value[part]
                node = pair[0]
                continue
            entry = next(((k, v) for k, v in node.value if k.value == part), None)
            if entry is None:
                break
            node = entry[0] if at_key and part == path[-1] else entry[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
        else:
            break
    return node.start_mark.line + 1, node.start_mark.column + 1
