"""Access 权限: who is acting, who sees a case (docs/rules.md R2, R9), who may act on it (R12), and what of the
complainant they see (R13).

This is the one definition. ``can_see`` answers for one case in Python; ``hidden_condition`` is the same rule
as SQL for lists and counts (a test checks that the two agree for every role, kind, state and accused or not).
The masking of every personal field is ``PERSONAL_FIELDS``.
"""
from __future__ import annotations

from dataclasses import dataclass

from app import i18n
from app.errors import AuthError, NotAllowed
from models import Case, Conclusion, ContactAttempt, InvestigationEntry, Reply, User

i18n.register({
    "Change your password first ('user passwd').": "请先修改密码（user passwd）。",
    "Your account is no longer active.": "您的账户已停用。",
    "Your role may not do this.": "您的角色无权执行此操作。",
    "Only the assigned handler may do this.": "只有承办人可以执行此操作。",
    "Only a supervisor or admin may do this.": "只有主管或管理员可以执行此操作。",
    "The person complained about may not handle, approve or see this case.": "被投诉人须回避，不能处理、审批或查看此案件。",
    "Nobody approves their own handling.": "不能审批自己处理的案件。",
    "Only reception or a supervisor may revisit.": "只有前台或主管可以回访。",
    "The handler of the case may not do its revisit.": "承办人不能回访自己处理的案件。",
})


# --- who is acting ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """The signed-in user as a plain value, handed to every service call."""
    id: int
    username: str
    display_name: str
    role: str
    department: str | None
    branch_code: str
    supervisor: str | None = None
    must_change_password: bool = False

    @classmethod
    def of(cls, user: User) -> "Actor":
        return cls(
            id=user.id, username=user.username, display_name=user.display_name, role=user.role,
            department=user.department.name if user.department_id else None, branch_code=user.branch.code,
            supervisor=user.supervisor.username if user.supervisor_id else None,
            must_change_password=user.must_change_password,
        )


def current_user(actor: Actor, *, allow_password_change: bool = False) -> User:
    """Reload the acting user (roles may have changed since sign-in) and refuse a stale or unfinished account."""
    user = User.get_or_none(User.id == actor.id)
    if user is None or not user.active:
        raise AuthError("Your account is no longer active.")
    if user.must_change_password and not allow_password_change:
        raise AuthError("Change your password first ('user passwd').")
    return user


def require_role(user: User, *roles: str) -> None:
    if user.role not in roles:
        raise NotAllowed("Your role may not do this.")


# --- roles (R12) --------------------------------------------------------------------------------------------

MANAGER_ROLES = ("supervisor", "admin")
REGISTER_ROLES = ("reception", "handler", "supervisor", "admin")
HANDLER_ROLES = ("handler", "supervisor", "general_manager")
# a misconduct report 举报 is read and managed by the general manager and admin only (R2)
REPORT_ROLES = ("general_manager", "admin")
# a report that accuses the general manager is routed to headquarters, where the hq role reads it (R2, R9)
TO_HEADQUARTERS = "headquarters"
# at headquarters, the views across the branches (the overview of the branches, the comparison of the monthly
# statements with the imports): its administrators and headquarters users
HEADQUARTERS_ROLES = ("admin", "hq")

# who may take an action: a relation to the case, checked by ``check_actor``
WHO = {
    "assign": "manager", "escalate": "involved", "contact": "handler", "investigate": "handler",
    "conclude": "handler", "reply": "handler", "submit": "handler", "defer": "handler", "resume": "handler",
    "approve": "approver", "return": "approver", "revisit": "revisitor", "close": "manager",
    "close_abnormal": "manager", "void": "manager", "notice": "manager", "reopen": "manager",
    "extend": "manager",
}


def department_of(user: User) -> str:
    return user.department.name if user.department_id else ""


def manager_roles(case: Case) -> tuple[str, ...]:
    return REPORT_ROLES if case.kind == "report" else MANAGER_ROLES


# --- who sees a case (R2, R9) -------------------------------------------------------------------------------


def is_accused(user: User, case: Case) -> bool:
    """R9: the user is the person complained about (same display name and department)."""
    if not case.accused_person:
        return False
    return user.display_name == case.accused_person and department_of(user) == case.accused_department


def can_see(user: User, case: Case) -> bool:
    """The accused never sees the case, whatever their role; a misconduct report only its readers (R2, R9)."""
    if is_accused(user, case):
        return False
    if case.kind == "report":
        return user.role in REPORT_ROLES or (user.role == "hq" and case.routed_to == TO_HEADQUARTERS)
    return True


def hidden_condition(user: User):
    """``can_see`` as SQL: the cases this user may not see (a condition on ``Case``)."""
    hidden = (Case.accused_person != "") & (Case.accused_person == user.display_name) & (
        Case.accused_department == department_of(user))
    if user.role == "hq":
        hidden = hidden | ((Case.kind == "report") & (Case.routed_to.is_null() | (Case.routed_to != TO_HEADQUARTERS)))
    elif user.role not in REPORT_ROLES:
        hidden = hidden | (Case.kind == "report")
    return hidden


def visible_cases(user: User):
    """The cases the user may see, as a query to filter and sort further."""
    return Case.select().where(~hidden_condition(user))


def accuses_general_manager(person: str, department: str) -> bool:
    """Whether the person complained about is a general manager of this database (R9 applied to R2)."""
    if not person:
        return False
    return any(is_accused(user, Case(accused_person=person, accused_department=department))
               for user in User.select().where(User.role == "general_manager"))


# --- who may act (R12) --------------------------------------------------------------------------------------


def handled_this_round(user: User, case: Case) -> bool:
    """Whether the user handled the case in its current round (and so may not approve or revisit it)."""
    if case.handler_id == user.id:
        return True
    for model in (InvestigationEntry, ContactAttempt, Conclusion, Reply):
        if model.select().where((model.case == case) & (model.round == case.round) & (model.by == user)).exists():
            return True
    return False


def check_actor(user: User, case: Case, action: str) -> None:
    """Refuse (NotAllowed) an actor whose role or relation to the case does not allow ``action``."""
    if is_accused(user, case):
        raise NotAllowed("The person complained about may not handle, approve or see this case.")
    who = WHO[action]
    managers = manager_roles(case)
    if who == "manager":
        if user.role not in managers:
            raise NotAllowed("Only a supervisor or admin may do this.")
    elif who == "handler":
        if case.handler_id != user.id:
            raise NotAllowed("Only the assigned handler may do this.")
    elif who == "approver":
        if user.role not in managers:
            raise NotAllowed("Only a supervisor or admin may do this.")
        if handled_this_round(user, case):
            raise NotAllowed("Nobody approves their own handling.")
    elif who == "revisitor":
        allowed = ("reception", "supervisor") if case.kind != "report" else REPORT_ROLES
        if user.role not in allowed:
            raise NotAllowed("Only reception or a supervisor may revisit.")
        if handled_this_round(user, case):
            raise NotAllowed("The handler of the case may not do its revisit.")
    elif who == "involved":
        if not (case.handler_id == user.id or user.role in managers or
                (user.role == "reception" and case.state == "accepted")):
            raise NotAllowed("Your role may not do this.")


# --- what of the complainant they see (R13) -----------------------------------------------------------------


def sees_personal_data(user: User, case: Case) -> bool:
    """The people who handle the case see the complainant in full; others see masked values. Asked only of a
    case the user may see (``can_see``): a report's readers are the ones who handle it."""
    if case.kind == "report":
        return user.role in REPORT_ROLES or user.role == "hq"
    if user.role in ("admin", "supervisor", "reception"):
        return True
    return case.handler_id == user.id or case.receiver_id == user.id


def mask_mobile(value: str) -> str:
    """138****8000: the first three and last four digits of a number of eight or more."""
    if not value:
        return value
    return value[:3] + "****" + value[-4:] if len(value) >= 8 else "*" * len(value)


def mask_name(value: str) -> str:
    """张** : the family name, then a star for each further character."""
    return value[:1] + "*" * max(len(value) - 1, 1) if value else value


def mask_address(value: str) -> str:
    """The first six characters (province and city, as a rule), then an ellipsis."""
    return value[:6] + "…" if value else value


# every personal field of a case and how it is masked, under the names the case, the slip and the register use
PERSONAL_FIELDS = {
    "name": mask_name, "complainant_name": mask_name, "complainant": mask_name, "contact_name": mask_name,
    "mobile": mask_mobile, "phone": mask_mobile, "address": mask_address,
}


def mask(field: str, value: str) -> str:
    return PERSONAL_FIELDS[field](value)


def personal(user: User, case: Case, **values: str) -> dict:
    """The case's personal ``values`` (by their names in ``PERSONAL_FIELDS``) as this user may see them."""
    return masked_fields(values, shown=sees_personal_data(user, case))


def masked_fields(values: dict, *, shown: bool) -> dict:
    """``values`` with each personal field masked unless ``shown``; other keys as they are."""
    if shown:
        return dict(values)
    return {key: (PERSONAL_FIELDS[key](value) if key in PERSONAL_FIELDS and isinstance(value, str) else value)
            for key, value in values.items()}
