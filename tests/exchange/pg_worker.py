"""A second person at headquarters, in a process of its own, for the tests of several people at once on one
PostgreSQL server (tests/exchange/test_postgres_concurrency.py).

    python pg_worker.py import DB BUNDLE [HOLD]
    python pg_worker.py act DB USER NUMBER ACTION PAYLOAD_JSON NOW_ISO [HOLD]

With HOLD (seconds), the work pauses that long inside its transaction at the point that matters (an import once
it holds its branch's lock; an action once the case is read and the action applied, before it is saved) and
prints "holding" first, so that the test starts the other person's work exactly then. The result is printed as
one line of JSON: the service's answer, or the refusal (its class and message).
"""
from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def hold_after(module, name: str, seconds: float) -> None:
    original = getattr(module, name)

    def held(*args, **kwargs):
        result = original(*args, **kwargs)
        print("holding", flush=True)
        time.sleep(seconds)
        return result

    setattr(module, name, held)


def main(argv: list[str]) -> None:
    import models
    from app.errors import DeskError
    from app.services import auth
    from tests.conftest import PASSWORD

    command, target, *rest = argv
    auth.use_hash_cost(1, 1024)  # as the suite made its people (no rehash at sign-in)
    models.init_db(target)
    try:
        if command == "import":
            from app.exchange import importer

            path, *hold = rest
            if hold:
                hold_after(importer, "_lock_branch", float(hold[0]))
            result = importer.import_bundle(auth.sign_in("admin", PASSWORD), path, write_receipt=False)
            out = {"status": result["status"], "counts": result["counts"]}
        else:
            from app.rules import workflow
            from app.services import cases

            user, number, action, payload, now, *hold = rest
            if hold:
                hold_after(workflow, "run", float(hold[0]))
            case = cases.do_action(auth.sign_in(user, PASSWORD), number, action, json.loads(payload),
                                   now=datetime.fromisoformat(now))
            out = {"state": case["state"], "handler": case["handler"], "transfers": case["transfers"]}
    except DeskError as exc:
        out = {"refused": type(exc).__name__, "message": exc.localized()}
    print(json.dumps(out, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
