"""Import any exchange file by what it is: a branch's data bundle (headquarters), a policy bundle or a receipt
(branch). Used by ``import FILE...`` and the import window."""
from __future__ import annotations

from pathlib import Path


def import_file(actor, path: str | Path) -> dict:
    from app.exchange import bundle

    path = str(path)
    kind = bundle.read(path).manifest.get("kind")
    if kind == "policy":
        from app.exchange.policy_bundle import import_policy_bundle

        return {"file": path, "kind": "policy", **import_policy_bundle(actor, path)}
    if kind == "receipt":
        from app.exchange.receipts import import_receipt

        return {"file": path, "kind": "receipt", **import_receipt(actor, path)}
    from app.exchange.importer import import_bundle

    return {"kind": "data", **import_bundle(actor, path)}
