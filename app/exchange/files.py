"""Import exchange files by what they are: a branch's data bundle (headquarters), a policy bundle or a receipt
(branch). Used by ``import FILE...`` and the import window."""
from __future__ import annotations

import contextlib
from pathlib import Path

from app import i18n
from app.errors import DeskError

i18n.register({
    "Building the register's indexes…": "正在重建登记台帐的索引…",
})

# A batch of data bundles carrying at least this many cases, and at least a quarter of the cases stored, is
# imported with the register's indexes built once at the end (``models.db.deferred_indexes``): a first
# consolidation of the branches, or branches joining. Below that, keeping them current row by row is cheaper
# than building them again over everything stored.
DEFER_MIN_CASES = 5000
DEFER_SHARE = 0.25


def import_file(actor, path: str | Path, *, write_receipt: bool = True) -> dict:
    from app.exchange import bundle

    path = str(path)
    kind = bundle.read(path, payload=False).manifest.get("kind")
    if kind == "policy":
        from app.exchange.policy_bundle import import_policy_bundle

        return {"file": path, "kind": "policy", **import_policy_bundle(actor, path)}
    if kind == "receipt":
        from app.exchange.receipts import import_receipt

        return {"file": path, "kind": "receipt", **import_receipt(actor, path)}
    from app.exchange.importer import import_bundle

    return {"kind": "data", **import_bundle(actor, path, write_receipt=write_receipt)}


def import_files(actor, paths, *, progress=None, write_receipts: bool = True) -> list[dict]:
    """Import several files, each on its own (all or nothing), in the order given. Returns one result per file; a
    refused file's result has status "refused" and the reason in the user's language, and the others go on.
    ``progress(done, total, text)`` is called before each file (text: its name), before the indexes are built
    again (text: that stage, in the user's language) and at the end (text: None)."""
    paths = [str(path) for path in paths]
    results = []
    with _register_indexes_deferred(actor, paths) as deferred:
        for index, path in enumerate(paths):
            if progress is not None:
                progress(index, len(paths), Path(path).name)
            try:
                results.append(import_file(actor, path, write_receipt=write_receipts))
            except DeskError as exc:
                results.append({"file": path, "status": "refused", "error": exc.localized()})
        if deferred and progress is not None:  # the last step may take a while: say what it is
            progress(len(paths), len(paths), i18n.t("Building the register's indexes…"))
    if progress is not None:
        progress(len(paths), len(paths), None)
    return results


def incoming_cases(paths) -> int:
    """The cases the data bundles among ``paths`` declare (their manifests only; unreadable files count 0: their
    import says what is wrong with them)."""
    from app.exchange import bundle

    total = 0
    for path in paths:
        try:
            manifest = bundle.read(path, payload=False).manifest
        except DeskError:
            continue
        counts = manifest.get("counts") if manifest.get("kind") == "data" else None
        cases = counts.get("case") if isinstance(counts, dict) else None
        total += cases if isinstance(cases, int) and cases > 0 else 0
    return total


def _register_indexes_deferred(actor, paths):
    """``deferred_indexes`` for the cases when the batch is large for what headquarters holds, else nothing."""
    from app.exchange import keys
    from app.exchange.common import require_hq
    from models import Case
    from models.db import deferred_indexes

    try:  # only where the data bundles will be imported at all
        keys.require_admin(actor, "admin", "hq")
        require_hq(keys.local_branch())
    except DeskError:
        return contextlib.nullcontext()
    incoming = incoming_cases(paths)
    if incoming < DEFER_MIN_CASES or incoming < DEFER_SHARE * Case.select().count():
        return contextlib.nullcontext()
    return deferred_indexes([Case])
