"""A private PostgreSQL cluster in a temporary folder (loopback only, trust authentication, fsync off), for the
test suites and the benchmark harness: headquarters runs on PostgreSQL, and both need a real server to measure
and check it. Debian's server binaries are found under /usr/lib/postgresql/N/bin (or PG_BIN, or the PATH)."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path


def postgres_bin() -> Path | None:
    """PG_BIN when set (and only it), else Debian's /usr/lib/postgresql/N/bin (newest), else the PATH."""
    if os.environ.get("PG_BIN"):
        candidates = [os.environ["PG_BIN"]]
    else:
        candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for directory in candidates:
        if directory and (Path(directory) / "initdb").exists() and (Path(directory) / "pg_ctl").exists():
            return Path(directory)
    if os.environ.get("PG_BIN"):
        return None
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# the suite's cluster: nothing of it must survive a crash, so nothing waits for the disk
TEST_SETTINGS = {"fsync": "off", "full_page_writes": "off"}


class PostgresServer:
    """A private cluster in a temporary folder, trust authentication, loopback only; ``start(settings)``."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="cdesk-pg-"))
        self.port = free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:  # the server refuses to run as root: run it as the postgres user
            import pwd

            account = pwd.getpwnam("postgres")
            os.chown(self.root, account.pw_uid, account.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]

    def run(self, *args):
        subprocess.run(self.prefix + [str(a) for a in args], check=True, capture_output=True, timeout=120)

    def start(self, settings: dict | None = None):
        """initdb and start; ``settings``: server settings (default TEST_SETTINGS)."""
        data = self.root / "data"
        self.run(self.bindir / "initdb", "-D", data, "-U", "cdesk", "-A", "trust", "-E", "UTF8", "--locale=C")
        settings = TEST_SETTINGS if settings is None else settings
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} " + " ".join(
            f"-c {name}={value}" for name, value in settings.items())
        self.run(self.bindir / "pg_ctl", "-D", data, "-o", options, "-l", self.root / "log", "-w", "-t", "60", "start")

    def stop(self):
        try:
            self.run(self.bindir / "pg_ctl", "-D", self.root / "data", "-m", "immediate", "-w", "stop")
        except Exception:
            pass
        # the folder holds a database for every test (hundreds of megabytes): a process of its own removes it,
        # so that the suite does not wait for that at its very end
        try:
            subprocess.Popen(["rm", "-rf", "--", str(self.root)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError:
            shutil.rmtree(self.root, ignore_errors=True)

    def new_database(self, template: str = "template0", options: str = "") -> str:
        """A new database (its URL); ``options``: more of CREATE DATABASE, such as its locale."""
        import psycopg2

        name = "cdesk_" + uuid.uuid4().hex[:12]
        for attempt in range(50):
            try:
                connection = psycopg2.connect(host="127.0.0.1", port=self.port, user="cdesk", dbname="postgres")
                break
            except psycopg2.OperationalError:
                if attempt == 49:
                    raise
                time.sleep(0.2)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE {template} {options}")
        connection.close()
        return f"postgresql://cdesk@127.0.0.1:{self.port}/{name}"
