"""The USB exchange 数据交换 as the windows and the command line ask for it: a branch's export, headquarters'
import of bundles, receipts and policy, and the enrolment of a branch with headquarters (``app.exchange``)."""
from __future__ import annotations

from app.exchange.export import export_bundle  # noqa: F401
from app.exchange.files import import_file, import_files  # noqa: F401
from app.exchange.keys import import_enrolment, read_enrolment, write_enrolment  # noqa: F401
from app.exchange.policy_bundle import export_policy, import_policy_bundle  # noqa: F401
from app.exchange.receipts import import_receipt  # noqa: F401
