"""End to end through the command line: the whole life of a case, the dissatisfied-revisit loop and the
failed-verification loop, with refusals that exit 1 and change nothing."""
from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from tests.conftest import PASSWORD, sample_case


def do(cli, number, action, who, payload=None, expect_ok=True):
    result = cli.run("case", "do", number, action, "--json", "-", "--as", who, password=PASSWORD,
                     stdin=json.dumps(payload or {}, ensure_ascii=False))
    if expect_ok:
        assert result.code == 0, f"{action}: {result.err}"
        return result.json
    assert result.code == 1 and result.err.count("\n") == 1 and "Traceback" not in result.err
    return result.err


def handle(cli, number, round_tag=""):
    do(cli, number, "contact", "h1", {"at": "2026-11-20T10:00:00+08:00" if not round_tag else None,
                                      "method": "phone", "reached": True, "note": "联系上客户"} if not round_tag
       else {"method": "visit", "reached": True, "override_reason": "客户到店", "note": "面谈"})
    do(cli, number, "investigate", "h1", {"note": f"调查理赔流程{round_tag}"})
    do(cli, number, "conclude", "h1", {"cause": "单证流转延误", "facts": "true", "opinion": "加急",
                                       "result": "赔款到账"})
    do(cli, number, "reply", "h1", {"channel": "phone", "result": "已电话告知处理结果"})
    return do(cli, number, "submit", "h1")


def test_whole_life_and_both_loops_through_the_command_line(cli_desk, clock):
    cli = cli_desk
    clock(datetime(2026, 11, 20, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai")))  # the notices are numbered in 2026
    case = cli.ok("case", "add", "--json", "-", "--as", "rec", password=PASSWORD,
                  stdin=json.dumps(sample_case(), ensure_ascii=False))
    number = case["number"]
    assert number == "BJ01-2026-00001" and case["state"] == "accepted"

    # a refused action: exit 1, one line, and the case exactly as it was
    before = cli.ok("case", "show", number, "--as", "sup", password=PASSWORD)
    message = do(cli, number, "submit", "h1", expect_ok=False)
    assert "submit" in message
    assert cli.ok("case", "show", number, "--as", "sup", password=PASSWORD)["history"] == before["history"]

    assert do(cli, number, "assign", "sup", {"handler": "h1"})["state"] == "investigating"
    assert handle(cli, number)["state"] == "pending_approval"
    assert do(cli, number, "approve", "sup", {"opinion": "同意"})["state"] == "approved"

    # dissatisfied revisit: a new round
    view = do(cli, number, "revisit", "rec", {"method": "phone", "satisfaction": "dissatisfied", "comment": "仍不满意"})
    assert view["state"] == "investigating" and view["round"] == 2
    assert handle(cli, number, round_tag="（第二轮）")["round"] == 2
    do(cli, number, "approve", "sup", {"opinion": "同意"})

    # a notice whose first verification fails
    view = do(cli, number, "notice", "sup", {"department": "理赔部", "problem": "单证积压", "corrective": "清理积压",
                                            "preventive": "设置时限提醒"})
    first = view["notices"][0]["number"]
    assert first == "BJ01-ZG-2026-0001"
    feedback = cli.ok("notice", "do", first, "feedback", "--json", "-", "--as", "claims", password=PASSWORD,
                      stdin=json.dumps({"actions": "已清理"}, ensure_ascii=False))
    assert feedback["state"] == "reported"
    failed = cli.ok("notice", "do", first, "verify", "--json", "-", "--as", "sup", password=PASSWORD,
                    stdin=json.dumps({"passed": False, "comment": "抽查仍有积压"}, ensure_ascii=False))
    second = failed["follow_ups"][0]
    assert failed["state"] == "failed" and second == "BJ01-ZG-2026-0002"

    do(cli, number, "revisit", "rec", {"method": "phone", "satisfaction": "satisfied"})
    assert "notice" in do(cli, number, "close", "sup", expect_ok=False)  # the follow-up is still open

    cli.ok("notice", "do", second, "feedback", "--json", "-", "--as", "claims", password=PASSWORD,
           stdin=json.dumps({"actions": "全部清理并建立台账"}, ensure_ascii=False))
    cli.ok("notice", "do", second, "verify", "--json", "-", "--as", "sup", password=PASSWORD,
           stdin=json.dumps({"passed": True, "comment": "通过"}, ensure_ascii=False))
    closed = do(cli, number, "close", "sup")
    assert closed["state"] == "closed" and closed["round"] == 2
    assert [n["state"] for n in closed["notices"]] == ["failed", "verified"]
    actions = [h["action"] for h in closed["history"]]
    assert actions.count("revisit") == 2 and actions[-1] == "close"
    assert "notice_verify" in actions


def test_refusals_name_the_problem_in_chinese_by_default(cli_desk):
    cli = cli_desk
    number = cli.ok("case", "add", "--json", "-", "--as", "rec", password=PASSWORD,
                    stdin=json.dumps(sample_case(), ensure_ascii=False))["number"]
    result = cli.run("case", "do", number, "approve", "--json", "-", "--as", "h1", password=PASSWORD,
                     stdin="{}", lang="zh_CN")
    assert result.code == 1 and "状态" in result.err  # 'accepted' cannot be approved
    result = cli.run("case", "do", number, "assign", "--json", "-", "--as", "h1", password=PASSWORD,
                     stdin='{"handler": "h1"}', lang="zh_CN")
    assert result.code == 1 and "主管" in result.err
