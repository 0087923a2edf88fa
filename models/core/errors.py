"""Errors the domain raises for the user to read.

Each carries a stable ``code`` and the ``params`` its message needs, so the desktop
layer can show it in the user's language; ``str(error)`` is the English text, used by
logs and by scripts.
"""

from __future__ import annotations

from typing import Any


class BatonError(Exception):
    code = "error"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.params = params


class DatabaseUrlInvalid(BatonError):
    code = "db_url_invalid"


class DatabaseUnreachable(BatonError):
    code = "db_unreachable"


class DatabaseCorrupt(BatonError):
    code = "db_corrupt"


class NotABatonDatabase(BatonError):
    code = "db_foreign"


class SchemaTooNew(BatonError):
    code = "db_schema_too_new"


class NotFound(BatonError):
    code = "not_found"


class InvalidInput(BatonError):
    """Input a user gave that cannot be used; ``field`` names what was wrong."""

    code = "invalid_input"


class PermissionDenied(BatonError):
    code = "permission_denied"


class ConcurrentChange(BatonError):
    """Somebody else changed the record since it was read (optimistic locking)."""

    code = "concurrent_change"
