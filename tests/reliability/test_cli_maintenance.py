"""The maintenance commands through the real command line: history verify, backup, restore, user reset,
lockout."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import PASSWORD, sample_case


def add_case(cli) -> str:
    return cli.ok("case", "add", "--json", "-", "--as", "rec", password=PASSWORD,
                  stdin=json.dumps(sample_case(), ensure_ascii=False))["number"]


def test_history_verify(cli_desk):
    cli = cli_desk
    add_case(cli)
    report = cli.ok("history", "verify", "--as", "sup", password=PASSWORD)
    assert report["ok"] and report["rows"] > 5 and report["first_broken"] is None
    refused = cli.run("history", "verify", "--as", "h1", password=PASSWORD)
    assert refused.code == 1 and "verify the history" in refused.err
    conn = sqlite3.connect(cli.db)
    row_id = conn.execute("select id from history where action = 'register'").fetchone()[0]
    conn.execute("update history set actor = 'admin' where id = ?", (row_id,))
    conn.commit()
    conn.close()
    broken = cli.run("history", "verify", "--as", "admin", password=PASSWORD)
    assert broken.code == 1
    assert f"broken at row {row_id}" in broken.err and "BJ01-2026-00001" in broken.err
    assert json.loads(broken.out)["first_broken"]["id"] == row_id
    zh = cli.run("history", "verify", "--as", "admin", password=PASSWORD, lang="zh_CN")
    assert "历史记录链" in zh.err


def test_backup_and_restore_from_the_command_line(cli_desk, tmp_path):
    cli = cli_desk
    add_case(cli)
    stick = tmp_path / "stick"
    stick.mkdir()
    refused = cli.run("backup", "--to", str(stick), "--as", "sup", password=PASSWORD)
    assert refused.code == 1 and "Only an admin" in refused.err
    made = cli.ok("backup", "--to", str(stick), "--as", "admin", password=PASSWORD)
    assert Path(made["file"]).exists() and made["integrity"] == "ok"
    missing = cli.run("backup", "--to", str(tmp_path / "nowhere"), "--as", "admin", password=PASSWORD)
    assert missing.code == 1 and "does not exist" in missing.err and "Traceback" not in missing.err
    add_case(cli)
    add_case(cli)
    restored = cli.ok("restore", made["file"], "--as", "admin", "--last-number", "BJ01-2026-00004",
                      password=PASSWORD)
    assert restored["voided"] == ["BJ01-2026-00002", "BJ01-2026-00003", "BJ01-2026-00004"]
    assert add_case(cli) == "BJ01-2026-00005"
    assert cli.ok("history", "verify", "--as", "admin", password=PASSWORD)["ok"]
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all")
    refused = cli.run("restore", str(bad), "--as", "admin", password=PASSWORD, lang="zh_CN")
    assert refused.code == 1 and "不是可用的备份" in refused.err


def test_restore_of_a_damaged_database_asks_for_the_highest_number(cli_desk, tmp_path):
    cli = cli_desk
    add_case(cli)
    made = cli.ok("backup", "--to", str(tmp_path), "--as", "admin", password=PASSWORD)
    add_case(cli)
    Path(cli.db + "-wal").unlink(missing_ok=True)
    with open(cli.db, "r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xde\xad" * 20000)
    asked = cli.run("restore", made["file"], "--as", "admin", password=PASSWORD)
    assert asked.code == 1 and "--last-number" in asked.err
    done = cli.ok("restore", made["file"], "--as", "admin", "--last-number", "BJ01-2026-00002", password=PASSWORD)
    assert done["voided"] == ["BJ01-2026-00002"]


def test_admin_resets_a_password_without_reading_it(cli_desk):
    cli = cli_desk
    # h1 forgets the password and locks the account
    for _ in range(5):
        assert cli.run("case", "show", "BJ01-2026-00001", "--as", "h1", password="guess").code == 1
    locked = cli.run("user", "list", "--as", "h1", password=PASSWORD)
    assert locked.code == 1 and "locked" in locked.err
    refused = cli.run("user", "reset", "h1", "--as", "sup", password=PASSWORD, new_password="temp-5678")
    assert refused.code == 1
    view = cli.ok("user", "reset", "h1", "--as", "admin", password=PASSWORD, new_password="temp-5678")
    assert view["must_change_password"] is True and "password" not in json.dumps(view).replace(
        "must_change_password", "")
    # the new initial password works but must be changed before anything else
    forced = cli.run("user", "list", "--as", "h1", password="temp-5678")
    assert forced.code == 1 and "Change your password" in forced.err
    cli.ok("user", "passwd", "h1", "--as", "h1", password="temp-5678", new_password="mine-9999")
    assert cli.ok("user", "list", "--as", "h1", password="mine-9999")
    # deactivation
    cli.ok("user", "deactivate", "h1", "--as", "admin", password=PASSWORD)
    gone = cli.run("user", "list", "--as", "h1", password="mine-9999")
    assert gone.code == 1
    self_off = cli.run("user", "deactivate", "admin", "--as", "admin", password=PASSWORD)
    assert self_off.code == 1 and "your own account" in self_off.err


def test_an_encrypted_backup_from_the_command_line_needs_its_password_to_restore(cli_desk, tmp_path):
    cli = cli_desk
    add_case(cli)
    secret = {"CDESK_BACKUP_PASSWORD": "柜子钥匙-2026"}
    refused = cli.run("backup", "--to", str(tmp_path), "--encrypt", "--as", "admin", password=PASSWORD)
    assert refused.code == 1 and "No password: set CDESK_BACKUP_PASSWORD" in refused.err
    short = cli.run("backup", "--to", str(tmp_path), "--encrypt", "--as", "admin", password=PASSWORD,
                    env={"CDESK_BACKUP_PASSWORD": "short"})
    assert short.code == 1 and "at least 8 characters" in short.err
    assert list(tmp_path.glob("CDESK-BACKUP-*")) == []
    made = cli.ok("backup", "--to", str(tmp_path), "--encrypt", "--as", "admin", password=PASSWORD, env=secret)
    assert made["file"].endswith(".cdbackup") and made["sealed"] is True
    add_case(cli)
    asked = cli.run("restore", made["file"], "--as", "admin", "--no-last-number", password=PASSWORD, lang="zh_CN")
    assert asked.code == 1 and "CDESK_BACKUP_PASSWORD" in asked.err and "Traceback" not in asked.err
    wrong = cli.run("restore", made["file"], "--as", "admin", password=PASSWORD,
                    env={"CDESK_BACKUP_PASSWORD": "not-the-password"})
    assert wrong.code == 1 and "Wrong backup password" in wrong.err
    done = cli.ok("restore", made["file"], "--as", "admin", password=PASSWORD, env=secret)
    assert done["voided"] == ["BJ01-2026-00002"] and done["from"] == made["file"]
