"""Errors the domain raises for the user to read.

Each carries a stable ``key`` (one of :data:`models.core.messages.MESSAGES`) and the
``params`` its message names, so the desktop layer can say it in the user's language;
``str(error)`` is the English sentence, used by logs, scripts and the English CLI. The
class says what kind of refusal it is (and its ``code`` stays for callers that sort by
kind); ``params["field"]``, where present, names the input that was wrong.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from models.core.messages import english


class BatonError(Exception):
    code = "error"

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self) -> str:
        return english(self.key, self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle (a process pool, a queue) with the parameters, not only the key.
        return (partial(type(self), self.key, **self.params), ())


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


class SchemaOutdated(BatonError):
    """A read-only command met a schema older than this code (or none at all).

    Reading never writes, so it is not upgraded; a command that writes (or the app)
    upgrades it. ``revision`` is None when the database holds no Baton schema yet.
    """

    code = "db_schema_outdated"


class DatabaseFailure(BatonError):
    """The database refused or failed a write (read-only, full, busy, gone)."""

    code = "db_failure"


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
