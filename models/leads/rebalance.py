"""Rebalancing: leads nobody has worked for N days go to another rep of the team.

Untouched for N days: an open lead (new or working) owned by a member of the team,
which arrived more than N days ago, had no call and no engagement in the last N days and
was not given to its rep in that time; a lead waiting for a callback its rep promised
(not yet due), a booked meeting, or one a rep is on the phone with right now stays. The
leads go through distribution's weighted round robin, never back to their own rep, and
are written the same way, with the reason "rebalance".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, or_
from sqlalchemy.orm import Session

from models.core.entities import AssignmentChange, Lead, LeadClaim
from models.core.errors import InvalidInput
from models.leads.distribution import Distributed, Plan, items_where, place, run
from models.leads.workload import open_lead

REBALANCE = "rebalance"
MAX_DAYS = 365


def _check_days(untouched_days: int) -> timedelta:
    if not 1 <= untouched_days <= MAX_DAYS:
        raise InvalidInput(
            "assignment.untouched_days", field="untouched_days", value=untouched_days, max=MAX_DAYS
        )
    return timedelta(days=untouched_days)


def untouched(team_id: int, now: datetime, untouched_days: int) -> ColumnElement[bool]:
    """The team's owned open leads nobody worked for ``untouched_days`` days."""
    since = now - _check_days(untouched_days)
    given = exists().where(
        AssignmentChange.lead_id == Lead.id, AssignmentChange.changed_at >= since
    )
    on_the_phone = exists().where(LeadClaim.lead_id == Lead.id, LeadClaim.expires_at > now)
    return and_(
        Lead.team_id == team_id,
        Lead.owner_id.is_not(None),
        open_lead(),
        Lead.mql_at < since,
        or_(Lead.last_call_at.is_(None), Lead.last_call_at < since),
        or_(Lead.last_touch_at.is_(None), Lead.last_touch_at < since),
        or_(Lead.next_callback_at.is_(None), Lead.next_callback_at <= now),
        Lead.next_meeting_at.is_(None),
        ~given,
        ~on_the_phone,
    )


def plan_rebalance(session: Session, team_id: int, now: datetime, untouched_days: int) -> Plan:
    """Who would get which untouched lead now (nothing written)."""
    items = items_where(session, untouched(team_id, now, untouched_days))
    return place(session, team_id, items, now, REBALANCE)


def rebalance(
    session: Session,
    actor_id: int,
    team_id: int,
    now: datetime,
    untouched_days: int,
    dry_run: bool = False,
    expected: Sequence[tuple[int, int]] | None = None,
) -> Distributed:
    """Move the team's leads untouched for ``untouched_days`` days to other reps (team
    leads and admins); ``dry_run`` and ``expected`` as for distribution."""
    where = untouched(team_id, now, untouched_days)
    return run(
        session, actor_id, team_id, where, now, REBALANCE, dry_run=dry_run, expected=expected
    )
