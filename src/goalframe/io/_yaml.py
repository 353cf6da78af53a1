from __future__ import annotations

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


def _check_tree(root: yaml.Node, name: str, repeated: list[str] | None = None) -> None:
    """Reject aliases (billion-laughs) and duplicate keys, in one linear walk.

    With ``repeated``, a duplicate key is listed there (``'unit' (lines 3 and 9)``) instead
    of refused, and the later value wins, as other readers of such files take it.
    """
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise SpecSyntaxError(Message("yaml_alias"), _location(name, node.start_mark))
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: dict[Any, Any] = {}
            for key, value in node.value:
                if key.tag == "tag:yaml.org,2002:merge":
                    raise SpecSyntaxError(Message("yaml_merge"), _location(name, key.start_mark))
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys and repeated is not None:
                        lines = f"{keys[key.value].line + 1} and {key.start_mark.line + 1}"
                        repeated.append(f"{key.value!r} (lines {lines})")
                    elif key.value in keys:
                        first = keys[key.value]
                        message = Message(
                            "yaml_duplicate_key", key=repr(key.value), line=str(first.line + 1)
                        )
                        raise SpecSyntaxError(message, _location(name, key.start_mark))
                    keys[key.value] = key.start_mark
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def load_yaml(
    text: str, name: str, *, repeated: list[str] | None = None
) -> tuple[Any, yaml.Node | None]:
    """Parse YAML (or JSON) text safely; return the data and the node tree for positions.

    ``repeated``: where to list duplicate keys instead of refusing them (see `_check_tree`).
    """
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, None
        _check_tree(root, name, repeated)
        data = loader.construct_document(root)
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
