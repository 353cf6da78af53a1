"""Observations from a Parquet file, read by pyarrow or polars (whichever is installed)."""

from __future__ import annotations

from pathlib import Path

from goalframe._messages import Message
from goalframe._observations import ObservationSet, observations_from_columns
from goalframe.errors import Location, ObservationError

__all__ = ["MAX_PARQUET_BYTES", "is_parquet", "read_parquet"]

#: The largest Parquet file the scorecard path reads (one Python object per row); larger
#: data go through `goalframe.evaluate_frame`, which keeps them in an engine.
MAX_PARQUET_BYTES = 2 * 1024 * 1024 * 1024


def is_parquet(file: Path) -> bool:
    """Whether the file is named as a Parquet file (``.parquet``, ``.pq``)."""
    return file.suffix.lower() in (".parquet", ".pq")


def read_parquet(file: Path, name: str) -> ObservationSet:
    """Read a Parquet file's columns; rows are named by number (``obs.parquet:12``).

    Raises:
        ObservationError: The file cannot be read, or neither pyarrow nor polars is installed.
    """
    from goalframe.io._files import check_file

    check_file(file, what="Parquet file", limit=MAX_PARQUET_BYTES, error=ObservationError)
    try:
        import pyarrow.parquet as pq
    except ImportError:
        pq = None
    try:
        if pq is not None:
            columns = pq.read_table(file).to_pydict()
        else:
            try:
                import polars as pl
            except ImportError:
                message = Message("data_needs_parquet")
                raise ObservationError(message, Location(name)) from None
            columns = pl.read_parquet(file).to_dict(as_series=False)
    except ObservationError:
        raise
    except Exception as exc:  # noqa: BLE001 - the engines raise many kinds for a bad file
        message = Message("data_parquet_unreadable", error=f"{type(exc).__name__}: {exc}")
        raise ObservationError(message, Location(name)) from None
    return observations_from_columns({k.lower(): v for k, v in columns.items()}, source=name)
