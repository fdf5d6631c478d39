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
# headquarters on PostgreSQL (a cluster the harness starts): the import of the same bundles, then the register, the
# search, the monthly report and the overview of 300 branches there
POSTGRES_ROWS = (
    "bundles (HQ on PostgreSQL)",
    "open the register (count + first screen) (HQ on PostgreSQL)",
    "change sort (by complainant) (HQ on PostgreSQL)",
    "change filter (state = investigating) (HQ on PostgreSQL)",
    "search a 2-character word (喷漆) (HQ on PostgreSQL)",
    "search a common 2-character word (返修) (HQ on PostgreSQL)",
    "monthly report PDF across all branches (2026-10) (HQ on PostgreSQL)",
    "overview of 300 branches (HQ on PostgreSQL)",
)
POSTGRES = "(HQ on PostgreSQL)"


def test_the_bench_prints_every_row_and_the_closing_line(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CDESK_BENCH_DATA=str(tmp_path / "data"))
    proc = subprocess.run([sys.executable, "-m", "bench", "--size", "60", "--repeat", "1"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.strip().splitlines()
    table = "\n".join(lines)
    assert lines[1].startswith("operation") and "median" in lines[1] and "baseline" in lines[1]
    from bench import pgcluster

    postgres = pgcluster.postgres_bin() is not None or bool(os.environ.get("CI"))
    rows = len(ROWS) + (len(POSTGRES_ROWS) if postgres else 1)  # without PostgreSQL: its import row says why
    assert re.fullmatch(rf"bench: \d+/{rows} targets met", lines[-1]), proc.stdout
    for name in ROWS + (POSTGRES_ROWS if postgres else ()):
        row = [line for line in lines if name in line and (POSTGRES in name or POSTGRES not in line)]
        assert len(row) == 1, f"row {name!r} missing or doubled:\n{table}"
        assert "error:" not in row[0], row[0]
        # the register and the bigram search answer exactly what the plain SQL and the LIKE scan answer
        assert "DIFFERS" not in row[0], row[0]
        if "n/a (not built yet)" not in row[0]:
            assert re.search(r"\| \d+(\.\d+)? (ms|s|MiB) ", row[0]), row[0]
