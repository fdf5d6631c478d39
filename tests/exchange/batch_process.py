"""Headquarters importing several bundles as one batch, for the kill test: ``python batch_process.py DB FILE...``.

The batch is made large enough to build the register's indexes at the end; before each file it prints
``file INDEX`` and flushes, so the parent knows how far the import had gone when it killed the process.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    import models
    from app.exchange import files
    from app.services import auth
    from tests.exchange.helpers import PASSWORD

    models.init_db(sys.argv[1])
    admin = auth.sign_in("admin", PASSWORD)
    files.DEFER_MIN_CASES = 1
    files.import_files(admin, sys.argv[2:], progress=lambda done, total, text: print("file", done, flush=True))
    print("done", flush=True)


if __name__ == "__main__":
    main()
