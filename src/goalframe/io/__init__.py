"""Reading goal files and observation files.

Goal files are YAML (``.yaml``/``.yml``), JSON (``.json``) or TOML (``.toml``). YAML and JSON
errors are reported with line and column; TOML errors with the line TOML's parser gives.
Observation files are tidy CSV (see `load_observations`).

Added in 0.1.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from goalframe._collector import while_paused
from goalframe._messages import Message, Term
from goalframe.errors import Location, Problem, SpecSyntaxError, SpecValidationError

if TYPE_CHECKING:
    from goalframe._model import Framework
    from goalframe.schema import FrameworkSpec

__all__ = ["MAX_SPEC_BYTES", "dump_framework", "load_framework", "parse_framework"]

#: A goal file's size limit: room for the 100,000 indicators a goal file may have (a plain
#: one of that many is about 21 MB), checked before it is read.
MAX_SPEC_BYTES = 64 * 1024 * 1024

SpecFormat = Literal["yaml", "json", "toml"]
_log = logging.getLogger(__name__)
_SUFFIXES: dict[str, SpecFormat] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".toml": "toml",
}


def _read_text(path: Path) -> str:
    from goalframe.io._files import read_checked

    return read_checked(path, what="goal file", limit=MAX_SPEC_BYTES, error=SpecSyntaxError)


#: How deep lists and mappings may nest in a goal file (checked before parsing).
MAX_NESTING = 64
#: How many objectives, and how many indicators, a goal file may hold.
MAX_ITEMS = 100_000


_SPECIAL = re.compile(r"[\"'\\\[\]{}]")


def _bracket_depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` outside quoted strings (flow YAML, JSON, TOML).

    Only the characters that matter are visited (quotes, backslashes, brackets), found by a
    regular expression: a 20 MB goal file in a tenth of the time of a loop over every
    character. A backslash in a double-quoted string escapes the character right after it.
    """
    depth = deepest = 0
    quote = ""
    escaped_at = -2
    for match in _SPECIAL.finditer(text):
        char, at = match.group(), match.start()
        if quote:
            if at == escaped_at + 1:
                continue  # the escaped character itself
            if char == "\\" and quote == '"':
                escaped_at = at
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


_SURROGATES = re.compile(
    r"(?<!\\)((?:\\\\)*)\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.IGNORECASE
)


def _join_surrogates(text: str) -> str:
    """Write JSON's surrogate-pair escapes as the characters they stand for.

    JSON writes a character beyond U+FFFF as two escapes (a surrogate pair); YAML reads each
    on its own and refuses them.
    """

    def join(m: re.Match[str]) -> str:
        high, low = int(m[2], 16), int(m[3], 16)
        return m[1] + chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))

    return _SURROGATES.sub(join, text)


def _parse_toml(text: str, name: str) -> Any:
    import re
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        where = Location(name, int(m[1]), int(m[2])) if m else Location(name)
        message = Message("toml_invalid", problem=str(exc).split(" (at line")[0])
        raise SpecSyntaxError(message, where) from None


@while_paused
def parse_framework(
    text: str, *, format: SpecFormat = "yaml", name: str = "<string>", strict: bool = True
) -> Framework:
    """Read a goal framework from text.

    Args:
        text: The document.
        format: ``"yaml"`` (default), ``"json"`` or ``"toml"``.
        name: How to name the document in error messages.
        strict: With False, whole-file problems (duplicate ids, units, targets) do not raise
            but are kept in ``framework.problems``, for linting.

    Returns:
        The validated, compiled framework.

    Raises:
        SpecSyntaxError: The text is not well-formed, or uses YAML aliases or duplicate keys.
        SpecValidationError: The content is invalid; each problem has its line and column.

    Added in 0.1.
    """
    depth = _bracket_depth(text)
    if depth > MAX_NESTING:
        message = Message("goal_nesting", depth=depth, most=MAX_NESTING)
        raise SpecSyntaxError(message, Location(name))
    root = None
    fast = _json_fast(text, name) if format == "json" else None
    if fast is not None:
        try:
            return _validated(fast, name, _lazy_locator(text, name), strict=strict)
        except (SpecValidationError, SpecSyntaxError):
            pass  # the YAML route below gives the same verdict, and every place exactly
    try:
        if format == "toml":
            data = _parse_toml(text, name)
        else:
            # JSON is YAML: the YAML reader gives JSON errors a line and column too.
            from goalframe.io._yaml import load_yaml

            if format == "json":
                text = _join_surrogates(text)
            data, root = load_yaml(text, name)
    except RecursionError:
        message = Message("goal_nested_too_deep", most=MAX_NESTING)
        raise SpecSyntaxError(message, Location(name)) from None
    return _validated(data, name, _locator(root, name), strict=strict)


def _validated(
    data: Any, name: str, locate: Callable[..., Location | None], *, strict: bool
) -> Framework:
    """The parsed document checked against the schema and compiled."""
    from pydantic import ValidationError

    from goalframe._compile import compile_framework, unit_problems, validation_problems
    from goalframe.schema import FrameworkSpec

    if not isinstance(data, dict):
        message = (
            Message("goal_not_mapping_empty")
            if data is None
            else Message("goal_not_mapping", kind=type(data).__name__)
        )
        raise SpecSyntaxError(message, locate(()) or Location(name))
    for key in ("objectives", "indicators"):
        items = data.get(key)
        if isinstance(items, list) and len(items) > MAX_ITEMS:
            message = Message("goal_too_many", count=len(items), key=key, most=MAX_ITEMS)
            raise SpecSyntaxError(message, locate((key,)) or Location(name))
    from goalframe._periods import year_start

    start = data.get("year_start")
    try:
        with year_start(start if isinstance(start, int) and 1 <= start <= 12 else None):
            spec = FrameworkSpec.model_validate(data)
            return compile_framework(spec, origin=name, locate=locate, strict=strict)
    except ValidationError as exc:
        problems = validation_problems(exc.errors(), locate)
        # An unknown unit is told now too, not after the other problems are fixed.
        problems += unit_problems(data, locate)
        problems.sort(key=_in_file_order)
        raise SpecValidationError(problems, source=name) from None


def _in_file_order(problem: Problem) -> tuple[int, int]:
    where = problem.location
    line = where.line if where is not None and where.line is not None else 0
    column = where.column if where is not None and where.column is not None else 0
    return line, column


class _NotFast(Exception):
    """The JSON text needs the YAML route (a duplicate key, NaN, an escaped surrogate)."""


def _refuse(*_: object) -> Any:
    raise _NotFast


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _NotFast
    return found


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _json_fast(text: str, name: str) -> Any:
    """A JSON goal file read by the standard library's C parser, or None for the YAML route.

    The YAML route reads JSON too and knows every value's line and column, but is about ten
    times slower. The fast route is taken for plain JSON; anything the YAML route treats
    specially (duplicate keys, NaN and Infinity, escaped surrogates) or refuses goes that
    way, and so does a document that fails validation, so that every error is the same,
    with its place. Places are found only when a problem needs one (`_lazy_locator`).
    """
    import json

    if _SURROGATE_ESCAPE.search(text):
        return None
    try:
        return json.loads(text, object_pairs_hook=_unique, parse_constant=_refuse)
    except json.JSONDecodeError as exc:
        # Not JSON (a trailing comma, a comment, single quotes): the YAML route would read
        # some of it as YAML, which a .json file is not.
        message = Message("json_invalid_here", problem=exc.msg)
        raise SpecSyntaxError(message, Location(name, exc.lineno, exc.colno)) from None
    except (_NotFast, ValueError, RecursionError):
        return None


def _lazy_locator(text: str, name: str) -> Callable[..., Location | None]:
    """A locator that parses the document's positions (the YAML route) on first use."""
    tree: list[Any] = []

    def locate(path: tuple[str | int, ...], *, at_key: bool = False) -> Location | None:
        if not tree:
            from goalframe.io._yaml import load_yaml

            try:
                tree.append(load_yaml(_join_surrogates(text), name)[1])
            except SpecSyntaxError:
                tree.append(None)
        return _locator(tree[0], name)(path, at_key=at_key)

    return locate


def _locator(root: Any, name: str) -> Callable[..., Location | None]:
    def locate(path: tuple[str | int, ...], *, at_key: bool = False) -> Location:
        from goalframe.io._yaml import node_position

        position = node_position(root, path, at_key=at_key) if root is not None else None
        return Location(name, *position) if position else Location(name)

    return locate


def load_framework(
    path: str | os.PathLike[str], *, format: SpecFormat | None = None, strict: bool = True
) -> Framework:
    """Load a goal framework from a YAML, JSON or TOML file.

    Args:
        path: The goal file.
        format: Override the format the file's suffix implies.
        strict: With False, whole-file problems are kept in ``framework.problems`` instead of
            raised (``goalframe lint`` reads them).

    Returns:
        The validated, compiled framework: pass it to `goalframe.evaluate`.

    Raises:
        SpecSyntaxError: The file is missing, unreadable, too large or not well-formed.
        SpecValidationError: The content is invalid; each problem names its line and column.

    Examples:
        >>> import goalframe as gf
        >>> framework = gf.load_framework("examples/nl-drug-policy/goals.yaml")
        >>> framework.id
        'nl-drug-policy'

    Added in 0.1.
    """
    from goalframe.errors import require

    require(path, (str, os.PathLike), name="load_framework(path)", takes="a file path")
    file = Path(path)
    if str(path) == "-":  # standard input; JSON is YAML, so YAML reads both
        return parse_framework(
            _read_text(file), format=format or "yaml", name="<stdin>", strict=strict
        )
    if file.is_dir():
        message = Message("file_folder", what=Term("file_kinds", "goal file"))
        raise SpecSyntaxError(message, Location(str(path)))
    fmt = format or _SUFFIXES.get(file.suffix.lower())
    if fmt is None:
        message = Message("goal_file_type", suffix=repr(file.suffix))
        raise SpecSyntaxError(message, Location(str(path)))
    framework = parse_framework(_read_text(file), format=fmt, name=str(path), strict=strict)
    _log.debug(
        "read %s: %d objectives, %d indicators",
        path,
        len(framework.objectives),
        len(framework.indicators),
    )
    return framework


def dump_framework(
    spec: FrameworkSpec | Framework, *, format: Literal["yaml", "json"] = "yaml"
) -> str:
    """Write a goal specification back out as YAML or JSON, leaving out default values.

    Args:
        spec: A `FrameworkSpec` or a loaded `Framework`.
        format: ``"yaml"`` or ``"json"``.

    Returns:
        The document; reading it back gives an equal specification.

    Added in 0.1.
    """
    from goalframe._model import Framework

    model = spec.spec if isinstance(spec, Framework) else spec
    data = model.model_dump(mode="json", exclude_defaults=True)
    data = {"schema_version": 1, **data}
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    from goalframe.io._yaml import dump_yaml

    return dump_yaml(data)
