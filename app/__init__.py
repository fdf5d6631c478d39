"""Complaint Desk core: services, workflow, rules, numbering, exchange, reports, command line. No Qt here."""

__version__ = "0.1.0"
