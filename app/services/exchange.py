"""The exchange as the windows and the command line see it, beyond importing and exporting files."""
from __future__ import annotations

from app.services.actors import Actor


def quarantined(actor: Actor, branch: str | None = None) -> list[dict]:
    """Headquarters: the records kept aside because a value was refused (newest first), with the branch, the
    table, the record's uuid, the field and the problem in the user's language; ``branch``: one branch's only.
    A corrected version from the branch replaces its entry when it is imported."""
    from app.exchange import importer, keys
    from models import transaction

    with transaction():
        keys.require_admin(actor, "admin", "hq")
        return importer.quarantine_list((branch or "").strip().upper() or None)
