"""The benchmark harness at a tiny size, so that ``make bench`` never rots: every row of the table is printed
(measured, or "n/a (not built yet)" for a part of the product that does not exist yet, never an error) and the
table ends with the ``bench: N/M targets met`` line. No timing is asserted here."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ROWS = (
    "open the register (count + first screen)",
    "change sort (by complainant)",
    "change filter (state = investigating)",
    "change filter (category + open only)",
    "search a 2-character word",
    "search a common 2-character word",
    "register a case (service, synchronous FULL)",
    "one workflow action (assign)",
    "render a slip",
    "monthly report PDF",
    "changed cases",  # export N changed cases
    "start-up to the register (offscreen)",
    "resident memory, register open",
    "bundles (HQ)",  # import N cases from M bundles
    "-row register (.xlsx)",  # import an N-row register a branch kept before
    "peak memory refusing an unsigned 1 GiB file",
    "peak memory refusing a signed zlib bomb (3.9 GiB declared)",
)


def test_the_bench_prints_every_row_and_the_closing_line(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CDESK_BENCH_DATA=str(tmp_path / "data"))
    proc = subprocess.run([sys.executable, "-m", "bench", "--size", "60", "--repeat", "1"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.strip().splitlines()
    assert re.fullmatch(r"bench: \d+/17 targets met", lines[-1]), proc.stdout
    table = "\n".join(lines)
    assert lines[1].startswith("operation") and "median" in lines[1] and "baseline" in lines[1]
    for name in ROWS:
        row = [line for line in lines if name in line]
        assert len(row) == 1, f"row {name!r} missing or doubled:\n{table}"
        assert "error:" not in row[0], row[0]
        # the register and the bigram search answer exactly what the plain SQL and the LIKE scan answer
        assert "DIFFERS" not in row[0], row[0]
        if "n/a (not built yet)" not in row[0]:
            assert re.search(r"\| \d+(\.\d+)? (ms|s|MiB) ", row[0]), row[0]
