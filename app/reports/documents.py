"""Reports, ledgers and statements turned into the plain documents the printing renderers lay out.

Codes become their printed Chinese wording (the same tables as the other printouts), rates become
percentages, and the chart series are chosen here. Also used by app/excel.py for the column titles.
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from app.rules import policy as policy_module
from app.rules.names import CASE_STATE, CATEGORY, CHANNEL, KIND, NOTICE_STATE, ORIGIN, SATISFACTION
from models.entities import utcnow
from printing.documents import PrintMeta
from printing.ledger_pdf import LedgerDocument, render_ledger
from printing.report_pdf import ChartData, ReportDocument, TableData, render_report
from printing.statement_pdf import StatementDocument, render_statement

SEVERITY = {"major": "重大投诉", "general": "一般投诉"}
NO_DEPARTMENT = "（未指明）"
DIMENSIONS = (
    # key, sheet / heading, label table
    ("by_kind", "按类型", KIND),
    ("by_category", "按类别", CATEGORY),
    ("by_channel", "按受理渠道", CHANNEL),
    ("by_department", "按被投诉部门", None),
    ("by_severity", "按严重程度（投诉）", SEVERITY),
    ("by_origin", "按来源", ORIGIN),
)

NOTES = [
    "统计范围：报告期内受理的案件（按受理时间），不含举报（举报只报送总经理，不计入投诉统计）及已作废的编号。",
    "投诉成立率 = 最近一次处理结论为成立的投诉 ÷ 已有处理结论的投诉；事实无法核实视为成立。",
    "及时受理率 = 在受理时限内出具回执或联系到客户的案件 ÷ 有受理时限的案件。",
    "及时回复率 = 在回复时限内回复的案件 ÷（已回复案件 + 仍未回复且已超时的在办案件）；未了事宜暂停期间不计时。",
    "回访率 = 已回访的投诉 ÷ 已回复的投诉；满意率 =（满意 + 基本满意）÷ 全部回访记录（含各轮）。",
    "平均处理时长 = 已结案（含非正常结案）案件从受理到结案的平均小时数。",
    "重复投诉人 = 报告期内同一手机号码有两件及以上案件。整改通知书按下发时间统计，超期 = 超过反馈期限仍未反馈或逾期反馈。",
]


def label(table: dict | None, code) -> str:
    if table is None:
        return code or NO_DEPARTMENT
    return table.get(code, code) if code else NO_DEPARTMENT


def percent(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _printed_at(now: datetime | None) -> str:
    zone = ZoneInfo(policy_module.load_policy().timezone)
    return (now or utcnow()).astimezone(zone).strftime("%Y-%m-%d %H:%M")


def report_title(data: dict) -> str:
    return "客户投诉处理月报表" if len(data["period"]) == 7 else "客户投诉处理年报表"


def key_figures(data: dict) -> list[tuple[str, str]]:
    e, a, r = data["established"], data["acknowledged_in_time"], data["replied_in_time"]
    v, s, n = data["revisit"], data["satisfaction"], data["notices"]
    hours = data["average_handling_hours"]
    return [
        ("受理总数", str(data["total"])), ("其中投诉", str(data["complaints"])),
        ("已结案", f"{data['closed']}（非正常 {data['closed_abnormal']}）"), ("在办", f"{data['open']}（未了事宜 {data['deferred']}）"),
        ("投诉成立率", f"{percent(e['rate'])}（{e['established']}/{e['concluded']}）"),
        ("及时受理率", f"{percent(a['rate'])}（{a['in_time']}/{a['due']}）"),
        ("及时回复率", f"{percent(r['rate'])}（{r['in_time']}/{r['due']}）"),
        ("回访率", f"{percent(v['rate'])}（{v['revisited']}/{v['replied']}）"),
        ("满意率", f"{percent(s['rate'])}（{s.get('satisfied', 0) + s.get('basic', 0)}/{s['revisits']}）"),
        ("平均处理时长", "—" if hours is None else f"{hours:.1f} 小时（{hours / 24:.1f} 天）"),
        ("重复投诉人", str(data["repeat_complainants"]["count"])), ("第二轮及以上", str(data["second_round"])),
        ("整改通知书下发", str(n["issued"])), ("整改验证通过", str(n["verified"])),
        ("整改验证未通过", str(n["failed"])), ("整改超期", str(n["overdue"])),
    ]


def dimension_rows(data: dict, key: str, table) -> list[list[str]]:
    counts = data[key]
    total = sum(counts.values())
    return [[label(table, code), str(n), percent(n / total) if total else "—"] for code, n in counts.items()]


def report_tables(data: dict) -> list[TableData]:
    tables = []
    for key, heading, table in DIMENSIONS:
        tables.append(TableData(heading, [("项目", 2), ("件数", 1), ("占比", 1)], dimension_rows(data, key, table)))
    if not data.get("branch") and len(data.get("by_branch", {})) > 0:
        tables.append(TableData("按机构", [("机构", 2), ("件数", 1), ("占比", 1)],
                                dimension_rows(data, "by_branch", None)))
    s = data["satisfaction"]
    tables.append(TableData("回访满意度", [("满意度", 2), ("回访次数", 1), ("占比", 1)],
                            [[SATISFACTION[k], str(s.get(k, 0)), percent(s.get(k, 0) / s["revisits"]) if s["revisits"] else "—"]
                             for k in ("satisfied", "basic", "dissatisfied")]))
    tables.append(TableData("主要致诉原因", [("序号", 0.6), ("致诉原因", 4), ("件数", 1)],
                            [[str(i + 1), c["cause"], str(c["cases"])] for i, c in enumerate(data["top_causes"])]))
    tables.append(TableData("重复投诉人", [("手机", 1.4), ("投诉人", 1), ("件数", 0.7), ("编号", 3.2)],
                            [[r["mobile"], r["name"], str(r["cases"]), "、".join(r["numbers"])]
                             for r in data["repeat_complainants"]["rows"]]))
    n = data["notices"]
    tables.append(TableData("整改通知书", [("下发", 1), ("其中再次下发", 1), ("已反馈待验证", 1), ("验证通过", 1),
                                          ("验证未通过", 1), ("超期", 1)],
                            [[str(n["issued"]), str(n["follow_ups"]), str(n["reported"]), str(n["verified"]),
                              str(n["failed"]), str(n["overdue"])]]))
    return tables


def report_charts(data: dict) -> list[ChartData]:
    def series(key, table, kind, title):
        pairs = [(label(table, code), n) for code, n in data[key].items()]
        return ChartData(title, [p[0] for p in pairs], [p[1] for p in pairs], kind)

    s = data["satisfaction"]
    return [
        series("by_kind", KIND, "pie", "受理类型"),
        ChartData("回访满意度", [SATISFACTION[k] for k in ("satisfied", "basic", "dissatisfied")],
                  [s.get(k, 0) for k in ("satisfied", "basic", "dissatisfied")], "pie"),
        series("by_category", CATEGORY, "bar", "投诉类别"),
        series("by_channel", CHANNEL, "bar", "受理渠道"),
        series("by_department", None, "bar", "被投诉部门"),
    ]


def report_document(data: dict, *, printed_by: str = "", now: datetime | None = None) -> ReportDocument:
    code = data.get("branch") or "ALL"
    meta = PrintMeta(number=f"{code}-RPT-{data['period']}", branch_name=data.get("branch_name", ""),
                     printed_at=_printed_at(now))
    subtitle = f"{data.get('branch_name', '')}　{data['title']}　（{data['from'][:10]} 至 {data['to'][:10]}，不含）"
    return ReportDocument(meta=meta, title=report_title(data), subtitle=subtitle, key_figures=key_figures(data),
                          charts=report_charts(data), tables=report_tables(data), notes=NOTES,
                          signers=[("制表人", printed_by), ("审核人", "")])


def report_pdf(data: dict, *, printed_by: str = "", now: datetime | None = None) -> bytes:
    return render_report(report_document(data, printed_by=printed_by, now=now))


# --- ledgers --------------------------------------------------------------------------------------------------------


def yes(value) -> str:
    return "是" if value else "否"


LEDGER_TITLES = {"register": "投诉登记台帐", "pending": "未了事宜台帐", "notices": "整改通知书台帐",
                 "reconcile": "编号核对表"}

# column key, title, relative width in print, Excel width, formatter
LEDGER_COLUMNS = {
    "register": [
        ("number", "编号（登记号）", 2.9, 18, None), ("original_doc_no", "原件编号", 1.3, 14, None),
        ("received_at", "受理时间", 2.0, 17, None), ("kind", "类型", 0.9, 8, KIND),
        ("category", "类别", 1.2, 10, CATEGORY), ("channel", "渠道", 0.9, 10, CHANNEL),
        ("severity", "级别", 1.1, 10, SEVERITY), ("complainant", "投诉人", 1.1, 10, None),
        ("mobile", "手机", 1.6, 14, None), ("summary", "内容概要", 2.6, 30, None),
        ("accused_department", "被投诉部门", 1.4, 12, None), ("handler", "承办人", 1.1, 10, None),
        ("state", "状态", 1.4, 12, CASE_STATE), ("replied_at", "回复时间", 2.0, 17, None),
        ("closed_at", "结案时间", 2.0, 17, None), ("printed", "已打印", 0.8, 8, "count"),
        ("signed_returned", "签字返回", 1.0, 9, "bool"), ("filed", "已归档", 0.8, 8, "bool"),
    ],
    "pending": [
        ("number", "编号", 2.3, 18, None), ("since", "登记时间", 1.9, 17, None), ("reason", "未了原因", 3, 30, None),
        ("follow_up", "跟进日期", 1.5, 12, None), ("complainant", "客户", 1, 10, None),
        ("mobile", "手机", 1.6, 14, None), ("handler", "承办人", 1, 10, None),
        ("resumed_at", "恢复处理", 1.9, 17, None), ("state", "案件状态", 1.3, 12, CASE_STATE),
    ],
    "notices": [
        ("number", "通知书编号", 2.7, 20, None), ("case", "投诉编号", 2.5, 18, None),
        ("follows", "前次通知书", 2.4, 20, None), ("department", "责任部门", 1.2, 12, None),
        ("problem", "存在问题", 2.8, 30, None), ("issued_at", "下发时间", 1.9, 17, None),
        ("feedback_by", "反馈期限", 1.9, 17, None), ("feedback_at", "反馈时间", 1.9, 17, None),
        ("state", "状态", 1.2, 12, NOTICE_STATE), ("overdue", "超期", 0.7, 6, "bool"),
    ],
}
# print only the columns that fit a portrait page
PRINT_COLUMNS = {
    "register": ("number", "received_at", "kind", "category", "complainant", "summary", "accused_department",
                 "handler", "state", "closed_at", "signed_returned"),
    "pending": ("number", "since", "reason", "follow_up", "complainant", "handler", "resumed_at", "state"),
    "notices": ("number", "case", "department", "problem", "issued_at", "feedback_by", "state", "overdue"),
}


def cell(value, fmt) -> str:
    if fmt == "bool":
        return yes(value)
    if fmt == "count":
        return str(value or 0)
    if isinstance(fmt, dict):
        return fmt.get(value, value or "") if value else ""
    if value is None:
        return ""
    return str(value)


def ledger_document(kind: str, rows: list[dict], *, branch_name: str, printed_by: str = "",
                    now: datetime | None = None) -> LedgerDocument:
    columns = [c for c in LEDGER_COLUMNS[kind] if c[0] in PRINT_COLUMNS[kind]]
    meta = PrintMeta(number=f"LEDGER-{kind.upper()}", branch_name=branch_name, printed_at=_printed_at(now))
    return LedgerDocument(
        meta=meta, title=LEDGER_TITLES[kind], subtitle=f"{branch_name}　共 {len(rows)} 条",
        columns=[(c[1], c[2]) for c in columns],
        rows=[[cell(r.get(c[0]), c[4]) for c in columns] for r in rows],
        notes=["登记号即投诉处理单编号，与原件编号一一对应。"] if kind == "register" else [],
        signers=[("制表人", printed_by), ("审核人", "")],
    )


def ledger_pdf(kind: str, rows: list[dict], *, branch_name: str, printed_by: str = "",
               now: datetime | None = None) -> bytes:
    return render_ledger(ledger_document(kind, rows, branch_name=branch_name, printed_by=printed_by, now=now))


# --- the monthly statement ----------------------------------------------------------------------------------------

STATEMENT_COUNTS = (
    ("opened", "本月受理（编号）"), ("closed", "本月结案"), ("closed_abnormal", "本月非正常结案"),
    ("voided", "本月作废编号"), ("carried_over", "月末结转未结"), ("pending_matters", "其中未了事宜"),
    ("notices_issued", "本月下发整改通知书"),
)


def statement_document(statement: dict, *, printed_by: str = "", now: datetime | None = None) -> StatementDocument:
    counts = statement["counts"]
    rows = [(title, str(counts.get(key, 0))) for key, title in STATEMENT_COUNTS]
    rows.append(("编号范围", f"{statement.get('first_number') or '—'} 至 {statement.get('last_number') or '—'}"))
    closed = (f"月结：{statement['closed_by']}，{statement['closed_at'][:16].replace('T', ' ')}"
              if statement.get("closed_by") else "尚未月结（草稿，仅供核对）")
    meta = PrintMeta(number=f"{statement['branch']}-DZ-{statement['period']}", branch_name=statement["branch_name"],
                     printed_at=_printed_at(now))
    year, month = statement["period"].split("-")
    return StatementDocument(
        meta=meta, title="客户投诉月度对账单",
        subtitle=f"{statement['branch_name']}（{statement['branch']}）　{int(year)}年{int(month)}月",
        counts=rows, numbers=[(n["number"], CASE_STATE.get(n["state"], n["state"])) for n in statement["numbers"]],
        voided=[(v["number"], v["reason"]) for v in statement["voided_numbers"]],
        carried_over=list(statement["carried_over_numbers"]), notices=list(statement["notice_numbers"]),
        closed_line=closed, digest=statement["digest"],
        signers=[("制表人", printed_by), ("分公司负责人", ""), ("总部核对人", "")],
    )


def statement_pdf(statement: dict, *, printed_by: str = "", now: datetime | None = None) -> bytes:
    return render_statement(statement_document(statement, printed_by=printed_by, now=now))
