"""The rep's queue: filtering and sorting in SQL, rows fetched by id.

The desktop model asks :func:`queue_ids` for the ordered ids of everything that matches
(cheap even at 100,000 leads: one indexed column) and then :func:`queue_rows` for the
few rows on screen. :func:`queue_page` is the top-N fetch used by the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from models import text
from models.entities import Account, Lead, User
from models.enums import ACTIVE_STAGES, Role

Owner = aliased(User, name="owner")


class SortKey(StrEnum):
    PRIORITY = "priority"
    NAME = "name"
    COMPANY = "company"
    INDUSTRY = "industry"
    SCORE = "score"
    LAST_TOUCH = "last_touch"
    WHY_NOW = "why_now"
    STAGE = "stage"
    OWNER = "owner"


#: Owner filter values besides a user id.
ANY_OWNER = "any"
NO_OWNER = "none"


@dataclass(frozen=True)
class QueueQuery:
    stages: tuple[str, ...] = tuple(s.value for s in ACTIVE_STAGES)
    grades: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    #: A user id, :data:`ANY_OWNER` or :data:`NO_OWNER`.
    owner: int | str = ANY_OWNER
    text: str = ""
    #: Only leads whose callback is due by this time (the "due now" filter).
    callbacks_due_by: datetime | None = None
    sort: SortKey = SortKey.PRIORITY
    descending: bool = True


@dataclass(frozen=True)
class QueueRow:
    id: int
    priority: float
    name: str
    name_kana: str | None
    company: str
    industry: str | None
    score: int
    grade: str
    last_touch_at: datetime | None
    why_now: str
    stage: str
    owner_id: int | None
    owner_name: str | None
    mql_at: datetime
    email: str | None
    phone: str | None
    call_attempts: int
    next_callback_at: datetime | None
    do_not_call: bool
    sla_due_at: datetime | None
    sla_met: bool | None
    first_call_at: datetime | None


@dataclass(frozen=True)
class UserOption:
    id: int
    name: str
    email: str
    role: str


@dataclass(frozen=True)
class FilterOptions:
    industries: tuple[str, ...]
    owners: tuple[UserOption, ...] = field(default_factory=tuple)


_SORT_COLUMNS: dict[SortKey, Any] = {
    SortKey.PRIORITY: Lead.priority,
    SortKey.NAME: Lead.sort_key,
    SortKey.COMPANY: Account.sort_key,
    SortKey.INDUSTRY: Account.industry,
    SortKey.SCORE: Lead.score,
    SortKey.LAST_TOUCH: Lead.last_touch_at,
    SortKey.WHY_NOW: Lead.why_now,
    SortKey.STAGE: Lead.stage,
    SortKey.OWNER: func.coalesce(Owner.display_name_kana, Owner.display_name),
}

_ROW_COLUMNS = (
    Lead.id,
    Lead.priority,
    Lead.name,
    Lead.name_kana,
    Account.name.label("company"),
    Account.industry,
    Lead.score,
    Lead.grade,
    Lead.last_touch_at,
    Lead.why_now,
    Lead.stage,
    Lead.owner_id,
    Owner.display_name.label("owner_name"),
    Lead.mql_at,
    Lead.email,
    Lead.phone,
    Lead.call_attempts,
    Lead.next_callback_at,
    Lead.do_not_call,
    Lead.sla_due_at,
    Lead.sla_met,
    Lead.first_call_at,
)


def _filtered(statement: Select[Any], query: QueueQuery) -> Select[Any]:
    # Do-not-call leads never return to any queue.
    statement = statement.where(Lead.do_not_call.is_(False))
    if query.callbacks_due_by is not None:
        statement = statement.where(Lead.next_callback_at <= query.callbacks_due_by)
    if query.stages:
        statement = statement.where(Lead.stage.in_(query.stages))
    if query.grades:
        statement = statement.where(Lead.grade.in_(query.grades))
    if query.industries:
        statement = statement.where(Account.industry.in_(query.industries))
    if query.owner == NO_OWNER:
        statement = statement.where(Lead.owner_id.is_(None))
    elif isinstance(query.owner, int):
        statement = statement.where(Lead.owner_id == query.owner)
    if query.text.strip():
        pattern = text.like_pattern(query.text)
        statement = statement.where(Lead.search_text.like(pattern, escape="\\"))
    return statement


def _ordered(statement: Select[Any], query: QueueQuery) -> Select[Any]:
    column = _SORT_COLUMNS[query.sort]
    if query.descending:
        return statement.order_by(column.desc().nulls_last(), Lead.id.desc())
    return statement.order_by(column.asc().nulls_last(), Lead.id.asc())


def _needs_owner(query: QueueQuery) -> bool:
    return query.sort == SortKey.OWNER


def _needs_account(query: QueueQuery) -> bool:
    return bool(query.industries) or query.sort in (SortKey.COMPANY, SortKey.INDUSTRY)


def queue_ids(session: Session, query: QueueQuery) -> list[int]:
    """Every matching lead id, in queue order."""
    statement: Select[Any] = select(Lead.id)
    if _needs_account(query):
        statement = statement.join(Account, Account.id == Lead.account_id)
    if _needs_owner(query):
        statement = statement.outerjoin(Owner, Owner.id == Lead.owner_id)
    return list(session.scalars(_ordered(_filtered(statement, query), query)))


def _row_select() -> Select[Any]:
    statement = (
        select(*_ROW_COLUMNS)
        .join(Account, Account.id == Lead.account_id)
        .outerjoin(Owner, Owner.id == Lead.owner_id)
    )
    return cast("Select[Any]", statement)


def _to_row(row: Any) -> QueueRow:
    return QueueRow(*row)


def queue_rows(session: Session, ids: Sequence[int]) -> list[QueueRow]:
    """The rows for the given ids, in the order given (unknown ids are left out)."""
    if not ids:
        return []
    by_id = {
        row.id: _to_row(row) for row in session.execute(_row_select().where(Lead.id.in_(list(ids))))
    }
    return [by_id[i] for i in ids if i in by_id]


def queue_page(
    session: Session, query: QueueQuery, *, offset: int = 0, limit: int = 50
) -> list[QueueRow]:
    """One page of the queue, in order: the top-N fetch."""
    statement = _ordered(_filtered(_row_select(), query), query).offset(offset).limit(limit)
    return [_to_row(row) for row in session.execute(statement)]


def filter_options(session: Session) -> FilterOptions:
    industries = tuple(
        i
        for i in session.scalars(select(Account.industry).distinct().order_by(Account.industry))
        if i
    )
    owners = tuple(
        UserOption(u.id, u.display_name, u.email, u.role)
        for u in session.execute(
            select(User.id, User.display_name, User.email, User.role)
            .where(User.role.in_((Role.REP, Role.TEAM_LEAD)), User.active.is_(True))
            .order_by(func.coalesce(User.display_name_kana, User.display_name))
        )
    )
    return FilterOptions(industries, owners)
