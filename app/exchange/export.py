"""A branch's export 数据导出: everything changed since headquarters last acknowledged, as one bundle on the stick.

"Since the last acknowledgement", not "since the last export": a lost or never-imported stick costs nothing,
the next export carries the same changes again (headquarters skips what it already has). The acknowledged
watermarks are those of the newest bundle whose receipt came back (``ExchangeBundle.acknowledged_at``).
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import peewee

from app import __version__, i18n
from app.errors import NotFound
from app.records import history
from app.records.exchange_state import next_sequence, restores
from app.exchange import bundle, keys, rows
from app.exchange.common import headquarters_peer, require_branch
from app.rules.branch import local_branch

i18n.register({
    "The folder {folder} does not exist: is the drive plugged in?": "文件夹 {folder} 不存在：U盘是否已插好？",
    "Collecting the records headquarters has not confirmed…": "正在收集总部尚未确认的记录…",
    "Signing and encrypting…": "正在签名和加密…",
    "Writing to the drive…": "正在写入U盘…",
    "Reading back and checking…": "正在回读校验…",
    "No export bundle in {folder}.": "{folder} 中没有导出数据包。",
})

FORMAT = "complaint-desk-bundle"
FORMAT_VERSION = 2  # 2: tables as columns (rows.table_document); 1 had one JSON object per record


def acknowledged() -> tuple[int, int]:
    """(change number, history id) up to which headquarters has confirmed it holds this branch's records."""
    from models import ExchangeBundle

    row = (ExchangeBundle.select(peewee.fn.MAX(ExchangeBundle.to_change), peewee.fn.MAX(ExchangeBundle.to_history))
           .where((ExchangeBundle.direction == "out") & ExchangeBundle.acknowledged_at.is_null(False)).tuples().first())
    return (row[0] or 0, row[1] or 0) if row else (0, 0)


def _numbers(code: str) -> dict:
    """Number ranges issued (every number 1..last of each series and year) and every number voided."""
    from models import NumberSeries, VoidedNumber

    issued = [{"series": s.series, "year": s.year, "first": 1 if s.last else 0, "last": s.last}
              for s in NumberSeries.select().where(NumberSeries.branch_code == code)
              .order_by(NumberSeries.series, NumberSeries.year)]
    voided = [v.number for v in VoidedNumber.select(VoidedNumber.number).where(VoidedNumber.branch_code == code)
              .order_by(VoidedNumber.number)]
    return {"issued": issued, "voided": voided}


def collect(*, full: bool = False, add=None) -> tuple[dict, list[tuple[str, bytes]]]:
    """The manifest header and the table entries of the next bundle (read in one transaction: one snapshot). With
    ``add(path, data)`` (``bundle.Payload.add``) each entry goes there as soon as it is made, and the list is
    empty."""
    from models import ChangeCounter, History, SCHEMA_VERSION, transaction

    entries: list[tuple[str, bytes]] = []
    add = add or (lambda path, data: entries.append((path, data)))

    with transaction():
        branch = local_branch()
        require_branch(branch)
        acked_change, acked_history = (0, 0) if full else acknowledged()
        counter = ChangeCounter.get_or_none(ChangeCounter.id == 1)
        to_change = max(counter.value if counter else 0, acked_change)
        to_history = max(History.select(peewee.fn.MAX(History.id)).scalar() or 0, acked_history)
        cache = rows.UuidCache()
        counts = {}
        # history first: the largest table, so it is compressed (in the payload's thread) while the others are read
        # and encoded, instead of last with nothing left to overlap it (the importer applies tables in its own order)
        ordered = sorted(rows.exchanged_models(), key=lambda model: model is not History)
        for model in ordered:
            if model is History:
                query = (History.select().where((History.id > acked_history) & (History.id <= to_history))
                         .order_by(History.id))
            else:
                query = (model.select().where((model.change_no > acked_change) & (model.change_no <= to_change))
                         .order_by(model.change_no))
            names, columns = rows.export_columns(model, query, cache)
            counts[rows.table_name(model)] = len(columns[0])
            if columns[0]:
                add(f"tables/{rows.table_name(model)}.json", rows.table_document(names, columns))
        header = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "kind": "data",
            "schema_version": SCHEMA_VERSION,
            "app_version": __version__,
            "bundle_id": bundle.new_bundle_id(),
            "branch": {"code": branch.code, "name": branch.name, "uuid": branch.uuid},
            "sequence": next_sequence(),
            "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "full": full,
            "changes": {"after": acked_change, "to": to_change},
            "history": {"after": acked_history, "to": to_history},
            "counts": counts,
            "numbers": _numbers(branch.code),
            # the history's head, signed: headquarters refuses a history cut or rewritten since (app.records.history)
            "history_head": history.head(to_history),
            "restores": restores(),
        }
    return header, entries


def export_bundle(actor, folder: str | Path, *, full: bool = False, progress=None) -> dict:
    """Write the next bundle into ``folder`` (the stick) and return what a window shows after "safe to remove".

    ``progress(done, total, text)`` is called along the way (text: the stage, in the user's language, or None);
    it may raise to cancel, and then nothing is left on the drive."""
    from models import ExchangeBundle, transaction

    keys.require_admin(actor, "admin")
    folder = Path(folder)
    branch = local_branch()
    require_branch(branch)
    hq = headquarters_peer()
    if not folder.is_dir():
        raise bundle.DriveError("The folder {folder} does not exist: is the drive plugged in?", folder=str(folder))
    def report(done, total, text=None):
        if progress is not None:
            progress(done, total, None if text is None else i18n.t(text))

    keys.ensure_keys()
    report(0, 0, "Collecting the records headquarters has not confirmed…")
    payload = bundle.Payload(compress=True)
    try:
        header, _ = collect(full=full, add=payload.add)
        report(0, 0, "Signing and encrypting…")
    except BaseException:
        payload.close()
        raise
    data = bundle.build(header, payload, keys.signing_key(), keys.encryption_public_from_hex(hq.encryption_key))
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    name = bundle.available_name(
        folder, f"CDESK-{bundle.safe_name_part(branch.code)}-{header['sequence']:06d}-{stamp}", ".cdbundle")
    report(0, len(data), "Writing to the drive…")
    path = bundle.write_file_safely(folder, name, data, progress=lambda done, total: report(done, total))
    # write_file_safely read the copy on the stick back and found it equal to ``data``: check that it is whole and
    # signed by us the way headquarters will, without reading the drive a second time
    report(len(data), len(data), "Reading back and checking…")
    opened = bundle.parse(data, path.name)
    bundle.verify(opened, keys.signing_key().public_key(), branch.code)
    with transaction():
        ExchangeBundle.create(
            bundle_id=header["bundle_id"], direction="out", branch_code=branch.code, sequence=header["sequence"],
            from_change=header["changes"]["after"], to_change=header["changes"]["to"],
            from_history=header["history"]["after"], to_history=header["history"]["to"], file_name=path.name,
            summary={"counts": header["counts"], "digest": opened.digest, "full": full})
    return {
        "file": str(path),
        "bundle_id": header["bundle_id"],
        "sequence": header["sequence"],
        "changes": header["changes"],
        "history": header["history"],
        "counts": {k: v for k, v in header["counts"].items() if v},
        "records": sum(header["counts"].values()),
        "bytes": len(data),
        "safe_to_remove": True,
    }


def latest_manifest(path: str | Path) -> dict:
    """The manifest of an export bundle (the newest ``.cdbundle`` if ``path`` is a folder, such as the stick).
    It is signed but readable without the headquarters key: a restore reads the numbers issued from it."""
    path = Path(path)
    if path.is_dir():
        candidates = sorted(path.glob("CDESK-*.cdbundle"), key=lambda p: p.stat().st_mtime)
        if not candidates:
            raise NotFound("No export bundle in {folder}.", folder=str(path))
        path = candidates[-1]
    return bundle.read(path, payload=False).manifest
