"""Qt's date and time values as Python's (``toPython`` is typed as returning object)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime


def qdatetime_utc(value: QDateTime) -> datetime:
    """An editor's local date and time as an aware UTC datetime."""
    python = value.toPython()
    if not isinstance(python, datetime):
        raise TypeError(f"not a date and time: {value!r}")
    return python.astimezone(UTC)


def qdate(value: QDate) -> date:
    """A date editor's date."""
    python = value.toPython()
    if not isinstance(python, date):
        raise TypeError(f"not a date: {value!r}")
    return python
