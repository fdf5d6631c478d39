"""Backups sealed with a password for the stick (app.records.sealed): unreadable without it, refused when altered or cut
off, restored with it like any other backup."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.records import backup, sealed
from app.services import backups
from tests.conftest import PASSWORD
from tests.reliability.conftest import integrity, register
from tests.reliability.test_backup import case_count, leftovers, next_number, voided

SECRET = "锁在保险柜里 2026"


@pytest.fixture(autouse=True)
def cheap_scrypt():
    sealed.use_cost(2 ** 10)
    yield
    sealed.use_cost(2 ** 15)


def sealed_backup(desk, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    return Path(backup.manual_backup(desk.admin, desk.db, folder, password=SECRET)["file"])


def test_a_sealed_backup_holds_nothing_readable_and_opens_with_its_password(desk, tmp_path):
    register(desk.rec, 3, **{"complainant.name": "欧阳明月"})
    path = sealed_backup(desk, tmp_path / "stick")
    assert path.suffix == ".cdbackup" and sealed.is_sealed(path)
    data = path.read_bytes()
    assert "欧阳明月".encode() not in data and b"SQLite format 3" not in data and b"BJ01-2026" not in data
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temporary left on the stick
    assert leftovers(desk.db.parent) == []  # nor the snapshot next to the database
    opened = tmp_path / "opened.sqlite3"
    sealed.unseal(path, opened, SECRET)
    assert integrity(opened) == "ok" and case_count(opened) == 3


def test_a_wrong_password_an_altered_or_a_cut_off_file_is_refused_and_nothing_is_left(desk, tmp_path):
    register(desk.rec, 2)
    path = sealed_backup(desk, tmp_path / "stick")
    target = tmp_path / "opened.sqlite3"
    with pytest.raises(sealed.SealError) as info:
        sealed.unseal(path, target, "not the password")
    assert str(info.value) == f"Wrong backup password for {path.name}, or the file was altered."
    assert not target.exists()
    data = path.read_bytes()
    altered = tmp_path / "altered.cdbackup"
    altered.write_bytes(data[:len(data) // 2] + bytes([data[len(data) // 2] ^ 1]) + data[len(data) // 2 + 1:])
    with pytest.raises(sealed.SealError, match="or the file was altered"):
        sealed.unseal(altered, target, SECRET)
    for cut in (10, 200, len(data) // 2, len(data) - 1):
        short = tmp_path / "short.cdbackup"
        short.write_bytes(data[:cut])
        with pytest.raises(sealed.SealError) as info:
            sealed.unseal(short, target, SECRET)
        assert "cut off while being copied" in str(info.value) or "altered" in str(info.value), cut
        assert not target.exists()
    plain = tmp_path / "plain.sqlite3"
    plain.write_bytes(b"SQLite format 3\x00")
    with pytest.raises(sealed.SealError, match="is not a password-protected backup"):
        sealed.unseal(plain, target, SECRET)


def test_a_short_password_is_refused_before_anything_is_written(desk, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(sealed.SealError, match="at least 8 characters"):
        backup.manual_backup(desk.admin, desk.db, stick, password="1234")
    assert list(stick.iterdir()) == []


def test_restore_from_a_sealed_backup_asks_its_password_and_voids_the_numbers_issued_since(desk, tmp_path):
    register(desk.rec, 3)
    path = sealed_backup(desk, tmp_path / "stick")
    after = register(desk.rec, 2)
    before = desk.db.read_bytes()
    with pytest.raises(backup.NeedBackupPassword) as info:
        backups.restore(desk.db, path, username="admin", password=PASSWORD)
    assert str(info.value) == f"{path.name} is protected by a password: give the backup password."
    with pytest.raises(sealed.SealError):
        backups.restore(desk.db, path, username="admin", password=PASSWORD, backup_password="wrong password")
    assert desk.db.read_bytes() == before  # nothing replaced
    result = backups.restore(desk.db, path, username="admin", password=PASSWORD, backup_password=SECRET)
    assert result["from"] == str(path) and result["voided"] == after == voided()
    assert case_count(desk.db) == 3 and integrity(desk.db) == "ok"
    assert leftovers(desk.db.parent) == []  # the opened copy is gone
    from app.services import auth

    assert next_number(auth.sign_in("rec", PASSWORD)) == "BJ01-2026-00006"


def test_a_sealed_backup_to_a_missing_folder_says_so_and_leaves_nothing(desk, tmp_path):
    with pytest.raises(backup.BackupError, match="does not exist: is the drive plugged in"):
        backup.manual_backup(desk.admin, desk.db, tmp_path / "gone", password=SECRET)
    assert leftovers(desk.db.parent) == []


def test_a_sealed_backup_that_would_leave_the_desk_no_room_is_refused(desk, tmp_path, monkeypatch):
    class Usage:
        free = backup.RESERVE + backup._database_size(desk.db) // 2  # the snapshot would eat into the reserve

    monkeypatch.setattr(backup.shutil, "disk_usage", lambda path: Usage())
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(backup.BackupError, match="a backup with a password is first copied there"):
        backup.manual_backup(desk.admin, desk.db, stick, password=SECRET)
    assert list(stick.iterdir()) == []
    assert leftovers(desk.db.parent) == []
