"""Branch -> stick -> headquarters and back, on SQLite and on a real PostgreSQL at headquarters."""
from __future__ import annotations

import pytest

import models
from app.exchange import rows
from app.exchange.bundle import BundleError

from . import helpers


def branch_records(pair):
    pair.branch.use()
    return helpers.dump_records()


def hq_records(pair):
    pair.hq.use()
    return helpers.dump_records()


def assert_hq_holds(pair, expected):
    """Every record of the branch is at headquarters with every field equal (Chinese text exact)."""
    actual = hq_records(pair)
    for table, records in expected.items():
        for uuid, row in records.items():
            assert uuid in actual[table], (table, uuid)
            assert actual[table][uuid] == row, table


def test_every_table_and_field_round_trips(sites):
    helpers.populate(sites.branch)
    expected = branch_records(sites)
    for model in rows.exchanged_models():  # the fixture really covers every table
        assert expected[model._meta.table_name], model
    result = sites.export()
    assert result["safe_to_remove"] and result["file"].endswith(".cdbundle")
    assert "张伟".encode() not in open(result["file"], "rb").read()
    imported = sites.import_(result["file"])
    assert imported["status"] == "imported" and imported["counts"]["conflicts"] == 0
    assert_hq_holds(sites, expected)
    sites.hq.use()
    user = models.User.get(models.User.username == "BJ01/u0")
    assert user.branch.code == "BJ01" and user.supervisor.username == "BJ01/admin"
    assert models.Branch.get(models.Branch.code == "BJ01").is_local is False
    follow_up = models.RectificationNotice.get(models.RectificationNotice.number == "BJ01-ZG-2026-5000")
    assert follow_up.follows.number == "BJ01-ZG-2026-0000"
    assert models.History.select().where(models.History.origin == "BJ01").count() >= 2


def test_same_bundle_again_changes_nothing(sites):
    helpers.populate(sites.branch)
    path = sites.export()["file"]
    sites.import_(path)
    sites.hq.use()
    before = helpers.dump_all()
    again = sites.import_(path)
    assert again["status"] == "already_imported" and again["receipt"]
    sites.hq.use()
    assert helpers.dump_all() == before


def test_receipt_then_incremental_export(sites):
    cases = helpers.populate(sites.branch)
    first = sites.export()
    imported = sites.import_(first["file"])
    ack = sites.receipt(imported["receipt"])
    assert ack["status"] == "acknowledged" and ack["acknowledged"]["changes"] == first["changes"]["to"]
    assert sites.receipt(imported["receipt"])["status"] == "already_acknowledged"
    # one case changes, one new set of records: only those travel
    sites.branch.use()
    case = models.Case.get_by_id(cases[0].id)
    case.summary = "已更新：客户接受赔付方案"
    case.save()
    helpers.populate(sites.branch, n=10, count=1)
    second = sites.export()
    assert second["counts"]["case"] == 2 and second["changes"]["after"] == first["changes"]["to"]
    assert second["counts"].get("voided_number") == 1
    result = sites.import_(second["file"])
    assert result["tables"]["case"] == {"updated": 1, "inserted": 1}
    assert_hq_holds(sites, branch_records(sites))
    sites.hq.use()
    assert models.Case.get(models.Case.uuid == case.uuid).summary == "已更新：客户接受赔付方案"
    # a full export (headquarters lost data) carries everything again; what headquarters has is skipped
    full = sites.export(full=True)
    assert full["counts"]["case"] == 3 and full["changes"]["after"] == 0
    assert sites.import_(full["file"])["counts"]["inserted"] == 0


def test_lost_stick_costs_nothing_and_old_bundle_is_a_replay(sites):
    helpers.populate(sites.branch)
    lost = sites.export()  # never reaches headquarters
    helpers.populate(sites.branch, n=5, count=1)
    later = sites.export()
    assert later["counts"]["case"] == 3 and later["sequence"] == lost["sequence"] + 1
    sites.import_(later["file"])
    assert_hq_holds(sites, branch_records(sites))
    sites.hq.use()
    before = helpers.dump_all()
    with pytest.raises(BundleError, match="重放"):
        sites.import_(lost["file"])
    sites.hq.use()
    assert helpers.dump_all() == before


def test_without_receipt_everything_is_exported_again_and_skipped_as_identical(sites):
    helpers.populate(sites.branch)
    sites.import_(sites.export()["file"])
    result = sites.import_(sites.export()["file"])
    assert result["counts"]["inserted"] == 0 and result["counts"]["updated"] == 0
    assert result["counts"]["conflicts"] == 0
    assert result["counts"]["identical"] > 20
    assert result["tables"]["history"] == {"identical": models.History.select().where(
        models.History.origin == "BJ01").count()}


def test_older_version_never_overwrites_and_a_different_record_is_a_conflict(sites, tmp_path):
    cases = helpers.populate(sites.branch)
    old_copy = helpers.copy_db(sites.branch, tmp_path / "backup.sqlite3")
    sites.branch.use()
    case = models.Case.get_by_id(cases[0].id)
    case.summary = "第二版"
    case.save()
    sites.import_(sites.export()["file"])
    # the branch restores an older backup: its copy of the case is the first version
    restored = helpers.Site(str(old_copy), "BJ01", False, sites.branch.admin).use()
    models.ExchangeBundle.create(bundle_id="f" * 32, direction="out", branch_code="BJ01", sequence=50)
    sites.branch = restored
    result = sites.import_(sites.export()["file"])
    assert result["tables"]["case"] == {"older": 1, "identical": 1}
    sites.hq.use()
    assert models.Case.get(models.Case.uuid == case.uuid).summary == "第二版"
    # then edits it: same change number as the version headquarters holds, other content: a conflict
    restored.use()
    again = models.Case.get_by_id(cases[0].id)
    again.summary = "恢复备份后改的"
    again.save()
    result = sites.import_(sites.export()["file"])
    assert result["tables"]["case"] == {"conflicts": 1, "identical": 1}
    sites.hq.use()
    assert models.Case.get(models.Case.uuid == case.uuid).summary == "第二版"
    conflict = models.ExchangeConflict.get(models.ExchangeConflict.uuid == case.uuid)
    assert conflict.reason == "same_version_differs" and conflict.incoming["summary"] == "恢复备份后改的"


def test_records_of_another_branch_under_the_same_uuid_are_conflicts(sites, tmp_path):
    helpers.populate(sites.branch)
    sites.import_(sites.export()["file"])
    sites.branch.use()
    taken = models.Case.select().first().uuid
    second = helpers.make_site(tmp_path / "SH02.sqlite3", "SH02", "上海分公司")
    helpers.enrol(second, sites.hq, tmp_path / "enrol2")
    helpers.populate(second, n=20, count=1)
    second.use()
    models.Case.update(uuid=taken).where(models.Case.number == "SH02-2026-00120").execute()
    from app.exchange.export import export_bundle

    second.use()
    path = export_bundle(second.admin, sites.stick)["file"]
    sites.hq.use()
    before = models.Case.get(models.Case.uuid == taken).summary
    result = sites.import_(path)
    assert result["counts"]["conflicts"] >= 1
    sites.hq.use()
    assert models.Case.get(models.Case.uuid == taken).summary == before
    assert models.Case.get(models.Case.uuid == taken).number.startswith("BJ01")
    conflict = models.ExchangeConflict.get(models.ExchangeConflict.uuid == taken)
    assert conflict.reason == "other_owner" and conflict.incoming["number"] == "SH02-2026-00120"
    # the conflicting case's own records depend on it: conflicts too, never attached to BJ01's case
    assert models.ExchangeConflict.select().where(models.ExchangeConflict.reason == "depends_on_conflict").count() >= 7


def test_a_number_already_used_by_another_record_is_a_conflict_and_the_rest_is_imported(sites, tmp_path):
    helpers.populate(sites.branch)
    sites.import_(sites.export()["file"])
    second = helpers.make_site(tmp_path / "SH02.sqlite3", "SH02", "上海分公司")
    helpers.enrol(second, sites.hq, tmp_path / "enrol2")
    helpers.populate(second, n=30, count=2)
    second.use()
    models.Case.update(number="BJ01-2026-00100").where(models.Case.number == "SH02-2026-00130").execute()
    from app.exchange.export import export_bundle

    second.use()
    path = export_bundle(second.admin, sites.stick)["file"]
    result = sites.import_(path)
    assert result["tables"]["case"] == {"conflicts": 1, "inserted": 1}
    assert result["counts"]["inserted"] > 20
    sites.hq.use()
    clash = models.ExchangeConflict.get(models.ExchangeConflict.reason == "unique_clash")
    assert clash.table_name == "case" and clash.incoming["number"] == "BJ01-2026-00100"
    assert models.Case.get(models.Case.number == "BJ01-2026-00100").branch.code == "BJ01"
    assert models.Case.get(models.Case.number == "SH02-2026-00131").branch.code == "SH02"


def test_the_branch_history_chain_arrives_whole(sites):
    from app.records import history

    helpers.populate(sites.branch)
    sites.import_(sites.export()["file"])
    helpers.populate(sites.branch, n=7, count=1)
    sites.import_(sites.export()["file"])
    sites.branch.use()
    local = [h.uuid for h in models.History.select().order_by(models.History.id)]
    sites.hq.use()
    imported = list(models.History.select().where(models.History.origin == "BJ01").order_by(models.History.id))
    assert [h.uuid for h in imported] == local
    previous = ""
    for row in imported:  # the branch's own hash chain, link by link
        assert row.prev_hash == previous and row.hash == history._digest(previous, history._content(row))
        previous = row.hash


def test_a_branch_without_headquarters_enrolled_cannot_export(tmp_path):
    from app.errors import NotFound
    from app.exchange.export import export_bundle

    lonely = helpers.make_site(tmp_path / "GZ03.sqlite3", "GZ03", "广州分公司")
    with pytest.raises(NotFound, match="尚未登记总部"):
        export_bundle(lonely.admin, tmp_path)
    assert list(tmp_path.glob("*.cdbundle")) == []


def test_a_record_made_at_headquarters_under_an_incoming_uuid_is_a_conflict(sites):
    helpers.populate(sites.branch)
    sites.branch.use()
    department = models.Department.select().first()
    sites.hq.use()
    hq_branch = models.Branch.get(models.Branch.is_local == True)  # noqa: E712
    models.Department.create(uuid=department.uuid, branch=hq_branch, name="总部自建部门")
    result = sites.import_(sites.export()["file"])
    assert result["status"] == "imported" and result["counts"]["inserted"] > 20
    sites.hq.use()
    assert models.Department.get(models.Department.uuid == department.uuid).name == "总部自建部门"
    conflict = models.ExchangeConflict.get(models.ExchangeConflict.uuid == department.uuid)
    assert conflict.reason == "local_record" and conflict.incoming["name"] == department.name
