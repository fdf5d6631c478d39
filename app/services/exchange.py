"""The USB exchange 数据交换 as the windows and the command line ask for it: a branch's export, headquarters'
import of bundles, receipts and policy, the records headquarters keeps aside, and the enrolment of a branch
with headquarters (``app.exchange``)."""
from __future__ import annotations

from app.exchange import importer, keys
from app.exchange.export import export_bundle  # noqa: F401
from app.exchange.files import import_file, import_files  # noqa: F401
from app.exchange.keys import import_enrolment, read_enrolment, write_enrolment  # noqa: F401
from app.exchange.policy_bundle import export_policy, import_policy_bundle  # noqa: F401
from app.exchange.receipts import import_receipt  # noqa: F401
from app.services.actors import Actor
from models import transaction


def quarantined(actor: Actor, branch: str | None = None) -> list[dict]:
    """Headquarters: the records kept aside because a value was refused (newest first), with the branch, the
    table, the record's uuid, the field and the problem in the user's language; ``branch``: one branch's only.
    A corrected version from the branch replaces its entry when it is imported."""
    with transaction():
        keys.require_admin(actor, "admin", "hq")
        return importer.quarantine_list((branch or "").strip().upper() or None)
