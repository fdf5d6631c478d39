"""Searching the register 案件检索 for a word of any length, two Chinese characters included.

SQLite's FTS5 trigram tokenizer cannot match a two-character term, and a LIKE '%…%' scan reads every case.
So each case's searchable text (number, complainant, mobile, plate, summary, reason, content) is indexed as
overlapping bigrams in the FTS5 table ``case_search`` (rowid = case id): a word segment "理赔款" becomes the
tokens "理赔 赔款 款" (the segment's last character closes it, so two segments never look adjacent). A query
segment of two or more characters is the phrase of its bigrams, which matches exactly the cases containing
it; a single character is a prefix query on the tokens. Words separated by spaces must all occur; a word with
punctuation inside ("BJ01-2026-00001") is narrowed by the index and then checked with LIKE.

The index is kept current in the transaction that saves a case: ``models.entities.Case.save`` calls the hook
registered here (importing this module registers it; ``app.services.cases`` does).

On PostgreSQL (headquarters) there is no FTS5, and pg_trgm cannot match two characters. The same tokens are kept
in the table ``case_search`` (case_id, tokens text[]) with a GIN index (``models.db.create_postgres_search``
creates it with the tables; not a model, so the exchange never carries it): each case's distinct bigrams and
single characters, from the same ``document()``, so both databases find the same cases, plus the trigrams of its
runs of ASCII letters and digits (slip numbers, mobiles, plates, whose few distinct bigrams are in nearly every
case). A query needs every bigram of its segments (a single character: the character; a run of letters and
digits: also its trigrams) in the case's array (``tokens @> ARRAY[...]``); the array has no order, so a segment
of three or more characters, like a word with punctuation, is then checked with LIKE (ILIKE there), where
SQLite's phrase is already exact. The row is written (upserted) by the same Case.save hook and in bulk by
``index_cases``, one multi-row statement per chunk; ``rebuild`` indexes every case again. The register's first
screen sorts by received time: a word with few hits reads them from the GIN index and sorts them; a common one
(as the planner's statistics of the array's elements estimate it, ``_pg_walks``) walks the cases in the
register's order and tests each one's row, stopping when the screen is full (``_pg_condition``). Measured at
250,000 cases (bench/pgsearch.py): a word of 22,090 hits 7 ms for the page's query, one of 46 hits under 1 ms.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import chain
import peewee

from models import Case, bulk
from models.db import (POSTGRES_SEARCH_COUNTS, POSTGRES_SEARCH_INDEX, POSTGRES_SEARCH_TABLE, create_postgres_search,
                       create_postgres_search_counts, create_postgres_search_index, database, is_sqlite)
from models.entities import CASE_SAVE_HOOKS

TABLE = POSTGRES_SEARCH_TABLE  # "case_search": the FTS5 table on SQLite, the token arrays on PostgreSQL
COUNTS = POSTGRES_SEARCH_COUNTS  # PostgreSQL: how many cases hold each token
FIELDS = ("number", "complainant_name", "mobile", "plate_no", "summary", "reason", "content")
_SEGMENT = re.compile(r"[^\W_]+")
# rows per statement when PostgreSQL's index is written in bulk (one round trip each)
PG_CHUNK = 1000


def tokens(text: str) -> list[str]:
    """The bigram tokens of ``text``, each word segment closed by its last character."""
    out: list[str] = []
    for segment in _SEGMENT.findall(text.upper()):
        out.extend(map(str.__add__, segment, segment[1:]))  # each character with the next one
        out.append(segment[-1])
    return out


def document(values) -> tuple[str, ...]:
    """What is indexed for a case: the bigram tokens of each searchable field (values in FIELDS order)."""
    return tuple(" ".join(tokens(v)) if v else "" for v in values)


def case_document(case: Case) -> tuple[str, ...]:
    return document(getattr(case, name) for name in FIELDS)


_ASCII_RUN = re.compile(r"[0-9A-Z]{3,}")


def _trigrams(segment: str) -> list[str]:
    """The trigrams of the runs of ASCII letters and digits in an (upper-cased) segment: slip numbers, mobiles,
    plates and figures, whose bigrams (a hundred for digits) are in nearly every case and, without their order,
    narrow nothing."""
    return [run[i:i + 3] for run in _ASCII_RUN.findall(segment) for i in range(len(run) - 2)]


# in a field's document, two bigrams of letters and digits that follow each other ("12 23"): their trigram (123)
_TRIGRAM_IN_DOCUMENT = re.compile(r"(?:^| )(?=([0-9A-Z])([0-9A-Z]) \2([0-9A-Z]))")


def token_set(doc: tuple[str, ...]) -> list[str]:
    """PostgreSQL's row for a document: its distinct tokens, every single character in them (a single character
    is found by equality there, where SQLite's prefix query "X"* matches any token starting with it), and the
    trigrams of its runs of ASCII letters and digits (``_trigrams``), read from consecutive bigrams."""
    out: set[str] = set()
    for field in doc:
        if field:
            out.update(field.split())
            out.update(field.replace(" ", ""))
            out.update(a + b + c for a, b, c in _TRIGRAM_IN_DOCUMENT.findall(field))
    return list(out)


_COLUMNS = ", ".join(FIELDS)
_MARKS = ", ".join("?" for _ in FIELDS)


def _connection():
    return database.obj.connection()


def ensure_index() -> None:
    """Create the index table if this database has none yet, and fill it from the existing cases. (Checked every
    time, not cached: a creation inside a transaction that rolls back must not be remembered.) On PostgreSQL
    ``init_db`` creates it with the tables; here it is made only for a database that held cases before it."""
    if not is_sqlite():
        db = database.obj
        if not _pg_index_exists():
            with db.atomic():
                if create_postgres_search(db, cases_present=True):
                    rebuild()
        elif not _pg_counts_exist():  # a database indexed before the counts were kept
            with db.atomic():
                create_postgres_search_counts(db)
                _pg_recount()
        return
    conn = _connection()
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).fetchone()
    if not exists:
        with database.obj.atomic():
            # external content: reading the table shows the cases' own text; the index holds the bigrams (so
            # FTS5's own 'rebuild' must not be used on it: ``rebuild`` below is the one)
            conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5({_COLUMNS}, content='case', "
                         "content_rowid='id', columnsize=0, tokenize='unicode61 remove_diacritics 0')")
            rebuild(conn)


def rebuild(conn=None, *, batch: int = 20000) -> int:
    """Index every case again (after creating the table, or a bulk load that bypassed ``Case.save``); returns how
    many cases were indexed. On PostgreSQL the table is emptied and written again in one transaction."""
    if not is_sqlite():
        return _pg_rebuild(batch)
    conn = conn or _connection()
    conn.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('delete-all')")
    columns = ", ".join(f'"{name}"' for name in ("id",) + FIELDS)
    last, count = 0, 0
    while True:
        rows = conn.execute(f'SELECT {columns} FROM "case" WHERE id > ? ORDER BY id LIMIT ?', (last, batch)).fetchall()
        if not rows:
            return count
        conn.executemany(f"INSERT INTO {TABLE}(rowid, {_COLUMNS}) VALUES (?, {_MARKS})",
                         [(row[0], *document(row[1:])) for row in rows])
        last, count = rows[-1][0], count + len(rows)


def _index_exists(conn) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).fetchone() is not None


def stored_documents(case_ids) -> dict[int, tuple[str, ...]]:
    """{case id: document} from the cases' stored text, which is what the index holds for them (so read it before
    a bulk update, and give it to ``index_cases`` after)."""
    db = database.obj
    ids = sorted(set(case_ids))
    out = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join(db.param for _ in chunk)
        for row in db.execute_sql(f'SELECT id, {_COLUMNS} FROM "case" WHERE id IN ({marks})', chunk):
            out[row[0]] = document(row[1:])
    return out


def index_cases(case_ids, replaced: dict | None = None, documents: dict | None = None) -> None:
    """Index cases written without ``Case.save`` (a bulk import) in one pass: each case's document, after
    dropping the one in ``replaced`` (from ``stored_documents``, read before an update) where it changed.
    ``documents``: {case id: document} already worked out from the text just written (an import prepares them);
    else they are read back from the cases. Where the index does not exist yet, it is created from every case
    instead. On PostgreSQL each changed case's row is written over (upserted), a chunk of rows per statement."""
    if not case_ids:
        return
    if not is_sqlite():
        if not _pg_index_exists():
            ensure_index()
            return
        current = documents if documents is not None else stored_documents(case_ids)
        if not replaced:  # new cases (an import's inserts): their rows in bulk, through COPY when many
            held = [token_set(doc) for doc in current.values()]
            bulk.insert_rows(TABLE, ["case_id", "tokens"], _array_rows(current.keys(), held))
            _pg_count(Counter(chain.from_iterable(held)))
            return
        _pg_write([(case_id, new) for case_id, new in current.items() if replaced.get(case_id) != new])
        return
    conn = _connection()
    if not _index_exists(conn):
        ensure_index()
        return
    replaced = replaced or {}
    current = documents if documents is not None else stored_documents(case_ids)
    dropped = [(case_id, *old) for case_id, old in replaced.items() if current.get(case_id, old) != old]
    added = [(case_id, *new) for case_id, new in current.items() if replaced.get(case_id) != new]
    conn.executemany(f"INSERT INTO {TABLE}({TABLE}, rowid, {_COLUMNS}) VALUES ('delete', ?, {_MARKS})", dropped)
    conn.executemany(f"INSERT INTO {TABLE}(rowid, {_COLUMNS}) VALUES (?, {_MARKS})", added)


def indexes_every_save_hook(hooks) -> bool:
    """True when the index is all that ``hooks`` (CASE_SAVE_HOOKS) keep: cases written without ``Case.save`` are
    then complete once ``index_cases`` has run for them."""
    return all(hook is _index_case for hook in hooks)


def _index_case(case: Case, created: bool):
    """Case.save hook, before the write: returns what to do after it (index the new text, drop the old)."""
    if not created and not any(name in case._dirty for name in FIELDS):
        return None  # a workflow action: the searchable text did not change
    ensure_index()
    if not is_sqlite():
        return lambda: _pg_write([(case.id, case_document(case))])
    conn = _connection()
    old = None
    if not created:
        values = conn.execute(f'SELECT {_COLUMNS} FROM "case" WHERE id = ?', (case.id,)).fetchone()
        old = document(values) if values else None

    def finish():
        new = case_document(case)
        if old == new:
            return
        if old is not None:
            conn.execute(f"INSERT INTO {TABLE}({TABLE}, rowid, {_COLUMNS}) VALUES ('delete', ?, {_MARKS})",
                         (case.id, *old))
        conn.execute(f"INSERT INTO {TABLE}(rowid, {_COLUMNS}) VALUES (?, {_MARKS})", (case.id, *new))

    return finish


# --- PostgreSQL ---------------------------------------------------------------------------------------------------


def _pg_index_exists() -> bool:
    return database.obj.execute_sql("SELECT to_regclass(%s)", (TABLE,)).fetchone()[0] is not None


def postgres_rows(case_ids, documents) -> list[tuple[int, str]]:
    """PostgreSQL's index rows (case id, tokens as an array literal) for these cases' documents, in order."""
    return _array_rows(case_ids, map(token_set, documents))


def _array_rows(case_ids, held) -> list[tuple[int, str]]:
    """(case id, its tokens as an array literal): letters and digits only, so the literal needs no quoting."""
    return [(case_id, "{" + ",".join(tokens) + "}") for case_id, tokens in zip(case_ids, held)]


def _pg_write(rows, *, counted: bool = True) -> None:
    """Upsert (case id, document) rows: one multi-row statement per PG_CHUNK rows. The tokens travel as one string
    (tokens hold no space) and the server splits it: a fraction of the text of an array literal. ``counted``: the
    token counts follow (the rows' old tokens read first)."""
    rows = list(rows)
    db = database.obj
    for start in range(0, len(rows), PG_CHUNK):
        chunk = rows[start:start + PG_CHUNK]
        new = {case_id: token_set(doc) for case_id, doc in chunk}
        if counted:
            delta = Counter(token for tokens in new.values() for token in tokens)
            delta.subtract(token for (tokens,) in db.execute_sql(
                f'SELECT "tokens" FROM "{TABLE}" WHERE "case_id" = ANY(%s)', (list(new),)) for token in tokens)
        values = ", ".join(["(%s, string_to_array(%s, ' '))"] * len(chunk))
        params = [v for case_id, tokens in new.items() for v in (case_id, " ".join(tokens))]
        db.execute_sql(f'INSERT INTO "{TABLE}" ("case_id", "tokens") VALUES {values} '
                       'ON CONFLICT ("case_id") DO UPDATE SET "tokens" = EXCLUDED."tokens"', params)
        if counted:
            _pg_count(delta)


def _pg_counts_exist() -> bool:
    return database.obj.execute_sql("SELECT to_regclass(%s)", (COUNTS,)).fetchone()[0] is not None


def _pg_count(delta: Counter) -> None:
    """Add ``delta`` (token: change in the number of cases holding it) to the counts, in token order (two
    transactions counting at once then lock the rows they share in the same order: no deadlock)."""
    items = sorted((token, n) for token, n in delta.items() if n)
    db = database.obj
    for start in range(0, len(items), PG_CHUNK * 4):
        chunk = items[start:start + PG_CHUNK * 4]
        db.execute_sql(f'INSERT INTO "{COUNTS}" ("token", "cases") VALUES {", ".join(["(%s, %s)"] * len(chunk))} '
                       f'ON CONFLICT ("token") DO UPDATE SET "cases" = "{COUNTS}"."cases" + EXCLUDED."cases"',
                       [v for item in chunk for v in item])


def _pg_recount() -> None:
    """The counts worked out again from every row of the index, in one statement."""
    db = database.obj
    db.execute_sql(f'TRUNCATE "{COUNTS}"')
    db.execute_sql(f'INSERT INTO "{COUNTS}" ("token", "cases") SELECT token, count(*) FROM "{TABLE}", '
                   'unnest("tokens") AS token GROUP BY token')


def _pg_rebuild(batch: int) -> int:
    db = database.obj
    columns = ", ".join(f'"{name}"' for name in ("id",) + FIELDS)
    with db.atomic():
        db.execute_sql(f'TRUNCATE "{TABLE}"')  # not DELETE: the space of every old row is given back
        # the GIN index built once over every row, a sorted pass, instead of kept current row by row
        db.execute_sql(f'DROP INDEX IF EXISTS "{POSTGRES_SEARCH_INDEX}"')
        last, count = 0, 0
        while True:
            rows = db.execute_sql(f'SELECT {columns} FROM "case" WHERE id > %s ORDER BY id LIMIT %s',
                                  (last, batch)).fetchall()
            if not rows:
                break
            _pg_write([(row[0], document(row[1:])) for row in rows], counted=False)
            last, count = rows[-1][0], count + len(rows)
        create_postgres_search_index(db)
        _pg_recount()
    db.execute_sql(f'ANALYZE "{TABLE}"')  # the planner's element statistics choose the register's plan
    return count


# Up to this many index hits the register reads the hits one by one (then sorts them); above it, it walks the
# case index in the order asked and tests each case against the hits, stopping when the screen is full.
FEW_HITS = 5000
# The ids the register asks for at a time: its first screen, and each page after as it is scrolled
# (ui.ledger_model.LedgerModel.PAGE, through app.services.queries.PAGE)
PAGE = 500


def _parse(text: str) -> tuple[str | None, list]:
    """The FTS5 expression for ``text`` and the LIKE conditions still needed for an exact answer."""
    parts, exact = [], []
    for word, segments, whole in _words(text):
        for segment in segments:
            if len(segment) == 1:
                parts.append(f'"{segment}"*')
            else:
                parts.append('"' + " ".join(_bigrams(segment)) + '"')
        if not whole:
            exact.append(_like(word))
    return (" AND ".join(parts) if parts else None), exact


def _words(text: str) -> list[tuple[str, list[str], bool]]:
    """Each word of a search: (the word, its segments of letters and digits, upper-cased, whether it is one segment
    and nothing else, so that the index alone can answer it)."""
    out = []
    for word in text.split():
        segments = _SEGMENT.findall(word.upper())
        out.append((word, segments, len(segments) == 1 and segments[0] == word.upper()))
    return out


def _bigrams(segment: str) -> list[str]:
    return [segment[i:i + 2] for i in range(len(segment) - 1)]


def _hits(expression: str) -> int:
    return _connection().execute(f"SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH ?", (expression,)).fetchone()[0]


def _pg_parse(text: str) -> tuple[list[str], list]:
    """PostgreSQL's tokens every match holds for ``text`` (each segment's bigrams, a single character itself, the
    trigrams of its ASCII runs) and the LIKE conditions still needed: where SQLite needs them, and for a segment of three or more characters (its
    bigrams may occur apart in an unordered array)."""
    needed: set[str] = set()
    exact = []
    for word, segments, whole in _words(text):
        for segment in segments:
            needed.update([segment] if len(segment) == 1 else _bigrams(segment))
            needed.update(_trigrams(segment))
        if not whole or len(segments[0]) > 2:
            exact.append(_like(word))
    return sorted(needed), exact


def _pg_hits(needed: list[str]) -> int:
    """How many cases hold every token of ``needed``: one token (a two-character word, a single character) read
    from its count, which answers at once however common the word; several counted from the index."""
    db = database.obj
    if len(needed) == 1:
        row = db.execute_sql(f'SELECT "cases" FROM "{COUNTS}" WHERE "token" = %s', (needed[0],)).fetchone()
        return row[0] if row else 0
    return db.execute_sql(f'SELECT count(*) FROM "{TABLE}" WHERE "tokens" @> %s::text[]', (needed,)).fetchone()[0]


def _pg_walks(needed: list[str]) -> bool:
    """Whether the register should walk the cases in its order for ``needed`` rather than read its hits: when the
    hits are many, as the planner's statistics of the array's elements estimate them (an estimate costs a fraction
    of a millisecond; counting a common word's hits reads thousands of pages). Reading the hits costs in
    proportion to their number; walking, to the cases passed before a page of the register (PAGE) is found, about
    PAGE x cases / hits: the two meet near sqrt(PAGE x cases), 22,000 at a million cases. Measured at a million
    cases of 50 branches in number order: 16,469 hits read in 60 ms, walked in 129; 20,056 hits 72 and 95 ms;
    25,033 hits 102 and 80 ms; 45,119 hits 342 and 58 ms. Below FEW_HITS the hits are always read: a wrong walk
    is the costly mistake (a rare word walks every case), and the estimate of a word's bigrams taken together is
    low rather than high."""
    db = database.obj
    if len(needed) == 1:  # one token: its count is exact, and as cheap as an estimate
        estimate = _pg_hits(needed)
    else:
        plan = db.execute_sql(f'EXPLAIN (FORMAT JSON) SELECT 1 FROM "{TABLE}" WHERE "tokens" @> %s::text[]',
                              (needed,)).fetchone()[0]
        estimate = plan[0]["Plan"]["Plan Rows"]
    cases = db.execute_sql("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", (TABLE,)).fetchone()[0]
    return estimate > max(FEW_HITS, (PAGE * max(cases, 0)) ** 0.5)


_PG_TABLE = peewee.Table(TABLE)


def _holds(needed: list[str]):
    return peewee.Expression(_PG_TABLE.c.tokens, "@>", peewee.Cast(peewee.Value(needed, unpack=False), "text[]"))


def _pg_condition(needed: list[str]):
    """The cases whose row holds every token of ``needed``. Few hits: their ids read from the GIN index once
    (``id = ANY(ARRAY(...))``, which PostgreSQL evaluates first and then fetches those cases by primary key, to
    sort them; left a plain IN, the planner may walk the register's order for a word of a few thousand hits and
    test each case, measured 5 to 10 times slower). Many: each case tested by its own row (primary key) in the
    register's order, stopping when the screen is full; OFFSET 0 keeps the planner from turning it into a join
    that reads every hit first."""
    hits = _PG_TABLE.select(_PG_TABLE.c.case_id).where(_holds(needed))
    if not _pg_walks(needed):
        return Case.id == peewee.fn.ANY(peewee.fn.ARRAY(hits))
    return peewee.fn.EXISTS(_PG_TABLE.select(peewee.SQL("1"))
                            .where((_PG_TABLE.c.case_id == Case.id) & _holds(needed)).offset(0))


def search_condition(text: str):
    """A peewee condition for the cases matching ``text`` (None for an empty search)."""
    if not text.split():
        return None
    ensure_index()
    if not is_sqlite():
        needed, exact = _pg_parse(text)
        condition = _pg_condition(needed) if needed else None
    else:
        expression, exact = _parse(text)
        condition = None
        if expression:
            hits = peewee.SQL(f"(SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?)", [expression])
            # "id + 0" is the same value, but keeps SQLite from reading the hits one by one: it then tests each
            # case it walks (in the register's order) against them, which is what a common word needs
            condition = Case.id.in_(hits) if _hits(expression) <= FEW_HITS else (Case.id + 0).in_(hits)
    for extra in exact:
        condition = extra if condition is None else condition & extra
    return condition


def count_matches(text: str) -> int | None:
    """How many cases match ``text``, from the index alone, when it answers exactly (no LIKE check needed); else
    None. Exact because every case is indexed when saved and cases are never deleted (voided)."""
    if not text.split():
        return None
    ensure_index()
    if not is_sqlite():
        needed, exact = _pg_parse(text)
        return _pg_hits(needed) if needed and not exact else None
    expression, exact = _parse(text)
    if expression is None or exact:
        return None
    return _hits(expression)


def _like(text: str):
    return (Case.number.contains(text.upper()) | Case.complainant_name.contains(text) | Case.mobile.contains(text)
            | Case.plate_no.contains(text.upper()) | Case.summary.contains(text) | Case.content.contains(text)
            | Case.reason.contains(text))


def _all(conditions):
    out = None
    for c in conditions:
        out = c if out is None else out & c
    return out


def register() -> None:
    if _index_case not in CASE_SAVE_HOOKS:
        CASE_SAVE_HOOKS.append(_index_case)


register()
