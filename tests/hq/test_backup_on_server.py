"""Headquarters on PostgreSQL has no database file for the program to copy: asking it for a backup or a restore,
from the services, the command line or the menu, says in the user's language that the server backs it up with
pg_dump, instead of failing on a file that does not exist; the automatic backups never fall due there."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

import models
from app import i18n
from app.services import backups
from tests.exchange import helpers


@pytest.fixture
def hq(postgres_server):
    site = helpers.make_site(postgres_server.new_database(), "HQ", "集团总部", hq=True)
    yield site
    models.close_db()


def test_a_backup_or_restore_of_a_server_database_says_how_it_is_backed_up(hq, tmp_path):
    i18n.set_language("zh_CN")
    with pytest.raises(backups.BackupError) as refused:
        backups.manual_backup(hq.admin, hq.target, tmp_path)
    assert "pg_dump" in refused.value.localized() and "PostgreSQL 服务器" in refused.value.localized()
    assert list(tmp_path.iterdir()) == []
    i18n.set_language("en")
    with pytest.raises(backups.BackupError) as refused:
        backups.restore(hq.target, tmp_path / "old.sqlite3", username="admin", password=helpers.PASSWORD)
    assert "pg_restore" in refused.value.localized() and "PostgreSQL server" in refused.value.localized()
    with pytest.raises(backups.BackupError, match="pg_dump"):
        backups.auto_backup(hq.target)
    # the automatic backups the window schedules: never due, none to offer
    now = datetime(2026, 11, 20, 1, 0, tzinfo=timezone.utc)
    assert not backups.backup_due(hq.target, now=now)
    assert backups.daily_backup_if_due(hq.target, now=now) is None and backups.latest_backup(hq.target) is None
    # still: only an admin is told anything about backups
    from app.errors import NotAllowed
    from app.services import auth, setup

    setup.add_user(hq.admin, "zb", display_name="总部统计", role="hq", password="initial-1")
    auth.change_password(auth.sign_in("zb", "initial-1"), "zb", helpers.PASSWORD)
    with pytest.raises(NotAllowed):
        backups.manual_backup(auth.sign_in("zb", helpers.PASSWORD), hq.target, tmp_path)


def test_the_command_line_says_it_without_showing_the_server_address(hq, tmp_path):
    from tests.conftest import CLI

    models.close_db()
    cli = CLI(hq.target)
    done = cli.run("backup", "--to", str(tmp_path), "--as", "admin", password=helpers.PASSWORD, lang="zh_CN")
    assert done.code == 1 and "pg_dump" in done.err and "PostgreSQL 服务器" in done.err and "127.0.0.1" not in done.err
    done = cli.run("restore", str(tmp_path / "x.sqlite3"), "--as", "admin", password=helpers.PASSWORD)
    assert done.code == 1 and "pg_restore" in done.err and "127.0.0.1" not in done.err
    assert list(tmp_path.iterdir()) == []


def test_the_menu_of_a_server_database_tells_the_admin_how_it_is_backed_up(qtbot, hq, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMainWindow

    from ui import dialogs
    from ui.exchange_dialogs import install_exchange_menu
    from ui.session import Session

    i18n.set_language("en")
    shown = []
    monkeypatch.setattr(dialogs, "info", lambda parent, title, text: shown.append((title, text)))
    window = QMainWindow()
    qtbot.addWidget(window)
    window.session = Session(actor=hq.admin, db_target=hq.target, data_dir=tmp_path)
    window.session.branch = {"code": "HQ", "name": "集团总部", "hq": True}
    actions = {a.text(): a for a in install_exchange_menu(window)}
    assert "Back up to a drive…" not in actions and "Restore from a backup…" not in actions
    actions["Backup on the server…"].trigger()
    assert shown[-1][0] == "Backup" and "pg_dump" in shown[-1][1]


def test_the_selftest_checks_the_server_and_reads_its_calendar(hq):
    """``selftest`` of headquarters on PostgreSQL reaches the server and reads the policy stored there: the next
    year's arrangement entered at headquarters silences the October warning about it."""
    from app.services import calendar, selftest

    october = datetime(2026, 10, 15, 2, 0, tzinfo=timezone.utc)
    models.close_db()
    report = selftest.run(hq.target, now=october)
    database = next(c for c in report["checks"] if c["name"] == "database")
    assert database["ok"] and database["detail"]["postgresql"] and database["detail"]["search_index"]
    assert database["detail"]["tables"]
    warned = next(c for c in report["checks"] if c["name"] == "calendar")
    assert warned["status"] == "warning" and "2027" in warned["warning"]
    hq.use()
    calendar.set_calendar_year(hq.admin, 2027, ["2027-01-01", "2027-10-01"], [], now=october)
    models.close_db()
    report = selftest.run(hq.target, now=october)
    arranged = next(c for c in report["checks"] if c["name"] == "calendar")
    assert arranged["status"] == "ok" and arranged["detail"]["arranged_years"] == [2027]


def test_a_lost_server_connection_is_said_as_such_not_as_a_damaged_file(hq):
    """The server stops the desk's connection (a restart, the network): the user reads that the server cannot be
    reached and nothing was saved, in their language, not the SQLite advice to restore a damaged file."""
    import psycopg2

    from app.services import failures, queries

    killer = psycopg2.connect(hq.target)
    killer.autocommit = True
    with killer.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    killer.close()
    with pytest.raises(Exception) as lost:
        queries.ledger_count(hq.admin)
    i18n.set_language("zh_CN")
    text = failures.describe(lost.value)
    assert "无法连接数据库服务器" in text and "未保存任何内容" in text and "备份" not in text
    i18n.set_language("en")
    assert "database server cannot be reached" in failures.describe(lost.value)
