"""Writing the touches of one batch: each (source, id) once, whatever was imported before.

Two ways, one row shape (:func:`_values`): :func:`insert_touches` looks up which touches
are recorded already and says which ones it added (a lead file's conversions: the report
says which rows changed nothing); :func:`insert_new_touches` lets the database skip them
(``ON CONFLICT DO NOTHING`` on the unique (source, id)) and only counts what it added, the
way a file of a million touches goes fast.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Executable, Integer, String, bindparam, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from models.core.entities import TOUCH, Touch
from models.imports.matching import by_email, by_external_id
from models.imports.rows import Rejection, TouchRecord
from models.leads.touches import already_recorded
from models.scoring.rescore import IN_CHUNK

#: The columns a touch is written with, in this order (the raw insert's parameters).
_COLUMNS = (
    "lead_id",
    "kind",
    "occurred_at",
    "content_title",
    "campaign",
    "source_system",
    "external_id",
    "created_at",
)


@dataclass(frozen=True)
class TouchRow:
    lead_id: int
    record: TouchRecord


def _values(source: str, r: TouchRow, now: datetime) -> tuple[Any, ...]:
    t = r.record
    return (r.lead_id, t.kind, t.occurred_at, t.content, t.campaign, source, t.external_id, now)


def _first_of_each(
    source: str, rows: Sequence[TouchRow], skip: set[tuple[str, str]]
) -> list[TouchRow]:
    """``rows`` without those in ``skip`` and without repeats of one id (the first counts)."""
    seen = set(skip)
    kept: list[TouchRow] = []
    for r in rows:
        key = (source, r.record.external_id)
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept


def insert_touches(
    session: Session, source: str, rows: Sequence[TouchRow], now: datetime
) -> tuple[set[str], set[int]]:
    """Insert the touches not recorded yet (in the database or earlier in ``rows``).
    Returns (the ids of the touches added, the leads that got one)."""
    recorded = already_recorded(session, ((source, r.record.external_id) for r in rows))
    new = _first_of_each(source, rows, {(s or "", e or "") for s, e in recorded})
    if new:
        session.connection().execute(
            insert(TOUCH), [dict(zip(_COLUMNS, _values(source, r, now), strict=True)) for r in new]
        )
    return {r.record.external_id for r in new}, {r.lead_id for r in new}


@functools.cache
def _unnest_insert() -> Executable:
    """PostgreSQL: ``INSERT INTO touch SELECT unnest(:lead_id), unnest(:kind), ... ON
    CONFLICT DO NOTHING``: a batch of touches in one statement (row by row, the server's
    round trips cost twenty times more)."""
    arrays = select(
        *(
            func.unnest(bindparam(name, type_=postgresql.ARRAY(_RAW_TYPES[name])))
            for name in _COLUMNS
        )
    )
    return (
        postgresql.insert(TOUCH)
        .from_select(list(_COLUMNS), arrays)
        .on_conflict_do_nothing(index_elements=["source_system", "external_id"])
    )


#: The columns' types as the driver takes them (timestamps already naive UTC).
_RAW_TYPES: dict[str, Any] = {
    "lead_id": Integer(),
    "kind": String(),
    "occurred_at": DateTime(),
    "content_title": String(),
    "campaign": String(),
    "source_system": String(),
    "external_id": String(),
    "created_at": DateTime(),
}


@functools.cache
def _insert_skipping_recorded(dialect: Dialect) -> tuple[str, tuple[str, ...] | None]:
    """The driver's statement inserting one touch unless its (source, id) is recorded,
    compiled by SQLAlchemy for ``dialect``, and its positional parameters' order (None
    when the driver takes them by name)."""
    make = postgresql.insert if dialect.name == "postgresql" else sqlite.insert
    statement = make(TOUCH).inline().values({name: bindparam(name) for name in _COLUMNS})
    statement = statement.on_conflict_do_nothing(index_elements=["source_system", "external_id"])
    compiled = statement.compile(dialect=dialect)
    order = compiled.positiontup
    if order is not None and tuple(order) != _COLUMNS:
        raise AssertionError(f"unexpected parameter order {order}")
    return str(compiled), (tuple(order) if order is not None else None)


def _as_is(value: Any) -> Any:
    return value


def insert_new_touches(
    session: Session, source: str, rows: Sequence[TouchRow], now: datetime
) -> tuple[int, set[int]]:
    """Insert ``rows``, the database skipping those recorded already. Returns (how many
    were added, the leads that got one: all of the batch's when every row was new, none
    when none was, else those whose touches carry this batch's time)."""
    new = _first_of_each(source, rows, set())
    if not new:
        return 0, set()
    connection = session.connection()
    dialect = connection.dialect
    # The driver gets what SQLAlchemy itself would send for the column (on SQLite, its
    # text form of a timestamp: never the driver's own, which sorts differently).
    column_type = TOUCH.c.occurred_at.type.dialect_impl(dialect)
    processor = column_type.bind_processor(dialect)
    convert_time: Callable[[Any], Any] = processor if processor is not None else _as_is
    stored_now = convert_time(now)
    # In the order of the (lead, time) index: its pages are then written one after the
    # other instead of all over the index (about a third faster on SQLite).
    new.sort(key=lambda r: (r.lead_id, r.record.occurred_at))
    params = [
        (
            r.lead_id,
            r.record.kind,
            convert_time(r.record.occurred_at),
            r.record.content,
            r.record.campaign,
            source,
            r.record.external_id,
            stored_now,
        )
        for r in new
    ]
    if dialect.name == "postgresql":
        # One statement for the batch: each column as an array, unnested into rows.
        transposed = zip(*params, strict=True)
        columns = {name: list(column) for name, column in zip(_COLUMNS, transposed, strict=True)}
        added = connection.execute(
            _unnest_insert(), columns, execution_options={"preserve_rowcount": True}
        ).rowcount
    else:
        statement, _order = _insert_skipping_recorded(dialect)
        added = connection.exec_driver_sql(
            statement, params, execution_options={"preserve_rowcount": True}
        ).rowcount
    if added == len(new):
        return added, {r.lead_id for r in new}
    if added <= 0:
        return 0, set()
    touched: set[int] = set()
    ids = [r.record.external_id for r in new]
    for start in range(0, len(ids), IN_CHUNK):
        touched.update(
            session.scalars(
                select(Touch.lead_id).where(
                    Touch.source_system == source,
                    Touch.external_id.in_(ids[start : start + IN_CHUNK]),
                    Touch.created_at == now,
                )
            )
        )
    return added, touched


@dataclass
class KnownLeads:
    """The leads an import found so far, by the tool's id and by email (a lead is never
    deleted, nor does it change its id or email in an import of touches)."""

    ids: dict[str, int] = field(default_factory=dict)
    emails: dict[str, int] = field(default_factory=dict)


def leads_of_touches(
    session: Session,
    source: str,
    records: Sequence[TouchRecord],
    columns: dict[str, str | None],
    known: KnownLeads | None = None,
) -> tuple[list[TouchRow], list[Rejection]]:
    """The lead of each touch (by the tool's lead id, else the email); a touch of nobody
    Baton knows is rejected (import the leads first). ``columns``: the headers of the
    "email" and "external_id" columns, named in those rejections. ``known``: the leads
    found by earlier batches of the file (only the others are looked up)."""
    known = known if known is not None else KnownLeads()
    ids, emails = known.ids, known.emails
    ids.update(
        by_external_id(
            session,
            source,
            {r.lead_external_id for r in records if r.lead_external_id} - ids.keys(),
        )
    )
    emails.update(by_email(session, {r.email for r in records if r.email} - emails.keys()))
    found: list[TouchRow] = []
    rejected: list[Rejection] = []
    for record in records:
        lead_id = None
        if record.lead_external_id:
            lead_id = ids.get(record.lead_external_id)
        if lead_id is None and record.email:
            lead_id = emails.get(record.email)
        if lead_id is None:
            what = "email" if record.email else "external_id"
            rejected.append(
                Rejection(
                    record.row,
                    record.line,
                    columns.get(what),
                    record.email or record.lead_external_id,
                    "import.row.lead_unknown",
                    {"what": what},
                )
            )
            continue
        found.append(TouchRow(lead_id, record))
    return found, rejected
