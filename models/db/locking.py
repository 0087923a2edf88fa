"""Locking lead rows a write is about to change: one mode, one order, read after locking.

The rules every writer of ``lead`` rows follows (PostgreSQL; SQLite has no row locks,
serialises writers with ``BEGIN IMMEDIATE`` (models.db.database) and SQLAlchemy renders
no ``FOR ...`` clause there, so the same code runs on both):

1. **Lock, then read.** What a write is computed from is read under the lock (the locking
   ``SELECT`` itself re-reads the newest committed row), never before it: a value read
   without the lock may be overwritten by the time it is written back. A rescore that
   read a lead, let a call commit, then wrote the priority of the lead *before* the call
   is exactly that mistake.
2. **One mode**: ``FOR NO KEY UPDATE``, the lock PostgreSQL's own ``UPDATE`` of non-key
   columns takes. It excludes every other writer of the lead, yet lets rows that merely
   reference the lead (a call, a touch, a stage change) be inserted meanwhile: their
   foreign-key check takes ``FOR KEY SHARE``, which only ``FOR UPDATE`` would block.
3. **One order**: by lead id, ascending. A batch locks its leads in one statement
   ``ORDER BY id`` (or in ascending chunks); a use case that locks one lead and then
   rescores it locks nothing else. A transaction never takes a lead lock below one it
   already holds, so two writers can never wait on each other in a circle (deadlock).
4. **Background batches never wait**: the minute tick locks with ``SKIP LOCKED``; a lead
   a rep is saving right now is left for the next tick instead of being waited for.

A call row is locked only after its lead (corrections: lead, then call).

Lead imports take turns (:func:`one_import_at_a_time`): a transaction-level advisory lock,
taken first in each batch, before any lead lock (nobody else takes it, so it adds no
circle of waits).
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import BigInteger, ColumnElement, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import GenerativeSelect

from models.core.entities import Call, Lead
from models.core.errors import NotFound, PermissionDenied
from models.core.messages import lead_label

_S = TypeVar("_S", bound=GenerativeSelect)


def in_lock_order(statement: _S, *, skip_locked: bool = False) -> _S:
    """``statement`` (a SELECT over ``lead``, possibly joined) locking the lead rows it
    returns, in the one order (by id), with the one mode (``FOR NO KEY UPDATE OF lead``).

    Joined tables (the account) are read, not locked. With ``skip_locked`` rows another
    transaction holds are left out instead of waited for.
    """
    return statement.order_by(Lead.id).with_for_update(
        of=Lead, key_share=True, skip_locked=skip_locked
    )


def lead_for_update(session: Session, lead_id: int) -> Lead:
    """The lead, locked and freshly read (even if the session had loaded it before)."""
    lead = session.scalars(
        in_lock_order(select(Lead).where(Lead.id == lead_id)),
        execution_options={"populate_existing": True},
    ).first()
    if lead is None:
        readable = session.get(Lead, lead_id)
        if readable is not None:  # team mode: the server lets this login read it, not change it
            raise PermissionDenied(
                "lead.of_another_rep", user_id=None, lead_id=lead_id, lead=lead_label(readable)
            )
        raise NotFound("lead.not_found", lead_id=lead_id)
    return lead


def lead_ids_for_update(
    session: Session, where: ColumnElement[bool], *, skip_locked: bool = False
) -> list[int]:
    """The ids of the leads matching ``where``, locked in id order (nothing loaded)."""
    return list(
        session.scalars(in_lock_order(select(Lead.id).where(where), skip_locked=skip_locked))
    )


def leads_for_update(
    session: Session, where: ColumnElement[bool], *, skip_locked: bool = False
) -> list[Lead]:
    """The leads matching ``where``, locked in id order and freshly read.

    PostgreSQL re-checks ``where`` on the newest version of a row it had to wait for, so
    a lead that stopped matching meanwhile is not returned.
    """
    return list(
        session.scalars(
            in_lock_order(select(Lead).where(where), skip_locked=skip_locked),
            execution_options={"populate_existing": True},
        )
    )


def call_for_update(session: Session, call_id: int) -> Call:
    """The call, locked and freshly read; lock its lead first (corrections)."""
    call = session.scalars(
        select(Call).where(Call.id == call_id).with_for_update(key_share=True),
        execution_options={"populate_existing": True},
    ).first()
    if call is None:
        raise NotFound("call.not_found", call_id=call_id)
    return call


#: The advisory lock lead imports take turns with ("BATON-IM" as a number).
IMPORT_LOCK = 0x4241_544F_4E2D_494D


def one_import_at_a_time(session: Session) -> None:
    """PostgreSQL: wait until no other import's batch is being written, for the rest of
    this transaction (two imports of one person would otherwise both find no lead and
    both make one). SQLite's writers take turns already (BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(literal(IMPORT_LOCK, BigInteger))))
