"""The handoff definition's lifecycle: draft → proposed → approved by both sides → in effect.

Use cases, each one user action: they take a Session and plain arguments and return plain
data (:mod:`models.definitions.records`), never ORM objects. Who may do what:

- team leads, marketing and administrators draft, edit, propose and withdraw versions;
- a marketing user approves for marketing, a team lead or an administrator for sales: two
  different people, each once, the proposer never alone (:mod:`models.definitions.approval`,
  re-exported here: :func:`approve`, :func:`activate_due`).

Every write locks the version's row first (``FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN
IMMEDIATE`` serialises writers already), so two approvals racing each other see each
other. Activation writes only the ``active`` flags; rescoring the leads with a changed
scoring runs afterwards in chunks of its own transactions (``rescore_needed``:
:func:`models.scoring.definition_switch.activate_and_rescore`), never inside the
approval's transaction, which would hold every lead's lock.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.core.entities import AuditEntry, Definition, User
from models.core.enums import DefinitionStatus
from models.core.errors import ConcurrentChange, InvalidInput, NotFound
from models.core.text_rules import check_text
from models.definitions import versions
from models.definitions.approval import activate_due, approve
from models.definitions.availability import (
    SIDES,
    locked_refusal,
    when,
    withdraw_refusal,
)
from models.definitions.criteria import Group, parse, to_data
from models.definitions.records import VersionDetail, VersionInfo, detail_of, list_infos
from models.definitions.scoring_config import ScoringConfig
from models.definitions.steps import (
    ENTITY,
    Activation,
    LifecycleResult,
    editor,
    locked,
    record,
    result,
)

#: The use cases, and what they return (approving lives in models.definitions.approval).
__all__ = [
    "SIDES",
    "Activation",
    "LifecycleResult",
    "VersionDetail",
    "VersionInfo",
    "activate_due",
    "approve",
    "create_draft",
    "create_from_data",
    "list_versions",
    "propose",
    "save_draft",
    "version_detail",
    "withdraw",
]

#: A note on a version is free text; this many characters at most.
NOTE_LIMIT = 4_000

_D = DefinitionStatus


def _refuse_unless_draft(session: Session, definition: Definition) -> None:
    if definition.status == _D.DRAFT:
        return
    error = locked_refusal(detail_of(session, definition.id))
    if error is not None:
        raise error


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
    editor(session, user_id)
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
    editor(session, user_id)
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
    record(session, user_id, definition, action, None, _content(definition), now)
    return result(session, definition)


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
    editor(session, user_id)
    definition = locked(session, version)
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
            at=when(latest.at if latest else None),
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
    record(session, user_id, definition, "definition_saved", before, _content(definition), now)
    return result(session, definition)


def propose(session: Session, user_id: int, version: int, *, now: datetime) -> LifecycleResult:
    """Put a draft up for approval; a draft without any criterion is refused."""
    editor(session, user_id)
    definition = locked(session, version)
    _refuse_unless_draft(session, definition)
    criterion = parse(definition.criteria)
    if isinstance(criterion, Group) and not _has_leaf(criterion):
        raise InvalidInput("definition.propose_empty", field="criteria", version=version)
    definition.status = _D.PROPOSED.value
    definition.proposed_by = user_id
    definition.proposed_at = now
    record(
        session,
        user_id,
        definition,
        "definition_proposed",
        {"status": _D.DRAFT.value},
        {"status": _D.PROPOSED.value},
        now,
    )
    return result(session, definition)


def _has_leaf(group: Group) -> bool:
    return any(not isinstance(i, Group) or _has_leaf(i) for i in group.items)


def withdraw(session: Session, user_id: int, version: int, *, now: datetime) -> LifecycleResult:
    """Withdraw a draft or a proposal (kept, like every version); its approvals stay."""
    user = editor(session, user_id)
    definition = locked(session, version)
    error = withdraw_refusal(user, detail_of(session, definition.id))
    if error is not None:
        raise error
    before = definition.status
    definition.status = _D.WITHDRAWN.value
    record(
        session,
        user_id,
        definition,
        "definition_withdrawn",
        {"status": before},
        {"status": _D.WITHDRAWN.value},
        now,
    )
    return result(session, definition)
