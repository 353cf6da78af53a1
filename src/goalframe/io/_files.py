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

from goalframe._messages import Message, Term
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
        raise error(Message("file_missing"), Location(name)) from None
    except OSError as exc:
        raise error(Message("file_unreadable", error=exc.strerror), Location(name)) from None
    if stat.S_ISDIR(info.st_mode):
        raise error(Message("file_folder", what=Term("file_kinds", what)), Location(name))
    if not stat.S_ISREG(info.st_mode):
        raise error(Message("file_special", what=Term("file_kinds", what)), Location(name))
    if info.st_size > limit:
        message = Message(
            "file_too_large", size=info.st_size, limit=limit, what=Term("file_kinds", what)
        )
        raise error(message, Location(name))


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
        raise error(Message("file_unreadable", error=exc.strerror), Location(name)) from None
    if len(data) > limit:
        message = Message("file_over_limit", limit=limit, what=Term("file_kinds", what))
        raise error(message, Location(name))
    return data


def read_checked(path: Path, *, what: str, limit: int, error: InputError) -> str:
    """Read a UTF-8 text file (or standard input) within the cap."""
    data = read_capped(path, what=what, limit=limit, error=error)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = Message("file_not_utf8", byte=str(exc.start))
        raise error(message, Location(str(path))) from None
