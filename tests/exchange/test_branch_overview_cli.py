"""``branches overview`` and ``branches silence`` on the command line, against headquarters with three branches
whose bundles came the real way (tests/exchange/branch_sites.py), the core's clock at NOW."""
from __future__ import annotations

import os

import pytest

from tests.conftest import CLI

from . import branch_sites, helpers


class TableCLI(CLI):
    """The command line of tests/conftest.py, for a command that prints a table: its text is the answer."""

    def table(self, *args, lang="en", **kw):
        from tests.conftest import ROOT, run_in_process

        env = {k: v for k, v in os.environ.items() if not k.startswith("CDESK_")}
        env.update(CDESK_LANG=lang, CDESK_PASSWORD=helpers.PASSWORD, PYTHONPATH=str(ROOT))
        code, out, err = run_in_process([*args, "--db", self.db], env=env, stdin=None)
        assert code == 0, err
        return out


@pytest.fixture
def hq_cli(tmp_path, clock):
    network = branch_sites.build(tmp_path, str(tmp_path / "hq.sqlite3"), clock)
    return TableCLI(network.hq.target)


def test_the_table_in_chinese_marks_the_silent_branch_and_the_overdue_cases(hq_cli):
    lines = hq_cli.table("branches", "overview", "--as", "admin", lang="zh_CN").splitlines()
    assert lines[0] == "各机构概览 · 比率统计期间：2026年11月 · 截至 2026-11-25 10:00"
    assert "超过 7 天未收到数据包即为“未报送”" in lines[1]
    header = next(line for line in lines if line.startswith("机构代码"))
    for title in ("机构名称", "未结", "逾期", "重大未结", "及时率", "回访率", "满意率", "最近数据包", "序号", "版本", "状态"):
        assert title in header
    rows = {line.split()[0]: line for line in lines if line[:4] in ("BJ01", "SH02", "GZ03")}
    assert rows["GZ03"].split()[1:4] == ["广州分公司", "1", "1"]
    assert "! 未报送 15 天、有逾期" in rows["GZ03"] and "2026-11-10 09:00" in rows["GZ03"]
    assert rows["BJ01"].split()[1:5] == ["北京分公司", "2", "1", "1"]
    assert "50.0%" in rows["BJ01"] and "! 有逾期" in rows["BJ01"] and "未报送" not in rows["BJ01"]
    assert rows["SH02"].rstrip().endswith("正常") and "0.0%" in rows["SH02"]
    assert "0.1.0" in rows["SH02"]
    total = next(line for line in lines if line.startswith("合计"))
    assert total.split()[1:4] == ["4", "2", "1"]
    assert lines[-1] == "共 3 个机构，1 个未报送，2 个有逾期案件。"
    # the columns line up: every row is as wide as the header, counting a Chinese character as two columns
    from app.cli.branch_cmds import width

    assert width(header.split("状态")[0]) == width(rows["SH02"][:rows["SH02"].rindex("正常")])


def test_english_json_and_the_days_of_silence(hq_cli):
    english = hq_cli.table("branches", "overview", "--silent-days", "20", "--as", "admin")
    assert english.startswith("Overview of the branches · rates over 2026-11 · as of 2026-11-25 10:00")
    assert "silent 15" not in english and "! overdue cases" in english
    assert "Replied in time" in english and "3 branches, 0 silent, 2 with overdue cases." in english
    data = hq_cli.ok("branches", "overview", "--json", "--period", "2026", "--as", "admin",
                     password=helpers.PASSWORD)
    assert data["period"] == "2026" and [r["branch"] for r in data["branches"] if r["silent"]] == ["GZ03"]
    assert hq_cli.ok("branches", "silence", "30", "--as", "admin", password=helpers.PASSWORD) == {
        "silent_after_days": 30}
    data = hq_cli.ok("branches", "overview", "--json", "--as", "admin", password=helpers.PASSWORD)
    assert data["silent_after_days"] == 30 and not any(r["silent"] for r in data["branches"])


def test_bad_input_is_refused_in_the_users_language(hq_cli):
    result = hq_cli.run("branches", "silence", "0", "--as", "admin", password=helpers.PASSWORD, lang="zh_CN")
    assert result.code == 1 and "天数必须是 1 到 365 之间的整数" in result.err
    result = hq_cli.run("branches", "overview", "--period", "2026-13", "--as", "admin", password=helpers.PASSWORD)
    assert result.code == 1 and "YYYY-MM" in result.err
    data = hq_cli.ok("branches", "overview", "--json", "--as", "admin", password=helpers.PASSWORD)
    assert data["silent_after_days"] == 7  # the refused value was not kept


def test_a_branch_database_has_no_overview(tmp_path, clock):
    network = branch_sites.build(tmp_path, str(tmp_path / "hq.sqlite3"), clock)
    result = CLI(network.sites["BJ01"].target).run("branches", "overview", "--as", "admin",
                                                   password=helpers.PASSWORD)
    assert result.code == 1 and "This is not a headquarters database." in result.err
