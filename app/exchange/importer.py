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

How: the bundle is first read and checked with no database at hand (``app.exchange.prepare``: every column
checked as a whole, each record's digest and each case's search document worked out; for a large batch, in a
worker process one bundle ahead). Then table by table, a column at a time (``_Table``: what headquarters holds of
the uuids read with chunked IN lists, references turned into ids per column, inserts and updates in bulk:
executemany on SQLite, on PostgreSQL COPY straight into the tables for new records and into a staging table
merged with UPDATE ... FROM for newer versions (``models.bulk``); versions and the search index kept the same way).

Several imports at once (headquarters on PostgreSQL, several people): the bundles of one branch are imported one
after the other, each waiting for the branch's advisory lock (``_lock_branch``), so two people importing the
same bundle get one import and one "already imported"; bundles of different branches do not wait for each other
until they write. A unique clash in that fast pass rolls the whole
transaction back and a careful pass runs instead, the same but writing each record in a savepoint of its own,
so that the clash becomes a conflict kept aside instead of a failed bundle.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import peewee

from app import __version__, i18n
from app.records import search  # imported cases are indexed for search (Case.save hook, or in bulk by _Table)
from app.exchange import bundle, keys, prepare, rows
from app.exchange.bundle import BundleError
from app.exchange.common import kind_names, require_hq
from app.rules.branch import local_branch
import models
from models import History, User, bulk

i18n.register({
    "{file} comes from branch {branch}, which is not enrolled here: import that branch's enrolment file first.":
        "{file} 来自未登记的分支机构 {branch}：请先导入该机构的登记文件。",
    "{file} is older than the last bundle imported from {branch} (sequence {sequence}, last {last}): it is a replay and is refused.":
        "{file} 比已从 {branch} 导入的最新数据包更旧（序号 {sequence}，最新 {last}）：视为重放，拒绝导入。",
    "{file} claims sequence {sequence}, but the last bundle imported from {branch} was {last}: no branch exports that many bundles in between, so it is refused.":
        "{file} 声称序号为 {sequence}，但从 {branch} 导入的上一个数据包序号为 {last}：分支机构不可能在其间导出这么多数据包，拒绝导入。",
    "{file} brings a history of branch {branch} that was cut since its last bundle ({count} rows, {before} before): the branch's database was altered; it is refused. Ask the branch to run 'history verify'.":
        "{file} 中 {branch} 的历史记录比上一个数据包时更少（{count} 条，此前 {before} 条）：分支机构的数据库已被改动，拒绝导入。请分支机构运行“history verify”。",
    "{file} brings a history of branch {branch} that no longer extends the one headquarters holds (rows rewritten since its last bundle): it is refused. Ask the branch to run 'history verify'.":
        "{file} 中 {branch} 的历史记录不再承接总部已有的记录（自上一个数据包后有记录被改写）：拒绝导入。请分支机构运行“history verify”。",
    "{file} clashes with records already here and cannot be imported ({error}).":
        "{file} 与本库已有记录冲突，无法导入（{error}）。",
    "{file} refers to a record headquarters does not have ({table}.{column} = {uuid}): ask the branch for a full export ('export --full').":
        "{file} 引用了总部没有的记录（{table}.{column} = {uuid}）：请分支机构做一次完整导出（export --full）。",
})


MAX_LISTED = 1000  # refused records named in a bundle's summary and receipt (all are kept aside and counted)


def senders() -> dict[str, prepare.Sender]:
    """The enrolled branches, by code: what ``prepare`` checks bundles against."""
    from models import ExchangePeer

    return {peer.code: prepare.Sender.of(peer) for peer in ExchangePeer.select().where(ExchangePeer.kind == "branch")}


def _sender_checked(prepared: prepare.Prepared):
    """The prepared bundle's kind, branch and signature checked again against this database (cheap: the header
    only). Returns (opened, the branch's peer row)."""
    from models import ExchangePeer

    opened = prepared.opened
    if opened is None:
        raise prepared.error
    bundle.expect_kind(opened, "data", kind_names())
    code = prepare.branch_code(opened)
    peer = ExchangePeer.get_or_none((ExchangePeer.code == str(code)) & (ExchangePeer.kind == "branch"))
    if peer is None:
        raise BundleError("{file} comes from branch {branch}, which is not enrolled here: import that branch's "
                          "enrolment file first.", file=opened.file, branch=str(code))
    prepare.check_sender(opened, prepare.Sender.of(peer))
    return opened, peer


def _unusable_password(code: str) -> str:
    """Not a password hash at all, so nothing can match it: a branch's users never sign in at headquarters."""
    return f"!imported-from-{code}"


def _take_change_numbers(count: int) -> range:
    """``count`` consecutive change numbers from the database-wide counter, with one counter update (on
    PostgreSQL, updating one row thousands of times in a transaction gets slower with every update)."""
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


def _bulk_writable(model) -> bool:
    """Whether records of ``model`` may be written without ``save()``: its save only takes a change number, or
    (cases) its save hooks only keep the search index, which ``_Table`` keeps itself."""
    if model is History or _plain_save(model):
        return True
    return model is models.Case and search.indexes_every_save_hook(models.entities.CASE_SAVE_HOOKS)


class _Applier:
    """Applies one bundle's tables inside the import transaction and counts what happened to each record.
    ``careful``: one savepoint per record, so a unique clash becomes a conflict instead of failing the bundle."""

    def __init__(self, opened, peer, *, careful: bool = True):
        self.opened, self.peer, self.file = opened, peer, opened.file
        self.careful = careful
        self.code = peer.code
        self.cache = rows.UuidCache()
        self.conflicted: set[str] = set()
        self.pending_conflicts: list[dict] = []
        self.counts = {"inserted": 0, "updated": 0, "identical": 0, "older": 0, "conflicts": 0, "refused": 0}
        self.per_table: dict[str, dict] = {}
        self.refused: list[dict] = []
        self.quarantine_here = _quarantined(self.code, delete=False).exists()  # earlier refused records a new version replaces
        self.superseding: set[str] = set()

    def quarantine(self, table: str, refused: list[dict]) -> None:
        """Keep aside the records of ``table`` that the value checks refused (``prepare.Table.refused``): never
        applied, kept whole with the field and the problem, listed in the import's result and in the receipt; a
        record that refers to one of them is kept aside too. An earlier quarantined copy of the same record is
        replaced by this one."""
        from models import ExchangeConflict

        uuids = [item["uuid"] for item in refused]
        for chunk in rows.chunks(uuids):
            _quarantined(self.code).where(ExchangeConflict.uuid.in_(chunk)).execute()
        for item in refused:
            self.pending_conflicts.append({
                "bundle_id": self.opened.manifest["bundle_id"], "branch_code": self.code, "table_name": table,
                "uuid": item["uuid"], "reason": f"invalid:{item['field']}"[:32],
                "incoming": {"record": item["record"], "field": item["field"], "problem": item["problem"],
                             "params": item["params"], "label": item["label"]}})
            self.conflicted.add(item["uuid"])
            self.refused.append({"table": table, "uuid": item["uuid"], "label": item["label"], "field": item["field"],
                                 "problem": item["problem"], "params": item["params"]})
        self.count(table, "refused", len(refused))
        self.write_conflicts()

    def written(self, uuids) -> None:
        """Records written: a quarantined earlier version of any of them is superseded (removed at the end)."""
        if self.quarantine_here:
            self.superseding.update(uuids)

    def drop_superseded(self) -> None:
        from models import ExchangeConflict

        for chunk in rows.chunks(sorted(self.superseding)):
            _quarantined(self.code).where(ExchangeConflict.uuid.in_(chunk)).execute()

    def refuse_missing(self, table, column, uuid):
        raise BundleError("{file} refers to a record headquarters does not have ({table}.{column} = {uuid}): ask the "
                          "branch for a full export ('export --full').", file=self.file, table=table, column=column,
                          uuid=uuid)

    def conflict(self, table, row: dict, reason):
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

    def apply_table(self, model, table: prepare.Table) -> None:
        _Table(self, model).apply(table)
        self.write_conflicts()


def _quarantined(code: str, *, delete: bool = True):
    """The records of branch ``code`` kept aside because a value was refused (a delete query, or with
    ``delete=False`` a select, to narrow)."""
    from models import ExchangeConflict

    query = ExchangeConflict.delete() if delete else ExchangeConflict.select(ExchangeConflict.id)
    return query.where((ExchangeConflict.branch_code == code) & (ExchangeConflict.reason.startswith("invalid:")))


def quarantine_list(code: str | None = None) -> list[dict]:
    """The records headquarters keeps aside because a value was refused, newest first: branch, table, uuid, the
    field and the problem (in the user's language), the bundle and when."""
    from models import ExchangeConflict

    query = ExchangeConflict.select().where(ExchangeConflict.reason.startswith("invalid:"))
    if code:
        query = query.where(ExchangeConflict.branch_code == code)
    out = []
    for row in query.order_by(ExchangeConflict.id.desc()):
        detail = row.incoming if isinstance(row.incoming, dict) else {}
        problem = detail.get("problem") or ""
        out.append({"branch": row.branch_code, "table": row.table_name, "uuid": row.uuid,
                    "label": detail.get("label") or row.uuid, "field": detail.get("field") or row.reason.split(":", 1)[-1],
                    "problem": i18n.t(problem, **(detail.get("params") or {})) if problem else "",
                    "bundle_id": row.bundle_id, "at": row.at.isoformat(timespec="seconds")})
    return out


def _last_id(model) -> int:
    return model.select(peewee.fn.MAX(model.id)).scalar() or 0


def _ids_after(model, last_id: int) -> list[tuple[int, str]]:
    """(id, uuid) of the rows inserted after ``last_id`` was the last id."""
    sql, params = model.select(model.id, model.uuid).where(model.id > last_id).sql()
    return models.database.obj.execute_sql(sql, params).fetchall()


class _Table:
    """One table of a bundle (checked by ``prepare``), applied a column at a time: what headquarters already holds
    of these uuids read with one query per IN_CHUNK of them, each record classified (insert, update, identical,
    older, conflict), references turned into ids a column at a time, then the records written with executemany
    (or, ``careful``, one savepoint each), their versions and the search index kept the same way.

    Versions: for each record of a ``Record`` table, ``ExchangeVersion`` keeps the branch's change number and the
    digest of what was stored. History rows never change, so they need none: a history uuid seen again is compared
    with the stored row itself."""

    def __init__(self, applier: _Applier, model):
        self.applier, self.model, self.table = applier, model, rows.table_name(model)
        self.fields = rows.exchanged_fields(model)
        self.names = [field.name for field in self.fields]
        self.columns = [field.column_name for field in self.fields]
        self.references = [(index, field) for index, field in enumerate(self.fields)
                           if isinstance(field, peewee.ForeignKeyField)]
        self.is_history = model is History
        self.uuid_at = self.names.index("uuid")
        self.number_at = None if self.is_history else self.names.index("change_no")

    # --- deciding ---------------------------------------------------------------------------------------------

    def incoming(self, columns: list[list], at: int) -> dict:
        """Record ``at`` as it came (references as uuids, money as a decimal string): what a conflict keeps."""
        return {name: str(column[at]) if isinstance(column[at], Decimal) else column[at]
                for name, column in zip(self.names, columns)}

    def classify(self, columns: list[list], digests: list[str] | None) -> tuple[list[int], list[int], dict]:
        """(indexes of the records to insert, of those to update, {index: version id} of the updates); the others
        are counted (identical, older) or kept aside as conflicts. ``digests``: each record's (None for history)."""
        applier, table = self.applier, self.table
        uuids = columns[self.uuid_at]
        if self.is_history:
            known = self.stored_history(uuids)
        else:
            known = self.stored_versions(uuids)
        everything = range(len(uuids))
        if not known:
            return list(everything), [], {}
        inserts, updates, version_ids = [], [], {}
        identical = older = 0
        for at in everything:
            uuid = uuids[at]
            if uuid not in known:
                inserts.append(at)
                continue
            stored = known[uuid]
            if self.is_history:
                origin, content = stored
                if origin != applier.code:
                    applier.conflict(table, self.incoming(columns, at), "local_record" if not origin else "other_owner")
                elif content == tuple(column[at] for column in columns):
                    identical += 1
                else:
                    applier.conflict(table, self.incoming(columns, at), "history_changed")
                continue
            if stored is None:
                applier.conflict(table, self.incoming(columns, at), "local_record")
                continue
            version_id, version_table, version_branch, version_number, version_digest = stored
            number = columns[self.number_at][at]
            if version_table != table or version_branch != applier.code:
                applier.conflict(table, self.incoming(columns, at), "other_owner")
            elif version_digest == digests[at]:
                identical += 1
            elif number < version_number:
                older += 1
            elif number == version_number:
                applier.conflict(table, self.incoming(columns, at), "same_version_differs")
            else:
                updates.append(at)
                version_ids[at] = version_id
        applier.count(table, "identical", identical)
        applier.count(table, "older", older)
        return inserts, updates, version_ids

    def stored_versions(self, uuids: list[str]) -> dict:
        """{uuid: (version id, table, branch, change number, digest)} of the uuids headquarters has a version of,
        and, in the careful pass, {uuid: None} for those it holds in this table without one (records made here).
        The fast pass does not look for those: the table's unique index on uuid refuses them, and the careful pass
        that follows names them."""
        from models import ExchangeVersion as V

        known = {uuid: tuple(rest) for uuid, *rest in
                 rows.select_in(V, ["uuid", "id", "table_name", "branch_code", "change_no", "digest"], "uuid", uuids)}
        if self.applier.careful:
            unversioned = [uuid for uuid in uuids if uuid not in known]
            known.update((uuid, None) for (uuid,) in rows.select_in(self.model, ["uuid"], "uuid", unversioned))
        return known

    def stored_history(self, uuids: list[str]) -> dict:
        """{uuid: (origin, the stored row in field order, in its exchanged form)} of the history rows already here
        (as the exporter would send them: PostgreSQL gives instants back as datetimes)."""
        stored = rows.select_in(History, ["uuid", "origin"] + self.columns, "uuid", uuids)
        if not stored:
            return {}
        found, origins, *columns = zip(*stored)
        columns = [rows.exported_column(field, column) for field, column in zip(self.fields, columns)]
        return {uuid: (origin, content) for uuid, origin, content in zip(found, origins, zip(*columns))}

    def resolve(self, columns: list[list], chosen: list[int]) -> tuple[list[int], list[list], list]:
        """(the chosen records still to write, their columns with references as ids, their references to records of
        this same table as [(the referring record's uuid, field name, uuid)], linked once all are written). A record
        referring to a conflict is a conflict too; one referring to a record headquarters does not have refuses the
        bundle. ``columns`` itself is left as it is."""
        applier, model = self.applier, self.model
        if applier.conflicted:
            blocked = {at for at in chosen for index, _ in self.references if columns[index][at] in applier.conflicted}
            for at in sorted(blocked):
                applier.conflict(self.table, self.incoming(columns, at), "depends_on_conflict")
            chosen = [at for at in chosen if at not in blocked]
        whole = len(chosen) == len(columns[0])
        subset = list(columns) if whole else [[column[at] for at in chosen] for column in columns]
        deferred = []
        for index, field in self.references:
            column = subset[index]
            if field.rel_model is model:
                deferred.extend((source, field.name, target) for source, target in zip(subset[self.uuid_at], column)
                                if target is not None)
                subset[index] = [None] * len(column)
                continue
            targets = set(column)
            targets.discard(None)
            ids = applier.cache.ids_of(field.rel_model, targets)
            missing = targets - ids.keys()
            if missing:
                applier.refuse_missing(self.table, field.name, min(missing))
            subset[index] = [None if target is None else ids[target] for target in column]
        return chosen, subset, deferred

    # --- writing ----------------------------------------------------------------------------------------------

    def apply(self, table: prepare.Table) -> None:
        if not table.count:
            return
        columns, digests, documents = table.columns, table.digests, table.documents
        inserts, updates, version_ids = self.classify(columns, digests)
        inserts, new, new_self = self.resolve(columns, inserts)
        updates, changed, changed_self = self.resolve(columns, updates)
        inserts, inserted = self.insert(columns, inserts, new, documents)
        updates, updated = self.update(columns, updates, changed, documents)
        if not self.is_history:
            self.record_versions(columns, inserts, updates, digests, version_ids)
        self.link(inserted, new_self, updated, changed_self)
        self.applier.count(self.table, "inserted", len(inserts))
        self.applier.count(self.table, "updated", len(updates))
        if self.applier.quarantine_here:
            uuids = columns[self.uuid_at]
            self.applier.written(uuids[at] for at in inserts + updates)

    def with_change_numbers(self, subset: list[list]) -> list[list]:
        """The records take headquarters' own change numbers (a block of them) in place of the branch's."""
        if self.is_history or not subset[0]:
            return subset
        subset = list(subset)
        subset[self.number_at] = list(_take_change_numbers(len(subset[0])))
        return subset

    def insert(self, columns, chosen: list[int], subset: list[list], documents) -> tuple[list[int], dict]:
        """Insert the chosen records; returns (those written, {uuid: id})."""
        if not chosen:
            return [], {}
        model, applier = self.model, self.applier
        subset = self.with_change_numbers(subset)
        names, local = list(self.columns), ()
        if model is User:  # a branch's users never sign in at headquarters
            names += ["password_hash", "must_change_password", "failed_sign_ins", "locked_until"]
            local = (_unusable_password(applier.code), True, 0, None)
        records = [record + local for record in zip(*subset)] if local else list(zip(*subset))
        if applier.careful:
            chosen, records = self.one_by_one(columns, chosen, records, lambda record: self.write_new(names, record))
            ids = {}
            if chosen and not self.is_history:
                uuids = [columns[self.uuid_at][at] for at in chosen]
                known = applier.cache.ids_of(model, uuids)
                ids = {uuid: known[uuid] for uuid in uuids}
        else:
            ids = {}
            if self.is_history:  # nothing refers to history rows: their ids are not needed
                bulk.insert_rows(self.table, names, records)
            else:
                for row_id, uuid in self.insert_returning_ids(names, records):
                    applier.cache.add(model, row_id, uuid)
                    ids[uuid] = row_id
        if model is models.Case:
            search.index_cases(list(ids.values()), documents=self.documents_of(columns, chosen, ids, documents))
        return chosen, ids

    def insert_returning_ids(self, names: list[str], records: list) -> list[tuple[int, str]]:
        """Insert the records; returns (id, uuid) of each. PostgreSQL says them in the insert itself; SQLite's are
        the rows after the last id (the transaction holds the database's write lock: nobody else inserts)."""
        if _sqlite():
            last = _last_id(self.model)
            bulk.insert_rows(self.table, names, records)
            return _ids_after(self.model, last)
        return bulk.insert_rows(self.table, names, records, returning=("id", "uuid"))

    def update(self, columns, chosen: list[int], subset: list[list], documents) -> tuple[list[int], dict]:
        """Write the newer versions of the chosen records over the stored ones; returns (those written, {uuid: id})."""
        if not chosen:
            return [], {}
        model, uuids = self.model, columns[self.uuid_at]
        known = self.applier.cache.ids_of(model, [uuids[at] for at in chosen])
        known = {uuids[at]: known[uuids[at]] for at in chosen}
        subset = self.with_change_numbers(subset)
        records = [record + (known[uuids[at]],) for at, record in zip(chosen, zip(*subset))]
        before = search.stored_documents(known.values()) if model is models.Case else None
        if self.applier.careful:
            chosen, records = self.one_by_one(columns, chosen, records, self.write_over)
        else:
            bulk.update_rows(self.table, self.columns, records)
        ids = {uuids[at]: known[uuids[at]] for at in chosen}
        if model is models.Case:
            search.index_cases(list(ids.values()), replaced=before,
                               documents=self.documents_of(columns, chosen, ids, documents))
        return chosen, ids

    def documents_of(self, columns, chosen: list[int], ids: dict, documents) -> dict | None:
        """{case id: search document} of the chosen cases written, from the prepared documents (None if there are
        none: the index then reads the cases' text back)."""
        if documents is None:
            return None
        uuids = columns[self.uuid_at]
        return {ids[uuids[at]]: documents[at] for at in chosen}

    def one_by_one(self, columns, chosen: list[int], records: list, write) -> tuple[list[int], list]:
        """The careful pass: each record written in a savepoint; one that clashes with a unique value here is a
        conflict kept aside. Returns the records written (indexes, records)."""
        kept = []
        for at, record in zip(chosen, records):
            try:
                with models.database.obj.atomic():
                    write(record)
            except peewee.IntegrityError:
                self.applier.conflict(self.table, self.incoming(columns, at), "unique_clash")
                continue
            kept.append((at, record))
        return [at for at, _ in kept], [record for _, record in kept]

    def write_new(self, names: list[str], record: tuple) -> None:
        if _bulk_writable(self.model):
            bulk.insert_rows(self.table, names, [record])
        else:  # save hooks of its own: through the model, with the values as they would be read back
            self.model.create(**self.python_values(names, record))

    def write_over(self, record: tuple) -> None:
        if _bulk_writable(self.model):
            bulk.update_rows(self.table, self.columns, [record])
        else:
            instance = self.model.get_by_id(record[-1])
            for name, value in self.python_values(self.columns, record[:-1]).items():
                setattr(instance, name, value)
            instance.save()

    def python_values(self, names, record) -> dict:
        fields = {field.column_name: field for field in self.model._meta.sorted_fields}
        return {fields[name].name: fields[name].python_value(value) for name, value in zip(names, record)}

    def record_versions(self, columns, inserts: list[int], updates: list[int], digests: dict, version_ids) -> None:
        """What headquarters now holds of each written record: the branch's change number and the digest."""
        uuids, numbers, code = columns[self.uuid_at], columns[self.number_at], self.applier.code
        table = rows.table_name(models.ExchangeVersion)
        bulk.insert_rows(table, ["uuid", "table_name", "branch_code", "change_no", "digest"],
                     [(uuids[at], self.table, code, numbers[at], digests[at]) for at in inserts])
        bulk.update_rows(table, ["change_no", "digest"], [(numbers[at], digests[at], version_ids[at]) for at in updates])

    def link(self, inserted: dict, new_self: list, updated: dict, changed_self: list) -> None:
        """References to records of the same table, once all of them are written (a user's supervisor, the notice
        a notice follows)."""
        if not new_self and not changed_self:
            return
        model, applier = self.model, self.applier
        written = {**inserted, **updated}
        pending = new_self + changed_self
        known = applier.cache.ids_of(model, {target for _, _, target in pending})
        by_column: dict[str, list] = {}
        for source, name, target in pending:
            if source not in written:  # kept aside as a conflict
                continue
            if known.get(target) is None:
                applier.refuse_missing(self.table, name, target)
            by_column.setdefault(getattr(model, name).column_name, []).append((known[target], written[source]))
        for column, values in by_column.items():
            bulk.update_rows(self.table, [column], values)


def import_bundle(actor, path: str | Path, *, write_receipt: bool = True,
                  prepared: prepare.Prepared | None = None, on_written=None) -> dict:
    """Import one branch bundle at headquarters (all or nothing) and write its receipt next to it. ``prepared``:
    the bundle as ``prepare`` left it (ahead, in another process); else it is read and checked here.
    ``on_written()``: called once every record is written, as the transaction commits (a batch starts reading
    the next bundle then)."""
    from models import ExchangeBundle

    keys.require_admin(actor, "admin", "hq")
    require_hq(local_branch())
    path = Path(path)
    if prepared is None:
        prepared = prepare.Prepared(str(path), bundle.read(path))
    opened, peer = _sender_checked(prepared)
    m = opened.manifest
    prior = ExchangeBundle.get_or_none(ExchangeBundle.bundle_id == m["bundle_id"])
    if prior is None:
        if m["sequence"] <= peer.last_sequence:
            raise BundleError("{file} is older than the last bundle imported from {branch} (sequence {sequence}, last "
                              "{last}): it is a replay and is refused.", file=opened.file, branch=peer.code,
                              sequence=m["sequence"], last=peer.last_sequence)
        _refuse_leap(opened, peer)
        if prepared.tables is None and prepared.error is None:  # not prepared yet
            prepared = prepare.prepare_opened(opened, str(path), {peer.code: prepare.Sender.of(peer)},
                                              keys.encryption_key(), documents=True)
        if prepared.error is not None:
            raise prepared.error
        tables = prepared.tables
        try:
            try:  # fast: no savepoint per record; a unique clash rolls everything back and the careful pass runs
                status, prior = _apply(opened, peer, tables, careful=False, on_written=on_written)
            except peewee.IntegrityError:
                status, prior = _apply(opened, peer, tables, careful=True, on_written=on_written)
        except (peewee.IntegrityError, peewee.DataError) as exc:
            raise BundleError("{file} clashes with records already here and cannot be imported ({error}).",
                              file=opened.file, error=str(exc).splitlines()[0][:200]) from None
    else:
        status = "already_imported"
    result = {"file": str(path), "status": status, "branch": peer.code, "bundle_id": m["bundle_id"],
              "sequence": m["sequence"], **{k: prior.summary.get(k) for k in ("counts", "tables")},
              "refused": prior.summary.get("refused") or [],
              "history_restarted": bool(prior.summary.get("history_restarted"))}
    if write_receipt:
        try:
            result["receipt"] = str(write_receipt_for(prior, opened, path.parent))
        except bundle.DriveError as exc:
            result["receipt"] = None
            result["receipt_error"] = exc.localized()
    return result


def _head_of(manifest) -> dict | None:
    head = manifest.get("history_head")
    if (isinstance(head, dict) and isinstance(head.get("count"), int) and head["count"] >= 0
            and isinstance(head.get("hash"), str) and len(head["hash"]) in (0, 64)):
        return {"count": head["count"], "hash": head["hash"]}
    return None


def _restores_of(manifest) -> int:
    value = manifest.get("restores")
    return value if isinstance(value, int) and value >= 0 else 0


def _check_history_head(opened, peer, table) -> bool:
    """The branch's history anchored (app.records.history): the bundle's signed head must extend the head of the
    last bundle imported from the branch (never fewer rows; the rows sent link to it; the same count, the same
    hash). A restore declared in the manifest (more restores than before) may go back: accepted, and reported
    (returns True). Raises BundleError (the transaction is rolled back) for a history cut or rewritten."""
    from models import ExchangeBundle

    m = opened.manifest
    new = _head_of(m)
    last = (ExchangeBundle.select().where((ExchangeBundle.direction == "in") & (ExchangeBundle.branch_code == peer.code))
            .order_by(ExchangeBundle.sequence.desc()).first())
    before = _head_of({"history_head": (last.summary or {}).get("history_head")}) if last is not None else None
    if new is None or before is None:
        return False  # a bundle from before anchoring, or the first one: nothing to compare with
    if _restores_of(m) > int((last.summary or {}).get("restores") or 0):
        return new["count"] < before["count"] or new["hash"] != before["hash"]
    if new["count"] < before["count"]:
        raise BundleError("{file} brings a history of branch {branch} that was cut since its last bundle ({count} "
                          "rows, {before} before): the branch's database was altered; it is refused. Ask the branch "
                          "to run 'history verify'.", file=opened.file, branch=peer.code, count=new["count"],
                          before=before["count"])
    rewritten = BundleError("{file} brings a history of branch {branch} that no longer extends the one headquarters "
                            "holds (rows rewritten since its last bundle): it is refused. Ask the branch to run "
                            "'history verify'.", file=opened.file, branch=peer.code)
    if new["count"] == before["count"]:
        if new["hash"] != before["hash"]:
            raise rewritten
        return False
    names = [field.name for field in rows.exchanged_fields(History)]
    sent = list(zip(table.columns[names.index("prev_hash")], table.columns[names.index("hash")])) if table else []
    if not sent or table.refused:
        return False  # nothing to link (or rows kept aside): the next bundle is compared with this head
    for (_, previous), (link, _) in zip(sent, sent[1:]):
        if link != previous:
            raise rewritten
    hashes = {digest for _, digest in sent}
    if sent[-1][1] != new["hash"] or not (sent[0][0] == before["hash"] or before["hash"] in hashes):
        raise rewritten
    return False


def _refuse_leap(opened, peer) -> None:
    """A sequence far beyond the last one accepted would make every genuine later bundle look like a replay (a
    signed bundle with sequence 2^62 from a stolen key): refused."""
    sequence = opened.manifest["sequence"]
    if sequence - peer.last_sequence > prepare.MAX_SEQUENCE_STEP:
        raise BundleError("{file} claims sequence {sequence}, but the last bundle imported from {branch} was {last}: "
                          "no branch exports that many bundles in between, so it is refused.", file=opened.file,
                          sequence=sequence, branch=peer.code, last=peer.last_sequence)


def _apply(opened, peer, tables, *, careful: bool, on_written=None):
    """The one transaction of an import. Returns (status, the ExchangeBundle row)."""
    from models import ExchangeBundle, ExchangePeer, transaction

    m = opened.manifest
    with transaction():
        _lock_branch(peer.code)
        peer = ExchangePeer.get_by_id(peer.id)  # as the import before this one (if any) left it
        prior = ExchangeBundle.get_or_none(ExchangeBundle.bundle_id == m["bundle_id"])
        if prior is not None:
            return "already_imported", prior
        if m["sequence"] <= peer.last_sequence:
            raise BundleError("{file} is older than the last bundle imported from {branch} (sequence {sequence}, "
                              "last {last}): it is a replay and is refused.", file=opened.file, branch=peer.code,
                              sequence=m["sequence"], last=peer.last_sequence)
        applier = _Applier(opened, peer, careful=careful)
        for model in rows.exchanged_models():  # first every refused record, so that what refers to one waits too
            table_rows = tables.get(rows.table_name(model))
            if table_rows is not None and table_rows.refused:
                applier.quarantine(rows.table_name(model), table_rows.refused)
        for model in rows.exchanged_models():
            table_rows = tables.get(rows.table_name(model))
            if table_rows:
                applier.apply_table(model, table_rows)
        applier.drop_superseded()
        restarted = _check_history_head(opened, peer, tables.get("history"))
        peer.last_sequence = m["sequence"]
        peer.save()
        summary = {"counts": applier.counts, "tables": applier.per_table, "digest": opened.digest,
                   "numbers": m.get("numbers"), "file": opened.file, "refused": applier.refused[:MAX_LISTED],
                   "history_head": _head_of(m), "restores": _restores_of(m), "history_restarted": restarted}
        # the program version the branch runs, as its signed manifest says (the overview of the branches shows it)
        summary["app_version"] = m.get("app_version")
        prior = ExchangeBundle.create(
            bundle_id=m["bundle_id"], direction="in", branch_code=peer.code, sequence=m["sequence"],
            from_change=m["changes"]["after"], to_change=m["changes"]["to"],
            from_history=m["history"]["after"], to_history=m["history"]["to"], file_name=opened.file,
            summary=summary)
        if on_written is not None:
            on_written()
        return "imported", prior


def _lock_branch(code: str) -> None:
    """On PostgreSQL, wait for the branch's import lock, held until this transaction ends (an advisory lock: no row
    is locked by it, so reading the branch, or importing another branch's bundle, goes on). SQLite needs none: a
    transaction there holds the whole database's write lock from its start."""
    if _sqlite():
        return
    key = int.from_bytes(hashlib.sha256(f"complaint-desk import {code}".encode()).digest()[:8], "big", signed=True)
    models.database.obj.execute_sql("SELECT pg_advisory_xact_lock(%s)", (key,))


def _sqlite() -> bool:
    from models.db import is_sqlite

    return is_sqlite()


def receipt_bytes(record, opened: bundle.Opened) -> bytes:
    here = local_branch()
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
        # the records kept aside: the branch is told which, and why, so it can correct and export them again
        "refused": [{k: item.get(k) for k in ("table", "uuid", "label", "field", "problem", "params")}
                    for item in record.summary.get("refused") or []],
        # the branch's history head headquarters now holds: the branch keeps it as the anchor of its chain
        "history_head": record.summary.get("history_head"),
    }
    return bundle.build(header, [], keys.signing_key())


def write_receipt_for(record, opened: bundle.Opened, folder: Path) -> Path:
    data = receipt_bytes(record, opened)
    name = bundle.available_name(folder, f"CDESK-{bundle.safe_name_part(record.branch_code)}-"
                                         f"{record.sequence:06d}-receipt", ".cdreceipt")
    return bundle.write_file_safely(folder, name, data)
