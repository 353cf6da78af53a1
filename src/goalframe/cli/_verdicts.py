"""`goalframe verdicts`: every series of a large file, assessed by the columnar engine.

The scorecard commands build a card: every figure, chart and caveat, one Python object per
row. For a statistics office's file of hundreds of thousands of breakdown series the table
of verdicts is what is wanted, and `goalframe.evaluate_frame` computes it in the data
engine. This command reads the file with polars (or pyarrow), runs the engine and writes the
verdicts as CSV or Parquet: one row per indicator, series and target that counts, the long
layout dashboards read. The rows not used are counted by reason on standard error (and, with
``--set-aside``, written to a file), so that every row is accounted for.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from goalframe.cli._errors import bad_input, fail
from goalframe.cli._files import check_output, parse_as_of, write_output
from goalframe.cli._options import AsOf, DataFile, GoalFile

#: The output formats, by file extension.
SUFFIXES = (".csv", ".parquet")
#: No size limit: the engine streams the file (the card's reader stops at 512 MB).


def verdicts(
    file: GoalFile,
    data: DataFile,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the verdicts to this .csv or .parquet file (default: CSV on standard "
            "output; `-` is standard output too).",
            show_default=False,
        ),
    ] = None,
    as_of: AsOf = None,
    method: Annotated[
        str | None,
        typer.Option(
            "--method", "-m", help="Use this method for every indicator (see `goalframe methods`)."
        ),
    ] = None,
    set_aside: Annotated[
        Path | None,
        typer.Option(
            "--set-aside",
            help="Also write the rows not used, counted by indicator and reason, to this .csv "
            "or .parquet file.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Assess every series of a large file in its data engine: a table of verdicts.

    Reads CSV or Parquet with polars (or pyarrow) and writes one row per indicator and
    series, and one per earlier target that was due (every target counts), as CSV or
    Parquet. For files of many breakdown series (every region,
    municipality, age group): the same verdicts as `scorecard`, without the card. Series
    the engine has no form for (quarters, a break, a revised figure, some method options)
    are assessed one by one, with a progress bar in a terminal when they are many,
    and the `engine` column says which path gave each row.
    """
    for path in (output, set_aside):
        _check_suffix(path)
    check_output(output, file, data)
    check_output(set_aside, file, data, output)
    if output is not None and set_aside is not None and output.resolve() == set_aside.resolve():
        msg = f"{set_aside}: --set-aside and --output name the same file; choose another name"
        raise fail(msg)
    cutoff = parse_as_of(as_of)
    with bad_input():
        from goalframe._frames import evaluate_frame
        from goalframe.io import load_framework
        from goalframe.io._load_observations import read_frame

        framework = load_framework(file)
        with _engine_errors(data):
            frame = read_frame(data)
            found = evaluate_frame(framework, frame, as_of=cutoff, method=method)
            results = _ordered(_collect(found.results), framework)
            aside = _collect(found.set_aside).sort("indicator", "reason")
    write_output(_encode(results, output), output)
    if set_aside is not None:
        write_output(_encode(aside, set_aside), set_aside)
    _summary(results, aside)


def _check_suffix(path: Path | None) -> None:
    if path is None or str(path) == "-" or path.suffix.lower() in SUFFIXES:
        return
    msg = f"{path}: write the verdicts to a .csv or .parquet file (or - for standard output)"
    raise fail(msg)


def _collect(native: Any) -> Any:
    """A result frame, computed (as a narwhals frame)."""
    import narwhals as nw

    frame = nw.from_native(native)
    return frame.collect() if isinstance(frame, nw.LazyFrame) else frame


def _ordered(results: Any, framework: Any) -> Any:
    """The verdicts in the goal file's order: each indicator's headline, then its groups.

    The headline's rows in the order of the targets' last periods (earlier targets first).

    An engine groups in no fixed order; a published table must be the same every run.
    """
    import narwhals as nw

    from goalframe._frames import RESULT_COLUMNS

    order = {indicator.id: n for n, indicator in enumerate(framework.indicators)}
    rank = nw.col("indicator").replace_strict(order, default=len(order), return_dtype=nw.Int64)
    breakdowns = [c for c in results.columns if c not in RESULT_COLUMNS]  # the result's own
    keyed = results.with_columns(_rank=rank, _group=(nw.col("role") != "headline"))
    return keyed.sort("_rank", "_group", *breakdowns, "target_index", nulls_last=True).drop(
        "_rank", "_group"
    )


@contextmanager
def _engine_errors(data: Path) -> Iterator[None]:
    """An engine's own error (polars, pyarrow) as a clear one naming the file, no traceback."""
    from goalframe.errors import DataError
    from goalframe.io._load_observations import row_reader_problem

    try:
        yield
    except DataError as exc:  # the engine's own words about the frame: say which file
        text = str(exc)
        if not text.startswith(f"{data}:") or not text[len(str(data)) + 1 :][:1].isdigit():
            row_reader_problem(data)  # the row-by-row reader's words, with the line, if any
        if text.startswith(str(data)):
            raise
        msg = f"{data}: {text}"
        raise DataError(msg) from None
    except Exception as exc:
        # narwhals passes an engine's compute error on as its own ComputeError.
        engine = type(exc).__module__.split(".")[0] in ("polars", "pyarrow")
        if not engine and type(exc).__name__ != "ComputeError":
            raise
        text = str(exc).strip()
        row_reader_problem(data)
        first = text.splitlines()[0] if text else type(exc).__name__
        msg = (
            f"{data}: the data engine could not read the file ({first}); `value` must be a "
            "number with a decimal point in every row. `goalframe scorecard` reads such "
            "files too (decimal commas included) and names the line of each problem"
        )
        raise DataError(msg) from None


def _encode(frame: Any, path: Path | None) -> str | bytes:
    """The frame as CSV text, or as Parquet bytes for a ``.parquet`` path."""
    import io

    if path is not None and path.suffix.lower() == ".parquet":
        buffer = io.BytesIO()
        frame.write_parquet(buffer)
        return buffer.getvalue()
    import narwhals as nw

    safe = _for_spreadsheets(frame)
    if safe.implementation is nw.Implementation.POLARS:
        return _polars_csv(safe.to_native())
    return _python_csv(safe)


def _python_csv(safe: Any) -> str:
    """A frame's rows through Python's `csv` writer."""
    import csv
    import io

    import narwhals as nw

    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(safe.columns)
    # Written here, not by the engine: pyarrow quotes every text cell and writes numbers
    # its own way. The writer writes None as an empty cell; booleans are words already
    # (`_for_spreadsheets`), so rows go in as they come.
    rows = safe.iter_rows(named=False)
    if not any(
        dtype == nw.String and safe[name].str.contains("\r", literal=True).any()
        for name, dtype in safe.schema.items()
    ):
        writer.writerows(rows)
        return text.getvalue()
    # Python's writer quotes a cell holding a character of its line ending only, and a
    # reader would end the row at a bare carriage return: rows with one are written by a
    # writer whose line ending has it (as polars quotes them), then ended as the others.
    careful = io.StringIO()
    quoting = csv.writer(careful, lineterminator="\r\n")
    for row in rows:
        if any(isinstance(cell, str) and "\r" in cell for cell in row):
            careful.seek(0)
            careful.truncate()
            quoting.writerow(row)
            text.write(careful.getvalue()[:-2] + "\n")
        else:
            writer.writerow(row)
    return text.getvalue()


def _polars_csv(frame: Any) -> str:
    """The CSV `_encode`'s Python writer gives, written by polars (ten times faster).

    Python writes a float as its shortest round-trip text (`repr`); polars writes the same
    digits, laid out differently when the number is tiny (``1e-7`` and ``0.00001`` where
    Python writes ``1e-07`` and ``1e-05``). So numbers become text first: polars' own for
    most, Python's for the few it lays out differently. An empty text cell is written
    empty, as Python does (polars writes ``""``). A cell with a carriage return inside is
    quoted by both.
    """
    import polars as pl

    changes = []
    for name, dtype in frame.schema.items():
        if dtype.is_float():
            changes.append(pl.col(name).map_batches(_float_text, return_dtype=pl.String))
        elif dtype == pl.String:
            changes.append(pl.col(name).replace("", None))
    text = frame.with_columns(changes) if changes else frame
    return str(text.write_csv(None, line_terminator="\n", quote_style="necessary"))


def _float_text(values: Any) -> Any:
    """A polars float column as Python's `repr` of each number (null stays null)."""
    text = values.cast(str)
    size = values.abs()
    odd = ((size < 1e-4) & (size > 0)) | (size >= 1e16) | ~values.is_finite()
    where = odd.fill_null(value=False).arg_true()
    if len(where):
        text = text.scatter(where, [repr(float(v)) for v in values.gather(where)])
    return text


#: Computed columns, rounded to six decimals in CSV as in the scorecard's CSV (Parquet keeps
#: full precision).
ROUNDED = ("progress", "expected_progress", "score")


def _for_spreadsheets(frame: Any) -> Any:
    """CSV as the scorecard's: computed shares rounded, formula-like text quoted.

    Booleans are written ``true`` and ``false``. A cell starting with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return gets a ``'`` in front, so that a spreadsheet shows it
    instead of running it.
    """
    import narwhals as nw

    schema = frame.schema
    changes = [nw.col(c).round(6) for c in ROUNDED if c in schema]
    for name, dtype in schema.items():
        if dtype == nw.Boolean:  # true and false, as in the scorecard's CSV
            flag = nw.col(name)
            word = nw.when(flag).then(nw.lit("true")).otherwise(nw.lit("false"))
            changes.append(nw.when(flag.is_null()).then(_text_null()).otherwise(word).alias(name))
    for name, dtype in schema.items():
        if dtype == nw.String:
            cell = nw.col(name)
            risky = cell.str.contains(r"^[=+\-@\t\r]")
            changes.append(
                nw.when(risky).then(nw.concat_str([nw.lit("'"), cell])).otherwise(cell).alias(name)
            )
    return frame.with_columns(*changes) if changes else frame


def _text_null() -> Any:
    import narwhals as nw

    return nw.lit(None, dtype=nw.String)


def _summary(results: Any, aside: Any) -> None:
    """Counts on standard error: series by engine, rows used, rows set aside by reason."""
    import narwhals as nw

    series = len(results)
    engines = dict(results.group_by("engine").agg(nw.len()).iter_rows())
    used = int(results["observations"].sum() or 0) if series else 0
    reasons = dict(aside.group_by("reason").agg(nw.col("rows").sum()).iter_rows())
    typer.echo(
        f"goalframe: {series} series assessed ({engines.get('frame', 0)} by the frame engine, "
        f"{engines.get('reference', 0)} one by one), {used} rows used, "
        f"{sum(reasons.values())} rows set aside",
        err=True,
    )
    for reason, count in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
        typer.echo(f"  {count} set aside: {reason}", err=True)
