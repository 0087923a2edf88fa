"""The handoff definition's lifecycle: draft → proposed → approved by both sides → in effect.

Use cases, each one user action: they take a Session and plain arguments and return plain
data (:mod:`models.definitions.records`), never ORM objects. Who may do what:

- team leads, marketing and administrators draft, edit, propose and withdraw versions;
- a marketing user approves for marketing, a team lead or an administrator for sales: two
  different people, each once. A proposer may give their side's approval, never both
  (one person has one side), so a version its proposer alone approved is not approved;
- once both sides approved, the version is approved, effective from the date the last
  approval gave (else the first's, else now); when that has come it is activated at once
  (:func:`activate_due`), else when the app's tick (or the next approval) runs it.

Every write locks the version's row first (``FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN
IMMEDIATE`` serialises writers already), so two approvals racing each other see each
other. Activation writes only the ``active`` flags; rescoring the leads with a changed
scoring runs afterwards in chunks of its own transactions (``rescore_needed``:
:func:`models.scoring.definition_switch.activate_and_rescore`), never inside the
approval's transaction, which would hold every lead's lock.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import AuditEntry, Definition, DefinitionApproval, User
from models.core.enums import ApprovalSide, DefinitionStatus, Role
from models.core.errors import ConcurrentChange, InvalidInput, NotFound, PermissionDenied
from models.core.text_rules import check_text
from models.definitions import versions
from models.definitions.criteria import Group, parse, to_data
from models.definitions.records import VersionDetail, VersionInfo, detail_of, list_infos
from models.definitions.scoring_config import ScoringConfig

ENTITY = "definition"
#: Who drafts, edits, proposes and withdraws versions.
EDITORS = frozenset({Role.TEAM_LEAD.value, Role.MARKETING.value, Role.ADMIN.value})
#: Which side each role approves for.
SIDES = {
    Role.MARKETING.value: ApprovalSide.MARKETING.value,
    Role.TEAM_LEAD.value: ApprovalSide.SALES.value,
    Role.ADMIN.value: ApprovalSide.SALES.value,
}
#: A note on a version is free text; this many characters at most.
NOTE_LIMIT = 4_000

_D = DefinitionStatus


@dataclass(frozen=True)
class LifecycleResult:
    """What a lifecycle use case did: the version as it now stands, and what changed."""

    version: VersionDetail
    changes: Changes
    #: The version that became the one in effect (None: the effective one did not change).
    activated: int | None = None
    #: The effective scoring changed: every lead's score must be recomputed (after commit).
    rescore_needed: bool = False


@dataclass(frozen=True)
class Activation:
    active_version: int | None
    previous_version: int | None
    rescore_needed: bool
    changes: Changes

    @property
    def changed(self) -> bool:
        return self.active_version != self.previous_version


# -- Who, which version --------------------------------------------------------------------


def _actor(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or not user.active:
        raise NotFound("user.not_active", user_id=user_id)
    return user


def _editor(session: Session, user_id: int) -> User:
    user = _actor(session, user_id)
    if user.role not in EDITORS:
        raise PermissionDenied(
            "definition.edit_role", field="user", user=user.display_name, role=user.role
        )
    return user


def _locked(session: Session, version: int) -> Definition:
    """The version's row, locked and freshly read."""
    found = session.scalars(
        select(Definition).where(Definition.version == version).with_for_update(),
        execution_options={"populate_existing": True},
    ).first()
    if found is None:
        raise NotFound("definition.not_found", field="version", version=version)
    return found


def _name_of(session: Session, user_id: int | None) -> str:
    user = session.get(User, user_id) if user_id is not None else None
    return user.display_name if user is not None else "Baton"


def _when(value: datetime | None) -> str:
    return value.isoformat(timespec="minutes") if value is not None else ""


def _refuse_unless_draft(session: Session, definition: Definition) -> None:
    if definition.status == _D.DRAFT:
        return
    if definition.status == _D.PROPOSED:
        raise InvalidInput(
            "definition.locked.proposed",
            field="version",
            version=definition.version,
            user=_name_of(session, definition.proposed_by),
            at=_when(definition.proposed_at),
        )
    if definition.status == _D.APPROVED:
        raise InvalidInput(
            "definition.locked.approved", field="version", version=definition.version
        )
    raise InvalidInput("definition.locked.withdrawn", field="version", version=definition.version)


def _result(
    session: Session,
    definition: Definition,
    *,
    activation: Activation | None = None,
) -> LifecycleResult:
    session.flush()
    detail = detail_of(session, definition.id)
    changes = Changes(definition=True)
    if activation is not None and activation.changed:
        return LifecycleResult(
            detail,
            changes | activation.changes,
            activated=activation.active_version,
            rescore_needed=activation.rescore_needed,
        )
    return LifecycleResult(detail, changes)


def _record(
    session: Session,
    user_id: int | None,
    definition: Definition,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    now: datetime,
) -> None:
    session.flush()
    audit.record(
        session,
        user_id=user_id,
        entity=ENTITY,
        entity_id=definition.id,
        action=action,
        before=before,
        after=after,
        at=now,
    )


def _content(definition: Definition) -> dict[str, Any]:
    return {
        "version": definition.version,
        "name": definition.name,
        "note": definition.note,
        "criteria": definition.criteria,
        "scoring": definition.scoring,
        "revision": definition.revision,
    }


# -- Reading -------------------------------------------------------------------------------


def list_versions(session: Session) -> list[VersionInfo]:
    """Every version, oldest first, with who proposed and approved it and when."""
    return list_infos(session)


def version_detail(session: Session, version: int | None = None) -> VersionDetail:
    """One version (None: the one in effect) with its criteria, scoring and approvals."""
    if version is None:
        found = session.scalar(select(Definition.id).where(Definition.active.is_(True)))
        if found is None:
            raise NotFound("definition.not_found", field="version", version=0)
        return detail_of(session, found)
    found = session.scalar(select(Definition.id).where(Definition.version == version))
    if found is None:
        raise NotFound("definition.not_found", field="version", version=version)
    return detail_of(session, found)


# -- Drafting ------------------------------------------------------------------------------


def _checked(
    name: str, criteria_data: Any, scoring_data: Any, note: str | None
) -> tuple[str, dict[str, Any], dict[str, Any], str | None]:
    """The content as it will be stored, or InvalidInput naming the field."""
    name = name.strip()
    if not name:
        raise InvalidInput("definition.name_empty", field="name")
    check_text(name, field="name", column=Definition.name)
    note = note.strip() if note else None
    check_text(note, field="note", limit=NOTE_LIMIT, multiline=True)
    criteria = to_data(parse(criteria_data))
    if not isinstance(scoring_data, dict):
        raise InvalidInput("scoring.not_mapping", field="scoring", name="scoring", value="")
    ScoringConfig.from_dict(scoring_data)
    return name, criteria, copy.deepcopy(scoring_data), note


def _next_version(session: Session) -> int:
    # Lock the newest version's row: two drafts made at once take turns, then count.
    session.execute(
        select(Definition.id).order_by(Definition.version.desc()).limit(1).with_for_update()
    ).first()
    return int(session.scalar(select(func.max(Definition.version))) or 0) + 1


def create_draft(
    session: Session,
    user_id: int,
    *,
    based_on_version: int | None = None,
    name: str | None = None,
    now: datetime,
) -> LifecycleResult:
    """A new draft holding a copy of ``based_on_version`` (None: the one in effect)."""
    _editor(session, user_id)
    versions.ensure_default(session, now)
    if based_on_version is None:
        base = session.scalars(select(Definition).where(Definition.active.is_(True))).first()
        if base is None:  # none in effect (only future ones): the newest approved
            base = session.scalars(
                select(Definition)
                .where(Definition.status == _D.APPROVED)
                .order_by(Definition.version.desc())
            ).first()
        if base is None:
            raise NotFound("definition.not_found", field="version", version=0)
    else:
        base = session.scalars(
            select(Definition).where(Definition.version == based_on_version)
        ).first()
        if base is None:
            raise NotFound("definition.not_found", field="version", version=based_on_version)
    return create_from_data(
        session,
        user_id,
        name=name if name is not None else base.name,
        criteria_data=base.criteria,
        scoring_data=base.scoring,
        note=None,
        based_on_version=base.version,
        now=now,
        action="definition_drafted",
    )


def create_from_data(
    session: Session,
    user_id: int,
    *,
    name: str,
    criteria_data: Any,
    scoring_data: Any,
    note: str | None,
    based_on_version: int | None,
    now: datetime,
    action: str = "definition_imported",
) -> LifecycleResult:
    """A new draft with the content given (an imported file), checked like a save."""
    _editor(session, user_id)
    name, criteria, scoring, note = _checked(name, criteria_data, scoring_data, note)
    based_on_id = None
    if based_on_version is not None:
        based_on_id = session.scalar(
            select(Definition.id).where(Definition.version == based_on_version)
        )
    definition = Definition(
        version=_next_version(session),
        name=name,
        scoring=scoring,
        criteria=criteria,
        note=note,
        active=False,
        status=_D.DRAFT.value,
        based_on_id=based_on_id,
        created_by=user_id,
        created_at=now,
    )
    session.add(definition)
    _record(session, user_id, definition, action, None, _content(definition), now)
    return _result(session, definition)


def save_draft(
    session: Session,
    user_id: int,
    version: int,
    *,
    name: str,
    criteria_data: Any,
    scoring_data: Any,
    note: str | None,
    seen_revision: int | None,
    now: datetime,
) -> LifecycleResult:
    """Save the editor's form over a draft; ``seen_revision`` is the revision it loaded
    (None: no form saw it, e.g. a script). A draft changed since is refused, naming who."""
    _editor(session, user_id)
    definition = _locked(session, version)
    _refuse_unless_draft(session, definition)
    if seen_revision is not None and seen_revision != definition.revision:
        latest = session.execute(
            select(AuditEntry.at, User.display_name)
            .outerjoin(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.entity == ENTITY, AuditEntry.entity_id == definition.id)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).first()
        raise ConcurrentChange(
            "definition.changed_meanwhile",
            field="revision",
            version=version,
            user=(latest.display_name if latest else None) or "Baton",
            at=_when(latest.at if latest else None),
            seen_revision=seen_revision,
            revision=definition.revision,
        )
    name, criteria, scoring, note = _checked(name, criteria_data, scoring_data, note)
    before = _content(definition)
    definition.name, definition.criteria, definition.scoring, definition.note = (
        name,
        criteria,
        scoring,
        note,
    )
    session.flush()  # bumps the revision
    _record(session, user_id, definition, "definition_saved", before, _content(definition), now)
    return _result(session, definition)


def propose(session: Session, user_id: int, version: int, *, now: datetime) -> LifecycleResult:
    """Put a draft up for approval; a draft without any criterion is refused."""
    _editor(session, user_id)
    definition = _locked(session, version)
    _refuse_unless_draft(session, definition)
    criterion = parse(definition.criteria)
    if isinstance(criterion, Group) and not _has_leaf(criterion):
        raise InvalidInput("definition.propose_empty", field="criteria", version=version)
    definition.status = _D.PROPOSED.value
    definition.proposed_by = user_id
    definition.proposed_at = now
    _record(
        session,
        user_id,
        definition,
        "definition_proposed",
        {"status": _D.DRAFT.value},
        {"status": _D.PROPOSED.value},
        now,
    )
    return _result(session, definition)


def _has_leaf(group: Group) -> bool:
    return any(not isinstance(i, Group) or _has_leaf(i) for i in group.items)


def withdraw(session: Session, user_id: int, version: int, *, now: datetime) -> LifecycleResult:
    """Withdraw a draft or a proposal (kept, like every version); its approvals stay."""
    _editor(session, user_id)
    definition = _locked(session, version)
    if definition.status == _D.APPROVED:
        raise InvalidInput("definition.withdraw_approved", field="version", version=version)
    if definition.status == _D.WITHDRAWN:
        raise InvalidInput("definition.withdraw_withdrawn", field="version", version=version)
    before = definition.status
    definition.status = _D.WITHDRAWN.value
    _record(
        session,
        user_id,
        definition,
        "definition_withdrawn",
        {"status": before},
        {"status": _D.WITHDRAWN.value},
        now,
    )
    return _result(session, definition)


# -- Approving -----------------------------------------------------------------------------


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
                at=_when(approval.approved_at),
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
                at=_when(approval.approved_at),
            )
        raise InvalidInput(
            "definition.side_taken.sales",
            field="user",
            version=definition.version,
            user=approver,
            at=_when(approval.approved_at),
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
    user = _actor(session, user_id)
    side = SIDES.get(user.role)
    if side is None:
        raise PermissionDenied(
            "definition.approve_role", field="user", user=user.display_name, role=user.role
        )
    definition = _locked(session, version)
    _refuse_unless_proposed(definition)
    _refuse_second_approval(session, definition, user, side)
    if effective_from is not None and effective_from < now:
        raise InvalidInput(
            "definition.effective_past", field="effective_from", at=_when(effective_from)
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
    _record(session, user_id, definition, "definition_approved", None, after, now)
    activation = activate_due(session, now, user_id=user_id) if approved else None
    return _result(session, definition, activation=activation)


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
