"""The append-only history (docs/rules.md R13), chained by hash so that an edited or deleted row is detected.

Each row's hash covers its own content and the previous row's hash; ``verify_chain`` walks the rows in order
and reports the first one whose link is broken.

The chain alone is unkeyed: whoever can write the database file can cut off the newest rows, or rewrite a row and
compute every later hash again, and the chain still looks whole. So it is anchored outside the file: every
bundle's signed manifest carries the branch's history head (the number of rows and the last row's hash,
``head``); headquarters keeps the heads it received and refuses a bundle whose history no longer extends the
last one (cut or rewritten), and its receipt carries the head back, which the branch keeps (``ANCHOR_SETTING``)
and ``verify_chain`` checks: the row at that position must still have that hash. What it does not protect: rows
written since the last bundle headquarters acknowledged (they can still be changed unseen until the next
export), and a restore, which legitimately goes back to an older head (declared in the manifest, and shown at
headquarters).
"""
from __future__ import annotations

import hashlib
import json

from models import History
from models.entities import utcnow


def _digest(prev_hash: str, row: dict) -> str:
    payload = json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + "\n" + payload).encode("utf-8")).hexdigest()


def _content(h: History) -> dict:
    return {
        "uuid": h.uuid, "at": h.at.isoformat(), "actor": h.actor, "entity": h.entity, "entity_uuid": h.entity_uuid,
        "ref": h.ref, "action": h.action, "round": h.round, "before": h.before, "after": h.after,
    }


def record(actor: str, entity: str, entity_uuid: str, ref: str, action: str, *, before=None, after=None,
           round: int | None = None) -> History:
    last = History.select(History.hash).where(History.origin == "").order_by(History.id.desc()).first()
    row = History(actor=actor, entity=entity, entity_uuid=entity_uuid, ref=ref, action=action, round=round,
                  before=before, after=after, at=utcnow())
    row.prev_hash = last.hash if last else ""
    row.hash = _digest(row.prev_hash, _content(row))
    row.save()
    return row


def record_many(entries: list[dict]) -> int:
    """Append many rows at once (a bulk import), chained exactly as ``record`` chains them one by one. Each entry
    has the keyword arguments of ``record`` (actor, entity, entity_uuid, ref, action, round, before, after)."""
    if not entries:
        return 0
    from models.entities import new_uuid

    last = History.select(History.hash).where(History.origin == "").order_by(History.id.desc()).first()
    prev = last.hash if last else ""
    moment = utcnow()
    at, stored_at = moment.isoformat(), History.at.db_value(moment)
    fields = ("uuid", "at", "actor", "entity", "entity_uuid", "ref", "action", "round", "before", "after",
              "prev_hash", "hash", "origin")
    values = []
    for entry in entries:
        # the content exactly as ``_content`` reads it back from the stored row
        content = {"uuid": new_uuid(), "at": at, "actor": entry["actor"], "entity": entry["entity"],
                   "entity_uuid": entry["entity_uuid"], "ref": entry.get("ref", ""), "action": entry["action"],
                   "round": entry.get("round"), "before": entry.get("before"), "after": entry.get("after")}
        digest = _digest(prev, content)
        values.append((content["uuid"], stored_at, content["actor"], content["entity"], content["entity_uuid"],
                       content["ref"], content["action"], content["round"], History.before.db_value(content["before"]),
                       History.after.db_value(content["after"]), prev, digest, ""))
        prev = digest
    columns = ", ".join(f'"{getattr(History, name).column_name}"' for name in fields)
    db = History._meta.database
    marks = ", ".join(db.param for _ in fields)
    cursor = db.cursor()
    cursor.executemany(f'INSERT INTO "history" ({columns}) VALUES ({marks})', values)
    return len(values)


ANCHOR_SETTING = "history.anchor"  # {"count", "hash"}: the head headquarters acknowledged in its receipt


def head(up_to_id: int | None = None) -> dict:
    """{"count": rows, "hash": the last row's hash} of this desk's own chain (rows with id <= ``up_to_id``)."""
    query = History.select(History.id, History.hash).where(History.origin == "")
    if up_to_id is not None:
        query = query.where(History.id <= up_to_id)
    last = query.order_by(History.id.desc()).first()
    return {"count": query.count(), "hash": last.hash if last else ""}


def anchor() -> dict | None:
    from models import Setting

    row = Setting.get_or_none(Setting.key == ANCHOR_SETTING)
    value = row.value if row is not None else None
    return value if isinstance(value, dict) and isinstance(value.get("count"), int) else None


def keep_anchor(acknowledged: dict) -> None:
    """Keep the head headquarters acknowledged (a receipt), if it is further along than the one kept."""
    from models import Setting

    if not (isinstance(acknowledged, dict) and isinstance(acknowledged.get("count"), int)
            and isinstance(acknowledged.get("hash"), str)):
        return
    row = Setting.get_or_none(Setting.key == ANCHOR_SETTING)
    if row is None:
        Setting.create(key=ANCHOR_SETTING, value={"count": acknowledged["count"], "hash": acknowledged["hash"]})
    elif not isinstance(row.value, dict) or row.value.get("count", -1) <= acknowledged["count"]:
        row.value = {"count": acknowledged["count"], "hash": acknowledged["hash"]}
        row.save()


def verify_chain() -> dict:
    """Walk the whole history; return {"ok", "rows", "first_broken"} (the id and ref of the first bad row).

    Rows written here form one chain; at headquarters each branch's imported rows (``origin``) form their own,
    exactly as the branch wrote them, so each chain is walked on its own.
    """
    count = 0
    origins = [r.origin for r in History.select(History.origin).distinct().order_by(History.origin)]
    for origin in origins or [""]:
        prev = ""
        for row in History.select().where(History.origin == origin).order_by(History.id).iterator():
            count += 1
            if row.prev_hash != prev or row.hash != _digest(prev, _content(row)):
                return {"ok": False, "rows": count,
                        "first_broken": {"id": row.id, "ref": row.ref, "at": row.at.isoformat(),
                                         "action": row.action, "origin": origin or None}}
            prev = row.hash
    kept = anchor()
    if kept is not None and kept["count"] > 0:
        at = (History.select(History.id, History.hash, History.ref, History.at, History.action)
              .where(History.origin == "").order_by(History.id).offset(kept["count"] - 1).limit(1).first())
        if at is None:
            return {"ok": False, "rows": count, "first_broken": None, "anchor": kept, "problem": "cut"}
        if at.hash != kept["hash"]:
            return {"ok": False, "rows": count, "anchor": kept, "problem": "rewritten",
                    "first_broken": {"id": at.id, "ref": at.ref, "at": at.at.isoformat(), "action": at.action,
                                     "origin": None}}
    return {"ok": True, "rows": count, "first_broken": None, "anchor": kept}
