"""Import of the registers a branch kept before: title rows, merged cells, Chinese headers, telephone numbers kept
by Excel as numbers, dates in the forms offices type; refused rows by row and reason; re-import and dry run change
nothing; the slip series reconciles afterwards."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from openpyxl import load_workbook

import models
from app.errors import InvalidInput, NotAllowed
from app.reports import ledgers
from app.services import cases, legacy
from tests.registers import samples
from tests.registers.samples import chinese  # noqa: F401 - the registers' messages are read in Chinese

NOW = datetime(2026, 11, 21, 2, 0, tzinfo=timezone.utc)




def counts() -> dict:
    return {"cases": models.Case.select().count(), "history": models.History.select().count(),
            "series": [(s.series, s.year, s.last) for s in models.NumberSeries.select().order_by(models.NumberSeries.id)],
            "imports": models.LegacyImport.select().count()}


def case_with_old_number(old: str) -> models.Case:
    return models.Case.get(models.Case.original_doc_no == old)


def test_an_untidy_register_imports_and_refused_rows_are_reported_by_row_and_reason(desk, tmp_path):
    path = samples.write_xlsx(tmp_path / "台帐2024.xlsx")
    summary = legacy.import_register(desk.admin, path, now=NOW)

    assert summary["header_row"] == 4  # below the merged title, the unit line and a blank row
    assert summary["columns"]["联系电话"] == "phone" and summary["columns"]["序号"] == "old_no"
    assert summary["rows"] == 7  # the total and the signature line are not cases
    assert (summary["imported"], summary["closed"], summary["open"], summary["refused"]) == (5, 3, 2, 2)
    assert summary["numbers"] == {"first": "BJ01-LS-2024-00001", "last": "BJ01-LS-2024-00005"}
    assert summary["refused_rows"] == [
        {"row": 9, "reason": "联系电话：已被 Excel 存成 1.38E+10，后几位已丢失：请以文本格式重新输入号码"},
        {"row": 10, "reason": "受理日期：2024/13/40 不是有效日期"},
    ]

    # the values as the office typed them
    zhang = case_with_old_number("2024-001")
    assert zhang.number == "BJ01-LS-2024-00001" and zhang.mobile == "13800138000"  # a number in Excel
    assert zhang.state == "closed" and zhang.result == "已协调财务付款，客户认可。" and zhang.category == "claims"
    assert zhang.received_at.astimezone(ZONE).strftime("%Y-%m-%d %H:%M") == "2024-03-05 09:30"
    li = case_with_old_number("2024-002")
    assert li.mobile == "13912345678" and li.received_at.astimezone(ZONE).date().isoformat() == "2024-03-05"
    wang = case_with_old_number("2024-003")
    assert wang.mobile == "13700137000"  # full-width digits
    assert wang.received_at.astimezone(ZONE).date().isoformat() == "2024-03-08"  # 2024年3月8日
    assert wang.state == "accepted" and wang.reply_by is not None and wang.category == "repair_quality"
    zhao = case_with_old_number("2024-004")
    assert zhao.phone == "010-65551234" and zhao.mobile == ""
    assert zhao.received_at.astimezone(ZONE).date().isoformat() == "2024-03-11"  # Excel serial 45362
    assert case_with_old_number("2024-007").state == "closed"  # 已办结

    # the history says which file and row each case came from
    view = cases.show_case(desk.admin, "BJ01-LS-2024-00003")
    entry = view["history"][0]
    assert entry["action"] == "import" and entry["after"]["source"] == "台帐2024.xlsx"
    assert entry["after"]["row"] == 7 and entry["after"]["old_number"] == "2024-003"
    assert view["original_doc_no"] == "2024-003"

    # the refused rows in an Excel file, to be fixed and imported again
    book = load_workbook(summary["refused_file"])
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(samples.HEADERS) + ("原行号", "未导入原因")
    assert [(r[0], r[-2]) for r in rows[1:]] == [("2024-005", 9), ("2024-006", 10)]
    assert "1.38E+10" in rows[1][-1] and "2024/13/40" in rows[2][-1]
    assert sheet.cell(row=2, column=4).number_format == "@"


ZONE = __import__("zoneinfo").ZoneInfo("Asia/Shanghai")


def test_the_same_file_again_and_a_dry_run_change_nothing(desk, tmp_path):
    path = samples.write_xlsx(tmp_path / "reg.xlsx")
    dry = legacy.import_register(desk.admin, path, dry_run=True, now=NOW)
    assert dry["dry_run"] and dry["imported"] == 5 and dry["refused"] == 2 and dry["refused_file"] is None
    assert counts() == {"cases": 0, "history": counts()["history"], "series": [], "imports": 0}
    assert not (tmp_path / "reg-未导入.xlsx").exists()

    before_history = models.History.select().count()
    first = legacy.import_register(desk.admin, path, now=NOW)
    assert first["imported"] == 5 and models.History.select().count() == before_history + 5
    after = counts()

    again = legacy.import_register(desk.admin, path, now=NOW)
    assert again["imported"] == 0 and again["already_imported"] == 5 and again["refused"] == 2
    assert again["skipped_rows"][0]["number"] == "BJ01-LS-2024-00001"
    assert "已导入过" in again["skipped_rows"][0]["reason"]
    assert counts() == after

    dry_again = legacy.import_register(desk.admin, path, dry_run=True, now=NOW)
    assert dry_again["imported"] == 0 and dry_again["already_imported"] == 5
    assert counts() == after


def test_fixed_refused_rows_import_from_their_own_file(desk, tmp_path):
    path = samples.write_xlsx(tmp_path / "reg.xlsx")
    summary = legacy.import_register(desk.admin, path, now=NOW)
    fixed = tmp_path / "reg-未导入.xlsx"
    book = load_workbook(fixed)
    sheet = book.active
    sheet.cell(row=2, column=4).value = "13800138001"
    sheet.cell(row=3, column=2).value = "2024/3/14"
    book.save(fixed)
    again = legacy.import_register(desk.admin, fixed, now=NOW)
    assert (again["imported"], again["refused"], again["already_imported"]) == (2, 0, 0)
    assert again["numbers"] == {"first": "BJ01-LS-2024-00006", "last": "BJ01-LS-2024-00007"}
    assert case_with_old_number("2024-005").mobile == "13800138001"
    assert summary["imported"] + again["imported"] == 7


def test_the_slip_series_is_untouched_and_both_series_reconcile(desk, tmp_path):
    legacy.import_register(desk.admin, samples.write_xlsx(tmp_path / "reg.xlsx"), now=NOW)
    case = cases.register_case(desk.rec, {
        "kind": "complaint", "channel": "visit", "received_at": "2026-11-20T09:15:00+08:00",
        "complainant": {"name": "周一", "mobile": "13800000001"}, "category": "claims", "content": "理赔慢"},
        now=NOW)
    assert case["number"] == "BJ01-2026-00001"
    with models.transaction():
        entries = {(e["series"], e["year"]): e for e in ledgers.reconcile()}
    slips = entries[("case", 2026)]
    assert slips["ok"] and slips["issued"]["count"] == 1 and slips["used"]["numbers"] == ["BJ01-2026-00001"]
    imported = entries[("legacy", 2024)]
    assert imported["ok"] and imported["gap_count"] == 0 and imported["used"]["count"] == 5
    assert imported["series_label"] == "旧台帐导入" and imported["used"]["numbers"][0] == "BJ01-LS-2024-00001"
    assert ("case", 2024) not in entries  # no slip number of 2024 was ever issued


@pytest.mark.parametrize("writer,name", [(samples.write_xls, "reg.xls"), (samples.write_csv, "reg.csv"),
                                         (lambda p: samples.write_csv(p, encoding="utf-8-sig"), "reg-utf8.csv")])
def test_xls_and_csv_in_gbk_or_utf8_import_the_same(desk, tmp_path, writer, name):
    summary = legacy.import_register(desk.admin, writer(tmp_path / name), now=NOW)
    assert (summary["imported"], summary["closed"], summary["open"]) == (5, 3, 2)
    assert [r["row"] for r in summary["refused_rows"]] == ([8, 9] if name.endswith("xls") else [7, 8])
    assert case_with_old_number("2024-001").mobile == "13800138000"
    assert case_with_old_number("2024-004").received_at.astimezone(ZONE).date().isoformat() == "2024-03-11"


def test_only_an_administrator_imports(desk, tmp_path):
    path = samples.write_xlsx(tmp_path / "reg.xlsx")
    with pytest.raises(NotAllowed):
        legacy.import_register(desk.sup, path, now=NOW)
    assert models.Case.select().count() == 0


def test_a_mapping_file_overrides_the_columns_and_words(desk, tmp_path):
    rows = [("A1", "2024-05-06", "钱多", "13811112222", "车辆故障", "新车三天就坏", "", "跟进中"),
            ("A2", "2024-05-07", "吴用", "13811113333", "服务态度", "态度差", "已道歉", "已回访")]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["编号", "日期", "客户", "手机", "问题类型", "反映内容", "处理", "进展"])
    for r in rows:
        sheet.append(list(r))
    path = tmp_path / "own.xlsx"
    book.save(path)

    with pytest.raises(InvalidInput) as refused:
        legacy.import_register(desk.admin, path, mapping={"columns": {"备注": "name"}}, now=NOW)
    assert "备注" in refused.value.localized()

    mapping = {"columns": {"处理": "result", "进展": "status"}, "defaults": {"channel": "phone"},
               "values": {"category": {"车辆故障": "product_quality"}, "status": {"已回访": "closed"}}}
    summary = legacy.import_register(desk.admin, path, mapping=mapping, now=NOW)
    assert (summary["imported"], summary["closed"], summary["open"]) == (2, 1, 1), summary["refused_rows"]
    qian = case_with_old_number("A1")
    assert qian.category == "product_quality" and qian.channel == "phone" and qian.state == "accepted"
    assert case_with_old_number("A2").state == "closed"


def test_preview_shows_the_mapping_and_each_rows_verdict(desk, tmp_path):
    preview = legacy.preview_register(samples.write_xlsx(tmp_path / "reg.xlsx"), rows=6, now=NOW)
    assert preview["header_row"] == 4 and preview["sheets"] == ["2024年"]
    assert [c["field"] for c in preview["columns"]][:4] == ["old_no", "received_at", "name", "phone"]
    assert [s["row"] for s in preview["sample"]] == [5, 6, 7, 8, 9, 10]
    assert preview["sample"][0]["cells"][3] == "13800138000"
    assert preview["sample"][0]["closed"] is True and preview["sample"][2]["closed"] is False
    assert preview["sample"][4]["problem"].startswith("联系电话：")
    assert counts()["cases"] == 0


def test_unreadable_files_are_refused_with_the_reason(desk, tmp_path):
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"PK\x03\x04")
    with pytest.raises(InvalidInput, match="Excel"):
        legacy.import_register(desk.admin, bad, now=NOW)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(InvalidInput, match="broken.xlsx"):
        legacy.import_register(desk.admin, broken, now=NOW)
    no_header = tmp_path / "nums.csv"
    no_header.write_text("1,2,3\n4,5,6\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="表头"):
        legacy.import_register(desk.admin, no_header, now=NOW)
    with pytest.raises(InvalidInput, match="工作表"):
        legacy.import_register(desk.admin, samples.write_xlsx(tmp_path / "r.xlsx"), sheet="2023年", now=NOW)
    assert counts()["cases"] == 0


def test_the_command_line_imports_with_json_out(cli_desk, tmp_path):
    from tests.conftest import PASSWORD

    path = samples.write_xlsx(tmp_path / "reg.xlsx")
    dry = cli_desk.ok("register", "import", str(path), "--dry-run", "--as", "admin", password=PASSWORD)
    assert dry["dry_run"] and dry["imported"] == 5 and dry["refused"] == 2
    assert cli_desk.run("case", "show", "BJ01-LS-2024-00001", "--as", "admin", password=PASSWORD).code == 1

    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"defaults": {"channel": "phone"}}, ensure_ascii=False), encoding="utf-8")
    done = cli_desk.ok("register", "import", str(path), "--sheet", "2024年", "--map", str(mapping),
                       "--refused-out", str(tmp_path / "fix.xlsx"), "--as", "admin", password=PASSWORD)
    assert done["imported"] == 5 and done["refused_file"] == str(tmp_path / "fix.xlsx")
    assert (tmp_path / "fix.xlsx").exists()
    shown = cli_desk.ok("case", "show", "BJ01-LS-2024-00001", "--as", "admin", password=PASSWORD)
    assert shown["channel"] == "phone" and shown["state"] == "closed"
    again = cli_desk.ok("register", "import", str(path), "--as", "admin", password=PASSWORD)
    assert again["imported"] == 0 and again["already_imported"] == 5

    refused = cli_desk.run("register", "import", str(path), "--as", "rec", password=PASSWORD, lang="zh_CN")
    assert refused.code == 1 and "只有管理员" in refused.err and "Traceback" not in refused.err
    missing = cli_desk.run("register", "import", str(tmp_path / "none.xlsx"), "--as", "admin", password=PASSWORD)
    assert missing.code == 1 and "none.xlsx" in missing.err


def test_imported_cases_are_found_by_search_and_the_history_chain_holds(desk, tmp_path):
    from app.records import history
    from app.services import queries

    legacy.import_register(desk.admin, samples.write_xlsx(tmp_path / "reg.xlsx"), now=NOW)
    with models.transaction():
        assert history.verify_chain()["ok"]
    cases.register_case(desk.rec, {
        "kind": "complaint", "channel": "visit", "received_at": "2026-11-20T09:15:00+08:00",
        "complainant": {"name": "周一", "mobile": "13800000001"}, "category": "claims", "content": "异响"},
        now=NOW)
    with models.transaction():
        assert history.verify_chain()["ok"]
    ids = queries.ledger_ids(desk.admin, {"text": "异响"}, "number", False)
    assert queries.ledger_count(desk.admin, {"text": "异响"}) == 2
    assert [models.Case.get_by_id(i).number for i in ids] == ["BJ01-LS-2024-00003", "BJ01-2026-00001"]


def test_the_register_ledger_in_excel_keeps_mobiles_and_old_numbers_as_text(desk, tmp_path):
    from io import BytesIO

    from app.services import reports

    legacy.import_register(desk.admin, samples.write_xlsx(tmp_path / "reg.xlsx"), now=NOW)
    sheet = load_workbook(BytesIO(reports.ledger_xlsx(desk.admin, "register"))).active
    header = [c.value for c in sheet[1]]
    mobile, original = header.index("手机") + 1, header.index("原件编号") + 1
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    zhang = rows["BJ01-LS-2024-00001"]
    assert sheet.cell(row=zhang, column=mobile).value == "13800138000"
    assert sheet.cell(row=zhang, column=mobile).number_format == "@"
    assert sheet.cell(row=zhang, column=original).value == "2024-001"
    assert sheet.cell(row=zhang, column=original).number_format == "@"


def test_a_register_large_for_the_database_loads_with_the_indexes_built_at_the_end(desk, tmp_path, monkeypatch):
    import sqlite3

    monkeypatch.setattr(legacy, "DEFER_MIN_ROWS", 1)
    dropped = []
    real = models.db.deferred_indexes

    def watching(models_list):
        dropped.append([m.__name__ for m in models_list])
        return real(models_list)

    monkeypatch.setattr(models.db, "deferred_indexes", watching)
    summary = legacy.import_register(desk.admin, samples.write_xlsx(tmp_path / "reg.xlsx"), now=NOW)
    assert dropped == [["Case"]] and summary["imported"] == 5
    with sqlite3.connect(str(desk.db)) as conn:
        names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"case_mobile_category", "case_category_state", "case_complainant_name"} <= names
    assert models.Case.select().where(models.Case.mobile == "13800138000").count() == 1
