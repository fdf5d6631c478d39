"""Complaint Desk core: services, workflow, rules, numbering, exchange, reports, command line. No Qt here."""

__version__ = "0.1.0"

import logging as _logging

# The program's log records go to the rotating log file once start-up configures it (app.records.logs); until then
# they are dropped rather than printed on the user's terminal.
_logging.getLogger("complaint_desk").addHandler(_logging.NullHandler())
