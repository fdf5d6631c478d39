"""Start-up integrity check, tamper-evident history, and closed cases that only a reopen can change."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

import models
from app.services import selftest
from app.records import backup, history, integrity
from app.services import backups
from app.rules import workflow
from app.errors import NotAllowed, RuleViolation
from app.services import cases, notices
from tests.conftest import PASSWORD, sample_case
from tests.reliability.conftest import dump, register
from tests.reliability.test_backup import corrupt

CST = ZoneInfo("Asia/Shanghai")


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def act(actor, number, action, payload=None, now=None):
    return cases.do_action(actor, number, action, payload or {}, now=local(now) if now else None)


# --- start-up check ---------------------------------------------------------------------------------------------


def test_a_sound_database_passes(desk):
    register(desk.rec, 2)
    result = integrity.startup_check(desk.db)
    assert result.ok and result.exists and result.detail == "ok"
    assert selftest.run(str(desk.db))["checks"][0]["ok"]


def test_no_database_yet_is_not_an_error(tmp_path):
    result = integrity.startup_check(tmp_path / "new.sqlite3")
    assert result.ok and not result.exists
    assert not (tmp_path / "new.sqlite3").exists()


def test_a_damaged_database_names_the_way_out(desk):
    register(desk.rec, 2)
    latest = backup.auto_backup(desk.db)["file"]
    corrupt(desk.db)
    result = integrity.startup_check(desk.db)
    assert not result.ok and result.detail != "ok"
    assert result.latest_backup == latest
    assert "damaged" in result.message and "Restore the latest backup" in result.message and latest in result.message
    check = selftest.run(str(desk.db))["checks"][0]
    assert not check["ok"] and "Restore the latest backup" in check["detail"]
    # the way out works: restore the latest backup, and the file is sound again
    backups.restore(desk.db, result.latest_backup, username="admin", password=PASSWORD, no_last_number=True)
    assert integrity.startup_check(desk.db).ok


def test_what_sqlite_found_is_quoted_on_one_short_line(desk):
    register(desk.rec, 40)
    models.close_db()
    for extra in ("-wal", "-shm"):
        desk.db.with_name(desk.db.name + extra).unlink(missing_ok=True)
    size = desk.db.stat().st_size
    page = 16384
    # a page of the tables' data overwritten, as a failing disk does: from the middle of the file on, the first
    # page whose loss SQLite reports in its check (a page the schema itself rests on makes the file unreadable
    # instead, which another test covers)
    middle = size // 2 - (size // 2) % page
    for offset in sorted(range(page, size - page, page), key=lambda o: abs(o - middle))[:12]:
        with open(desk.db, "r+b") as handle:
            handle.seek(offset)
            saved = handle.read(page)
            handle.seek(offset)
            handle.write(b"\xff" * page)
        result = integrity.startup_check(desk.db)
        if "in database main" in result.detail:
            break
        with open(desk.db, "r+b") as handle:
            handle.seek(offset)
            handle.write(saved)
    assert not result.ok and "in database main" in result.detail  # from SQLite's report of several lines ...
    # ... quoted in the sentence the user reads on one line, short enough for the window
    assert "\n" not in result.message and "***" not in result.detail and len(result.detail) <= 240


def test_a_damaged_database_without_backups(desk):
    corrupt(desk.db)
    result = integrity.startup_check(desk.db)
    assert not result.ok and result.latest_backup is None and "USB stick" in result.message


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(b"this is a spreadsheet, really" * 100)
    result = integrity.startup_check(path)
    assert not result.ok and "not a database" in result.detail


# --- tamper evidence --------------------------------------------------------------------------------------------


def closed_case(desk) -> str:
    number = cases.register_case(desk.rec, sample_case())["number"]
    act(desk.sup, number, "assign", {"handler": "h1"}, now="2026-11-20T09:40:00")
    act(desk.h1, number, "contact", {"at": "2026-11-20T10:00:00+08:00", "method": "phone", "reached": True},
        now="2026-11-20T10:00:00")
    act(desk.h1, number, "investigate", {"note": "调阅记录"}, now="2026-11-20T11:00:00")
    act(desk.h1, number, "conclude", {"cause": "延误", "facts": "true"}, now="2026-11-20T15:00:00")
    act(desk.h1, number, "reply", {"channel": "phone", "result": "已告知"}, now="2026-11-20T16:00:00")
    act(desk.h1, number, "submit", now="2026-11-20T16:10:00")
    act(desk.sup, number, "approve", now="2026-11-20T17:00:00")
    act(desk.rec, number, "revisit", {"method": "phone", "satisfaction": "satisfied"}, now="2026-11-21T10:00:00")
    act(desk.sup, number, "close", now="2026-11-21T11:00:00")
    return number


def raw(db_path, sql, *params):
    conn = sqlite3.connect(str(db_path))
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def test_history_chain_reports_the_first_edited_row(desk):
    number = closed_case(desk)
    assert history.verify_chain()["ok"]
    row = models.History.select().where((models.History.ref == number) & (models.History.action == "conclude")).get()
    # someone edits the conclusion's history with a database tool, keeping the hash column as it was
    raw(desk.db, "update history set after = ? where id = ?", '{"established": false}', row.id)
    report = history.verify_chain()
    assert not report["ok"] and report["first_broken"]["id"] == row.id and report["first_broken"]["ref"] == number


def test_history_chain_reports_a_deleted_row(desk):
    number = closed_case(desk)
    rows = list(models.History.select().where(models.History.ref == number).order_by(models.History.id))
    raw(desk.db, "delete from history where id = ?", rows[3].id)
    report = history.verify_chain()
    assert not report["ok"] and report["first_broken"]["id"] == rows[4].id


def test_history_chain_reports_a_recomputed_row(desk):
    """Rewriting a row and its own hash still breaks the link to the next row."""
    closed_case(desk)
    rows = list(models.History.select().order_by(models.History.id))
    victim = rows[-3]
    victim.after = {"forged": True}
    victim.hash = history._digest(victim.prev_hash, history._content(victim))
    raw(desk.db, "update history set after = ?, hash = ? where id = ?", '{"forged": true}', victim.hash, victim.id)
    report = history.verify_chain()
    assert not report["ok"] and report["first_broken"]["id"] == rows[-2].id


EVERY_PAYLOAD = {
    "assign": {"handler": "h2"}, "escalate": {}, "contact": {"method": "phone", "reached": True,
                                                            "override_reason": "客户要求"},
    "investigate": {"note": "补充"}, "conclude": {"cause": "改", "facts": "false"},
    "reply": {"channel": "phone", "result": "改"}, "submit": {}, "approve": {}, "return": {"reason": "改"},
    "defer": {"reason": "等", "follow_up": "2026-12-01"}, "resume": {}, "revisit": {"method": "phone",
                                                                                 "satisfaction": "dissatisfied"},
    "close": {}, "close_abnormal": {"reason": "改"}, "void": {"reason": "改"},
    "notice": {"department": "理赔部", "problem": "p", "corrective": "c", "preventive": "v"},
    "extend": {"reason": "复杂"},
}


@pytest.mark.parametrize("closing", ["close", "close_abnormal", "void"])
def test_a_closed_case_changes_only_through_reopen(desk, closing):
    if closing == "close":
        number = closed_case(desk)
    else:
        number = cases.register_case(desk.rec, sample_case())["number"]
        act(desk.sup, number, "assign", {"handler": "h1"})
        act(desk.sup, number, "notice", {"department": "理赔部", "problem": "p", "corrective": "c", "preventive": "v"})
        act(desk.sup, number, closing, {"reason": "超出政策范围的诉求"})
    models.close_db()
    before = dump(desk.db)
    models.init_db(desk.db)
    for action in workflow.ACTIONS:
        if action == "reopen":
            continue
        for who in ("admin", "sup", "sup2", "h1", "rec"):
            with pytest.raises((RuleViolation, NotAllowed)):
                cases.do_action(getattr(desk, who), number, action, EVERY_PAYLOAD.get(action, {}))
    # its rectification notices are closed with it
    for notice in models.RectificationNotice.select().where(models.RectificationNotice.case == models.Case.get(
            number=number)):
        with pytest.raises(RuleViolation):
            notices.notice_action(desk.dept, notice.number, "feedback", {"actions": "已整改"})
        with pytest.raises(RuleViolation):
            notices.notice_action(desk.admin, notice.number, "verify", {"passed": False})
    models.close_db()
    assert dump(desk.db) == before
    models.init_db(desk.db)
    if closing == "void":  # a voided number stays void: no way back
        with pytest.raises(RuleViolation):
            act(desk.sup, number, "reopen", {"reason": "更正"})
        return
    with pytest.raises(NotAllowed):
        act(desk.h1, number, "reopen", {"reason": "更正"})
    view = act(desk.sup, number, "reopen", {"reason": "更正结论"})
    assert view["state"] == "investigating" and view["round"] == 2
    assert [h["action"] for h in view["history"]][-1] == "reopen"
    assert history.verify_chain()["ok"]
