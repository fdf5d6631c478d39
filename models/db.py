"""Database set-up: the proxy, init_db, pragmas, schema version and migrations.

A branch keeps one SQLite file; headquarters may use PostgreSQL (a ``postgresql://`` URL). The same models
serve both. Every connection is per thread (peewee's default), so background workers open their own.
"""
from __future__ import annotations

import contextlib
import errno
import sqlite3
from pathlib import Path

import peewee
from playhouse.db_url import connect

SCHEMA_VERSION = 2

database = peewee.DatabaseProxy()

# SQLite pragmas: write-ahead log so readers never block the desk, foreign keys enforced, and synchronous
# FULL so that a committed case survives a power cut. A new database is laid out in 16 KiB pages (set before
# anything is written; an existing file keeps its own): a case's row of Chinese text is about a kilobyte, and
# with 4 KiB pages the tables and their indexes split pages four times as often. Measured on the headquarters
# import, whose writes dominate (``make bench``): the database's own executemany of a million cases' rows,
# versions and search documents took 155 s with 4 KiB pages, 138 s with 8, 127 s with 16 and 32.
SQLITE_PRAGMAS = {
    "page_size": 16384,
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL
    "busy_timeout": 10000,
    "cache_size": -32000,
}


class StorageFull(peewee.OperationalError):
    """The disk (or the database's size limit) was full during a save. The transaction was rolled back: nothing of
    it was written. ``app.records.integrity.storage_full_error()`` gives the message for the user."""


def is_storage_full(exc: BaseException | None) -> bool:
    """Whether ``exc`` or an error it was raised while handling is SQLITE_FULL or ENOSPC. (When COMMIT hits a full
    disk SQLite has already rolled back, so the rollback that follows fails with "no transaction is active".)"""
    seen = 0
    while exc is not None and seen < 10:
        text = str(exc).lower()
        if isinstance(exc, (peewee.OperationalError, OSError, sqlite3.OperationalError)) and (
                "disk is full" in text or "disk full" in text or getattr(exc, "errno", None) == errno.ENOSPC
                # opening a WAL database on a full disk: the shared-memory file cannot be created
                or getattr(exc, "sqlite_errorname", None) in ("SQLITE_FULL", "SQLITE_IOERR_SHMSIZE")):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def is_sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


def _open(target: str | Path) -> peewee.Database:
    text = str(target)
    if "://" in text:
        if text.startswith("sqlite:"):
            return connect(text, pragmas=SQLITE_PRAGMAS)
        return connect(text)
    path = Path(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    return peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS)


def init_db(target: str | Path, *, create: bool = True) -> peewee.Database:
    """Open the database at ``target`` (a path or URL), create missing tables and migrate to SCHEMA_VERSION."""
    from models.entities import ALL_MODELS, SchemaVersion

    if database.obj is not None:
        close_db()
    db = _open(target)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        if create and not _schema_current(db, ALL_MODELS, SchemaVersion):
            with db.atomic():
                db.create_tables(ALL_MODELS, safe=True)
                if not isinstance(db, peewee.SqliteDatabase):
                    create_postgres_search(db)
                from models import migrations

                migrations.migrate(db, SchemaVersion)
        _mint_for_local_site()
    except peewee.OperationalError as exc:
        if is_storage_full(exc) and not isinstance(exc, StorageFull):
            raise StorageFull(str(exc)) from exc
        raise
    return db


def _schema_current(db, models, SchemaVersion) -> bool:
    """Whether every table and index of ``models`` exists and the schema is at SCHEMA_VERSION, read from the
    catalogue alone. Then nothing is created: on PostgreSQL "CREATE INDEX IF NOT EXISTS" takes a lock on the table
    before it finds the index there, so a desk starting while a colleague's transaction writes to that table would
    wait for it, or deadlock with it."""
    try:
        tables = set(db.get_tables())
        if any(model._meta.table_name not in tables for model in models):
            return False
        for model in models:
            present = {index.name for index in db.get_indexes(model._meta.table_name)}
            if any(index._name not in present for index in model._meta.fields_to_index()):
                return False
        row = SchemaVersion.select().first()
    except peewee.DatabaseError:
        db.rollback()
        return False
    return row is not None and row.version == SCHEMA_VERSION


# The search index of headquarters on PostgreSQL (app.records.search fills and reads it): each case's distinct
# bigrams and single characters, in an array that a GIN index answers containment (@>) from. Not a model: it is
# derived from the cases, so the exchange never carries it. (SQLite keeps its own, an FTS5 table.)
POSTGRES_SEARCH_TABLE = "case_search"
POSTGRES_SEARCH_INDEX = "case_search_tokens"
# how many cases hold each token: the register's count of a one-token search (a two-character word) at once,
# where counting a common word's hits reads most of the table
POSTGRES_SEARCH_COUNTS = "case_search_count"


def create_postgres_search(db, *, cases_present: bool = False) -> bool:
    """Create the PostgreSQL search table and its GIN index if missing; returns whether it was created. At start-up
    (``init_db``) only on a database without cases: a database made before the table holds cases it would not
    index, and ``app.records.search.ensure_index`` creates it there (``cases_present=True``) and fills it in the
    same transaction (filling needs the program's tokenizer, which lives above the models)."""
    if db.execute_sql("SELECT to_regclass(%s)", (POSTGRES_SEARCH_TABLE,)).fetchone()[0] is not None:
        return False
    if not cases_present and db.execute_sql('SELECT EXISTS (SELECT 1 FROM "case")').fetchone()[0]:
        return False
    # the tokens compared byte by byte (COLLATE "C") whatever the database's locale: only equality matters to the
    # search, and in a database created in Chinese (ICU zh-CN) comparing them by the locale's rules made the GIN
    # index 2.7 times slower to build and its writes 1.6 times slower (measured on 100,000 cases)
    db.execute_sql(f'CREATE TABLE "{POSTGRES_SEARCH_TABLE}" ('
                   '"case_id" INTEGER PRIMARY KEY REFERENCES "case" ("id") ON DELETE CASCADE, '
                   '"tokens" TEXT[] COLLATE "C" NOT NULL)')
    create_postgres_search_index(db)
    create_postgres_search_counts(db)
    return True


def create_postgres_search_counts(db) -> None:
    db.execute_sql(f'CREATE TABLE IF NOT EXISTS "{POSTGRES_SEARCH_COUNTS}" ("token" TEXT COLLATE "C" PRIMARY KEY, '
                   '"cases" INTEGER NOT NULL)')


def create_postgres_search_index(db) -> None:
    db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{POSTGRES_SEARCH_INDEX}" ON "{POSTGRES_SEARCH_TABLE}" '
                   'USING GIN ("tokens")')


def _mint_for_local_site() -> None:
    """New identifiers carry this database's site prefix (``models.entities.new_uuid``)."""
    from models.entities import Branch, set_uuid_site

    try:
        local = Branch.select(Branch.uuid).where(Branch.is_local == True).first()  # noqa: E712
    except peewee.OperationalError:  # opened without creating the tables
        local = None
    set_uuid_site(local.uuid if local else None)


def close_db() -> None:
    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()
    database.initialize(None)


def secondary_indexes(models) -> list[str]:
    """The names of the non-unique indexes the models define (the ones a bulk load may drop and build again)."""
    return [index._name for model in models for index in model._meta.fields_to_index() if not index._unique]


@contextlib.contextmanager
def deferred_indexes(models):
    """Load in bulk without keeping the models' non-unique indexes current row by row, then build them again.

    Inserting into an index whose keys interleave with the stored ones (times, names, mobiles) touches a page
    all over it for every row, and the pages written grow with the table; building an index afterwards is one
    sorted pass. So a load of the size of what is stored or more is faster this way. Unique indexes stay (they
    guard the data and the load looks records up by them). Each step is its own transaction, and so may be
    the writes in between: if the program stops before the end, ``init_db`` builds the missing indexes at the
    next start (it creates whatever the models define and the file lacks). Queries in between are correct,
    only slower."""
    db = database.obj
    names = secondary_indexes(models)
    with transaction():
        for name in names:
            db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    try:
        yield names
    finally:
        with transaction():
            db.create_tables(list(models), safe=True)  # CREATE INDEX IF NOT EXISTS: the dropped ones, sorted


@contextlib.contextmanager
def transaction():
    """One service call, one transaction. On SQLite the write lock is taken at once (BEGIN IMMEDIATE), so two
    desks sharing a file never both read the same last number before either writes."""
    db = database.obj
    if db.in_transaction():
        with db.atomic():
            yield
        return
    try:
        if isinstance(db, peewee.SqliteDatabase):
            with db.atomic("IMMEDIATE"):
                yield
        else:
            with db.atomic():
                yield
    except peewee.OperationalError as exc:
        if is_storage_full(exc) and not isinstance(exc, StorageFull):
            raise StorageFull(str(exc)) from exc
        raise
