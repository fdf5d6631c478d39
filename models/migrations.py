"""Schema migrations: each step takes the database from version N-1 to N.

A new database is created at the latest version directly; an older file is brought forward step by step
inside one transaction, so a failed migration leaves the file as it was.
"""
from __future__ import annotations

from models.db import SCHEMA_VERSION

# version -> function(db) taking the schema from version-1 to version
STEPS: dict[int, callable] = {}


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
