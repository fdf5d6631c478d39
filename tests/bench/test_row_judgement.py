"""How the bench judges a row that has both a target and a ratio to its baseline: a target that lies below the
baseline measured in the same run (the database's own floor, such as "a PostgreSQL import faster than the SQLite
one" when the raw COPY alone is slower) is waived for the rows that say it may be, and the table says so; the ratio
still decides, and the target holds again on a run where the floor is under it. No timing is measured here."""
from __future__ import annotations

from bench.harness import Bench, Row


def pg_import(median: float, baseline: float, *, waived: bool = True) -> Row:
    return Row("import (HQ on PostgreSQL)", 181.2, median, baseline, "raw COPY", max_ratio=1.5,
               waived_below_floor=waived)


def table_line(tmp_path, row: Row) -> str:
    bench = Bench(1000, 1, tmp_path / "data", tmp_path / "work", False, log=lambda *_: None)
    bench.rows.append(row)
    return bench.table().splitlines()[2]


def test_a_target_below_the_floor_is_waived_and_the_ratio_decides(tmp_path):
    within = pg_import(690.0, 490.0)
    assert within.below_floor and within.met is True
    line = table_line(tmp_path, within)
    assert "< 181.20 s (below the baseline), <= 1.5x baseline" in line and line.split(" | ")[5].strip() == "yes"
    beyond = pg_import(760.0, 490.0)  # 1.55x: the ratio is not met
    assert beyond.met is False and table_line(tmp_path, beyond).split(" | ")[5].strip() == "NO"


def test_the_target_holds_where_the_floor_is_under_it(tmp_path):
    faster_floor = pg_import(200.0, 150.0)  # within the ratio, but slower than the target the floor allows
    assert not faster_floor.below_floor and faster_floor.met is False
    assert "below the baseline" not in table_line(tmp_path, faster_floor)
    assert pg_import(170.0, 150.0).met is True


def test_a_row_that_does_not_say_so_keeps_its_target(tmp_path):
    row = pg_import(690.0, 490.0, waived=False)
    assert not row.below_floor and row.met is False
