"""Bad input through the real command line: exit 1, one line on stderr naming the field, no traceback, and
nothing written (the whole database is compared before and after)."""
from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timedelta, timezone

from tests.conftest import CLI, PASSWORD, cli_template, sample_case

CJK = re.compile(r"[\u4e00-\u9fff]")


def build_desk(cli: CLI) -> None:
    cli.ok("init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin", password=PASSWORD)
    cli.ok("user", "add", "rec", "--name", "王芳", "--role", "reception", "--department", "客服部", "--as", "admin",
           password=PASSWORD, new_password="initial-1")
    cli.ok("user", "passwd", "rec", "--as", "rec", password="initial-1", new_password=PASSWORD)
    # a user whose admin-set password was never changed
    cli.ok("user", "add", "fresh", "--name", "钱多", "--role", "reception", "--department", "客服部", "--as", "admin",
           password=PASSWORD, new_password="initial-1")
    # one case already registered, so that the number series and the history exist
    cli.ok("case", "add", "--json", "-", "--as", "rec", password=PASSWORD,
           stdin=json.dumps(sample_case(), ensure_ascii=False))


template, desk_cli = cli_template(build_desk)


def dump(cli: CLI, skip=()) -> dict:
    """Every row of every table (read with sqlite3, not through the app)."""
    con = sqlite3.connect(cli.db)
    try:
        tables = [name for name, sql in con.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")
                  if not (sql or "").upper().startswith("CREATE VIRTUAL")]   # their shadow tables are dumped
        assert "case" in tables and "history" in tables
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables if t not in skip}
    finally:
        con.close()


def counts(cli: CLI) -> tuple:
    con = sqlite3.connect(cli.db)
    try:
        return (con.execute('SELECT count(*) FROM "case"').fetchone()[0],
                con.execute("SELECT series, year, last FROM number_series ORDER BY id").fetchall(),
                con.execute("SELECT count(*) FROM history").fetchone()[0])
    finally:
        con.close()


def refused(result, field: str | None) -> str:
    """Exit 1, nothing on stdout, exactly one line on stderr that names ``field``, no traceback."""
    assert result.code == 1, (result.out, result.err)
    assert result.out == ""
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1 and result.err.endswith("\n") and lines[0].strip(), result.err
    if field is not None:
        assert lines[0].startswith(field + ": "), lines[0]
    return lines[0]


def future(hours: float) -> str:
    return (datetime.now(timezone.utc) + timedelta(hours=hours)).astimezone(
        timezone(timedelta(hours=8))).isoformat(timespec="seconds")


def with_key(dotted: str, value) -> dict:
    return sample_case(**{dotted: value})


BAD_CASES = [
    # (what, the case document, the field the message must name); the full list is in test_validation.py
    ("unknown top-level key", with_key("colour", "red"), "colour"),
    ("unknown key in complainant", with_key("complainant.wechat", "zw88"), "complainant.wechat"),
    ("unknown key in flags", with_key("flags.fire", True), "flags.fire"),
    ("count as text", with_key("complainant_count", "3"), "complainant_count"),
    ("flag as text", with_key("flags.media", "yes"), "flags.media"),
    ("vip as number", with_key("complainant.vip", 1), "complainant.vip"),
    ("mobile as number", with_key("complainant.mobile", 13800138000), "complainant.mobile"),
    ("mobile too short", with_key("complainant.mobile", "1380013800"), "complainant.mobile"),
    ("mobile with letters", with_key("complainant.mobile", "1380013800O"), "complainant.mobile"),
    ("received_at an hour ahead", None, "received_at"),   # filled in at run time
    ("negative amount", with_key("amount.value", -100), "amount.value"),
    ("category unknown", with_key("category", "weather"), "category"),
]


def test_bad_case_documents_from_files(desk_cli, tmp_path):
    before = dump(desk_cli)
    for i, (what, document, field) in enumerate(BAD_CASES):
        if document is None:
            document = with_key("received_at", future(1))
        source = tmp_path / f"bad{i}.json"
        source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        result = desk_cli.run("case", "add", "--json", str(source), "--as", "rec", password=PASSWORD)
        refused(result, field)
        assert dump(desk_cli) == before, what


def test_broken_json_missing_file_and_not_an_object(desk_cli, tmp_path):
    before = dump(desk_cli)
    broken = tmp_path / "broken.json"
    broken.write_text('{"kind": "complaint",\n "channel": "visit",\n}', encoding="utf-8")
    line = refused(desk_cli.run("case", "add", "--json", str(broken), "--as", "rec", password=PASSWORD), "json")
    assert "line 3" in line
    refused(desk_cli.run("case", "add", "--json", "-", "--as", "rec", password=PASSWORD, stdin='{"kind": '), "json")
    refused(desk_cli.run("case", "add", "--json", "-", "--as", "rec", password=PASSWORD, stdin=""), "json")
    line = refused(desk_cli.run("case", "add", "--json", str(tmp_path / "nowhere.json"), "--as", "rec",
                                password=PASSWORD), "--json")
    assert "nowhere.json" in line
    line = refused(desk_cli.run("case", "add", "--json", "-", "--as", "rec", password=PASSWORD, stdin="[1, 2]"), None)
    assert "object" in line
    assert dump(desk_cli) == before


def test_who_is_acting(desk_cli, tmp_path):
    source = tmp_path / "good.json"
    source.write_text(json.dumps(sample_case(), ensure_ascii=False), encoding="utf-8")
    before, start = dump(desk_cli), counts(desk_cli)
    assert start[:2] == (1, [("case", 2026, 1)])
    # an unknown user: nothing at all is written
    refused(desk_cli.run("case", "add", "--json", str(source), "--as", "nobody", password=PASSWORD), "--as")
    assert dump(desk_cli) == before
    # a user who must still change the admin-set password: signs in, but may do nothing
    line = refused(desk_cli.run("case", "add", "--json", str(source), "--as", "fresh", password="initial-1"), "--as")
    assert "passwd" in line
    assert dump(desk_cli) == before
    # a wrong password: the failed sign-in is counted on the user (lockout), and nothing else changes
    refused(desk_cli.run("case", "add", "--json", str(source), "--as", "rec", password="wrong-pass"), "--as")
    kept = ("user", "change_counter")
    assert dump(desk_cli, skip=kept) == {k: v for k, v in before.items() if k not in kept}
    # no password at all
    refused(desk_cli.run("case", "add", "--json", str(source), "--as", "rec"), None)
    # and the good document still registers with the next number: nothing was consumed
    assert counts(desk_cli) == start
    assert desk_cli.ok("case", "add", "--json", str(source), "--as", "rec", password=PASSWORD)["number"] == \
        "BJ01-2026-00002"


def test_messages_in_chinese_still_name_the_field(desk_cli, tmp_path):
    before = dump(desk_cli)
    for document, field in ((with_key("complainant.mobile", "12345"), "complainant.mobile"),
                            (with_key("complainant.wechat", "zw88"), "complainant.wechat"),
                            (with_key("amount.value", -1), "amount.value")):
        source = tmp_path / f"{field}.json"
        source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        result = desk_cli.run("case", "add", "--json", str(source), "--as", "rec", password=PASSWORD, lang="zh_CN")
        line = refused(result, field)
        assert CJK.search(line.split(": ", 1)[1]), line
    # the default language (no CDESK_LANG) is Chinese
    source = tmp_path / "default.json"
    source.write_text(json.dumps(with_key("received_at", "2099-01-01T09:00:00+08:00")), encoding="utf-8")
    result = desk_cli.run("case", "add", "--json", str(source), "--as", "rec", password=PASSWORD, lang="")
    line = refused(result, "received_at")
    assert CJK.search(line.split(": ", 1)[1]), line
    assert dump(desk_cli) == before


def test_bad_policy_files(desk_cli, tmp_path):
    before = dump(desk_cli)
    for document, field in (({"preset": "fast"}, "preset"),
                            ({"thresholds": {"auto": -1}}, "thresholds.auto"),
                            ({"calendar": {"holidays": ["2026-13-01"]}}, "calendar.holidays"),
                            ({"colour": "red"}, "colour")):
        source = tmp_path / "policy.json"
        source.write_text(json.dumps(document), encoding="utf-8")
        refused(desk_cli.run("policy", "import", str(source), "--as", "admin", password=PASSWORD), field)
        assert dump(desk_cli) == before, document
    # a missing file names the argument it came from, a broken one where it breaks
    line = refused(desk_cli.run("policy", "import", str(tmp_path / "nowhere.json"), "--as", "admin",
                                password=PASSWORD), "FILE")
    assert "nowhere.json" in line
    source.write_text('{"preset": "cbirc",}', encoding="utf-8")
    refused(desk_cli.run("policy", "import", str(source), "--as", "admin", password=PASSWORD), "json")
    assert dump(desk_cli) == before
    # a receptionist may not change policy
    source.write_text(json.dumps({"preset": "cbirc"}), encoding="utf-8")
    refused(desk_cli.run("policy", "import", str(source), "--as", "rec", password=PASSWORD), None)
    assert dump(desk_cli) == before
