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
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Boolean, Select, bindparam, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from models.core import text
from models.core.entities import ACCOUNT, LEAD, USER_ACCOUNT, Account, User
from models.core.enums import ACTIVE_STAGES, Role
from models.db.collation import bytewise
from models.definitions import versions
from models.definitions.criteria import root
from models.definitions.evaluate import MEETING_GRACE
from models.definitions.sql import condition, missing
from models.definitions.whatif import without_jit
from models.teams import permissions


class SortKey(StrEnum):
    PRIORITY = "priority"
    NAME = "name"
    COMPANY = "company"
    INDUSTRY = "industry"
    SCORE = "score"
    LAST_TOUCH = "last_touch"
    LAST_CALL = "last_call"
    ATTEMPTS = "attempts"
    WHY_NOW = "why_now"
    STAGE = "stage"
    OWNER = "owner"


#: Meeting filter values (QueueQuery.meetings).
ANY_MEETING = "any"
NO_MEETING = "none"
MEETING_BOOKED = "booked"
#: Qualification filter values (QueueQuery.qualification): every lead, the leads that
#: meet the handoff definition in effect, the leads one criterion away from it.
ANY_QUALIFICATION = "any"
QUALIFIED = "qualified"
ONE_AWAY = "one_away"

#: Owner filter values besides a user id.
ANY_OWNER = "any"
NO_OWNER = "none"

#: Team scope (QueueQuery.team) of administrators, marketing and tools: every team.
ANY_TEAM = "any"


@dataclass(frozen=True)
class QueueQuery:
    stages: tuple[str, ...] = tuple(s.value for s in ACTIVE_STAGES)
    grades: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    #: A user id, :data:`ANY_OWNER` or :data:`NO_OWNER`.
    owner: int | str = ANY_OWNER
    #: Whose team's leads: :data:`ANY_TEAM`, or a team id: that team's leads and those
    #: not routed to a team yet (None: only those); :func:`team_scope` gives a viewer's.
    team: int | str | None = ANY_TEAM
    text: str = ""
    #: Only leads whose callback is due by this time (the "due now" filter).
    callbacks_due_by: datetime | None = None
    sort: SortKey = SortKey.PRIORITY
    descending: bool = True
    #: Leads with a booked meeting still ahead (or held less than
    #: :data:`MEETING_GRACE` ago, at ``meetings_as_of``): :data:`ANY_MEETING` shows them
    #: with the rest, :data:`NO_MEETING` leaves them out (the call queue),
    #: :data:`MEETING_BOOKED` shows only them ("Ready to hand off").
    meetings: str = "any"
    meetings_as_of: datetime | None = None
    #: :data:`ANY_QUALIFICATION`, :data:`QUALIFIED` or :data:`ONE_AWAY`, judged by the
    #: definition in effect at ``qualification_as_of`` (None: no such filter).
    qualification: str = ANY_QUALIFICATION
    qualification_as_of: datetime | None = None


@dataclass(frozen=True, slots=True)
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
    last_call_at: datetime | None


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


# Core columns (not ORM attributes): the queue's reads are plain rows, and Core statements
# skip the ORM's per-execution work. Statements are built once per filter *shape* and
# cached; the values travel as bound parameters.
_L = LEAD.c
_A = ACCOUNT.c
_OWNER = USER_ACCOUNT.alias("owner")
_O = _OWNER.c

#: Text sorts compare code point by code point (``bytewise``), so the order is the same
#: on SQLite and on a PostgreSQL database with a linguistic collation: the sort keys
#: already encode the reading order.
_SORT_COLUMNS: dict[SortKey, Any] = {
    SortKey.PRIORITY: _L.priority,
    SortKey.NAME: bytewise(_L.sort_key),
    SortKey.COMPANY: bytewise(_A.sort_key),
    SortKey.INDUSTRY: bytewise(_A.industry),
    SortKey.SCORE: _L.score,
    SortKey.LAST_TOUCH: _L.last_touch_at,
    SortKey.LAST_CALL: _L.last_call_at,
    SortKey.ATTEMPTS: _L.call_attempts,
    SortKey.WHY_NOW: bytewise(_L.why_now),
    SortKey.STAGE: bytewise(_L.stage),
    SortKey.OWNER: bytewise(func.coalesce(_O.display_name_kana, _O.display_name)),
}

_ROW_COLUMNS = (
    _L.id,
    _L.priority,
    _L.name,
    _L.name_kana,
    _A.name.label("company"),
    _A.industry,
    _L.score,
    _L.grade,
    _L.last_touch_at,
    _L.why_now,
    _L.stage,
    _L.owner_id,
    _O.display_name.label("owner_name"),
    _L.mql_at,
    _L.email,
    _L.phone,
    _L.call_attempts,
    _L.next_callback_at,
    _L.do_not_call,
    _L.sla_due_at,
    _L.sla_met,
    _L.first_call_at,
    _L.last_call_at,
)


@dataclass(frozen=True)
class _Shape:
    """What a query's SQL depends on (its values are parameters)."""

    rows: bool
    paged: bool
    stages: bool
    grades: bool
    industries: bool
    owner: str  # "any", "none" or "id"
    text: bool
    due: bool
    sort: SortKey
    descending: bool
    meetings: str = ANY_MEETING
    qualification: bool = False
    team: str = ANY_TEAM  # "any", "id" or "none" (only leads not routed yet)


def _shape(query: QueueQuery, *, rows: bool, paged: bool) -> _Shape:
    owner = "id" if isinstance(query.owner, int) else str(query.owner)
    return _Shape(
        rows,
        paged,
        bool(query.stages),
        bool(query.grades),
        bool(query.industries),
        owner,
        bool(query.text.strip()),
        query.callbacks_due_by is not None,
        query.sort,
        query.descending,
        query.meetings if query.meetings_as_of is not None else ANY_MEETING,
        _qualifies(query),
        ANY_TEAM if query.team == ANY_TEAM else "none" if query.team is None else "id",
    )


def team_scope(role: str, team_id: int | None) -> int | str | None:
    """The team scope of a viewer's queue (:attr:`QueueQuery.team`): every team for the
    roles that act on every team (administrators, marketing), else the viewer's own team
    (and the leads not routed to a team yet), as :func:`permissions.in_scope` says."""
    return ANY_TEAM if role in permissions.ALL_TEAMS else team_id


def _qualifies(query: QueueQuery) -> bool:
    return query.qualification != ANY_QUALIFICATION and query.qualification_as_of is not None


def _with_qualification(session: Session, statement: Select[Any], query: QueueQuery) -> Select[Any]:
    """``statement`` narrowed to the leads meeting the definition (or one criterion away).

    Not cached with the statement: it depends on the definition in effect and the time.
    """
    if not _qualifies(query):
        return statement
    assert query.qualification_as_of is not None
    without_jit(session)  # its compiling costs more than the statement (see without_jit)
    criteria = root(versions.active(session).criteria)
    if query.qualification == QUALIFIED:
        return statement.where(condition(criteria, query.qualification_as_of))
    dialect = session.get_bind().dialect.name
    return statement.where(missing(criteria, query.qualification_as_of, dialect) == 1)


def _params(query: QueueQuery) -> dict[str, Any]:
    return {
        "stages": list(query.stages),
        "grades": list(query.grades),
        "industries": list(query.industries),
        "owner_id": query.owner if isinstance(query.owner, int) else None,
        "team_id": query.team if isinstance(query.team, int) else None,
        "pattern": text.like_pattern(query.text),
        "due_by": query.callbacks_due_by,
        "meeting_since": (
            query.meetings_as_of - MEETING_GRACE if query.meetings_as_of is not None else None
        ),
    }


class in_team(FunctionElement[bool]):  # noqa: N801 - reads as a SQL function in statements
    """A lead's ``team_id`` is ``team``, or NULL: not routed yet, in every team's scope."""

    type = Boolean()
    name = "in_team"
    inherit_cache = True


@compiles(in_team)
def _in_team_plain(element: in_team, compiler: SQLCompiler, **kw: Any) -> str:
    # PostgreSQL: the plain OR, which its planner estimates right (a function of the
    # column would be guessed at 0.5 % of the rows, and the joins planned for that). In
    # parentheses: the statement's other conditions are ANDed to it, and AND binds first.
    column, team = element.clauses
    return compiler.process(((column == team) | column.is_(None)).self_group(), **kw)


@compiles(in_team, "sqlite")
def _in_team_sqlite(element: in_team, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite answers an OR of two indexed terms through the team index and sorts every
    # match (60 ms for the top 50 of 20,000 leads): one expression keeps the scan of the
    # priority index, in queue order.
    column, team = element.clauses
    return compiler.process(func.coalesce(column, team) == team, **kw)


@lru_cache(maxsize=256)
def _statement(shape: _Shape) -> Select[Any]:
    columns = _ROW_COLUMNS if shape.rows else (_L.id,)
    statement: Select[Any] = select(*columns).select_from(LEAD)
    if (
        shape.rows
        or shape.industries
        or shape.qualification
        or shape.sort in (SortKey.COMPANY, SortKey.INDUSTRY)
    ):
        statement = statement.join(ACCOUNT, _A.id == _L.account_id)
    if shape.rows or shape.sort == SortKey.OWNER:
        statement = statement.outerjoin(_OWNER, _O.id == _L.owner_id)
    # Do-not-call leads never return to any queue.
    statement = statement.where(_L.do_not_call.is_(False))
    if shape.due:
        statement = statement.where(_L.next_callback_at <= bindparam("due_by"))
    pending_meeting = _L.next_meeting_at >= bindparam("meeting_since")
    if shape.meetings == NO_MEETING:
        statement = statement.where(_L.next_meeting_at.is_(None) | ~pending_meeting)
    elif shape.meetings == MEETING_BOOKED:
        statement = statement.where(pending_meeting)
    if shape.stages:
        statement = statement.where(_L.stage.in_(bindparam("stages", expanding=True)))
    if shape.grades:
        statement = statement.where(_L.grade.in_(bindparam("grades", expanding=True)))
    if shape.industries:
        statement = statement.where(_A.industry.in_(bindparam("industries", expanding=True)))
    if shape.owner == NO_OWNER:
        statement = statement.where(_L.owner_id.is_(None))
    elif shape.owner == "id":
        statement = statement.where(_L.owner_id == bindparam("owner_id"))
    if shape.team == "id":
        statement = statement.where(in_team(_L.team_id, bindparam("team_id")))
    elif shape.team == "none":
        statement = statement.where(_L.team_id.is_(None))
    if shape.text:
        statement = statement.where(_L.search_text.like(bindparam("pattern"), escape="\\"))
    column = _SORT_COLUMNS[shape.sort]
    if shape.descending:
        # A column that cannot be NULL needs no NULLS LAST: PostgreSQL's DESC puts NULLs
        # first, so with it an index on the column no longer gives the order (measured at
        # 100,000 leads: a full scan and sort, 40-66 ms, against 0.5 ms walking the index).
        nullable = getattr(column, "nullable", True)
        ordered = column.desc().nulls_last() if nullable else column.desc()
        statement = statement.order_by(ordered, _L.id.desc())
    else:
        statement = statement.order_by(column.asc().nulls_last(), _L.id.asc())
    if shape.paged:
        statement = statement.offset(bindparam("offset")).limit(bindparam("limit"))
    return statement


def queue_ids(session: Session, query: QueueQuery) -> list[int]:
    """Every matching lead id, in queue order."""
    statement = _statement(_shape(query, rows=False, paged=False))
    statement = _with_qualification(session, statement, query)
    return list(session.connection().execute(statement, _params(query)).scalars())


@lru_cache(maxsize=1)
def _rows_by_id() -> Select[Any]:
    statement = (
        select(*_ROW_COLUMNS)
        .select_from(LEAD)
        .join(ACCOUNT, _A.id == _L.account_id)
        .outerjoin(_OWNER, _O.id == _L.owner_id)
        .where(_L.id.in_(bindparam("ids", expanding=True)))
    )
    return cast("Select[Any]", statement)


def queue_rows(session: Session, ids: Sequence[int]) -> list[QueueRow]:
    """The rows for the given ids, in the order given (unknown ids are left out)."""
    if not ids:
        return []
    result = session.connection().execute(_rows_by_id(), {"ids": list(ids)})
    by_id = {row[0]: QueueRow(*row) for row in result.all()}
    return [by_id[i] for i in ids if i in by_id]


def queue_page(
    session: Session, query: QueueQuery, *, offset: int = 0, limit: int = 50
) -> list[QueueRow]:
    """One page of the queue, in order: the top-N fetch."""
    statement = _statement(_shape(query, rows=True, paged=True))
    statement = _with_qualification(session, statement, query)
    params = _params(query) | {"offset": offset, "limit": limit}
    return [QueueRow(*row) for row in session.connection().execute(statement, params).all()]


def filter_options(session: Session) -> FilterOptions:
    industries = tuple(
        i
        for i in session.scalars(
            select(Account.industry).group_by(Account.industry).order_by(bytewise(Account.industry))
        )
        if i
    )
    owners = tuple(
        UserOption(u.id, u.display_name, u.email, u.role)
        for u in session.execute(
            select(User.id, User.display_name, User.email, User.role)
            .where(User.role.in_((Role.REP, Role.TEAM_LEAD)), User.active.is_(True))
            .order_by(bytewise(func.coalesce(User.display_name_kana, User.display_name)), User.id)
        )
    )
    return FilterOptions(industries, owners)
