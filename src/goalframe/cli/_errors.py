"""Errors said to the user: a located message and exit 2, a bug's short report and exit 3."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

from goalframe.cli._app import _DEBUG
from goalframe.errors import EXIT_BAD_INPUT, EXIT_INTERNAL


def fail(message: str) -> typer.Exit:
    """Print ``message`` on standard error and return exit 2.

    The message is cleaned (`goalframe._text.clean`): it quotes user text (a sheet's name, a
    cell, a file name), and no control character or bidi override in it reaches a terminal.
    """
    from goalframe._text import clean

    typer.echo(f"goalframe: error: {clean(message)}", err=True)
    return typer.Exit(EXIT_BAD_INPUT)


def debugging() -> bool:
    """Whether --debug (or GOALFRAME_DEBUG=1) asks for tracebacks."""
    import os

    return bool(_DEBUG and _DEBUG[0]) or os.environ.get("GOALFRAME_DEBUG") == "1"


@contextmanager
def bad_input(lang: str | None = None) -> Iterator[None]:
    """Turn goalframe's errors into a message and exit 2; anything else is a bug: exit 3.

    With ``lang`` (the command's ``--lang``), a goal file's problems and an observations
    file's reading errors are said in that language where the catalogues have them.
    """
    from goalframe.errors import GoalframeError, SpecValidationError

    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except SpecValidationError as exc:
        raise fail(spec_problems(exc, lang or "en")) from None
    except GoalframeError as exc:
        raise fail(said(exc, lang) if lang else str(exc)) from None
    except OSError as exc:
        name = exc.filename or ""
        raise fail(f"{name}: {exc.strerror or exc}") from None  # noqa: EM102
    except Exception as exc:
        if debugging() or type(exc).__module__.startswith(("click", "typer")):
            raise  # the command line's own exits and usage errors
        raise internal_error(exc) from None


def said(exc: BaseException, lang: str) -> str:
    """One of goalframe's errors in ``lang``, where its texts are catalogue messages.

    An error with a ``location`` and a ``message`` says the message after the place; one built
    from a single message (rows that cannot be read: `Lines`) says it; any other says its
    English text.
    """
    from goalframe._messages import message_of, say

    message, location = getattr(exc, "message", None), getattr(exc, "location", None)
    if isinstance(message, str) and location is not None:
        return f"{location}: {say(message, lang)}"
    return say(message_of(exc), lang)


def spec_problems(exc: Any, lang: str) -> str:
    """A goal file's problems (a `SpecValidationError`) in ``lang``: a count, then each one."""
    import dataclasses

    from goalframe._messages import Message, say

    count = len(exc.problems)
    head = Message("goal_problems_one" if count == 1 else "goal_problems", count=count)
    # Each problem written as `Problem` writes itself, with its message in ``lang``; at most
    # MAX_SHOWN of them (100,000 problems printed 14.5 MB), then the count of the rest.
    shown = exc.problems[:MAX_SHOWN]
    said = (dataclasses.replace(p, message=say(p.message, lang)) for p in shown)
    lines = [f"{exc.source}: {say(head, lang)}", *(f"  {p}" for p in said)]
    if count > len(shown):
        lines.append(f"  {say(Message('data_more', count=count - len(shown)), lang)}")
    return "\n".join(lines)


#: How many of a goal file's problems are printed (the rest are counted).
MAX_SHOWN = 200


def internal_error(exc: BaseException) -> typer.Exit:
    """Report a bug in goalframe briefly (no traceback) and return exit code 3."""
    typer.echo(
        f"goalframe: internal error: {type(exc).__name__}: {exc}\n"
        "This is a bug in goalframe, not a problem with your files. Please report it with the "
        "command you ran and, if you can, the files; run again with --debug to see the "
        "traceback.",
        err=True,
    )
    return typer.Exit(EXIT_INTERNAL)
