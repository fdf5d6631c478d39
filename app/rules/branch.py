"""The branch this database belongs to 本机构: its code begins every number (docs/rules.md R11), and
headquarters is a branch marked as such."""
from __future__ import annotations

import re

from app import i18n
from app.errors import NotFound
from models import Branch

i18n.register({
    "This database has not been set up: run 'init' first.": "数据库尚未初始化：请先运行 init。",
})

# a branch's code: 2-16 capital letters or digits (BJ01); it begins every number the branch issues
BRANCH_CODE = re.compile(r"^[A-Z0-9]{2,16}$")


def local_branch() -> Branch:
    branch = Branch.get_or_none(Branch.is_local == True)  # noqa: E712
    if branch is None:
        raise NotFound("This database has not been set up: run 'init' first.")
    return branch
