"""Several files imported at once at headquarters (``import FILE...``, the import window): each on its own, and a
batch that is large for what headquarters holds builds the register's indexes once at the end."""
from __future__ import annotations

from pathlib import Path

import models
from app.exchange import files
from models.db import database, deferred_indexes, secondary_indexes

from . import helpers

CASE_INDEXES = secondary_indexes([models.Case])


def present_indexes() -> set[str]:
    return {index.name for index in database.obj.get_indexes("case")}


def second_branch(sites, code="SH01"):
    branch = helpers.make_site(sites.root / f"{code}.sqlite3", code, "上海分公司")
    helpers.enrol(branch, sites.hq, sites.root / "enrol")
    return branch


def export_from(site, stick):
    from app.exchange.export import export_bundle

    site.use()
    return export_bundle(site.admin, stick)["file"]


def branch_records(*sites) -> dict:
    """The exchanged records of these branches, by table and uuid (``dump_records`` of each)."""
    expected = {}
    for site in sites:
        site.use()
        for table, records in helpers.dump_records().items():
            expected.setdefault(table, {}).update(records)
    return expected


def assert_holds(expected: dict) -> None:
    """This database holds every record of ``expected`` as it was at its branch (branch rows: BJ01's and SH01's)."""
    actual = helpers.dump_records()
    for table, records in expected.items():
        for uuid, row in records.items():
            if table == "branch" and row["code"] not in ("BJ01", "SH01"):
                continue
            assert actual[table].get(uuid) == row, (table, uuid)


def import_watching(sites, paths):
    """Import ``paths`` at headquarters as one batch; returns (results, the case indexes present while the
    second file was imported, the progress texts shown)."""
    seen = {"texts": []}

    def progress(done, total, text):
        seen["texts"].append(text)
        if done == 1:
            seen["during"] = present_indexes()

    sites.hq.use()
    return files.import_files(sites.hq.admin, paths, progress=progress), seen["during"], seen["texts"]


def test_secondary_indexes_are_the_register_indexes():
    assert "case_received_at" in CASE_INDEXES and "case_complainant_name" in CASE_INDEXES
    assert "case_uuid" not in CASE_INDEXES and "case_number" not in CASE_INDEXES  # unique: they stay


def test_a_large_batch_builds_the_indexes_at_the_end_and_holds_every_record(sites, monkeypatch):
    monkeypatch.setattr(files, "DEFER_MIN_CASES", 1)
    other = second_branch(sites)
    helpers.populate(sites.branch, count=3)
    helpers.populate(other, count=2)
    expected = branch_records(sites.branch, other)
    paths = [export_from(sites.branch, sites.stick), export_from(other, sites.stick)]

    results, during, texts = import_watching(sites, paths)

    assert [r["status"] for r in results] == ["imported", "imported"]
    assert not set(CASE_INDEXES) & during  # the batch ran without them ...
    assert set(CASE_INDEXES) <= present_indexes()  # ... and they are back
    assert texts == [Path(paths[0]).name, Path(paths[1]).name, "正在重建登记台帐的索引…", None]
    assert_holds(expected)
    assert all(r["receipt"] for r in results)


def test_the_register_uses_the_rebuilt_indexes(tmp_path, monkeypatch):
    sites = helpers.make_pair(tmp_path, str(tmp_path / "hq.sqlite3"))  # the query plan read is SQLite's
    monkeypatch.setattr(files, "DEFER_MIN_CASES", 1)
    helpers.populate(sites.branch, count=3)
    import_watching(sites, [export_from(sites.branch, sites.stick), export_from(sites.branch, sites.stick)])
    plan = " ".join(str(row) for row in database.obj.execute_sql(
        'EXPLAIN QUERY PLAN SELECT id FROM "case" ORDER BY received_at DESC LIMIT 50').fetchall())
    assert "case_received_at" in plan


def test_a_refused_file_in_the_batch_leaves_the_others_imported_and_every_index(sites, monkeypatch):
    monkeypatch.setattr(files, "DEFER_MIN_CASES", 1)
    helpers.populate(sites.branch, count=2)
    good = export_from(sites.branch, sites.stick)
    broken = sites.stick / "broken.cdbundle"
    broken.write_bytes(b"not a bundle at all")

    results, during, texts = import_watching(sites, [good, str(broken)])

    assert [r["status"] for r in results] == ["imported", "refused"]
    assert results[1]["error"] == "broken.cdbundle 不是投诉台数据包。"
    assert not set(CASE_INDEXES) & during
    assert set(CASE_INDEXES) <= present_indexes()


def test_a_small_batch_for_what_is_stored_keeps_the_indexes_current(sites, monkeypatch):
    monkeypatch.setattr(files, "DEFER_MIN_CASES", 1)
    helpers.populate(sites.branch, count=12)
    first = export_from(sites.branch, sites.stick)
    sites.hq.use()
    assert files.import_files(sites.hq.admin, [first])[0]["status"] == "imported"
    other = second_branch(sites)
    helpers.populate(other, count=1)  # sent twice: 2 cases against 12 stored, under a quarter
    paths = [export_from(other, sites.stick), export_from(other, sites.stick)]

    results, during, texts = import_watching(sites, paths)

    assert results[0]["status"] == "imported"
    assert set(CASE_INDEXES) <= during
    assert "正在重建登记台帐的索引…" not in texts


def test_a_branch_desk_never_drops_its_indexes(sites, monkeypatch):
    """Data bundles are refused at a branch; the batch does not touch the branch's indexes for them."""
    monkeypatch.setattr(files, "DEFER_MIN_CASES", 1)
    helpers.populate(sites.branch, count=2)
    path = export_from(sites.branch, sites.stick)
    seen = {}
    sites.branch.use()
    results = files.import_files(sites.branch.admin, [path, path],
                                 progress=lambda done, total, name: seen.setdefault(done, present_indexes()))
    assert [r["status"] for r in results] == ["refused", "refused"]
    assert set(CASE_INDEXES) <= seen[1]


def test_indexes_dropped_by_a_batch_that_never_finished_are_built_at_the_next_start(sites):
    sites.hq.use()
    stopped = deferred_indexes([models.Case])
    stopped.__enter__()  # the program stops here: the indexes are gone, the rebuild never runs
    assert not set(CASE_INDEXES) & present_indexes()
    models.close_db()
    sites.hq.use()  # the next start
    assert set(CASE_INDEXES) <= present_indexes()


def test_killing_the_batch_half_way_leaves_whole_bundles_and_every_index_at_the_next_start(tmp_path):
    """The process is killed once the indexes are gone and the first bundle is in: at the next start the
    indexes are back, and each bundle is at headquarters whole or not at all."""
    import signal
    import subprocess
    import sys

    sites = helpers.make_pair(tmp_path, str(tmp_path / "hq.sqlite3"))
    branches = [sites.branch] + [second_branch(sites, code) for code in ("SH01", "GZ01")]
    cases = {}
    for count, site in enumerate(branches, start=3):
        helpers.populate(site, count=count)
        cases[site.code] = count
    paths = [export_from(site, sites.stick) for site in branches]
    models.close_db()

    script = Path(__file__).with_name("batch_process.py")
    proc = subprocess.Popen([sys.executable, str(script), sites.hq.target, *paths], stdout=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line.strip())
            if line.strip() == "file 1":  # the first bundle committed, the second under way
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=60)
    assert lines[-1] == "file 1" and "done" not in lines

    sites.hq.use()  # the next start
    assert set(CASE_INDEXES) <= present_indexes()
    assert models.database.obj.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    held = {site.code: models.Case.select().join(models.Branch, on=(models.Case.branch == models.Branch.id))
            .where(models.Branch.code == site.code).count() for site in branches}
    assert held["BJ01"] == cases["BJ01"]
    assert all(held[code] in (0, cases[code]) for code in held), held
    assert files.import_files(sites.hq.admin, paths)[0]["status"] == "already_imported"
    assert all(models.Case.select().join(models.Branch, on=(models.Case.branch == models.Branch.id))
               .where(models.Branch.code == code).count() == cases[code] for code in cases)
