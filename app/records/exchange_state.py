"""Where this database stands in the exchange with headquarters: the sequence of its next export and how many
times it was restored, carried across a restore so that the exchange continues instead of forking (README,
"A restore continues the exchange"). The export reads it; the restore moves it on."""
from __future__ import annotations

import peewee

CONTINUE_SETTING = "exchange.continue_after"  # {"sequence": S}: the last bundle a database before a restore made


def next_sequence() -> int:
    """One more than the last bundle this branch made: the newest of its exports, or of those made before a
    restore put an older copy of the database back (``continue_after``), so a restored branch never repeats a
    sequence headquarters has seen."""
    from models import ExchangeBundle, Setting

    last = (ExchangeBundle.select(peewee.fn.MAX(ExchangeBundle.sequence))
            .where(ExchangeBundle.direction == "out").scalar()) or 0
    floor = Setting.get_or_none(Setting.key == CONTINUE_SETTING)
    if floor is not None and isinstance(floor.value, dict):
        last = max(last, int(floor.value.get("sequence") or 0))
    return last + 1


def restores() -> int:
    """How many times this database was restored from a backup (its history may then go back: declared)."""
    from models import Setting

    row = Setting.get_or_none(Setting.key == CONTINUE_SETTING)
    return int((row.value or {}).get("restores") or 0) if row is not None and isinstance(row.value, dict) else 0


def continue_after(sequence: int, change: int) -> None:
    """After a restore (inside its transaction): the next export follows bundle ``sequence`` and every change made
    from now on is numbered above ``change``, the highest the database before the restore may have exported. The
    database's exchange state thereby continues instead of forking: headquarters sees no replay and no update
    that looks older than one it already holds."""
    from models import ChangeCounter, Setting

    row = Setting.get_or_none(Setting.key == CONTINUE_SETTING)
    count = restores() + 1
    if row is None:
        Setting.create(key=CONTINUE_SETTING, value={"sequence": sequence, "restores": count})
    else:
        row.value = {"sequence": max(sequence, int((row.value or {}).get("sequence") or 0)), "restores": count}
        row.save()
    counter = ChangeCounter.get_or_none(ChangeCounter.id == 1)
    if counter is None:
        ChangeCounter.create(id=1, value=change)
    elif counter.value < change:
        ChangeCounter.update(value=change).where(ChangeCounter.id == 1).execute()
