"""The adoption row: a branch's old register of 50,000 rows imported (``register import``), beside a raw insert of
the same rows.

The register is generated as offices keep it: an .xlsx with a merged title row and a unit line above the header,
Chinese column titles, mobiles stored by Excel as numbers, dates typed in several forms (Excel dates, 2024/3/5,
2024年3月5日, serial numbers), categories and states in words, about one row in fifty refused (a mobile cut short
by Excel, a date that does not exist). The product imports it into a fresh branch database through the service the
command line and the window use (reading the workbook, mapping, checking each row by intake's rules, numbering in
the legacy series, history, search index, the refused rows' workbook), timed from the file to the summary. The
baseline writes the same case and history rows (copied from the product's result) into a fresh database of the same
schema with ``executemany`` in one transaction: what the database itself needs. Making the workbook is not timed.
"""
from __future__ import annotations

import random
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench import dataset
from models.db import SQLITE_PRAGMAS

TARGET = 60.0
ROWS = 50_000
HEADERS = ["序号", "受理日期", "客户姓名", "手机", "车牌号", "投诉类别", "投诉内容", "被投诉部门", "处理结果", "处理状态"]
CATEGORY_WORDS = {"claims": "理赔", "service_attitude": "服务态度", "service_quality": "服务质量",
                  "repair_quality": "维修质量", "delay": "时效延误", "parts_delay": "配件延误", "price": "价格收费",
                  "product_quality": "产品质量", "safety": "安全", "other": "其他"}


def make_register(path: Path, rows: int, seed: int = 7) -> dict:
    """Write the register; answer with how many rows should import and how many be refused."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook(write_only=False)
    ws = book.active
    ws.title = "投诉登记台帐"
    ws.append(["2024-2025年客户投诉登记台帐"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws.append(["填报单位：客服部", None, None, None, None, None, None, None, "单位：件"])
    ws.append(HEADERS)
    start = datetime(2024, 1, 2, 8, 0)
    refused = 0
    for i in range(rows):
        moment = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 700))
        form = i % 4
        date = (moment if form == 0 else moment.strftime("%Y/%-m/%-d") if form == 1
                else f"{moment.year}年{moment.month}月{moment.day}日" if form == 2
                else (moment - datetime(1899, 12, 30)).days)
        mobile = int(f"1{rng.choice('3589')}{rng.randrange(10 ** 8, 10 ** 9)}")
        if i % 50 == 25:
            mobile, refused = "1.38E+10", refused + 1
        elif i % 50 == 45:
            date, refused = "2024/2/30", refused + 1
        category = rng.choice(dataset.CATEGORIES)
        reason = rng.choice(dataset.REASONS[category])
        name = rng.choice(dataset.SURNAMES) + rng.choice(dataset.GIVEN) + rng.choice(["", rng.choice(dataset.GIVEN)])
        closed = rng.random() < 0.9
        ws.append([f"{moment.year}-{i + 1:05d}", date, name, mobile,
                   f"{rng.choice(dataset.PLATE_PREFIX)}{rng.randrange(10000, 99999)}" if rng.random() < 0.6 else None,
                   CATEGORY_WORDS[category], f"{reason}，{rng.choice(dataset.PHRASES).format(m=3, d=5, dept='理赔部', n=7, amount=3000, car='大众帕萨特', km=30000, policy='P001', claim='RC001', city='北京市')}。",
                   rng.choice(dataset.DEPARTMENTS), "已向客户解释并处理完毕。" if closed else None,
                   "已结案" if closed else "处理中"])
    book.save(str(path))
    return {"rows": rows, "refused": refused, "imported": rows - refused}


def _fresh_database(path: Path):
    import models
    from app.services import auth, setup

    models.init_db(path)
    setup.init_database("LG01", "旧台帐导入分公司", "admin", dataset.PASSWORD)
    return auth.sign_in("admin", dataset.PASSWORD)


def _raw_copy(product_db: Path, raw_db: Path) -> float:
    """executemany of the import's case and history rows into a fresh database of the same schema, one transaction."""
    source = sqlite3.connect(str(product_db))
    cases = source.execute('SELECT * FROM "case" WHERE seq < 0').fetchall()
    history = source.execute('SELECT * FROM "history" WHERE action = \'import\'').fetchall()
    source.close()
    conn = sqlite3.connect(str(raw_db), isolation_level=None)
    for name, value in SQLITE_PRAGMAS.items():
        conn.execute(f"PRAGMA {name} = {value}")
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    if cases:
        conn.executemany(f'INSERT INTO "case" VALUES ({",".join("?" * len(cases[0]))})', cases)
    if history:
        conn.executemany(f'INSERT INTO "history" VALUES ({",".join("?" * len(history[0]))})', history)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def run(bench) -> None:
    import models
    from app.services import legacy
    from bench.harness import Row

    rows = min(ROWS, max(bench.size, 60))
    work = bench.work / "register"
    work.mkdir(parents=True, exist_ok=True)
    register = work / "台帐.xlsx"
    expected = make_register(register, rows)

    # the product: a fresh branch database, the import as the command line runs it
    models.close_db()
    product_db = work / "product.sqlite3"
    try:
        admin = _fresh_database(product_db)
        started = time.perf_counter()
        summary = legacy.import_register(admin, register, refused_out=work / "refused.xlsx")
        elapsed = time.perf_counter() - started
    finally:
        models.close_db()
    # the baseline: the same rows into an empty database of the same schema
    raw_db = work / "raw.sqlite3"
    _fresh_database(raw_db)
    models.close_db()
    base = _raw_copy(product_db, raw_db)
    bench.back_to_data_set()  # for the rows after this one

    note = f"{summary['imported']:,} imported, {summary['refused']:,} refused"
    if (summary["imported"], summary["refused"]) != (expected["imported"], expected["refused"]):
        note += f" (DIFFERS: expected {expected['imported']:,} and {expected['refused']:,})"
    bench.add(Row(f"import a {rows:,}-row register (.xlsx)", TARGET, elapsed, base, "raw executemany",
                  samples=[elapsed], note=note))
