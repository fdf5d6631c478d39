"""Ledgers 台帐 and number reconciliation 编号核对 (docs/rules.md §2.6, R11).

- ``register_rows``: the complaint register 投诉登记台帐, one row per case; the register number is the slip
  number, shown next to the original document number 原件编号.
- ``pending_rows`` and ``reminder_list``: the pending-matters ledger 未了事宜台帐 and, due on the 4th of each
  month, the list of last month's pending matters whose customers are to be reminded.
- ``notice_rows``: the rectification ledger 整改通知书台帐, with state and deadline.
- ``reconcile``: for each series (slips, notices), branch and year, the range issued, the numbers used, the
  numbers voided with their reasons, the gaps (numbers issued but neither used nor voided: there must be none),
  and the paper status of every slip (printed, signed copy returned, filed, scans attached).
- ``set_paper_status`` and ``attach_paper``: what the desk records about the signed paper.

These functions read within the caller's transaction; ``app.services.reports`` wraps them with permissions.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from app import i18n
from app.records import readable
from app.rules import access, numbering, policy as policy_module
from app.records.safefile import write_atomically
from app.errors import InvalidInput, NotFound
from app.paths import data_dir
from models import (
    Branch, Case, NumberSeries, PaperAttachment, PaperStatus, PendingMatter, PrintRecord, RectificationNotice, User,
    VoidedNumber,
)
from models.entities import utcnow

i18n.register({
    "No slip numbered {number}.": "没有编号为 {number} 的单据。",
    "There is no file {path} to attach.": "要附加的文件 {path} 不存在。",
    "The file is empty.": "文件为空。",
    "The file is larger than {limit} MB.": "文件超过 {limit} MB。",
})

REMINDER_DAY = 4  # docs/rules.md §2.6: on the 4th, last month's pending matters are due for customer reminders
MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024
TIME = "%Y-%m-%d %H:%M"
SERIES_LABEL = {"case": "投诉处理单", "notice": "整改通知书", "legacy": "旧台帐导入"}


def _zone() -> ZoneInfo:
    return ZoneInfo(policy_module.load_policy().timezone)


def _local_time(moment: datetime | None, zone: ZoneInfo, fmt: str = TIME) -> str:
    return moment.astimezone(zone).strftime(fmt) if moment else ""


def paper_status_map(numbers: list[str], document: str = "slip") -> dict[str, dict]:
    """For each number: printed copies, signed copy returned, filed, scans attached."""
    out = {n: {"printed": 0, "signed_returned_at": None, "filed_at": None, "location": "", "attachments": 0}
           for n in numbers}
    for start in range(0, len(numbers), 500):
        chunk = numbers[start:start + 500]
        for p in PrintRecord.select(PrintRecord.number).where(
                (PrintRecord.document == document) & PrintRecord.number.in_(chunk)):
            out[p.number]["printed"] += 1
        for s in PaperStatus.select().where((PaperStatus.document == document) & PaperStatus.number.in_(chunk)):
            out[s.number].update(signed_returned_at=s.signed_returned_at, filed_at=s.filed_at, location=s.location)
        for a in PaperAttachment.select(PaperAttachment.number).where(
                (PaperAttachment.document == document) & PaperAttachment.number.in_(chunk)):
            out[a.number]["attachments"] += 1
    return out


# --- the complaint register 投诉登记台帐 ---------------------------------------------------------------------------


def register_rows(user: User, *, year: int | None = None, start: datetime | None = None,
                  end: datetime | None = None) -> list[dict]:
    """One row per case the user may see, in number order; personal data masked for those who do not handle it."""
    zone = _zone()
    query = access.visible_cases(user)
    if year:
        query = query.where(Case.year == int(year))
    if start:
        query = query.where(Case.received_at >= start)
    if end:
        query = query.where(Case.received_at < end)
    query = query.order_by(Case.year, Case.seq, Case.number)  # at headquarters, branches share (year, seq)
    paper = paper_status_map([number for (number,) in query.clone().select(Case.number).tuples()])
    handlers = {u.id: u.display_name for u in User.select(User.id, User.display_name)}

    def row(c: Case) -> dict:
        p = paper[c.number]
        return {
            "number": c.number, "register_no": c.number, "original_doc_no": c.original_doc_no,
            "received_at": _local_time(c.received_at, zone), "kind": c.kind, "channel": c.channel, "origin": c.origin,
            "category": c.category, "severity": c.severity or "",
            **access.personal(user, c, complainant=c.complainant_name, mobile=c.mobile),
            "summary": c.summary or c.reason, "accused_department": c.accused_department,
            "handler": handlers.get(c.handler_id, ""), "receiver": handlers.get(c.receiver_id, ""),
            "state": c.state, "round": c.round,
            "established": None if c.established is None else bool(c.established),
            "reply_by": _local_time(c.reply_by, zone), "replied_at": _local_time(c.replied_at, zone),
            "closed_at": _local_time(c.closed_at, zone),
            "void_reason": c.void_reason, "printed": p["printed"],
            "signed_returned": p["signed_returned_at"] is not None, "filed": p["filed_at"] is not None,
        }

    # a case that cannot be read is listed as such (its number, state "unreadable", why), never stops the register
    return [unreadable_row(item, "register") if isinstance(item, readable.Unreadable) else item
            for item in readable.each(query, Case.number, convert=row)]


UNREADABLE_ROWS = {
    "register": ("number", "register_no", "original_doc_no", "received_at", "kind", "channel", "origin", "category",
                 "severity", "complainant", "mobile", "summary", "accused_department", "handler", "receiver", "state",
                 "round", "established", "reply_by", "replied_at", "closed_at", "void_reason", "printed",
                 "signed_returned", "filed"),
    "pending": ("number", "round", "since", "reason", "follow_up", "resumed_at", "open", "state", "handler",
                "recorded_by", "complainant", "mobile", "summary"),
    "notices": ("number", "case", "follows", "department", "problem", "issued_at", "issued_by", "feedback_by",
                "feedback_at", "feedback_person", "state", "verified_at", "verified_by", "verification_comment",
                "overdue"),
}


def unreadable_row(item: "readable.Unreadable", kind: str) -> dict:
    """The row of a ledger for a record that cannot be read: its number, state "unreadable" and why."""
    out = {key: "" for key in UNREADABLE_ROWS[kind]}
    out.update(number=item.label, state="unreadable", unreadable=item.message())
    if "register_no" in out:
        out["register_no"] = item.label
    out["summary" if kind != "notices" else "problem"] = item.message()
    for key in ("established", "round"):
        if key in out:
            out[key] = None
    for key in ("printed", "signed_returned", "filed", "open", "overdue"):
        if key in out:
            out[key] = False
    return out


# --- pending matters 未了事宜台帐 ----------------------------------------------------------------------------------


def pending_rows(user: User, *, open_only: bool = False) -> list[dict]:
    zone = _zone()
    visible = {c.id: c for c in readable.each(access.visible_cases(user).where(
        Case.id.in_(PendingMatter.select(PendingMatter.case))), Case.number) if not isinstance(c, readable.Unreadable)}
    query = PendingMatter.select().where(PendingMatter.case.in_(list(visible)) if visible else PendingMatter.id < 0)
    if open_only:
        query = query.where(PendingMatter.resumed_at.is_null())
    names = {u.id: u.display_name for u in User.select(User.id, User.display_name)}

    def row(m: PendingMatter) -> dict:
        c = visible[m.case_id]
        return {
            "number": c.number, "round": m.round, "since": _local_time(m.at, zone), "reason": m.reason,
            "follow_up": m.follow_up.isoformat() if isinstance(m.follow_up, date) else str(m.follow_up),
            "resumed_at": _local_time(m.resumed_at, zone), "open": m.resumed_at is None, "state": c.state,
            "handler": names.get(c.handler_id, ""), "recorded_by": names.get(m.by_id, ""),
            **access.personal(user, c, complainant=c.complainant_name, mobile=c.mobile),
            "summary": c.summary or c.reason,
        }

    query = query.order_by(PendingMatter.at, PendingMatter.id)
    return [unreadable_row(item, "pending") if isinstance(item, readable.Unreadable) else item
            for item in readable.each(query, convert=row)]


def reminder_list(user: User, *, today: date | None = None) -> dict:
    """Last month's pending matters still unresolved: the customers to remind, due on the 4th of this month."""
    zone = _zone()
    today = today or utcnow().astimezone(zone).date()
    first = today.replace(day=1)
    last_month_start = (first - timedelta(days=1)).replace(day=1)
    start = datetime(last_month_start.year, last_month_start.month, 1, tzinfo=zone)
    end = datetime(first.year, first.month, 1, tzinfo=zone)
    due = today.replace(day=REMINDER_DAY)
    rows = [r for r in pending_rows(user, open_only=True)
            if r["since"] and datetime.strptime(r["since"], TIME).replace(tzinfo=zone) < end]
    # pending during last month: recorded before its end and still open now
    return {"month": f"{last_month_start.year:04d}-{last_month_start.month:02d}", "due": due.isoformat(),
            "status": "overdue" if today > due else ("due_today" if today == due else "due"),
            "from": start.isoformat(timespec="seconds"), "rows": rows}


# --- rectification ledger 整改通知书台帐 ---------------------------------------------------------------------------


def notice_rows(user: User, *, year: int | None = None, now: datetime | None = None) -> list[dict]:
    zone = _zone()
    now = now or utcnow()
    visible_ids = access.visible_cases(user).select(Case.id)
    query = (RectificationNotice.select(RectificationNotice, Case.number)
             .join(Case).where(RectificationNotice.case.in_(visible_ids)))
    if year:
        query = query.where(RectificationNotice.year == int(year))
    names = {u.id: u.display_name for u in User.select(User.id, User.display_name)}
    follows = {n.id: n.number for n in RectificationNotice.select(RectificationNotice.id, RectificationNotice.number)}

    def row(n: RectificationNotice) -> dict:
        overdue = (n.feedback_at is None and n.feedback_by < now) or (
            n.feedback_at is not None and n.feedback_at > n.feedback_by)
        return {
            "number": n.number, "case": n.case.number, "follows": follows.get(n.follows_id, ""),
            "department": n.department, "problem": n.problem, "issued_at": _local_time(n.issued_at, zone),
            "issued_by": names.get(n.issued_by_id, ""), "feedback_by": _local_time(n.feedback_by, zone),
            "feedback_at": _local_time(n.feedback_at, zone), "feedback_person": n.feedback_person, "state": n.state,
            "verified_at": _local_time(n.verified_at, zone), "verified_by": names.get(n.verified_by_id, ""),
            "verification_comment": n.verification_comment, "overdue": overdue,
        }

    query = query.order_by(RectificationNotice.year, RectificationNotice.seq, RectificationNotice.number)
    return [unreadable_row(item, "notices") if isinstance(item, readable.Unreadable) else item
            for item in readable.each(query, RectificationNotice.number, convert=row)]


# --- number reconciliation 编号核对 --------------------------------------------------------------------------------


def _ranges(seqs: list[int]) -> list[list[int]]:
    """[1,2,3,7,9,10] -> [[1,3],[7,7],[9,10]]"""
    out: list[list[int]] = []
    for s in sorted(seqs):
        if out and s == out[-1][1] + 1:
            out[-1][1] = s
        else:
            out.append([s, s])
    return out


def reconcile(*, year: int | None = None, branch_code: str | None = None, paper: bool = True) -> list[dict]:
    """Every number of every series accounted for, per branch and year (R11)."""
    zone = _zone()
    keys: set[tuple[str, str, int]] = set()
    series_rows = NumberSeries.select()
    if year:
        series_rows = series_rows.where(NumberSeries.year == int(year))
    if branch_code:
        series_rows = series_rows.where(NumberSeries.branch_code == branch_code)
    last_of = {}
    for row in series_rows:
        keys.add((row.branch_code, row.series, row.year))
        last_of[(row.branch_code, row.series, row.year)] = row.last
    used: dict[tuple, dict[int, object]] = {}
    for model, series in ((Case, "case"), (RectificationNotice, "notice")):
        query = model.select(model.id, model.number, model.year, model.seq, Branch.code).join(Branch)
        if model is Case:
            query = query.select_extend(Case.state, Case.kind)
        if year:
            query = query.where(model.year == int(year))
        if branch_code:
            query = query.where(Branch.code == branch_code)
        for r in query:
            if r.seq < 0:  # a case brought in from an old register: its own series (app.services.legacy)
                key = (r.branch.code, "legacy", r.year)
                keys.add(key)
                used.setdefault(key, {})[-r.seq] = r
                continue
            key = (r.branch.code, series, r.year)
            keys.add(key)
            used.setdefault(key, {})[r.seq] = r
    voided: dict[tuple, dict[int, VoidedNumber]] = {}
    vq = VoidedNumber.select()
    if year:
        vq = vq.where(VoidedNumber.year == int(year))
    if branch_code:
        vq = vq.where(VoidedNumber.branch_code == branch_code)
    for v in vq:
        key = (v.branch_code, v.series, v.year)
        keys.add(key)
        voided.setdefault(key, {})[v.seq] = v
    out = []
    for key in sorted(keys):
        code, series, yr = key
        last = last_of.get(key, 0)
        records = used.get(key, {})
        voids = voided.get(key, {})
        top = max([last, *records.keys(), *voids.keys()] or [0])
        live = {s: r for s, r in records.items() if s not in voids and getattr(r, "state", "") != "voided"}
        void_rows = []
        for s in sorted(voids):
            v = voids[s]
            void_rows.append({"number": v.number, "reason": v.reason, "by": v.voided_by,
                              "at": _local_time(v.voided_at, zone), "record_kept": s in records})
        # a voided case without its VoidedNumber row still accounts for the number, but is reported
        unregistered_voids = sorted(r.number for s, r in records.items()
                                    if getattr(r, "state", "") == "voided" and s not in voids)
        missing = [s for s in range(1, top + 1) if s not in records and s not in voids]
        beyond = sorted(s for s in set(records) | set(voids) if s > last)
        fmt = lambda s: numbering.format_number(series, code, yr, s)  # noqa: E731
        entry = {
            "branch": code, "series": series, "series_label": SERIES_LABEL.get(series, series), "year": yr,
            "issued": {"first": fmt(1) if last else None, "last": fmt(last) if last else None, "count": last},
            "used": {"count": len(live), "numbers": [fmt(s) for s in sorted(live)]},
            "voided": {"count": len(void_rows), "numbers": void_rows},
            "gaps": [{"from": fmt(a), "to": fmt(b), "count": b - a + 1} for a, b in _ranges(missing)],
            "gap_count": len(missing),
            "beyond_last_issued": [fmt(s) for s in beyond],
            "voided_without_record": unregistered_voids,
            "ok": not missing and not beyond and not unregistered_voids,
        }
        if paper and series == "case":
            numbers = [fmt(s) for s in sorted(live)]
            status = paper_status_map(numbers)
            kinds = {fmt(s): getattr(r, "kind", "") for s, r in live.items()}
            slips = []
            for number in numbers:
                p = status[number]
                slips.append({"number": number, "printed": p["printed"] > 0, "copies": p["printed"],
                              "signed_returned": p["signed_returned_at"] is not None,
                              "filed": p["filed_at"] is not None, "attachments": p["attachments"],
                              "location": p["location"], "report": kinds.get(number) == "report"})
            entry["paper"] = {
                "printed": sum(1 for s in slips if s["printed"]),
                "not_printed": [s["number"] for s in slips if not s["printed"]],
                "unsigned": [s["number"] for s in slips if s["printed"] and not s["signed_returned"]],
                "not_filed": [s["number"] for s in slips if s["signed_returned"] and not s["filed"]],
                "slips": slips,
            }
        out.append(entry)
    return out


# --- the signed paper ----------------------------------------------------------------------------------------


def _numbered(document: str, number: str):
    number = (number or "").strip().upper()
    if document == "notice":
        found = RectificationNotice.get_or_none(RectificationNotice.number == number)
        return number, (found.case if found else None)
    found = readable.case_by_number(number)
    return number, found


def set_paper_status(user: User, number: str, *, document: str = "slip", signed_returned: bool | None = None,
                     filed: bool | None = None, location: str | None = None, note: str | None = None,
                     now: datetime | None = None) -> dict:
    number, case = _numbered(document, number)
    if case is None or not access.can_see(user, case):
        raise NotFound("No slip numbered {number}.", field="NUMBER", number=number)
    now = now or utcnow()
    row = PaperStatus.get_or_none((PaperStatus.document == document) & (PaperStatus.number == number))
    if row is None:
        row = PaperStatus(document=document, number=number)
    if signed_returned is not None:
        row.signed_returned_at = now if signed_returned else None
        row.signed_returned_by = user.username if signed_returned else ""
    if filed is not None:
        row.filed_at = now if filed else None
        row.filed_by = user.username if filed else ""
    if location is not None:
        row.location = location[:200]
    if note is not None:
        row.note = note[:2000]
    row.updated_at = now
    row.save()
    return paper_view(document, number)


def _reprint_due(document: str, number: str) -> bool:
    """The slip was printed, then the case's intake was corrected: the signed paper no longer says what the record
    says, so a reprint 补打 is due. (The history's order decides: both the print and the correction write a row.)"""
    from models import History

    if document != "slip":
        return False
    case = Case.get_or_none(Case.number == number)
    if case is None:
        return False
    rows = History.select(History.id, History.action).where(
        (History.entity_uuid == case.uuid) & History.action.in_(("print_slip", "correct")))
    last = {}
    for row in rows:
        last[row.action] = max(last.get(row.action, 0), row.id)
    return "print_slip" in last and last.get("correct", 0) > last["print_slip"]


def paper_view(document: str, number: str) -> dict:
    zone = _zone()
    row = PaperStatus.get_or_none((PaperStatus.document == document) & (PaperStatus.number == number))
    printed = PrintRecord.select().where((PrintRecord.document == document) & (PrintRecord.number == number)).count()
    attachments = [{"name": a.original_name, "stored": a.stored_name, "sha256": a.sha256, "size": a.size,
                    "by": a.attached_by, "at": _local_time(a.attached_at, zone)}
                   for a in PaperAttachment.select().where((PaperAttachment.document == document)
                                                           & (PaperAttachment.number == number))
                   .order_by(PaperAttachment.id)]
    return {
        "document": document, "number": number, "printed": printed, "reprint_due": _reprint_due(document, number),
        "signed_returned_at": _local_time(row.signed_returned_at, zone) if row else "",
        "filed_at": _local_time(row.filed_at, zone) if row else "", "location": row.location if row else "",
        "attachments": attachments,
    }


def data_folder() -> Path:
    """The folder of the open SQLite database, or the user's data folder for a server database."""
    from models import database

    path = getattr(database.obj, "database", None)
    if isinstance(path, str) and path and path != ":memory:" and "://" not in path:
        return Path(path).resolve().parent
    return data_dir()


def attachments_folder() -> Path:
    return data_folder() / "attachments"


def attach_paper(user: User, number: str, source: str | Path, *, document: str = "slip",
                 now: datetime | None = None) -> dict:
    """Copy a scan or photograph of the signed paper into the data folder and record it with its SHA-256."""
    number, case = _numbered(document, number)
    if case is None or not access.can_see(user, case):
        raise NotFound("No slip numbered {number}.", field="NUMBER", number=number)
    source = Path(source)
    if not source.is_file():
        raise InvalidInput("There is no file {path} to attach.", field="FILE", path=str(source))
    size = source.stat().st_size
    if size == 0:
        raise InvalidInput("The file is empty.", field="FILE")
    if size > MAX_ATTACHMENT_BYTES:
        raise InvalidInput("The file is larger than {limit} MB.", field="FILE", limit=MAX_ATTACHMENT_BYTES // 2**20)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    folder = attachments_folder() / number
    folder.mkdir(parents=True, exist_ok=True)
    suffix = "".join(ch for ch in source.suffix.lower() if ch.isalnum() or ch == ".")[:10]
    stored = f"{document}-{digest[:16]}{suffix}"
    target = folder / stored
    if not target.exists():
        write_atomically(target, source.read_bytes(), field="--attach")
    PaperAttachment.create(document=document, number=number, original_name=source.name[:200],
                           stored_name=f"{number}/{stored}", sha256=digest, size=size, attached_by=user.username,
                           attached_at=now or utcnow())
    return paper_view(document, number)


def verify_attachments() -> list[dict]:
    """Attachments whose file is missing or no longer has the recorded hash."""
    folder = attachments_folder()
    problems = []
    for a in PaperAttachment.select().order_by(PaperAttachment.id):
        path = folder / a.stored_name
        if not path.is_file():
            problems.append({"number": a.number, "stored": a.stored_name, "problem": "missing"})
        elif hashlib.sha256(path.read_bytes()).hexdigest() != a.sha256:
            problems.append({"number": a.number, "stored": a.stored_name, "problem": "changed"})
    return problems
