"""Backups with the online backup API: rotating automatic set, manual copy to a stick, restore that never reissues
a printed number (docs/rules.md R11)."""
from __future__ import annotations

import errno
import os
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import models
from app import i18n
from app.records import backup, history
from app.services import backups
from app.errors import AuthError, InvalidInput, NotAllowed
from app.services import auth, cases
from tests.conftest import PASSWORD, sample_case
from tests.reliability.conftest import dump, integrity, register

T0 = datetime(2026, 11, 1, 2, 0, tzinfo=timezone.utc)


def case_count(path) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute('select count(*) from "case"').fetchone()[0]
    finally:
        conn.close()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "partial" in p.name or p.name.endswith("-journal"))


# --- manual backup ----------------------------------------------------------------------------------------------


def test_manual_backup_is_a_checked_single_file_copy(desk, tmp_path):
    register(desk.rec, 3)
    stick = tmp_path / "stick"
    stick.mkdir()
    result = backup.manual_backup(desk.admin, desk.db, stick)
    path = Path(result["file"])
    assert path.parent == stick and path.name.startswith("CDESK-BACKUP-BJ01-") and result["integrity"] == "ok"
    assert sorted(p.name for p in stick.iterdir()) == [path.name]  # no temporary name, no -wal or -journal
    assert integrity(path) == "ok" and case_count(path) == 3
    conn = sqlite3.connect(str(path))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    conn.close()
    # the backup is in the history, and a second backup never overwrites the first
    second = backup.manual_backup(desk.admin, desk.db, stick)
    assert second["file"] != result["file"] and len(list(stick.iterdir())) == 2
    assert [h.action for h in models.History.select().where(models.History.action == "backup")] == ["backup"] * 2


@pytest.mark.parametrize("who", ["sup", "rec", "h1", "gm"])
def test_only_an_admin_backs_up(desk, tmp_path, who):
    with pytest.raises(NotAllowed):
        backup.manual_backup(getattr(desk, who), desk.db, tmp_path)
    assert not list(tmp_path.glob("CDESK-BACKUP-*"))


def test_backup_to_a_missing_folder_says_so(desk, tmp_path):
    with pytest.raises(backup.BackupError) as info:
        backup.manual_backup(desk.admin, desk.db, tmp_path / "E:")
    assert "does not exist" in str(info.value) and "plugged in" in str(info.value)
    assert not (tmp_path / "E:").exists()


def test_backup_to_a_full_stick_leaves_nothing(desk, tiny_fs):
    register(desk.rec, 2)
    stick = tiny_fs(96, "stick")
    with pytest.raises(backup.BackupError) as info:
        backup.manual_backup(desk.admin, desk.db, stick)
    assert "full" in str(info.value) and str(stick) in str(info.value)
    assert list(stick.iterdir()) == []
    assert integrity(desk.db) == "ok"


def test_backup_when_fsync_reports_a_full_disk_leaves_nothing(desk, tmp_path, monkeypatch):
    """Where no tiny filesystem can be mounted: the drive says ENOSPC when the data is flushed."""
    stick = tmp_path / "stick"
    stick.mkdir()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup.os, "fsync", full)
    with pytest.raises(backup.BackupError) as info:
        backup.manual_backup(desk.admin, desk.db, stick)
    assert "full" in str(info.value)
    assert list(stick.iterdir()) == []


def test_backup_messages_are_translated(desk, tmp_path):
    i18n.set_language("zh_CN")
    with pytest.raises(backup.BackupError) as info:
        backup.manual_backup(desk.admin, desk.db, tmp_path / "missing")
    assert "U盘是否已插好" in str(info.value)


# --- automatic backups ------------------------------------------------------------------------------------------


def test_automatic_backups_rotate(desk):
    # two backups a day (on exit, at noon) for six days
    made = []
    for day in range(6):
        for hour in (0, 8):
            made.append(backup.auto_backup(desk.db, now=T0 + timedelta(days=day, hours=hour), keep_daily=3,
                                           keep_recent=2))
    kept = backup.automatic_backups(desk.db)
    kept_times = [when for when, _ in kept]
    # the two newest, and the newest of each of the last three days (the newest of today is among both)
    expected = sorted({T0 + timedelta(days=5, hours=8), T0 + timedelta(days=5, hours=0),
                       T0 + timedelta(days=4, hours=8), T0 + timedelta(days=3, hours=8)}, reverse=True)
    assert kept_times == expected
    assert all(integrity(path) == "ok" for _, path in kept)
    assert not leftovers(backup.backup_folder(desk.db))
    assert backup.latest_backup(desk.db)["file"] == str(kept[0][1])


def test_daily_backup_only_when_due(desk):
    assert backup.backup_due(desk.db, now=T0)
    first = backup.daily_backup_if_due(desk.db, now=T0)
    assert first is not None
    assert backup.daily_backup_if_due(desk.db, now=T0 + timedelta(hours=23)) is None
    assert backup.daily_backup_if_due(desk.db, now=T0 + timedelta(hours=24)) is not None


def disk_of(monkeypatch, desk, capacity: int) -> None:
    """The database's disk as one of ``capacity`` bytes holding the automatic backups: what they take is not free,
    what is removed is free again."""
    folder = backup.backup_folder(desk.db)

    class Usage:
        @property
        def free(self):
            return capacity - sum(p.stat().st_size for p in folder.iterdir()) if folder.is_dir() else capacity

    monkeypatch.setattr(backup.shutil, "disk_usage", lambda path: Usage())


def test_the_oldest_automatic_backups_make_room_for_the_new_one(desk, monkeypatch):
    old = [Path(backup.auto_backup(desk.db, now=T0 + timedelta(days=day))["file"]) for day in range(3)]
    size = backup._database_size(desk.db)
    stored = sum(path.stat().st_size for path in old)
    # room for a new copy and the reserve once the oldest copy is gone, not before
    disk_of(monkeypatch, desk, backup.RESERVE + stored + size - old[0].stat().st_size)

    made = backup.auto_backup(desk.db, now=T0 + timedelta(days=3))

    assert made["removed"] == [old[0].name]
    assert [path for _, path in backup.automatic_backups(desk.db)] == [Path(made["file"]), old[2], old[1]]
    assert integrity(Path(made["file"])) == "ok"


def test_no_automatic_backup_that_would_leave_the_desk_no_room(desk, monkeypatch):
    old = [Path(backup.auto_backup(desk.db, now=T0 + timedelta(days=day))["file"]) for day in range(3)]
    # even with every older copy removed, a new one would eat into the reserve
    disk_of(monkeypatch, desk, backup.RESERVE + old[2].stat().st_size)

    with pytest.raises(backup.BackupError) as info:
        backup.auto_backup(desk.db, now=T0 + timedelta(days=3))

    assert str(info.value).startswith("Only ") and "free on the database's disk: the automatic backup" in str(info.value)
    assert str(info.value).endswith("Free space on that disk.")
    i18n.set_language("zh_CN")
    assert "未进行自动备份" in str(info.value)
    i18n.set_language("en")
    assert [path for _, path in backup.automatic_backups(desk.db)] == old[::-1]  # none removed for nothing
    assert not leftovers(backup.backup_folder(desk.db))


def test_automatic_backup_is_consistent_while_the_desk_writes(desk):
    """The online backup API copies a snapshot: a transaction open during the copy is either all in or all out."""
    register(desk.rec, 2)
    db = models.database.obj
    with db.atomic():
        cases.register_case(desk.rec, sample_case())
        copy = Path(backup.auto_backup(desk.db, now=T0)["file"])  # another connection: sees the committed state
    assert integrity(copy) == "ok" and case_count(copy) == 2


# --- restore ----------------------------------------------------------------------------------------------------


def next_number(actor) -> str:
    return cases.register_case(actor, sample_case())["number"]


def voided(reason=backup.LOST_BY_RESTORE):
    return [v.number for v in models.VoidedNumber.select().where(models.VoidedNumber.reason == reason)
            .order_by(models.VoidedNumber.seq)]


def test_restore_over_a_healthy_database_voids_the_numbers_issued_since(desk, tmp_path):
    register(desk.rec, 3)
    saved = Path(backup.manual_backup(desk.admin, desk.db, tmp_path)["file"])
    after = register(desk.rec, 2)  # printed slips BJ01-2026-00004 and 00005
    result = backups.restore(desk.db, saved, username="admin", password=PASSWORD)
    assert result["voided"] == after == voided()
    assert case_count(desk.db) == 3
    # the current file was kept aside, whole
    aside = Path(result["previous_kept_as"])
    assert aside.exists() and case_count(aside) == 5
    # the series goes on after the highest number printed, never reissuing one
    rec = auth.sign_in("rec", PASSWORD)
    assert next_number(rec) == "BJ01-2026-00006"
    assert history.verify_chain()["ok"]
    assert models.History.select().where(models.History.action == "restore").count() == 1
    assert integrity(desk.db) == "ok"


def corrupt(path: Path) -> None:
    """Overwrite the middle of the file with garbage, keeping its header (as a bad sector or a torn write does)."""
    models.close_db()
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(4096)
        handle.write(os.urandom(size - 8192))


def test_restore_over_a_damaged_database_needs_the_highest_number(desk, tmp_path):
    register(desk.rec, 3)
    saved = Path(backup.manual_backup(desk.admin, desk.db, tmp_path)["file"])
    register(desk.rec, 2)
    corrupt(desk.db)
    damaged = desk.db.read_bytes()
    with pytest.raises(backup.NeedLastNumber) as info:
        backups.restore(desk.db, saved, username="admin", password=PASSWORD)
    assert "--last-number" in str(info.value)
    assert desk.db.read_bytes() == damaged  # nothing was replaced
    with pytest.raises(InvalidInput):
        backups.restore(desk.db, saved, username="admin", password=PASSWORD, last_numbers=["SH02-2026-00009"])
    # the paper says 00007 was the last slip printed (two more than the database had before it broke)
    result = backups.restore(desk.db, saved, username="admin", password=PASSWORD, last_numbers=["bj01-2026-00007"])
    assert result["voided"] == [f"BJ01-2026-0000{n}" for n in (4, 5, 6, 7)]
    assert Path(result["previous_kept_as"]).read_bytes() == damaged
    assert next_number(auth.sign_in("rec", PASSWORD)) == "BJ01-2026-00008"


def test_restore_with_no_number_issued_since(desk, tmp_path):
    register(desk.rec, 1)
    saved = Path(backup.manual_backup(desk.admin, desk.db, tmp_path)["file"])
    corrupt(desk.db)
    result = backups.restore(desk.db, saved, username="admin", password=PASSWORD, no_last_number=True)
    assert result["voided"] == []
    assert next_number(auth.sign_in("rec", PASSWORD)) == "BJ01-2026-00002"


def test_restore_reads_the_numbers_from_the_latest_export_manifest(desk, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.exchange import bundle

    register(desk.rec, 2)
    saved = Path(backup.manual_backup(desk.admin, desk.db, tmp_path)["file"])
    stick = tmp_path / "stick"
    stick.mkdir()
    header = {"format": "complaint-desk-bundle", "kind": "data", "bundle_id": bundle.new_bundle_id(),
              "branch": {"code": "BJ01"}, "sequence": 3,
              "numbers": {"issued": [{"series": "case", "year": 2026, "first": 1, "last": 6},
                                     {"series": "notice", "year": 2026, "first": 1, "last": 2}],
                          "voided": ["BJ01-2026-00004"]}}
    (stick / "CDESK-BJ01-000003-20261121T100000Z.cdbundle").write_bytes(
        bundle.build(header, [], Ed25519PrivateKey.generate()))
    corrupt(desk.db)
    result = backups.restore(desk.db, saved, username="admin", password=PASSWORD, manifest=stick)
    assert result["voided"] == ["BJ01-2026-00003", "BJ01-2026-00004", "BJ01-2026-00005", "BJ01-2026-00006",
                                "BJ01-ZG-2026-0001", "BJ01-ZG-2026-0002"]
    assert models.NumberSeries.get(series="notice").last == 2


def test_a_damaged_backup_is_refused_before_anything_is_replaced(desk, tmp_path):
    register(desk.rec, 2)
    saved = Path(backup.manual_backup(desk.admin, desk.db, tmp_path)["file"])
    corrupt(saved)
    models.close_db()
    before = dump(desk.db)
    with pytest.raises(backup.BackupError) as info:
        backups.restore(desk.db, saved, username="admin", password=PASSWORD)
    assert "not a usable backup" in str(info.value)
    assert dump(desk.db) == before
    assert not leftovers(desk.db.parent) and not list(desk.db.parent.glob("*before-restore*"))


@pytest.mark.parametrize("content", [b"", b"hello, not a database", b"SQLite format 3\0" + b"\xff" * 5000])
def test_a_file_that_is_not_a_backup_is_refused(desk, tmp_path, content):
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(content)
    with pytest.raises(backup.BackupError):
        backups.restore(desk.db, bogus, username="admin", password=PASSWORD)
    with pytest.raises(backup.BackupError):
        backups.restore(desk.db, tmp_path / "missing.sqlite3", username="admin", password=PASSWORD)


def test_restore_needs_an_admin_and_the_password(desk, tmp_path):
    saved = Path(backup.manual_backup(desk.admin, desk.db, tmp_path)["file"])
    register(desk.rec, 1)
    models.close_db()
    before = dump(desk.db)
    with pytest.raises(NotAllowed):
        backups.restore(desk.db, saved, username="sup", password=PASSWORD)
    with pytest.raises(AuthError):
        backups.restore(desk.db, saved, username="admin", password="wrong")
    after = dump(desk.db)
    # only the failed sign-in counter moved
    assert [t for t, rows in before] == [t for t, rows in after]
    assert {t for (t, rows), (_, rows2) in zip(before, after) if rows != rows2} <= {"user", "change_counter"}
    assert not list(desk.db.parent.glob("*before-restore*")) and not leftovers(desk.db.parent)


def test_restore_refuses_another_branch(desk, tmp_path):
    other = tmp_path / "other" / "sh.sqlite3"
    models.init_db(other)
    from app.services import setup

    setup.init_database("SH02", "上海分公司", "admin", PASSWORD)
    models.close_db()
    with pytest.raises(backup.BackupError) as info:
        backups.restore(desk.db, other, username="admin", password=PASSWORD)
    assert "SH02" in str(info.value)


def test_manual_backup_reports_progress(desk, tmp_path):
    register(desk.rec, 5)
    seen = []
    result = backup.manual_backup(desk.admin, desk.db, tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] and integrity(result["file"]) == "ok"


def test_restore_from_a_file_with_an_awkward_name(desk, tmp_path):
    stick = tmp_path / "stick #2"
    stick.mkdir()
    saved = Path(backup.manual_backup(desk.admin, desk.db, stick)["file"])
    awkward = stick / "U盘 备份 #1 50%?.sqlite3"
    awkward.write_bytes(saved.read_bytes())
    result = backups.restore(desk.db, awkward, username="admin", password=PASSWORD)
    assert result["integrity"] == "ok"
    assert sorted(p.name for p in stick.iterdir()) == sorted([saved.name, awkward.name])  # nothing written there


def test_a_cancelled_backup_leaves_nothing(desk, tmp_path):
    """The progress dialog cancels by raising from the progress callback."""
    register(desk.rec, 5)

    class Cancelled(Exception):
        pass

    def cancel(done, total):
        raise Cancelled()

    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(Cancelled):
        backup.manual_backup(desk.admin, desk.db, stick, progress=cancel)
    assert list(stick.iterdir()) == []
