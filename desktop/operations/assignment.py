"""Who carries which lead: the reassign dialog's and the workload window's operations.

Reads: the leads a user selected (with the versions the form sends back), the team's
members and their load, a distribution or rebalancing plan. Writes: a reassignment with
the seen versions, a confirmed plan applied (refused if it changed meanwhile).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from desktop.operations.runner import Op, Operations
from models.leads import assignment, distribution, rebalance, workload
from models.leads.assignment import ChosenLead, Reassigned
from models.leads.distribution import Distributed
from models.leads.workload import Workload
from models.teams.rules import TeamInfo, list_teams, team_of

INITIATOR = "assignment"


@dataclass(frozen=True)
class ReassignForm:
    """What the reassign dialog shows: the chosen leads and who may take them."""

    leads: list[ChosenLead]
    load: Workload


def reassign_form(
    ops: Operations, user_id: int, lead_ids: Sequence[int], now: datetime, owner: QObject
) -> Op[ReassignForm]:
    """The chosen leads, and the members of their team (the user's team when the leads
    belong to none or to several)."""

    def job(session: Session) -> ReassignForm:
        leads = assignment.chosen_leads(session, lead_ids)
        teams = {lead.team_id for lead in leads if lead.team_id is not None}
        team = teams.pop() if len(teams) == 1 else team_of(session, user_id).id
        return ReassignForm(leads, workload.workload_for(session, user_id, team, now))

    return ops.read(job, owner=owner)


def reassign(
    ops: Operations,
    user_id: int,
    lead_ids: Sequence[int],
    to_user_id: int,
    reason: str,
    now: datetime,
    seen_versions: Mapping[int, int],
    *,
    allow_away: bool = False,
    owner: QObject | None = None,
) -> Op[Reassigned]:
    return ops.write(
        lambda session: assignment.reassign(
            session,
            user_id,
            lead_ids,
            to_user_id,
            reason,
            now,
            seen_versions,
            allow_away=allow_away,
        ),
        initiator=INITIATOR,
        owner=owner,
    )


@dataclass(frozen=True)
class Teams:
    """The teams a workload window may show, and the one it starts on."""

    teams: list[TeamInfo]
    own: int


def teams(ops: Operations, user_id: int, owner: QObject) -> Op[Teams]:
    return ops.read(
        lambda session: Teams(list_teams(session), team_of(session, user_id).id), owner=owner
    )


def team_workload(
    ops: Operations, user_id: int, team_id: int, now: datetime, owner: QObject
) -> Op[Workload]:
    return ops.read(
        lambda session: workload.workload_for(session, user_id, team_id, now), owner=owner
    )


def plan(
    ops: Operations,
    user_id: int,
    team_id: int,
    now: datetime,
    untouched_days: int | None,
    owner: QObject,
) -> Op[Distributed]:
    """The plan (nothing written): distribution, or rebalancing when ``untouched_days``."""

    def job(session: Session) -> Distributed:
        if untouched_days is None:
            return distribution.distribute(session, user_id, team_id, now, dry_run=True)
        return rebalance.rebalance(session, user_id, team_id, now, untouched_days, dry_run=True)

    return ops.read(job, owner=owner)


def apply(
    ops: Operations,
    user_id: int,
    team_id: int,
    now: datetime,
    untouched_days: int | None,
    expected: Sequence[tuple[int, int]],
    owner: QObject,
) -> Op[Distributed]:
    """Apply the plan a user confirmed (``expected``); refused if it changed meanwhile."""

    def job(session: Session) -> Distributed:
        if untouched_days is None:
            return distribution.distribute(session, user_id, team_id, now, expected=expected)
        return rebalance.rebalance(
            session, user_id, team_id, now, untouched_days, expected=expected
        )

    return ops.write(job, initiator=INITIATOR, owner=owner)
