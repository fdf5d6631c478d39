"""The command line on a Chinese Windows console: the code page is GBK (936), which Python would use for
standard input and output. Emulated with PYTHONIOENCODING=gbk: JSON still goes in and comes out as UTF-8,
a byte-order mark is accepted, bytes that are not UTF-8 are refused before anything is written, and no
character (𠮷 is outside GBK) makes the output fail after the case was saved."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

from tests.conftest import CLI, PASSWORD, ROOT, cli_template, sample_case


def build_desk(cli: CLI) -> None:
    cli.ok("init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin", password=PASSWORD)
    cli.ok("user", "add", "rec", "--name", "王芳", "--role", "reception", "--department", "客服部", "--as", "admin",
           password=PASSWORD, new_password="initial-1")
    cli.ok("user", "passwd", "rec", "--as", "rec", password="initial-1", new_password=PASSWORD)


template, desk_cli = cli_template(build_desk)


def run_gbk(cli: CLI, *args, stdin: bytes = b"", lang: str = "zh"):
    """The command line with the console's encoding set to GBK; bytes in, bytes out."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CDESK_", "PYTHON"))}
    env.update(PYTHONIOENCODING="gbk", PYTHONUTF8="0", PYTHONPATH=str(ROOT), CDESK_LANG=lang,
               CDESK_PASSWORD=PASSWORD)
    return subprocess.run([sys.executable, "-m", "app", *args, "--db", cli.db], input=stdin, capture_output=True,
                          env=env, cwd=str(ROOT), timeout=120)


def case_document(name: str) -> dict:
    return sample_case(**{"complainant.name": name, "contact_name": name})


def stored_names(cli: CLI) -> list[str]:
    con = sqlite3.connect(cli.db)
    try:
        return [row[0] for row in con.execute('SELECT complainant_name FROM "case" ORDER BY id')]
    finally:
        con.close()


def test_utf8_json_piped_into_a_gbk_console_is_stored_as_written(desk_cli):
    data = json.dumps(case_document("张伟"), ensure_ascii=False).encode("utf-8")
    proc = run_gbk(desk_cli, "case", "add", "--json", "-", "--as", "rec", stdin=data)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    printed = json.loads(proc.stdout.decode("utf-8"))  # the output is UTF-8, not GBK
    assert printed["complainant"]["name"] == "张伟"
    assert stored_names(desk_cli) == ["张伟"]  # not 寮犱紵


def test_a_byte_order_mark_is_accepted(desk_cli):
    data = "\ufeff".encode("utf-8") + json.dumps(case_document("李娜"), ensure_ascii=False).encode("utf-8")
    proc = run_gbk(desk_cli, "case", "add", "--json", "-", "--as", "rec", stdin=data)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert stored_names(desk_cli) == ["李娜"]


def test_a_name_outside_gbk_is_saved_and_printed_without_a_traceback(desk_cli):
    data = json.dumps(case_document("吉𠮷"), ensure_ascii=False).encode("utf-8")
    proc = run_gbk(desk_cli, "case", "add", "--json", "-", "--as", "rec", stdin=data)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in proc.stderr
    number = json.loads(proc.stdout.decode("utf-8"))["number"]
    shown = run_gbk(desk_cli, "case", "show", number, "--as", "rec")
    assert shown.returncode == 0, shown.stderr.decode("utf-8", "replace")
    assert json.loads(shown.stdout.decode("utf-8"))["complainant"]["name"] == "吉𠮷"
    assert stored_names(desk_cli) == ["吉𠮷"]


def test_json_in_the_console_code_page_is_refused_and_nothing_is_written(desk_cli):
    data = json.dumps(case_document("张伟"), ensure_ascii=False).encode("gbk")
    proc = run_gbk(desk_cli, "case", "add", "--json", "-", "--as", "rec", stdin=data)
    assert proc.returncode == 1
    message = proc.stderr.decode("utf-8")
    assert "--json" in message and "UTF-8" in message and "标准输入" in message
    assert len(message.strip().splitlines()) == 1
    assert stored_names(desk_cli) == []


def test_a_json_file_in_gbk_is_refused_with_its_name(desk_cli, tmp_path):
    path = tmp_path / "complaint.json"
    path.write_bytes(json.dumps(case_document("张伟"), ensure_ascii=False).encode("gbk"))
    proc = run_gbk(desk_cli, "case", "add", "--json", str(path), "--as", "rec", lang="en")
    assert proc.returncode == 1
    message = proc.stderr.decode("utf-8")
    assert str(path) in message and "is not UTF-8 text" in message and "save the JSON as UTF-8" in message
    assert stored_names(desk_cli) == []


def test_an_error_naming_a_rare_character_reaches_the_console(desk_cli):
    proc = run_gbk(desk_cli, "case", "show", "BJ01-2026-𠮷", "--as", "rec")
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr
    assert "𠮷" in proc.stderr.decode("utf-8")
