"""Printouts as a service: the windows and the command line print through here (one transaction each)."""
from app.reports.printouts import print_document  # noqa: F401  (the service lives with the data it prints)
