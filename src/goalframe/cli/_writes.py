"""Writes that never harm: only a regular file or a new path is replaced, and atomically.

An output is written to a temporary file in the target's folder and renamed into place when
complete, so an interrupted run never leaves half a file. Before that, the target is
checked: a device, a pipe or a socket is refused (renaming onto ``/dev/full`` as root would
replace the device with a regular file), as is a folder and a symbolic link that leads out
of the working folder. ``-`` (and ``/dev/stdout``) is standard output; ``/dev/null`` is
accepted and nothing is written, so the device is never touched.

Several outputs of one command (an import's three files) are written together: each is
written in full beside its target first, and only when all are written are they renamed.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from goalframe.cli._errors import fail

__all__ = ["destination", "write_output", "write_outputs"]

#: Names of standard output that are not files to replace.
STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
#: The one device an output may name: written to by nobody, and never replaced.
DISCARD = "/dev/null"

Text = str | bytes | Iterable[str]


def _say(output: Path, key: str, lang: str | None, **fields: str) -> str:
    from goalframe._messages import Message, say

    return f"{output}: {say(Message(key, **fields), lang or 'en')}"


def destination(output: Path, lang: str | None = None) -> Path | None:
    """The regular file (or new path) ``output`` writes, None for standard output or discard.

    Raises the command's exit 2 with a message for a folder, a device, a pipe, a socket, a
    missing folder, or a symbolic link that leads out of the working folder.
    """
    name = str(output)
    if name in STDOUT_NAMES or name == DISCARD:
        return None
    target = output
    if output.is_symlink():
        target = output.resolve()
        if not target.is_relative_to(Path.cwd().resolve()):
            raise fail(_say(output, "cli_output_link", lang, target=str(target)))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        msg = f"{output}: cannot write the output ({exc.strerror})"
        raise fail(msg) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise fail(_say(output, "cli_output_folder", lang))
    if mode is not None and not stat.S_ISREG(mode):
        raise fail(_say(output, "cli_output_special", lang))
    if not target.resolve().parent.is_dir():
        raise fail(_say(output, "cli_no_folder", lang, folder=str(output.parent)))
    return target


def _file_mode(output: Path) -> int:
    """The mode a new file gets here (the umask applied), or the replaced file's own."""
    try:
        return output.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _to_stdout(text: Text) -> None:
    if isinstance(text, bytes):
        sys.stdout.buffer.write(text)
        sys.stdout.flush()
        return
    for piece in [text] if isinstance(text, str) else text:
        sys.stdout.write(piece)


def _stage(text: Text, target: Path) -> Path:
    """``text`` written in full to a temporary file beside ``target``; its path."""
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.resolve().parent)
    staged = Path(temporary)
    try:
        if isinstance(text, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(text)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                for piece in [text] if isinstance(text, str) else text:
                    stream.write(piece)
        staged.chmod(_file_mode(target))
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return staged


def write_outputs(outputs: Sequence[tuple[Text, Path | None]], lang: str | None = None) -> None:
    """Write each ``(text, path)`` together: all of them, or (on an error) none replaced.

    A path of None or ``-`` is standard output; ``/dev/null`` writes nothing.
    """
    import logging

    placed: list[tuple[Path, Path]] = []
    current: Path | None = None
    try:
        for text, output in outputs:
            current = output
            target = destination(output, lang) if output is not None else None
            if target is None:
                if output is None or str(output) != DISCARD:
                    _to_stdout(text)
                continue
            placed.append((_stage(text, target), target))
        for staged, target in placed:
            current = target
            staged.replace(target)
    except OSError as exc:
        for staged, _ in placed:
            staged.unlink(missing_ok=True)
        msg = f"{current}: cannot write the output ({exc.strerror})"
        raise fail(msg) from None
    except BaseException:
        for staged, _ in placed:
            staged.unlink(missing_ok=True)
        raise
    for _, output in outputs:
        if output is not None and str(output) not in STDOUT_NAMES:
            logging.getLogger("goalframe.cli").info("wrote %s", output)


def write_output(text: Text, output: Path | None, lang: str | None = None) -> None:
    """Write to standard output (None or ``-``) or, atomically, to a regular file.

    ``text`` may come in pieces (an iterable of strings), written as they come.
    """
    write_outputs([(text, output)], lang)
