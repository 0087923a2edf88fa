"""What kind of failure an exception is, for the one failure policy (policy.py).

* ``REFUSAL``: the domain said no (permission, validation, a concurrent change, a lead
  that is gone). Shown next to what the user was doing; their input is kept.
* ``TRANSIENT``: the database is busy, locked, restarting or unreachable, a deadlock or
  a serialization failure. Retried with backoff behind one non-modal banner.
* ``PERMANENT``: retrying cannot help (read-only database, disk full, data the database
  refuses). Said once, plainly.
* ``UNEXPECTED``: a bug. Logged with its traceback, shown briefly with the log's path.

Pure Python: no Qt, so it is tested against real database errors directly, and the
headless CLI says the same failures in words (:func:`as_error`).
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    DisconnectionError,
    IntegrityError,
    InterfaceError,
    OperationalError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError

from models.core.errors import BatonError, DatabaseFailure, DatabaseUnreachable


class Kind(StrEnum):
    REFUSAL = "refusal"
    TRANSIENT = "transient"
    PERMANENT = "permanent"
    UNEXPECTED = "unexpected"


class Reason(StrEnum):
    """Why a database failure happened, in words a user can be shown (policy.py)."""

    NONE = ""
    LOCKED = "locked"
    UNREACHABLE = "unreachable"
    CONFLICT = "conflict"
    STALE = "stale"
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    REFUSED_DATA = "refused_data"
    NO_PERMISSION = "no_permission"


@dataclass(frozen=True)
class Failure:
    kind: Kind
    reason: Reason = Reason.NONE


#: PostgreSQL SQLSTATE classes and codes (psycopg's ``sqlstate``).
_PG_TRANSIENT = {
    "40001": Reason.CONFLICT,  # serialization_failure
    "40P01": Reason.CONFLICT,  # deadlock_detected
    "55P03": Reason.LOCKED,  # lock_not_available
    "57P01": Reason.UNREACHABLE,  # admin_shutdown
    "57P02": Reason.UNREACHABLE,  # crash_shutdown
    "57P03": Reason.UNREACHABLE,  # cannot_connect_now
    "53300": Reason.UNREACHABLE,  # too_many_connections
}
_PG_PERMANENT = {
    "25006": Reason.READ_ONLY,  # read_only_sql_transaction
    "53100": Reason.DISK_FULL,  # disk_full
    "42501": Reason.NO_PERMISSION,  # insufficient_privilege
}

_SQLITE_TRANSIENT = ("database is locked", "database table is locked", "database is busy")
_SQLITE_PERMANENT = (
    ("readonly database", Reason.READ_ONLY),
    ("read-only", Reason.READ_ONLY),
    ("database or disk is full", Reason.DISK_FULL),
    ("disk i/o error", Reason.DISK_FULL),
    ("unable to open database file", Reason.UNREACHABLE),
)


def classify(exc: BaseException) -> Failure:
    """The kind of ``exc`` and, for database failures, the reason."""
    if isinstance(exc, DatabaseUnreachable):
        return Failure(Kind.TRANSIENT, Reason.UNREACHABLE)
    if isinstance(exc, BatonError):
        return Failure(Kind.REFUSAL)
    if isinstance(exc, StaleDataError):
        # The optimistic lock caught a write over somebody else's: nothing was saved.
        return Failure(Kind.REFUSAL, Reason.STALE)
    if isinstance(exc, DisconnectionError | PoolTimeout):
        return Failure(Kind.TRANSIENT, Reason.UNREACHABLE)
    if isinstance(exc, DBAPIError):
        return _database(exc)
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return Failure(Kind.PERMANENT, Reason.DISK_FULL)
    return Failure(Kind.UNEXPECTED)


def _database(exc: DBAPIError) -> Failure:
    orig = exc.orig
    if isinstance(orig, sqlite3.Error):
        text = str(orig).lower()
        if any(marker in text for marker in _SQLITE_TRANSIENT):
            return Failure(Kind.TRANSIENT, Reason.LOCKED)
        for marker, reason in _SQLITE_PERMANENT:
            if marker in text:
                return Failure(Kind.PERMANENT, reason)
        if isinstance(orig, sqlite3.IntegrityError | sqlite3.DataError):
            return Failure(Kind.PERMANENT, Reason.REFUSED_DATA)
        return Failure(Kind.UNEXPECTED)
    sqlstate = getattr(orig, "sqlstate", None)
    if isinstance(sqlstate, str):
        if sqlstate in _PG_TRANSIENT:
            return Failure(Kind.TRANSIENT, _PG_TRANSIENT[sqlstate])
        if sqlstate in _PG_PERMANENT:
            return Failure(Kind.PERMANENT, _PG_PERMANENT[sqlstate])
        if sqlstate.startswith("08"):  # connection_exception
            return Failure(Kind.TRANSIENT, Reason.UNREACHABLE)
        if sqlstate.startswith(("22", "23")):  # data_exception, integrity_violation
            return Failure(Kind.PERMANENT, Reason.REFUSED_DATA)
    if isinstance(exc, DataError | IntegrityError):
        # The driver or the server refused the values themselves (a NUL byte, a length,
        # a constraint): sending them again cannot help.
        return Failure(Kind.PERMANENT, Reason.REFUSED_DATA)
    if exc.connection_invalidated or isinstance(exc, OperationalError | InterfaceError):
        # The connection broke (server restarted, network gone): no SQLSTATE to read.
        return Failure(Kind.TRANSIENT, Reason.UNREACHABLE)
    return Failure(Kind.UNEXPECTED)


def as_error(exc: BaseException) -> BatonError | None:
    """A database failure as a domain error a user can read (None: not a database
    failure Baton knows how to name). The driver's own words stay in ``reason``."""
    if isinstance(exc, BatonError):
        return exc
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0:1]
    return failure_error(classify(exc).reason, detail[0] if detail else type(exc).__name__)


def failure_error(reason: Reason, detail: str = "") -> DatabaseFailure | None:
    """The domain error that says what a failure of this ``reason`` means for the user's
    work (the CLI prints it; the window's failure policy says it)."""
    if reason is Reason.READ_ONLY:
        return DatabaseFailure("db.failure.read_only", reason=detail)
    if reason is Reason.DISK_FULL:
        return DatabaseFailure("db.failure.disk_full", reason=detail)
    if reason is Reason.NO_PERMISSION:
        return DatabaseFailure("db.failure.no_permission", reason=detail)
    if reason is Reason.REFUSED_DATA:
        return DatabaseFailure("db.failure.refused_data", reason=detail)
    if reason in (Reason.LOCKED, Reason.CONFLICT):
        return DatabaseFailure("db.failure.busy", reason=detail)
    if reason is Reason.UNREACHABLE:
        return DatabaseFailure("db.failure.unreachable", reason=detail)
    return None
