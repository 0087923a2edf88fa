"""What every step of the definition's lifecycle shares: who may act, the version's row
locked, the audit record, and the plain result handed back (never an ORM object)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import Definition, User
from models.core.errors import NotFound
from models.definitions.availability import draft_refusal
from models.definitions.records import VersionDetail, detail_of

ENTITY = "definition"


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


def actor(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or not user.active:
        raise NotFound("user.not_active", user_id=user_id)
    return user


def editor(session: Session, user_id: int) -> User:
    user = actor(session, user_id)
    error = draft_refusal(user)
    if error is not None:
        raise error
    return user


def locked(session: Session, version: int) -> Definition:
    """The version's row, locked and freshly read."""
    found = session.scalars(
        select(Definition).where(Definition.version == version).with_for_update(),
        execution_options={"populate_existing": True},
    ).first()
    if found is None:
        raise NotFound("definition.not_found", field="version", version=version)
    return found


def name_of(session: Session, user_id: int | None) -> str:
    user = session.get(User, user_id) if user_id is not None else None
    return user.display_name if user is not None else "Baton"


def result(
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


def record(
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
