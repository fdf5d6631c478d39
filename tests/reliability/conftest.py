"""Fixtures for the reliability tests: English messages, a tiny real filesystem for full-disk tests."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest

from app import i18n


@pytest.fixture(autouse=True)
def english_and_closed():
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")
    from models.db import close_db

    close_db()


def mount_tiny_fs(folder: Path, size_kib: int) -> bool:
    """Mount a tmpfs of ``size_kib`` at ``folder`` (root on Linux only); False when that is not possible."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", f"cdesk-{uuid.uuid4().hex[:8]}",
                             str(folder)], capture_output=True)
    return result.returncode == 0


@pytest.fixture
def tiny_fs(tmp_path):
    """A factory: tiny_fs(size_kib) -> a folder on a real, tiny filesystem (skips when it cannot be mounted)."""
    mounted: list[Path] = []

    def make(size_kib: int, name: str = "tiny") -> Path:
        folder = tmp_path / name
        if not mount_tiny_fs(folder, size_kib):
            pytest.skip("cannot mount a tmpfs here (needs root on Linux); the simulated full-disk tests still run")
        mounted.append(folder)
        return folder

    yield make
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path) -> Path:
    """Fill a filesystem to the last byte with one file (removed by the caller to free space)."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        for chunk in (65536, 4096, 1):
            while True:
                try:
                    os.write(fd, b"\0" * chunk)
                except OSError:
                    break
    finally:
        os.close(fd)
    return filler


def integrity(path) -> str:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def dump(path) -> list:
    """Every row of every table, for 'nothing changed' checks."""
    conn = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table' and sql not like 'CREATE VIRTUAL%' order by name")]
        return [(t, conn.execute(f'select * from "{t}" order by 1').fetchall()) for t in tables]
    finally:
        conn.close()


def register(actor, count: int, **changes) -> list[str]:
    from app.services import cases
    from tests.conftest import sample_case

    return [cases.register_case(actor, sample_case(**changes))["number"] for _ in range(count)]
