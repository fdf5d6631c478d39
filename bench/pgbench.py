"""Headquarters on PostgreSQL in the bench: a cluster of the harness's own, the import of the same bundles as the
SQLite row against a raw COPY of the same rows, then the register, the search, the view across branches and the
monthly report on the million cases imported.

The cluster (``bench/pgcluster.py``) runs with the settings a headquarters server would have for this load
(durable: fsync on, synchronous commit; memory for sorts and index builds), not the test suite's fsync off.
Headquarters there is the same headquarters as the SQLite one (its keys, its enrolled branches): its database is
copied from the SQLite one before the import, so the same signed bundles import into both.
"""
from __future__ import annotations

import time
from pathlib import Path

from models.bulk import copy_rows

# what a headquarters server of a few GiB of memory would be given for this load
SERVER_SETTINGS = {
    "shared_buffers": "512MB",
    "work_mem": "32MB",
    "maintenance_work_mem": "512MB",
    "max_wal_size": "8GB",
    "checkpoint_timeout": "30min",
}


def start_server():
    """A started cluster, or None (with the reason) when PostgreSQL is not installed here."""
    from bench import pgcluster

    bindir = pgcluster.postgres_bin()
    if bindir is None:
        return None, "PostgreSQL is not installed (initdb, pg_ctl): install Debian's postgresql package"
    server = pgcluster.PostgresServer(bindir)
    try:
        server.start(SERVER_SETTINGS)
    except Exception as exc:  # noqa: BLE001 - said in the table, the other rows go on
        server.stop()
        return None, f"PostgreSQL did not start: {exc}"
    return server, ""


def _connect(url: str):
    import psycopg2

    return psycopg2.connect(url)


def _secondary_index_sql(cursor, names: list[str]) -> list[str]:
    cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = ANY(%s)", (names,))
    return [row[0] for row in cursor.fetchall()]


class PgHeadquarters:
    """The PostgreSQL headquarters (``url``) and an empty database of the same schema for the raw baseline."""

    def __init__(self, server, *, defer: bool):
        import models
        from models import Case
        from models.db import secondary_indexes

        self.server = server
        self.url = server.new_database()
        self.raw_url = server.new_database()
        models.init_db(self.raw_url)
        models.close_db()
        self.raw_indexes: list[str] = []
        if defer:  # as the import does for a batch of this size (models.db.deferred_indexes)
            conn = _connect(self.raw_url)
            with conn, conn.cursor() as cursor:
                names = secondary_indexes([Case])
                self.raw_indexes = _secondary_index_sql(cursor, names)
                for name in names:
                    cursor.execute(f'DROP INDEX "{name}"')
            conn.close()

    def clone_from(self, sqlite_path: Path) -> None:
        """This headquarters becomes a copy of the SQLite one (every table, before any import)."""
        import sqlite3

        import models
        from models.entities import ALL_MODELS

        models.init_db(self.url)
        models.close_db()
        source = sqlite3.connect(str(sqlite_path))
        conn = _connect(self.url)
        with conn, conn.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")  # rows in any order: no reference checks
            for model in ALL_MODELS:
                table = model._meta.table_name
                columns = [r[1] for r in source.execute(f'PRAGMA table_info("{table}")')]
                records = source.execute(f'SELECT * FROM "{table}"').fetchall()
                cursor.execute(f'DELETE FROM "{table}"')
                if records:
                    copy_rows(cursor, table, columns, records)
                if "id" in columns:
                    cursor.execute(f"""SELECT setval(pg_get_serial_sequence('"{table}"', 'id'),
                                       (SELECT coalesce(max(id), 0) + 1 FROM "{table}"), false)""")
        conn.close()
        source.close()

    def raw_copy(self, rows: dict, branch_id: int) -> float:
        """COPY of what the import writes for this branch (``importbench.branch_rows``) into the raw database, one
        transaction, reference checks off (as the SQLite baseline's foreign_keys=OFF). Returns seconds."""
        from bench.importbench import _as_branch
        from app.records import search

        conn = _connect(self.raw_url)
        start = time.perf_counter()
        with conn, conn.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
            cursor.execute('SELECT coalesce(max(id), 0) + 1 FROM "case"')
            first = cursor.fetchone()[0]
            for table, (names, records) in rows["tables"].items():
                if not records:
                    continue
                records = _as_branch(names, records, branch_id)
                if table == "case":  # new ids, given here so the search rows can name them
                    copy_rows(cursor, table, names, [(first + i,) + row[1:] for i, row in enumerate(records)])
                else:
                    copy_rows(cursor, table, names[1:], [row[1:] for row in records])
            copy_rows(cursor, "exchange_version", ["uuid", "table_name", "branch_code", "change_no", "digest"],
                      rows["versions"])
            copy_rows(cursor, search.TABLE, ["case_id", "tokens"],
                      search.postgres_rows(range(first, first + len(rows["documents"])), rows["documents"]))
        elapsed = time.perf_counter() - start
        conn.close()
        return elapsed

    def raw_finish(self) -> float:
        """The indexes dropped for the load built again (seconds; 0 if none)."""
        if not self.raw_indexes:
            return 0.0
        conn = _connect(self.raw_url)
        start = time.perf_counter()
        with conn, conn.cursor() as cursor:
            for sql in self.raw_indexes:
                cursor.execute(sql)
        elapsed = time.perf_counter() - start
        conn.close()
        return elapsed


def query_rows(bench, url: str, password: str) -> None:
    """The register, the search and the monthly report at headquarters on PostgreSQL, over every branch's cases
    just imported, each against the same query in raw SQL on the same server."""
    import models
    from app.services import auth, reports
    from bench.harness import Row, median, timed

    models.init_db(url)
    # as autovacuum leaves the tables a few minutes after a large import: measured while it was still at work
    # (its vacuum of the cases, their history and search rows ran 1 to 4 minutes after this import ended), the
    # register's first screen took 121 ms instead of 41, the raw SQL 111 instead of 33, on these two cores: its
    # count reads the visibility map that only a vacuum sets
    models.database.obj.execute_sql("VACUUM ANALYZE")
    admin = auth.sign_in("admin", password)
    conn = _connect(url)
    conn.autocommit = True

    def raw_screen(where: str, params: tuple, order: str):
        with conn.cursor() as cursor:
            cursor.execute(f'SELECT count(*) FROM "case" WHERE {where}', params)
            total = cursor.fetchone()[0]
            cursor.execute(f'SELECT id FROM "case" WHERE {where} ORDER BY {order} LIMIT 500', params)
            ids = [row[0] for row in cursor.fetchall()]
            cursor.execute('SELECT * FROM "case" WHERE id = ANY(%s)', (ids[:100],))
            cursor.fetchall()
            return total, ids

    def row(name, filters, sort, where, params, order, baseline_what="raw SQL"):
        product = timed(lambda: bench._screen(admin, filters, sort), bench.repeat)
        base = timed(lambda: raw_screen(where, params, order), max(1, min(bench.repeat, 3)))
        total, ids = bench._screen(admin, filters, sort)
        raw_total, raw_ids = raw_screen(where, params, order)
        check = "" if (total, ids[:50]) == (raw_total, raw_ids[:50]) else "; DIFFERS from raw SQL"
        bench.add(Row(f"{name} (HQ on PostgreSQL)", 0.1, median(product), median(base), baseline_what,
                      samples=product, note=f"{total:,} cases{check}"))

    by_number = "year DESC, seq DESC, id DESC"
    try:
        row("open the register (count + first screen)", {}, "number", "true", (), by_number)
        row("change sort (by complainant)", {}, "complainant", "true", (), "complainant_name DESC, id DESC")
        row("change filter (state = investigating)", {"state": "investigating"}, "number", "state = %s",
            ("investigating",), by_number)
        like = ("(number LIKE %s OR complainant_name LIKE %s OR mobile LIKE %s OR plate_no LIKE %s OR summary LIKE %s "
                "OR content LIKE %s OR reason LIKE %s)")
        for title, word in bench.SEARCH_WORDS:
            row(f"{title} ({word})", {"text": word}, "number", like, (f"%{word}%",) * 7, by_number,
                "naive LIKE scan")
        period = "2026-10"
        product = timed(lambda: reports.report_pdf(admin, period), max(1, min(bench.repeat, 3)), warmup=1)
        with conn.cursor() as cursor:
            def raw():
                cursor.execute('SELECT branch_id, kind, category, severity, state, count(*) FROM "case" WHERE '
                               'received_at >= %s AND received_at < %s GROUP BY 1, 2, 3, 4, 5',
                               ("2026-09-30 16:00:00", "2026-10-31 16:00:00"))
                cursor.fetchall()

            base = timed(raw, 3)
            cursor.execute('SELECT count(*) FROM "case" WHERE received_at >= %s AND received_at < %s',
                           ("2026-09-30 16:00:00", "2026-10-31 16:00:00"))
            month = cursor.fetchone()[0]
        bench.add(Row(f"monthly report PDF across all branches ({period}) (HQ on PostgreSQL)", 3.0, median(product),
                      median(base), "raw GROUP BY", samples=product, note=f"{month:,} cases in the month"))
    finally:
        conn.close()
        models.close_db()


def overview_row(bench, server, *, branches: int = 300) -> None:
    """The overview of the branches across ``branches`` branches holding the bench's number of cases, on a database
    of its own built on the server in a few statements (``bench/overviewbench.py``), against a raw grouped count
    of the open and overdue cases per branch."""
    import models
    from bench import overviewbench
    from bench.harness import Row, median, timed
    from app.services import branches as branch_service

    url = server.new_database()
    try:
        admin = overviewbench.build(url, branches, bench.size, log=bench.log)
        product = overviewbench.measure(admin, bench.repeat)
        view = branch_service.overview(admin, now=overviewbench.NOW)
        conn = _connect(url)
        with conn, conn.cursor() as cursor:
            def raw():
                cursor.execute("SELECT branch_id, count(*) FILTER (WHERE state <> 'closed'), count(*) FILTER (WHERE "
                               "state <> 'closed' AND reply_by < %s AND replied_at IS NULL) FROM \"case\" GROUP BY 1",
                               (overviewbench.NOW.replace(tzinfo=None),))
                cursor.fetchall()

            base = timed(raw, 3)
        conn.close()
        bench.add(Row(f"overview of {len(view['branches'])} branches (HQ on PostgreSQL)", 1.0, median(product),
                      median(base), "raw grouped count", samples=product,
                      note=f"{bench.size:,} cases, {view['totals']['open']:,} open, {view['totals']['silent']} silent"))
    finally:
        models.close_db()
