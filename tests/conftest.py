"""Shared fixtures: every test gets a fresh temporary database (as in Vorta) and, where it needs one, a
desk with the usual people on it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = Path(__file__).resolve().parent / "data" / "cases.json"  # the suite's own example cases


@pytest.fixture(autouse=True)
def _fast_hashing():
    # Argon2 at its production cost takes ~0.1 s per hash; the suite hashes thousands of times.
    from app.services import auth

    auth.use_hash_cost(1, 1024)
    yield


@pytest.fixture(autouse=True)
def _language_put_back():
    """A test that changes the core's language leaves it as it found it: with each test file run whole on one
    worker, the order of the files on a worker varies from run to run."""
    from app import i18n

    previous = i18n.language()
    yield
    i18n.set_language(previous)


@pytest.fixture
def clock():
    """``clock(moment)`` runs the core's clock from ``moment`` for the rest of the test (the command line run in
    this process reads it too); the computer's clock afterwards."""
    from models.entities import set_clock

    yield set_clock
    set_clock(None)


@pytest.fixture
def db(tmp_path):
    import models

    path = tmp_path / "desk.sqlite3"
    models.init_db(path)
    yield path
    models.close_db()


PASSWORD = "pass-1234"


def make_user(admin, username, display_name, role, department=None, supervisor=None):
    from app.services import auth, setup

    setup.add_user(admin, username, display_name=display_name, role=role, password="initial-1",
                   department=department, supervisor=supervisor)
    first = auth.sign_in(username, "initial-1")
    auth.change_password(first, username, PASSWORD)
    return auth.sign_in(username, PASSWORD)


@pytest.fixture
def desk(db):
    """A branch BJ01 with: admin, reception, two handlers and their supervisor, a second supervisor, a user
    of 理赔部 (receives notices), the person complained about in the first example (何俊, 理赔部) and a general
    manager."""
    return desk_people(db)


def desk_people(db_path) -> SimpleNamespace:
    """Set up branch BJ01 in the open database and sign in its people (see the ``desk`` fixture)."""
    from app.services import auth, setup

    setup.init_database("BJ01", "北京分公司", "admin", PASSWORD)
    admin = auth.sign_in("admin", PASSWORD)
    people = SimpleNamespace(admin=admin, db=db_path)
    people.sup = make_user(admin, "sup", "刘经理", "supervisor", department="客服部")
    people.sup2 = make_user(admin, "sup2", "陈经理", "supervisor", department="客服部")
    people.rec = make_user(admin, "rec", "王芳", "reception", department="客服部")
    people.h1 = make_user(admin, "h1", "赵敏", "handler", department="客服部", supervisor="sup")
    people.h2 = make_user(admin, "h2", "孙磊", "handler", department="客服部", supervisor="sup")
    people.dept = make_user(admin, "claims", "周科长", "handler", department="理赔部", supervisor="sup")
    people.accused = make_user(admin, "hejun", "何俊", "handler", department="理赔部", supervisor="sup")
    people.gm = make_user(admin, "gm", "总经理", "general_manager")
    return people


def example_cases() -> list[dict]:
    return json.loads(EXAMPLES.read_text(encoding="utf-8"))


def sample_case(**changes) -> dict:
    """The first example, with changes (dotted keys reach into nested objects)."""
    case = json.loads(json.dumps(example_cases()[0]["case"]))
    for key, value in changes.items():
        target = case
        parts = key.split(".")
        for part in parts[:-1]:
            target = target[part]
        target[parts[-1]] = value
    return case


class CLI:
    """Runs the command line against one database file and answers what a user would see: the exit code, the
    JSON printed on stdout and the line on stderr.

    By default the command runs in this process, through ``app.cli.main`` with its own environment, standard
    input and captured output (starting a Python per command cost the suite minutes); ``process=True`` runs
    the real ``python -m app`` instead, as the tests of the program itself do."""

    def __init__(self, db_path: Path, *, process: bool = False):
        self.db = str(db_path)
        self.process = process

    def run(self, *args, password=None, new_password=None, stdin=None, lang="en", env=None):
        extra = env or {}
        env = {k: v for k, v in os.environ.items() if not k.startswith("CDESK_")}
        env.update(extra)
        env["CDESK_LANG"] = lang
        env["PYTHONPATH"] = str(ROOT)
        if password is not None:
            env["CDESK_PASSWORD"] = password
        if new_password is not None:
            env["CDESK_NEW_PASSWORD"] = new_password
        argv = [*args, "--db", self.db]
        if self.process:
            proc = subprocess.run([sys.executable, "-m", "app", *argv], input=stdin, text=True, capture_output=True,
                                  env=env, cwd=str(ROOT), timeout=120)
            code, out, err = proc.returncode, proc.stdout, proc.stderr
        else:
            code, out, err = run_in_process(argv, env=env, stdin=stdin)
        result = SimpleNamespace(code=code, out=out, err=err, json=None)
        if code == 0 and out.strip():
            result.json = json.loads(out)
        return result

    def ok(self, *args, **kw):
        result = self.run(*args, **kw)
        assert result.code == 0, result.err
        return result.json


def run_in_process(argv: list[str], *, env: dict, stdin: str | None) -> tuple[int, str, str]:
    """``app.cli.main(argv)`` as if it were a process of its own: ``env`` as the whole environment, ``stdin`` as
    standard input (not a terminal), stdout and stderr captured. What the command changes in this process is
    put back afterwards: the environment, the language, and the database the test had open."""
    import io

    import models
    from app import i18n
    from app.cli import main
    from models import entities

    saved_env, saved_language = dict(os.environ), i18n.language()
    saved_db, saved_site = models.database.obj, entities._site
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    out, err = io.StringIO(), io.StringIO()
    os.environ.clear()
    os.environ.update(env)
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin or ""), out, err
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's --help
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.environ.clear()
        os.environ.update(saved_env)
        i18n.set_language(saved_language)
        if saved_db is not None:  # the command closed it when it opened its own; it reconnects when next used
            models.database.initialize(saved_db)
            entities._site = saved_site
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def cli(tmp_path):
    return CLI(tmp_path / "cli.sqlite3")


@pytest.fixture
def cli_desk(cli):
    """A command-line database with admin, reception, handler, supervisor (passwords already changed)."""
    cli.ok("init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin", password=PASSWORD)
    for user, name, role, extra in (
        ("rec", "王芳", "reception", ["--department", "客服部"]),
        ("sup", "刘经理", "supervisor", ["--department", "客服部"]),
        ("h1", "赵敏", "handler", ["--department", "客服部", "--supervisor", "sup"]),
        ("claims", "周科长", "handler", ["--department", "理赔部", "--supervisor", "sup"]),
    ):
        cli.ok("user", "add", user, "--name", name, "--role", role, *extra, "--as", "admin", password=PASSWORD,
               new_password="initial-1")
        cli.ok("user", "passwd", user, "--as", user, password="initial-1", new_password=PASSWORD)
    return cli


def cli_template(build):
    """The fixtures ``template`` and ``desk_cli`` of a test module: ``build(cli)`` runs once per module on a fresh
    command-line database, and each test gets a copy of it."""

    @pytest.fixture(scope="module")
    def template(tmp_path_factory):
        from app.services import auth

        auth.use_hash_cost(1, 1024)  # as _fast_hashing does for each test, which starts after this fixture
        path = tmp_path_factory.mktemp("template") / "cli.sqlite3"
        build(CLI(path))
        return path

    @pytest.fixture
    def desk_cli(template, tmp_path):
        return CLI(copy_database(template, tmp_path / "cli.sqlite3"))

    return template, desk_cli


def copy_database(source: Path, target: Path) -> Path:
    """Copy a SQLite file with its WAL and shared-memory files (a template database built once per module)."""
    import shutil

    for suffix in ("", "-wal", "-shm"):
        part = Path(str(source) + suffix)
        if part.exists():
            shutil.copy(part, str(target) + suffix)
    return target


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server of the suite's own on 127.0.0.1 (``bench/pgcluster.py``), for headquarters on PostgreSQL:
    skipped with a message when PostgreSQL is not installed, unless the environment variable CI is set (then it
    must run). ``postgres_server.new_database()`` gives the URL of a fresh database on it."""
    from bench import pgcluster

    bindir = pgcluster.postgres_bin()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed but CI is set: .ci/run must install it (apt-get install postgresql)")
        pytest.skip("PostgreSQL binaries not found (initdb, pg_ctl): headquarters-on-PostgreSQL tests skipped; "
                    "install Debian's postgresql package to run them")
    server = pgcluster.PostgresServer(bindir)
    try:
        server.start()
    except (subprocess.CalledProcessError, OSError, KeyError) as exc:
        server.stop()
        detail = getattr(exc, "stderr", b"") or b""
        if os.environ.get("CI"):
            pytest.fail(f"could not start PostgreSQL: {exc} {detail.decode(errors='replace')}")
        pytest.skip(f"could not start PostgreSQL ({exc}): headquarters-on-PostgreSQL tests skipped")
    yield server
    server.stop()
