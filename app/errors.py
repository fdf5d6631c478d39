"""Errors a user can cause. Each carries an English message (translated on display) and, for bad input,
the field it concerns, so the command line prints ``field: message`` and a form highlights the field."""
from __future__ import annotations

from app import i18n


class DeskError(Exception):
    """Base of every refusal the user should see. ``str()`` gives the message in the current language."""

    def __init__(self, message: str, *, field: str | None = None, **params):
        super().__init__(message)
        self.message = message
        self.field = field
        self.params = params

    def localized(self) -> str:
        text = self.reason()
        return f"{self.field}: {text}" if self.field else text

    def reason(self) -> str:
        """The message in the current language without the field's name (a window puts its own caption first)."""
        params = {k: i18n.join(v) if isinstance(v, (list, tuple)) else i18n.code_name(k, v)
                  for k, v in self.params.items()}
        return i18n.t(self.message, **params)

    def __str__(self) -> str:
        return self.localized()

    def __reduce__(self):
        """Pickled whole (message, field and parameters), so a refusal found in a worker process (an import's
        ``app.exchange.ahead``) reads the same where it is shown."""
        return _rebuilt, (type(self), self.message, self.field, self.params)


def _rebuilt(cls, message, field, params):
    return cls(message, field=field, **params)


class InvalidInput(DeskError):
    """Bad input in a field, a JSON document or a file."""


class NotFound(DeskError):
    """A case, notice, user or file that does not exist (or that the user may not see)."""


class NotAllowed(DeskError):
    """The user's role or relation to the case does not allow the action (R7, R9, R12)."""


class RuleViolation(DeskError):
    """The action breaks a rule of the workflow (R4-R10): wrong state, missing record, contact hours."""


class ChangedMeanwhile(RuleViolation):
    """Someone else saved the case (or notice) after this user opened it: what they did was not done over it. The
    window shows the record as it is now, and the user decides again."""


class AuthError(DeskError):
    """Sign-in refused: unknown user, wrong password, locked account, password change required."""
