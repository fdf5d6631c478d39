"""Headquarters at scale for the overview of the branches 各机构概览: N enrolled branches and M cases with their
replies, revisits and bundles, generated on the server in a few INSERT ... SELECT statements (PostgreSQL), then
``app.services.branches.overview`` timed.

    python -m bench.overviewbench [--branches 300] [--cases 1000000] [--repeat 5]

Cases are spread over 33 months ending at the moment of the reading; those received in its last two months are
mostly open (most of those past their reply deadline), the others closed, replied (a fifth of them late) and,
for four complaints in five, revisited. Every branch sent a bundle a week for a year; a twentieth of them stopped
a month ago (silent).
"""
from __future__ import annotations

import argparse
import statistics
import time
from datetime import datetime, timedelta, timezone

PASSWORD = "bench-pass-1234"
NOW = datetime(2026, 11, 25, 2, 0, tzinfo=timezone.utc)
SPAN_DAYS = 33 * 30


def _fill_expression(data_type: str) -> str:
    if data_type in ("integer", "bigint", "smallint", "numeric", "real", "double precision"):
        return "0"
    if data_type == "boolean":
        return "false"
    if data_type.startswith("timestamp"):
        return "TIMESTAMP '2026-01-01 00:00:00'"
    if data_type == "date":
        return "DATE '2026-01-01'"
    return "''"


def _insert(db, table: str, series: str, given: dict[str, str]) -> None:
    """INSERT INTO table SELECT ... FROM series: ``given`` column expressions, every other NOT NULL column filled."""
    rows = db.execute_sql(
        "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns "
        "WHERE table_name = %s ORDER BY ordinal_position", (table,)).fetchall()
    columns, values = [], []
    for name, data_type, nullable, default in rows:
        if name in given:
            columns.append(f'"{name}"')
            values.append(given[name])
        elif name != "id" and nullable == "NO" and default is None:
            columns.append(f'"{name}"')
            values.append(_fill_expression(data_type))
    sql = f'INSERT INTO "{table}" ({", ".join(columns)}) SELECT {", ".join(values)} FROM {series}'
    db.execute_sql(sql.replace("%", "%%"))  # the driver reads % as a parameter


def build(url: str, branches: int, cases: int, log=print) -> object:
    """Headquarters on the PostgreSQL database ``url`` with ``branches`` branches and ``cases`` cases; returns its
    administrator (an Actor)."""
    import models
    from app.services import auth, setup

    models.init_db(url)
    setup.init_database("HQ", "集团总部", "admin", PASSWORD, hq=True)
    db = models.database.obj
    admin_id = models.User.get(models.User.username == "admin").id
    started = time.perf_counter()
    with db.atomic():
        _insert(db, "branch", f"generate_series(1, {branches}) AS g(i)", {
            "uuid": "md5('branch' || i)", "code": "'B' || lpad(i::text, 4, '0')", "name": "'分公司' || i",
            "is_hq": "false", "is_local": "false"})
        _insert(db, "exchange_peer", f"generate_series(1, {branches}) AS g(i)", {
            "code": "'B' || lpad(i::text, 4, '0')", "kind": "'branch'", "name": "'分公司' || i",
            "branch_uuid": "md5('branch' || i)", "signing_key": "md5('key' || i) || md5('key2' || i)",
            "last_sequence": "52", "enrolled_at": f"TIMESTAMP '{(NOW - timedelta(days=400)):%Y-%m-%d %H:%M:%S}'"})
        first_branch = db.execute_sql("SELECT min(id) FROM branch WHERE code LIKE 'B%%'").fetchone()[0]
        # a bundle a week for a year; every twentieth branch stopped four weeks ago
        _insert(db, "exchange_bundle",
                f"generate_series(1, {branches}) AS b(i) CROSS JOIN generate_series(1, 52) AS s(n)", {
                    "bundle_id": "md5('bundle' || i || '-' || n)", "direction": "'in'",
                    "branch_code": "'B' || lpad(i::text, 4, '0')", "sequence": "n",
                    "at": f"TIMESTAMP '{NOW:%Y-%m-%d %H:%M:%S}' - ((52 - n + CASE WHEN i % 20 = 0 THEN 4 ELSE 0 END)"
                          " * INTERVAL '7 days') - INTERVAL '1 day'",
                    "summary": "'{\"app_version\": \"0.1.' || (i % 3) || '\", \"counts\": {\"case\": 60}}'"})
        start = NOW - timedelta(days=SPAN_DAYS)
        received = f"(TIMESTAMP '{start:%Y-%m-%d %H:%M:%S}' + (i::float8 / {cases} * {SPAN_DAYS}) * INTERVAL '1 day')"
        recent = f"(i > {cases} - {cases} * 60 / {SPAN_DAYS})"
        _insert(db, "case", f"generate_series(1, {cases}) AS g(i)", {
            "uuid": "md5('case' || i)", "branch_id": f"{first_branch} + (i % {branches})",
            "number": "'B' || lpad((i % {b})::text, 4, '0') || '-' || i".replace("{b}", str(branches)),
            "year": f"extract(year from {received})::int", "seq": "i", "kind": "CASE WHEN i % 10 = 0 THEN 'inquiry' "
            "ELSE 'complaint' END", "origin": "'routine'", "channel": "'visit'", "received_at": received,
            "receiver_id": str(admin_id), "complainant_name": "'客户' || (i % 997)", "category": "'claims'",
            "severity": "CASE WHEN i % 10 = 0 THEN NULL WHEN i % 10 = 1 THEN 'major' ELSE 'general' END",
            "major_reasons": "'[]'", "complainant_gender": "'unknown'", "amount_line": "'other'",
            "state": f"CASE WHEN {recent} AND i % 5 <> 0 THEN 'investigating' ELSE 'closed' END",
            "reply_by": f"{received} + INTERVAL '3 days'",
            "replied_at": f"CASE WHEN {recent} AND i % 5 <> 0 THEN NULL ELSE {received} + "
                          "(CASE WHEN i % 5 = 1 THEN 4 ELSE 1 END) * INTERVAL '1 day' END",
            "closed_at": f"CASE WHEN {recent} AND i % 5 <> 0 THEN NULL ELSE {received} + INTERVAL '6 days' END",
        })
        _insert(db, "reply", '"case" AS c WHERE c.replied_at IS NOT NULL', {
            "uuid": "md5('reply' || c.id)", "case_id": "c.id", "at": "c.replied_at", "by_id": str(admin_id),
            "recorded_at": "c.replied_at", "channel": "'phone'", "result": "'已答复'"})
        _insert(db, "revisit", '"case" AS c WHERE c.replied_at IS NOT NULL AND c.kind = \'complaint\' AND c.id % 5 <> 3', {
            "uuid": "md5('revisit' || c.id)", "case_id": "c.id", "at": "c.closed_at", "by_id": str(admin_id),
            "recorded_at": "c.closed_at", "method": "'phone'",
            "satisfaction": "CASE WHEN c.id % 17 = 0 THEN 'dissatisfied' WHEN c.id % 3 = 0 THEN 'basic' "
                            "ELSE 'satisfied' END"})
    db.execute_sql("ANALYZE")
    log(f"built {branches} branches, {cases} cases in {time.perf_counter() - started:.0f} s")
    return auth.sign_in("admin", PASSWORD)


def measure(admin, repeat: int = 5) -> list[float]:
    from app.services import branches

    branches.overview(admin, now=NOW)  # warm-up
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        branches.overview(admin, now=NOW)
        samples.append(time.perf_counter() - started)
    return samples


def main(argv=None) -> int:
    from app.services import auth
    from bench import pgcluster

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--branches", type=int, default=300)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    auth.use_hash_cost(1, 1024)
    bindir = pgcluster.postgres_bin()
    if bindir is None:
        print("PostgreSQL is not installed")
        return 1
    server = pgcluster.PostgresServer(bindir)
    server.start()
    try:
        admin = build(server.new_database(), args.branches, args.cases)
        samples = measure(admin, args.repeat)
        from app.services import branches

        view = branches.overview(admin, now=NOW)
        print(f"overview of {len(view['branches'])} branches: median {statistics.median(samples):.3f} s "
              f"(min {min(samples):.3f}, max {max(samples):.3f}); open {view['totals']['open']}, "
              f"overdue {view['totals']['overdue']}, silent {view['totals']['silent']}")
    finally:
        from models.db import close_db

        close_db()
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
