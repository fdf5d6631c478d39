"""The exchange through the command line (as python -m app runs it): branch and headquarters on SQLite files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

PASSWORD = "pass-1234"


@pytest.fixture
def two(cli, tmp_path):
    branch = cli
    hq = type(cli)(tmp_path / "hq.sqlite3")
    branch.ok("init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin", password=PASSWORD)
    hq.ok("init", "--branch", "HQ", "--branch-name", "集团总部", "--admin", "boss", "--hq", password=PASSWORD)
    keys = tmp_path / "keys"
    keys.mkdir()
    mine = branch.ok("enrol", "export", "--out", str(keys / "BJ01.cdenrol"))
    theirs = hq.ok("enrol", "export", "--out", str(keys / "HQ.cdenrol"))
    enrolled = hq.ok("enrol", "import", str(keys / "BJ01.cdenrol"), "--as", "boss", password=PASSWORD)
    assert enrolled["fingerprint"] == mine["fingerprint"] and enrolled["status"] == "enrolled"
    assert branch.ok("enrol", "import", str(keys / "HQ.cdenrol"), "--as", "admin",
                     password=PASSWORD)["fingerprint"] == theirs["fingerprint"]
    stick = tmp_path / "U盘"
    stick.mkdir()
    return branch, hq, stick


def test_export_import_receipt_and_policy_from_the_command_line(two, tmp_path):
    branch, hq, stick = two
    case = {"kind": "complaint", "origin": "routine", "channel": "visit", "received_at": "2026-11-20T09:15:00+08:00",
            "complainant": {"name": "张伟", "gender": "male", "address": "北京市朝阳区", "relation_to_insured": "本人",
                            "identity": "车主", "mobile": "13800138000", "phone": "", "vip": False},
            "contact_name": "张伟", "complainant_count": 1, "reason": "理赔款迟迟未到账", "claim_no": "RC1",
            "plate_no": "京A12345", "accused_department": "理赔部", "accused_person": "李强", "category": "claims",
            "content": "客户称理赔款一个月未到账。", "summary": "理赔慢", "desired_remedy": "尽快赔付",
            "original_doc_no": "", "amount": {"line": "auto", "value": 12000},
            "flags": {"media": False, "petition": False, "threat": False, "hq": False, "lawsuit": False},
            "contact_window": None}
    registered = branch.run("case", "add", "--json", "-", "--as", "admin", password=PASSWORD,
                            stdin=json.dumps(case, ensure_ascii=False))
    exported = branch.ok("export", "--to", str(stick), "--as", "admin", password=PASSWORD)
    assert exported["safe_to_remove"] and Path(exported["file"]).parent == stick
    assert Path(exported["file"]).name.isascii()
    [result] = hq.ok("import", exported["file"], "--as", "boss", password=PASSWORD)
    assert result["status"] == "imported" and result["counts"]["conflicts"] == 0
    assert registered.code == 0, registered.err
    assert result["tables"]["case"] == {"inserted": 1}
    [again] = hq.ok("import", exported["file"], "--as", "boss", password=PASSWORD)
    assert again["status"] == "already_imported"
    ack = branch.ok("receipt", "import", result["receipt"], "--as", "admin", password=PASSWORD)
    assert ack["status"] == "acknowledged"
    second = branch.ok("export", "--to", str(stick), "--as", "admin", password=PASSWORD)
    assert second["sequence"] == 2 and second["changes"]["after"] == exported["changes"]["to"]

    # headquarters distributes policy; the branch applies the signed bundle through 'import'
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"preset": "cbirc", "thresholds": {"auto": 20000}}), encoding="utf-8")
    hq.ok("policy", "import", str(policy), "--as", "boss", password=PASSWORD)
    out = hq.ok("policy", "export", "--out", str(stick / "policy-1.cdpolicy"), "--as", "boss", password=PASSWORD)
    assert out["policy"]["preset"] == "cbirc"
    [applied] = branch.ok("import", out["file"], "--as", "admin", password=PASSWORD)
    assert applied["status"] == "applied" and applied["policy"]["thresholds"]["auto"] == 20000
    shown = branch.ok("policy", "show", "--as", "admin", password=PASSWORD)
    assert json.dumps(shown).count("cbirc") >= 1


def test_refusals_print_one_line_in_the_users_language(two, tmp_path):
    branch, hq, stick = two
    exported = branch.ok("export", "--to", str(stick), "--as", "admin", password=PASSWORD)
    broken = stick / "broken.cdbundle"
    broken.write_bytes(Path(exported["file"]).read_bytes()[:-3])
    for lang, word in (("en", "incomplete"), ("zh_CN", "不完整")):
        result = hq.run("import", str(broken), "--as", "boss", password=PASSWORD, lang=lang)
        assert result.code == 1 and word in result.err and len(result.err.strip().splitlines()) == 1
    # several files: each gets its own result, the good one is imported
    result = hq.run("import", exported["file"], str(broken), "--as", "boss", password=PASSWORD)
    assert result.code == 1 and "1 of 2" in result.err
    listed = json.loads(result.out)
    assert [r["status"] for r in listed] == ["imported", "refused"]
    # a branch cannot import a data bundle, a non-admin cannot export, headquarters cannot export
    assert branch.run("import", exported["file"], "--as", "admin", password=PASSWORD).code == 1
    assert hq.run("export", "--to", str(stick), "--as", "boss", password=PASSWORD).code == 1
    missing = branch.run("export", "--to", str(tmp_path / "no-such-drive"), "--as", "admin", password=PASSWORD)
    assert missing.code == 1 and "does not exist" in missing.err


def test_headquarters_on_postgresql_from_the_command_line(cli, tmp_path, postgres_server):
    branch = cli
    hq = type(cli)(postgres_server.new_database())
    branch.ok("init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin", password=PASSWORD)
    hq.ok("init", "--branch", "HQ", "--branch-name", "集团总部", "--admin", "boss", "--hq", password=PASSWORD)
    branch.ok("enrol", "export", "--out", str(tmp_path / "BJ01.json"))
    hq.ok("enrol", "export", "--out", str(tmp_path / "HQ.json"))
    hq.ok("enrol", "import", str(tmp_path / "BJ01.json"), "--as", "boss", password=PASSWORD)
    branch.ok("enrol", "import", str(tmp_path / "HQ.json"), "--as", "admin", password=PASSWORD)
    exported = branch.ok("export", "--to", str(tmp_path), "--as", "admin", password=PASSWORD)
    [result] = hq.ok("import", exported["file"], "--as", "boss", password=PASSWORD)
    assert result["status"] == "imported" and result["tables"]["user"] == {"inserted": 1}
    [again] = hq.ok("import", exported["file"], "--as", "boss", password=PASSWORD)
    assert again["status"] == "already_imported"


def test_a_record_headquarters_refuses_is_listed_in_the_import_the_quarantine_and_the_receipt(two, tmp_path):
    """A value stored by an older version (a count of 2^31) is kept aside at headquarters, named in the import's
    result, in 'quarantine list' and in the receipt the branch imports; the rest of the bundle is imported."""
    import sqlite3

    branch, hq, stick = two
    case = {"kind": "complaint", "channel": "visit", "received_at": "2026-11-20T09:15:00+08:00",
            "complainant": {"name": "张伟", "mobile": "13800138000"}, "content": "客户称理赔款一个月未到账。",
            "category": "claims"}
    numbers = [branch.ok("case", "add", "--json", "-", "--as", "admin", password=PASSWORD,
                         stdin=json.dumps(case, ensure_ascii=False))["number"] for _ in range(2)]
    with sqlite3.connect(branch.db) as conn:
        conn.execute('UPDATE "case" SET complainant_count = ? WHERE number = ?', (2 ** 31, numbers[1]))
    exported = branch.ok("export", "--to", str(stick), "--as", "admin", password=PASSWORD)
    [result] = hq.ok("import", exported["file"], "--as", "boss", password=PASSWORD)
    assert result["status"] == "imported" and result["tables"]["case"]["inserted"] == 1
    assert [(r["table"], r["field"]) for r in result["refused"]] == [("case", "complainant_count")]
    listed = hq.ok("quarantine", "list", "--as", "boss", password=PASSWORD, lang="zh_CN")
    assert [(item["branch"], item["field"]) for item in listed] == [("BJ01", "complainant_count")]
    assert "不能大于" in listed[0]["problem"]
    ack = branch.ok("receipt", "import", result["receipt"], "--as", "admin", password=PASSWORD)
    assert [(r["table"], r["field"]) for r in ack["refused"]] == [("case", "complainant_count")]
