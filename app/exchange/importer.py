"""Headquarters imports a branch's bundle 总部导入数据包, one transaction per bundle, and writes a signed receipt.

Checks, in order, before anything is decrypted or written: the file's structure and declared sizes, the
branch is enrolled, the Ed25519 signature with that branch's key, the format and schema versions, the bundle
was not imported before (then it is a no-op that only writes the receipt again), its sequence is newer than
the last one accepted from that branch (an older one is a replay and refused), then the payload hash, the
decryption and every entry's hash. Then, in one transaction, each record by uuid:

- unknown uuid: inserted;
- same content as stored (digest): skipped;
- same branch, newer change number: updated; older change number: skipped (never overwrites the newer);
- anything else (same change number with other content, a uuid from another branch or table, or a uuid of a
  record headquarters made itself, a unique number already used by another record): a conflict, kept whole in
  ``ExchangeConflict`` and never applied; records that refer to a conflicting record are conflicts too.

A record that claims another branch, a field the schema does not know, or a reference to a record headquarters
does not have refuse the whole bundle (rolled back, nothing changed).

How: first a fast pass, table by table in batches (``_BulkTable``: stored versions read with chunked IN lists,
inserts and updates with executemany, versions and the search index kept in bulk). A unique clash there rolls
the whole transaction back and a careful pass runs instead, record by record with a savepoint each, so that the
clash becomes a conflict kept aside instead of a failed bundle.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

import peewee

from app import __version__, i18n
from app import search  # imported cases are indexed for search (Case.save hook, or in bulk by _BulkTable)
from app.exchange import bundle, keys, rows
from app.exchange.bundle import BundleError
from app.exchange.common import kind_names, require_hq
import models
from models import History, User

i18n.register({
    "{file} comes from branch {branch}, which is not enrolled here: import that branch's enrolment file first.":
        "{file} 来自未登记的分支机构 {branch}：请先导入该机构的登记文件。",
    "{file} was made by a newer program (format {format}, schema {schema}): update Complaint Desk at headquarters first.":
        "{file} 由更新版本的程序生成（格式 {format}，结构 {schema}）：请先升级总部的投诉台程序。",
    "{file} is older than the last bundle imported from {branch} (sequence {sequence}, last {last}): it is a replay and is refused.":
        "{file} 比已从 {branch} 导入的最新数据包更旧（序号 {sequence}，最新 {last}）：视为重放，拒绝导入。",
    "{file} clashes with records already here and cannot be imported ({error}).":
        "{file} 与本库已有记录冲突，无法导入（{error}）。",
    "{file} contains a record of another branch ({table} {uuid}): it is refused.":
        "{file} 含有其他机构的记录（{table} {uuid}）：拒绝导入。",
    "{file} contains a {table} record that does not fit this program ({column}): it is refused.":
        "{file} 含有与本程序不符的 {table} 记录（{column}）：拒绝导入。",
    "{file} refers to a record headquarters does not have ({table}.{column} = {uuid}): ask the branch for a full export ('export --full').":
        "{file} 引用了总部没有的记录（{table}.{column} = {uuid}）：请分支机构做一次完整导出（export --full）。",
})

MAX_ROWS = 2_000_000
_HEX32 = re.compile(r"^[0-9a-f]{32}$")


def _header_checks(opened: bundle.Opened) -> dict:
    from models import SCHEMA_VERSION

    m = opened.manifest
    try:
        ok = (m["format"] == "complaint-desk-bundle" and isinstance(m["format_version"], int)
              and isinstance(m["schema_version"], int) and _HEX32.match(m["bundle_id"])
              and isinstance(m["sequence"], int) and m["sequence"] >= 1
              and all(isinstance(m[k][j], int) for k in ("changes", "history") for j in ("after", "to"))
              and isinstance(m["counts"], dict))
    except (KeyError, TypeError):
        ok = False
    if not ok:
        raise BundleError("{file} is damaged: its manifest cannot be read.", file=opened.file)
    if m["format_version"] > 1 or m["schema_version"] > SCHEMA_VERSION:
        raise BundleError("{file} was made by a newer program (format {format}, schema {schema}): update Complaint "
                          "Desk at headquarters first.", file=opened.file, format=m["format_version"],
                          schema=m["schema_version"])
    return m


def open_verified(path: str | Path):
    """Read the bundle, find its branch and check the signature and header. Returns (opened, peer)."""
    from models import ExchangePeer

    opened = bundle.read(path)
    bundle.expect_kind(opened, "data", kind_names())
    branch = opened.manifest.get("branch")
    code = branch.get("code") if isinstance(branch, dict) else None
    peer = ExchangePeer.get_or_none((ExchangePeer.code == str(code)) & (ExchangePeer.kind == "branch"))
    if peer is None:
        raise BundleError("{file} comes from branch {branch}, which is not enrolled here: import that branch's "
                          "enrolment file first.", file=opened.file, branch=str(code))
    bundle.verify(opened, keys.signing_public_from_hex(peer.signing_key), i18n.t("branch {code}", code=peer.code))
    _header_checks(opened)
    return opened, peer


def _tables(opened: bundle.Opened, files: dict[str, bytes]) -> dict[str, list[dict]]:
    known = rows.by_table_name()
    tables = {}
    for path, data in files.items():
        match = re.fullmatch(r"tables/([a-z_]+)\.json", path)
        if not match or match.group(1) not in known:
            raise BundleError("{file} contains a {table} record that does not fit this program ({column}): it is "
                              "refused.", file=opened.file, table=path, column="?")
        try:
            table = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise BundleError("{file} is damaged: its manifest cannot be read.", file=opened.file) from None
        if not isinstance(table, list) or not all(isinstance(r, dict) for r in table) or len(table) > MAX_ROWS:
            raise BundleError("{file} is damaged: its manifest cannot be read.", file=opened.file)
        if opened.manifest["counts"].get(match.group(1)) != len(table):
            raise BundleError("{file} is damaged: its content does not match the signed hashes; copy it again.",
                              file=opened.file)
        tables[match.group(1)] = table
    if any(count and name not in tables for name, count in opened.manifest["counts"].items()):
        raise BundleError("{file} is damaged: its content does not match the signed hashes; copy it again.",
                          file=opened.file)
    return tables


def _unusable_password(code: str) -> str:
    """Not a password hash at all, so nothing can match it: a branch's users never sign in at headquarters."""
    return f"!imported-from-{code}"


class _ChangeNumbers:
    """Change numbers for inserted records, taken from the database-wide counter in blocks: one counter update
    per block instead of one per record (on PostgreSQL, updating one row thousands of times in a transaction gets
    slower with every update). Numbers left in the last block are never used: change numbers may have gaps."""

    BLOCK = 500

    def __init__(self):
        self.next, self.last = 1, 0

    def take(self) -> int:
        from models import ChangeCounter

        if self.next > self.last:
            if not ChangeCounter.update(value=ChangeCounter.value + self.BLOCK).where(ChangeCounter.id == 1).execute():
                ChangeCounter.create(id=1, value=self.BLOCK)
            self.last = ChangeCounter.get_by_id(1).value
            self.next = self.last - self.BLOCK + 1
        number, self.next = self.next, self.next + 1
        return number

    def take_many(self, count: int) -> range:
        """``count`` consecutive change numbers, with one counter update."""
        from models import ChangeCounter

        if count <= 0:
            return range(0)
        if not ChangeCounter.update(value=ChangeCounter.value + count).where(ChangeCounter.id == 1).execute():
            ChangeCounter.create(id=1, value=count)
        last = ChangeCounter.get_by_id(1).value
        return range(last - count + 1, last + 1)


def _plain_save(model) -> bool:
    """True when saving ``model`` does nothing but take a change number (no hook of its own to run)."""
    return getattr(model, "save") is models.Record.save


class _Applier:
    """Applies one bundle's tables inside the import transaction and counts what happened to each record.
    ``careful``: one savepoint per record, so a unique clash becomes a conflict instead of failing the bundle."""

    def __init__(self, opened, peer, *, careful: bool = True):
        self.opened, self.peer, self.file = opened, peer, opened.file
        self.careful = careful
        self.numbers = _ChangeNumbers()
        self.code = peer.code
        self.cache = rows.UuidCache()
        self.conflicted: set[str] = set()
        self.pending_conflicts: list[dict] = []
        self.counts = {"inserted": 0, "updated": 0, "identical": 0, "older": 0, "conflicts": 0}
        self.per_table: dict[str, dict] = {}

    def refuse_field(self, table, field):
        raise BundleError("{file} contains a {table} record that does not fit this program ({column}): it is refused.",
                          file=self.file, table=table, column=field)

    def conflict(self, table, row, reason):
        """Keep ``row`` aside, never applied (written with the table's other conflicts by ``write_conflicts``)."""
        self.pending_conflicts.append({"bundle_id": self.opened.manifest["bundle_id"], "branch_code": self.code,
                                       "table_name": table, "uuid": row["uuid"], "reason": reason, "incoming": row})
        self.conflicted.add(row["uuid"])
        self.count(table, "conflicts")

    def write_conflicts(self):
        from models import ExchangeConflict

        for chunk in rows.chunks(self.pending_conflicts, 100):
            ExchangeConflict.insert_many(chunk).execute()
        self.pending_conflicts = []

    def count(self, table, what, n: int = 1):
        if n:
            self.counts[what] += n
            self.per_table.setdefault(table, {}).setdefault(what, 0)
            self.per_table[table][what] += n

    def decode(self, model, table, row) -> dict:
        fields = rows.exchanged_fields(model)
        names = {f.name for f in fields}
        if set(row) != names:
            extra = sorted(set(row) ^ names)
            self.refuse_field(table, ", ".join(extra))
        if not isinstance(row.get("uuid"), str) or not _HEX32.match(row["uuid"]):
            self.refuse_field(table, "uuid")
        values = {}
        for field in fields:
            try:
                values[field.name] = rows.from_json_value(field, row[field.name])
            except rows.BadValue:
                self.refuse_field(table, field.name)
        return values

    def transform(self, model, row: dict) -> dict:
        """What headquarters stores: a branch's own flags are not headquarters' (``is_local``), and user names
        are prefixed with the branch code (every branch has its own 'admin')."""
        Branch, NumberSeries, VoidedNumber = models.Branch, models.NumberSeries, models.VoidedNumber
        row = dict(row)
        owner = self.peer.branch_uuid
        if model is Branch:
            if row.get("uuid") != owner or row.get("code") != self.code:
                self._foreign(row)
            row["is_local"] = False
            row["is_hq"] = False
        elif "branch" in row and row["branch"] != owner:
            self._foreign(row, rows.table_name(model))
        if model in (NumberSeries, VoidedNumber) and row.get("branch_code") != self.code:
            self._foreign(row, rows.table_name(model))
        if model is History:
            row["origin"] = self.code
        if model is User and isinstance(row.get("username"), str):
            row["username"] = f"{self.code}/{row['username']}"[:User.username.max_length]
        return row

    def _foreign(self, row, table="branch"):
        raise BundleError("{file} contains a record of another branch ({table} {uuid}): it is refused.",
                          file=self.file, table=table, uuid=str(row.get("uuid")))

    def resolve(self, model, table, values: dict, *, defer_self: bool) -> tuple[dict, bool, list]:
        """Foreign-key uuids to ids. Returns (values, depends_on_conflict, deferred self references)."""
        deferred = []
        for field in rows.exchanged_fields(model):
            if not isinstance(field, peewee.ForeignKeyField) or values[field.name] is None:
                continue
            target = values[field.name]
            if target in self.conflicted:
                return values, True, []
            if field.rel_model is model and defer_self:
                deferred.append((field.name, target))
                values[field.name] = None
                continue
            target_id = self.cache.id_of(field.rel_model, target)
            if target_id is None:
                raise BundleError("{file} refers to a record headquarters does not have ({table}.{column} = {uuid}): "
                                  "ask the branch for a full export ('export --full').", file=self.file, table=table,
                                  column=field.name, uuid=target)
            values[field.name] = target_id
        return values, False, deferred

    def apply_table(self, model, table_rows: list[dict]) -> None:
        if self.careful or not _bulk_writable(model):
            self.apply_table_record_by_record(model, table_rows)
        else:
            _BulkTable(self, model).apply(table_rows)
        self.write_conflicts()

    def apply_table_record_by_record(self, model, table_rows: list[dict]) -> None:
        from models import ExchangeVersion, database

        table = rows.table_name(model)
        decoded = []
        for row in table_rows:
            row = self.transform(model, row)
            decoded.append((row, self.decode(model, table, row)))
        uuids = [row["uuid"] for row, _ in decoded]
        if len(set(uuids)) != len(uuids):
            raise BundleError("{file} is damaged: its manifest cannot be read.", file=self.file)
        versions, present = {}, set()
        for start in range(0, len(uuids), 500):
            chunk = uuids[start:start + 500]
            versions.update({v.uuid: v for v in ExchangeVersion.select().where(ExchangeVersion.uuid.in_(chunk))})
            present.update(u for (u,) in model.select(model.uuid).where(model.uuid.in_(chunk)).tuples())
        pending_self, new_versions = [], []
        for row, values in decoded:
            uuid = row["uuid"]
            digest = rows.digest(row)
            number = 0 if model is History else row["change_no"]
            version = versions.get(uuid)
            if version is None:
                if uuid in present:
                    self.conflict(table, row, "local_record")
                    continue
                action = "insert"
            elif version.table_name != table or version.branch_code != self.code:
                self.conflict(table, row, "other_owner")
                continue
            elif version.digest == digest:
                self.count(table, "identical")
                continue
            elif model is History:
                self.conflict(table, row, "history_changed")
                continue
            elif number > version.change_no:
                action = "update"
            elif number < version.change_no:
                self.count(table, "older")
                continue
            else:
                self.conflict(table, row, "same_version_differs")
                continue
            values, blocked, deferred = self.resolve(model, table, values, defer_self=True)
            if blocked:
                self.conflict(table, row, "depends_on_conflict")
                continue
            if self.careful:
                try:
                    with database.obj.atomic():  # a savepoint: a unique clash is a conflict, not a failed bundle
                        row_id = self.write(model, action, uuid, values)
                except peewee.IntegrityError:
                    self.conflict(table, row, "unique_clash")
                    continue
            else:
                row_id = self.write(model, action, uuid, values)
            if version is None:
                new_versions.append({"uuid": uuid, "table_name": table, "branch_code": self.code,
                                     "change_no": number, "digest": digest})
            else:
                ExchangeVersion.update(change_no=number, digest=digest).where(ExchangeVersion.id == version.id).execute()
            self.cache.add(model, row_id, uuid)
            self.count(table, "inserted" if action == "insert" else "updated")
            if deferred:
                pending_self.append((row_id, deferred))
        for start in range(0, len(new_versions), 200):
            ExchangeVersion.insert_many(new_versions[start:start + 200]).execute()
        for row_id, deferred in pending_self:
            updates = {}
            for name, target in deferred:
                target_id = self.cache.id_of(model, target)
                if target_id is None:
                    raise BundleError("{file} refers to a record headquarters does not have ({table}.{column} = "
                                      "{uuid}): ask the branch for a full export ('export --full').", file=self.file,
                                      table=table, column=name, uuid=target)
                updates[getattr(model, name)] = target_id
            model.update(updates).where(model.id == row_id).execute()

    def write(self, model, action, uuid, values) -> int:
        if model is History:
            # inserted as written at the branch (its hash chain included), bypassing any save hook
            return History.insert(**values).execute()
        if action == "insert":
            if model is User:
                values.update(password_hash=_unusable_password(self.code), must_change_password=True, failed_sign_ins=0,
                              locked_until=None)
            if _plain_save(model):
                values["change_no"] = self.numbers.take()
                return model.insert(**values).execute()
            instance = model(**values)
            instance.save(force_insert=True)
            return instance.id
        instance = model.get(model.uuid == uuid)
        for name, value in values.items():
            setattr(instance, name, value)
        instance.save()
        return instance.id


def _bulk_writable(model) -> bool:
    """Whether records of ``model`` may be written without ``save()``: its save only takes a change number, or
    (cases) its save hooks only keep the search index, which the bulk writer keeps itself."""
    if model is History or _plain_save(model):
        return True
    return model is models.Case and search.indexes_every_save_hook(models.entities.CASE_SAVE_HOOKS)


def _column_list(columns) -> str:
    return ", ".join(f'"{name}"' for name in columns)


def _insert_rows(table: str, columns: list[str], values: list) -> None:
    """Insert many rows: executemany on SQLite, multi-row VALUES in chunks on PostgreSQL (one round trip each)."""
    db = models.database.obj
    head = f'INSERT INTO "{table}" ({_column_list(columns)}) VALUES '
    one = "(" + ", ".join(db.param for _ in columns) + ")"
    with peewee.__exception_wrapper__:
        cursor = db.cursor()
        if _sqlite():
            cursor.executemany(head + one, values)
        else:
            for chunk in rows.chunks(values, max(1, 30000 // len(columns))):
                cursor.execute(head + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])


def _update_rows(table: str, columns: list[str], values: list) -> None:
    """UPDATE of many rows by id: each entry of ``values`` is the new values of ``columns``, then the id."""
    db = models.database.obj
    assignments = ", ".join(f'"{name}" = {db.param}' for name in columns)
    with peewee.__exception_wrapper__:
        db.cursor().executemany(f'UPDATE "{table}" SET {assignments} WHERE "id" = {db.param}', values)


def _last_id(model) -> int:
    return model.select(peewee.fn.MAX(model.id)).scalar() or 0


def _ids_after(model, last_id: int) -> list[tuple[int, str]]:
    """(id, uuid) of the rows inserted after ``last_id`` was the last id."""
    return list(model.select(model.id, model.uuid).where(model.id > last_id).tuples())


class _BulkTable:
    """One table of a bundle applied in batches (the fast pass, no savepoint per record): every record checked and
    converted to stored values, the stored versions of all of them read with one query per IN_CHUNK uuids,
    classified in Python, then the new records inserted and the changed ones updated with executemany, their
    versions and the search index kept the same way. Same decisions as ``apply_table_record_by_record``."""

    def __init__(self, applier: _Applier, model):
        self.applier, self.model, self.table = applier, model, rows.table_name(model)
        self.converters = rows.stored_converters(model)
        self.names = [name for name, _ in self.converters]
        self.columns = [field.column_name for field in rows.exchanged_fields(model)]
        self.references = [(index, field) for index, field in enumerate(rows.exchanged_fields(model))
                           if isinstance(field, peewee.ForeignKeyField)]

    def apply(self, table_rows: list[dict]) -> None:
        checked = self.checked_records(table_rows)
        versions, present = self.stored_versions([row["uuid"] for row, _ in checked])
        to_write = self.resolve_references(self.classify(checked, versions, present))
        inserts = [record for record in to_write if record[0] == "insert"]
        updates = [record for record in to_write if record[0] == "update"]
        inserted = self.insert_records(inserts)
        updated = self.update_records(updates)
        self.record_versions(inserts, updates)
        self.link_self_references(inserts, inserted, updates, updated)
        self.applier.count(self.table, "inserted", len(inserts))
        self.applier.count(self.table, "updated", len(updates))

    def checked_records(self, table_rows: list[dict]) -> list[tuple[dict, list]]:
        """(the record as headquarters stores it, its stored values in field order); a record that does not fit
        refuses the bundle."""
        applier, model, table = self.applier, self.model, self.table
        names = set(self.names)
        out = []
        for row in table_rows:
            row = applier.transform(model, row)
            if row.keys() != names:
                applier.refuse_field(table, ", ".join(sorted(set(row) ^ names)))
            if not isinstance(row.get("uuid"), str) or not _HEX32.match(row["uuid"]):
                applier.refuse_field(table, "uuid")
            try:
                out.append((row, [convert(row[name]) for name, convert in self.converters]))
            except rows.BadValue as exc:
                applier.refuse_field(table, str(exc))
        return out

    def stored_versions(self, uuids: list[str]) -> tuple[dict, set]:
        """({uuid: (version id, table, branch, change number, digest)}, uuids here without a version)."""
        from models import ExchangeVersion as V

        if len(set(uuids)) != len(uuids):
            raise BundleError("{file} is damaged: its manifest cannot be read.", file=self.applier.file)
        versions = {uuid: rest for uuid, *rest in
                    rows.select_in(V, ["uuid", "id", "table_name", "branch_code", "change_no", "digest"], "uuid", uuids)}
        unversioned = [uuid for uuid in uuids if uuid not in versions]
        present = {uuid for (uuid,) in rows.select_in(self.model, ["uuid"], "uuid", unversioned)}
        return versions, present

    def classify(self, checked, versions: dict, present: set) -> list[list]:
        """[action, row, values, digest, version] of the records to write, in bundle order; the others are counted
        (identical, older) or kept aside as conflicts."""
        applier, table, is_history = self.applier, self.table, self.model is History
        out, identical, older = [], 0, 0
        for row, values in checked:
            uuid = row["uuid"]
            digest = rows.digest(row)
            number = 0 if is_history else row["change_no"]
            version = versions.get(uuid)
            if version is None:
                if uuid in present:
                    applier.conflict(table, row, "local_record")
                    continue
                action = "insert"
            else:
                version_id, version_table, version_branch, version_number, version_digest = version
                if version_table != table or version_branch != applier.code:
                    applier.conflict(table, row, "other_owner")
                    continue
                if version_digest == digest:
                    identical += 1
                    continue
                if is_history:
                    applier.conflict(table, row, "history_changed")
                    continue
                if number < version_number:
                    older += 1
                    continue
                if number == version_number:
                    applier.conflict(table, row, "same_version_differs")
                    continue
                action = "update"
            out.append([action, row, values, digest, version])
        applier.count(table, "identical", identical)
        applier.count(table, "older", older)
        return out

    def resolve_references(self, records: list[list]) -> list[list]:
        """Foreign-key uuids to ids (looked up for the whole table at once); a record referring to a conflict is a
        conflict too, one referring to a record headquarters does not have refuses the bundle. References to the
        same table are left for ``link_self_references``: each kept record gets its list of them appended."""
        applier, model, table = self.applier, self.model, self.table
        known = {}
        for index, field in self.references:
            if field.rel_model is not model:
                known[index] = applier.cache.ids_of(field.rel_model, {record[2][index] for record in records})
        kept = []
        for record in records:
            row, values = record[1], record[2]
            deferred, blocked = [], False
            for index, field in self.references:
                target = values[index]
                if target is None:
                    continue
                if target in applier.conflicted:
                    blocked = True
                    break
                if field.rel_model is model:
                    deferred.append((field.name, target))
                    values[index] = None
                    continue
                target_id = known[index].get(target)
                if target_id is None:
                    raise BundleError("{file} refers to a record headquarters does not have ({table}.{column} = "
                                      "{uuid}): ask the branch for a full export ('export --full').",
                                      file=applier.file, table=table, column=field.name, uuid=target)
                values[index] = target_id
            if blocked:
                applier.conflict(table, row, "depends_on_conflict")
                continue
            kept.append(record + [deferred])
        return kept

    def take_change_numbers(self, records) -> None:
        """Records get headquarters' own change numbers (a block of them) in place of the branch's."""
        if "change_no" in self.names:
            at = self.names.index("change_no")
            for record, number in zip(records, self.applier.numbers.take_many(len(records))):
                record[2][at] = number

    def insert_records(self, inserts: list[list]) -> dict:
        """Insert the new records; returns {uuid: id}."""
        if not inserts:
            return {}
        model, applier = self.model, self.applier
        self.take_change_numbers(inserts)
        columns, local = list(self.columns), []
        if model is User:  # a branch's users never sign in at headquarters
            columns += ["password_hash", "must_change_password", "failed_sign_ins", "locked_until"]
            local = [_unusable_password(applier.code), True, 0, None]
        last = _last_id(model)
        _insert_rows(self.table, columns, [record[2] + local for record in inserts])
        if model is History:  # nothing refers to history rows
            return {}
        ids = {}
        for row_id, uuid in _ids_after(model, last):
            applier.cache.add(model, row_id, uuid)
            ids[uuid] = row_id
        if model is models.Case:
            search.index_cases([ids[record[1]["uuid"]] for record in inserts])
        return ids

    def update_records(self, updates: list[list]) -> dict:
        """Write the newer versions over the stored records; returns {uuid: id}."""
        if not updates:
            return {}
        model = self.model
        ids = self.applier.cache.ids_of(model, [record[1]["uuid"] for record in updates])
        ids = {record[1]["uuid"]: ids[record[1]["uuid"]] for record in updates}
        self.take_change_numbers(updates)
        is_case = model is models.Case
        before = search.stored_documents(ids.values()) if is_case else None
        _update_rows(self.table, self.columns, [record[2] + [ids[record[1]["uuid"]]] for record in updates])
        if is_case:
            search.index_cases(list(ids.values()), replaced=before)
        return ids

    def record_versions(self, inserts: list[list], updates: list[list]) -> None:
        """What headquarters now holds of each written record: the branch's change number and the digest."""
        is_history, code = self.model is History, self.applier.code
        table = rows.table_name(models.ExchangeVersion)

        def number(row):
            return 0 if is_history else row["change_no"]

        _insert_rows(table, ["uuid", "table_name", "branch_code", "change_no", "digest"],
                     [(record[1]["uuid"], self.table, code, number(record[1]), record[3]) for record in inserts])
        _update_rows(table, ["change_no", "digest"],
                     [(number(record[1]), record[3], record[4][0]) for record in updates])

    def link_self_references(self, inserts, inserted: dict, updates, updated: dict) -> None:
        """References to records of the same table, once all of them are written (a user's supervisor, the
        notice a notice follows)."""
        model, applier = self.model, self.applier
        pending = [(ids[record[1]["uuid"]], record[5]) for records, ids in ((inserts, inserted), (updates, updated))
                   for record in records if record[5]]
        if not pending:
            return
        known = applier.cache.ids_of(model, {target for _, deferred in pending for _, target in deferred})
        by_column: dict[str, list] = {}
        for row_id, deferred in pending:
            for name, target in deferred:
                if known.get(target) is None:
                    raise BundleError("{file} refers to a record headquarters does not have ({table}.{column} = "
                                      "{uuid}): ask the branch for a full export ('export --full').",
                                      file=applier.file, table=self.table, column=name, uuid=target)
                by_column.setdefault(getattr(model, name).column_name, []).append((known[target], row_id))
        for column, values in by_column.items():
            _update_rows(self.table, [column], values)


def import_bundle(actor, path: str | Path, *, write_receipt: bool = True) -> dict:
    """Import one branch bundle at headquarters (all or nothing) and write its receipt next to it."""
    from models import ExchangeBundle

    keys.require_admin(actor, "admin", "hq")
    require_hq(keys.local_branch())
    path = Path(path)
    opened, peer = open_verified(path)
    m = opened.manifest
    prior = ExchangeBundle.get_or_none(ExchangeBundle.bundle_id == m["bundle_id"])
    if prior is None:
        if m["sequence"] <= peer.last_sequence:
            raise BundleError("{file} is older than the last bundle imported from {branch} (sequence {sequence}, last "
                              "{last}): it is a replay and is refused.", file=opened.file, branch=peer.code,
                              sequence=m["sequence"], last=peer.last_sequence)
        tables = _tables(opened, bundle.entries(opened, keys.encryption_key()))
        try:
            try:  # fast: no savepoint per record; a unique clash rolls everything back and the careful pass runs
                status, prior = _apply(opened, peer, tables, careful=False)
            except peewee.IntegrityError:
                status, prior = _apply(opened, peer, tables, careful=True)
        except (peewee.IntegrityError, peewee.DataError) as exc:
            raise BundleError("{file} clashes with records already here and cannot be imported ({error}).",
                              file=opened.file, error=str(exc).splitlines()[0][:200]) from None
    else:
        status = "already_imported"
    result = {"file": str(path), "status": status, "branch": peer.code, "bundle_id": m["bundle_id"],
              "sequence": m["sequence"], **{k: prior.summary.get(k) for k in ("counts", "tables")}}
    if write_receipt:
        try:
            result["receipt"] = str(write_receipt_for(prior, opened, path.parent))
        except bundle.DriveError as exc:
            result["receipt"] = None
            result["receipt_error"] = exc.localized()
    return result


def _apply(opened, peer, tables, *, careful: bool):
    """The one transaction of an import. Returns (status, the ExchangeBundle row)."""
    from models import ExchangeBundle, ExchangePeer, transaction

    m = opened.manifest
    with transaction():
        query = ExchangePeer.select().where(ExchangePeer.id == peer.id)
        peer = query.for_update().get() if not _sqlite() else query.get()
        prior = ExchangeBundle.get_or_none(ExchangeBundle.bundle_id == m["bundle_id"])
        if prior is not None:
            return "already_imported", prior
        if m["sequence"] <= peer.last_sequence:
            raise BundleError("{file} is older than the last bundle imported from {branch} (sequence {sequence}, "
                              "last {last}): it is a replay and is refused.", file=opened.file, branch=peer.code,
                              sequence=m["sequence"], last=peer.last_sequence)
        applier = _Applier(opened, peer, careful=careful)
        for model in rows.exchanged_models():
            table_rows = tables.get(rows.table_name(model))
            if table_rows:
                applier.apply_table(model, table_rows)
        peer.last_sequence = m["sequence"]
        peer.save()
        summary = {"counts": applier.counts, "tables": applier.per_table, "digest": opened.digest,
                   "numbers": m.get("numbers"), "file": opened.file}
        prior = ExchangeBundle.create(
            bundle_id=m["bundle_id"], direction="in", branch_code=peer.code, sequence=m["sequence"],
            from_change=m["changes"]["after"], to_change=m["changes"]["to"],
            from_history=m["history"]["after"], to_history=m["history"]["to"], file_name=opened.file,
            summary=summary)
        return "imported", prior


def _sqlite() -> bool:
    from models.db import is_sqlite

    return is_sqlite()


def receipt_bytes(record, opened: bundle.Opened) -> bytes:
    here = keys.local_branch()
    m = opened.manifest
    header = {
        "format": "complaint-desk-receipt",
        "format_version": 1,
        "kind": "receipt",
        "app_version": __version__,
        "hq": here.code,
        "branch": record.branch_code,
        "bundle_id": record.bundle_id,
        "sequence": record.sequence,
        "bundle_digest": record.summary.get("digest"),
        "changes": m["changes"],
        "history": m["history"],
        "imported_at": record.at.astimezone(timezone.utc).isoformat(timespec="seconds"),
        "issued_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "result": record.summary.get("counts"),
    }
    return bundle.build(header, [], keys.signing_key())


def write_receipt_for(record, opened: bundle.Opened, folder: Path) -> Path:
    data = receipt_bytes(record, opened)
    name = bundle.available_name(folder, f"CDESK-{bundle.safe_name_part(record.branch_code)}-"
                                         f"{record.sequence:06d}-receipt", ".cdreceipt")
    return bundle.write_file_safely(folder, name, data)
