"""Building branch and headquarters databases for the exchange tests, filling every table, and dumping them."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import peewee

import models
from models.fields import InstantField, JSONField

PASSWORD = "pass-1234"
TEXT = "投诉内容：2026年11月20日张伟到店，称理赔款迟迟未到账。\n“引号”、《书名号》、emoji 😀、繁體、〇一二。"


@dataclass
class Site:
    target: str
    code: str
    hq: bool
    admin: object = None

    def use(self):
        models.init_db(self.target)
        return self


def make_site(target, code, name, *, hq=False) -> Site:
    """A new desk at ``target``; a target ending in '#prepared' is a copy of a desk already set up this way."""
    from app.exchange import keys
    from app.services import auth, setup

    target = str(target)
    prepared = target.endswith("#prepared")
    site = Site(target.removesuffix("#prepared"), code, hq)
    site.use()
    if not prepared:
        setup.init_database(code, name, "admin", PASSWORD, hq=hq)
        keys.ensure_keys()
    site.admin = auth.sign_in("admin", PASSWORD)
    return site


def enrol(branch: Site, hq: Site, folder: Path) -> None:
    from app.exchange import keys

    folder.mkdir(exist_ok=True)
    branch.use()
    keys.write_enrolment(folder / f"{branch.code}.cdenrol")
    hq.use()
    keys.import_enrolment(hq.admin, folder / f"{branch.code}.cdenrol")
    if not (folder / "HQ.cdenrol").exists():
        keys.write_enrolment(folder / "HQ.cdenrol")
    branch.use()
    keys.import_enrolment(branch.admin, folder / "HQ.cdenrol")


@dataclass
class Pair:
    hq: Site
    branch: Site
    root: Path
    stick: Path

    def export(self, **kw) -> dict:
        from app.exchange.export import export_bundle

        self.branch.use()
        return export_bundle(self.branch.admin, self.stick, **kw)

    def import_(self, path, **kw) -> dict:
        from app.exchange.importer import import_bundle

        self.hq.use()
        return import_bundle(self.hq.admin, path, **kw)

    def receipt(self, path) -> dict:
        from app.exchange.receipts import import_receipt

        self.branch.use()
        return import_receipt(self.branch.admin, path)


def make_pair(root: Path, hq_target: str, code="BJ01") -> Pair:
    hq = make_site(hq_target, "HQ", "集团总部", hq=True)
    branch = make_site(root / f"{code}.sqlite3", code, "北京分公司")
    enrol(branch, hq, root / "enrol")
    stick = root / "stick"
    stick.mkdir()
    return Pair(hq, branch, root, stick)


# --- filling every field of every exchanged table --------------------------------------------------------------


def _value(field, n, model=None):
    from app.exchange.checks import domain_choices

    choices = domain_choices().get((model, field.name))
    if choices:  # a state, a kind, a channel...: one the domain allows, as a desk would have stored
        return choices[n % len(choices)]
    if isinstance(field, InstantField):
        return datetime(2026, 11, 20, 1, 15, 30, 123456, tzinfo=timezone.utc) + timedelta(days=n, microseconds=n)
    if isinstance(field, peewee.DateField):
        return date(2026, 12, 1) + timedelta(days=n)
    if isinstance(field, peewee.DecimalField):
        return Decimal("12345.67") + n
    if isinstance(field, peewee.BooleanField):
        return n % 2 == 0
    if isinstance(field, peewee.IntegerField):
        return 7 + n
    if isinstance(field, JSONField):
        return {"原因": ["三人以上", n], "emoji": "😀", "嵌套": {"金额": 10000}}
    if isinstance(field, peewee.TextField):
        return f"{TEXT}（{field.name} {n}）"
    if isinstance(field, peewee.CharField):
        text = f"{n}{field.name}「中文」甲乙丙丁戊己庚辛"
        return text[: field.max_length] if field.max_length else text
    raise AssertionError(field)


def fill(model, n, **fixed):
    """A row of ``model`` with every field set (foreign keys to the newest row of the referenced table)."""
    values = {}
    for field in model._meta.sorted_fields:
        if field.name in ("id", "uuid", "change_no", "prev_hash", "hash") or field.name in fixed:
            continue
        if isinstance(field, peewee.ForeignKeyField):
            if field.rel_model is model:
                continue
            values[field.name] = field.rel_model.select().order_by(field.rel_model.id.desc()).first()
        else:
            values[field.name] = _value(field, n, model)
    values.update(fixed)
    instance = model(**values)
    instance.save(force_insert=True)
    return instance


def populate(branch: Site, n=0, count=2) -> dict:
    """Rows in every exchanged table of the branch, every field set, Chinese text everywhere."""
    from app.records import history

    branch.use()
    with models.transaction():
        local = models.Branch.get(models.Branch.is_local == True)  # noqa: E712
        made = {}
        for i in range(n, n + count):
            dept = fill(models.Department, i, branch=local)
            boss = models.User.get(models.User.username == "admin")
            user = fill(models.User, i, branch=local, department=dept, supervisor=boss, username=f"u{i}",
                        role="handler")
            fill(models.NumberSeries, i, branch_code=local.code)
            fill(models.VoidedNumber, i, branch_code=local.code, number=f"{local.code}-2026-{i:05d}")
            case = fill(models.Case, i, branch=local, number=f"{local.code}-2026-{100 + i:05d}", seq=100 + i,
                        year=2026, receiver=user, handler=user)
            for model in (models.ContactAttempt, models.InvestigationEntry, models.Conclusion, models.Reply,
                          models.Approval, models.Revisit, models.PendingMatter):
                fill(model, i, case=case, by=user)
            fill(models.Transfer, i, case=case, by=user, from_handler=boss, to_handler=user)
            first = fill(models.RectificationNotice, i, branch=local, case=case, issued_by=user,
                         number=f"{local.code}-ZG-2026-{i:04d}", seq=i, year=2026, feedback_user=user,
                         verified_by=user)
            fill(models.RectificationNotice, i, branch=local, case=case, issued_by=user, follows=first,
                 number=f"{local.code}-ZG-2026-{5000 + i:04d}", seq=5000 + i, year=2026, feedback_user=user,
                 verified_by=user)
            fill(models.PrintRecord, i, number=case.number)
            history.record("admin", "case", case.uuid, case.number, "register", after={"内容": TEXT, "n": i})
            made[i] = case
    return made


# --- dumps ---------------------------------------------------------------------------------------------------


def dump_all() -> dict:
    """Every row of every table as stored (ids included): for "nothing changed" comparisons."""
    result = {}
    for model in models.ALL_MODELS:
        result[model._meta.table_name] = [
            {k: (v if not isinstance(v, (datetime, Decimal, date)) else str(v)) for k, v in row.items()}
            for row in model.select().order_by(model.id).dicts()]
    return result


IGNORED = {"id", "change_no"}
AT_HQ = {"branch": {"is_local", "is_hq"}, "user": {"username", "password_hash", "must_change_password",
                                                   "failed_sign_ins", "locked_until"}, "history": {"origin"}}


def dump_records(code: str | None = None) -> dict:
    """Exchanged tables by uuid, foreign keys as uuids, without the fields that differ by design at headquarters;
    with ``code``, only that branch's rows (users' names without the 'CODE/' prefix)."""
    from app.exchange.rows import exchanged_models

    result = {}
    for model in exchanged_models():
        table = model._meta.table_name
        uuids = {}
        rows = {}
        for instance in model.select():
            row = {}
            for field in model._meta.sorted_fields:
                if field.name in IGNORED or field.name in AT_HQ.get(table, ()):
                    continue
                value = instance.__data__.get(field.name)
                if isinstance(field, peewee.ForeignKeyField) and value is not None:
                    rel = field.rel_model
                    key = (rel, value)
                    if key not in uuids:
                        uuids[key] = rel.get_by_id(value).uuid
                    value = uuids[key]
                elif isinstance(field, InstantField) and isinstance(value, str):
                    value = field.python_value(value)
                row[field.name] = value
            if model is models.User:
                row["name"] = instance.username.split("/", 1)[-1]
            rows[instance.uuid] = row
        result[table] = rows
    if code is not None:
        keep_branch = {u for u, r in result["branch"].items() if r["code"] == code}
        result["branch"] = {u: r for u, r in result["branch"].items() if u in keep_branch}
    return result


def copy_db(site: Site, to: Path) -> Path:
    models.close_db()
    for suffix in ("", "-wal", "-shm"):
        source = Path(site.target + suffix)
        if source.exists():
            shutil.copy(source, str(to) + suffix)
    return to
