"""Import exchange files by what they are: a branch's data bundle (headquarters), a policy bundle or a receipt
(branch). Used by ``import FILE...`` and the import window."""
from __future__ import annotations

import contextlib
import functools
import gc
from pathlib import Path

from app import i18n
from app.errors import DeskError
from app.rules.branch import local_branch

i18n.register({
    "Building the register's indexes…": "正在重建登记台帐的索引…",
})

# A batch of data bundles carrying at least this many cases, and at least a quarter of the cases stored, is
# imported with the register's indexes built once at the end (``models.db.deferred_indexes``): a first
# consolidation of the branches, or branches joining. Below that, keeping them current row by row is cheaper
# than building them again over everything stored.
DEFER_MIN_CASES = 5000
DEFER_SHARE = 0.25


def import_file(actor, path: str | Path, *, write_receipt: bool = True, prepared=None, on_written=None) -> dict:
    """Import one exchange file by its kind. ``prepared``, ``on_written``: for a data bundle, as
    ``app.exchange.importer.import_bundle`` takes them."""
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

    return {"kind": "data", **import_bundle(actor, path, write_receipt=write_receipt, prepared=prepared,
                                            on_written=on_written)}


def import_files(actor, paths, *, progress=None, write_receipts: bool = True) -> list[dict]:
    """Import several files, each on its own (all or nothing), in the order given. Returns one result per file; a
    refused file's result has status "refused" and the reason in the user's language, and the others go on.
    ``progress(done, total, text)`` is called before each file (text: its name), before the indexes are built
    again (text: that stage, in the user's language) and at the end (text: None)."""
    paths = [str(path) for path in paths]
    results = []
    batch = _data_bundles(actor, paths)
    with (_register_indexes_deferred(batch) as deferred, _prepared_ahead(batch) as ahead,
          _cycle_collector_paused(ahead is not None)):
        for index, path in enumerate(paths):
            if progress is not None:
                progress(index, len(paths), Path(path).name)
            on_written = None
            if ahead is not None and index + 1 < len(paths):  # the next bundle is read while this one commits
                on_written = functools.partial(ahead.prefetch, paths[index + 1])
            try:
                prepared = ahead.take(path) if ahead is not None else None
                results.append(import_file(actor, path, write_receipt=write_receipts, prepared=prepared,
                                           on_written=on_written))
            except DeskError as exc:
                results.append({"file": path, "status": "refused", "error": exc.localized()})
        if deferred and progress is not None:  # the last step may take a while: say what it is
            progress(len(paths), len(paths), i18n.t("Building the register's indexes…"))
    if progress is not None:
        progress(len(paths), len(paths), None)
    return results


def _data_bundles(actor, paths) -> dict[str, dict]:
    """{path: the counts its manifest declares} of the data bundles among ``paths`` that this database imports
    (headquarters, an administrator); empty elsewhere. Manifests only: a file that cannot be read is left out
    (its import says what is wrong with it)."""
    from app.exchange import bundle, keys
    from app.exchange.common import require_hq

    try:
        keys.require_admin(actor, "admin", "hq")
        require_hq(local_branch())
    except DeskError:
        return {}
    found = {}
    for path in paths:
        try:
            manifest = bundle.read(path, payload=False).manifest
        except DeskError:
            continue
        counts = manifest.get("counts") if manifest.get("kind") == "data" else None
        if isinstance(counts, dict):
            found[path] = {name: n for name, n in counts.items() if isinstance(n, int) and n > 0}
    return found


def _register_indexes_deferred(batch: dict[str, dict]):
    """``deferred_indexes`` for the cases when the batch is large for what headquarters holds, else nothing."""
    from models import Case
    from models.db import deferred_indexes

    incoming = sum(counts.get("case", 0) for counts in batch.values())
    if not batch or incoming < DEFER_MIN_CASES or incoming < DEFER_SHARE * Case.select().count():
        return contextlib.nullcontext()
    return deferred_indexes([Case])


@contextlib.contextmanager
def _cycle_collector_paused(paused: bool):
    """A large batch makes millions of lists, tuples and strings with no cycles among them, which Python's cycle
    collector would walk again and again (a twentieth of the batch's time): it is paused for the batch."""
    if not paused or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _prepared_ahead(batch: dict[str, dict]):
    """An ``Ahead`` preparing the batch's data bundles in a worker process when there are several and they are
    large enough to be worth it; else nothing (each is prepared as it is imported)."""
    from app.exchange import ahead, keys
    from app.exchange.importer import senders

    records = sum(sum(counts.values()) for counts in batch.values())
    if len(batch) < 2 or records < ahead.MIN_RECORDS:
        return contextlib.nullcontext()
    try:
        key = keys.encryption_key().private_bytes_raw()
    except DeskError:  # no keys: each bundle's own import says so
        return contextlib.nullcontext()
    return ahead.Ahead(list(batch), senders(), key, documents=True)
