"""Errors raised by goalframe.

Every error goalframe raises on purpose derives from `GoalframeError`, and every concrete error
also derives from the builtin exception that fits it, so ``except ValueError`` keeps working::

    GoalframeError(Exception)
    ├── SpecError(GoalframeError, ValueError)           a goal file is wrong
    │   ├── SpecSyntaxError                             not valid YAML / JSON / TOML
    │   └── SpecValidationError                         valid syntax, invalid content (.problems)
    ├── UnitError(GoalframeError, ValueError)
    │   ├── UndefinedUnitError                          a unit name pint does not know
    │   └── IncompatibleUnitsError                      kg vs plantation, EUR vs USD
    ├── DataError(GoalframeError, ValueError)           observations are wrong
    │   └── ObservationError                            one place in an observations file
    ├── MethodError(GoalframeError)
    │   ├── UnknownMethodError(MethodError, LookupError)
    │   ├── DuplicateMethodError(MethodError, ValueError)
    │   └── MethodOptionsError(MethodError, ValueError)  unknown or invalid method options
    ├── RenderError(GoalframeError)
    │   ├── UnknownFormatError(RenderError, LookupError)
    │   └── OutputError(RenderError, OSError)          an output would overwrite an input, ...
    └── UsageError(GoalframeError, TypeError)            the API was called with the wrong kind
                                                         of argument (None for a path, ...)

Messages say where (``file:line:column``), what is wrong, and how to fix it. The command line
prints them without a traceback and exits with `EXIT_BAD_INPUT`; any other exception is a bug
in goalframe, reported with a short message and `EXIT_INTERNAL`.

Added in 0.1.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_GATE",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "DataError",
    "DuplicateMethodError",
    "GoalframeError",
    "IncompatibleUnitsError",
    "Location",
    "MethodError",
    "MethodOptionsError",
    "ObservationError",
    "OutputError",
    "Problem",
    "RenderError",
    "SpecError",
    "SpecSyntaxError",
    "SpecValidationError",
    "UndefinedUnitError",
    "UnitError",
    "UnknownFormatError",
    "UnknownLanguageError",
    "UnknownMethodError",
    "UsageError",
]

#: Exit code of the command line on success.
EXIT_OK = 0
#: Exit code when a ``--fail-on`` gate trips (for CI pipelines).
EXIT_GATE = 1
#: Exit code for bad input or bad usage: the message on stderr says what and where.
EXIT_BAD_INPUT = 2
#: Exit code for an internal error (a bug in goalframe): a short report instead of a traceback.
EXIT_INTERNAL = 3


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file: ``file:line:column`` (line and column count from 1).

    Attributes:
        file: The file's path as the user gave it, or a name such as ``<string>``.
        line: Line number, or None where the place is the whole file.
        column: Column number, or None where only the line is known.
    """

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a goal file.

    Attributes:
        path: Where in the document, as keys and indexes, e.g. ``("indicators", 2, "unit")``.
        message: What is wrong and how to fix it.
        location: File, line and column, where known.
        code: The lint code of this kind of problem (e.g. ``M008``), where it has one.
    """

    path: tuple[str | int, ...]
    message: str
    location: Location | None = None
    code: str | None = None

    @property
    def dotted_path(self) -> str:
        """The path written the way users see it: ``indicators[2].unit``."""
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        what = f"{self.dotted_path}: " if self.path else ""
        return f"{where}{what}{self.message}"


class GoalframeError(Exception):
    """Base class of every error goalframe raises on purpose."""


class SpecError(GoalframeError, ValueError):
    """A goal file (or a goal specification built in Python) is wrong."""


class SpecSyntaxError(SpecError):
    """A goal file is not well-formed YAML, JSON or TOML, or is too large or hostile to read.

    Attributes:
        location: Where the parser stopped.
    """

    def __init__(self, message: str, location: Location) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        #: What is wrong, without the place (a catalogue `Message` where one says it).
        self.message = message


class SpecValidationError(SpecError):
    """A goal file parses but its content is invalid.

    Attributes:
        problems: Every problem found, each with its place in the file where known.
        source: The file (or ``<string>``) the specification came from.
    """

    def __init__(self, problems: Iterable[Problem], source: str = "<spec>") -> None:
        self.problems = tuple(problems)
        self.source = source
        count = len(self.problems)
        head = f"{source}: {count} problem{'s' if count != 1 else ''} in the goal file"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


class UnitError(GoalframeError, ValueError):
    """A unit is unknown, or two units cannot be converted into each other."""


class UndefinedUnitError(UnitError):
    """A unit expression names a unit that is not defined."""


class IncompatibleUnitsError(UnitError):
    """Two units measure different things (mass vs count, EUR vs USD)."""


class DataError(GoalframeError, ValueError):
    """Observations cannot be used as given."""


class ObservationError(DataError):
    """One place in an observations file is wrong.

    Attributes:
        location: File, line (the file's own line number, header = 1) and column.
        message: What is wrong, without the place.
    """

    def __init__(self, message: str, location: Location) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        #: What is wrong, without the place (a catalogue `Message` where one says it).
        self.message = message


class MethodError(GoalframeError):
    """A progress-assessment method cannot be found or registered."""


class UnknownMethodError(MethodError, LookupError):
    """No method is registered under the requested name."""


class DuplicateMethodError(MethodError, ValueError):
    """A method with this name is already registered."""


class MethodOptionsError(MethodError, ValueError):
    """Options given to a method are unknown or invalid."""


class RenderError(GoalframeError):
    """A scorecard cannot be rendered."""


class UnknownFormatError(RenderError, LookupError):
    """No renderer exists for the requested output format."""


class UnknownLanguageError(RenderError, ValueError):
    """No message catalogue exists for the requested language."""


class OutputError(RenderError, OSError):
    """An output cannot be written where asked.

    It would overwrite an input, the path is a folder, or its folder does not exist.
    """


class UsageError(GoalframeError, TypeError):
    """A public function was given the wrong kind of argument.

    ``None`` for a path, a string for a framework, ...: the message names the argument and
    what it takes.
    """


def require(value: object, kinds: type | tuple[type, ...], *, name: str, takes: str) -> None:
    """Raise `UsageError` unless ``value`` is one of ``kinds``."""
    if not isinstance(value, kinds):
        msg = f"{name} takes {takes}, not {type(value).__name__} ({value!r:.60})"
        raise UsageError(msg)
