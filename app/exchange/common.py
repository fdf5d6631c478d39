"""What export, import, receipts and policy bundles share: the peers, the file kinds, the user-facing names."""
from __future__ import annotations

from app import i18n
from app.errors import NotFound, RuleViolation
from app.rules.branch import local_branch

i18n.register({
    "Headquarters is not enrolled here: import headquarters' enrolment file first ('enrol import').":
        "本机构尚未登记总部：请先导入总部的登记文件（enrol import）。",
    "This database is headquarters: it does not do that (a branch does).": "本数据库是总部：此操作应在分支机构进行。",
    "This database is a branch: only headquarters does that.": "本数据库是分支机构：此操作只能在总部进行。",
    "data bundle": "数据包",
    "receipt": "回执",
    "policy bundle": "政策包",
    "headquarters": "总部",
    "branch {code}": "分支机构 {code}",
})

KIND_NAMES = {"data": "data bundle", "receipt": "receipt", "policy": "policy bundle"}


def kind_names() -> dict[str, str]:
    return {k: i18n.t(v) for k, v in KIND_NAMES.items()}


def headquarters_peer():
    from models import ExchangePeer

    peer = ExchangePeer.get_or_none(ExchangePeer.kind == "hq")
    if peer is None:
        raise NotFound("Headquarters is not enrolled here: import headquarters' enrolment file first ('enrol import').")
    return peer


def require_branch(branch) -> None:
    if branch.is_hq:
        raise RuleViolation("This database is headquarters: it does not do that (a branch does).")


def require_hq(branch) -> None:
    if not branch.is_hq:
        raise RuleViolation("This database is a branch: only headquarters does that.")


def open_from_headquarters(actor, path, kind: str):
    """A file headquarters signed for this branch (a receipt or a policy bundle), opened and its signature
    checked: returns (this branch, headquarters' peer row, the opened file). Admin only, branches only."""
    from app.exchange import bundle, keys

    keys.require_admin(actor, "admin")
    here = local_branch()
    require_branch(here)
    hq = headquarters_peer()
    opened = bundle.read(path)
    bundle.expect_kind(opened, kind, kind_names())
    bundle.verify(opened, keys.signing_public_from_hex(hq.signing_key), i18n.t("headquarters"))
    return here, hq, opened
