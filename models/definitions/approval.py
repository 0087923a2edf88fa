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
from models.core.entities import Definition, DefinitionApproval, User
from models.core.enums import ApprovalSide, DefinitionStatus
from models.core.errors import InvalidInput, PermissionDenied
from models.definitions.steps import (
    ENTITY,
    SIDES,
    Activation,
    LifecycleResult,
    actor,
    locked,
    record,
    result,
    when,
)

_D = DefinitionStatus


def _refuse_unless_proposed(definition: Definition) -> None:
    if definition.status == _D.PROPOSED:
        return
    if definition.status == _D.DRAFT:
        raise InvalidInput("definition.approve_draft", field="version", version=definition.version)
    if definition.status == _D.APPROVED:
        raise InvalidInput(
            "definition.approve_approved", field="version", version=definition.version
        )
    raise InvalidInput("definition.approve_withdrawn", field="version", version=definition.version)


def _refuse_second_approval(
    session: Session, definition: Definition, user: User, side: str
) -> None:
    """The same person twice, or a side already approved by someone else: refused."""
    rows = session.execute(
        select(DefinitionApproval, User.display_name)
        .join(User, User.id == DefinitionApproval.user_id)
        .where(DefinitionApproval.definition_id == definition.id)
    ).all()
    for approval, approver in rows:
        if approval.user_id == user.id:
            if definition.proposed_by == user.id:
                raise PermissionDenied(
                    "definition.proposer_alone",
                    field="user",
                    user=approver,
                    version=definition.version,
                )
            raise PermissionDenied(
                "definition.approved_twice",
                field="user",
                user=approver,
                version=definition.version,
                at=when(approval.approved_at),
            )
    for approval, approver in rows:
        if approval.side != side:
            continue
        if side == ApprovalSide.MARKETING:
            raise InvalidInput(
                "definition.side_taken.marketing",
                field="user",
                version=definition.version,
                user=approver,
                at=when(approval.approved_at),
            )
        raise InvalidInput(
            "definition.side_taken.sales",
            field="user",
            version=definition.version,
            user=approver,
            at=when(approval.approved_at),
        )


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
    side = SIDES.get(user.role)
    if side is None:
        raise PermissionDenied(
            "definition.approve_role", field="user", user=user.display_name, role=user.role
        )
    definition = locked(session, version)
    _refuse_unless_proposed(definition)
    _refuse_second_approval(session, definition, user, side)
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
    caller then rescores every lead, after this transaction (chunked, never under it)."""
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
