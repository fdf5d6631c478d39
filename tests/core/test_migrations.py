"""Schema migrations: a database written by an older version is brought forward when it is opened."""
import sqlite3

import models
from app.services import setup

COVERED = {"case_branch_id": "branch_id", "case_kind": "kind", "case_mobile": "mobile",
           "case_category": "category", "case_severity": "severity"}
UNUSED = {"history_at": "at", "history_ref": "ref"}


def indexes(path) -> set[str]:
    with sqlite3.connect(str(path)) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_version_1_database_gets_the_leaner_indexes(tmp_path):
    path = tmp_path / "old.sqlite3"
    models.init_db(path)
    setup.init_database("BJ01", "北京分公司", "admin", "initial-pass-1")
    models.close_db()
    with sqlite3.connect(str(path)) as conn:  # as version 1 left it
        for name, column in COVERED.items():
            conn.execute(f'CREATE INDEX "{name}" ON "case" ("{column}")')
        for name, column in UNUSED.items():
            conn.execute(f'CREATE INDEX "{name}" ON "history" ("{column}")')
        conn.execute('DROP INDEX "history_entity_ref"')
        conn.execute("UPDATE schema_version SET version = 1")
    assert set(COVERED) <= indexes(path)

    models.init_db(path)
    assert models.SchemaVersion.get().version == models.SCHEMA_VERSION == 2
    assert models.Branch.get(models.Branch.is_local == True).code == "BJ01"  # noqa: E712
    models.close_db()
    left = indexes(path)
    assert not (set(COVERED) | set(UNUSED)) & left
    assert {"case_category_state", "case_kind_state", "case_mobile_category", "case_severity_state",
            "case_branch_id_year_seq", "history_entity_ref", "history_entity_uuid", "history_origin"} <= left


def page_size(path) -> int:
    with sqlite3.connect(str(path)) as conn:
        return conn.execute("PRAGMA page_size").fetchone()[0]


def test_a_new_database_is_laid_out_in_16_kib_pages_and_an_older_one_keeps_its_own(tmp_path):
    new = tmp_path / "new.sqlite3"
    models.init_db(new)
    setup.init_database("BJ01", "北京分公司", "admin", "initial-pass-1")
    models.close_db()
    assert page_size(new) == 16384

    old = tmp_path / "old.sqlite3"
    with sqlite3.connect(str(old)) as conn:  # made by a version with SQLite's default pages, in WAL
        conn.execute("PRAGMA page_size = 4096")
        conn.execute("PRAGMA journal_mode = wal")
        conn.execute("CREATE TABLE keep (x)")
    models.init_db(old)
    setup.init_database("SH01", "上海分公司", "admin", "initial-pass-1")
    assert models.Branch.get(models.Branch.is_local == True).code == "SH01"  # noqa: E712
    models.close_db()
    assert page_size(old) == 4096
