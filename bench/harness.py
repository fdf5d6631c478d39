"""``make bench`` / ``python -m bench [--size N]``: every target of issue 9, measured on a generated data set.

Each operation runs through the product (services, renderer, the real window in a subprocess, the USB
exchange) several times; the table shows its median, its target, a baseline measured in the same run (raw
sqlite3 for the same query or insert, bare ReportLab for the same page, a bare QApplication for start-up, a
plain file copy for export, a raw executemany for import) and the ratio median/baseline. Targets are for
1,000,000 cases; a smaller --size prints the same table (useful to see the harness work, not to judge).

The data set is generated once per size and kept in the cache folder (``--data``); a run works on it in
place (the cases it registers stay, a few dozen per run). ``--fresh`` makes it again.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

DATA_VERSION = 3  # 2: identifiers minted as the product mints them (site prefix, time); 3: 16 KiB pages
NA = "n/a (not built yet)"


@dataclass
class Row:
    name: str
    target: float | None  # seconds (or MiB for memory)
    median: float | None = None
    baseline: float | None = None
    baseline_what: str = ""
    unit: str = "s"
    note: str = ""
    samples: list = field(default_factory=list)
    max_ratio: float | None = None  # also required: median within this factor of the baseline
    complete: bool = True  # False: a projection from part of the work (met only if even that is under target)
    # True: the target may lie below the database's own floor on this machine. When the baseline itself (the same
    # rows written raw, in the same run) takes longer than the target, no importer can meet it here: the row is
    # then judged on ``max_ratio`` alone and says so (measured again in every run, so the target holds again on a
    # machine where the floor is under it)
    waived_below_floor: bool = False

    @property
    def below_floor(self) -> bool:
        return (self.waived_below_floor and self.target is not None and self.baseline is not None
                and self.baseline >= self.target)

    @property
    def met(self) -> bool | None:
        """Under the target (if any, unless it is below the floor) and within ``max_ratio`` of the baseline (if
        set)."""
        if self.median is None or (self.target is None and self.max_ratio is None):
            return None
        ok = self.target is None or self.below_floor or self.median < self.target
        if ok and self.max_ratio is not None:
            ok = self.baseline is not None and self.median <= self.max_ratio * self.baseline
        if ok and not self.complete:
            return None
        return ok


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def timed(fn, repeat: int, *, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def median(samples: list[float]) -> float:
    return statistics.median(samples)


class Bench:
    def __init__(self, size: int, repeat: int, data_dir: Path, work: Path, fresh: bool, log=print):
        self.size = size
        self.repeat = repeat
        self.data_dir = data_dir
        self.work = work
        self.fresh = fresh
        self.log = log
        self.rows: list[Row] = []
        self.db = data_dir / f"cases-{size}-v{DATA_VERSION}.sqlite3"

    # --- data -------------------------------------------------------------------------------------------------

    def back_to_data_set(self) -> None:
        """Reopen the data set after a row that worked on databases of its own (if the data set was prepared)."""
        import models

        if getattr(self, "actors", None) is not None:
            models.init_db(self.db)
        else:
            models.close_db()

    def prepare(self) -> None:
        from bench import dataset

        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.fresh or not self.db.exists():
            for suffix in ("", "-wal", "-shm"):
                Path(str(self.db) + suffix).unlink(missing_ok=True)
            start = time.perf_counter()
            partial = self.db.with_suffix(".partial")
            for suffix in ("", "-wal", "-shm"):
                Path(str(partial) + suffix).unlink(missing_ok=True)
            result = dataset.generate(partial, self.size, progress=self._progress)
            partial.rename(self.db)
            counts = ", ".join(f"{k} {v:,}" for k, v in result["counts"].items() if v)
            self.log(f"bench: generated {self.db.name} in {time.perf_counter() - start:.0f} s ({counts})")
        else:
            self.log(f"bench: using {self.db} (generated before; --fresh makes it again)")
        import models
        from app.services import auth

        models.init_db(self.db)
        self.actors = {name: auth.sign_in(name, dataset.PASSWORD) for name in ("admin", "sup", "rec", "h00")}

    def _progress(self, done: int) -> None:
        if done % 100000 == 0 or done == self.size:
            self.log(f"bench: generating … {done:,} of {self.size:,} cases")

    def raw(self) -> sqlite3.Connection:
        conn = sqlite3.connect(str(self.db), isolation_level=None)
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA cache_size=-32000")
        return conn

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        self.log(f"bench: {row.name}: {fmt(row.median, row.unit)}" + (f" ({row.note})" if row.note else ""))
        return row

    def guarded(self, name: str, target, fn, unit: str = "s") -> None:
        """Run one measurement; a part of the product that is missing gives an n/a row, an error an error row."""
        try:
            fn()
        except ModuleNotFoundError as exc:
            self.add(Row(name, target, unit=unit, note=f"{NA}: {exc.name}"))
        except Exception as exc:  # the table must still be printed, with the reason
            self.add(Row(name, target, unit=unit, note=f"error: {type(exc).__name__}: {exc}"[:160]))

    # --- the register -------------------------------------------------------------------------------------------

    def _screen(self, actor, filters: dict, sort: str, descending: bool = True):
        from app.services import queries

        total = queries.ledger_count(actor, filters)
        ids = queries.ledger_ids(actor, filters, sort, descending, 0, 500)  # LedgerModel.PAGE
        queries.ledger_rows(actor, ids[:100])  # LedgerModel.BLOCK: the rows on the first screen
        return total, ids

    def _raw_screen(self, where: str, params: tuple, order: str):
        conn = self.raw()
        try:
            total = conn.execute(f'SELECT count(*) FROM "case" WHERE {where}', params).fetchone()[0]
            ids = [r[0] for r in conn.execute(f'SELECT id FROM "case" WHERE {where} ORDER BY {order} LIMIT 500',
                                              params)]
            marks = ",".join("?" for _ in ids[:100])
            conn.execute(f'SELECT * FROM "case" WHERE id IN ({marks})', ids[:100]).fetchall()
            return total, ids
        finally:
            conn.close()

    VISIBLE = "kind <> 'report' AND NOT (accused_person = ? AND accused_department = ?)"

    def register_rows(self) -> None:
        rec = self.actors["rec"]
        hidden = (rec.display_name, rec.department or "")

        def row(name, filters, sort, where, params, order, target=0.1):
            product = timed(lambda: self._screen(rec, filters, sort), self.repeat)
            base = timed(lambda: self._raw_screen(f"{self.VISIBLE}{where}", hidden + params, order), self.repeat)
            total, ids = self._screen(rec, filters, sort)
            raw_total, raw_ids = self._raw_screen(f"{self.VISIBLE}{where}", hidden + params, order)
            check = "" if (total, ids[:50]) == (raw_total, raw_ids[:50]) else "; DIFFERS from raw SQL"
            self.add(Row(name, target, median(product), median(base), "raw sqlite3", samples=product,
                         note=f"{total:,} cases{check}"))

        row("open the register (count + first screen)", {}, "number", "", (), "year DESC, seq DESC, id DESC")
        row("change sort (by complainant)", {}, "complainant", "", (), "complainant_name DESC, id DESC")
        row("change filter (state = investigating)", {"state": "investigating"}, "number", " AND state = ?",
            ("investigating",), "year DESC, seq DESC, id DESC")
        row("change filter (category + open only)", {"category": "claims", "open_only": True}, "number",
            " AND category = ? AND state IN ('accepted','investigating','pending_approval','approved','deferred')",
            ("claims",), "year DESC, seq DESC, id DESC")

    # a word of about 2% of the cases, and a common one (about a fifth: the generator's phrases use it often)
    SEARCH_WORDS = (("search a 2-character word", "喷漆"), ("search a common 2-character word", "返修"))

    def search_row(self) -> None:
        rec = self.actors["rec"]
        hidden = (rec.display_name, rec.department or "")
        where = (" AND (number LIKE ? OR complainant_name LIKE ? OR mobile LIKE ? OR plate_no LIKE ? OR summary "
                 "LIKE ? OR content LIKE ? OR reason LIKE ?)")
        order = "year DESC, seq DESC, id DESC"
        for title, word in self.SEARCH_WORDS:
            like = f"%{word}%"
            product = timed(lambda: self._screen(rec, {"text": word}, "number"), self.repeat)
            base = timed(lambda: self._raw_screen(self.VISIBLE + where, hidden + (like,) * 7, order),
                         max(1, min(self.repeat, 3)))
            total, ids = self._screen(rec, {"text": word}, "number")
            raw_total, raw_ids = self._raw_screen(self.VISIBLE + where, hidden + (like,) * 7, order)
            check = "" if (total, ids[:50]) == (raw_total, raw_ids[:50]) else "; DIFFERS from the LIKE scan"
            self.add(Row(f"{title} ({word})", 0.1, median(product), median(base), "naive LIKE scan",
                         samples=product, note=f"{total:,} cases{check}"))

    # --- writing through the services ---------------------------------------------------------------------------

    def _payload(self, n: int) -> dict:
        """A new case as the intake form sends it (docs/rules.md §5), received now."""
        from datetime import datetime, timezone

        return {
            "kind": "complaint", "origin": "routine", "channel": "visit",
            "received_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "complainant": {"name": "周建华", "gender": "male", "address": "北京市朝阳区望京街10号",
                            "relation_to_insured": "本人", "identity": "车主", "mobile": f"139{n % 10 ** 8:08d}", "phone": "",
                            "vip": False},
            "contact_name": "周建华", "complainant_count": 1, "reason": "定损金额与维修报价差距大",
            "claim_no": f"RC{n % 10 ** 10:010d}", "plate_no": "京N88990", "accused_department": "理赔部", "accused_person": "",
            "category": "claims", "content": "客户称车辆追尾后维修报价一万五千元，定损员只认定八千元，要求重新定损。",
            "summary": "定损金额争议", "desired_remedy": "重新定损", "original_doc_no": "",
            "amount": {"line": "auto", "value": 15000},
            "flags": {"media": False, "petition": False, "threat": False, "hq": False, "lawsuit": False},
            "contact_window": None,
        }

    def write_rows(self) -> None:
        from app.services import cases

        rec, sup = self.actors["rec"], self.actors["sup"]
        count = max(self.repeat * 4, 10)
        numbers: list[str] = []
        seed = int(time.time()) % 10 ** 7 * 100

        def register():
            numbers.append(cases.register_case(rec, self._payload(seed + len(numbers)))["number"])

        product = timed(register, count)
        conn = self.raw()
        branch_id = conn.execute('SELECT id FROM "branch" WHERE is_local = 1').fetchone()[0]
        template = conn.execute('SELECT * FROM "case" ORDER BY id DESC LIMIT 1').fetchone()
        cols = [r[1] for r in conn.execute('PRAGMA table_info("case")')]
        hist = conn.execute('SELECT * FROM "history" ORDER BY id DESC LIMIT 1').fetchone()
        hcols = [r[1] for r in conn.execute('PRAGMA table_info("history")')]
        made = []

        def raw_insert():
            import uuid

            row = dict(zip(cols, template))
            row.update(id=None, uuid=uuid.uuid4().hex, number=f"RAW-{uuid.uuid4().hex[:12]}", seq=-len(made) - 1,
                       year=1900, branch_id=branch_id)
            h = dict(zip(hcols, hist))
            h.update(id=None, uuid=uuid.uuid4().hex)
            conn.execute("BEGIN IMMEDIATE")
            cur = conn.execute(f'INSERT INTO "case" VALUES ({",".join("?" for _ in cols)})', [row[c] for c in cols])
            made.append(cur.lastrowid)
            cur = conn.execute(f'INSERT INTO "history" VALUES ({",".join("?" for _ in hcols)})', [h[c] for c in hcols])
            made_history.append(cur.lastrowid)
            conn.execute("COMMIT")

        made_history: list[int] = []
        try:
            base = timed(raw_insert, count)
        finally:  # the baseline's rows go again
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany('DELETE FROM "case" WHERE id = ?', [(i,) for i in made])
            conn.executemany('DELETE FROM "history" WHERE id = ?', [(i,) for i in made_history])
            conn.execute("COMMIT")
        self.add(Row("register a case (service, synchronous FULL)", 0.02, median(product), median(base),
                     "raw sqlite3 insert", samples=product, note=f"{count} cases"))

        # one workflow action: the supervisor assigns each new case to a handler
        pending = list(numbers)

        def assign():
            cases.do_action(sup, pending.pop(), "assign", {"handler": "h00"})

        product = timed(assign, min(count - 1, len(pending) - 1))
        target_id = conn.execute('SELECT id FROM "case" WHERE number = ?', (numbers[0],)).fetchone()[0]

        def raw_update():
            import uuid

            h = dict(zip(hcols, hist))
            h.update(id=None, uuid=uuid.uuid4().hex)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute('UPDATE "case" SET updated_at = updated_at, change_no = change_no WHERE id = ?', (target_id,))
            cur = conn.execute(f'INSERT INTO "history" VALUES ({",".join("?" for _ in hcols)})', [h[c] for c in hcols])
            written.append(cur.lastrowid)
            conn.execute("COMMIT")

        written: list[int] = []
        try:
            base = timed(raw_update, len(product))
        finally:  # the baseline's rows go again: the history chain stays whole
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany('DELETE FROM "history" WHERE id = ?', [(i,) for i in written])
            conn.execute("COMMIT")
            conn.close()
        self.add(Row("one workflow action (assign)", 0.02, median(product), median(base),
                     "raw sqlite3 update", samples=product))

    # --- printing and reports ------------------------------------------------------------------------------------

    def slip_row(self) -> None:
        import printing
        from app.reports import printouts
        from models import Case

        case = (Case.select().where(Case.state == "closed").order_by(Case.id.desc()).first())

        def render():
            return printing.render_slip(printouts.slip_data(case, 1, "2026-11-20 10:00"))

        pdf = render()
        product = timed(render, self.repeat * 2)
        data = printouts.slip_data(case, 1, "2026-11-20 10:00")
        base = timed(lambda: bare_reportlab_page(data), self.repeat * 2)
        self.add(Row("render a slip", 0.05, median(product), median(base), "bare ReportLab page", samples=product,
                     note=f"{len(pdf):,} bytes"))

    def report_row(self) -> None:
        from app.services import reports

        period = "2026-10"
        sup = self.actors["sup"]
        product = timed(lambda: reports.report_pdf(sup, period), max(1, min(self.repeat, 3)), warmup=0)
        conn = self.raw()

        def raw():
            conn.execute('SELECT kind, category, severity, state, count(*) FROM "case" WHERE received_at >= ? AND '
                         'received_at < ? GROUP BY 1, 2, 3, 4', ("2026-09-30 16:00:00", "2026-10-31 16:00:00")).fetchall()

        base = timed(raw, 3)
        month = conn.execute('SELECT count(*) FROM "case" WHERE received_at >= ? AND received_at < ?',
                             ("2026-09-30 16:00:00", "2026-10-31 16:00:00")).fetchone()[0]
        conn.close()
        self.add(Row(f"monthly report PDF ({period})", 3.0, median(product), median(base), "raw sqlite3 GROUP BY",
                     samples=product, note=f"{month:,} cases in the month"))

    # --- start-up and memory -------------------------------------------------------------------------------------

    def startup_rows(self) -> None:
        from bench.dataset import PASSWORD

        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        settings = self.work / "qt-settings"
        settings.mkdir(parents=True, exist_ok=True)

        def launch(args):
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "bench.probe", *args], env=env, capture_output=True,
                                  text=True, timeout=300, cwd=str(Path(__file__).resolve().parents[1]))
            elapsed = time.perf_counter() - start
            line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("READY")), None)
            if line is None:
                output = (proc.stdout + proc.stderr).strip().splitlines() or ["no output"]
                fatal = [ln for ln in output if ln.startswith(("Fatal Python error", "FAILED"))]
                raise RuntimeError(f"the desk did not start (exit {proc.returncode}): {(fatal or output)[-1][:150]}")
            return elapsed, int(line.split()[1]) / 1024

        runs = max(3, self.repeat) if self.size >= 10_000 else self.repeat
        bare = [launch(["bare"]) for _ in range(runs)]
        try:
            desk = [launch(["desk", str(self.db), "admin", PASSWORD, str(settings)]) for _ in range(runs)]
        except Exception as exc:  # both rows say why, with the baseline that was measured
            note = f"error: {exc}"[:160]
            self.add(Row("start-up to the register (offscreen)", 1.5, None, median([b[0] for b in bare]),
                         "bare QApplication", note=note))
            self.add(Row("resident memory, register open", 300, None, median([b[1] for b in bare]),
                         "bare QApplication", unit="MiB", note=note))
            return
        self.add(Row("start-up to the register (offscreen)", 1.5, median([d[0] for d in desk]),
                     median([b[0] for b in bare]), "bare QApplication", samples=[d[0] for d in desk]))
        self.add(Row("resident memory, register open", 300, median([d[1] for d in desk]),
                     median([b[1] for b in bare]), "bare QApplication", unit="MiB"))

    # --- USB exchange ---------------------------------------------------------------------------------------------

    def export_row(self) -> None:
        import models
        from app.exchange import export as exporter, keys
        from models import Case, ExchangeBundle, History

        changed = min(100_000, self.size)
        hq_db = self.work / "hq-export.sqlite3"
        enrol = self.work / "enrol"
        stick = self.work / "stick"
        shutil.rmtree(stick, ignore_errors=True)
        stick.mkdir(parents=True)
        enrol.mkdir(exist_ok=True)
        admin = self.actors["admin"]
        keys.ensure_keys()
        if ExchangePeerMissing():
            from app.services import auth, setup

            keys.write_enrolment(enrol / "BJ01.cdenrol")
            for suffix in ("", "-wal", "-shm"):
                Path(str(hq_db) + suffix).unlink(missing_ok=True)
            models.init_db(hq_db)
            setup.init_database("HQ", "集团总部", "admin", "hq-pass-1234", hq=True)
            keys.ensure_keys()
            hq_admin = auth.sign_in("admin", "hq-pass-1234")
            keys.import_enrolment(hq_admin, enrol / "BJ01.cdenrol")
            keys.write_enrolment(enrol / "HQ.cdenrol")
            models.init_db(self.db)
            keys.import_enrolment(admin, enrol / "HQ.cdenrol")
        def acknowledge_all_but(last_cases: int) -> None:
            """Headquarters acknowledged everything but the last ``last_cases`` cases (and what came with them)."""
            first = list(Case.select(Case.id, Case.change_no, Case.uuid).order_by(Case.id.desc())
                         .offset(last_cases - 1).limit(1))[0]
            first_history = (History.select(History.id).where(History.entity_uuid == first.uuid)
                             .order_by(History.id).limit(1).scalar() or 1)
            ExchangeBundle.delete().where(ExchangeBundle.bundle_id == "bench" + "0" * 27).execute()
            ExchangeBundle.create(bundle_id="bench" + "0" * 27, direction="out", branch_code="BJ01", sequence=0,
                                  from_change=0, to_change=first.change_no - 1, from_history=0,
                                  to_history=first_history - 1, file_name="", acknowledged_at=models.utcnow(),
                                  summary={})

        results = []

        def run():
            results.append(exporter.export_bundle(admin, stick))

        # a pilot of a tenth first: an exporter far slower than its target is projected, not waited for
        pilot = max(1, changed // 10)
        acknowledge_all_but(pilot)
        pilot_time = timed(run, 1, warmup=0)[0]
        projected = pilot_time * changed / pilot
        complete = projected < 3 * 10.0 or changed == pilot
        if complete:
            acknowledge_all_but(changed)
            results.clear()
            product = timed(run, max(1, min(self.repeat, 3)), warmup=0)
        else:
            product = [projected]
        last = results[-1]
        bundle_file = Path(last["file"])

        def copy():
            target = self.work / "copy.bin"
            shutil.copyfile(bundle_file, target)
            with open(target, "rb+") as handle:
                os.fsync(handle.fileno())

        base = timed(copy, 3)
        scale = 1 if complete else changed / pilot
        note = f"{last['records'] * scale:,.0f} records, {last['bytes'] * scale / 1e6:.0f} MB"
        if not complete:
            note = (f"PROJECTED from a pilot of {pilot:,} cases ({last['records']:,} records) in {pilot_time:.1f} s; "
                    "baseline scaled the same way")
        self.add(Row(f"export {changed:,} changed cases", 10.0, median(product), median(base) * scale,
                     "plain file copy", samples=product, note=note, complete=complete))
        for path in stick.glob("*"):
            path.unlink()

    def import_row(self) -> None:
        from bench import importbench

        importbench.run(self)

    def register_import_row(self) -> None:
        from bench import registerbench

        registerbench.run(self)

    def hostile_rows(self) -> None:
        """Peak resident memory of headquarters refusing hostile files (bench/hostile.py, one process each); the
        baseline is the same process just before the import (the set-up of two desks)."""
        rows = (("unsigned", "peak memory refusing an unsigned 1 GiB file"),
                ("bomb", "peak memory refusing a signed zlib bomb (3.9 GiB declared)"))
        for kind, name in rows:
            folder = self.work / f"hostile-{kind}"
            proc = subprocess.run([sys.executable, "-m", "bench.hostile", kind, str(folder)], capture_output=True,
                                  text=True, timeout=600, cwd=str(Path(__file__).resolve().parents[1]))
            line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("PEAK")), None)
            shutil.rmtree(folder, ignore_errors=True)
            if line is None or proc.returncode != 0:
                output = (proc.stdout + proc.stderr).strip().splitlines() or ["no output"]
                self.add(Row(name, 300, unit="MiB", note=f"error: {output[-1][:150]}"))
                continue
            parts = line.split(maxsplit=4)
            peak, base = int(parts[1]) / 1024, int(parts[3]) / 1024
            self.add(Row(name, 300, peak, base, "the process before the import", unit="MiB",
                         note="refused: " + parts[4][:90]))

    # --- the table --------------------------------------------------------------------------------------------------

    def table(self) -> str:
        header = ("operation", "median", "target", "baseline (same run)", "ratio", "met", "notes")
        lines = []
        for r in self.rows:
            ratio = f"{r.median / r.baseline:.1f}x" if r.median is not None and r.baseline else "-"
            met = {True: "yes", False: "NO", None: "-"}[r.met]
            base = f"{fmt(r.baseline, r.unit)} ({r.baseline_what})" if r.baseline is not None else "-"
            target = ("< " + fmt(r.target, r.unit)) if r.target is not None else "-"
            if r.below_floor:
                target += " (below the baseline)"
            if r.max_ratio is not None:
                within = f"<= {r.max_ratio:g}x baseline"
                target = within if r.target is None else f"{target}, {within}"
            lines.append((r.name, fmt(r.median, r.unit), target, base, ratio, met, r.note))
        widths = [max(len(str(x[i])) for x in [header] + lines) for i in range(len(header) - 1)]
        out = [" | ".join(str(h).ljust(w) for h, w in zip(header, widths)) + " | " + header[-1],
               "-+-".join("-" * w for w in widths) + "-+-" + "-" * 5]
        out += [" | ".join(str(c).ljust(w) for c, w in zip(line, widths)) + " | " + line[-1] for line in lines]
        met = sum(1 for r in self.rows if r.met)
        out.append(f"bench: {met}/{len(self.rows)} targets met")
        return "\n".join(out)


def ExchangePeerMissing() -> bool:  # noqa: N802 - reads as a condition
    from models import ExchangePeer

    return ExchangePeer.get_or_none(ExchangePeer.kind == "hq") is None


def bare_reportlab_page(data) -> bytes:
    """The same slip's text on one A4 page with ReportLab's canvas and the same CJK font: no layout engine."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from printing import fonts

    family = fonts.register_fonts()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont(family, 10)
    y = 800
    for name, value in vars(data).items():
        if isinstance(value, str) and value:
            page.drawString(40, y, f"{name}: {value[:60]}")
            y -= 14
            if y < 40:
                page.showPage()
                page.setFont(family, 10)
                y = 800
    page.save()
    return buffer.getvalue()


def default_data_dir() -> Path:
    env = os.environ.get("CDESK_BENCH_DATA")
    if env:
        return Path(env)
    try:
        from platformdirs import user_cache_path

        return user_cache_path("complaint-desk-bench")
    except ImportError:  # pragma: no cover
        return Path(tempfile.gettempdir()) / "complaint-desk-bench"


# --only NAME: the rows of the table by short name, in the order they run
# rows that make databases of their own and need not the generated data set (generating it takes minutes)
OWN_DATA = {"import", "adopt", "hostile"}
ROW_GROUPS = {
    "register": ("open the register (count + first screen)", 0.1, "register_rows"),
    "search": ("search a 2-character word", 0.1, "search_row"),
    "write": ("register a case / one workflow action", 0.02, "write_rows"),
    "slip": ("render a slip", 0.05, "slip_row"),
    "report": ("monthly report of a 30,000-case month", 3.0, "report_row"),
    "export": ("export 100,000 changed cases", 10.0, "export_row"),
    "startup": ("start-up to the register (offscreen)", 1.5, "startup_rows"),
    "import": ("import 1,000,000 cases from 50 bundles (SQLite and PostgreSQL; then headquarters on PostgreSQL)",
               None, "import_row"),
    "adopt": ("import a 50,000-row register (.xlsx)", 60.0, "register_import_row"),
    "hostile": ("peak memory refusing hostile files", 300, "hostile_rows"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="cases in the data set (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=5, help="measurements per operation (default 5)")
    parser.add_argument("--data", type=Path, default=None, help="folder keeping generated data sets")
    parser.add_argument("--fresh", action="store_true", help="generate the data set again")
    parser.add_argument("--import-budget", type=float, default=None,
                        help="seconds the import row may run before it stops and projects (default 3x target)")
    parser.add_argument("--only", action="append", default=None, metavar="NAME",
                        help="run only these rows (repeatable): " + ", ".join(ROW_GROUPS))
    args = parser.parse_args(argv)
    unknown = sorted(set(args.only or ()) - set(ROW_GROUPS))
    if unknown:
        parser.error(f"--only: unknown row {', '.join(unknown)} (known: {', '.join(ROW_GROUPS)})")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="cdesk-bench-"))
    bench = Bench(args.size, max(1, args.repeat), args.data or default_data_dir(), work, args.fresh,
                  log=lambda text: print(text, file=sys.stderr, flush=True))
    bench.import_budget = args.import_budget
    started = time.perf_counter()
    try:
        if args.only is None or set(args.only) - OWN_DATA:
            bench.prepare()
        for group, (name, target, method) in ROW_GROUPS.items():
            if args.only is None or group in args.only:
                bench.guarded(name, target, getattr(bench, method))
    finally:
        import models

        models.close_db()
        shutil.rmtree(work, ignore_errors=True)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"Complaint Desk bench: {args.size:,} cases, {bench.repeat} runs per operation, {os.cpu_count()} cores, "
          f"{time.perf_counter() - started:.0f} s in all; load average at the end {load} (1/5/15 min)")
    print(bench.table())
    return 0
