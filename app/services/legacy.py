"""Import of the registers a branch kept before (投诉登记台帐, 未了事宜台帐) from Excel or CSV.

Each row is checked by the same rules as intake (``validate_case``); a refused row never stops the others and
is listed with its row number and reason (and written to an Excel file to be fixed and imported again). An
imported case keeps its old number visibly (as its original document number 原件编号) and takes a number of
its own series ``BRANCH-LS-YYYY-NNNNN``, so the slip series stays the paper slips' and reconciles. A row the
register closed comes in closed; an open row enters the workflow as accepted, with its deadlines. A row of the
pending-matters register (or any row giving why it is pending) becomes a real pending matter: the case deferred
as the defer action leaves it, with the reason and the follow-up date, its reply clock paused. Each case's
history names the file and row it came from. A row already imported (recognised by its key, also in a re-saved
file) is skipped, so the same file imported again changes nothing; a dry run does everything in a transaction
that is rolled back, and says what would happen.

The rows are written in batches of ``BATCH`` rows, one transaction each: an import stopped half-way keeps
what it wrote, and importing the file again adds the rest.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import peewee

from app import i18n
from app.errors import InvalidInput, NotAllowed
from app.exchange import registers
from app.records import history
from app.records import search  # noqa: F401 - registers the Case.save hook that keeps the search index current
from app.rules import classify as classification, deadlines, numbering, policy as policy_module, workflow
from app.rules.validation import validate_case
from app.services.actors import Actor, current_user
from app.services.setup import local_branch
from models import Case, LegacyImport, NumberSeries, PendingMatter, transaction
from models.entities import CASE_SAVE_HOOKS, utcnow

i18n.register({
    "Only an administrator may import a register.": "只有管理员可以导入旧台帐。",
    "already imported (row {row} of {source})": "已导入过（{source} 第 {row} 行）",
    "the same case as row {row} of this file": "与本文件第 {row} 行为同一案件",
    "the person complained about is you: another administrator must import this row":
        "被投诉人是您本人：此行须由其他管理员导入",
    "Row": "原行号", "Reason not imported": "未导入原因",
    "the old number {old} matches several cases ({numbers}): write the case's number in the register instead":
        "原编号 {old} 对应多个案件（{numbers}）：请在台帐中改填案件编号",
    "the case {number} is {state}: reopen it first if the matter is still pending":
        "案件 {number} {state}：如事项仍未了结，请先重新打开该案件",
    "already a pending matter (case {number})": "已是未了事宜（案件 {number}）",
    "no case with the number {old} is here: import the complaint register first, or give the day received":
        "本机没有编号为 {old} 的案件：请先导入投诉登记台帐，或填写受理日期",
    "finished in the register ({status}): nothing to add to case {number}":
        "台帐中已了结（{status}）：案件 {number} 无需补录",
})

BATCH = 2000  # rows per transaction
DEFER_MIN_ROWS = 5000


class _DryRun(Exception):
    """Raised at the end of a dry run so that its transaction is rolled back."""


def _policy_and_zone():
    policy = policy_module.load_policy()
    return policy, ZoneInfo(policy.timezone)


def _convert(table, mapping, policy, zone, *, now: datetime | None) -> list[registers.RowResult]:
    """Every data row as a case document checked by intake's rules, or refused with its reason."""
    out = []
    for row_no, row in registers.data_rows(table, mapping):
        result = registers.row_to_case(row_no, row, mapping, zone=zone, categories=policy.categories)
        if result.ok and not result.reference:
            try:
                result.flat = validate_case(result.document, categories=policy.categories, zone=policy.timezone,
                                            now=now)
            except InvalidInput as exc:
                result.problem = registers.describe_refusal(exc, mapping)
        out.append(result)
    return out


_last_read: dict = {}


def _read(path: str | Path, sheet: str | None):
    """The register's grid, read again only when the file or the sheet changed (the import window previews the
    same file after every change of the mapping, then imports it)."""
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, sheet)
    except OSError:
        key = None
    if key is not None and _last_read.get("key") == key:
        return _last_read["table"]
    table = registers.read_table(path, sheet)
    _last_read.clear()
    if key is not None:
        _last_read.update(key=key, table=table)
    return table


def preview_register(path: str | Path, *, sheet: str | None = None, mapping: dict | None = None,
                     rows: int = 20, now: datetime | None = None) -> dict:
    """What the import window shows before anything is written: the sheets, the header row found, each column
    with the field it fills, the first rows as the register has them and, for each, whether it would be
    imported or why not."""
    table = _read(path, sheet)
    found = registers.build_mapping(table, mapping)
    policy, zone = _policy_and_zone()
    sample, results = [], []
    for row_no, row in registers.data_rows(table, found):
        result = registers.row_to_case(row_no, row, found, zone=zone, categories=policy.categories)
        if result.ok and not result.reference:
            try:
                validate_case(result.document, categories=policy.categories, zone=policy.timezone, now=now)
            except InvalidInput as exc:
                result.problem = registers.describe_refusal(exc, found)
        sample.append({"row": row_no, "cells": [registers.as_text(v) for v in row[:len(found.headers)]],
                       "closed": result.outcome.get("closed") if result.ok else None,
                       "pending": bool(result.ok and result.outcome.get("pending") and not result.outcome["closed"]),
                       "follow_up": result.outcome.get("follow_up") if result.ok else None,
                       "problem": result.problem, "pending_on": None,
                       "key": result.key if result.ok else None, "imported_as": None})
        results.append(result)
        if len(sample) >= rows:
            break
    keys = [s["key"] for s in sample if s["key"]]
    if keys:
        keys += [_pending_key(k) for k in keys]
        with transaction():
            done = {li.key: li for li in LegacyImport.select().where(LegacyImport.key.in_(keys))}
            for s, result in zip(sample, results):
                if not s["key"]:
                    continue
                li = done.get(s["key"]) or done.get(_pending_key(s["key"]))
                if s["pending"] and _pending_key(s["key"]) not in done:
                    # a pending matter of a case already here is laid on that case
                    try:
                        case = _existing_case(result, done)
                        if case is not None and case.state != "deferred":
                            _check_deferrable(case, result, found, zone)
                            s["pending_on"] = case.number
                            continue
                    except InvalidInput as exc:
                        s["problem"], s["pending"] = exc.localized(), False
                        continue
                    if case is None and result.reference:
                        s["problem"], s["pending"] = registers.labelled(found.header_of("old_no"), i18n.t(
                            "no case with the number {old} is here: import the complaint register first, or give "
                            "the day received", old=result.outcome["old_no"])), False
                        continue
                    if case is not None:
                        s["imported_as"] = case.number
                        continue
                s["imported_as"] = li.case_number if li is not None else None
    return {
        "file": str(path), "sheets": table.sheets, "sheet": table.sheet, "encoding": table.encoding,
        "header_row": found.header_row + 1, "headers": found.headers, "register": found.register,
        "register_label": registers.register_label(found.register),
        "columns": [{"index": i, "header": h, "field": found.columns.get(i)} for i, h in enumerate(found.headers)],
        "fields": [{"field": name, "label": registers.field_label(name)} for name in registers.FIELDS],
        "mapping": found.as_json(), "sample": sample,
    }


def field_choices() -> list[tuple[str, str]]:
    """(field, label in the user's language) of every field a register column can fill."""
    return [(name, registers.field_label(name)) for name in registers.FIELDS]


@dataclass
class _Written:
    number: str
    closed: bool
    pending: bool = False


class _Repeats:
    """R1 ``repeat`` for a batch without one query per row: the open complaints stored for the batch's mobiles,
    plus the rows of the batch already written, as ``earlier_open_same_category`` would count them."""

    def __init__(self, mobiles):
        self.seen: dict[tuple[str, str], list[datetime]] = {}
        mobiles = sorted({m for m in mobiles if m})
        for start in range(0, len(mobiles), 500):
            query = (Case.select(Case.mobile, Case.category, Case.received_at)
                     .where(Case.mobile.in_(mobiles[start:start + 500]) & (Case.kind == "complaint")
                            & Case.state.not_in(workflow.CLOSED_STATES)))
            for c in query:
                self.seen.setdefault((c.mobile, c.category), []).append(c.received_at)

    def count(self, flat: dict) -> int:
        if not flat["mobile"]:
            return 0
        return sum(1 for at in self.seen.get((flat["mobile"], flat["category"]), ()) if at <= flat["received_at"])

    def add(self, flat: dict, state: str) -> None:
        if flat["mobile"] and flat["kind"] == "complaint" and state not in workflow.CLOSED_STATES:
            self.seen.setdefault((flat["mobile"], flat["category"]), []).append(flat["received_at"])


class _Numbers:
    """The legacy series of each year, taken for a whole batch and saved once (inside the batch's transaction)."""

    def __init__(self, branch_code: str):
        self.branch_code = branch_code
        self.rows: dict[int, NumberSeries] = {}

    def take(self, year: int) -> tuple[int, str]:
        row = self.rows.get(year)
        if row is None:
            row = NumberSeries.get_or_none((NumberSeries.branch_code == self.branch_code)
                                           & (NumberSeries.series == "legacy") & (NumberSeries.year == year))
            row = row or NumberSeries(branch_code=self.branch_code, series="legacy", year=year, last=0)
            self.rows[year] = row
        row.last += 1
        return row.last, numbering.format_number("legacy", self.branch_code, year, row.last)

    def save(self) -> None:
        for row in self.rows.values():
            row.save()


def _case_values(user, result, *, branch, policy, zone, repeats: _Repeats, numbers: _Numbers, now) -> dict:
    """The stored values of the case a checked row becomes, as ``register_case`` would make them, plus closure."""
    flat = result.flat
    outcome = result.outcome
    if flat["accused_person"] and workflow.is_accused(user, SimpleNamespace(
            accused_person=flat["accused_person"], accused_department=flat["accused_department"])):
        raise InvalidInput("the person complained about is you: another administrator must import this row")
    severity, reasons = classification.classify(flat, policy, earlier_open_same_category=repeats.count(flat))
    year = flat["received_at"].astimezone(zone).year
    seq, number = numbers.take(year)
    if outcome["closed"]:
        closed_at = datetime.fromisoformat(outcome["closed_at"]) if outcome["closed_at"] else flat["received_at"]
        extra = {"state": "closed", "closed_at": max(closed_at, flat["received_at"])}
    else:
        # an open row enters the workflow where a new case does: accepted, its deadlines counted from receipt
        extra = {"state": "accepted", **deadlines.intake_deadlines(flat["kind"], severity, flat["received_at"], policy)}
        if outcome.get("pending"):
            # a pending matter 未了事宜, as the defer action leaves it: deferred (resumed, it returns to accepted and
            # is assigned), the reply clock paused from the day it became pending with what was left of it (R3)
            since = _pending_since(outcome, flat["received_at"], zone)
            extra.update(state="deferred", state_before_defer="accepted",
                         **workflow.paused_reply_clock(flat["kind"], severity, extra.get("reply_by"), None, since,
                                                       policy))
    repeats.add(flat, extra["state"])
    return {"branch": branch.id, "number": number, "year": year, "seq": -seq, "receiver": user.id,
            "severity": severity, "major_reasons": reasons, "routed_to": classification.routed_to(flat["kind"]),
            "round": 1, "round_started_at": flat["received_at"], "created_at": now, "updated_at": now,
            "result": outcome["result"], "cause": outcome["cause"], **extra, **flat}


def _pending_since(outcome: dict, received_at: datetime, zone: ZoneInfo) -> datetime:
    """Since when a register's row is pending: the day the register gives (转入日期), else from receipt (the
    register does not say, so the whole reply clock is kept)."""
    if outcome.get("pending_since"):
        day = datetime.fromisoformat(outcome["pending_since"]).replace(tzinfo=zone)
        return max(day, received_at)
    return received_at


def _pending_matter(case_id: int, user, result: registers.RowResult, values: dict, zone: ZoneInfo) -> dict:
    """The pending matter 未了事宜 of a register's row, as ``defer`` records it: the reason and the follow-up date;
    a row the register closed has it resumed when the case closed."""
    outcome, flat = result.outcome, result.flat
    since = _pending_since(outcome, flat["received_at"], zone)
    follow_up = outcome["follow_up"] or values.get("closed_at", since).astimezone(zone).date().isoformat()
    closed = values["state"] == "closed"
    return {"case": case_id, "round": 1, "at": since, "by": user.id, "reason": outcome["pending_reason"],
            "follow_up": date.fromisoformat(follow_up), "resumed_at": max(values["closed_at"], since) if closed else None}


def _pending_key(key: str) -> str:
    """The key of a pending-matters row laid on a case already here (its own, so that the case's row keeps its)."""
    return hashlib.sha256(("pending\x1f" + key).encode("utf-8")).hexdigest()


def _existing_case(result: registers.RowResult, done: dict) -> Case | None:
    """The case a pending-matters row speaks of when it is already here: the same row imported before (from the
    complaint register), else the case whose old number (原件编号) or number the row's 编号 is."""
    if result.key in done:
        return Case.get_or_none(Case.number == done[result.key].case_number)
    old = result.outcome.get("old_no") or ""
    if not old:
        return None
    found = list(Case.select().where((Case.original_doc_no == old) | (Case.number == old.upper())).limit(5))
    if len(found) > 1:
        raise InvalidInput("the old number {old} matches several cases ({numbers}): write the case's number in the "
                           "register instead", old=old, numbers="、".join(c.number for c in found))
    return found[0] if found else None


# the states a case may be deferred from (workflow: investigating, approved; accepted for an old register's matter
# nobody has handled yet)
_DEFERRABLE = ("accepted", "investigating", "approved")


def _check_deferrable(case: Case, result: registers.RowResult, mapping, zone: ZoneInfo) -> None:
    """Whether a pending-matters row can be laid on ``case``: an open case not deferred already, and the row's
    dates not before the day the case was received (a row that named only the case's number was not checked)."""
    if case.state not in _DEFERRABLE:
        raise InvalidInput("the case {number} is {state}: reopen it first if the matter is still pending",
                           number=case.number, state=i18n.code_name("state", case.state))
    received_day = case.received_at.astimezone(zone).date()
    for name in ("follow_up", "pending_since"):
        value = result.outcome.get(name)
        if value and date.fromisoformat(value) < received_day:
            raise InvalidInput(registers.labelled(mapping.header_of(name), i18n.t(
                "{value} is before the day received ({received})", value=value, received=received_day.isoformat())))


def _defer_existing(user, case: Case, result: registers.RowResult, mapping, *, policy, zone, now) -> PendingMatter:
    """Lay a pending-matters row on a case already here, as ``defer`` does: the pending matter with its reason and
    follow-up date, the case deferred from the state it is in, its reply clock paused."""
    if workflow.is_accused(user, case):
        raise InvalidInput("the person complained about is you: another administrator must import this row")
    _check_deferrable(case, result, mapping, zone)
    outcome = result.outcome
    since = _pending_since(outcome, case.received_at, zone)
    matter = PendingMatter.create(case=case, round=case.round, at=since, by=user, reason=outcome["pending_reason"],
                                  follow_up=date.fromisoformat(outcome["follow_up"]))
    case.state_before_defer = case.state
    case.state = "deferred"
    for name, value in workflow.paused_reply_clock(case.kind, case.severity, case.reply_by, case.replied_at, since,
                                                   policy).items():
        setattr(case, name, value)
    case.updated_at = now
    case.save()
    return matter


def _insert_cases(values: list[dict]) -> list[int]:
    """Write the cases of a batch with one statement and index their text, as ``Case.save`` would one by one."""
    from app.exchange.importer import _take_change_numbers
    from models.entities import new_uuid

    db = Case._meta.database
    fields = [f for f in Case._meta.sorted_fields if f.name != "id"]
    defaults = Case._meta.defaults
    # the stored form of each value: text and whole numbers are stored as they are, the rest through the field
    plain = (peewee.CharField, peewee.TextField, peewee.IntegerField)
    convert = [None if type(f) in plain else f.db_value for f in fields]
    first_id = (Case.select(peewee.fn.MAX(Case.id)).scalar() or 0) + 1
    changes = iter(_take_change_numbers(len(values)))
    missing = object()
    plan = [(f.name, defaults.get(f, None), to_db) for f, to_db in zip(fields, convert)]
    rows = []
    for offset, item in enumerate(values):
        item = dict(item, uuid=new_uuid(), change_no=next(changes))
        row = [first_id + offset]
        for name, default, to_db in plan:
            value = item.get(name, missing)
            if value is missing:
                value = default() if callable(default) else default
            row.append(value if to_db is None or value is None else to_db(value))
        rows.append(row)
    columns = ", ".join(f'"{f.column_name}"' for f in [Case._meta.primary_key] + fields)
    marks = ", ".join(db.param for _ in range(len(fields) + 1))
    db.cursor().executemany(f'INSERT INTO "case" ({columns}) VALUES ({marks})', rows)
    ids = [first_id + i for i in range(len(values))]
    search.index_cases(ids, documents={i: search.document(v.get(name, "") for name in search.FIELDS)
                                       for i, v in zip(ids, values)})
    return ids


def _indexes_for(rows: int):
    """A register as large as a quarter of what is stored (the adoption of a branch's years of registers) loads
    with the register's secondary indexes built once at the end, as a large bundle import does; if the program
    stops before that, they are built at the next start."""
    import contextlib

    from models.db import deferred_indexes

    if rows < DEFER_MIN_ROWS or rows < Case.select().count() // 4:
        return contextlib.nullcontext()
    return deferred_indexes([Case])


def import_register(actor: Actor, path: str | Path, *, sheet: str | None = None, mapping: dict | None = None,
                    dry_run: bool = False, refused_out: str | Path | None = None, now: datetime | None = None,
                    progress=None) -> dict:
    """Import a register file; answer with what was (or, for a dry run, would be) imported, skipped and refused.

    ``refused_out``: where to write the refused rows as an Excel file (default: beside the register,
    ``NAME-未导入.xlsx``); nothing is written for a dry run or when no row is refused. ``progress(done, total)``
    is called after each batch."""
    with transaction():
        user = current_user(actor)
        if user.role != "admin":
            raise NotAllowed("Only an administrator may import a register.")
    path = Path(path)
    table = _read(path, sheet)
    found = registers.build_mapping(table, mapping)
    policy, zone = _policy_and_zone()
    moment = now or utcnow()
    results = _convert(table, found, policy, zone, now=moment)
    source = path.name
    total = len(results)

    # rows of this file that are the same case as an earlier row of it
    first_of: dict[str, int] = {}
    for r in results:
        if r.ok:
            if r.key in first_of:
                r.duplicate_of = first_of[r.key]
            else:
                first_of[r.key] = r.row_no

    imported: list[_Written] = []
    laid_on: list[_Written] = []  # cases already here that a pending-matters row made pending
    skipped: list[dict] = []
    refused = [r for r in results if not r.ok]

    def run_batch(batch, user):
        keys = [r.key for r in batch] + [_pending_key(r.key) for r in batch if r.outcome.get("pending")]
        done = {}
        for start in range(0, len(keys), 500):
            for li in LegacyImport.select().where(LegacyImport.key.in_(keys[start:start + 500])):
                done[li.key] = li
        branch = local_branch()
        repeats = _Repeats(r.flat["mobile"] for r in batch if r.flat and r.key not in done)
        numbers = _Numbers(branch.code)
        chosen, values = [], []
        for r in batch:
            if r.duplicate_of:
                skipped.append({"row": r.row_no, "reason": i18n.t("the same case as row {row} of this file",
                                                                  row=r.duplicate_of)})
                continue
            if r.outcome.get("pending") and _pending_key(r.key) not in done:
                # the pending matter of a case already here (its row of the complaint register imported before, or
                # a case this desk registered): laid on that case, never a second case
                try:
                    case = _existing_case(r, done)
                    if case is None and r.reference:
                        raise InvalidInput(registers.labelled(found.header_of("old_no"), i18n.t(
                            "no case with the number {old} is here: import the complaint register first, or give the "
                            "day received", old=r.outcome["old_no"])))
                    if case is not None:
                        if r.outcome["closed"]:
                            skipped.append({"row": r.row_no, "number": case.number, "reason": i18n.t(
                                "finished in the register ({status}): nothing to add to case {number}",
                                status=r.outcome["status"], number=case.number)})
                        elif case.state == "deferred":
                            skipped.append({"row": r.row_no, "number": case.number, "reason": i18n.t(
                                "already a pending matter (case {number})", number=case.number)})
                        else:
                            matter = _defer_existing(user, case, r, found, policy=policy, zone=zone, now=moment)
                            laid_on.append(_Written(case.number, False, True))
                            history.record(actor.username, "case", case.uuid, case.number, "defer", round=case.round,
                                           after={"state": "deferred",
                                                  "input": {"reason": matter.reason,
                                                            "follow_up": matter.follow_up.isoformat()},
                                                  "since": matter.at.isoformat(), "source": source,
                                                  "sheet": table.sheet, "row": r.row_no, "register": found.register,
                                                  **({"old_handler": r.outcome["handler"]}
                                                     if r.outcome["handler"] else {})})
                            LegacyImport.create(key=_pending_key(r.key), case_number=case.number, source=source,
                                                sheet=table.sheet, row_no=r.row_no, at=moment)
                        continue
                except InvalidInput as exc:
                    r.problem = exc.localized()
                    refused.append(r)
                    continue
            li = done.get(r.key) or done.get(_pending_key(r.key))
            if li is not None:
                skipped.append({"row": r.row_no, "number": li.case_number,
                                "reason": i18n.t("already imported (row {row} of {source})", row=li.row_no,
                                                 source=li.source)})
                continue
            try:
                values.append(_case_values(user, r, branch=branch, policy=policy, zone=zone, repeats=repeats,
                                           numbers=numbers, now=moment))
                chosen.append(r)
            except InvalidInput as exc:
                r.problem = exc.localized()
                refused.append(r)
        if not chosen:
            return
        numbers.save()
        if search.indexes_every_save_hook(CASE_SAVE_HOOKS):
            ids = _insert_cases(values)
            uuids = dict(Case.select(Case.id, Case.uuid).where(Case.id.in_(ids)).tuples()) if ids else {}
            uuid_of = [uuids[i] for i in ids]
        else:  # another save hook is registered: let each case's save run it
            created = [Case.create(**v) for v in values]
            ids, uuid_of = [c.id for c in created], [c.uuid for c in created]
        matters = {}
        for r, v, case_id in zip(chosen, values, ids):
            if r.outcome.get("pending"):
                matters[r.row_no] = PendingMatter.create(**_pending_matter(case_id, user, r, v, zone))
        entries = []
        for r, v, uuid in zip(chosen, values, uuid_of):
            detail = {"number": v["number"], "kind": v["kind"], "severity": v["severity"],
                      "major_reasons": v["major_reasons"], "state": v["state"], "source": source,
                      "sheet": table.sheet, "row": r.row_no, "old_number": r.outcome["old_no"],
                      "register": found.register}
            for key in ("status", "handler", "receiver", "result", "follow_up", "pending_reason"):
                if r.outcome.get(key):
                    detail[f"old_{key}"] = r.outcome[key]
            matter = matters.get(r.row_no)
            if matter is not None:
                detail["pending"] = {"reason": matter.reason, "follow_up": matter.follow_up.isoformat(),
                                     "since": matter.at.isoformat(), "resumed": matter.resumed_at is not None}
                if v.get("paused_at"):
                    detail["reply_remaining"] = v["reply_remaining"]
            entries.append({"actor": actor.username, "entity": "case", "entity_uuid": uuid, "ref": v["number"],
                            "action": "import", "round": 1, "after": detail})
            imported.append(_Written(v["number"], v["state"] == "closed", matter is not None))
        history.record_many(entries)
        db = LegacyImport._meta.database
        at = LegacyImport.at.db_value(moment)
        db.cursor().executemany(
            f'INSERT INTO "legacy_import" ("key", "case_number", "source", "sheet", "row_no", "at") VALUES '
            f'({", ".join(db.param for _ in range(6))})',
            [(key, v["number"], source, table.sheet, r.row_no, at) for r, v in zip(chosen, values)
             # a pending matter's row is known by both keys: imported again, it is not laid on its own case anew
             for key in ((r.key, _pending_key(r.key)) if r.row_no in matters else (r.key,))])

    candidates = [r for r in results if r.ok]
    try:
        if dry_run:
            with transaction():
                user = current_user(actor)
                run_batch(candidates, user)
                raise _DryRun
        with _indexes_for(len(candidates)):
            for start in range(0, len(candidates), BATCH):
                with transaction():
                    user = current_user(actor)
                    run_batch(candidates[start:start + BATCH], user)
                if progress is not None:
                    progress(min(start + BATCH, len(candidates)), len(candidates))
    except _DryRun:
        pass

    refused.sort(key=lambda r: r.row_no)
    refused_file = None
    if refused and not dry_run:
        refused_file = Path(refused_out) if refused_out else path.with_name(f"{path.stem}-未导入.xlsx")
        write_refused(refused_file, table, found, refused)
    numbers = [w.number for w in imported]
    return {
        "file": str(path), "sheet": table.sheet, "header_row": found.header_row + 1, "register": found.register,
        "columns": {found.headers[i]: name for i, name in sorted(found.columns.items())},
        "rows": total, "dry_run": dry_run,
        "imported": len(imported), "closed": sum(1 for w in imported if w.closed),
        "open": sum(1 for w in imported if not w.closed),
        "pending": sum(1 for w in imported if w.pending and not w.closed) + len(laid_on),
        "pending_on_existing": [w.number for w in laid_on],
        "numbers": {"first": numbers[0], "last": numbers[-1]} if numbers else None,
        "already_imported": len(skipped), "skipped_rows": skipped[:200],
        "refused": len(refused), "refused_rows": [{"row": r.row_no, "reason": r.problem} for r in refused],
        "refused_file": str(refused_file) if refused_file else None,
    }


def write_refused(target: Path, table, mapping, refused) -> None:
    """The refused rows as the register had them, under the same titles, with the row number and the reason:
    fixed, the file imports again as it is. Telephone and number columns are text, so Excel keeps them whole."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from app.records.safefile import write_atomically

    book = Workbook()
    sheet = book.active
    sheet.title = (table.sheet or "Sheet1")[:31]
    headers = [h or f"#{i + 1}" for i, h in enumerate(mapping.headers)]
    sheet.append(headers + [i18n.t("Row"), i18n.t("Reason not imported")])
    text_columns = {i for i, name in mapping.columns.items() if name in ("mobile", "phone", "old_no", "claim_no",
                                                                          "original_doc_no")}
    for r in refused:
        row = table.rows[r.row_no - 1]
        cells = []
        for i in range(len(headers)):
            value = row[i] if i < len(row) else None
            if i in text_columns and value is not None:
                value = registers.as_text(value)
            cells.append(value)
        sheet.append(cells + [r.row_no, r.problem])
    for i, width in enumerate([max(10, min(40, len(h) * 2 + 4)) for h in headers] + [8, 60], start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
        head = sheet.cell(row=1, column=i)
        head.font, head.fill = Font(bold=True), PatternFill("solid", fgColor="DDDDDD")
        if i - 1 in text_columns:
            for (c,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                c.number_format = "@"
    for (c,) in sheet.iter_rows(min_row=2, min_col=len(headers) + 2, max_col=len(headers) + 2):
        c.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    from io import BytesIO

    buffer = BytesIO()
    book.save(buffer)
    write_atomically(target, buffer.getvalue())
