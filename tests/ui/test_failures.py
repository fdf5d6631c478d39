"""The windows' one failure path (ui.ops.call): a full disk, a busy database or a fault of the program during a
save ends in a message in the user's language, never in a traceback or in nothing, and nothing typed is lost."""
from __future__ import annotations

import logging

import peewee

import models
from app.services import cases, setup
from tests.ui.conftest import SAMPLE_NOW as NOW
from ui import application, ops, sample_data


def database_may_not_grow() -> None:
    """The database may not grow by a page: SQLite answers a save as it does on a full disk (SQLITE_FULL)."""
    db = models.database.obj
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages}")


def room_again() -> None:
    models.database.obj.execute_sql("PRAGMA max_page_count = 1073741823")


def long_slip() -> dict:
    return sample_data.case_document(NOW, content="客户反映：" + "理赔材料已按要求补齐，仍被要求重复提交。" * 400)


def test_a_full_disk_while_registering_says_so_and_keeps_the_slip(desk, qtbot):
    main = desk.main_window("wangfang")
    slip = main.new_slip(draft=long_slip())
    database_may_not_grow()
    slip.register()
    assert slip.banner.isVisible()
    assert "The disk is full: nothing was saved" in slip.banner.text()
    assert slip.number is None and slip.isVisible()  # still the slip being typed, nothing numbered
    assert slip.intake.document()["content"] == long_slip()["content"]
    room_again()
    slip.register()  # once there is room, the same slip registers, and the failed save took no number
    assert slip.number is not None and slip.number.endswith("-00001")


def test_a_full_disk_in_chinese(desk, qtbot):
    application.install_language(desk.app, "zh_CN")
    main = desk.main_window("wangfang")
    slip = main.new_slip(draft=long_slip())
    database_may_not_grow()
    slip.register()
    room_again()
    assert "磁盘已满：本次未保存任何内容" in slip.banner.text()
    assert "disk" not in slip.banner.text().lower()


def test_a_busy_database_while_acting_on_a_case_is_a_message(desk, qtbot, monkeypatch):
    main = desk.main_window("wangfang")
    slip = main.new_slip(draft=sample_data.case_document(NOW))
    slip.register()
    supervisor = desk.main_window("chenjing")
    window = supervisor.open_case(slip.number)

    def busy(*_args, **_kw):
        raise peewee.OperationalError("database is locked")

    monkeypatch.setattr(cases, "do_action", busy)
    refused = window.perform("assign", {"handler": "liuyang"})
    assert refused is not None
    assert "The database is busy" in window.banner.text()


def test_a_fault_of_the_program_is_a_message_and_goes_to_the_log(desk, qtbot, monkeypatch, caplog):
    main = desk.main_window("admin")
    view = main.go_to("settings")

    def fault(*_args, **_kw):
        raise KeyError("role")

    monkeypatch.setattr(setup, "add_user", fault)
    view.new_username.setText("zhaolei")
    view.new_name.setText("赵磊")
    view.new_password.setText("initial-2026")
    with caplog.at_level(logging.ERROR, logger="complaint_desk.ui.ops"):
        view.add_user()
    assert "Unexpected error: KeyError" in view.message.text()
    assert "log file" in view.message.text()
    assert any("add_user" in record.getMessage() or record.exc_info for record in caplog.records)


def test_a_successful_call_tells_the_views_what_changed(desk, qtbot):
    seen = []
    ops.changes().changed.connect(seen.append)
    try:
        assert ops.call(lambda: 7, changed="BJ01-2026-00001") == 7
        assert ops.call(lambda: 1 / 0, on_error=ops.quietly) is ops.FAILED
    finally:
        ops.changes().changed.disconnect(seen.append)
    assert seen == ["BJ01-2026-00001"]
    assert not ops.FAILED
