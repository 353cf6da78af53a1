"""Reading input files safely: regular files only, within a size cap, or standard input.

A path that names a pipe, a device or a socket is refused before it is opened (reading
``/dev/zero`` would never end; a FIFO with no writer would block forever); ``-`` reads standard
input, up to the same cap. Sizes are enforced while reading, not only from the file's
metadata.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

from goalframe.errors import Location, ObservationError, SpecSyntaxError

InputError = type[SpecSyntaxError | ObservationError]

#: The name that means standard input.
STDIN = "-"


def check_file(path: Path, *, what: str, limit: int, error: InputError) -> None:
    """Refuse a missing, unreadable, special, folder or too large input, saying how to fix it."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        msg = "no such file; check the path"
        raise error(msg, Location(name)) from None
    except OSError as exc:
        msg = f"cannot read the file ({exc.strerror})"
        raise error(msg, Location(name)) from None
    if stat.S_ISDIR(info.st_mode):
        msg = f"this is a folder; give the {what} inside it"
        raise error(msg, Location(name))
    if not stat.S_ISREG(info.st_mode):
        msg = (
            f"not a regular file (a pipe, device or socket); give a {what}, or '-' to read "
            "standard input"
        )
        raise error(msg, Location(name))
    if info.st_size > limit:
        msg = f"the file is {info.st_size:,} bytes, more than the {limit:,} a {what} may have"
        raise error(msg, Location(name))


def read_capped(path: Path, *, what: str, limit: int, error: InputError) -> bytes:
    """The bytes of a regular file (after `check_file`) or of standard input (``-``)."""
    name = str(path)
    try:
        if name == STDIN:
            data = sys.stdin.buffer.read(limit + 1)
        else:
            check_file(path, what=what, limit=limit, error=error)
            with path.open("rb") as handle:
                data = handle.read(limit + 1)
    except OSError as exc:
        msg = f"cannot read the file ({exc.strerror})"
        raise error(msg, Location(name)) from None
    if len(data) > limit:
        msg = f"more than the {limit:,} bytes a {what} may have"
        raise error(msg, Location(name))
    return data


def read_checked(path: Path, *, what: str, limit: int, error: InputError) -> str:
    """Read a UTF-8 text file (or standard input) within the cap."""
    data = read_capped(path, what=what, limit=limit, error=error)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        raise error(msg, Location(str(path))) from None
