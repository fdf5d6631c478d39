"""branches commands (headquarters): the overview of the branches as a table or JSON, and the days of silence.

``branches overview`` prints a table in the user's language (``--json``: the service's JSON, as every other
command prints); ``branches silence DAYS`` sets after how many days without a bundle a branch counts as silent.
"""
from __future__ import annotations

import sys
import unicodedata

from app import i18n
from app.cli.context import actor, add_actor_options

i18n.register({
    "Overview of the branches": "各机构概览",
    "rates over {period}": "比率统计期间：{period}",
    "as of {time}": "截至 {time}",
    "silent: no bundle for more than {days} days": "超过 {days} 天未收到数据包即为“未报送”",
    "Code": "机构代码",
    "Branch name": "机构名称",
    "Open": "未结",
    "Overdue": "逾期",
    "Major open": "重大未结",
    "Replied in time": "及时率",
    "Revisit rate": "回访率",
    "Satisfaction": "满意率",
    "Last bundle": "最近数据包",
    "Sequence": "序号",
    "Version": "版本",
    "Status": "状态",
    "Total": "合计",
    "never": "从未收到",
    "headquarters": "总部",
    "silent {days} days": "未报送 {days} 天",
    "overdue cases": "有逾期",
    "OK": "正常",
    "No branch is enrolled and no case is stored yet.": "尚无已登记的机构，也没有案件。",
    "{branches} branches, {silent} silent, {overdue} with overdue cases.": "共 {branches} 个机构，{silent} 个未报送，{overdue} 个有逾期案件。",
})


def add_commands(sub) -> None:
    branches = sub.add_parser("branches", help="headquarters: the overview of the branches").add_subparsers(
        dest="branches_command", metavar="ACTION")
    p = branches.add_parser("overview", help="every branch: open, overdue and major cases, rates, last bundle, "
                                             "version, silence")
    p.add_argument("--period", default=None, metavar="YYYY-MM|YYYY", help="the rates' period (default: this month)")
    p.add_argument("--silent-days", type=int, default=None, metavar="N",
                   help="silent after N days without a bundle (default: the setting, 7 unless changed)")
    p.add_argument("--json", action="store_true", help="print JSON instead of the table")
    add_actor_options(p)
    p.set_defaults(handler=cmd_overview)
    p = branches.add_parser("silence", help="after how many days without a bundle a branch is silent (a setting)")
    p.add_argument("days", type=int, metavar="DAYS")
    add_actor_options(p)
    p.set_defaults(handler=cmd_silence)


def cmd_overview(args):
    from app.services import branches

    view = branches.overview(actor(args), period=args.period, silent_days=args.silent_days)
    if args.json:
        return view
    sys.stdout.write(overview_table(view))
    sys.stdout.flush()
    return None


def cmd_silence(args):
    from app.services import branches

    return {"silent_after_days": branches.set_silence_days(actor(args), args.days)}


# --- the table ----------------------------------------------------------------------------------------------


def width(text: str) -> int:
    """Columns a terminal gives ``text``: two for a wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def pad(text: str, size: int, right: bool = False) -> str:
    space = " " * max(size - width(text), 0)
    return space + text if right else text + space


def percent(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def status(row: dict) -> str:
    words = []
    if row["silent"]:
        words.append(i18n.t("silent {days} days", days=row["days_silent"]))
    if row["overdue"]:
        words.append(i18n.t("overdue cases"))
    return ("! " + ("、" if i18n.language() == "zh_CN" else ", ").join(words)) if words else i18n.t("OK")


def overview_table(view: dict) -> str:
    head = [i18n.t(h) for h in ("Code", "Branch name", "Open", "Overdue", "Major open", "Replied in time", "Revisit rate",
                                "Satisfaction", "Last bundle", "Sequence", "Version", "Status")]
    numeric = {2, 3, 4, 5, 6, 7, 9}
    lines = []
    for row in view["branches"]:
        last = row["last_bundle"]
        lines.append([
            row["branch"], row["name"] + (f"（{i18n.t('headquarters')}）" if row["headquarters"] else ""),
            str(row["open"]), str(row["overdue"]), str(row["major_open"]),
            percent(row["replied_in_time"]["rate"]), percent(row["revisit"]["rate"]),
            percent(row["satisfaction"]["rate"]),
            last["at"][:16].replace("T", " ") if last else ("" if row["headquarters"] else i18n.t("never")),
            str(last["sequence"]) if last else "", row["version"] or "", status(row) if not row["headquarters"] else "",
        ])
    totals = view["totals"]
    total = [i18n.t("Total"), "", str(totals["open"]), str(totals["overdue"]), str(totals["major_open"]),
             percent(totals["replied_in_time"]["rate"]), percent(totals["revisit"]["rate"]),
             percent(totals["satisfaction"]["rate"]), "", "", "", ""]
    sizes = [max(width(r[i]) for r in [head, total, *lines]) for i in range(len(head))]

    def line(cells):
        return "  ".join(pad(cell, sizes[i], i in numeric) for i, cell in enumerate(cells)).rstrip()

    rule = "-" * width(line(head))
    period = view["period_title"] if i18n.language() == "zh_CN" else view["period"]
    out = [f"{i18n.t('Overview of the branches')} · {i18n.t('rates over {period}', period=period)} · "
           f"{i18n.t('as of {time}', time=view['as_of'][:16].replace('T', ' '))}",
           i18n.t("silent: no bundle for more than {days} days", days=view["silent_after_days"]), "",
           line(head), rule]
    if not lines:
        out.append(i18n.t("No branch is enrolled and no case is stored yet."))
    out += [line(cells) for cells in lines]
    out += [rule, line(total), "",
            i18n.t("{branches} branches, {silent} silent, {overdue} with overdue cases.", branches=totals["branches"],
                   silent=totals["silent"], overdue=totals["with_overdue"])]
    return "\n".join(out) + "\n"
