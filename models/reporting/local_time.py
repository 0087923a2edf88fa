"""Time in SQL the same way on SQLite and PostgreSQL: whole seconds since 1970, the team's
calendar day of a stored (naive UTC) timestamp, and buckets between boundaries.

Both backends compute in whole integer seconds, so a call at 23:59:59.9 local time falls
on the same day on both, and a day is cut where the team's clock says midnight, summer
time included: the zone's UTC offsets over the period are worked out in Python
(:func:`offsets`) and the statement adds the offset in effect at each instant.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, ColumnElement, case, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

DAY_SECONDS = 86_400
EPOCH = date(1970, 1, 1)
#: ``unixepoch()`` came with SQLite 3.38 (much cheaper than ``strftime('%s', …)``).
_UNIXEPOCH = sqlite3.sqlite_version_info >= (3, 38, 0)


class epoch_seconds(FunctionElement[int]):  # noqa: N801 - reads as a SQL function in statements
    """A stored timestamp as whole seconds since 1970-01-01 UTC (fractions dropped)."""

    type = BigInteger()
    name = "epoch_seconds"
    inherit_cache = True

    def __init__(self, expression: ColumnElement[Any] | QueryableAttribute[Any]) -> None:
        super().__init__(expression)


@compiles(epoch_seconds)
def _compile_sqlite(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    inner = compiler.process(element.clauses, **kw)
    if _UNIXEPOCH:
        return f"unixepoch({inner})"
    return f"CAST(strftime('%s', {inner}) AS INTEGER)"


@compiles(epoch_seconds, "postgresql")
def _compile_postgresql(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    # date_part gives a double (exact for whole seconds until the year 285 million);
    # extract() gives a numeric since PostgreSQL 14, several times slower over many rows.
    return f"CAST(floor(date_part('epoch', {compiler.process(element.clauses, **kw)})) AS BIGINT)"


def seconds_between(
    later: ColumnElement[Any] | QueryableAttribute[Any],
    earlier: ColumnElement[Any] | QueryableAttribute[Any],
) -> ColumnElement[int]:
    """Whole seconds from ``earlier`` to ``later`` (both stored timestamps)."""
    return epoch_seconds(later) - epoch_seconds(earlier)


def offsets(zone: ZoneInfo, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """The zone's UTC offsets (seconds) from ``start`` to ``end``: ``(from, offset)`` pairs,
    the first from ``start``; a new pair where summer time starts or ends."""
    pieces = [(start, _offset(zone, start))]
    cursor = start
    while cursor < end:
        step = min(cursor + timedelta(days=1), end)
        if _offset(zone, step) != pieces[-1][1]:
            low, high = cursor, step  # the change lies in (low, high]: find its second
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if _offset(zone, middle) == pieces[-1][1]:
                    low = middle
                else:
                    high = middle
            changed = high.replace(microsecond=0)
            pieces.append((changed, _offset(zone, changed)))
        cursor = step
    return pieces


def _offset(zone: ZoneInfo, at: datetime) -> int:
    delta = at.astimezone(zone).utcoffset()
    return int(delta.total_seconds()) if delta is not None else 0


def local_day_number(
    column: ColumnElement[Any] | QueryableAttribute[Any], pieces: Sequence[tuple[datetime, int]]
) -> ColumnElement[int]:
    """The team's calendar day of ``column`` as days since 1970-01-01 (:func:`day_of`)."""
    seconds = epoch_seconds(column)
    if len(pieces) == 1:
        shifted: ColumnElement[int] = seconds + literal(pieces[0][1], BigInteger)
    else:
        whens = [
            (column < begins, seconds + literal(offset, BigInteger))
            for (_, offset), (begins, _) in pairwise(pieces)
        ]
        shifted = case(*whens, else_=seconds + literal(pieces[-1][1], BigInteger))
    # Every stored timestamp is after 1970: integer division is the floor on both backends.
    return shifted // literal(DAY_SECONDS, BigInteger)


def day_of(number: int) -> date:
    """The date :func:`local_day_number` counted."""
    return EPOCH + timedelta(days=int(number))


def bucket_index(
    value: ColumnElement[Any] | QueryableAttribute[Any], boundaries: Sequence[Any]
) -> ColumnElement[int]:
    """Which of the buckets ``value`` falls in: 0 before ``boundaries[0]``, 1 before
    ``boundaries[1]``… (the boundaries ascending; ``len(boundaries)`` after the last)."""
    if not boundaries:
        return literal(0, BigInteger)
    whens = [(value < at, literal(n, BigInteger)) for n, at in enumerate(boundaries)]
    return case(*whens, else_=literal(len(boundaries), BigInteger))


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
