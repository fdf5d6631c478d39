"""Headquarters distributes policy 政策下发: a signed policy bundle (deadline preset, calendar, categories,
thresholds) that every enrolled branch verifies with headquarters' key and applies. Not encrypted: policy is
the same for every branch and holds no personal data; the signature is what matters. A branch refuses an
older policy than the one it applied (sequence), and the same file again is a no-op."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

import peewee

from app import __version__, i18n
from app.exchange import bundle, keys
from app.exchange.bundle import BundleError
from app.exchange.common import open_from_headquarters, require_hq
from app.rules.branch import local_branch

i18n.register({
    "{file} is older than the policy already applied here (sequence {sequence}, applied {last}): it is refused.":
        "{file} 比本机构已应用的政策更旧（序号 {sequence}，已应用 {last}）：拒绝导入。",
})


def export_policy(actor, out: str | Path) -> dict:
    from app.rules.policy import load_policy
    from models import ExchangeBundle, transaction

    keys.require_admin(actor, "admin", "hq")
    here = local_branch()
    require_hq(here)
    keys.ensure_keys()
    out = Path(out)
    with transaction():
        document = load_policy().to_json()
        sequence = (ExchangeBundle.select(peewee.fn.MAX(ExchangeBundle.sequence))
                    .where(ExchangeBundle.direction == "policy_out").scalar() or 0) + 1
    header = {
        "format": "complaint-desk-policy", "format_version": 1, "kind": "policy", "app_version": __version__,
        "hq": here.code, "bundle_id": bundle.new_bundle_id(), "sequence": sequence,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    data = bundle.build(header, [("policy.json", bundle.canonical(document))], keys.signing_key())
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise bundle.DriveError("The folder {folder} does not exist: is the drive plugged in?", folder=str(folder))
    path = bundle.write_file_safely(folder, out.name, data)
    with transaction():
        ExchangeBundle.create(bundle_id=header["bundle_id"], direction="policy_out", branch_code=here.code,
                              sequence=sequence, file_name=path.name, summary={"policy": document})
    return {"file": str(path), "bundle_id": header["bundle_id"], "sequence": sequence, "policy": document}


def import_policy_bundle(actor, path: str | Path) -> dict:
    from app.rules.policy import from_json, load_policy
    from app.records.calendar_change import apply_policy
    from models import ExchangeBundle, ExchangePeer, transaction

    here, hq, opened = open_from_headquarters(actor, path, "policy")
    m = opened.manifest
    if (m.get("format") != "complaint-desk-policy" or not isinstance(m.get("sequence"), int)
            or not re.fullmatch(r"[0-9a-f]{32}", str(m.get("bundle_id")))):
        raise BundleError("{file} is damaged: its manifest cannot be read.", file=opened.file)
    files = bundle.entries(opened, None)
    try:
        document = json.loads(files["policy.json"].decode("utf-8"))
    except (KeyError, UnicodeDecodeError, ValueError):
        raise BundleError("{file} is damaged: its manifest cannot be read.", file=opened.file) from None
    policy = from_json(document)  # refuses unknown keys and bad values with the field named
    with transaction():
        peer = ExchangePeer.get_by_id(hq.id)
        if ExchangeBundle.select().where(ExchangeBundle.bundle_id == m["bundle_id"]).exists():
            return {"status": "already_applied", "sequence": m["sequence"], "policy": policy.to_json()}
        if m["sequence"] <= peer.last_sequence:
            raise BundleError("{file} is older than the policy already applied here (sequence {sequence}, applied "
                              "{last}): it is refused.", file=opened.file, sequence=m["sequence"],
                              last=peer.last_sequence)
        result = apply_policy(actor.username, load_policy(), policy, action="policy_bundle",
                              reason=f"headquarters policy {m['sequence']}")
        peer.last_sequence = m["sequence"]
        peer.save()
        ExchangeBundle.create(bundle_id=m["bundle_id"], direction="policy_in", branch_code=here.code,
                              sequence=m["sequence"], file_name=opened.file, summary={"policy": policy.to_json()})
    return {"status": "applied", "sequence": m["sequence"], "policy": policy.to_json(),
            "deadlines_changed": result["changed"], "reprint": result["reprint"]}
