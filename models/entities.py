"""The records of Complaint Desk (docs/rules.md §2).

Every exchanged record is a ``Record``: it has a UUID from birth (the USB exchange keys on it, see
``new_uuid``) and a change number, taken from a database-wide counter on every save, so "everything changed
since N" is one indexed query. Times are UTC instants (``InstantField``); money is Decimal.
"""
from __future__ import annotations

import hashlib
import secrets
import time
from datetime import datetime, timedelta, timezone

import peewee
from peewee import (
    BooleanField,
    CharField,
    DateField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from models.db import database
from models.fields import InstantField, JSONField


_NO_SITE = "00000000"
_site = _NO_SITE


def uuid_site(branch_uuid: str | None) -> str:
    """The 8 hex digits that begin every identifier minted at the site whose own branch has ``branch_uuid``."""
    return hashlib.sha256(branch_uuid.encode("ascii")).hexdigest()[:8] if branch_uuid else _NO_SITE


def set_uuid_site(branch_uuid: str | None) -> None:
    """Mint identifiers for this site from now on (``init_db`` calls it with the database's local branch)."""
    global _site
    _site = uuid_site(branch_uuid)


def new_uuid(at_ms: int | None = None, random_bits: int | None = None, site: str | None = None) -> str:
    """A record's identifier: 128 bits as 32 hex digits, the site's prefix (32 bits, ``uuid_site``), then the
    milliseconds since 1970 (48 bits), then 48 random bits.

    Unique like a random UUID (two records of one site in the same millisecond share 2^-48 odds), but clustered:
    a site's records sit together in every uuid index, newest last. Headquarters inserts a branch's bundle into
    that branch's own stretch of each index, at its end, instead of into pages all over indexes of millions of
    entries, so those writes stay as cheap at the fiftieth branch as at the first."""
    ms = time.time_ns() // 1_000_000 if at_ms is None else at_ms
    bits = secrets.randbits(48) if random_bits is None else random_bits
    return f"{site or _site}{ms & 0xFFFFFFFFFFFF:012x}{bits & 0xFFFFFFFFFFFF:012x}"


_clock_start: tuple[datetime, float] | None = None  # (the moment the clock was set to, time.monotonic() then)


def utcnow() -> datetime:
    """Now, in UTC: the clock the core stamps records with and judges deadlines by."""
    if _clock_start is not None:
        moment, started = _clock_start
        return moment + timedelta(seconds=time.monotonic() - started)
    return datetime.now(timezone.utc)


def set_clock(moment: datetime | None) -> None:
    """Run the core's clock from ``moment`` on (it goes on ticking from there), or from the computer's clock
    again with None: for tests that drive the command line, which has no ``now=`` as the services have."""
    global _clock_start
    _clock_start = None if moment is None else (moment.astimezone(timezone.utc), time.monotonic())


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = IntegerField()


class ChangeCounter(BaseModel):
    """A single row holding the last change number handed out in this database."""

    value = IntegerField(default=0)


def next_change_no() -> int:
    updated = ChangeCounter.update(value=ChangeCounter.value + 1).where(ChangeCounter.id == 1).execute()
    if not updated:
        ChangeCounter.create(id=1, value=1)
        return 1
    return ChangeCounter.get_by_id(1).value


class Record(BaseModel):
    uuid = CharField(max_length=32, unique=True, default=new_uuid)
    change_no = IntegerField(default=0, index=True)

    def save(self, *args, **kwargs):
        self.change_no = next_change_no()
        return super().save(*args, **kwargs)


# --- organisation -------------------------------------------------------------------------------------------


class Branch(Record):
    """A branch office (分公司/门店), or headquarters when ``is_hq``."""

    code = CharField(max_length=16, unique=True)
    name = CharField()
    is_hq = BooleanField(default=False)
    is_local = BooleanField(default=False)  # the branch this database belongs to


class Department(Record):
    """A department 部门 of a branch: the one complained about, or the one receiving a notice."""

    branch = ForeignKeyField(Branch, backref="departments")
    name = CharField()

    class Meta:
        indexes = ((("branch", "name"), True),)


class User(Record):
    ROLES = ("reception", "handler", "supervisor", "admin", "general_manager", "hq")

    branch = ForeignKeyField(Branch, backref="users")
    username = CharField(max_length=64, unique=True)
    display_name = CharField()
    role = CharField(max_length=32)
    department = ForeignKeyField(Department, null=True, backref="users")
    supervisor = ForeignKeyField("self", null=True, backref="reports")
    password_hash = CharField()
    must_change_password = BooleanField(default=True)
    failed_sign_ins = IntegerField(default=0)
    locked_until = InstantField(null=True)
    active = BooleanField(default=True)
    created_at = InstantField(default=utcnow)


class Setting(Record):
    """Key/value settings and policy (deadline preset, calendar, thresholds, categories) as JSON."""

    key = CharField(unique=True)
    value = JSONField()


# --- numbers ------------------------------------------------------------------------------------------------


class NumberSeries(Record):
    """The last number issued in a series (``case`` or ``notice``) for a branch and year (R11)."""

    branch_code = CharField(max_length=16)
    series = CharField(max_length=16)
    year = IntegerField()
    last = IntegerField(default=0)

    class Meta:
        indexes = ((("branch_code", "series", "year"), True),)


class VoidedNumber(Record):
    """A number that will never be used, with the reason: a voided case, or numbers lost by a restore."""

    branch_code = CharField(max_length=16)
    series = CharField(max_length=16)
    year = IntegerField()
    seq = IntegerField()
    number = CharField(unique=True)
    reason = TextField()
    voided_by = CharField()
    voided_at = InstantField(default=utcnow)


# --- the complaint handling slip 客户投诉处理单 ---------------------------------------------------------------


# Called before every Case save with (case, created); a hook may return a function to call after the write, in
# the same transaction (app.records.search keeps its index of the case's text current this way).
CASE_SAVE_HOOKS: list = []


class Case(Record):
    """A complaint handling slip 客户投诉处理单: intake, classification, state and the current round's handling."""

    # single-column indexes are left out where a composite index below begins with the column (branch, kind,
    # mobile, category, severity): it serves the same lookups, and every index costs each insert
    branch = ForeignKeyField(Branch, backref="cases", index=False)
    number = CharField(unique=True)
    year = IntegerField()
    seq = IntegerField()

    # intake (docs/rules.md §2.1)
    kind = CharField(max_length=16)
    origin = CharField(max_length=16)
    channel = CharField(max_length=16)
    received_at = InstantField(index=True)
    receiver = ForeignKeyField(User, backref="received_cases")
    complainant_name = CharField()
    complainant_gender = CharField(max_length=8, default="unknown")
    complainant_address = TextField(default="")
    relation_to_insured = CharField(default="")
    complainant_identity = CharField(default="")
    mobile = CharField(max_length=20, default="")
    phone = CharField(max_length=32, default="")
    vip = BooleanField(default=False)
    contact_name = CharField(default="")
    complainant_count = IntegerField(default=1)
    reason = TextField(default="")
    claim_no = CharField(default="")
    plate_no = CharField(default="")
    accused_department = CharField(default="")
    accused_person = CharField(default="")
    category = CharField(max_length=32)
    content = TextField(default="")
    summary = TextField(default="")
    desired_remedy = TextField(default="")
    original_doc_no = CharField(default="")
    amount_line = CharField(max_length=32, default="other")
    amount_value = DecimalField(max_digits=16, decimal_places=2, default=0)
    flag_media = BooleanField(default=False)
    flag_petition = BooleanField(default=False)
    flag_threat = BooleanField(default=False)
    flag_hq = BooleanField(default=False)
    flag_lawsuit = BooleanField(default=False)
    contact_from = CharField(max_length=5, null=True)
    contact_to = CharField(max_length=5, null=True)

    # classification (R1, R2)
    severity = CharField(max_length=16, null=True)
    major_reasons = JSONField(default=list)
    routed_to = CharField(max_length=32, null=True)

    # life (docs/rules.md §6, states)
    state = CharField(max_length=24, index=True)
    round = IntegerField(default=1)
    round_started_at = InstantField(null=True)
    state_before_defer = CharField(max_length=24, null=True)
    handler = ForeignKeyField(User, null=True, backref="handled_cases")
    transfers = IntegerField(default=0)
    escalated_at = InstantField(null=True)
    acknowledged_at = InstantField(null=True)

    # the current round's conclusion (R5, R6); every round's is kept in Conclusion
    cause = TextField(default="")
    facts = CharField(max_length=16, null=True)
    established = BooleanField(null=True)
    opinion = TextField(default="")
    result = TextField(default="")
    replied_at = InstantField(null=True)
    approved_at = InstantField(null=True)
    closed_at = InstantField(null=True, index=True)
    closure_reason = TextField(default="")
    void_reason = TextField(default="")

    # deadlines (R3); reply_remaining holds what was left of the reply clock while deferred
    escalate_by = InstantField(null=True)
    acknowledge_by = InstantField(null=True)
    determine_by = InstantField(null=True)
    reply_by = InstantField(null=True, index=True)
    revisit_by = InstantField(null=True)
    paused_at = InstantField(null=True)
    reply_remaining = IntegerField(null=True)

    created_at = InstantField(default=utcnow)
    updated_at = InstantField(default=utcnow, index=True)

    class Meta:
        indexes = (
            (("branch", "year", "seq"), True),
            # the register (app.services.queries): sorting by number and complainant, counting a filter together
            # with the state filter from one index, and finding the few cases hidden from a user (R2, R9)
            (("year", "seq"), False),
            (("complainant_name",), False),
            (("channel",), False),
            (("category", "state"), False),
            (("severity", "state"), False),
            (("kind", "state"), False),
            (("accused_person", "accused_department"), False),
            # R1 "repeat" at registration: earlier complaints of the same mobile in the same category
            (("mobile", "category"), False),
            # the search's exact check of a number typed in (app.services.queries._named_exactly): a claim number
            # or landline is compared whole, not through the search index, and without these it read every case
            (("claim_no",), False),
            (("phone",), False),
        )

    def save(self, *args, **kwargs):
        if not CASE_SAVE_HOOKS:
            return super().save(*args, **kwargs)
        with self._meta.database.atomic():
            created = self._pk is None or bool(kwargs.get("force_insert"))
            after = [hook(self, created) for hook in CASE_SAVE_HOOKS]
            result = super().save(*args, **kwargs)
            for finish in after:
                if finish is not None:
                    finish()
            return result


class RoundRecord(Record):
    """Base of every entry that belongs to one round of a case's handling."""

    round = IntegerField(default=1)
    at = InstantField()
    by = ForeignKeyField(User)
    recorded_at = InstantField(default=utcnow)


class ContactAttempt(RoundRecord):
    """An attempt to reach the customer (R4): time, method, whether reached, what happened."""

    case = ForeignKeyField(Case, backref="contacts", on_delete="CASCADE")
    method = CharField(max_length=16)
    reached = BooleanField()
    note = TextField(default="")
    override_reason = TextField(default="")


class InvestigationEntry(RoundRecord):
    """One step of the investigation 调查事项: date, handler, what was done (docs/rules.md R5)."""

    case = ForeignKeyField(Case, backref="investigations", on_delete="CASCADE")
    note = TextField()


class Conclusion(RoundRecord):
    """The conclusion of a round 处理结论: cause, facts, established (R6), opinion, result."""

    case = ForeignKeyField(Case, backref="conclusions", on_delete="CASCADE")
    cause = TextField()
    facts = CharField(max_length=16)
    established = BooleanField()
    opinion = TextField(default="")
    result = TextField(default="")
    responsible_department = CharField(default="")
    responsible_person = CharField(default="")
    fault_decision = TextField(default="")


class Reply(RoundRecord):
    """The reply to the customer 回复客户: time, channel, result."""

    case = ForeignKeyField(Case, backref="replies", on_delete="CASCADE")
    channel = CharField(max_length=16)
    result = TextField()


class Approval(RoundRecord):
    """A supervisor's decision (R7): approve with an opinion, or return with a reason."""

    case = ForeignKeyField(Case, backref="approvals", on_delete="CASCADE")
    decision = CharField(max_length=16)  # approve | return | close_abnormal
    text = TextField(default="")


class Revisit(RoundRecord):
    """A revisit 回访记录: method, satisfaction, comment. Dissatisfied opens a new round."""

    case = ForeignKeyField(Case, backref="revisits", on_delete="CASCADE")
    method = CharField(max_length=16)
    satisfaction = CharField(max_length=16)
    comment = TextField(default="")


class PendingMatter(RoundRecord):
    """A pending matter 未了事宜: the case waits (parts, absent customer); the reply clock is paused."""

    case = ForeignKeyField(Case, backref="pending_matters", on_delete="CASCADE")
    reason = TextField()
    follow_up = DateField()
    resumed_at = InstantField(null=True)


class Transfer(RoundRecord):
    """A hand-over between handlers (R8): counted, and signed by who did it."""

    case = ForeignKeyField(Case, backref="transfer_log", on_delete="CASCADE")
    from_handler = ForeignKeyField(User, null=True)
    to_handler = ForeignKeyField(User)


# --- rectification notice 整改通知书 ---------------------------------------------------------------------------


class RectificationNotice(Record):
    """A rectification notice 整改通知书 to the responsible department, with feedback and verification."""

    branch = ForeignKeyField(Branch, backref="notices")
    number = CharField(unique=True)
    year = IntegerField()
    seq = IntegerField()
    case = ForeignKeyField(Case, backref="notices")
    follows = ForeignKeyField("self", null=True, backref="follow_ups")
    department = CharField()
    problem = TextField()
    corrective = TextField()
    preventive = TextField()
    issued_by = ForeignKeyField(User)
    issued_at = InstantField()
    feedback_by = InstantField()
    state = CharField(max_length=16, default="issued", index=True)  # issued | reported | verified | failed
    feedback_actions = TextField(default="")
    feedback_at = InstantField(null=True)
    feedback_person = CharField(default="")
    feedback_user = ForeignKeyField(User, null=True)
    verified_by = ForeignKeyField(User, null=True)
    verified_at = InstantField(null=True)
    verification_passed = BooleanField(null=True)
    verification_comment = TextField(default="")

    class Meta:
        indexes = ((("branch", "year", "seq"), True),)


# --- printing, history --------------------------------------------------------------------------------------


class PrintRecord(Record):
    """Every print of a document: who, when, which document, the how-many-th copy (补打 from the second)."""

    document = CharField(max_length=16)  # slip | receipt | revisit | letter | notice
    number = CharField(index=True)
    copy_no = IntegerField()
    printed_by = CharField()
    printed_at = InstantField(default=utcnow)


class History(BaseModel):
    """Append-only history (R13): who, when, what, before/after, chained by hash to the previous row."""

    uuid = CharField(max_length=32, unique=True, default=new_uuid)
    at = InstantField(default=utcnow)
    actor = CharField()
    entity = CharField(max_length=16)
    entity_uuid = CharField(max_length=32, index=True)
    ref = CharField(default="")
    action = CharField(max_length=32)
    round = IntegerField(null=True)
    before = JSONField(null=True)
    after = JSONField(null=True)
    prev_hash = CharField(max_length=64, default="")
    hash = CharField(max_length=64, default="")
    # "" for rows written here; at headquarters, the code of the branch an imported row came from (each origin
    # keeps its own hash chain)
    origin = CharField(max_length=16, default="", index=True)

    class Meta:
        # a case's history by its uuid (above); monthly statements by entity and ref. No index on ``at``: read in
        # id order, and at headquarters the branches' times interleave, so such an index would take every
        # imported row somewhere in the middle of millions of entries
        indexes = ((("entity", "ref"), False),)


# --- registers brought in from the branch's own Excel files (app/services/legacy) ---------------------------------


class LegacyImport(BaseModel):
    """A register row already imported (local bookkeeping, never exchanged): the same row imported again, from the
    same file or a re-saved one, is recognised by its key and changes nothing."""

    key = CharField(max_length=64, unique=True)
    case_number = CharField()
    source = CharField()
    sheet = CharField(default="")
    row_no = IntegerField()
    at = InstantField(default=utcnow)


# --- USB exchange 数据交换 (app/exchange): local bookkeeping, never exchanged itself --------------------------------


class ExchangePeer(BaseModel):
    """The other end of the USB exchange: headquarters' public keys at a branch, or an enrolled branch's public
    signing key at headquarters, with the last bundle sequence accepted from it."""

    code = CharField(max_length=16, unique=True)
    kind = CharField(max_length=8)  # hq | branch
    name = CharField(default="")
    branch_uuid = CharField(max_length=32, default="")
    signing_key = CharField(max_length=64)  # Ed25519 public key, hex
    encryption_key = CharField(max_length=64, default="")  # X25519 public key, hex (headquarters only)
    last_sequence = IntegerField(default=0)
    enrolled_at = InstantField(default=utcnow)


class ExchangeBundle(BaseModel):
    """A bundle written (``out``, ``policy_out``) or accepted (``in``, ``policy_in``), with its ranges; at a branch,
    ``acknowledged_at`` is set when headquarters' receipt for it is imported."""

    bundle_id = CharField(max_length=32, unique=True)
    direction = CharField(max_length=12)
    branch_code = CharField(max_length=16)
    sequence = IntegerField()
    from_change = IntegerField(default=0)
    to_change = IntegerField(default=0)
    from_history = IntegerField(default=0)
    to_history = IntegerField(default=0)
    file_name = CharField(default="")
    at = InstantField(default=utcnow)
    acknowledged_at = InstantField(null=True)
    summary = JSONField(null=True)

    class Meta:
        indexes = ((("branch_code", "direction", "sequence"), False),)


class ExchangeVersion(BaseModel):
    """At headquarters: which branch a record came from, its change number there and the digest of its content,
    so that a record seen again is skipped, an older version never overwrites a newer one, and a different
    record under the same uuid is a conflict."""

    uuid = CharField(max_length=32, unique=True)
    table_name = CharField(max_length=32)
    branch_code = CharField(max_length=16)
    change_no = IntegerField()
    digest = CharField(max_length=64)


class ExchangeConflict(BaseModel):
    """At headquarters: an incoming record that was not applied because it differs from what is stored under
    the same uuid (kept here whole, for a person to decide)."""

    bundle_id = CharField(max_length=32)
    branch_code = CharField(max_length=16)
    table_name = CharField(max_length=32)
    uuid = CharField(max_length=32, index=True)
    reason = CharField(max_length=32)
    incoming = JSONField()
    at = InstantField(default=utcnow)


ALL_MODELS = [
    SchemaVersion,
    ChangeCounter,
    Branch,
    Department,
    User,
    Setting,
    NumberSeries,
    VoidedNumber,
    Case,
    ContactAttempt,
    InvestigationEntry,
    Conclusion,
    Reply,
    Approval,
    Revisit,
    PendingMatter,
    Transfer,
    RectificationNotice,
    PrintRecord,
    History,
    LegacyImport,
    ExchangePeer,
    ExchangeBundle,
    ExchangeVersion,
    ExchangeConflict,
]

__all__ = [m.__name__ for m in ALL_MODELS] + ["ALL_MODELS", "Record", "new_uuid", "set_uuid_site", "uuid_site",
                                                "utcnow", "next_change_no"]
