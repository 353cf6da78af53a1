"""The Open SDG import beside a bare pandas read of the same files (issue 27, point 10).

    mkdir -p /tmp/ca && tar xzf tests/data/open-sdg/canada-cif.tgz -C /tmp/ca
    python benchmarks/open_sdg_import.py /tmp/ca

Prints the median of three runs of each, alternated in one process, and their ratio; then
the scorecard of the import (assessed as of 2026) against the import.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import goalframe as gf


def pandas_read(root: Path) -> None:
    """Every data file read by pandas as text, and every metadata file read."""
    import pandas as pd

    for data in sorted((root / "data").glob("*.csv")):
        pd.read_csv(data, dtype=str)
    for meta in sorted((root / "meta").glob("*.*")):
        if meta.is_file():
            meta.read_text(encoding="utf-8", errors="replace")


def main() -> None:
    root = Path(sys.argv[1])
    reads, imports, cards = [], [], []
    for _ in range(3):
        start = time.perf_counter()
        pandas_read(root)
        read = time.perf_counter()
        imported = gf.import_open_sdg(root)
        done = time.perf_counter()
        gf.evaluate(imported.framework, imported.observations, as_of=2026)
        carded = time.perf_counter()
        reads.append(read - start)
        imports.append(done - read)
        cards.append(carded - done)
    read, imp, card = (statistics.median(x) for x in (reads, imports, cards))
    print(f"{root}: {len(imported.rows):,} rows imported, {imported.summary}")
    print(f"pandas read {read:.2f} s; import {imp:.2f} s ({imp / read:.0f}x)")
    print(f"scorecard of the import {card:.2f} s ({card / imp:.2f}x of the import)")


if __name__ == "__main__":
    main()
