"""A desk that registers cases as fast as it can, for the kill tests: ``python writer_process.py DB ROUND``.

After each register_case returns (the transaction is committed), it prints ``ROUND INDEX NUMBER`` and flushes,
so every line the parent reads names a case that the program told its user was saved.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def payload(round_no: int, index: int) -> dict:
    from tests.conftest import sample_case

    return sample_case(**{"complainant.name": f"断电{round_no}号{index}", "content": f"断电测试 第{round_no}轮 第{index}件 " * 40,
                          "summary": f"kill {round_no}/{index}"})


def main() -> None:
    import models
    from app.services import auth, cases

    db, round_no = sys.argv[1], int(sys.argv[2])
    models.init_db(db)
    rec = auth.sign_in("rec", "pass-1234")
    print("ready", flush=True)
    index = 0
    while True:
        view = cases.register_case(rec, payload(round_no, index))
        print(round_no, index, view["number"], flush=True)
        index += 1


if __name__ == "__main__":
    main()
