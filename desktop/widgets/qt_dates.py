"""Qt's date and time values as Python's (``toPython`` is typed as returning object), and
the default a follow-up editor starts at."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

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


def follow_up_default(slot: datetime | None) -> QDateTime:
    """The team's next business slot; without one (no team), tomorrow at ten."""
    if slot is not None:
        return QDateTime(slot.astimezone())
    local = datetime.now().astimezone()
    tomorrow = (local + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
    return QDateTime(tomorrow)
