"""Approving a proposed definition version, and the version in effect.

A marketing user approves for marketing, a team lead or an administrator for sales: two
different people, each once; a proposer may give their side's approval, never both (one
person has one side), so a version its proposer alone approved is not approved. The
second side's approval approves the version, effective from the date the last approval
gave (else the first's, else now), activated at once when that has come
(:func:`activate_due`; the app's tick runs it for later dates).

Activation flips only the ``active`` flags, in this transaction; rescoring the leads when
the scoring changed runs afterwards in chunks of their own transactions
(:mod:`models.scoring.definition_switch`), never under a lock on every lead.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import Definition, DefinitionApproval
from models.core.enums import ApprovalSide, DefinitionStatus
from models.core.errors import InvalidInput
from models.definitions.availability import (
    SIDES,
    approve_refusal,
    approve_role_refusal,
    when,
)
from models.definitions.records import detail_of
from models.definitions.steps import (
    ENTITY,
    Activation,
    LifecycleResult,
    actor,
    locked,
    record,
    result,
)

_D = DefinitionStatus


def approve(
    session: Session,
    user_id: int,
    version: int,
    *,
    effective_from: datetime | None = None,
    now: datetime,
) -> LifecycleResult:
    """Approve a proposed version for the user's side (marketing; or sales: a team lead
    or an administrator). The second side's approval approves the version; it takes
    effect at ``effective_from`` (never in the past; None: the first approval's date,
    else now), at once if that has come."""
    user = actor(session, user_id)
    error = approve_role_refusal(user)  # before any row is locked
    if error is not None:
        raise error
    side = SIDES[user.role]
    definition = locked(session, version)
    error = approve_refusal(user, detail_of(session, definition.id))
    if error is not None:
        raise error
    if effective_from is not None and effective_from < now:
        raise InvalidInput(
            "definition.effective_past", field="effective_from", at=when(effective_from)
        )
    session.add(
        DefinitionApproval(definition_id=definition.id, user_id=user.id, side=side, approved_at=now)
    )
    if effective_from is not None:
        definition.effective_from = effective_from
    sides = set(
        session.scalars(
            select(DefinitionApproval.side).where(DefinitionApproval.definition_id == definition.id)
        )
    )
    approved = sides >= {s.value for s in ApprovalSide}
    after: dict[str, Any] = {"side": side, "effective_from": definition.effective_from}
    if approved:
        definition.status = _D.APPROVED.value
        definition.approved_at = now
        if definition.effective_from is None or definition.effective_from < now:
            definition.effective_from = now
        after |= {"status": _D.APPROVED.value, "effective_from": definition.effective_from}
    record(session, user_id, definition, "definition_approved", None, after, now)
    activation = activate_due(session, now, user_id=user_id) if approved else None
    return result(session, definition, activation=activation)


def activate_due(session: Session, now: datetime, *, user_id: int | None = None) -> Activation:
    """Make the approved version with the latest ``effective_from`` up to ``now`` the one in
    effect (idempotent: the app's tick runs it). Reports whether the scoring changed: the
    caller then rescores every lead, after this transaction (chunked, never under it).

    The tick runs every minute on every desktop: an unlocked look first, and the rows are
    locked only when another version is due (then everything is read again, locked)."""
    in_effect = session.execute(
        select(Definition.id, Definition.version).where(Definition.active.is_(True))
    ).first()
    due_id = session.scalar(
        select(Definition.id)
        .where(Definition.status == _D.APPROVED.value, Definition.effective_from <= now)
        .order_by(Definition.effective_from.desc(), Definition.version.desc())
        .limit(1)
    )
    if due_id is None or (in_effect is not None and in_effect.id == due_id):
        version = in_effect.version if in_effect is not None else None
        return Activation(version, version, False, Changes())
    rows = session.execute(
        select(
            Definition.id,
            Definition.version,
            Definition.status,
            Definition.active,
            Definition.effective_from,
            Definition.scoring,
        )
        .where(or_(Definition.status == _D.APPROVED.value, Definition.active.is_(True)))
        .order_by(Definition.id)
        .with_for_update()
    ).all()
    current = next((r for r in rows if r.active), None)
    due = [
        r
        for r in rows
        if r.status == _D.APPROVED and r.effective_from is not None and r.effective_from <= now
    ]
    target = max(due, key=lambda r: (r.effective_from, r.version), default=None)
    previous = current.version if current is not None else None
    if target is None or (current is not None and current.id == target.id):
        return Activation(previous, previous, False, Changes())
    # Others off first: the partial unique index allows one active row at any moment.
    session.execute(
        update(Definition)
        .where(Definition.active.is_(True), Definition.id != target.id)
        .values(active=False)
        .execution_options(synchronize_session="fetch")
    )
    session.execute(
        update(Definition)
        .where(Definition.id == target.id)
        .values(active=True)
        .execution_options(synchronize_session="fetch")
    )
    audit.record(
        session,
        user_id=user_id,
        entity=ENTITY,
        entity_id=target.id,
        action="definition_activated",
        before={"active_version": previous},
        after={"active_version": target.version},
        at=now,
    )
    rescore = current is None or current.scoring != target.scoring
    return Activation(target.version, previous, rescore, Changes(definition=True, queue=True))
