"""``python -m bench.pgsearch [--size N]``: the register's search at headquarters on PostgreSQL.

A generated data set (bench/dataset.py, kept in the cache folder like the main harness's) is copied into a
database on a private cluster (bench/pgcluster.py), its search index built with ``app.records.search.rebuild``,
and the register's first screen with a search (count, the first 200 ids sorted by received time, the rows on
screen) is timed through the services for common and rare two-character words, a single character, a longer
phrase and a slip number; for each, EXPLAIN ANALYZE of the page's query shows the plan PostgreSQL chose.
"""
from __future__ import annotations

import argparse
import io
import sqlite3
import statistics
import sys
import time
from pathlib import Path

TABLES = ("branch", "department", "user", "setting", "number_series", "change_counter", "case")
QUERIES = [("common 2 characters", "理赔"), ("2 characters", "喷漆"), ("rare 2 characters (a name)", "王伟"),
           ("1 character", "赔"), ("3 characters", "理赔款"), ("slip number", "BJ01-2026-0001")]


def copy_into(source: Path, db) -> None:
    """The tables the register reads, from the generated SQLite file into the PostgreSQL database (COPY)."""
    from models.bulk import copy_lines

    src = sqlite3.connect(str(source))
    conn = db.connection()
    for table in TABLES:
        wanted = {row[0] for row in db.execute_sql(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s", (table,))}
        columns = [row[1] for row in src.execute(f'PRAGMA table_info("{table}")') if row[1] in wanted]
        names = ", ".join(f'"{c}"' for c in columns)
        db.execute_sql(f'DELETE FROM "{table}"')
        cursor = src.execute(f'SELECT {names} FROM "{table}"')
        while rows := cursor.fetchmany(20000):
            data = io.StringIO(copy_lines(rows))
            with conn.cursor() as out:
                out.copy_expert(f'COPY "{table}" ({names}) FROM STDIN', data)
        if "id" in columns:
            db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                           f"(SELECT COALESCE(max(id), 1) FROM \"{table}\"))")
    conn.commit()


def first_screen(actor, text: str) -> float:
    from app.services import queries

    started = time.perf_counter()
    filters = {"text": text}
    queries.ledger_count(actor, filters)
    ids = queries.ledger_ids(actor, filters, sort="received_at", descending=True, limit=200)
    queries.ledger_rows(actor, ids[:40])
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pgsearch")
    parser.add_argument("--size", type=int, default=250_000)
    parser.add_argument("--data", type=Path, default=None, help="cache folder of the generated data sets")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    import models
    from app.records import search
    from app.rules import access
    from app.services import auth, queries
    from bench import dataset, pgcluster
    from bench.harness import default_data_dir
    from models import Case

    folder = args.data or default_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"pgsearch-{args.size}.sqlite3"
    if not source.exists():
        print(f"generating {args.size:,} cases into {source} …", flush=True)
        partial = source.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        dataset.generate(partial, args.size, workers=1)
        partial.rename(source)
    bindir = pgcluster.postgres_bin()
    if bindir is None:
        print("PostgreSQL server binaries not found (initdb, pg_ctl)", file=sys.stderr)
        return 1
    server = pgcluster.PostgresServer(bindir)
    server.start()
    try:
        url = server.new_database()
        models.init_db(url)
        db = models.database.obj
        started = time.perf_counter()
        copy_into(source, db)
        print(f"copied {args.size:,} cases in {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        with models.transaction():
            search.rebuild()
        print(f"search index built in {time.perf_counter() - started:.0f} s", flush=True)
        db.connection().autocommit = True
        db.execute_sql("VACUUM ANALYZE")
        db.connection().autocommit = False
        actor = auth.sign_in("admin", dataset.PASSWORD)
        user = queries.current_user(actor)
        print(f"\n{'query':30} {'hits':>8} {'first screen (median)':>22} {'EXPLAIN ANALYZE of the page':>28}  plan")
        for label, text in QUERIES:
            needed = search._pg_parse(text)[0]
            hits = queries.ledger_count(actor, {"text": text})
            samples = [first_screen(actor, text) for _ in range(args.repeat)]
            page = (queries._apply_filters(access.visible_cases(user).select(Case.id), {"text": text})
                    .order_by(Case.received_at.desc(), Case.id.desc()).limit(200))
            sql, params = page.sql()
            plan = [row[0] for row in db.execute_sql("EXPLAIN ANALYZE " + sql, params).fetchall()]
            executed = next(line for line in plan if line.startswith("Execution Time"))
            how = "walk in register order" if needed and search._pg_walks(needed) else "read the hits, sort"
            print(f"{label + ' ' + text:30} {hits:>8,} {statistics.median(samples) * 1000:>19.1f} ms "
                  f"{executed.split(':')[1].strip():>28}  {how}")
        models.close_db()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
