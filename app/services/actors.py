"""Who is acting: the signed-in user as a plain value (``Actor``), as the windows and the command line hand it
to every service. The definitions live with the other access rules in ``app.rules.access``."""
from app.rules.access import Actor, current_user, require_role

__all__ = ["Actor", "current_user", "require_role"]
