"""Setting up a desk: the branch and its first admin, users and departments, policy."""
from __future__ import annotations

import re

from app import i18n
from app.records import history
from app.rules import policy as policy_module
from app.rules.branch import BRANCH_CODE, local_branch
from app.rules import values
from app.errors import DeskError, InvalidInput, NotFound
from app.services.actors import Actor, current_user, require_role
from app.services.auth import check_new_password, hash_password
from models import Branch, Department, User, set_uuid_site, transaction

i18n.register({
    "This database is already set up for branch {code}.": "该数据库已为机构 {code} 初始化，不能重复初始化。",
    "must be 2-16 capital letters or digits, such as BJ01": "应为 2 到 16 位大写字母或数字，如 BJ01",
    "must be 2-64 letters, digits, '.', '_' or '-'": "应为 2 到 64 位字母、数字、“.”、“_”或“-”",
    "a user named {name} already exists": "用户 {name} 已存在",
    "no user named {name}": "没有名为 {name} 的用户",
    "must be a supervisor or admin": "必须是主管或管理员",
    "must be one of: {choices}": "必须是以下之一：{choices}",
    "must be a telephone number such as 021-58881234 or 95500 (digits, '-', '+', spaces)":
        "应为电话号码，如 021-58881234 或 95500（数字、“-”、“+”或空格）",
    "must be at most {limit} characters": "不能超过 {limit} 个字符",
})

# the branch profile 网点信息: what the customer's receipt and the reply letter tell the customer (Settings key:
# profile field); "branch_phone" is the key the printouts always read
PROFILE_KEYS = {"phone": "branch_phone", "address": "branch_address", "hours": "branch_hours"}
PROFILE_LIMITS = {"phone": 32, "address": 200, "hours": 100}
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{3,30}$")

USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,64}$")


def init_database(branch_code: str, branch_name: str, admin: str, password: str, *, hq: bool = False) -> dict:
    if not BRANCH_CODE.match(branch_code or ""):
        raise InvalidInput("must be 2-16 capital letters or digits, such as BJ01", field="--branch")
    branch_name = values.text(branch_name or "", "--branch-name", limit=100, nonempty=True)
    if not USERNAME.match(admin or ""):
        raise InvalidInput("must be 2-64 letters, digits, '.', '_' or '-'", field="--admin")
    check_new_password(password, "CDESK_PASSWORD")
    with transaction():
        existing = Branch.get_or_none(Branch.is_local == True)  # noqa: E712
        if existing is not None:
            raise DeskError("This database is already set up for branch {code}.", code=existing.code)
        branch = Branch.create(code=branch_code, name=branch_name.strip(), is_hq=hq, is_local=True)
        set_uuid_site(branch.uuid)  # every record made here from now on carries this site's prefix
        user = User.create(branch=branch, username=admin, display_name=admin, role="admin",
                           password_hash=hash_password(password), must_change_password=False)
        policy_module.save_policy(policy_module.Policy())
        from app.exchange import keys

        keys.ensure_keys()  # the branch's signing key (and headquarters' encryption key) from birth
        history.record(admin, "branch", branch.uuid, branch.code, "init", after={"name": branch.name, "hq": hq})
        history.record(admin, "user", user.uuid, user.username, "add", after={"role": "admin"})
    return {"branch": branch_code, "branch_name": branch_name.strip(), "hq": hq, "admin": admin}


def department_named(branch: Branch, name: str, *, create: bool = False) -> Department | None:
    name = values.text(name or "", "--department", limit=60)
    if not name:
        return None
    department = Department.get_or_none((Department.branch == branch) & (Department.name == name))
    if department is None and create:
        department = Department.create(branch=branch, name=name)
    return department


def add_user(actor: Actor, username: str, *, display_name: str, role: str, password: str,
             department: str | None = None, supervisor: str | None = None) -> dict:
    if not USERNAME.match(username or ""):
        raise InvalidInput("must be 2-64 letters, digits, '.', '_' or '-'", field="USER")
    display_name = values.text(display_name or "", "--name", limit=60, nonempty=True)
    if role not in User.ROLES:
        raise InvalidInput("must be one of: {choices}", field="--role", choices=", ".join(User.ROLES))
    check_new_password(password, "CDESK_NEW_PASSWORD")
    with transaction():
        admin = current_user(actor)
        require_role(admin, "admin")
        if User.get_or_none(User.username == username) is not None:
            raise InvalidInput("a user named {name} already exists", field="USER", name=username)
        boss = None
        if supervisor:
            boss = User.get_or_none(User.username == supervisor)
            if boss is None:
                raise NotFound("no user named {name}", field="--supervisor", name=supervisor)
            if boss.role not in ("supervisor", "admin", "general_manager"):
                raise InvalidInput("must be a supervisor or admin", field="--supervisor")
        branch = admin.branch
        user = User.create(
            branch=branch, username=username, display_name=display_name.strip(), role=role,
            department=department_named(branch, department, create=True), supervisor=boss,
            password_hash=hash_password(password), must_change_password=True,
        )
        history.record(actor.username, "user", user.uuid, username, "add",
                       after={"role": role, "display_name": user.display_name, "department": department or None,
                              "supervisor": supervisor})
    return user_view(user)


def user_view(user: User) -> dict:
    return {
        "username": user.username, "display_name": user.display_name, "role": user.role,
        "department": user.department.name if user.department_id else None,
        "supervisor": user.supervisor.username if user.supervisor_id else None,
        "supervisor_name": user.supervisor.display_name if user.supervisor_id else None,
        "must_change_password": user.must_change_password, "active": user.active,
    }


def list_users(actor: Actor) -> list[dict]:
    current_user(actor)
    return [user_view(u) for u in User.select().where(User.active == True).order_by(User.username)]  # noqa: E712


def list_departments(actor: Actor) -> list[str]:
    current_user(actor)
    return [d.name for d in Department.select().order_by(Department.name)]


def import_policy(actor: Actor, document: dict, *, now=None) -> dict:
    """``policy import``: the document on top of the policy in force. When its calendar changes what the
    calendar says, open cases' deadlines are computed again; the answer lists them (``deadlines_changed``) and
    the printed documents that carry an old date (``reprint``)."""
    from app.records.calendar_change import apply_policy

    with transaction():
        admin = current_user(actor)
        require_role(admin, "admin")
        before = policy_module.load_policy()
        updated = policy_module.merge(before, document)
        result = apply_policy(actor.username, before, updated, action="import", reason="policy import", now=now)
    return {**updated.to_json(), "deadlines_changed": result["changed"], "reprint": result["reprint"]}


def branch_profile(actor: Actor) -> dict:
    """The branch's name, code, telephone, address and office hours (for the receipt and Settings)."""
    from models import Setting

    current_user(actor)
    branch = local_branch()
    out = {"code": branch.code, "name": branch.name}
    for field, key in PROFILE_KEYS.items():
        setting = Setting.get_or_none(Setting.key == key)
        out[field] = str(setting.value) if setting and setting.value else ""
    return out


def set_branch_profile(actor: Actor, *, phone: str = "", address: str = "", hours: str = "") -> dict:
    """An administrator sets the branch's telephone, address and office hours; recorded with before and after.
    A bad value names its field and nothing is saved."""
    from models import Setting

    values = {"phone": (phone or "").strip(), "address": (address or "").strip(), "hours": (hours or "").strip()}
    for field, value in values.items():
        if len(value) > PROFILE_LIMITS[field]:
            raise InvalidInput("must be at most {limit} characters", field=field, limit=PROFILE_LIMITS[field])
    if values["phone"] and not PHONE.match(values["phone"]):
        raise InvalidInput("must be a telephone number such as 021-58881234 or 95500 (digits, '-', '+', spaces)",
                           field="phone")
    with transaction():
        admin = current_user(actor)
        require_role(admin, "admin")
        before = branch_profile(actor)
        for field, key in PROFILE_KEYS.items():
            Setting.insert(key=key, value=values[field]).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: values[field]}).execute()
        after = branch_profile(actor)
        branch = local_branch()
        history.record(actor.username, "branch", branch.uuid, branch.code, "profile",
                       before={k: before[k] for k in PROFILE_KEYS}, after={k: after[k] for k in PROFILE_KEYS})
    return after


def show_policy(actor: Actor) -> dict:
    current_user(actor)
    return policy_module.load_policy().to_json()
