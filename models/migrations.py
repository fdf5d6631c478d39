"""Schema migrations: each step takes the database from version N-1 to N.

A new database is created at the latest version directly; an older file is brought forward step by step
inside one transaction, so a failed migration leaves the file as it was.
"""
from __future__ import annotations

from models.db import SCHEMA_VERSION



def _leaner_indexes(db) -> None:
    """2: indexes that cost every insert for nothing: the single-column indexes of case whose column begins a
    composite index (which serves the same lookups), and history's ``at`` and ``ref`` (history is read in id
    order; monthly statements are found by entity and ref)."""
    for name in ("case_branch_id", "case_kind", "case_mobile", "case_category", "case_severity", "history_at",
                 "history_ref"):
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "history_entity_ref" ON "history" ("entity", "ref")')


# version -> function(db) taking the schema from version-1 to version
STEPS: dict[int, callable] = {2: _leaner_indexes}


class SchemaTooNew(RuntimeError):
    pass


def migrate(db, SchemaVersion) -> int:
    row = SchemaVersion.select().first()
    if row is None:
        SchemaVersion.create(version=SCHEMA_VERSION)
        return SCHEMA_VERSION
    if row.version > SCHEMA_VERSION:
        raise SchemaTooNew(f"database schema {row.version} is newer than this program ({SCHEMA_VERSION})")
    for version in range(row.version + 1, SCHEMA_VERSION + 1):
        STEPS[version](db)
        row.version = version
        row.save()
    return row.version
