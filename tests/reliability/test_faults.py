"""Faults: the process killed in the middle of saving, a full disk during a save, and during a backup."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import peewee
import pytest

import models
from app.records import backup, history, integrity
from app.services import auth, cases
from models.db import StorageFull
from tests.conftest import CLI, PASSWORD, ROOT, sample_case
from tests.reliability.conftest import fill, integrity as integrity_check
from tests.reliability.writer_process import payload

ROUNDS = int(os.environ.get("CDESK_KILL_ROUNDS", "20"))


def check_every_committed_case(db_path: Path, reported: list[tuple[int, int, str]]) -> None:
    assert integrity_check(db_path) == "ok"
    models.init_db(db_path)
    try:
        assert history.verify_chain()["ok"]
        numbers = [c.number for c in models.Case.select().order_by(models.Case.seq)]
        seqs = [c.seq for c in models.Case.select().order_by(models.Case.seq)]
        last = models.NumberSeries.get(series="case").last
        # gap-free: every number issued belongs to a saved case, none half-saved
        assert seqs == list(range(1, last + 1))
        registered = {h.ref for h in models.History.select().where(models.History.action == "register")}
        assert registered == set(numbers)
        for round_no, index, number in reported:
            case = models.Case.get(number=number)
            expected = payload(round_no, index)
            assert case.complainant_name == expected["complainant"]["name"]
            assert case.content == expected["content"].strip() and case.summary == expected["summary"]
            assert case.state == "accepted" and case.reply_by is not None
    finally:
        models.close_db()


def test_killing_the_process_while_saving_loses_nothing_committed(desk, tmp_path):
    models.close_db()
    rng = random.Random(20261122)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    script = Path(__file__).with_name("writer_process.py")
    reported: list[tuple[int, int, str]] = []
    killed_mid_stream = 0
    for round_no in range(ROUNDS):
        proc = subprocess.Popen([sys.executable, str(script), str(desk.db), str(round_no)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env, cwd=str(ROOT))
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        first = proc.stdout.readline()  # the first case is saved: the writer is in its loop of transactions
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err
        lines = [line.split() for line in (first + out).splitlines() if line.strip()]
        # a line cut by the kill is not a report; every whole line is a case the desk was told was saved
        complete = [(int(r), int(i), n) for r, i, n in (parts for parts in lines if len(parts) == 3)
                    if n.startswith("BJ01-") and len(n) == len("BJ01-2026-00001")]
        killed_mid_stream += len(complete) > 1
        reported.extend(complete)
    assert len(reported) >= ROUNDS and killed_mid_stream >= 1
    check_every_committed_case(desk.db, reported)


def big_case(n: int) -> dict:
    return sample_case(content=f"满盘测试 {n} " + "很长的投诉内容。" * 2000)


def test_a_full_disk_during_a_save_loses_nothing(desk, tmp_path, tiny_fs):
    """A real tiny filesystem: the database lives on it and it fills up while the desk registers cases."""
    register_to = tiny_fs(4096, "disk")
    target = register_to / "desk.sqlite3"
    models.close_db()
    backup.write_backup(desk.db, register_to, "desk.sqlite3")
    models.init_db(target)
    rec = auth.sign_in("rec", PASSWORD)
    saved = []
    with pytest.raises(StorageFull):
        for n in range(500):
            saved.append(cases.register_case(rec, big_case(n))["number"])
    assert saved, "the disk filled before the first case"
    # the desk keeps working once space is freed, and the failed save left no trace
    models.close_db()
    assert integrity_check(target) == "ok"
    models.init_db(target)
    assert [c.number for c in models.Case.select().order_by(models.Case.seq)] == saved
    assert models.NumberSeries.get(series="case").last == len(saved)
    models.close_db()
    for extra in register_to.glob("*.bin"):
        extra.unlink()


def test_a_full_disk_during_a_save_simulated(desk):
    """Where no filesystem can be mounted: the database may not grow (SQLite answers SQLITE_FULL as on a full disk)."""
    rec = desk.rec
    cases.register_case(rec, sample_case())
    db = models.database.obj
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    saved = []
    with pytest.raises(StorageFull) as info:
        for n in range(200):
            saved.append(cases.register_case(rec, big_case(n))["number"])
    assert isinstance(info.value, peewee.OperationalError)
    db.execute_sql("PRAGMA max_page_count = 1073741823")
    count = models.Case.select().count()
    assert models.NumberSeries.get(series="case").last == count  # the failed save did not take a number
    after = cases.register_case(rec, sample_case())["number"]
    assert after == f"BJ01-2026-{count + 1:05d}"
    assert history.verify_chain()["ok"]
    assert integrity.quick_check(desk.db) == "ok"


def test_the_command_line_says_the_disk_is_full(tmp_path, tiny_fs):
    disk = tiny_fs(8192, "disk")
    cli = CLI(disk / "cli.sqlite3")
    cli.ok("init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin", password=PASSWORD)
    import json

    cli.ok("case", "add", "--json", "-", "--as", "admin", password=PASSWORD,
           stdin=json.dumps(sample_case(), ensure_ascii=False))
    filler = fill(disk)

    result = cli.run("case", "add", "--json", "-", "--as", "admin", password=PASSWORD,
                     stdin=json.dumps(big_case(1), ensure_ascii=False))
    assert result.code == 1 and "Traceback" not in result.err
    assert "disk is full" in result.err or "full" in result.err.lower(), result.err
    filler.unlink()
    assert integrity_check(disk / "cli.sqlite3") == "ok"
    assert cli.ok("case", "add", "--json", "-", "--as", "admin", password=PASSWORD,
                  stdin=json.dumps(sample_case(), ensure_ascii=False))["number"] == "BJ01-2026-00002"
