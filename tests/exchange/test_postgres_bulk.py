"""Headquarters on PostgreSQL writes an import through COPY: new rows straight into their tables (their ids taken
from the tables' sequences), newer versions into a staging table merged with UPDATE ... FROM (``models.bulk``).
Every value arrives exactly as the branch holds it, a clash with a stored unique value fails the fast pass and is
then found and kept aside, nothing is written twice. The COPY path is forced for every table here
(``COPY_FROM = 1``); by default small tables go in one statement."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import peewee
import pytest

import models
from models import bulk

from . import helpers, test_roundtrip

NASTY = "反斜杠\\N 与 \\\\ 制表\t符\n换行\n“引号”、'单引号'、emoji 😀、吉𠮷、末尾反斜杠\\"


@pytest.fixture(autouse=True)
def copy_always(monkeypatch):
    monkeypatch.setattr(bulk, "COPY_FROM", 1)
    monkeypatch.setattr(bulk, "COPY_CHUNK", 7)  # several COPY statements into one table


def branch_records(pair):
    pair.branch.use()
    return helpers.dump_records()


def assert_hq_holds(pair, expected):
    pair.hq.use()
    actual = helpers.dump_records()
    for table, records in expected.items():
        for uuid, row in records.items():
            assert actual[table].get(uuid) == row, (table, uuid)


def test_values_arrive_exactly_through_copy(postgres_server):
    models.init_db(postgres_server.new_database())
    db = models.database.obj
    db.execute_sql('CREATE TABLE "probe" (id serial PRIMARY KEY, code varchar(8) UNIQUE, t text, n integer, '
                   'b boolean, m numeric(12, 2), at timestamp, d date)')
    rows = [(f"c{i}", NASTY + str(i), i - 5, i % 2 == 0, Decimal("12345.67") + i,
             "2026-11-20 01:15:30.123456", "2026-12-01") for i in range(20)]
    rows.append(("cnull", None, None, None, None, None, None))
    rows.append(("cnul", "\\N", 0, False, Decimal("0"), datetime(2026, 1, 1, tzinfo=timezone.utc), date(2027, 1, 5)))
    with models.transaction():
        returned = bulk.insert_rows("probe", ["code", "t", "n", "b", "m", "at", "d"], rows, returning=("id", "code"))
    stored_ids = dict(db.execute_sql('SELECT code, id FROM "probe"').fetchall())
    assert sorted(returned) == sorted((row_id, code) for code, row_id in stored_ids.items())  # each row's own id
    assert len(set(stored_ids.values())) == len(rows)
    stored = {row[0]: row[1:] for row in db.execute_sql('SELECT code, t, n, b, m, at, d FROM "probe"').fetchall()}
    assert stored["c3"] == (NASTY + "3", -2, False, Decimal("12348.67"), datetime(2026, 11, 20, 1, 15, 30, 123456),
                            date(2026, 12, 1))
    assert stored["cnull"] == (None,) * 6
    assert stored["cnul"][0] == "\\N"  # the text backslash-N, not NULL
    with models.transaction():
        bulk.update_rows("probe", ["t", "n"], [(f"改{i}\t{NASTY}", i * 10, i + 1) for i in range(20)])
    changed = dict(db.execute_sql('SELECT id, t FROM "probe" WHERE id <= 20').fetchall())
    assert changed[4] == f"改3\t{NASTY}" and len(changed) == 20


def test_a_clash_with_a_stored_unique_value_fails_the_whole_statement(postgres_server):
    models.init_db(postgres_server.new_database())
    db = models.database.obj
    db.execute_sql('CREATE TABLE "probe" (id serial PRIMARY KEY, code varchar(8) UNIQUE)')
    db.execute_sql("""INSERT INTO "probe" (code) VALUES ('c5')""")
    with pytest.raises(peewee.IntegrityError, match="probe_code_key"):  # the server names the constraint
        with models.transaction():
            bulk.insert_rows("probe", ["code"], [(f"c{i}",) for i in range(10)])
    assert db.execute_sql('SELECT count(*) FROM "probe"').fetchone()[0] == 1  # rolled back: only the stored one


def test_every_table_and_field_arrives_through_copy(pg_sites):
    helpers.populate(pg_sites.branch, count=4)
    pg_sites.branch.use()
    with models.transaction():
        case = models.Case.select().order_by(models.Case.id).first()
        case.content, case.summary = NASTY, "摘要\\N " + NASTY[:6]
        case.save()
    expected = branch_records(pg_sites)
    result = pg_sites.import_(pg_sites.export()["file"])
    assert result["status"] == "imported" and result["counts"]["conflicts"] == 0
    assert result["counts"]["inserted"] == sum(len(records) for table, records in expected.items() if table != "branch")
    assert_hq_holds(pg_sites, expected)
    pg_sites.hq.use()
    assert models.Case.get(models.Case.uuid == case.uuid).content == NASTY
    from app.records import search  # the cases' search rows went in through COPY too

    found = models.Case.select(models.Case.uuid).where(search.search_condition("制表"))
    assert [c.uuid for c in found] == [case.uuid]
    assert models.Case.select().where(search.search_condition("中文")).count() == 4 == search.count_matches("中文")
    assert search.count_matches("制表") == 1
    follow_up = models.RectificationNotice.get(models.RectificationNotice.number == "BJ01-ZG-2026-5000")
    assert follow_up.follows.number == "BJ01-ZG-2026-0000"  # a reference within the table, linked after COPY


def test_newer_versions_are_written_over_through_copy_and_the_same_bundle_again_changes_nothing(pg_sites):
    helpers.populate(pg_sites.branch, count=3)
    pg_sites.import_(pg_sites.export()["file"])
    pg_sites.branch.use()
    with models.transaction():
        for case in models.Case.select():
            case.summary = f"已更新：{case.number} {NASTY[:6]}"
            case.save()
    expected = branch_records(pg_sites)
    path = pg_sites.export()["file"]
    result = pg_sites.import_(path)
    assert result["tables"]["case"]["updated"] == 3
    assert_hq_holds(pg_sites, expected)
    pg_sites.hq.use()
    before = helpers.dump_all()
    assert pg_sites.import_(path)["status"] == "already_imported"
    pg_sites.hq.use()
    assert helpers.dump_all() == before


def test_a_number_clash_that_fails_the_copy_is_kept_aside_and_the_rest_is_imported(pg_sites, tmp_path):
    test_roundtrip.test_a_number_already_used_by_another_record_is_a_conflict_and_the_rest_is_imported(pg_sites, tmp_path)
