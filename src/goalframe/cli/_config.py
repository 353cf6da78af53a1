"""Settings from a configuration file, found by walking up from the goal file's folder.

The file is ``goalframe.toml``, or ``pyproject.toml`` with a ``[tool.goalframe]`` table.
Options given on the command line win over the file, which wins over goalframe's defaults::

    # goalframe.toml (or [tool.goalframe] in pyproject.toml)
    method = "trajectory"
    lang = "nl"
    fail-on = "missed"
    width = 120

    [lint]
    select = ["S", "M", "T"]
    ignore = ["D002"]
    fail-on = "warning"
    format = "github"
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from goalframe._text import catalogue_languages
from goalframe.render._formats import text_formats

__all__ = ["CONFIG_NAME", "Setting", "Settings", "find_config", "load_settings"]

CONFIG_NAME = "goalframe.toml"

_STATUSES = (
    "on_track",
    "needs_acceleration",
    "insufficient_progress",
    "moving_away",
    "missed",
    "outcome_unknown",
    "not_assessable",
)


def _choice(*allowed: str) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value not in allowed:
            msg = f"should be one of {', '.join(repr(a) for a in allowed)}, not {value!r}"
            raise ValueError(msg)
        return value

    return check


def _codes(value: Any) -> Any:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        msg = f"should be a list of rule codes or prefixes such as ['M', 'T001'], not {value!r}"
        raise ValueError(msg)
    return ",".join(items)


def _width(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or not 40 <= value <= 1000:
        msg = f"should be a whole number of columns from 40 to 1000, not {value!r}"
        raise ValueError(msg)
    return value


def _text(value: Any) -> Any:
    if not isinstance(value, str) or not value:
        msg = f"should be text, not {value!r}"
        raise ValueError(msg)
    return value


def _period(value: Any) -> Any:
    from goalframe._periods import Period

    if isinstance(value, bool) or not isinstance(value, str | int):
        msg = f'should be a period such as 2024 or "2024-06-30", not {value!r}'
        raise ValueError(msg)
    try:
        Period.parse(str(value))
    except ValueError as exc:
        msg = f"should be a period: {exc}"
        raise ValueError(msg) from None
    return str(value)


#: Every setting a configuration file may hold: key -> check (returns the value to use).
KEYS: Mapping[str, Callable[[Any], Any]] = {
    "method": _text,
    "lang": lambda value: _choice(*catalogue_languages())(value),
    "fail-on": _choice(*_STATUSES),
    "format": _choice(*text_formats()),
    "width": _width,
    "as-of": _period,
    "lint.select": _codes,
    "lint.ignore": _codes,
    "lint.fail-on": _choice("error", "warning", "info", "never"),
    "lint.format": _choice("text", "json", "markdown", "github", "sarif"),
}


@attrs.frozen
class Setting:
    """One setting in force, and where it came from."""

    key: str
    value: Any
    source: str


@attrs.frozen
class Settings:
    """The settings of a configuration file (empty when there is none)."""

    path: Path | None = None
    values: Mapping[str, Any] = attrs.field(factory=dict)

    def get(self, key: str) -> Any:
        """The file's value for a setting, or None."""
        return self.values.get(key)

    def resolve(self, key: str, given: Any, default: Any) -> Any:
        """The command line's value if given, else the file's, else the default."""
        if given is not None:
            return given
        value = self.values.get(key)
        return default if value is None else value

    def where(self) -> str:
        """How the file is named in messages and in `goalframe config`."""
        if self.path is None:
            return "no configuration file"
        return (
            f"{self.path} [tool.goalframe]"
            if self.path.name == "pyproject.toml"
            else str(self.path)
        )


def find_config(start: Path) -> Path | None:
    """The nearest ``goalframe.toml``, or ``pyproject.toml`` with ``[tool.goalframe]``.

    The search starts in ``start`` (a folder, or a file's folder) and walks up to the root;
    in each folder ``goalframe.toml`` comes first.
    """
    folder = start if start.is_dir() else start.parent
    for place in (folder.resolve(), *folder.resolve().parents):
        own = place / CONFIG_NAME
        if own.is_file():
            return own
        project = place / "pyproject.toml"
        if project.is_file() and "[tool.goalframe" in project.read_text("utf-8", "replace"):
            return project
    return None


def _table(document: dict[str, Any], path: Path) -> dict[str, Any]:
    """The settings' table: the whole goalframe.toml, or pyproject's ``[tool.goalframe]``."""
    if path.name == CONFIG_NAME:
        return document
    tool = document.get("tool", {})
    table = tool.get("goalframe", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        msg = f"{path}: [tool.goalframe] should be a table of settings (tool.goalframe = {{...}})"
        raise ValueError(msg)
    return table


def load_settings(start: Path | None) -> Settings:
    """Read the configuration that applies to ``start``; raise ValueError naming the problem.

    Raises:
        ValueError: The file is not valid TOML, holds an unknown key (with a did-you-mean)
            or a value of the wrong kind; the message names the file and the key.
    """
    from goalframe._suggest import did_you_mean

    path = find_config(start or Path.cwd())
    if path is None:
        return Settings()
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        msg = f"{path}: not valid TOML ({exc})"
        raise ValueError(msg) from None
    except RecursionError:
        msg = f"{path}: not valid TOML (nested too deeply to be a configuration)"
        raise ValueError(msg) from None
    except OSError as exc:
        msg = f"{path}: cannot read the configuration ({exc.strerror})"
        raise ValueError(msg) from None
    table = _table(document, path)
    flat: dict[str, Any] = {}
    for key, value in table.items():
        if key == "lint" and isinstance(value, dict):
            flat.update({f"lint.{k}": v for k, v in value.items()})
        else:
            flat[key.replace("_", "-")] = value
    values: dict[str, Any] = {}
    for key, value in flat.items():
        key = key.replace("_", "-")
        if key not in KEYS:
            hint = did_you_mean(key, KEYS)
            msg = f"{path}: unknown setting {key!r}{hint}; the settings are {', '.join(KEYS)}"
            raise ValueError(msg)
        try:
            values[key] = KEYS[key](value)
        except ValueError as exc:
            msg = f"{path}: setting {key!r} {exc}"
            raise ValueError(msg) from None
    return Settings(path=path, values=values)
