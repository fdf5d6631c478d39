"""Files in use, as on a Windows branch PC: a report open in Excel or WPS, a file an antivirus or the indexer
holds for a moment, a second desk on the same database, several processes writing one log."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time

import pytest

from app.errors import DeskError
from app.records import instance, safefile
from tests.conftest import ROOT
from tests.windows_conditions import HeldFiles, another_desk, immutable


@pytest.fixture
def held(monkeypatch):
    return HeldFiles(monkeypatch)


# --- a file open in Excel or WPS --------------------------------------------------------------------------------

def test_a_report_open_in_excel_is_said_and_left_as_it_was(held, tmp_path):
    target = tmp_path / "report-2026-11.xlsx"
    target.write_bytes(b"the copy open in Excel")
    held.hold_forever(target)
    with pytest.raises(safefile.FileInUse) as refused:
        safefile.write_atomically(target, b"the new report", field=None)
    message = refused.value.localized()
    assert str(target) in message and "Excel or WPS" in message and "close it there" in message
    assert "Errno" not in message
    assert refused.value.path == str(target)
    assert target.read_bytes() == b"the copy open in Excel"
    assert [p.name for p in tmp_path.iterdir()] == ["report-2026-11.xlsx"]  # no temporary file left behind
    held.let_go(target)
    safefile.write_atomically(target, b"the new report", field=None)  # closed in Excel: saved
    assert target.read_bytes() == b"the new report"


def test_an_antivirus_holding_the_new_file_for_a_moment_is_waited_for(held, tmp_path):
    target = tmp_path / "ledger.xlsx"
    target.write_bytes(b"old")
    held.hold_briefly(target, attempts=3)
    safefile.write_atomically(target, b"new", field=None)
    assert target.read_bytes() == b"new" and held.refusals == 3


def test_a_missing_folder_is_not_mistaken_for_a_file_in_use(tmp_path):
    with pytest.raises(DeskError) as refused:
        safefile.write_atomically(tmp_path / "gone" / "x.pdf", b"%PDF", field=None, create_folder=False)
    assert not isinstance(refused.value, safefile.FileInUse)
    assert "gone" in refused.value.localized()


def test_the_command_line_says_close_it_in_excel_for_a_file_no_process_may_replace(cli_desk, tmp_path):
    from tests.conftest import PASSWORD, sample_case

    number = cli_desk.ok("case", "add", "--json", "-", "--as", "rec", password=PASSWORD,
                         stdin=json.dumps(sample_case(), ensure_ascii=False))["number"]
    out = tmp_path / "slip.pdf"
    out.write_bytes(b"the slip open in the PDF viewer")
    with immutable(out) as held_for_real:
        if not held_for_real:
            pytest.skip("chattr +i is not available here (needs root on a filesystem with the attribute)")
        result = cli_desk.run("print", number, "--doc", "slip", "--out", str(out), "--as", "rec", password=PASSWORD)
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert "is open in another program (Excel or WPS?)" in result.err and str(out) in result.err
    assert out.read_bytes() == b"the slip open in the PDF viewer"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".slip")) == []


# --- one desk per database --------------------------------------------------------------------------------------



@pytest.fixture
def other_desk(tmp_path):
    """Another process holding the desk lock of a database, as a running desk does."""
    db = tmp_path / "desk.sqlite3"
    db.write_bytes(b"")
    with another_desk(db) as process:
        yield db, process


def test_a_second_desk_on_the_same_database_is_told_who_has_it(other_desk):
    db, process = other_desk
    with pytest.raises(instance.DatabaseInUse) as refused:
        instance.DeskLock(db).acquire()
    message = refused.value.localized()
    assert "already open in Complaint Desk" in message and str(process.pid) in message
    with pytest.raises(instance.DatabaseInUse):
        instance.ensure_free(db)


def test_the_lock_dies_with_the_process_that_held_it(other_desk):
    db, process = other_desk
    process.kill()  # a crash: no clean release
    process.wait(timeout=30)
    with instance.DeskLock(db) as lock:
        assert lock.held
        with pytest.raises(instance.DatabaseInUse):  # and it keeps a third one out in turn
            instance.DeskLock(db).acquire()
    instance.ensure_free(db)


def test_a_restore_from_the_command_line_refuses_while_a_desk_has_the_database(other_desk, tmp_path):
    from app.services import backups

    db, _ = other_desk
    before = db.read_bytes()
    with pytest.raises(instance.DatabaseInUse):
        backups.restore(db, tmp_path / "any.sqlite3", username="admin", password="x")
    assert db.read_bytes() == before


# --- one log file, several processes ----------------------------------------------------------------------------

WRITER = """
import logging, sys
from pathlib import Path
from app.records import logs
logs.MAX_BYTES = 4000
logs.configure("cli", directory=Path(sys.argv[1]))
log = logging.getLogger("complaint_desk.test")
for n in range(300):
    log.info("%s line %03d %s", sys.argv[2], n, "x" * 40)
"""


def test_several_processes_share_the_log_and_rotate_it_one_at_a_time(tmp_path):
    folder = tmp_path / "logs"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(folder), name], cwd=str(ROOT), env=env,
                                stderr=subprocess.PIPE) for name in ("desk", "command")]
    errors = [w.communicate(timeout=120)[1] for w in writers]
    assert all(w.returncode == 0 for w in writers)
    assert errors == [b"", b""]  # never a "--- Logging error ---" on the console
    files = sorted(folder.glob("complaint-desk.log*"))
    assert len([f for f in files if not f.name.endswith(".lock")]) == 6  # the current file and five kept
    lines = [line for f in files if not f.name.endswith(".lock")
             for line in f.read_text(encoding="utf-8").splitlines()]
    for line in lines:  # whole lines only: nothing interleaved or cut
        assert line.endswith("x" * 40) or " start cli " in line, line
    # the newest lines of both processes are in the current file, not lost in a renamed one
    current = (folder / "complaint-desk.log").read_text(encoding="utf-8")
    assert "desk line 299" in current or "command line 299" in current


def test_a_rotation_refused_by_windows_is_tried_later_and_never_disturbs_the_console(held, tmp_path, capsys):
    from app.records import logs

    handler = logs.SharedRotatingFileHandler(tmp_path / "complaint-desk.log", maxBytes=500, backupCount=2,
                                             encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("complaint_desk.rotation_test")
    log.propagate = False
    log.addHandler(handler)
    try:
        held.hold_forever(tmp_path / "complaint-desk.log")  # another process has it open
        started = time.monotonic()
        for n in range(40):
            log.warning("record %02d %s", n, "y" * 30)
        assert time.monotonic() - started < 5  # one short attempt, then a pause: not a wait on every record
        assert capsys.readouterr().err == ""
        text = (tmp_path / "complaint-desk.log").read_text(encoding="utf-8")
        assert "record 00" in text and "record 39" in text  # nothing lost while it could not rotate
        held.let_go(tmp_path / "complaint-desk.log")
        handler._next_attempt = 0.0  # a minute later
        log.warning("after %s", "z" * 600)
        assert (tmp_path / "complaint-desk.log.1").exists()
    finally:
        log.removeHandler(handler)
        handler.close()
