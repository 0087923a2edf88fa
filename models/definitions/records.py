"""Definition versions as plain data: who drafted, proposed and approved each one, and when.

What the lifecycle use cases (:mod:`models.definitions.lifecycle`) return and the views,
the CLI and the file export read; never an ORM object.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from models.core.entities import Definition, DefinitionApproval, User
from models.definitions.criteria import Criterion, parse


@dataclass(frozen=True)
class ApprovalInfo:
    user_id: int
    user_name: str
    #: ``marketing`` or ``sales`` (:class:`models.core.enums.ApprovalSide`).
    side: str
    approved_at: datetime


@dataclass(frozen=True)
class VersionInfo:
    id: int
    version: int
    name: str
    #: draft, proposed, approved, withdrawn (:class:`models.core.enums.DefinitionStatus`).
    status: str
    #: In effect now (one version at a time).
    active: bool
    based_on_version: int | None
    created_by: str | None
    created_at: datetime
    proposed_by: str | None
    proposed_by_id: int | None
    proposed_at: datetime | None
    approved_at: datetime | None
    effective_from: datetime | None
    #: The edit revision a form sends back when it saves (stale saves are refused).
    revision: int
    approvals: tuple[ApprovalInfo, ...]

    def approval(self, side: str) -> ApprovalInfo | None:
        return next((a for a in self.approvals if a.side == side), None)


@dataclass(frozen=True)
class VersionDetail(VersionInfo):
    note: str | None
    #: The criteria as plain data (:func:`models.definitions.criteria.to_data`).
    criteria_data: Mapping[str, Any]
    #: The scoring settings as plain data (:class:`ScoringConfig` reads them).
    scoring_data: Mapping[str, Any]

    @property
    def criteria(self) -> Criterion:
        return parse(self.criteria_data)


_Creator = aliased(User)
_Proposer = aliased(User)
_Base = aliased(Definition)


_COLUMNS: tuple[Any, ...] = (
    Definition.id,
    Definition.version,
    Definition.name,
    Definition.status,
    Definition.active,
    _Base.version.label("based_on_version"),
    _Creator.display_name.label("created_by"),
    Definition.created_at,
    _Proposer.display_name.label("proposed_by"),
    Definition.proposed_by.label("proposed_by_id"),
    Definition.proposed_at,
    Definition.approved_at,
    Definition.effective_from,
    Definition.revision,
)


def _rows(*extra: Any) -> Select[Any]:
    statement: Select[Any] = select(*_COLUMNS, *extra)
    return (
        statement.outerjoin(_Base, _Base.id == Definition.based_on_id)
        .outerjoin(_Creator, _Creator.id == Definition.created_by)
        .outerjoin(_Proposer, _Proposer.id == Definition.proposed_by)
    )


def _approvals(session: Session, ids: list[int]) -> dict[int, list[ApprovalInfo]]:
    found: dict[int, list[ApprovalInfo]] = {}
    rows = session.execute(
        select(
            DefinitionApproval.definition_id,
            DefinitionApproval.user_id,
            User.display_name,
            DefinitionApproval.side,
            DefinitionApproval.approved_at,
        )
        .join(User, User.id == DefinitionApproval.user_id)
        .where(DefinitionApproval.definition_id.in_(ids))
        .order_by(DefinitionApproval.approved_at, DefinitionApproval.id)
    )
    for definition_id, user_id, name, side, at in rows:
        found.setdefault(definition_id, []).append(ApprovalInfo(user_id, name, side, at))
    return found


def _info_fields(row: Any, approvals: list[ApprovalInfo]) -> dict[str, Any]:
    return {
        "id": row.id,
        "version": row.version,
        "name": row.name,
        "status": row.status,
        "active": bool(row.active),
        "based_on_version": row.based_on_version,
        "created_by": row.created_by,
        "created_at": row.created_at,
        "proposed_by": row.proposed_by,
        "proposed_by_id": row.proposed_by_id,
        "proposed_at": row.proposed_at,
        "approved_at": row.approved_at,
        "effective_from": row.effective_from,
        "revision": row.revision,
        "approvals": tuple(approvals),
    }


def list_infos(session: Session) -> list[VersionInfo]:
    rows = session.execute(_rows().order_by(Definition.version)).all()
    approvals = _approvals(session, [r.id for r in rows])
    return [VersionInfo(**_info_fields(r, approvals.get(r.id, []))) for r in rows]


def detail_of(session: Session, definition_id: int) -> VersionDetail:
    row = session.execute(
        _rows(Definition.note, Definition.criteria, Definition.scoring).where(
            Definition.id == definition_id
        ),
        execution_options={"populate_existing": True},
    ).one()
    approvals = _approvals(session, [definition_id]).get(definition_id, [])
    return VersionDetail(
        **_info_fields(row, approvals),
        note=row.note,
        criteria_data=row.criteria,
        scoring_data=row.scoring,
    )
