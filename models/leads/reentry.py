"""Leads come back from nurture on their re-entry date.

A lead returned to nurture "until DATE" re-enters the queue as new when that date comes
on its team's calendar (the minute tick and ``baton rescore`` run this), with the reason
"back from nurture", to its former owner, or unassigned if that rep is no longer active.
Do-not-call leads never come back.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from models.core.changes import Changes
from models.core.entities import Lead, User
from models.core.enums import Stage
from models.db.locking import leads_for_update
from models.leads.actions import back_to_new
from models.scoring.rescore import rescore_leads
from models.teams.rules import team_settings_for

#: At most this many leads come back in one tick (the next tick takes the rest).
BATCH = 500


def due_back(now: datetime) -> ColumnElement[bool]:
    """Recycled leads whose re-entry date may have come (a day's margin for time zones;
    each lead's own team decides)."""
    return and_(
        Lead.stage == Stage.RECYCLED.value,
        Lead.do_not_call.is_(False),
        Lead.recycle_until.is_not(None),
        Lead.recycle_until <= (now + timedelta(days=1)).date(),
    )


def return_from_nurture(session: Session, now: datetime, *, skip_locked: bool = True) -> Changes:
    """Bring back every recycled lead whose re-entry date has come; locked in id order."""
    back: list[int] = []
    # The first BATCH candidates (indexed), then only those locked: a tick never locks
    # more than it will bring back.
    candidates = list(
        session.scalars(select(Lead.id).where(due_back(now)).order_by(Lead.id).limit(BATCH))
    )
    if not candidates:
        return Changes()
    chosen = Lead.id.in_(candidates) & due_back(now)
    for lead in leads_for_update(session, chosen, skip_locked=skip_locked):
        rules = team_settings_for(session, lead)
        today = now.astimezone(ZoneInfo(rules.timezone)).date()
        if lead.recycle_until is None or lead.recycle_until > today:
            continue
        if lead.owner_id is not None:
            owner = session.get(User, lead.owner_id)
            if owner is None or not owner.active:
                lead.owner_id = None
        back_to_new(
            session, lead, None, now, reason="back_from_nurture", action="back_from_nurture"
        )
        back.append(lead.id)
    if not back:
        return Changes()
    rescore_leads(session, back, now)
    return Changes(lead_ids=frozenset(back), queue=True)
