"""The pending-matters register 未了事宜台帐 brought in by the register import: each open row becomes a real pending
matter (the case deferred as the defer action leaves it, the reply clock paused), the follow-up date is checked like
the rest of the row, re-import and dry run change nothing, and the history names the file and row."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import models
from app.reports import ledgers
from app.services import cases, legacy
from tests.registers import samples
from tests.registers.samples import chinese  # noqa: F401 - the registers' messages are read in Chinese

NOW = datetime(2026, 11, 21, 2, 0, tzinfo=timezone.utc)  # Saturday 21 November 2026, 10:00 in Beijing
ZONE = ZoneInfo("Asia/Shanghai")




def state() -> dict:
    return {"cases": models.Case.select().count(), "matters": models.PendingMatter.select().count(),
            "history": models.History.select().count(), "imports": models.LegacyImport.select().count(),
            "series": [(s.series, s.year, s.last) for s in models.NumberSeries.select()]}


def by_old(old: str) -> models.Case:
    return models.Case.get(models.Case.original_doc_no == old)


def test_open_rows_become_pending_matters_with_the_reply_clock_paused(desk, tmp_path):
    path = samples.write_pending_xlsx(tmp_path / "未了事宜台帐.xlsx")
    summary = legacy.import_register(desk.admin, path, now=NOW)

    assert summary["register"] == "pending"
    assert summary["columns"]["未了事项"] == "pending_reason" and summary["columns"]["预计完成日期"] == "follow_up"
    assert summary["columns"]["责任人"] == "handler"  # who follows up, not the person complained about
    assert (summary["imported"], summary["pending"], summary["closed"], summary["refused"]) == (3, 2, 1, 3)
    assert summary["refused_rows"] == [
        {"row": 6, "reason": "预计完成日期：2026/13/01 不是有效日期"},
        {"row": 7, "reason": "预计完成日期：2026-11-10 早于受理日期（2026-11-19）"},
        {"row": 8, "reason": "预计完成日期：为空：请填写跟进日期"},
    ]

    zhou = by_old("WL-001")
    assert zhou.state == "deferred" and zhou.accused_person == ""
    matter = models.PendingMatter.get(models.PendingMatter.case == zhou)
    assert matter.reason == "油底壳配件订货中，到货后安排维修" and matter.follow_up.isoformat() == "2026-12-05"
    assert matter.at.astimezone(ZONE).date().isoformat() == "2026-11-17" and matter.resumed_at is None
    # received Monday 16th, reply due Thursday 19th; pending since the 17th: two working days (18th, 19th) kept
    assert zhou.reply_by.astimezone(ZONE).date().isoformat() == "2026-11-19"
    assert zhou.paused_at == matter.at and zhou.reply_remaining == 2
    wu = by_old("WL-002")  # no day it became pending: from receipt, the whole reply limit kept
    assert wu.state == "deferred" and wu.reply_remaining == 3
    assert models.PendingMatter.get(models.PendingMatter.case == wu).follow_up.isoformat() == "2026-12-01"
    zheng = by_old("WL-003")  # the register says it is finished: closed, its pending matter resumed
    assert zheng.state == "closed"
    assert models.PendingMatter.get(models.PendingMatter.case == zheng).resumed_at is not None

    # the history says which file and row, and what the register said of the matter
    view = cases.show_case(desk.admin, zhou.number)
    assert view["state"] == "deferred"
    entry = view["history"][0]
    assert entry["action"] == "import" and entry["after"]["source"] == "未了事宜台帐.xlsx" and entry["after"]["row"] == 3
    assert entry["after"]["register"] == "pending" and entry["after"]["old_handler"] == "赵敏"
    assert entry["after"]["pending"]["follow_up"] == "2026-12-05"

    # the pending-matters ledger lists the open ones, as it lists a deferred case
    rows = ledgers.pending_rows(models.User.get(models.User.username == "admin"), open_only=True)
    assert sorted(r["number"] for r in rows) == sorted([zhou.number, wu.number])


def test_an_imported_pending_matter_is_assigned_and_resumed_like_a_deferred_case(desk, tmp_path):
    legacy.import_register(desk.admin, samples.write_pending_xlsx(tmp_path / "p.xlsx"), now=NOW)
    number = by_old("WL-001").number
    later = NOW + timedelta(days=2)  # Monday 23 November
    assert cases.do_action(desk.sup, number, "assign", {"handler": "h1"}, now=later)["state"] == "deferred"
    resumed = cases.do_action(desk.h1, number, "resume", {}, now=later + timedelta(minutes=5))
    assert resumed["state"] == "investigating"  # assigned while pending, it resumes under investigation
    # the two working days kept: Tuesday 24th, Wednesday 25th
    assert resumed["deadlines"]["reply_by"].startswith("2026-11-25T23:59:59")
    assert models.PendingMatter.get(models.PendingMatter.case == by_old("WL-001")).resumed_at is not None


def test_the_same_register_again_and_a_dry_run_change_nothing(desk, tmp_path):
    path = samples.write_pending_xlsx(tmp_path / "p.xlsx")
    before = state()
    dry = legacy.import_register(desk.admin, path, dry_run=True, now=NOW)
    assert dry["dry_run"] and (dry["imported"], dry["pending"], dry["refused"]) == (3, 2, 3)
    assert state() == before and dry["refused_file"] is None

    legacy.import_register(desk.admin, path, now=NOW)
    after = state()
    assert after["matters"] == 3 and after["cases"] == 3
    again = legacy.import_register(desk.admin, path, now=NOW)
    assert again["imported"] == 0 and again["already_imported"] == 3
    assert state() == after


def test_the_mapping_says_which_register_and_maps_the_columns(desk, tmp_path):
    # a pending register without 未了 in its titles: only the mapping tells
    headers = ["编号", "受理日期", "投诉人", "联系电话", "投诉内容", "说明", "下一步", "跟进人", "状态"]
    rows = [("A1", "2026-11-18", "周杰", "13811112222", "车辆维修后仍漏油。", "配件订货中", "2026-12-05", "赵敏", "处理中")]
    path = samples.write_pending_xlsx(tmp_path / "跟进表.xlsx", rows, title="跟进表", headers=headers)
    plain = legacy.preview_register(path, now=NOW)
    assert plain["register"] == "complaints" and plain["sample"][0]["pending"] is False

    mapping = {"register": "pending", "columns": {"说明": "pending_reason", "下一步": "follow_up"}}
    preview = legacy.preview_register(path, mapping=mapping, now=NOW)
    assert preview["register"] == "pending" and preview["register_label"] == "未了事宜台帐"
    assert {c["header"]: c["field"] for c in preview["columns"]}["下一步"] == "follow_up"
    assert preview["sample"][0]["pending"] is True and preview["mapping"]["register"] == "pending"
    summary = legacy.import_register(desk.admin, path, mapping=mapping, now=NOW)
    assert summary["pending"] == 1 and by_old("A1").state == "deferred"

    with pytest.raises(Exception, match="complaints, pending"):
        legacy.preview_register(path, mapping={"register": "open"}, now=NOW)


def test_a_complaint_register_row_that_gives_a_pending_reason_is_a_pending_matter_too(desk, tmp_path):
    headers = samples.HEADERS + ["未了原因", "跟进日期"]
    rows = [samples.ROWS[2] + ("等待厂家技术支持", "2024-03-20"), samples.ROWS[3] + (None, None)]
    path = samples.write_pending_xlsx(tmp_path / "登记.xlsx", rows, title=samples.TITLE, headers=headers)
    summary = legacy.import_register(desk.admin, path, mapping={"register": "complaints"}, now=NOW)
    assert summary["register"] == "complaints" and (summary["imported"], summary["pending"]) == (2, 1)
    assert by_old("2024-003").state == "deferred" and by_old("2024-004").state == "accepted"


def test_the_command_line_imports_a_pending_register(cli_desk, tmp_path):
    from tests.conftest import PASSWORD

    path = samples.write_pending_xlsx(tmp_path / "未了.xlsx")
    dry = cli_desk.ok("register", "import", str(path), "--dry-run", "--as", "admin", password=PASSWORD)
    assert dry["register"] == "pending" and dry["pending"] == 2 and dry["refused"] == 3
    assert cli_desk.run("case", "show", "BJ01-LS-2026-00001", "--as", "admin", password=PASSWORD).code == 1

    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"register": "pending"}), encoding="utf-8")
    done = cli_desk.ok("register", "import", str(path), "--map", str(mapping), "--as", "admin", password=PASSWORD)
    assert done["imported"] == 3 and done["pending"] == 2
    assert [r["row"] for r in done["refused_rows"]] == [6, 7, 8]
    shown = cli_desk.ok("case", "show", "BJ01-LS-2026-00001", "--as", "admin", password=PASSWORD)
    assert shown["state"] == "deferred" and shown["history"][0]["after"]["row"] == 3
    again = cli_desk.ok("register", "import", str(path), "--as", "admin", password=PASSWORD)
    assert again["imported"] == 0 and again["already_imported"] == 3

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"register": "todo"}), encoding="utf-8")
    refused = cli_desk.run("register", "import", str(path), "--map", str(bad), "--as", "admin", password=PASSWORD,
                           lang="zh_CN")
    assert refused.code == 1 and "台帐种类" in refused.err and "Traceback" not in refused.err


def test_a_pending_register_naming_cases_already_imported_defers_them(desk, tmp_path):
    """The usual order of adoption: the complaint register first, then the pending-matters register, whose rows
    name the cases by the register's number only; each becomes the pending matter of its case, never a second
    case."""
    legacy.import_register(desk.admin, samples.write_xlsx(tmp_path / "登记.xlsx"), now=NOW)
    headers = ["编号", "投诉人", "未了原因", "预计完成日期", "责任人", "状态"]
    rows = [("2024-003", "王强", "等待厂家技术支持", "2024-03-20", "赵敏", "未了"),
            ("2024-001", "张伟", "客户要求再次核对赔款", "2024-04-01", "赵敏", "未了"),
            ("2024-099", "某某", "资料未齐", "2024-04-01", "赵敏", "未了"),
            ("2024-004", "赵敏", "等待查勘报告", "2024-03-01", "孙强", "跟进中"),
            ("2024-007", "孙磊", "配件到货", "2024-03-20", "孙强", "已完成")]
    path = samples.write_pending_xlsx(tmp_path / "未了.xlsx", rows, headers=headers)
    preview = legacy.preview_register(path, now=NOW)
    assert preview["register"] == "pending"
    assert [s["pending_on"] for s in preview["sample"]][:1] == ["BJ01-LS-2024-00003"]
    assert preview["sample"][1]["problem"] == "案件 BJ01-LS-2024-00001 已结案：如事项仍未了结，请先重新打开该案件"
    assert "请先导入投诉登记台帐" in preview["sample"][2]["problem"]
    assert preview["sample"][3]["problem"] == "预计完成日期：2024-03-01 早于受理日期（2024-03-11）"

    before = state()
    dry = legacy.import_register(desk.admin, path, dry_run=True, now=NOW)
    assert state() == before and dry["pending_on_existing"] == ["BJ01-LS-2024-00003"]
    summary = legacy.import_register(desk.admin, path, now=NOW)
    assert (summary["imported"], summary["pending"], summary["pending_on_existing"]) == (0, 1, ["BJ01-LS-2024-00003"])
    assert summary["refused_rows"] == [
        {"row": 4, "reason": "案件 BJ01-LS-2024-00001 已结案：如事项仍未了结，请先重新打开该案件"},
        {"row": 5, "reason": "编号：本机没有编号为 2024-099 的案件：请先导入投诉登记台帐，或填写受理日期"},
        {"row": 6, "reason": "预计完成日期：2024-03-01 早于受理日期（2024-03-11）"},
    ]
    assert [s["row"] for s in summary["skipped_rows"]] == [7]  # finished in the register: nothing to add
    assert models.Case.select().count() == before["cases"]

    wang = by_old("2024-003")
    assert wang.state == "deferred" and wang.state_before_defer == "accepted"
    matter = models.PendingMatter.get(models.PendingMatter.case == wang)
    assert matter.reason == "等待厂家技术支持" and matter.follow_up.isoformat() == "2024-03-20"
    assert wang.paused_at == wang.received_at and wang.reply_remaining == 3  # the whole limit, from receipt
    entry = cases.show_case(desk.admin, wang.number)["history"][-1]
    assert entry["action"] == "defer" and entry["after"]["source"] == "未了.xlsx" and entry["after"]["row"] == 3
    assert entry["after"]["input"] == {"reason": "等待厂家技术支持", "follow_up": "2024-03-20"}

    after = state()
    again = legacy.import_register(desk.admin, path, now=NOW)
    assert again["pending"] == 0 and state() == after
    assert {s["row"] for s in again["skipped_rows"]} == {3, 7}
