from __future__ import annotations

from pathlib import Path

from goalframe.errors import Location, ObservationError, SpecSyntaxError

InputError = type[SpecSyntaxError | ObservationError]


def check_file(path: Path, *, what: str, limit: int, error: InputError) -> None:
    """Refuse a missing, unreadable, folder or too large input, saying how to fix it."""
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        msg = "no such file; check the path"
        raise error(msg, Location(name)) from None
    except OSError as exc:
        msg = f"cannot read the file ({exc.strerror})"
        raise error(msg, Location(name)) from None
    if path.is_dir():
        msg = f"this is a folder; give the {what} inside it"
        raise error(msg, Location(name))
    if size > limit:
        msg = f"the file is {size:,} bytes, more than the {limit:,} a {what} may have"
        raise error(msg, Location(name))


def read_checked(path: Path, *, what: str, limit: int, error: InputError) -> str:
    """Read a UTF-8 text file after `check_file`."""
    check_file(path, what=what, limit=limit, error=error)
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        raise error(msg, Location(str(path))) from None
    except OSError as exc:
        msg = f"cannot read the file ({exc.strerror})"
        raise error(msg, Location(str(path))) from None
