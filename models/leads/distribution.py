"""Distribution: a team's unassigned new leads go to its reps, weighted by free capacity.

Who receives: the team's active reps who are not away today (team leads receive leads
only by a reassignment), each up to their free capacity (capacity less open leads), never
beyond it. Leads are placed highest priority first, by a smooth weighted round robin: each
rep's share follows their free capacity, and the picks interleave (the rep with the most
room does not take a run of the best leads). Ties go to the rep who least recently
received a lead (the assignment history), then the lower id: the same member is not
always first. A lead that cannot be placed is listed with why (no active rep, every rep
away, every rep at capacity, only its own rep has room), never left silently.

Known failures this avoids: SuiteCRM's round robin handed leads to inactive users;
Odoo's daily quota (capacity ÷ 30) left leads unassigned once the quota was used, and
its tie order favoured the oldest members.

Plans are read without locks (a dry run); applying re-plans under lock (the team row,
then the leads in id order) and writes through :func:`models.leads.assignment.move`,
with the reason "distribution" (or "rebalance").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from models.core.changes import Changes
from models.core.entities import Account, AssignmentChange, Lead, Team, User
from models.core.enums import Role
from models.core.errors import ConcurrentChange
from models.core.messages import lead_label
from models.db.locking import leads_for_update
from models.leads.assignment import changes_of, move, with_accounts
from models.leads.workload import RepLoad, unassigned_new, workload
from models.teams import permissions
from models.teams.away import AwayInfo
from models.teams.permissions import Action

DISTRIBUTION = "distribution"


class Unplaced(StrEnum):
    """Why a lead was not placed."""

    #: The team has no active rep.
    NO_REP = "no_rep"
    #: Every active rep of the team is away today.
    ALL_AWAY = "all_away"
    #: Every rep here today is at capacity.
    AT_CAPACITY = "at_capacity"
    #: The only rep with room is the lead's own (rebalancing).
    ONLY_OWNER = "only_owner"


@dataclass(frozen=True)
class Placement:
    lead_id: int
    lead: str
    priority: float
    from_user_id: int | None
    to_user_id: int
    to_name: str


@dataclass(frozen=True)
class NotPlaced:
    lead_id: int
    lead: str
    priority: float
    owner_id: int | None
    reason: Unplaced


@dataclass(frozen=True)
class Receiver:
    """A rep of the team as the plan saw them, and how many leads they receive."""

    user_id: int
    name: str
    open_leads: int
    capacity: int
    free_capacity: int
    receives: int
    #: Away today: receives nothing.
    away: AwayInfo | None


@dataclass(frozen=True)
class Plan:
    team_id: int
    team_name: str
    #: "distribution" or "rebalance" (the reason written with each assignment).
    kind: str
    placements: tuple[Placement, ...]
    unplaced: tuple[NotPlaced, ...]
    receivers: tuple[Receiver, ...]

    @property
    def assignments(self) -> tuple[tuple[int, int], ...]:
        """(lead, rep) of each placement: what a user confirmed, checked when applied."""
        return tuple(sorted((p.lead_id, p.to_user_id) for p in self.placements))


@dataclass(frozen=True)
class Distributed:
    plan: Plan
    applied: bool
    changes: Changes = field(default_factory=Changes)


@dataclass(frozen=True)
class Item:
    """A lead to place."""

    lead_id: int
    lead: str
    priority: float
    owner_id: int | None


@dataclass
class _Slot:
    rep: RepLoad
    #: Sort key of when they last received a lead (lower: longer ago).
    stamp: tuple[int, int]
    given: int = 0
    current: int = 0

    @property
    def room(self) -> bool:
        return self.given < self.rep.free_capacity


def last_received(session: Session, user_ids: Iterable[int]) -> dict[int, int]:
    """Per rep, the newest assignment history row giving them a lead (its id: rows are
    written in the order leads were given)."""
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(AssignmentChange.to_user_id, func.max(AssignmentChange.id))
        .where(AssignmentChange.to_user_id.in_(ids))
        .group_by(AssignmentChange.to_user_id)
    )
    return {int(user): int(last) for user, last in rows if user is not None}


def _pick(slots: list[_Slot], owner_id: int | None, step: int) -> _Slot | None:
    """One step of the smooth weighted round robin (weights: free capacity), among the
    reps with room other than the lead's owner."""
    eligible = [s for s in slots if s.room and s.rep.user_id != owner_id]
    if not eligible:
        return None
    for slot in eligible:
        slot.current += slot.rep.free_capacity
    best = min(eligible, key=lambda s: (-s.current, s.stamp, s.rep.user_id))
    best.current -= sum(s.rep.free_capacity for s in eligible)
    best.given += 1
    best.stamp = (2, step)
    return best


def _why_not(reps: Sequence[RepLoad], slots: list[_Slot]) -> Unplaced:
    if not any(r.active for r in reps):
        return Unplaced.NO_REP
    if not slots:
        return Unplaced.ALL_AWAY
    if not any(s.room for s in slots):
        return Unplaced.AT_CAPACITY
    return Unplaced.ONLY_OWNER


def place(session: Session, team_id: int, items: Sequence[Item], now: datetime, kind: str) -> Plan:
    """The plan for ``items`` (any order: placed highest priority first) over the team's
    reps as they are now."""
    load = workload(session, team_id, now)
    reps = [m for m in load.members if m.role == Role.REP.value and m.active]
    history = last_received(session, [r.user_id for r in reps])
    slots = [
        _Slot(r, (1, history[r.user_id]) if r.user_id in history else (0, 0))
        for r in reps
        if r.available
    ]
    placements: list[Placement] = []
    unplaced: list[NotPlaced] = []
    ordered = sorted(items, key=lambda i: (-i.priority, i.lead_id))
    for step, item in enumerate(ordered):
        slot = _pick(slots, item.owner_id, step)
        if slot is None:
            reason = _why_not(reps, slots)
            unplaced.append(
                NotPlaced(item.lead_id, item.lead, item.priority, item.owner_id, reason)
            )
            continue
        rep = slot.rep
        placements.append(
            Placement(item.lead_id, item.lead, item.priority, item.owner_id, rep.user_id, rep.name)
        )
    given = {s.rep.user_id: s.given for s in slots}
    receivers = tuple(
        Receiver(
            r.user_id,
            r.name,
            r.open_leads,
            r.capacity,
            r.free_capacity,
            given.get(r.user_id, 0),
            r.away,
        )
        for r in reps
    )
    return Plan(load.team_id, load.team_name, kind, tuple(placements), tuple(unplaced), receivers)


@dataclass(frozen=True)
class _Named:
    name: str


@dataclass(frozen=True)
class _Read:
    """A lead as read for a plan: what :func:`lead_label` names it by."""

    name: str
    account: _Named


def items_where(session: Session, where: ColumnElement[bool]) -> list[Item]:
    """The leads matching ``where`` as items to place (read, not locked)."""
    rows = session.execute(
        select(Lead.id, Lead.name, Account.name, Lead.priority, Lead.owner_id)
        .join(Account, Account.id == Lead.account_id)
        .where(where)
    )
    return [
        Item(i, lead_label(_Read(name, _Named(company))), float(p), owner)
        for i, name, company, p, owner in rows
    ]


def locked_items(
    session: Session, where: ColumnElement[bool]
) -> tuple[list[Item], dict[int, Lead]]:
    """The leads matching ``where``, locked in id order, as items and by id."""
    leads = with_accounts(session, leads_for_update(session, where))
    items = [Item(lead.id, lead_label(lead), lead.priority, lead.owner_id) for lead in leads]
    return items, {lead.id: lead for lead in leads}


def lock_team(session: Session, team_id: int) -> None:
    """Serialise the team's distributions and rebalances (two would both count the same
    free capacity). ``FOR NO KEY UPDATE``: leads referencing the team still save."""
    session.scalars(
        select(Team.id).where(Team.id == team_id).with_for_update(key_share=True)
    ).first()


def run(
    session: Session,
    actor_id: int,
    team_id: int,
    where: ColumnElement[bool],
    now: datetime,
    kind: str,
    *,
    dry_run: bool,
    expected: Sequence[tuple[int, int]] | None,
) -> Distributed:
    """Place the leads matching ``where`` (team leads and admins of the team).

    ``dry_run``: only the plan, nothing locked or written. Otherwise the plan is made
    again under lock and written; refused when it differs from ``expected`` (the plan's
    :attr:`Plan.assignments` a user confirmed).
    """
    actor = permissions.actor(session, actor_id)
    permissions.require(actor, Action.REASSIGN, team_id=team_id)
    if dry_run:
        return Distributed(place(session, team_id, items_where(session, where), now, kind), False)
    lock_team(session, team_id)
    items, leads = locked_items(session, where)
    plan = place(session, team_id, items, now, kind)
    if expected is not None and tuple(sorted(expected)) != plan.assignments:
        raise ConcurrentChange("assignment.plan_changed", field="plan", team=plan.team_name)
    users = {u.id: u for u in session.scalars(select(User).where(User.team_id == team_id))}
    moves = [(leads[p.lead_id], users[p.to_user_id]) for p in plan.placements]
    return Distributed(plan, True, changes_of(move(session, actor, moves, kind, now)))


def plan_distribution(session: Session, team_id: int, now: datetime) -> Plan:
    """Who would get which of the team's unassigned new leads now (nothing written)."""
    items = items_where(session, unassigned_new(session, team_id))
    return place(session, team_id, items, now, DISTRIBUTION)


def distribute(
    session: Session,
    actor_id: int,
    team_id: int,
    now: datetime,
    dry_run: bool = False,
    expected: Sequence[tuple[int, int]] | None = None,
) -> Distributed:
    """Give the team's unassigned new leads to its reps; ``dry_run`` and ``expected`` as
    for :func:`run`: if the leads or the reps changed since the plan a user confirmed,
    nothing is written."""
    where = unassigned_new(session, team_id)
    return run(
        session, actor_id, team_id, where, now, DISTRIBUTION, dry_run=dry_run, expected=expected
    )
