"""A branch imports headquarters' receipt 回执导入: what headquarters confirmed it holds is no longer exported."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from app import i18n
from app.exchange.bundle import BundleError
from app.records import history
from app.exchange.common import open_from_headquarters

i18n.register({
    "{file} is a receipt for branch {other}, not for this branch ({code}).":
        "{file} 是分支机构 {other} 的回执，不是本机构（{code}）的。",
    "{file} acknowledges a bundle this branch did not write ({bundle_id}): was the database restored from an older backup?":
        "{file} 确认的数据包（{bundle_id}）并非本机构所写：数据库是否从较早的备份恢复过？",
})


def import_receipt(actor, path: str | Path) -> dict:
    from app.exchange.export import acknowledged
    from models import ExchangeBundle, transaction

    here, hq, opened = open_from_headquarters(actor, path, "receipt")
    m = opened.manifest
    bundle_id = m.get("bundle_id")
    if m.get("format") != "complaint-desk-receipt" or not isinstance(bundle_id, str) \
            or not re.fullmatch(r"[0-9a-f]{32}", bundle_id) or m.get("entries"):
        raise BundleError("{file} is damaged: its manifest cannot be read.", file=opened.file)
    if m.get("branch") != here.code:
        raise BundleError("{file} is a receipt for branch {other}, not for this branch ({code}).", file=opened.file,
                          other=str(m.get("branch")), code=here.code)
    with transaction():
        out = ExchangeBundle.get_or_none((ExchangeBundle.bundle_id == bundle_id)
                                         & (ExchangeBundle.direction == "out"))
        if out is None or (out.summary or {}).get("digest") not in (None, m.get("bundle_digest")):
            raise BundleError("{file} acknowledges a bundle this branch did not write ({bundle_id}): was the database "
                              "restored from an older backup?", file=opened.file, bundle_id=bundle_id)
        refused = [item for item in m.get("refused") or [] if isinstance(item, dict)]
        if out.acknowledged_at is None:
            out.acknowledged_at = datetime.now(timezone.utc)
            out.summary = {**(out.summary or {}), "receipt": m.get("result"), "imported_at": m.get("imported_at"),
                           "refused": refused}
            out.save()
            status = "acknowledged"
        else:
            status = "already_acknowledged"
        history.keep_anchor(m.get("history_head"))  # what headquarters holds of the history: checked by verify
        up_to_change, up_to_history = acknowledged()
    return {"status": status, "bundle_id": bundle_id, "sequence": out.sequence, "result": m.get("result"),
            "acknowledged": {"changes": up_to_change, "history": up_to_history},
            "refused": [{"table": item.get("table"), "uuid": item.get("uuid"),
                         "label": item.get("label") or item.get("uuid"), "field": item.get("field"),
                         "problem": i18n.t(str(item.get("problem") or ""), **(item.get("params") or {}))}
                        for item in refused]}
