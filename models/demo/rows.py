"""The rows one chunk of demo leads becomes: the leads, their touches, calls, BANT answers
and stage history, inserted a table at a time with ids the database gave."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from models.core.entities import CALL, LEAD, QUALIFICATION, STAGE_CHANGE, TOUCH
from models.core.enums import Stage, TouchKind
from models.demo.business_time import to_datetime
from models.demo.catalog import SOURCES
from models.demo.history import PlannedCall, Spoken


@dataclass
class MadeLead:
    """One lead's row and the history written after it."""

    row: dict[str, Any]
    touches: list[tuple[TouchKind, datetime, str, str]]
    calls: list[tuple[PlannedCall, Spoken]]


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` new ids for ``table``, as the database gives them (no id is assumed).

    PostgreSQL hands them out from the table's sequence (never rolled back: after an
    interrupted demo they do not start at 1). SQLite gives a new row the next id after the
    largest; this transaction holds the write lock, so nobody else takes them meanwhile.
    Explicit ids let Core's executemany insert whole chunks: RETURNING over many rows is
    far slower here.
    """
    if count == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        sequence = session.scalar(select(func.pg_get_serial_sequence(table.name, "id")))
        reserved = session.scalars(
            select(func.nextval(sequence)).select_from(func.generate_series(1, count))
        )
        return sorted(reserved)
    first = (session.scalar(select(func.max(table.c.id))) or 0) + 1
    return list(range(first, first + count))


def write(session: Session, lead_ids: list[int], made: list[MadeLead]) -> tuple[int, int]:
    """Insert the leads made for ``lead_ids`` and their touches, calls, answers and stage
    history (Core executemany, a table at a time). Returns (touches, calls) written."""
    for lead_id, lead in zip(lead_ids, made, strict=True):
        lead.row["id"] = lead_id
    connection = session.connection()
    connection.execute(insert(LEAD), [lead.row for lead in made])
    call_ids = iter(reserve_ids(session, CALL, sum(len(lead.calls) for lead in made)))
    touch_rows: list[dict[str, Any]] = []
    call_rows: list[dict[str, Any]] = []
    answer_rows: list[dict[str, Any]] = []
    stage_rows: list[dict[str, Any]] = []
    for lead_id, lead in zip(lead_ids, made, strict=True):
        row = lead.row
        for n, (kind, at, title, campaign) in enumerate(lead.touches):
            touch_rows.append(
                {
                    "lead_id": lead_id,
                    "kind": kind.value,
                    "occurred_at": at,
                    "content_title": title,
                    "campaign": campaign,
                    "source_system": SOURCES[kind],
                    "external_id": f"demo-{lead_id}-{n}",
                    "created_at": at,
                }
            )
        for call, spoken in lead.calls:
            call_id = next(call_ids)
            started = to_datetime(call.start)
            ended = to_datetime(call.end)
            call_rows.append(
                {
                    "id": call_id,
                    "lead_id": lead_id,
                    "user_id": row["owner_id"],
                    "started_at": started,
                    "duration_seconds": call.duration,
                    "outcome": call.outcome.value,
                    "notes": spoken.notes,
                    "temperature": spoken.temperature,
                    "next_step": spoken.next_step,
                    "callback_at": _maybe(call.callback_at),
                    "meeting_at": _maybe(call.meeting_at),
                    "superseded": False,
                    "created_at": ended,
                }
            )
            answer_rows.extend(
                {
                    "lead_id": lead_id,
                    "field": name,
                    "value": value,
                    "evidence": evidence,
                    "call_id": call_id,
                    "recorded_by": row["owner_id"],
                    "recorded_at": ended,
                }
                for name, value, evidence in spoken.answers
            )
        stage_rows.append(_stage_row(lead_id, None, Stage.NEW.value, row["mql_at"], None, "mql"))
        if row["stage"] != Stage.NEW.value:
            working = row["first_call_at"] or row["mql_at"]
            owner = row["owner_id"]
            stage_rows.append(_stage_row(lead_id, Stage.NEW, Stage.WORKING, working, owner, None))
        if row["stage"] not in (Stage.NEW.value, Stage.WORKING.value):
            stage_rows.append(
                _stage_row(
                    lead_id,
                    Stage.WORKING,
                    row["stage"],
                    row["stage_changed_at"],
                    row["owner_id"],
                    row["recycle_reason"],
                )
            )
    connection.execute(insert(TOUCH), touch_rows)
    if call_rows:
        connection.execute(insert(CALL), call_rows)
    if answer_rows:
        connection.execute(insert(QUALIFICATION), answer_rows)
    connection.execute(insert(STAGE_CHANGE), stage_rows)
    return len(touch_rows), len(call_rows)


def _maybe(at: float | None) -> datetime | None:
    return to_datetime(at) if at is not None else None


def _stage_row(
    lead_id: int,
    before: str | None,
    after: str,
    at: datetime,
    by: int | None,
    reason: str | None,
) -> dict[str, Any]:
    return {
        "lead_id": lead_id,
        "from_stage": str(before) if before is not None else None,
        "to_stage": str(after),
        "changed_at": at,
        "changed_by": by,
        "reason": reason,
    }
