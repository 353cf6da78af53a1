"""`import_open_sdg`: a repository's indicators read into a goal file and observations."""

from __future__ import annotations

from pathlib import Path

from goalframe.errors import Location, ObservationError
from goalframe.io._open_sdg._builder import _Builder
from goalframe.io._open_sdg._files import _ID, _natural
from goalframe.io._open_sdg._result import OpenSdgImport


def import_open_sdg(folder: str | Path) -> OpenSdgImport:
    """Read an Open SDG data repository (its ``data/`` and ``meta/`` or ``indicator-config/``).

    One indicator's problem (a data file without a ``Year`` column, metadata that is not
    YAML) sets that indicator aside with its file, place and reason; the others are imported.

    Raises:
        ObservationError: The path is not a folder, or has no ``data/indicator_*.csv`` files.
    """
    root = Path(folder)
    if not root.is_dir():
        what = (
            "standard input"
            if str(root) == "-"
            else "not a folder"
            if root.exists()
            else "no such folder"
        )
        msg = f"{what}: give the folder of an Open SDG data repository (with data/ and meta/)"
        raise ObservationError(msg, Location(str(root)))
    data = root / "data"
    found = data.glob("indicator_*.csv") if data.is_dir() else ()
    files = sorted((p for p in found if _ID.match(p.name)), key=_natural)
    if not files:
        msg = (
            "no Open SDG data files here: expected data/indicator_<id>.csv (e.g. "
            "data/indicator_1-2-1.csv) under this folder"
        )
        raise ObservationError(msg, Location(str(root)))
    builder = _Builder(root)
    for path in files:
        match = _ID.match(path.name)
        assert match is not None  # filtered above
        builder.one(match[1], path)
    return builder.result(len(files))
