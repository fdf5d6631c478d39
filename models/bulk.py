"""Writing many rows at once, the fastest way each database offers: SQLite's executemany, and on PostgreSQL the
COPY protocol into a staging table of the transaction's own, merged into the table in one statement.

Why a staging table rather than COPY into the table itself: COPY has no ON CONFLICT, so one row clashing with a
stored unique value would fail the whole COPY with nothing to say which; ``INSERT ... SELECT ... ON CONFLICT DO
NOTHING RETURNING`` from the staging table writes the rest set-based and tells how many went in, and the new ids
come back with their uuids in the same statement. A clash is then reported as ``peewee.IntegrityError`` (the
caller rolls back and writes record by record to find which). An update is one ``UPDATE ... FROM`` the staging
table. The staging table holds only the columns written (no constraints, no indexes: loading it costs little)
and is dropped as soon as it is merged.

Values are what the models' ``db_value`` gives: text, integers, booleans, decimals, None (and dates and times).
"""
from __future__ import annotations

import io
import itertools
from datetime import date, datetime
from decimal import Decimal

import peewee

from models.db import database, is_sqlite

# Fewer rows than this go in one multi-row statement: a COPY and a staging table cost more than they save.
COPY_FROM = 200
# Rows per COPY: bounds the text held in memory at once (a case is about a kilobyte).
COPY_CHUNK = 20000
_stage_names = itertools.count(1)

_ESCAPES = str.maketrans({"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def copy_text(value) -> str:
    """One value in COPY's text format (tab-separated, \\N for NULL, backslash escapes)."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (int, Decimal, float)):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "\\\\x" + bytes(value).hex()
    raise TypeError(f"cannot write a {type(value).__name__} with COPY")


def copy_lines(records) -> str:
    """The records in COPY's text format. Text, by far the most values, is escaped in place (a function call for
    each of millions of values costs more than the escaping)."""
    escapes, other = _ESCAPES, copy_text
    return "".join("\t".join([v.translate(escapes) if type(v) is str else other(v) for v in record]) + "\n"
                   for record in records)


def _column_list(columns) -> str:
    return ", ".join(f'"{name}"' for name in columns)


def _stage(cursor, table: str, columns: list[str], records: list) -> str:
    """A temporary table with ``columns`` (types as in ``table``), loaded with ``records`` through COPY."""
    name = f"cdesk_stage_{next(_stage_names)}"
    cursor.execute(f'CREATE TEMPORARY TABLE {name} ON COMMIT DROP AS SELECT {_column_list(columns)} '
                   f'FROM "{table}" WITH NO DATA')
    for start in range(0, len(records), COPY_CHUNK):
        data = io.StringIO(copy_lines(records[start:start + COPY_CHUNK]))
        cursor.copy_expert(f"COPY {name} ({_column_list(columns)}) FROM STDIN", data)
    return name


def insert_rows(table: str, columns: list[str], values, *, returning: tuple[str, ...] = ()) -> list[tuple]:
    """Insert many rows of ``columns``. ``returning``: columns of the inserted rows to give back (PostgreSQL only;
    SQLite gives []). A row clashing with a unique value already stored raises ``peewee.IntegrityError`` and,
    the caller's transaction being rolled back, writes nothing."""
    db = database.obj
    records = values if isinstance(values, list) else list(values)
    if not records:
        return []
    head = f'INSERT INTO "{table}" ({_column_list(columns)}) '
    tail = f" RETURNING {_column_list(returning)}" if returning else ""
    with peewee.__exception_wrapper__:
        cursor = db.cursor()
        if is_sqlite():
            cursor.executemany(head + "VALUES (" + ", ".join("?" for _ in columns) + ")", records)
            return []
        if len(records) < COPY_FROM:
            one = "(" + ", ".join("%s" for _ in columns) + ")"
            cursor.execute(head + "VALUES " + ", ".join([one] * len(records)) + tail,
                           [v for record in records for v in record])
            return cursor.fetchall() if returning else []
        stage = _stage(cursor, table, columns, records)
        cursor.execute(f"{head}SELECT {_column_list(columns)} FROM {stage} ON CONFLICT DO NOTHING{tail}")
        written = cursor.fetchall() if returning else None
        count = len(written) if returning else cursor.rowcount
        cursor.execute(f"DROP TABLE {stage}")
    if count != len(records):
        raise peewee.IntegrityError(f"{len(records) - count} of {len(records)} rows for {table} clash with a unique "
                                    "value already stored")
    return written or []


def update_rows(table: str, columns: list[str], values) -> None:
    """UPDATE many rows by id: each entry of ``values`` is the new values of ``columns``, then the id."""
    db = database.obj
    records = values if isinstance(values, list) else list(values)
    if not records:
        return
    with peewee.__exception_wrapper__:
        cursor = db.cursor()
        if is_sqlite() or len(records) < COPY_FROM:
            assignments = ", ".join(f'"{name}" = {db.param}' for name in columns)
            cursor.executemany(f'UPDATE "{table}" SET {assignments} WHERE "id" = {db.param}', records)
            return
        stage = _stage(cursor, table, list(columns) + ["id"], records)
        assignments = ", ".join(f'"{name}" = s."{name}"' for name in columns)
        cursor.execute(f'UPDATE "{table}" AS t SET {assignments} FROM {stage} AS s WHERE t."id" = s."id"')
        cursor.execute(f"DROP TABLE {stage}")
