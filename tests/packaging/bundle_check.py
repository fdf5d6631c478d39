"""Checks a built bundle the way a branch PC would run it: ``make build-check`` runs this after ``make build``.

    python tests/packaging/bundle_check.py dist/complaint-desk

The built executables run with PATH emptied apart from the bundle folder, no PYTHON* variables, a fresh
home and data folder, Qt offscreen, in a scratch working directory. The command line (complaint-desk-cli)
must: report its version, pass ``selftest``, create a database (init), add users, register a case, show
it, print a slip to a PDF (when the command line has a print command), and print a rare character of a
name (吉𠮷, CJK Extension B) that the PDF gives back as text. The desk (complaint-desk) must keep the
windows up for a few seconds (``--demo`` when the program has it, else the first-run set-up). Each step
prints one line; the first failure exits 1.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSWORD = "Desk-pass-2026"
NEW_PASSWORD = "Desk-pass-2027"
CASE = {
    "origin": "routine", "channel": "visit",
    "complainant": {"name": "张伟", "gender": "male", "address": "北京市朝阳区建国路88号",
                    "relation_to_insured": "本人", "identity": "车主", "mobile": "13800138000", "phone": "",
                    "vip": False},
    "contact_name": "张伟", "complainant_count": 1, "reason": "理赔款迟迟未到账",
    "claim_no": "RC2026110001", "plate_no": "京A12345", "accused_department": "理赔部", "accused_person": "",
    "category": "claims", "content": "客户称10月15日报案，定损已完成一个月，理赔款仍未到账。",
    "summary": "理赔款到账慢", "desired_remedy": "一周内赔款到账并说明原因", "original_doc_no": "",
    "amount": {"line": "auto", "value": 3200},
    "flags": {"media": False, "petition": False, "threat": False, "hq": False, "lawsuit": False},
    "contact_window": None, "kind": "complaint",
    "received_at": "2026-11-20T09:15:00+08:00",  # a fixed moment in the past: the check passes on any later day
}
FIRST_RUN_SECONDS = 8
WINDOW_SECONDS = 120  # the longest a demo database may take to build on a slow machine


class CheckFailed(Exception):
    pass


class Bundle:
    def __init__(self, folder: Path, scratch: Path):
        self.folder = folder.resolve()
        suffix = ".exe" if sys.platform == "win32" else ""
        self.desk = self.folder / f"complaint-desk{suffix}"  # the windows (a windowed program on Windows)
        self.exe = self.folder / f"complaint-desk-cli{suffix}"  # the command line (a console program)
        for program in (self.desk, self.exe):
            if not program.is_file():
                raise CheckFailed(f"no executable {program}: run 'make build' first")
        self.scratch = scratch
        self.db = scratch / "desk.sqlite3"
        home = scratch / "home"
        home.mkdir()
        self.env = {"PATH": str(self.folder), "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
                    "XDG_CONFIG_HOME": str(home / "config"), "XDG_RUNTIME_DIR": str(scratch),
                    "QT_QPA_PLATFORM": "offscreen", "CDESK_LANG": "en", "LANG": "C.UTF-8", "TZ": "Asia/Shanghai"}
        for keep in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP", "LOCALAPPDATA", "APPDATA", "USERPROFILE"):
            if keep in os.environ:  # Windows cannot start a process without these
                self.env[keep] = os.environ[keep]

    def run(self, *args, stdin: str | None = None, password: str | None = None, new_password: str | None = None,
            db: bool = True, binary: bool = False) -> subprocess.CompletedProcess:
        env = dict(self.env)
        if password is not None:
            env["CDESK_PASSWORD"] = password
        if new_password is not None:
            env["CDESK_NEW_PASSWORD"] = new_password
        argv = [str(self.exe), *args] + (["--db", str(self.db)] if db else [])
        return subprocess.run(argv, input=stdin.encode("utf-8") if stdin is not None else None, env=env,
                              cwd=self.scratch, capture_output=True, timeout=180)

    def ok(self, *args, **kw):
        proc = self.run(*args, **kw)
        if proc.returncode != 0:
            raise CheckFailed(f"{' '.join(args[:3])}: exit {proc.returncode}: "
                              f"{proc.stderr.decode('utf-8', 'replace').strip()[-2000:]}")
        out = proc.stdout.decode("utf-8")
        return json.loads(out) if out.strip().startswith(("{", "[")) else out


def step(name: str, fn):
    started = time.monotonic()
    result = fn()
    print(f"  ok  {name} ({time.monotonic() - started:.1f} s){': ' + result if isinstance(result, str) else ''}",
          flush=True)
    return result


def check(folder: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="cdesk-bundle-") as tmp:
        bundle = Bundle(folder, Path(tmp))
        state = {}

        def version():
            out = bundle.ok("--version", db=False).strip()
            if not re.fullmatch(r"complaint-desk \d+\.\d+\S*", out):
                raise CheckFailed(f"--version printed {out!r}")
            return out

        def selftest():
            report = bundle.ok("selftest")
            if not report.get("ok"):
                raise CheckFailed(f"selftest: {report}")
            return ", ".join(c["name"] for c in report["checks"])

        def init():
            bundle.ok("init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin", password=PASSWORD)

        def users():
            for user, name, role in (("rec", "王芳", "reception"), ("sup", "刘经理", "supervisor")):
                bundle.ok("user", "add", user, "--name", name, "--role", role, "--department", "客服部",
                          "--as", "admin", password=PASSWORD, new_password="Initial-pass-1")
                bundle.ok("user", "passwd", user, "--as", user, password="Initial-pass-1", new_password=NEW_PASSWORD)

        def case_add():
            document = dict(CASE)
            case = bundle.ok("case", "add", "--json", "-", "--as", "rec", password=NEW_PASSWORD,
                             stdin=json.dumps(document, ensure_ascii=False))
            if case.get("state") != "accepted" or not case.get("number", "").startswith("BJ01-"):
                raise CheckFailed(f"case add answered {case}")
            state["number"] = case["number"]
            return case["number"]

        def case_show():
            case = bundle.ok("case", "show", state["number"], "--as", "sup", password=NEW_PASSWORD)
            if case["complainant"]["name"] != "张伟":
                raise CheckFailed("case show lost the Chinese name")

        def print_slip():
            if bundle.run("print", "--help", db=False).returncode != 0:
                return "skipped: this build has no 'print' command"
            out = bundle.scratch / "slip.pdf"
            proc = bundle.run("print", state["number"], "--doc", "slip", "--out", str(out), "--as", "rec",
                              password=NEW_PASSWORD)
            if proc.returncode != 0:
                raise CheckFailed(f"print slip: {proc.stderr.decode('utf-8', 'replace').strip()}")
            data = out.read_bytes()
            if not data.startswith(b"%PDF"):
                raise CheckFailed("print slip did not produce a PDF")
            try:
                from pypdf import PdfReader
            except ImportError:
                return f"{len(data)} bytes"
            import io

            text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
            if state["number"] not in text or "理赔款到账慢" not in text:
                raise CheckFailed("the slip PDF does not show the case number and its summary in Chinese")
            return f"{len(data)} bytes, number and Chinese text on the page"

        def rare_name():
            name = "吉𠮷"  # the second character is CJK Extension B: only the bundled fallback font has it
            document = dict(CASE, contact_name=name, complainant=dict(CASE["complainant"], name=name))
            number = bundle.ok("case", "add", "--json", "-", "--as", "rec", password=NEW_PASSWORD,
                               stdin=json.dumps(document, ensure_ascii=False))["number"]
            out = bundle.scratch / "rare.pdf"
            bundle.ok("print", number, "--doc", "receipt", "--out", str(out), "--as", "rec", password=NEW_PASSWORD)
            try:
                from pypdf import PdfReader
            except ImportError:
                return "printed (pypdf missing: text not read back)"
            text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
            if name not in text:
                raise CheckFailed(f"the receipt for {name} does not give the name back as text")
            return f"{name} printed and read back"

        def contents():
            internal = bundle.folder / "_internal"
            fonts = internal / "resources" / "fonts"
            needed = {"CJK font": list(fonts.glob("wqy-microhei.tt[cf]")),
                      "fallback fonts": list(fonts.glob("HanaMinB.ttf")) + list(fonts.glob("desk-fallback-a.ttf")),
                      "font licences": list(fonts.glob("*LICENSE*")),
                      "translations": list((internal / "resources" / "translations").glob("*.qm")),
                      "icon": list((internal / "resources" / "icons").glob("complaint-desk.*")),
                      "user guide": list((internal / "resources" / "guide").glob("guide_zh_CN.html")),
                      "VERSION": [internal / "VERSION"] if (internal / "VERSION").is_file() else []}
            missing = [name for name, found in needed.items() if not found]
            if len(needed["fallback fonts"]) < 2 or len(needed["font licences"]) < 2:
                missing.append("the fallback fonts and their licence")
            if missing:
                raise CheckFailed(f"the bundle lacks: {', '.join(missing)}")
            unwanted = [p.name for p in internal.rglob("*") if re.search(
                r"WebEngine|Qt3D|Qt6Quick|Qt6Qml|QtQuick|QtQml|QtCharts|QtMultimedia|virtualkeyboard", p.name)]
            if unwanted:
                raise CheckFailed(f"unused Qt modules in the bundle: {', '.join(sorted(set(unwanted))[:8])}")
            return "font + licence, translations, icon, user guide, VERSION; no WebEngine/Qt3D/Quick/QML"

        def windows():
            # --demo builds its database in a temporary folder (TMPDIR here), then shows the sign-in window:
            # the windows are up once that database holds its cases and the process is still running.
            env = dict(bundle.env, TMPDIR=str(bundle.scratch), TEMP=str(bundle.scratch), TMP=str(bundle.scratch))
            proc = subprocess.Popen([str(bundle.desk), "--demo"], env=env, cwd=bundle.scratch,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            try:
                deadline = time.monotonic() + WINDOW_SECONDS
                cases = 0
                while time.monotonic() < deadline and proc.poll() is None:
                    cases = _demo_cases(bundle.scratch)
                    if cases:
                        break
                    time.sleep(0.5)
                if proc.poll() is None:
                    time.sleep(3)  # the sign-in window opens after the database is written
                if proc.poll() is not None:
                    _, err = proc.communicate()
                    raise CheckFailed(f"the windows stopped (exit {proc.returncode}): "
                                      f"{err.decode('utf-8', 'replace').strip()[-2000:]}")
                if not cases:
                    raise CheckFailed(f"--demo wrote no cases within {WINDOW_SECONDS} s")
                return f"--demo: {cases} demonstration cases, sign-in window up"
            finally:
                if proc.poll() is None:
                    proc.terminate()
                    try:
                        proc.communicate(timeout=30)
                    except subprocess.TimeoutExpired:
                        proc.kill()

        def first_run():
            # no database in the (fresh) data folder: the first-run wizard opens and waits for the user
            proc = subprocess.Popen([str(bundle.desk)], env=bundle.env, cwd=bundle.scratch,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            try:
                proc.wait(timeout=FIRST_RUN_SECONDS)
            except subprocess.TimeoutExpired:
                log = Path(bundle.env["XDG_DATA_HOME"]) / "ComplaintDesk" / "logs" / "complaint-desk.log"
                if sys.platform != "win32" and "start ui" not in log.read_text(encoding="utf-8"):
                    raise CheckFailed(f"no start-up line in {log}")
                return f"wizard up after {FIRST_RUN_SECONDS} s, start logged"
            finally:
                if proc.poll() is None:
                    proc.terminate()
                    proc.communicate(timeout=30)
            _, err = proc.communicate()
            raise CheckFailed(f"the program stopped at once (exit {proc.returncode}): "
                              f"{err.decode('utf-8', 'replace').strip()[-2000:]}")

        step("contents", contents)
        step("version", version)
        step("selftest", selftest)
        step("init", init)
        step("user add / passwd", users)
        step("case add", case_add)
        step("case show", case_show)
        step("print slip to PDF", print_slip)
        step("rare character printed", rare_name)
        step("first run (windows)", first_run)
        step("--demo (windows)", windows)


def _demo_cases(scratch: Path) -> int:
    """Cases in the demo database, once its single transaction has committed (0 before)."""
    import sqlite3

    for path in scratch.glob("complaint-desk-demo-*/demo.sqlite3"):
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.2)
            try:
                return connection.execute("SELECT count(*) FROM \"case\"").fetchone()[0]
            finally:
                connection.close()
        except sqlite3.Error:
            return 0
    return 0


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "dist/complaint-desk")
    print(f"checking {folder} ({folder_size(folder) / 1e6:.0f} MB) with PATH={folder.resolve()}", flush=True)
    started = time.monotonic()
    try:
        check(folder)
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"  FAILED {exc}", file=sys.stderr)
        return 1
    print(f"bundle check passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
