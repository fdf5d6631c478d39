"""Registers a branch already keeps 投诉登记台帐 / 未了事宜台帐 (Excel or CSV), read into case documents.

A register is read as a grid of cells (``read_table``: .xlsx, .xls, .csv in UTF-8 or GBK), merged cells
filled with their top-left value. Its header row is found below the title rows by the column names it knows
(``find_header``), each column mapped to a field of the case by the names offices use for it (``SYNONYMS``;
a mapping file overrides), and each data row turned into the case JSON of intake plus what the old register
knew of the outcome (``row_to_case``). Values are read the way offices type them: dates as 2024/3/5,
2024年3月5日, 2024-03-05 14:30 or Excel serial numbers; telephone numbers stored by Excel as numbers;
full-width digits. Nothing here touches the database.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from zoneinfo import ZoneInfo

from app import i18n
from app.errors import InvalidInput
from app.rules.values import FIRST_DATE as FIRST_DAY, LAST_DATE as LAST_DAY

i18n.register({
    "Cannot read {path}: {error}": "无法读取 {path}：{error}",
    "File not found: {path}": "找不到文件：{path}",
    "{path} is not a register this program can read: use an Excel file (.xlsx, .xls) or a CSV file.":
        "{path} 不是可读取的台帐文件：请使用 Excel 文件（.xlsx、.xls）或 CSV 文件。",
    "The workbook has no sheet named {sheet}; its sheets are: {sheets}.": "工作簿中没有名为“{sheet}”的工作表；现有工作表：{sheets}。",
    "The file is neither UTF-8 nor GBK text.": "文件既不是 UTF-8 也不是 GBK 编码的文本。",
    "No header row found in the first {rows} rows: the register needs column titles such as 投诉人, 联系电话, "
    "受理日期, 投诉内容 (or a mapping file).":
        "前 {rows} 行中找不到表头：台帐需要“投诉人”“联系电话”“受理日期”“投诉内容”等列名（或提供对应关系文件）。",
    "The mapping file names the column {column}, which the register does not have.":
        "对应关系文件中的列“{column}”在台帐中不存在。",
    "{target} is not a field a register column can fill.": "“{target}”不是台帐列可以对应的字段。",
    "The mapping's header row must be a row number from 1 to {rows}.": "对应关系中的表头行必须是 1 到 {rows} 之间的行号。",
    "is not a date (write it as 2024-03-05, 2024/3/5 or 2024年3月5日)": "不是日期（请写成 2024-03-05、2024/3/5 或 2024年3月5日）",
    "is not a real date": "不是有效日期",
    "{value} {problem}": "{value} {problem}",
    "was stored by Excel as {shown} and has lost its last digits: type the number again as text":
        "已被 Excel 存成 {shown}，后几位已丢失：请以文本格式重新输入号码",
    "is not understood ({value}): use one of {choices}": "无法识别（{value}）：请填写以下之一：{choices}",
    "is not a category of the policy ({value}): use one of {choices}, or map it in a mapping file":
        "不是当前政策中的类别（{value}）：请填写以下之一：{choices}，或在对应关系文件中对应",
    "is empty: give the content of the complaint": "为空：请填写投诉内容",
    "is not an amount": "不是金额",
    "The mapping file must be a JSON object with \"columns\", \"header_row\", \"defaults\", \"values\" or "
    "\"register\".": "对应关系文件必须是 JSON 对象，可含 columns、header_row、defaults、values、register。",
    # the fields a column can fill, as the preview and the messages name them
    "Old number": "原编号", "Received": "受理日期", "Complainant": "投诉人", "Mobile": "手机",
    "Phone": "联系电话", "Address": "地址", "Gender": "性别", "Plate number": "车牌号", "Claim number": "报案号",
    "Content": "投诉内容", "Summary": "内容概要", "Cause given": "投诉缘由", "Remedy wanted": "客户诉求",
    "Handling result": "处理结果", "Status": "状态", "Department complained about": "被投诉部门",
    "Person complained about": "被投诉人", "Category": "类别", "Kind": "性质", "Channel": "受理渠道",
    "Closed on": "结案日期", "Handler": "处理人", "Receiver": "受理人", "Original document number": "原件编号",
    "Amount": "涉及金额", "Cause found": "致诉原因", "Follow-up date": "跟进日期", "Pending reason": "未了原因",
    "Pending since": "转入未了日期",
    "(not imported)": "（不导入）",
    # the two registers a branch keeps
    "complaint register": "投诉登记台帐", "pending-matters register": "未了事宜台帐",
    "The mapping's register must be one of: {choices}.": "对应关系中的台帐种类必须是以下之一：{choices}。",
    "is empty: give the date to follow the matter up": "为空：请填写跟进日期",
    "is empty: give why the matter is still pending": "为空：请填写未了原因",
    "{value} is before the day received ({received})": "{value} 早于受理日期（{received}）",
    "{value} must lie between {first} and {last}": "{value} 必须在 {first} 至 {last} 之间",
})

HEADER_SCAN_ROWS = 30

# field -> (English label, the column names offices use for it, most usual first)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "old_no": ("Old number", ("编号", "序号", "登记号", "登记编号", "台帐编号", "台账编号", "投诉编号", "单号", "处理单编号",
                              "流水号", "No", "No.")),
    "received_at": ("Received", ("受理日期", "投诉日期", "日期", "受理时间", "投诉时间", "登记日期", "登记时间", "来访日期",
                                 "来电日期", "接诉日期", "时间")),
    "name": ("Complainant", ("投诉人", "客户姓名", "姓名", "投诉人姓名", "客户名称", "客户", "来访人", "来电人", "车主",
                             "投诉客户")),
    "mobile": ("Mobile", ("手机", "手机号", "手机号码", "移动电话")),
    "phone": ("Phone", ("联系电话", "电话", "联系方式", "电话号码", "固定电话", "客户电话", "来电号码")),
    "address": ("Address", ("地址", "住址", "联系地址", "客户地址")),
    "gender": ("Gender", ("性别",)),
    "plate_no": ("Plate number", ("车牌号", "车牌", "车牌号码")),
    "claim_no": ("Claim number", ("报案号", "案件号", "赔案号")),
    "content": ("Content", ("投诉内容", "问题描述", "内容", "投诉事项", "投诉问题", "反映问题", "事由", "投诉内容摘要",
                            "客户反映", "情况描述")),
    "summary": ("Summary", ("内容概要", "摘要", "概要")),
    "reason": ("Cause given", ("缘由", "投诉缘由", "投诉原因")),
    "desired_remedy": ("Remedy wanted", ("客户诉求", "诉求", "客户要求", "客户期望")),
    "result": ("Handling result", ("处理结果", "处理情况", "处理意见", "办理结果", "处理结果及回复", "解决情况", "处理措施",
                          "回复情况")),
    "status": ("Status", ("状态", "处理状态", "办理状态", "是否结案", "结案情况", "进度")),
    "accused_department": ("Department complained about", ("被投诉部门", "责任部门", "涉及部门", "所属部门", "部门")),
    "accused_person": ("Person complained about", ("被投诉人", "被投诉人姓名", "责任人", "被投诉员工")),
    "category": ("Category", ("类别", "投诉类别", "投诉类型", "分类", "问题类别", "问题分类", "类型")),
    "kind": ("Kind", ("性质", "事项性质", "来电性质", "事项类型")),
    "channel": ("Channel", ("受理渠道", "渠道", "投诉渠道", "来源", "投诉方式", "受理方式", "投诉途径")),
    "closed_at": ("Closed on", ("结案日期", "结案时间", "办结日期", "办结时间", "完成日期", "处理完成日期")),
    "handler": ("Handler", ("处理人", "承办人", "经办人", "跟进人", "负责人")),
    "receiver": ("Receiver", ("受理人", "登记人", "接待人", "填单人", "记录人")),
    "original_doc_no": ("Original document number", ("原件编号", "来函编号")),
    "amount": ("Amount", ("涉及金额", "金额", "涉案金额", "索赔金额")),
    "cause": ("Cause found", ("致诉原因", "原因分析")),
    "follow_up": ("Follow-up date", ("跟进日期", "预计完成日期", "预计完成时间", "计划完成日期", "预计解决日期",
                                     "承诺完成日期", "约定完成日期", "预约日期", "下次跟进日期", "跟进时间", "回访日期")),
    "pending_reason": ("Pending reason", ("未了原因", "未了事项", "未了事宜", "未结原因", "未了事由", "未了情况",
                                         "未办结原因", "未完成原因", "暂缓原因", "挂起原因", "待办事项", "遗留问题")),
    "pending_since": ("Pending since", ("转入日期", "转未了日期", "转入未了日期", "列入日期", "挂起日期", "暂缓日期")),
}

# the registers a branch keeps: 投诉登记台帐 (every complaint) and 未了事宜台帐 (the matters that cannot be finished now:
# why, since when, the date to follow up, who follows up). A pending-matters register is known by a column naming
# the pending reason (未了事项, 未了原因 ...) or a title row naming it; the mapping file's "register" says it outright.
REGISTERS = {"complaints": "complaint register", "pending": "pending-matters register"}
PENDING_TITLE_WORDS = ("未了事宜", "未了事项", "未了台帐", "未了台账", "未结事项")
# a pending-matters register names the person who follows up 责任人 (in the complaint register: the person complained
# about)
PENDING_COLUMNS = {"责任人": "handler", "负责人": "handler", "跟进人": "handler", "跟进责任人": "handler"}

KIND_WORDS = {"投诉": "complaint", "咨询": "inquiry", "建议": "suggestion", "求助": "help", "举报": "report"}
CHANNEL_WORDS = {
    "来访": "visit", "现场": "visit", "上门": "visit", "到店": "visit", "柜面": "visit", "前台": "visit",
    "电话": "phone", "来电": "phone", "热线": "phone", "400": "phone", "95": "phone",
    "来信": "letter", "信函": "letter", "信件": "letter", "传真": "fax",
    "邮件": "email", "电子邮件": "email", "email": "email",
    "网络": "online", "网上": "online", "微信": "online", "app": "online", "在线": "online", "网站": "online",
    "政府": "government", "12345": "government", "消协": "government", "信访": "government", "监管": "government",
    "银保监": "government", "12315": "government", "媒体": "media", "报社": "media", "电视": "media",
    "总部": "hq_referral", "集团": "hq_referral",
}
CATEGORY_WORDS = {
    "产品质量": "product_quality", "质量": "product_quality", "条款": "product_quality",
    "服务态度": "service_attitude", "态度": "service_attitude",
    "服务质量": "service_quality", "服务": "service_quality",
    "维修质量": "repair_quality", "维修": "repair_quality", "返修": "repair_quality",
    "时效延误": "delay", "时效": "delay", "延误": "delay", "拖延": "delay", "超时": "delay",
    "配件延误": "parts_delay", "配件": "parts_delay", "缺件": "parts_delay",
    "价格收费": "price", "价格": "price", "收费": "price", "费用": "price",
    "理赔": "claims", "赔付": "claims", "赔款": "claims", "安全": "safety", "其他": "other", "其它": "other",
}
CLOSED_WORDS = ("已结案", "结案", "已办结", "办结", "已处理", "处理完毕", "已完成", "完成", "已解决", "解决", "关闭",
                "已关闭", "已回复", "是", "closed", "done")
OPEN_WORDS = ("未结案", "未结", "处理中", "跟进中", "待处理", "未处理", "未了", "未解决", "未完成", "暂缓", "否",
              "进行中", "open")
GENDER_WORDS = {"男": "male", "女": "female", "先生": "male", "女士": "female", "male": "male", "female": "female"}
AMOUNT_LINE_WORDS = {"车险": "auto", "财产险": "property", "意健险": "accident_health", "维修": "repair"}
FOOTER_WORDS = ("合计", "总计", "制表", "审核", "填表", "负责人签字", "备注：", "说明：")


def field_label(name: str) -> str:
    return i18n.t(FIELDS[name][0]) if name in FIELDS else name


# --- reading the grid -----------------------------------------------------------------------------------------


@dataclass
class Table:
    """A sheet as rows of cell values (str, int, float, datetime or None), merged cells filled."""

    path: str
    sheets: list[str]
    sheet: str
    rows: list[list]
    encoding: str = ""


def _fill_merged(rows: list[list], ranges) -> None:
    """Every cell of a merged range takes the top-left cell's value (a date merged over the rows of one day)."""
    for top, left, bottom, right in ranges:  # 0-based, inclusive
        if top >= len(rows):
            continue
        value = rows[top][left] if left < len(rows[top]) else None
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= right:
                row.extend([None] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                row[c] = value


def _pick_sheet(names: list[str], wanted: str | None, path: str) -> str:
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    raise InvalidInput("The workbook has no sheet named {sheet}; its sheets are: {sheets}.", field="--sheet",
                       sheet=wanted, sheets="、".join(names))


def _read_workbook(path: Path, sheet: str | None) -> Table:
    """.xlsx, .xlsm, .xls (Excel 97-2003) and .ods through calamine: a register of 50,000 rows reads in well under
    a second. Dates come as datetimes, numbers as floats, empty cells as None."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    try:
        names = list(book.sheet_names)
        name = _pick_sheet(names, sheet, str(path))
        ws = book.get_sheet_by_name(name)
        rows = [[None if v == "" else v for v in r] for r in ws.to_python(skip_empty_area=False)]
        merged = getattr(ws, "merged_cell_ranges", None) or []
        _fill_merged(rows, [(top, left, bottom, right) for (top, left), (bottom, right) in merged])
        return Table(str(path), names, name, rows)
    finally:
        close = getattr(book, "close", None)
        if close is not None:
            close()


def decode_text(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without its mark) or, failing that, GBK (read as GB18030, its superset)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), ("utf-8" if encoding == "utf-8-sig" else "gbk")
        except UnicodeDecodeError:
            continue
    raise InvalidInput("The file is neither UTF-8 nor GBK text.", field="FILE")


def _read_csv(path: Path) -> Table:
    text, encoding = decode_text(path.read_bytes())
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    rows = [[(v if v.strip() else None) for v in r] for r in rows]
    return Table(str(path), [path.stem], path.stem, rows, encoding)


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    path = Path(path)
    if not path.exists():
        raise InvalidInput("File not found: {path}", field="FILE", path=str(path))
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
            return _read_workbook(path, sheet)
        if suffix in (".csv", ".txt"):
            return _read_csv(path)
    except InvalidInput:
        raise
    except OSError as exc:
        raise InvalidInput("Cannot read {path}: {error}", field="FILE", path=str(path), error=exc.strerror or exc) from None
    except Exception as exc:  # a damaged or disguised workbook: the readers raise their own kinds
        raise InvalidInput("Cannot read {path}: {error}", field="FILE", path=str(path),
                           error=f"{type(exc).__name__}: {exc}".splitlines()[0]) from None
    raise InvalidInput("{path} is not a register this program can read: use an Excel file (.xlsx, .xls) or a CSV "
                       "file.", field="FILE", path=str(path))


# --- the header and the mapping ---------------------------------------------------------------------------------


def _header_text(value) -> str:
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"[（(][^）)]*[）)]", "", text)  # 联系电话（必填） -> 联系电话
    return text.strip(":：*")


_SYNONYM_INDEX = [(syn, name) for name, (_, syns) in FIELDS.items() for syn in syns]
_EXACT = {syn.lower(): name for syn, name in _SYNONYM_INDEX}


def match_column(title) -> str | None:
    """The field a column title names: an exact synonym first, else the longest synonym the title contains."""
    text = _header_text(title)
    if not text:
        return None
    if text.lower() in _EXACT:
        return _EXACT[text.lower()]
    best = None
    for syn, name in _SYNONYM_INDEX:
        if len(syn) >= 2 and syn in text and (best is None or len(syn) > len(best[0])):
            best = (syn, name)
    return best[1] if best else None


def find_header(rows: list[list]) -> int | None:
    """The index of the header row: of the first rows, the one naming the most distinct known fields (two at least)."""
    best, best_score = None, 1
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = {match_column(v) for v in row if isinstance(v, str)} - {None}
        if len(fields) > best_score:
            best, best_score = i, len(fields)
    return best


@dataclass
class Mapping:
    header_row: int  # 0-based index into the table's rows
    headers: list[str]
    columns: dict[int, str]  # column index -> field
    defaults: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)  # field -> {word in the register: code}
    register: str = "complaints"  # which register the file is (REGISTERS)
    _index: dict | None = field(default=None, repr=False, compare=False)
    _titles: set | None = field(default=None, repr=False, compare=False)

    def column_of(self, name: str) -> int | None:
        if self._index is None or len(self._index) != len(self.columns):
            self._index = {target: index for index, target in self.columns.items()}
        return self._index.get(name)

    def positions(self) -> dict[str, int]:
        """{field: column index}"""
        self.column_of("")
        return self._index

    def titles(self) -> set[str]:
        if self._titles is None:
            self._titles = {_header_text(h) for h in self.headers if h}
        return self._titles

    def header_of(self, name: str) -> str:
        index = self.column_of(name)
        return self.headers[index] if index is not None else field_label(name)

    def as_json(self) -> dict:
        return {"register": self.register, "header_row": self.header_row + 1,
                "columns": {self.headers[i] or f"#{i + 1}": self.columns.get(i) for i in range(len(self.headers))},
                "defaults": dict(self.defaults), "values": {k: dict(v) for k, v in self.values.items()}}


def check_mapping_document(doc) -> dict:
    if not isinstance(doc, dict) or set(doc) - {"columns", "header_row", "defaults", "values", "register"}:
        raise InvalidInput("The mapping file must be a JSON object with \"columns\", \"header_row\", \"defaults\", "
                           "\"values\" or \"register\".", field="--map")
    if doc.get("register") is not None and doc["register"] not in REGISTERS:
        raise InvalidInput("The mapping's register must be one of: {choices}.", field="--map",
                           choices=", ".join(REGISTERS))
    return doc


def register_label(register: str) -> str:
    return i18n.t(REGISTERS.get(register, register))


def detect_register(rows: list[list], header_row: int, columns: dict[int, str]) -> str:
    """A pending-matters register 未了事宜台帐: a column naming the pending reason, or a title above the header that
    names the register; every other register is a complaint register."""
    if "pending_reason" in columns.values():
        return "pending"
    for row in rows[:header_row]:
        for value in row:
            if isinstance(value, str) and any(w in value for w in PENDING_TITLE_WORDS):
                return "pending"
    return "complaints"


def build_mapping(table: Table, override: dict | None = None) -> Mapping:
    """The header row and each column's field, found from the titles, with a mapping file's choices on top."""
    override = check_mapping_document(override or {})
    header = override.get("header_row")
    if header is not None:
        if isinstance(header, bool) or not isinstance(header, int) or not 1 <= header <= max(len(table.rows), 1):
            raise InvalidInput("The mapping's header row must be a row number from 1 to {rows}.", field="--map",
                               rows=len(table.rows))
        index = header - 1
    else:
        index = find_header(table.rows)
        if index is None:
            raise InvalidInput("No header row found in the first {rows} rows: the register needs column titles such "
                               "as 投诉人, 联系电话, 受理日期, 投诉内容 (or a mapping file).", field="FILE",
                               rows=HEADER_SCAN_ROWS)
    width = max((len(r) for r in table.rows[index:index + 200]), default=0)
    raw = list(table.rows[index]) + [None] * (width - len(table.rows[index]))
    headers = [("" if v is None else re.sub(r"\s+", " ", str(v)).strip()) for v in raw]
    columns: dict[int, str] = {}
    taken: set[str] = set()
    for i, title in enumerate(headers):
        name = match_column(title)
        if name and name not in taken:
            columns[i] = name
            taken.add(name)
    for title, target in (override.get("columns") or {}).items():
        positions = [i for i, h in enumerate(headers) if h == title or _header_text(h) == _header_text(title)]
        if not positions:
            raise InvalidInput("The mapping file names the column {column}, which the register does not have.",
                               field="--map", column=title)
        if target is not None and target not in FIELDS:
            raise InvalidInput("{target} is not a field a register column can fill.", field="--map", target=target)
        for i, current in list(columns.items()):
            if target is not None and current == target:
                del columns[i]
        if target is None:
            columns.pop(positions[0], None)
        else:
            columns[positions[0]] = target
    register = override.get("register") or detect_register(table.rows, index, columns)
    if register == "pending":  # 责任人 there is who follows the matter up, not the person complained about
        named = {_header_text(t) for t in (override.get("columns") or {})}
        for i, title in enumerate(headers):
            name = PENDING_COLUMNS.get(_header_text(title))
            if name and _header_text(title) not in named and name not in columns.values():
                columns[i] = name
    defaults = dict(override.get("defaults") or {})
    values = {k: dict(v) for k, v in (override.get("values") or {}).items() if isinstance(v, dict)}
    return Mapping(index, headers, columns, defaults, values, register)


# --- values as offices type them ---------------------------------------------------------------------------------


def _nfkc(value) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip()


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if (value.hour or value.minute) else value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


EXCEL_EPOCH = datetime(1899, 12, 30)
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
                   r"(?:[\sT]*(\d{1,2})\s*[:：时点]\s*(\d{1,2})?\s*分?(?:\s*[:：]\s*(\d{1,2})\s*秒?)?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def parse_date(value, zone: ZoneInfo) -> datetime:
    """A moment in local time from a date as offices type it; raises ``ValueError`` with the English reason."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=zone) if value.tzinfo is None else value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=zone)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # an Excel serial date (1900-01-01 .. 9999-12-31), a fraction for the time
            moment = EXCEL_EPOCH + timedelta(days=float(value))
            return moment.replace(microsecond=0, tzinfo=zone)
        raise ValueError("is not a date (write it as 2024-03-05, 2024/3/5 or 2024年3月5日)")
    text = _nfkc(value)
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return parse_date(float(text), zone)
    match = _DATE.match(text) or _COMPACT.match(text)
    if not match:
        raise ValueError("is not a date (write it as 2024-03-05, 2024/3/5 or 2024年3月5日)")
    y, m, d, hh, mm, ss = match.groups()
    try:
        return datetime(int(y), int(m), int(d), int(hh or 0), int(mm or 0), int(ss or 0), tzinfo=zone)
    except ValueError:
        raise ValueError("is not a real date") from None


class ValueProblem(ValueError):
    def __init__(self, message: str, **params):
        super().__init__(message)
        self.message = message
        self.params = params


_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+]?\d+$")


def parse_number_text(value) -> str:
    """A telephone number as text: Excel's numbers (13800138000.0), full-width digits, 1.38E+10 when whole."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise ValueProblem("must be text")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        raise ValueProblem("was stored by Excel as {shown} and has lost its last digits: type the number again as "
                           "text", shown=f"{value:.2E}")
    text = _nfkc(value)
    if _SCIENTIFIC.match(text):
        number = Decimal(text)
        digits = len(number.as_tuple().digits)
        whole = number.to_integral_value()
        if number != whole or digits < len(str(whole)):
            raise ValueProblem("was stored by Excel as {shown} and has lost its last digits: type the number again "
                               "as text", shown=text)
        return str(whole)
    if re.fullmatch(r"\d+\.0+", text):
        text = text.split(".")[0]
    return text


def clean_mobile(text: str) -> str:
    digits = re.sub(r"[\s\-()（）]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits


def looks_mobile(text: str) -> bool:
    return bool(re.fullmatch(r"1[3-9]\d{9}", clean_mobile(text)))


def parse_amount(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(Decimal(str(value)))
    text = _nfkc(value).replace(",", "").replace("，", "").replace("￥", "").replace("¥", "")
    factor = Decimal(1)
    if text.endswith("万元") or text.endswith("万"):
        factor, text = Decimal(10000), text.rstrip("元").rstrip("万")
    text = text.rstrip("元").strip()
    try:
        return str(Decimal(text) * factor)
    except InvalidOperation:
        raise ValueProblem("is not an amount") from None


def _word(value: str, table: dict, extra: dict | None) -> str | None:
    """The code a register's word stands for: the mapping's own words, a code, a label, then a word contained."""
    text = _nfkc(value)
    if extra and text in extra:
        return extra[text]
    if text in table.values():
        return text
    if text in table:
        return table[text]
    lowered = text.lower()
    best = None
    for word, code in table.items():
        if word.lower() in lowered and (best is None or len(word) > len(best[0])):
            best = (word, code)
    return best[1] if best else None


def status_closed(value, extra: dict | None = None) -> bool | None:
    text = _nfkc(value)
    if extra and text in extra:
        return extra[text] in ("closed", True, "已结案")
    if text in OPEN_WORDS:
        return False
    if text in CLOSED_WORDS:
        return True
    if any(w in text for w in ("未", "中", "待")):
        return False
    if any(w in text for w in ("结案", "办结", "完成", "解决", "关闭")):
        return True
    return None


# --- a row as a case ---------------------------------------------------------------------------------------------


@dataclass
class RowResult:
    row_no: int  # 1-based row number in the sheet, as Excel shows it
    document: dict | None = None  # the case JSON of intake
    outcome: dict = field(default_factory=dict)  # old number, closed, closed_at, result, handler ...
    problem: str | None = None  # why the row is refused, in the user's language, naming the column
    key: str = ""
    flat: dict | None = None  # the checked values for the case (the import fills it in)
    duplicate_of: int | None = None  # an earlier row of the same file that is the same case
    reference: bool = False  # a pending-matters row naming a case already here by its number, not a case of its own

    @property
    def ok(self) -> bool:
        return self.problem is None


def is_blank(row: list) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def is_footer(row: list, mapping: Mapping) -> bool:
    """A total, a signature line or a repeated header (a register printed over several pages), not a case."""
    filled = [v for v in row if v is not None and v != ""]
    if len(filled) > 3 and not (isinstance(filled[0], str) and _header_text(filled[0]) in mapping.titles()):
        return False  # the usual data row, decided without reading every cell
    cells = [t for t in (as_text(v) for v in filled) if t]
    if not cells:
        return True
    if len(cells) <= 3 and any(any(w in c for w in FOOTER_WORDS) for c in cells):
        return True
    titles = mapping.titles()
    if not any(c in titles for c in cells[:3]) and not any(_header_text(c) in titles for c in cells[:2]):
        return False
    return sum(1 for c in cells if _header_text(c) in titles) >= max(2, len(cells) // 2)


def data_rows(table: Table, mapping: Mapping):
    """(row number, cells) of every row below the header that holds a case."""
    for index in range(mapping.header_row + 1, len(table.rows)):
        row = table.rows[index]
        if is_blank(row) or is_footer(row, mapping):
            continue
        yield index + 1, row


def row_key(document: dict, outcome: dict) -> str:
    """What makes a row the same row when the register is imported again (also after it has been re-saved)."""
    person = document.get("complainant", {})
    parts = [outcome.get("old_no", ""), document.get("received_at", "")[:16], person.get("name", ""),
             person.get("mobile", "") or person.get("phone", ""), document.get("content", "")[:500]]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def row_to_case(row_no: int, row: list, mapping: Mapping, *, zone: ZoneInfo, categories: list[str]) -> RowResult:
    """The case JSON of intake for one register row, and what the register knew of its outcome. A value that
    cannot be read refuses the row, naming the column as the register titles it."""
    result = RowResult(row_no)

    positions = mapping.positions()

    def cell(name):
        index = positions.get(name)
        if index is None or index >= len(row):
            return None
        value = row[index]
        return None if isinstance(value, str) and not value.strip() else value

    def refuse(name, message, **params):
        result.problem = labelled(mapping.header_of(name), i18n.t(message, **params))
        return result

    def refuse_date(name, exc):
        return refuse(name, "{value} {problem}", value=text(name), problem=i18n.t(str(exc)))

    def text(name):
        return as_text(cell(name))

    pending_register = mapping.register == "pending"

    def outcome(document: dict | None, received_day: date | None, old_no: str) -> RowResult:
        """What the register knew of the row's outcome: closed or not, its result, and its pending matter."""
        closed = None
        if cell("status") is not None:
            closed = status_closed(cell("status"), mapping.values.get("status"))
            if closed is None:
                return refuse("status", "is not understood ({value}): use one of {choices}", value=text("status"),
                              choices="已结案、处理中")
        closed_at = None
        if cell("closed_at") is not None:
            try:
                closed_at = parse_date(cell("closed_at"), zone)
            except ValueError as exc:
                return refuse_date("closed_at", exc)
        if closed is None:  # no status column: a register closes a case by writing its result or its closing date
            closed = bool(closed_at or (text("result") and not pending_register))
        days = {}
        for name in ("follow_up", "pending_since"):
            days[name] = None
            if cell(name) is None:
                continue
            try:
                day = parse_date(cell(name), zone).date()
            except ValueError as exc:
                return refuse_date(name, exc)
            if not FIRST_DAY <= day <= LAST_DAY:
                return refuse(name, "{value} must lie between {first} and {last}", value=text(name),
                              first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat())
            if received_day is not None and day < received_day:
                return refuse(name, "{value} is before the day received ({received})", value=text(name),
                              received=received_day.isoformat())
            days[name] = day.isoformat()
        follow_up = days["follow_up"]
        # a pending matter 未了事宜: every row of a pending-matters register, and a row of any register that gives
        # the reason it is pending; it needs the reason and the date to follow it up, as the defer action does
        pending = pending_register or bool(text("pending_reason"))
        if pending:
            if not text("pending_reason"):
                return refuse("pending_reason", "is empty: give why the matter is still pending")
            if follow_up is None and not closed:
                return refuse("follow_up", "is empty: give the date to follow the matter up")
        result.document = document
        result.outcome = {
            "old_no": old_no, "closed": bool(closed),
            "closed_at": closed_at.isoformat(timespec="seconds") if closed_at else None,
            "result": text("result"), "cause": text("cause"), "handler": text("handler"),
            "receiver": text("receiver"), "status": text("status"), "follow_up": follow_up,
            "pending_reason": text("pending_reason"), "pending": pending, "pending_since": days["pending_since"],
        }
        if document is None:
            # a row of a pending-matters register that only names a case by its number (no day received): it
            # is laid on the case already here, found by that number (the import checks the dates against it)
            result.reference = True
            result.key = hashlib.sha256("\x1f".join(("reference", old_no, text("name"),
                                                      text("pending_reason"))).encode("utf-8")).hexdigest()
        else:
            result.key = row_key(document, result.outcome)
        return result

    defaults = mapping.defaults
    try:
        received = cell("received_at")
        if received is None and pending_register and cell("old_no") is not None:
            return outcome(None, None, _nfkc(text("old_no")))
        if received is None:
            return refuse("received_at", "is required")
        try:
            received_at = parse_date(received, zone)
        except ValueError as exc:
            return refuse_date("received_at", exc)
        numbers = {}
        for name in ("mobile", "phone"):
            try:
                numbers[name] = parse_number_text(cell(name))
            except ValueProblem as exc:
                return refuse(name, exc.message, **exc.params)
        mobile, phone = clean_mobile(numbers["mobile"]) if numbers["mobile"] else "", numbers["phone"]
        if not mobile and phone and looks_mobile(phone):
            mobile, phone = clean_mobile(phone), ""
        elif mobile and not looks_mobile(mobile) and not phone:
            mobile, phone = "", numbers["mobile"]  # a landline typed in the mobile column

        kind = defaults.get("kind", "complaint")
        if cell("kind") is not None:
            kind = _word(as_text(cell("kind")), KIND_WORDS, mapping.values.get("kind"))
            if kind is None:
                return refuse("kind", "is not understood ({value}): use one of {choices}", value=text("kind"),
                              choices="、".join(KIND_WORDS))
        channel = defaults.get("channel", "visit")
        if cell("channel") is not None:
            channel = _word(text("channel"), CHANNEL_WORDS, mapping.values.get("channel"))
            if channel is None:
                return refuse("channel", "is not understood ({value}): use one of {choices}", value=text("channel"),
                              choices="、".join(("来访", "电话", "来信", "传真", "电子邮件", "网络", "政府部门", "媒体",
                                                "总部")))
        category = defaults.get("category", "other")
        if cell("category") is not None:
            labels = _category_words(categories)
            category = _word(text("category"), labels, mapping.values.get("category"))
            if category is None or category not in categories:
                from app.rules.names import CATEGORY

                return refuse("category", "is not a category of the policy ({value}): use one of {choices}, or map it "
                                          "in a mapping file", value=text("category"),
                              choices="、".join(CATEGORY.get(c, c) for c in categories))
        gender = "unknown"
        if cell("gender") is not None:
            gender = _word(text("gender"), GENDER_WORDS, None) or "unknown"
        content = text("content") or text("summary") or text("reason")
        if not content and pending_register:  # a pending-matters register may only describe what is left to do
            content = text("pending_reason")
        if not content:
            return refuse("content", "is empty: give the content of the complaint")
        amount = None
        if cell("amount") is not None:
            try:
                value = parse_amount(cell("amount"))
            except ValueProblem as exc:
                return refuse("amount", exc.message)
            if value:
                amount = {"line": defaults.get("amount_line", "other"), "value": value}

        old_no = _nfkc(text("old_no")) if cell("old_no") is not None else ""
        original = text("original_doc_no")
        document = {
            "kind": kind, "origin": "routine", "channel": channel,
            "received_at": received_at.isoformat(timespec="seconds"),
            "complainant": {"name": text("name"), "gender": gender, "address": text("address"),
                            "mobile": mobile, "phone": phone},
            "category": category, "content": content, "summary": text("summary")[:200],
            "reason": text("reason")[:200], "claim_no": _nfkc(text("claim_no")), "plate_no": _nfkc(text("plate_no")),
            "accused_department": text("accused_department"), "accused_person": text("accused_person"),
            "desired_remedy": text("desired_remedy"),
            "original_doc_no": original if original and original != old_no else old_no,
        }
        if amount is not None:
            document["amount"] = amount

        return outcome(document, received_at.astimezone(zone).date(), old_no)
    except ValueProblem as exc:  # pragma: no cover - every reader above reports its own column
        result.problem = i18n.t(exc.message, **exc.params)
        return result


_CATEGORY_WORDS_OF: dict[tuple, dict] = {}


def _category_words(categories: list[str]) -> dict:
    key = tuple(categories)
    if key not in _CATEGORY_WORDS_OF:
        _CATEGORY_WORDS_OF[key] = _make_category_words(categories)
    return _CATEGORY_WORDS_OF[key]


def _make_category_words(categories: list[str]) -> dict:
    from app.rules.names import CATEGORY

    words = {label: code for code, label in CATEGORY.items() if code in categories}
    words.update({w: c for w, c in CATEGORY_WORDS.items() if c in categories})
    words.update({c: c for c in categories})
    return words


FIELD_OF_PATH = {
    "received_at": "received_at", "complainant.name": "name", "complainant.mobile": "mobile",
    "complainant.phone": "phone", "complainant.address": "address", "plate_no": "plate_no", "claim_no": "claim_no",
    "content": "content", "summary": "summary", "reason": "reason", "accused_department": "accused_department",
    "accused_person": "accused_person", "category": "category", "desired_remedy": "desired_remedy",
    "original_doc_no": "old_no", "amount.value": "amount", "channel": "channel", "kind": "kind",
}


def describe_refusal(exc: InvalidInput, mapping: Mapping) -> str:
    """An intake refusal of a row, naming the register's own column instead of the case JSON's field."""
    name = FIELD_OF_PATH.get(exc.field or "")
    if name == "mobile" and mapping.column_of("mobile") is None:
        name = "phone"
    params = {k: i18n.join(v) if isinstance(v, (list, tuple)) else v for k, v in exc.params.items()}
    text = i18n.t(exc.message, **params)
    return labelled(mapping.header_of(name), text) if name else exc.localized()


def labelled(column: str, text: str) -> str:
    """``column: reason`` the way the language writes it."""
    return f"{column}：{text}" if i18n.language() == "zh_CN" else f"{column}: {text}"
