"""A branch's data bundle read and checked before it is applied 导入前的检查, with no database at hand.

Everything headquarters does to a bundle before it looks at what it already holds: read the file, check the
branch's signature and the header, decrypt, parse every table and check every column (types, lengths, formats,
only the sending branch's records), and work out what the import writes besides the records: each record's
digest (the content of its version) and each case's search document. None of it needs the database, so the
bundles of a large batch are prepared one ahead in a worker process while the current one is written
(``app.exchange.ahead``); a single bundle is prepared in place. The import (``importer.import_bundle``) checks
the kind, the sender and the signature again against its own database before it uses anything prepared.

About half of an import's time goes here (decrypting, parsing, checking, hashing, cutting the search text
into bigrams); the other half is the database's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app import i18n
from app.records import search
from app.errors import DeskError
from app.exchange import bundle, checks, keys, rows
from app.exchange.bundle import BundleError
from app.exchange.common import kind_names
from app.exchange.export import FORMAT_VERSION
import models

i18n.register({
    "{file} was made by a newer program (format {format}, schema {schema}): update Complaint Desk at headquarters first.":
        "{file} 由更新版本的程序生成（格式 {format}，结构 {schema}）：请先升级总部的投诉台程序。",
    "{file} was made by an older version of Complaint Desk (format {format}): export it again at the branch with the current version.":
        "{file} 由旧版投诉台生成（格式 {format}）：请在分支机构用当前版本重新导出。",
    "{file} contains a record of another branch ({table} {uuid}): it is refused.":
        "{file} 含有其他机构的记录（{table} {uuid}）：拒绝导入。",
    "{file} contains a {table} record that does not fit this program ({column}): it is refused.":
        "{file} 含有与本程序不符的 {table} 记录（{column}）：拒绝导入。",
})

MAX_ROWS = 2_000_000
MAX_SEQUENCE_STEP = 100_000  # ahead of the last bundle accepted: far more exports than a branch makes between two
HEX32 = re.compile(r"[0-9a-f]{32}")  # fullmatch


@dataclass(frozen=True)
class Sender:
    """What preparing needs of an enrolled branch (its ``ExchangePeer`` row)."""

    code: str
    branch_uuid: str
    signing_key: str  # hex

    @classmethod
    def of(cls, peer) -> "Sender":
        return cls(peer.code, peer.branch_uuid, peer.signing_key)


@dataclass
class Table:
    """One table of a bundle, checked: its columns in exchanged field order holding the values to store
    (references still as uuids, headquarters' own changes made: see ``_transform``), each record's digest
    (``Record`` tables; None for history) and each case's search document (cases, when asked for).
    ``refused``: the records kept out because a value is not allowed (quarantined by the import, never
    written), each as {"uuid", "field", "problem", "record"}; ``count`` and ``columns`` are those of the rest."""

    count: int
    columns: list[list]
    digests: list[str] | None = None
    documents: list[tuple] | None = None
    refused: list[dict] | None = None


@dataclass
class Prepared:
    """A data bundle as prepared: ``opened`` (None if the file could not even be read), then either ``tables`` or
    the ``error`` that refuses it. Neither when the bundle's branch was not among the senders given."""

    path: str
    opened: bundle.Opened | None
    tables: dict[str, Table] | None = None
    error: DeskError | None = None


def branch_code(opened: bundle.Opened) -> str | None:
    branch = opened.manifest.get("branch")
    code = branch.get("code") if isinstance(branch, dict) else None
    return None if code is None else str(code)


def header_checks(opened: bundle.Opened) -> dict:
    from models import SCHEMA_VERSION

    m = opened.manifest
    try:
        ok = (m["format"] == "complaint-desk-bundle" and isinstance(m["format_version"], int)
              and isinstance(m["schema_version"], int) and HEX32.fullmatch(m["bundle_id"])
              and isinstance(m["sequence"], int) and m["sequence"] >= 1
              and all(isinstance(m[k][j], int) and 0 <= m[k][j] < 2 ** 53
                      for k in ("changes", "history") for j in ("after", "to"))
              and isinstance(m["counts"], dict))
    except (KeyError, TypeError):
        ok = False
    if not ok:
        raise BundleError("{file} is damaged: its manifest cannot be read.", file=opened.file)
    if m["format_version"] < FORMAT_VERSION:
        raise BundleError("{file} was made by an older version of Complaint Desk (format {format}): export it again "
                          "at the branch with the current version.", file=opened.file, format=m["format_version"])
    if m["format_version"] > FORMAT_VERSION or m["schema_version"] > SCHEMA_VERSION:
        raise BundleError("{file} was made by a newer program (format {format}, schema {schema}): update Complaint "
                          "Desk at headquarters first.", file=opened.file, format=m["format_version"],
                          schema=m["schema_version"])
    return m


def check_sender(opened: bundle.Opened, sender: Sender) -> None:
    """The branch's signature and the header (raises BundleError)."""
    bundle.verify(opened, keys.signing_public_from_hex(sender.signing_key), i18n.t("branch {code}", code=sender.code))
    header_checks(opened)


def prepare(path: str | Path, senders: dict[str, Sender], private_key, *, documents: bool) -> Prepared:
    """Read, verify, decrypt and check the data bundle at ``path``; never raises a DeskError (it is kept in the
    result). ``senders``: the enrolled branches by code; ``private_key``: headquarters' X25519 key (object or raw
    bytes); ``documents``: whether cases' search documents are wanted (the import indexes them for search)."""
    try:
        opened = bundle.read(path)
    except DeskError as exc:
        return Prepared(str(path), None, error=exc)
    return prepare_opened(opened, str(path), senders, private_key, documents=documents)


def prepare_opened(opened: bundle.Opened, path: str, senders: dict[str, Sender], private_key, *,
                   documents: bool) -> Prepared:
    """``prepare`` for a bundle already read."""
    try:
        bundle.expect_kind(opened, "data", kind_names())
        sender = senders.get(branch_code(opened))
        if sender is None:
            return Prepared(path, opened)  # the import says the branch is not enrolled
        if not opened.verified:  # (the importer checked a bundle it read itself already)
            check_sender(opened, sender)
        if isinstance(private_key, bytes):
            from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

            private_key = X25519PrivateKey.from_private_bytes(private_key)
        tables = _tables(opened, bundle.entries(opened, private_key), sender, documents)
        return Prepared(path, opened.without_payload(), tables)
    except DeskError as exc:
        return Prepared(path, opened, error=exc)


def _tables(opened: bundle.Opened, files: dict[str, bytes], sender: Sender, documents: bool) -> dict[str, Table]:
    """{table name: Table} of the payload's entries, each checked."""
    known = rows.by_table_name()
    tables = {}
    for path, data in files.items():
        match = re.fullmatch(r"tables/([a-z_]+)\.json", path)
        if not match or match.group(1) not in known:
            _refuse_field(opened.file, path, "?")
        table = rows.read_table_document(data, MAX_ROWS)
        if table is None:
            raise BundleError("{file} is damaged: its manifest cannot be read.", file=opened.file)
        name = match.group(1)
        if opened.manifest["counts"].get(name) != table[0]:
            raise BundleError("{file} is damaged: its content does not match the signed hashes; copy it again.",
                              file=opened.file)
        tables[name] = _checked(known[name], *table, opened.file, sender, documents)
    if any(count and name not in tables for name, count in opened.manifest["counts"].items()):
        raise BundleError("{file} is damaged: its content does not match the signed hashes; copy it again.",
                          file=opened.file)
    return tables


def _refuse_field(file, table, field):
    raise BundleError("{file} contains a {table} record that does not fit this program ({column}): it is refused.",
                      file=file, table=table, column=field)


def _checked(model, count: int, given: dict[str, list], file: str, sender: Sender, documents: bool) -> Table:
    """A table's columns checked and converted to stored values, with the digests and documents to write. A table
    whose shape does not fit (fields, uuids) refuses the bundle; a record with a value that does not fit its
    field or that the domain does not allow is kept out (``Table.refused``) and the others go on."""
    table = rows.table_name(model)
    fields = rows.exchanged_fields(model)
    names = [field.name for field in fields]
    if given.keys() != set(names):
        _refuse_field(file, table, ", ".join(sorted(set(given) ^ set(names))))
    uuids = given["uuid"]
    if not (set(map(type, uuids)) <= {str} and all(map(HEX32.fullmatch, uuids))):
        _refuse_field(file, table, "uuid")
    if len(set(uuids)) != count:
        raise BundleError("{file} is damaged: its manifest cannot be read.", file=file)
    checked, bad = {}, {}
    for field in fields:
        try:
            checked[field.name] = rows.stored_column(field, given[field.name])
        except rows.BadValue:
            checked[field.name] = _one_by_one(model, field, given[field.name], bad)
    for at, why in checks.refused_records(model, fields, checked).items():
        bad.setdefault(at, why)
    refused = None
    if bad:
        labels = given.get("number") or given.get("ref") or uuids  # what a person recognises: the case's number
        refused = [{"uuid": uuids[at], "label": str(labels[at] or uuids[at])[:64], "field": why.field,
                    "problem": why.problem, "params": why.params,
                    "record": {name: _plain(given[name][at]) for name in names}} for at, why in sorted(bad.items())]
        keep = [at for at in range(count) if at not in bad]
        checked = {name: [column[at] for at in keep] for name, column in checked.items()}
        count = len(keep)
    _transform(model, table, count, checked, file, sender)
    columns = [checked[name] for name in names]
    digests = None
    if model is not models.History:  # a record's content without its change number: that is the version
        at = names.index("change_no")
        digests = [rows.digest(record[:at] + record[at + 1:]) for record in zip(*columns)]
    texts = None
    if documents and model is models.Case and count:
        texts = list(map(search.document, zip(*(checked[name] for name in search.FIELDS))))
    return Table(count, columns, digests, texts, refused)


def _one_by_one(model, field, column: list, bad: dict) -> list:
    """A column that failed as a whole, checked value by value: the records whose value does not fit are noted in
    ``bad`` ({index: Refused}, saying what the domain allows where it can: a whole number beyond its range) and
    hold None; the others their stored value."""
    out = []
    for at, value in enumerate(column):
        try:
            out.append(rows.stored_column(field, [value])[0])
        except rows.BadValue:
            why = checks.Refused(field.name, "does not fit this field")
            if isinstance(value, (int, str)) and not isinstance(value, bool):
                try:  # a number beyond its range, a control character: say which
                    checks.check_column(model, field, [value])
                except checks.Refused as exc:
                    why = exc
                except (TypeError, ValueError, ArithmeticError):
                    pass
            bad.setdefault(at, why)
            out.append(None)
    return out


def _plain(value):
    """A value as received, kept in the quarantine (a JSON document: huge text cut, odd types as text)."""
    if isinstance(value, str):
        return value if len(value) <= 2000 else value[:2000] + "…"
    if value is None or isinstance(value, (bool, float)) or (isinstance(value, int) and abs(value) < 2 ** 53):
        return value
    return repr(value)[:200]


def _transform(model, table: str, count: int, columns: dict[str, list], file: str, sender: Sender) -> None:
    """What headquarters stores: only the sending branch's records (anything else refuses the bundle), a
    branch's own flags are not headquarters' (``is_local``), imported history keeps its origin, and user names
    are prefixed with the branch code (every branch has its own 'admin')."""
    code, owner = sender.code, sender.branch_uuid

    def only(name, allowed, table):
        if columns[name] and set(columns[name]) != {allowed}:
            at = next(at for at, value in enumerate(columns[name]) if value != allowed)
            raise BundleError("{file} contains a record of another branch ({table} {uuid}): it is refused.",
                              file=file, table=table, uuid=str(columns["uuid"][at]))

    if model is models.Branch:
        only("uuid", owner, "branch")
        only("code", code, "branch")
        columns["is_local"] = columns["is_hq"] = [False] * count
    elif "branch" in columns:
        only("branch", owner, table)
    if model in (models.NumberSeries, models.VoidedNumber):
        only("branch_code", code, table)
    if model is models.History:
        columns["origin"] = [code] * count
    if model is models.User:
        limit = models.User.username.max_length
        columns["username"] = [f"{code}/{name}"[:limit] for name in columns["username"]]
